//! The dashboard's screens drawn as text at several sizes and in both scripts, compared with
//! the committed snapshots; a few style checks text cannot show; and a property test that no
//! key sequence at any size panics or draws outside the frame. All on the embedded dataset,
//! so the snapshots show what users see.

#[path = "../src/proptest_config.rs"]
mod proptest_config;

use std::sync::LazyLock;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

use pressdash::app::action::Action;
use pressdash::app::{App, Options, strings};
use pressdash::colors::ColorScheme;
use pressdash::data::{Dataset, Lang, Script};
use pressdash::text;
use pressdash::ui::{self, palette::Palette};

/// Parsed once: the snapshots build over a hundred apps.
static DATASET: LazyLock<Dataset> = LazyLock::new(|| {
    serde_json::from_str(pressdash::data::EMBEDDED_JSON).expect("the embedded dataset is valid")
});

fn dataset() -> Dataset {
    DATASET.clone()
}

fn app(script: Script, lang: Lang, width: u16, height: u16) -> App {
    app_over(dataset(), script, lang, width, height)
}

/// An app over `data`, without colour, at a size.
fn app_over(data: Dataset, script: Script, lang: Lang, width: u16, height: u16) -> App {
    let mut app = App::new(data, Options::plain(script, lang));
    app.resize(width, height);
    app
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn typed(app: &mut App, keys: &str) {
    for c in keys.chars() {
        app.handle_key(key(KeyCode::Char(c)));
    }
}

fn frame(app: &App, width: u16, height: u16) -> String {
    ui::buffer_text(&ui::render_buffer(app, width, height)).join("\n")
}

/// How to reach a screen from the start.
type Steps = Box<dyn Fn(&mut App)>;

/// Each screen: a name and how to get there from the start.
fn screens() -> Vec<(String, Steps)> {
    let mut screens: Vec<(String, Steps)> = vec![("overview".into(), Box::new(|_: &mut App| {}))];
    for (index, theme) in dataset().themes.iter().enumerate() {
        screens.push((
            format!("topic_{}", theme.id),
            Box::new(move |app: &mut App| app.apply(Action::GoToTab(index + 1))),
        ));
    }
    let more: Vec<(&str, Steps)> = vec![
        (
            "drill_down_damaged",
            Box::new(|app: &mut App| {
                app.apply(Action::GoToTab(1));
                typed(app, "j");
                app.handle_key(key(KeyCode::Enter));
            }),
        ),
        (
            "drill_down_series",
            Box::new(|app: &mut App| {
                app.apply(Action::GoToTab(1));
                app.handle_key(key(KeyCode::End));
                app.handle_key(key(KeyCode::Enter));
            }),
        ),
        ("topic_picker", Box::new(|app: &mut App| typed(app, "tj "))),
        (
            "help",
            Box::new(|app: &mut App| app.handle_key(key(KeyCode::F(1)))),
        ),
        (
            "filter_active",
            Box::new(|app: &mut App| {
                app.apply(Action::GoToTab(1));
                typed(app, "t");
                app.handle_key(key(KeyCode::Char(' ')));
                app.handle_key(key(KeyCode::Enter));
                typed(app, "/技能");
                app.handle_key(key(KeyCode::Enter));
            }),
        ),
        (
            "filter_overview",
            Box::new(|app: &mut App| {
                typed(app, "/快递");
                app.handle_key(key(KeyCode::Enter));
            }),
        ),
        (
            "jump_to_source",
            Box::new(|app: &mut App| {
                open_figure(app, "skills-platform-learners");
                typed(app, "o");
            }),
        ),
        (
            "filter_qa",
            Box::new(|app: &mut App| {
                typed(app, "/法律");
                app.handle_key(key(KeyCode::Enter));
                app.handle_key(key(KeyCode::Left));
            }),
        ),
        (
            "filter_prompt",
            Box::new(|app: &mut App| typed(app, "/劳模")),
        ),
        (
            "english_labels",
            Box::new(|app: &mut App| {
                typed(app, "L");
                app.apply(Action::GoToTab(1));
            }),
        ),
        (
            "english_overview",
            Box::new(|app: &mut App| typed(app, "L")),
        ),
        (
            "english_drill_down",
            Box::new(|app: &mut App| {
                typed(app, "L");
                app.apply(Action::GoToTab(1));
                typed(app, "j");
                app.handle_key(key(KeyCode::Enter));
            }),
        ),
    ];
    screens.extend(
        more.into_iter()
            .map(|(name, steps)| (name.to_string(), steps)),
    );
    screens
}

#[test]
fn every_screen_at_every_size_in_both_scripts() {
    for (width, height) in [(80, 24), (120, 40), (40, 12)] {
        for (script, script_name) in [(Script::Hans, "hans"), (Script::Hant, "hant")] {
            for (screen, go) in screens() {
                let mut app = app(script, Lang::Zh, width, height);
                go(&mut app);
                let name = format!("{screen}_{width}x{height}_{script_name}");
                insta::assert_snapshot!(name, frame(&app, width, height));
            }
        }
    }
}

/// The embedded dataset with its damaged figure (the May Day medals, `?650`) charted beside
/// the certificates and titles it is said with, as a dataset may chart a damaged figure.
fn dataset_charting_the_damaged_figure() -> Dataset {
    let mut data = dataset();
    let medals = data
        .figures
        .iter()
        .find(|f| f.damaged.is_some())
        .expect("the dataset has a damaged figure")
        .clone();
    let chart = data
        .charts
        .iter_mut()
        .find(|c| c.id == "national-honours")
        .expect("the chart of national honours");
    chart.bars.push(pressdash::data::Bar {
        figure: medals.id.clone(),
        label: medals.label.clone(),
    });
    data
}

/// The lists in another order (by value, with rules between the groups), rows told apart by
/// their period, and the charts that compare periods or show a damaged figure, at the three
/// usual sizes, in both scripts and both languages.
#[test]
fn sorted_lists_and_charts_with_a_legend_in_both_scripts_and_languages() {
    /// A screen's name, the dataset it is drawn from, and the keys that reach it.
    type Screen = (&'static str, fn() -> Dataset, &'static str);
    let screens: [Screen; 5] = [
        // The workforce tab: its first chart compares 2012 with 2021, and its list has
        // figures of one label told apart by their period alone.
        ("workforce_periods", dataset, "8"),
        ("sorted_by_value", dataset, "8 r"),
        // Counts of certificates, medals, titles and provinces, all 个 in Chinese.
        ("sorted_by_value_counts", dataset, "2 r"),
        ("sorted_by_label", dataset, "8 r r"),
        // The skills tab's last chart, with its damaged figure charted.
        (
            "chart_damaged_bar",
            dataset_charting_the_damaged_figure,
            "2 C",
        ),
    ];
    for (width, height) in [(80, 24), (120, 36), (200, 50)] {
        for (script, script_name) in [(Script::Hans, "hans"), (Script::Hant, "hant")] {
            for (lang, lang_name) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
                for (screen, data, keys) in screens {
                    let mut app = app_over(data(), script, lang, width, height);
                    for token in keys.split(' ') {
                        typed(&mut app, token);
                    }
                    let name = format!("{screen}_{width}x{height}_{script_name}_{lang_name}");
                    insta::assert_snapshot!(name, frame(&app, width, height));
                }
            }
        }
    }
}

