//! The Q&A pager drawn on a buffer: frames at two sizes in both scripts, and the styles that
//! text snapshots cannot show.

use std::collections::BTreeSet;

use pressdash::app::action::Action;
use pressdash::app::pager::{Pager, PagerContext};
use pressdash::data::{Dataset, Lang, Script};
use pressdash::ui::pager::draw;
use pressdash::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use unicode_width::UnicodeWidthStr;

fn fixture() -> Dataset {
    serde_json::from_str(include_str!("data/pager_fixture.json")).expect("the fixture parses")
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
    };
    let area = Rect::new(0, 0, width, height);
    let mut pager = Pager::new();
    pager.resize(area, &ctx);
    for &action in actions {
        pager.apply(action, &ctx);
    }
    let mut buf = Buffer::empty(area);
    draw(&mut buf, area, &pager, &ctx, &Theme::plain());
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
    let row = text.lines().position(|l| l.contains("张晓辉：")).expect("a name is shown");
    let row = u16::try_from(row).expect("small");
    let column = (0..110)
        .find(|&x| buf[(x, row)].symbol() == "张" && x > 30)
        .expect("the name's first character");
    assert!(buf[(column, row)].modifier.contains(Modifier::BOLD));
    assert!(buf[(1, 0)].modifier.contains(Modifier::REVERSED), "the first entry is current");
    assert!(!buf[(1, 2)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn every_frame_fits_its_area_without_half_characters() {
    let data = fixture();
    for width in 1..=40 {
        for height in [1, 2, 3, 7] {
            let buf = frame(&data, Script::Hant, width, height, &[Action::PageDown]);
            for line in text_of(&buf).lines() {
                assert!(line.width() <= usize::from(width), "{width}x{height}: {line}");
            }
        }
    }
}
