//! The Q&A pager drawn on a buffer: frames at two sizes in both scripts, and the styles that
//! text snapshots cannot show.

#[path = "../src/proptest_config.rs"]
mod proptest_config;

use std::collections::BTreeSet;
use std::sync::OnceLock;

use pressdash::app::action::Action;
use pressdash::app::keys::KeyMap;
use pressdash::app::pager::{Pager, PagerContext};
use pressdash::data::{Dataset, Lang, Script};
use pressdash::ui::pager::PagerView;
use pressdash::ui::palette::Palette;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

fn fixture() -> Dataset {
    serde_json::from_str(include_str!("data/pager_fixture.json")).expect("the fixture parses")
}

/// The embedded dataset, parsed once for all cases.
fn real() -> &'static Dataset {
    static REAL: OnceLock<Dataset> = OnceLock::new();
    REAL.get_or_init(|| {
        serde_json::from_str(pressdash::data::EMBEDDED_JSON).expect("the embedded dataset parses")
    })
}

/// The buffer as text, one line per row, each wide character once.
fn text_of(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        let mut line = String::new();
        while x < buf.area.width {
            let symbol = buf[(x, y)].symbol();
            line.push_str(symbol);
            x += u16::try_from(symbol.width().max(1)).unwrap_or(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The pager drawn in a `width` × `height` buffer after `actions`.
fn frame(data: &Dataset, script: Script, width: u16, height: u16, actions: &[Action]) -> Buffer {
    let topics = BTreeSet::new();
    let ctx = PagerContext {
        data,
        script,
        lang: Lang::Zh,
        topics: &topics,
        text: "",
    };
    let area = Rect::new(0, 0, width, height);
    let mut pager = Pager::new();
    pager.resize(area, &ctx);
    for &action in actions {
        pager.apply(action, &ctx);
    }
    let mut buf = Buffer::empty(area);
    PagerView {
        items_cursor: None,
        pager: &pager,
        ctx: &ctx,
        keys: &KeyMap::default(),
        palette: &Palette::plain(),
    }
    .render(area, &mut buf);
    buf
}

#[test]
fn frames_at_two_sizes_in_both_scripts() {
    let data = fixture();
    for script in [Script::Hans, Script::Hant] {
        for (width, height) in [(60, 16), (110, 14)] {
            let buf = frame(&data, script, width, height, &[Action::NextItem]);
            insta::assert_snapshot!(
                format!("frame_{script:?}_{width}x{height}").to_lowercase(),
                text_of(&buf)
            );
        }
    }
}

#[test]
fn names_are_bold_and_the_current_item_is_reversed_in_the_list() {
    let data = fixture();
    let buf = frame(&data, Script::Hans, 110, 14, &[]);
    let text = text_of(&buf);
    let row = text
        .lines()
        .position(|l| l.contains("张晓辉："))
        .expect("a name is shown");
    let row = u16::try_from(row).expect("small");
    let column = (0..110)
        .find(|&x| buf[(x, row)].symbol() == "张" && x > 30)
        .expect("the name's first character");
    assert!(buf[(column, row)].modifier.contains(Modifier::BOLD));
    assert!(
        buf[(1, 0)].modifier.contains(Modifier::REVERSED),
        "the first entry is current"
    );
    assert!(!buf[(1, 2)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn every_frame_fits_its_area_without_half_characters() {
    let data = fixture();
    for width in 1..=40 {
        for height in [1, 2, 3, 7] {
            let buf = frame(&data, Script::Hant, width, height, &[Action::PageDown]);
            for line in text_of(&buf).lines() {
                assert!(
                    line.width() <= usize::from(width),
                    "{width}x{height}: {line}"
                );
            }
        }
    }
}

fn typed(pager: &mut Pager, ctx: &PagerContext, text: &str) {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    for c in text.chars() {
        pager.handle_prompt_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), ctx);
    }
    pager.handle_prompt_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE), ctx);
}

/// The cells' modifiers over the first occurrence of `needle` in the frame's text.
fn modifiers_at(buf: &Buffer, needle: &str) -> Vec<Modifier> {
    let text = text_of(buf);
    let (row, line) = text
        .lines()
        .enumerate()
        .find(|(_, line)| line.contains(needle))
        .unwrap_or_else(|| panic!("{needle} is shown"));
    let column = line[..line.find(needle).expect("found")].width();
    let row = u16::try_from(row).expect("small");
    let column = u16::try_from(column).expect("small");
    (column..column + u16::try_from(needle.width()).expect("small"))
        .step_by(2)
        .map(|x| buf[(x, row)].modifier)
        .collect()
}

#[test]
fn matches_and_the_opened_figure_are_marked() {
    let data = fixture();
    let topics = BTreeSet::new();
    let ctx = PagerContext {
        data: &data,
        script: Script::Hant,
        lang: Lang::Zh,
        topics: &topics,
        text: "",
    };
    let area = Rect::new(0, 0, 110, 14);
    let mut pager = Pager::new();
    pager.resize(area, &ctx);
    pager.apply(Action::StartSearch, &ctx);
    typed(&mut pager, &ctx, "维护");
    assert!(pager.open_at_figure("parcels-2021", &ctx));
    let mut buf = Buffer::empty(area);
    PagerView {
        items_cursor: None,
        pager: &pager,
        ctx: &ctx,
        keys: &KeyMap::default(),
        palette: &Palette::plain(),
    }
    .render(area, &mut buf);
    // The current match (the first from the top, in the heading) is highlighted, the other
    // one reversed, both in the script shown.
    let heading = modifiers_at(&buf, "維護職工權益");
    assert!(heading[0].contains(Modifier::BOLD | Modifier::UNDERLINED));
    assert!(!heading[2].contains(Modifier::UNDERLINED), "only the match");
    let other = modifiers_at(&buf, "維護職工權益方面");
    assert!(other[0].contains(Modifier::REVERSED));
    assert!(!other[0].contains(Modifier::BOLD));
    let figure = modifiers_at(&buf, "8122.4萬件");
    assert!(figure[0].contains(Modifier::BOLD | Modifier::UNDERLINED));
    let other_figure = modifiers_at(&buf, "2.96億人");
    assert!(other_figure[0].contains(Modifier::UNDERLINED));
    assert!(!other_figure[0].contains(Modifier::BOLD));
}

#[test]
fn dataset_text_cannot_send_control_sequences() {
    let mut data = fixture();
    data.segments[0].title.hans = "开场\u{1b}]0;owned\u{7}".to_owned();
    data.segments[0].paragraphs[0]
        .text
        .hans
        .push_str("\u{1b}[2J\u{9b}31m");
    for width in [60, 110] {
        let buf = frame(&data, Script::Hans, width, 14, &[]);
        let text = text_of(&buf);
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text}");
        assert!(text.contains('␛'), "the escape is shown, not run");
    }
}

proptest::proptest! {
    #![proptest_config(proptest_config::proptest_config(48))]
    #[test]
    fn random_actions_at_random_sizes_draw_inside_the_area(
        width in 0u16..140,
        height in 0u16..40,
        actions in proptest::collection::vec(
            proptest::sample::select(vec![
                Action::Down, Action::PageDown, Action::HalfPageUp, Action::Bottom,
                Action::NextItem, Action::PrevItem, Action::NextMatch, Action::Top,
            ]),
            0..12,
        ),
        hans in proptest::bool::ANY,
    ) {
        let script = if hans { Script::Hans } else { Script::Hant };
        let buf = frame(real(), script, width, height, &actions);
        for line in text_of(&buf).lines() {
            proptest::prop_assert!(line.width() <= usize::from(width));
        }
    }
}