/// Counts East Asian Ambiguous characters as two columns on this test's thread while it
/// lives, as `--ambiguous-width 2` does for a run of the program.
struct WideAmbiguous;

impl WideAmbiguous {
    fn set() -> Self {
        text::set_ambiguous_width(text::AmbiguousWidth::Wide);
        Self
    }
}

impl Drop for WideAmbiguous {
    fn drop(&mut self) {
        text::set_ambiguous_width(text::AmbiguousWidth::Narrow);
    }
}

/// Every screen and the Q&A tab, by name.
fn screens_and_qa() -> Vec<(String, Steps)> {
    let mut all = screens();
    all.push((
        "qa".into(),
        Box::new(|app: &mut App| app.apply(Action::LastTab)),
    ));
    all
}

/// On a terminal that draws ambiguous characters (box drawing, block elements, `“ … ·`) two
/// columns wide, every row of every screen takes exactly the frame's width there: nothing
/// the interface draws pushes the rest of its row over the edge or leaves it short.
#[test]
fn every_screen_lines_up_where_ambiguous_characters_are_wide() {
    let _wide = WideAmbiguous::set();
    let (width, height) = (120, 36);
    let looks = [
        (Script::Hans, Lang::Zh, "hans"),
        (Script::Hant, Lang::Zh, "hant"),
        (Script::Hans, Lang::En, "en"),
    ];
    let snapshots = [
        "overview",
        "topic_skills",
        "help",
        "drill_down_damaged",
        "qa",
    ];
    for (script, lang, look) in looks {
        for (screen, go) in screens_and_qa() {
            let mut app = app(script, lang, width, height);
            go(&mut app);
            let buf = ui::render_buffer(&app, width, height);
            for (y, row) in ui::buffer_rows(&buf).enumerate() {
                assert_eq!(
                    unicode_width::UnicodeWidthStr::width_cjk(row.as_str()),
                    usize::from(width),
                    "{screen} ({look}), row {y}: {row:?}"
                );
            }
            let text = ui::buffer_text(&buf).join("\n");
            assert!(
                !text.contains(['─', '│', '╭', '╯', '█', '▏']),
                "{screen} ({look}) draws an ambiguous mark:\n{text}"
            );
            if snapshots.contains(&screen.as_str()) || screen == "topic_picker" && look == "en" {
                insta::assert_snapshot!(format!("ambiguous_wide_{screen}_{look}"), text);
            }
        }
    }
}

#[test]
fn a_damaged_bar_is_marked_and_styled_as_damaged() {
    let mut app = App::new(
        dataset_charting_the_damaged_figure(),
        Options {
            color: true,
            colors: ColorScheme::Dark,
            ..Options::plain(Script::Hans, Lang::Zh)
        },
    );
    app.resize(120, 36);
    typed(&mut app, "2C");
    let buffer = ui::render_buffer(&app, 120, 36);
    let lines = ui::buffer_text(&buffer);
    let (y, line) = lines
        .iter()
        .enumerate()
        .find(|(_, line)| line.contains("?650") && line.contains('░'))
        .expect("the damaged bar is drawn");
    assert!(
        lines.iter().any(|l| l.contains("?░ 原文损坏")),
        "the legend says what ? means: {lines:#?}"
    );
    let damaged = Palette::new(true, ColorScheme::Dark).damaged;
    let x = (0..120)
        .find(|&x| buffer[(x, y as u16)].symbol() == "░")
        .expect("the hatch");
    assert_eq!(buffer[(x, y as u16)].fg, damaged.fg.unwrap(), "{line}");
}

/// Opens the drill-down of figure `id` from its theme's tab, as a user would.
fn open_figure(app: &mut App, id: &str) {
    let data = app.data();
    let figure = data
        .figures
        .iter()
        .position(|f| f.id == id)
        .expect("a known figure");
    let topic = data
        .themes
        .iter()
        .position(|t| t.id == data.figures[figure].theme)
        .expect("its theme");
    app.apply(Action::GoToTab(topic + 1));
    let row = app
        .topic_figures(topic)
        .iter()
        .position(|&f| f == figure)
        .expect("listed under its theme");
    app.apply(Action::Top);
    for _ in 0..row {
        app.apply(Action::Down);
    }
    app.handle_key(key(KeyCode::Enter));
}

#[test]
fn the_drill_down_lists_every_linked_figure_with_its_value_and_period() {
    let app = app(Script::Hant, Lang::Zh, 120, 40);
    let data = app.data();
    let mut checked = 0;
    for (index, figure) in data.figures.iter().enumerate() {
        let series = figure
            .series
            .as_ref()
            .and_then(|id| data.series.iter().find(|s| &s.id == id));
        let linked: Vec<&str> = figure
            .repeats
            .iter()
            .map(String::as_str)
            .chain(
                series
                    .iter()
                    .flat_map(|s| s.figures.iter().map(String::as_str)),
            )
            .collect();
        if linked.is_empty() {
            continue;
        }
        let lines: Vec<String> = pressdash::app::drill::lines(&app, index, 400)
            .iter()
            .map(|line| line.iter().map(|(text, _)| text.as_str()).collect())
            .collect();
        for id in linked {
            let other = app.figure(id).expect("links name known figures");
            let value =
                strings::figure_value(other, text::Magnitude::Short, Lang::Zh, Script::Hant);
            // A restatement is listed by its place (speaker, item), a series member by its
            // period and label.
            let (period, label) = if figure.repeats.iter().any(|r| r == id) {
                let speaker = data.speaker(&other.speaker).expect("known speaker");
                let item = data.segments.iter().find(|s| s.id == other.source.segment);
                (
                    speaker.name.get(Lang::Zh, Script::Hant).to_string(),
                    item.map_or("", |s| s.title.get(Lang::Zh, Script::Hant)),
                )
            } else {
                (
                    other
                        .period
                        .as_ref()
                        .map(|p| strings::period(p, Lang::Zh, Script::Hant))
                        .unwrap_or_default(),
                    other.label.get(Lang::Zh, Script::Hant),
                )
            };
            assert!(
                lines.iter().any(|line| line.contains(&value)
                    && line.contains(&period)
                    && line.contains(label)),
                "{}: {id} ({period} {value} {label}) is not listed in\n{}",
                figure.id,
                lines.join("\n")
            );
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} links");
}

#[test]
fn the_jump_key_lands_at_the_sentence_with_the_figure_highlighted() {
    for script in [Script::Hans, Script::Hant] {
        for (id, jump) in [
            ("skills-platform-learners", KeyCode::Char('o')),
            ("skills-platform-learners-earlier", KeyCode::Enter),
            // Said twice: the list holds its first statement.
            ("innovation-studios-statement", KeyCode::Char('o')),
        ] {
            let (width, height) = (100, 30);
            let mut app = app(script, Lang::Zh, width, height);
            open_figure(&mut app, id);
            assert!(app.popup().is_some(), "{id}: the drill-down is open");
            app.handle_key(key(jump));
            assert_eq!(app.tab(), pressdash::app::Tab::Qa, "{id}");
            assert!(app.popup().is_none());
            let figure = app.figure(id).expect("known").clone();
            let index = app.data().figures.iter().position(|f| f.id == id);
            assert_eq!(app.pager().opened_figure(), index, "{id}");

            // The sentence starts on the text's first row (below the tab bar: at 100 columns
            // the items list is a column beside the text), unless the end of the transcript
            // was reached first; the figure is on screen, bold and underlined.
            let buf = ui::render_buffer(&app, width, height);
            let rows = ui::buffer_text(&buf);
            let sentence: String = figure.source.sentence.get(script).chars().take(4).collect();
            let first_text_row = &rows[1];
            assert!(
                first_text_row.contains(&sentence) || app.pager().status().percent == 100,
                "{id}: {sentence} not at the top:\n{}",
                rows.join("\n")
            );
            let raw = figure.raw.get(script);
            let (y, line) = rows
                .iter()
                .enumerate()
                .find(|(_, line)| line.contains(raw))
                .unwrap_or_else(|| panic!("{id}: {raw} not shown:\n{}", rows.join("\n")));
            let x = text::width(&line[..line.find(raw).expect("found")]);
            let cell = &buf[(x as u16, y as u16)];
            assert!(
                cell.modifier
                    .contains(Modifier::BOLD | Modifier::UNDERLINED),
                "{id}: {raw} at ({x}, {y}) is {:?}",
                cell.modifier
            );
        }
    }
}

#[test]
fn too_small_terminals_get_a_notice() {
    for (width, height, lang) in [(39, 12, Lang::Zh), (80, 11, Lang::En), (20, 5, Lang::Zh)] {
        let app = app(Script::Hant, lang, width, height);
        let name = format!("too_small_{width}x{height}");
        insta::assert_snapshot!(name, frame(&app, width, height));
    }
}

#[test]
fn a_qa_tab_the_filter_empties_says_which_filter_to_clear() {
    for (script, lang, topics_notice, text_notice) in [
        (
            Script::Hant,
            Lang::Zh,
            "所選主題沒有相關問答",
            "沒有符合篩選的問答。按 Esc 清除篩選。",
        ),
        (
            Script::Hans,
            Lang::En,
            "Press t to change them.",
            "No part of the transcript matches the filter. Press Esc to clear it.",
        ),
    ] {
        let mut app = app(script, lang, 100, 20);
        typed(&mut app, "/zzzz");
        app.handle_key(key(KeyCode::Enter));
        app.handle_key(key(KeyCode::Left));
        let text = frame(&app, 100, 20);
        assert!(text.contains(text_notice), "{text}");
        assert!(!text.contains(topics_notice), "{text}");
        // Esc clears the filter and the items come back.
        app.handle_key(key(KeyCode::Esc));
        assert!(!frame(&app, 100, 20).contains(text_notice));
    }
}

#[test]
fn the_selection_is_reversed_without_colour() {
    let mut app = app(Script::Hans, Lang::Zh, 80, 24);
    app.apply(Action::GoToTab(1));
    let buf = ui::render_buffer(&app, 80, 24);
    let text = ui::buffer_text(&buf);
    let row = text
        .iter()
        .position(|line| line.starts_with("▸ "))
        .expect("a selected row") as u16;
    let mut x = 0;
    while x < 80 {
        let cell = &buf[(x, row)];
        assert!(cell.modifier.contains(Modifier::REVERSED), "column {x}");
        assert_eq!(cell.fg, Color::Reset, "no colour under NO_COLOR");
        assert_eq!(cell.bg, Color::Reset, "no colour under NO_COLOR");
        // The cell under a wide character's right half carries no style of its own.
        x += text::width(cell.symbol()).max(1) as u16;
    }
}

#[test]
fn a_damaged_figure_is_styled_as_damaged() {
    let mut app = app(Script::Hans, Lang::Zh, 120, 40);
    app.apply(Action::GoToTab(1));
    typed(&mut app, "j");
    let buf = ui::render_buffer(&app, 120, 40);
    let text = ui::buffer_text(&buf);
    let damaged = Palette::plain().damaged.add_modifier;
    let row = text
        .iter()
        .position(|line| line.contains("?650"))
        .expect("the damaged medal count is listed") as u16;
    let x = (0..120)
        .find(|&x| buf[(x, row)].symbol() == "?")
        .expect("its surviving digits");
    assert!(buf[(x, row)].modifier.contains(damaged));
    // The drill-down says why there is no number.
    app.handle_key(key(KeyCode::Enter));
    let text = frame(&app, 120, 40);
    assert!(text.contains("?650个 — 原文损坏"), "{text}");
}

#[test]
fn a_popup_border_survives_wide_characters_under_its_edges() {
    // At every width the drill-down's left border must not sit on the right half of a wide
    // character left in the cell before it.
    for width in 40..=90 {
        let mut app = app(Script::Hans, Lang::Zh, width, 24);
        app.apply(Action::GoToTab(1));
        app.handle_key(key(KeyCode::Enter));
        let buf = ui::render_buffer(&app, width, 24);
        // A theme's tab has no rounded corner of its own: without the popup there would be
        // no border to check.
        assert!(
            buf.content.iter().any(|cell| cell.symbol() == "╭"),
            "no drill-down drawn at width {width}"
        );
        for y in 2..22 {
            for x in 1..width {
                if buf[(x, y)].symbol() == "│" || buf[(x, y)].symbol() == "╭" {
                    let before = buf[(x - 1, y)].symbol();
                    assert!(
                        text::width(before) < 2,
                        "{before} hides a border at ({x},{y})"
                    );
                }
            }
        }
    }
}

#[test]
fn dataset_text_cannot_smuggle_escape_sequences() {
    let mut data = dataset();
    let evil = "\u{1b}]0;owned\u{7}\u{1b}[2J\u{202e}";
    data.meta.title.hans.push_str(evil);
    data.themes[0].label.hans.push_str(evil);
    data.themes[0].description.hans.push_str(evil);
    for figure in data
        .figures
        .iter_mut()
        .filter(|f| f.theme == data.themes[0].id)
    {
        figure.label.hans.push_str(evil);
        figure.unit.hans.push_str(evil);
        figure.source.sentence.hans.push_str(evil);
    }
    for chart in &mut data.charts {
        for bar in &mut chart.bars {
            bar.label.hans.push_str(evil);
        }
    }
    let mut app = app_over(data, Script::Hans, Lang::Zh, 120, 40);
    for keys in ["", "2", "2\n", "t"] {
        for c in keys.chars() {
            let code = if c == '\n' {
                KeyCode::Enter
            } else {
                KeyCode::Char(c)
            };
            app.handle_key(key(code));
        }
        let buf = ui::render_buffer(&app, 120, 40);
        for cell in &buf.content {
            let symbol = cell.symbol();
            assert!(
                !symbol
                    .chars()
                    .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
                "{symbol:?} reached the screen"
            );
        }
        assert!(
            ui::buffer_text(&buf).join("\n").contains('␛'),
            "shown, not run"
        );
    }
}

#[test]
fn every_colour_scheme_draws_the_same_text_as_no_colour() {
    let mut plain = app(Script::Hant, Lang::Zh, 80, 24);
    plain.apply(Action::GoToTab(1));
    let schemes = [
        (ColorScheme::Default, "35m"),
        (ColorScheme::Dark, "48;5;234"),
        (ColorScheme::Light, "48;5;231"),
        (ColorScheme::HighContrast, "48;5;16"),
        (ColorScheme::Ansi, "34"),
    ];
    for (colors, code) in schemes {
        let mut coloured = App::new(
            dataset(),
            Options {
                color: true,
                colors,
                ..plain.options().clone()
            },
        );
        coloured.resize(80, 24);
        coloured.apply(Action::GoToTab(1));
        assert_eq!(
            frame(&plain, 80, 24),
            frame(&coloured, 80, 24),
            "{colors:?}"
        );
        let ansi = ui::buffer_ansi(&ui::render_buffer(&coloured, 80, 24));
        assert!(ansi.contains(code), "{colors:?} is coloured");
        assert!(
            ansi.lines().all(|l| l.ends_with("\x1b[0m")),
            "every line resets"
        );
    }
}

/// A key, a mouse event or a resize, for the property test.
#[derive(Debug, Clone)]
enum Event {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize(u16, u16),
}

fn event() -> impl Strategy<Value = Event> {
    let codes = prop_oneof![
        Just(KeyCode::Tab),
        Just(KeyCode::BackTab),
        Just(KeyCode::Left),
        Just(KeyCode::Right),
        Just(KeyCode::Up),
        Just(KeyCode::Down),
        Just(KeyCode::PageUp),
        Just(KeyCode::PageDown),
        Just(KeyCode::Home),
        Just(KeyCode::End),
        Just(KeyCode::Enter),
        Just(KeyCode::Esc),
        Just(KeyCode::Backspace),
        Just(KeyCode::F(1)),
        prop::sample::select(
            "jkhlgGcC[]tsLo/?nN 123456789qx快"
                .chars()
                .collect::<Vec<_>>()
        )
        .prop_map(KeyCode::Char),
    ];
    let ctrl = |c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    prop_oneof![
        16 => codes.prop_map(|code| Event::Key(key(code))),
        1 => Just(ctrl('d')),
        1 => Just(ctrl('u')),
        2 => (1u16..=250, 1u16..=80).prop_map(|(w, h)| Event::Resize(w, h)),
        2 => (mouse_kind(), 0u16..260, 0u16..90).prop_map(|(kind, column, row)| {
            Event::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE })
        }),
    ]
}

fn mouse_kind() -> impl Strategy<Value = MouseEventKind> {
    prop_oneof![
        Just(MouseEventKind::Down(MouseButton::Left)),
        Just(MouseEventKind::ScrollDown),
        Just(MouseEventKind::ScrollUp),
        Just(MouseEventKind::Moved),
    ]
}

const SENTINEL: &str = "░";

proptest! {
    #![proptest_config(proptest_config::proptest_config(64))]

    #[test]
    fn no_sequence_panics_or_draws_outside_the_frame(
        size in (1u16..=250, 1u16..=80),
        events in prop::collection::vec(event(), 0..200),
    ) {
        let (mut width, mut height) = size;
        let mut app = App::new(
            dataset(),
            Options { color: true, mouse: true, ..Options::plain(Script::Hans, Lang::Zh) },
        );
        app.resize(width, height);
        for (step, event) in events.iter().enumerate() {
            match event {
                Event::Key(key) => app.handle_key(*key),
                Event::Mouse(mouse) => app.handle_mouse(*mouse),
                Event::Resize(w, h) => {
                    (width, height) = (*w, *h);
                    app.resize(width, height);
                }
            }
            // Drawing every step is slow; every few steps and at the end is enough.
            if step % 7 == 0 || step + 1 == events.len() {
                check_frame(&app, width, height)?;
            }
        }
        check_frame(&app, width, height)?;
    }
}

/// Draws into a buffer larger than the frame and checks nothing changed outside it and no
/// wide character hangs over its right edge.
fn check_frame(app: &App, width: u16, height: u16) -> Result<(), TestCaseError> {
    let mut buf = Buffer::empty(Rect::new(0, 0, width + 3, height + 2));
    for cell in &mut buf.content {
        cell.set_symbol(SENTINEL);
    }
    let frame = Rect::new(0, 0, width, height);
    ui::render(app, frame, &mut buf);
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let inside = x < width && y < height;
            if !inside {
                prop_assert_eq!(
                    buf[(x, y)].symbol(),
                    SENTINEL,
                    "({}, {}) in tab {:?}",
                    x,
                    y,
                    app.tab()
                );
            }
        }
    }
    for y in 0..height {
        let last = buf[(width - 1, y)].symbol();
        prop_assert!(
            text::width(last) <= 1,
            "wide {} in the last column, row {}",
            last,
            y
        );
    }
    Ok(())
}

/// Secondary text (period, speaker, the "said twice" mark) is muted on every row but the
/// selected one, where muted text on the selection colour would be hard to read.
#[test]
fn the_selected_row_keeps_its_secondary_text_readable() {
    for scheme in [ColorScheme::Default, ColorScheme::Dark, ColorScheme::Light] {
        let mut app = App::new(
            dataset(),
            Options {
                script: Script::Hans,
                lang: Lang::Zh,
                color: true,
                colors: scheme,
                mouse: false,
                keys: pressdash::app::keys::KeyMap::default(),
            },
        );
        // Wide enough for the period beside whole labels.
        app.resize(200, 40);
        app.apply(Action::GoToTab(1));
        let palette = Palette::new(true, scheme);
        let buf = ui::render_buffer(&app, 200, 40);
        let text = ui::buffer_text(&buf);
        let row = text
            .iter()
            .position(|line| line.starts_with("▸ "))
            .expect("a selected row") as u16;
        let line = &text[usize::from(row)];
        let period = line.find("2012年以来").expect("a period on the row");
        let period_end = text::width(&line[..period]) + text::width("2012年以来");
        for x in 0..u16::try_from(period_end).expect("narrow") {
            let cell = &buf[(x, row)];
            let muted = palette.muted;
            assert!(
                !cell.modifier.contains(Modifier::DIM) || muted.add_modifier.is_empty(),
                "{scheme:?}: column {x} is dimmed on the selection"
            );
            if muted.fg.is_some() && muted.fg != palette.selected.fg {
                assert_ne!(Some(cell.fg), muted.fg, "{scheme:?}: column {x} is muted");
            }
        }
    }
}

/// The help and the footer with `quit` on `x` and Ctrl-c and `next-tab` on `n`: each lists
/// the keys in force.
#[test]
fn the_help_lists_the_keys_in_force() {
    use pressdash::app::keys::{KeyMap, Rebinding, parse_key, row_named};
    let rebind = |name: &str, keys: &[&str], line: usize| Rebinding {
        row: row_named(name).expect("an action"),
        keys: keys
            .iter()
            .map(|key| parse_key(key).expect("a key"))
            .collect(),
        line,
    };
    let keys = KeyMap::with(&[
        rebind("quit", &["x", "Ctrl-c"], 1),
        rebind("next-tab", &["w"], 2),
    ])
    .expect("no clash");
    let (width, height) = (100, 30);
    let mut app = App::new(
        dataset(),
        Options {
            keys,
            ..Options::plain(Script::Hans, Lang::En)
        },
    );
    app.resize(width, height);
    app.handle_key(key(KeyCode::Char('?')));
    insta::assert_snapshot!("help_rebound_keys", frame(&app, width, height));
}

/// The text of `width` columns of row `y` from column `x`, each wide character once.
fn cells_text(buf: &Buffer, x: u16, y: u16, width: u16) -> String {
    let mut out = String::new();
    let mut column = x;
    while column < x + width {
        let symbol = buf[(column, y)].symbol();
        out.push_str(symbol);
        column += u16::try_from(text::width(symbol).max(1)).unwrap_or(1);
    }
    out
}

/// Of the figures a topic tab shows, how many show their whole label, at the top of the list
/// and at its end.
fn whole_labels(app: &mut App, topic: usize, width: u16, height: u16) -> (usize, usize) {
    let (mut whole, mut shown) = (0, 0);
    for end in [false, true] {
        if end {
            app.handle_key(key(KeyCode::End));
        }
        let buf = ui::render_buffer(app, width, height);
        let body = Rect::new(0, 1, width, height - 3);
        let laid = app.topic_layout(topic, body);
        let list = laid.parts.list;
        let offset = app.topic_view(topic).list.offset();
        for (entry, rect) in pressdash::app::layout::list_entries(list, &laid.heights, offset) {
            let figure = &app.data().figures[app.topic_figures(topic)[entry]];
            let label = text::sanitize(figure.label.get(app.lang(), app.script()));
            let drawn: String = (rect.y..rect.bottom())
                .map(|y| {
                    cells_text(
                        &buf,
                        list.x + pressdash::app::layout::ROW_MARKER,
                        y,
                        laid.label_widths[entry],
                    )
                })
                .collect();
            let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            shown += 1;
            if squeeze(&drawn) == squeeze(&label) {
                whole += 1;
            }
        }
    }
    (whole, shown)
}

#[test]
fn at_120x36_topic_tabs_show_every_chinese_label_and_nine_in_ten_english_ones_whole() {
    let (width, height) = (120, 36);
    for (script, lang) in [
        (Script::Hans, Lang::Zh),
        (Script::Hant, Lang::Zh),
        (Script::Hans, Lang::En),
        (Script::Hant, Lang::En),
    ] {
        let (mut whole, mut shown) = (0, 0);
        for topic in 0..dataset().themes.len() {
            let mut app = app(script, lang, width, height);
            app.apply(Action::GoToTab(topic + 1));
            let (tab_whole, tab_shown) = whole_labels(&mut app, topic, width, height);
            if lang == Lang::Zh {
                assert_eq!(tab_whole, tab_shown, "topic {topic} in {script:?}");
            }
            whole += tab_whole;
            shown += tab_shown;
        }
        assert!(shown > 100, "{shown} rows measured");
        assert!(
            whole * 10 >= shown * 9,
            "{lang:?} {script:?}: {whole} of {shown} labels whole"
        );
    }
}

/// A movement key of a figure list.
fn list_key() -> impl Strategy<Value = KeyCode> {
    prop::sample::select(vec![
        KeyCode::Down,
        KeyCode::Up,
        KeyCode::PageDown,
        KeyCode::PageUp,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::Char('c'),
    ])
}

proptest! {
    #![proptest_config(proptest_config::proptest_config(48))]

    #[test]
    fn a_figure_list_of_wrapped_labels_keeps_the_selection_whole_in_view_and_its_area(
        size in (40u16..=220, 12u16..=70),
        english in any::<bool>(),
        topic in 0usize..8,
        keys in prop::collection::vec(list_key(), 0..40),
    ) {
        let (width, height) = size;
        let lang = if english { Lang::En } else { Lang::Zh };
        let mut app = app(Script::Hant, lang, width, height);
        app.apply(Action::GoToTab(topic + 1));
        for code in keys {
            app.handle_key(key(code));
            let body = Rect::new(0, 1, width, height - 3);
            let laid = app.topic_layout(topic, body);
            let list = laid.parts.list;
            let view = app.topic_view(topic).list;
            let shown = pressdash::app::layout::list_entries(list, &laid.heights, view.offset());
            if !laid.heights.is_empty() && list.height > 0 {
                let (_, rect) = shown
                    .iter()
                    .find(|(entry, _)| *entry == view.selected)
                    .ok_or_else(|| TestCaseError::fail("the selection is out of view"))?;
                let height = laid.heights[view.selected];
                prop_assert!(
                    usize::from(rect.height) == height || rect.y == list.y,
                    "the selected figure is cut though it fits"
                );
            }
            prop_assert!(shown.iter().all(|(_, rect)| list.union(*rect) == list));

            // Drawn on a larger buffer, the table touches nothing outside its area.
            let outer = Rect::new(0, 0, width + 4, height + 4);
            let mut buf = Buffer::empty(outer);
            for cell in &mut buf.content {
                cell.set_symbol("#");
            }
            let palette = Palette::plain();
            let tab = ui::topic::TopicTab { app: &app, topic, palette: &palette };
            let table = ui::topic::FigureTable { tab: &tab, body };
            ratatui::widgets::Widget::render(&table, laid.parts.figures, &mut buf);
            let area = laid.parts.figures;
            for y in 0..outer.height {
                for x in 0..outer.width {
                    if !area.contains((x, y).into()) {
                        prop_assert_eq!(buf[(x, y)].symbol(), "#", "drawn at ({}, {})", x, y);
                    }
                }
            }
        }
    }
}

/// The cell where `needle` starts on the first row showing it within the first `columns`
/// columns.
fn cell_of(buf: &Buffer, needle: &str, columns: usize) -> Option<(u16, u16)> {
    ui::buffer_text(buf)
        .iter()
        .enumerate()
        .find_map(|(y, line)| {
            let at = line.find(needle)?;
            let x = text::width(&line[..at]);
            if x >= columns {
                return None;
            }
            Some((u16::try_from(x).ok()?, u16::try_from(y).ok()?))
        })
}

#[test]
fn the_filter_is_marked_in_cards_lists_details_and_qa_items_in_every_scheme() {
    let schemes = [
        (false, ColorScheme::Default),
        (true, ColorScheme::Default),
        (true, ColorScheme::Dark),
        (true, ColorScheme::Light),
        (true, ColorScheme::HighContrast),
        (true, ColorScheme::Ansi),
    ];
    let marked = Modifier::UNDERLINED | Modifier::BOLD;
    for (color, colors) in schemes {
        let mut app = App::new(
            dataset(),
            Options {
                script: Script::Hans,
                lang: Lang::Zh,
                color,
                colors,
                mouse: false,
                keys: pressdash::app::keys::KeyMap::default(),
            },
        );
        app.resize(120, 36);
        typed(&mut app, "/技能");
        app.handle_key(key(KeyCode::Enter));
        let check = |app: &App, needle: &str, columns: usize, place: &str| {
            let buf = ui::render_buffer(app, 120, 36);
            let (x, y) = cell_of(&buf, needle, columns)
                .unwrap_or_else(|| panic!("{place}: {needle} not shown"));
            let at = needle.find("技能").expect("the match");
            let x = x + u16::try_from(text::width(&needle[..at])).expect("narrow");
            assert!(
                buf[(x, y)].modifier.contains(marked),
                "{colors:?} colour {color}: {place} at ({x}, {y}) is {:?}",
                buf[(x, y)].modifier
            );
        };
        check(&app, "技能劳动者总量", 120, "a card's title");
        app.apply(Action::GoToTab(1));
        check(&app, "参与劳动和技能竞赛的职工", 120, "a figure's label");
        app.apply(Action::Down);
        check(
            &app,
            "参与劳动和技能竞赛的职工",
            120,
            "the selected figure's label",
        );
        app.handle_key(key(KeyCode::Enter));
        check(
            &app,
            "│ 参与劳动和技能竞赛的职工",
            120,
            "the details' title",
        );
        app.handle_key(key(KeyCode::Esc));
        app.apply(Action::LastTab);
        check(&app, "知识型技能型", 36, "a Q&A item's title");
    }
}

/// The screens of reading by need: a topic tab whose labels wrap, the overview with a card
/// selected, the Q&A with its items list holding the keys, and a filter marking what it found
/// (drawn with its styles as SGR sequences, without colour, so the marks show).
#[test]
fn reading_screens_at_three_sizes_in_both_scripts_and_both_languages() {
    let forms = [
        (Script::Hant, Lang::Zh, "zh-hant"),
        (Script::Hans, Lang::Zh, "zh-hans"),
        (Script::Hans, Lang::En, "en"),
    ];
    let union = dataset()
        .themes
        .iter()
        .position(|t| t.id == "union-organisation")
        .expect("a theme of the dataset");
    for (width, height) in [(80, 24), (120, 36), (200, 50)] {
        for (script, lang, form) in forms {
            let at = |steps: &dyn Fn(&mut App)| {
                let mut app = app(script, lang, width, height);
                steps(&mut app);
                app
            };
            let wrapped = at(&|app| {
                app.apply(Action::GoToTab(union + 1));
                app.handle_key(key(KeyCode::Down));
            });
            let card = at(&|app| {
                app.handle_key(key(KeyCode::Up));
                app.handle_key(key(KeyCode::Right));
            });
            let items = at(&|app| {
                app.apply(Action::LastTab);
                typed(app, "i");
                app.handle_key(key(KeyCode::Down));
                app.handle_key(key(KeyCode::Down));
            });
            // A word of the labels shown: typed in simplified characters, marked in either.
            let word = if lang == Lang::En {
                "/union"
            } else {
                "/劳模"
            };
            let filtered = at(&|app| {
                typed(app, word);
                app.handle_key(key(KeyCode::Enter));
                app.apply(Action::GoToTab(union + 1));
            });
            for (screen, app) in [("topic_wrapped", &wrapped), ("card_selected", &card)] {
                let name = format!("{screen}_{width}x{height}_{form}");
                insta::assert_snapshot!(name, frame(app, width, height));
            }
            let name = format!("qa_items_focused_{width}x{height}_{form}");
            insta::assert_snapshot!(name, frame(&items, width, height));
            let name = format!("filter_marked_{width}x{height}_{form}");
            insta::assert_snapshot!(
                name,
                ui::buffer_ansi(&ui::render_buffer(&filtered, width, height))
            );
        }
    }
}

/// The frame of topic tab `theme` (by id) in English at a size.
fn english_topic_frame(theme: &str, width: u16, height: u16) -> String {
    let mut app = app(Script::Hans, Lang::En, width, height);
    let index = dataset()
        .themes
        .iter()
        .position(|t| t.id == theme)
        .expect("a theme of the built-in dataset");
    app.apply(Action::GoToTab(index + 1));
    frame(&app, width, height)
}

#[test]
fn english_lists_write_millions_out_where_the_column_has_room() {
    // 200 columns: every label keeps its rows with the words, so the list writes them out.
    let wide = english_topic_frame("poverty-relief", 200, 40);
    for value in [
        "43.0 billion yuan",
        "1.88 million firms",
        "90.6 million people",
    ] {
        assert!(wide.contains(value), "{value} at 200 columns:\n{wide}");
    }
    assert!(
        !wide.contains(" B yuan") && !wide.contains(" M firms"),
        "{wide}"
    );
    // 120 columns: the words would cost labels rows, so the list abbreviates, all of it.
    let narrow = english_topic_frame("poverty-relief", 120, 36);
    for value in ["43.0 B yuan", "1.88 M firms", "90.6 M people"] {
        assert!(narrow.contains(value), "{value} at 120 columns:\n{narrow}");
    }
    assert!(
        !narrow.contains("billion") && !narrow.contains("million"),
        "{narrow}"
    );
}

#[test]
fn english_charts_write_millions_out_where_their_bars_keep_their_columns() {
    let wide = english_topic_frame("skills", 200, 40);
    assert!(wide.contains("47 million people"), "{wide}");
    let narrow = english_topic_frame("skills", 120, 36);
    assert!(narrow.contains("47 M people"), "{narrow}");
}

#[test]
fn english_cards_write_millions_out_where_the_value_keeps_its_rows() {
    let wide = app(Script::Hans, Lang::En, 120, 36);
    let overview = frame(&wide, 120, 36);
    // A 28-column card holds "over 200 million people" on one row.
    for value in [
        "over 200 million people",
        "43.0 billion yuan",
        "5.50 million households",
    ] {
        assert!(overview.contains(value), "{value}:\n{overview}");
    }
    // At 80 columns a card is 22 wide: "over 200 million people" would take a second row, so
    // that card abbreviates; "186 million people counted each time" takes two rows either way.
    let narrow = frame(&app(Script::Hans, Lang::En, 80, 24), 80, 24);
    for value in ["over 200 M people", "186 million people"] {
        assert!(narrow.contains(value), "{value}:\n{narrow}");
    }
}

/// The details of the first figure of the first topic tab.
fn first_details(app: &mut App) {
    app.apply(Action::GoToTab(1));
    app.handle_key(key(KeyCode::Enter));
}

/// The popups' footers and the help opened from a popup, which lists only the keys that act
/// there: a figure's details, the help over them, the topic picker and the help over it.
#[test]
fn popups_and_the_help_from_a_popup_at_three_sizes_in_both_scripts_and_both_languages() {
    let forms = [
        (Script::Hant, Lang::Zh, "zh-hant"),
        (Script::Hans, Lang::Zh, "zh-hans"),
        (Script::Hans, Lang::En, "en"),
    ];
    let screens: Vec<(&str, Steps)> = vec![
        ("popup_details", Box::new(first_details)),
        (
            "popup_help_over_details",
            Box::new(|app: &mut App| {
                first_details(app);
                typed(app, "?");
            }),
        ),
        ("popup_picker", Box::new(|app: &mut App| typed(app, "t"))),
        (
            "popup_help_over_picker",
            Box::new(|app: &mut App| typed(app, "t?")),
        ),
    ];
    for (width, height) in [(80, 24), (120, 36), (200, 50)] {
        for (script, lang, form) in forms {
            for (screen, steps) in &screens {
                let mut app = app(script, lang, width, height);
                steps(&mut app);
                let name = format!("{screen}_{width}x{height}_{form}");
                insta::assert_snapshot!(name, frame(&app, width, height));
            }
        }
    }
}

/// A topic tab the filter empties gives its notice the tab's width, wrapped rather than cut,
/// naming each tab with matches and its count.
#[test]
fn an_empty_tab_says_where_the_matches_are_at_three_sizes_in_both_scripts_and_languages() {
    for (width, height) in [(80, 24), (120, 36), (200, 50)] {
        for (script, script_name) in [(Script::Hans, "hans"), (Script::Hant, "hant")] {
            for (lang, lang_name) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
                let mut app = app(script, lang, width, height);
                app.apply(Action::GoToTab(1));
                typed(&mut app, "/法律");
                app.handle_key(key(KeyCode::Enter));
                let shown = frame(&app, width, height);
                let notice: String = shown
                    .lines()
                    .skip(3)
                    .take_while(|line| !line.trim().is_empty())
                    .map(str::trim_end)
                    .collect::<Vec<_>>()
                    .join(" ");
                let law = match (lang, script) {
                    (Lang::En, _) => "5 Law and legal aid (9)",
                    (Lang::Zh, Script::Hans) => "5 法治与法律援助（9）",
                    (Lang::Zh, Script::Hant) => "5 法治與法律援助（9）",
                };
                // Wrapped English rows join with a space; Chinese rows break between
                // characters, so compare without the spaces joining them.
                let unspaced = |s: &str| s.replace(' ', "");
                assert!(
                    unspaced(&notice).contains(&unspaced(law)) && !notice.contains('⋯'),
                    "{width}x{height} {script_name} {lang_name}:\n{shown}"
                );
                let name = format!("filter_empty_tab_{width}x{height}_{script_name}_{lang_name}");
                insta::assert_snapshot!(name, shown);
            }
        }
    }
}

/// Every chart of every topic tab, at the sizes that show the chart beside the list and in
/// both languages and scripts: no value is cut (values end their row, so a cut one ends in
/// `⋯`), and a chart's title keeps its end, the period, never doubling the mark.
#[test]
fn chart_values_and_the_ends_of_chart_titles_are_never_cut() {
    for (width, height) in [(120, 36), (200, 50)] {
        for script in [Script::Hans, Script::Hant] {
            for lang in [Lang::Zh, Lang::En] {
                for topic in 0..dataset().themes.len() {
                    let mut app = app(script, lang, width, height);
                    app.apply(Action::GoToTab(topic + 1));
                    for _ in 0..app.topic_charts(topic).len() {
                        let buf = ui::render_buffer(&app, width, height);
                        let body = Rect::new(0, 1, width, height - 3);
                        let parts = app.topic_layout(topic, body).parts;
                        let rows = |area: Rect| -> Vec<String> {
                            (area.y..area.bottom())
                                .map(|y| cells_text(&buf, area.x, y, area.width))
                                .collect()
                        };
                        let title = &rows(parts.chart_title)[0];
                        let at = format!("topic {topic} {width}x{height} {script:?} {lang:?}");
                        assert!(
                            !title.contains("⋯⋯") && !title.trim_end().ends_with('⋯'),
                            "{at}: {title}"
                        );
                        for line in rows(parts.chart) {
                            // The last row may count the bars left out (`+3 ⋯`).
                            let overflow = line.starts_with('+');
                            assert!(overflow || !line.trim_end().ends_with('⋯'), "{at}: {line}");
                        }
                        typed(&mut app, "c");
                    }
                }
            }
        }
    }
}

/// At 120×36 and 200×50, in both languages: every headline card shows its whole title
/// (wrapped inside the card), and every Q&A item its whole title and who speaks.
#[test]
fn card_titles_and_qa_item_titles_are_whole_at_120x36_and_200x50() {
    for (width, height) in [(120, 36), (200, 50)] {
        for (script, lang) in [(Script::Hant, Lang::Zh), (Script::Hans, Lang::En)] {
            let overview = frame(&app(script, lang, width, height), width, height);
            let at = format!("{width}x{height} {lang:?}");
            assert!(
                !overview
                    .lines()
                    .any(|l| l.starts_with(['╭', '│']) && l.contains('⋯')),
                "{at}:\n{overview}"
            );
            let mut qa = app(script, lang, width, height);
            qa.apply(Action::LastTab);
            let buf = ui::render_buffer(&qa, width, height);
            let list = pressdash::app::layout::PagerRegions::new(
                Rect::new(0, 1, width, height - 3),
                false,
            )
            .list;
            for y in list.y..list.bottom() {
                let row = cells_text(&buf, list.x, y, list.width);
                assert!(!row.contains('⋯'), "{at}: {row}");
            }
        }
    }
}
