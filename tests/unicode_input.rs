//! Random Unicode typed and pasted into every prompt of the dashboard: CJK, combining marks,
//! controls, emoji, joiners, bidi marks, text of the dataset in mixed case and very long text.
//! Nothing panics, the counts the screens show equal a count made the slow way over the
//! dataset, and every match the Q&A search reports is the query at that place of the text.

#[path = "../src/proptest_config.rs"]
mod proptest_config;

use std::collections::BTreeSet;
use std::sync::LazyLock;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;

use pressdash::app::action::Action;
use pressdash::app::transcript::{self, ScriptTable, TranscriptLayout};
use pressdash::app::{App, Options, Popup, strings};
use pressdash::data::{Dataset, Figure, Lang, Script, Segment};
use pressdash::ui;

static DATASET: LazyLock<Dataset> = LazyLock::new(|| {
    serde_json::from_str(pressdash::data::EMBEDDED_JSON).expect("the embedded dataset is valid")
});

/// Wide enough that the overview lists every theme and the status line is never cut.
const SIZE: (u16, u16) = (140, 40);

/// Longer texts are pasted rather than typed key by key, to keep the cases quick.
const TYPED_AT_MOST: usize = 24;

fn app(script: Script) -> App {
    let mut app = App::new(DATASET.clone(), Options::plain(script, Lang::Zh));
    app.resize(SIZE.0, SIZE.1);
    app
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Enters `text` into the open prompt: key by key when short, else as one paste.
fn enter_text(app: &mut App, text: &str) {
    if text.chars().count() <= TYPED_AT_MOST {
        for c in text.chars() {
            app.handle_key(key(KeyCode::Char(c)));
        }
    } else {
        app.handle_paste(text);
    }
}

fn frame(app: &App) -> String {
    ui::buffer_text(&ui::render_buffer(app, SIZE.0, SIZE.1)).join("\n")
}

/// A piece of hostile or useful text.
fn piece() -> impl Strategy<Value = String> {
    let chars = |low, high, most| {
        prop::collection::vec(prop::char::range(low, high), 1..most)
            .prop_map(|chars| chars.into_iter().collect::<String>())
    };
    // Words of the dataset, so that some queries match, in any case.
    let words: Vec<String> = DATASET
        .figures
        .iter()
        .flat_map(|f| {
            [
                f.label.hans.clone(),
                f.label.hant.clone(),
                f.label.en.clone(),
            ]
        })
        .chain(DATASET.segments.iter().map(|s| s.title.en.clone()))
        .collect();
    let word = (
        prop::sample::select(words),
        0usize..6,
        1usize..5,
        any::<bool>(),
    )
        .prop_map(|(word, skip, take, upper)| {
            let part: String = word.chars().skip(skip).take(take).collect();
            if upper { part.to_uppercase() } else { part }
        });
    prop_oneof![
        4 => word,
        2 => chars('\u{4e00}', '\u{9fff}', 4),
        1 => chars('\u{0300}', '\u{036f}', 3),
        1 => chars('\u{0}', '\u{1f}', 3),
        1 => chars('\u{7f}', '\u{9f}', 3),
        1 => chars('\u{1f300}', '\u{1faff}', 3),
        1 => prop::sample::select(vec!["\u{200d}", "\u{202e}", "\u{fe0f}", "\u{1b}[2J", " ", "\t\r\n"])
            .prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ]
}

/// A query: a few pieces, or now and then thousands of characters.
fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        9 => prop::collection::vec(piece(), 0..6).prop_map(|pieces| pieces.concat()),
        1 => (piece(), 200usize..1500).prop_map(|(piece, times)| piece.repeat(times)),
    ]
}

/// What the prompt keeps of `text`: no controls. The filter then trims it.
fn kept(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).collect()
}

fn holds(haystacks: &[&String], text: &str) -> bool {
    // A comma between digits is a thousands separator, as the screens write numbers.
    let lowered = text.trim().to_lowercase();
    let mut needle = String::new();
    let mut chars = lowered.chars().peekable();
    while let Some(c) = chars.next() {
        let separator = c == ','
            && needle.ends_with(|before: char| before.is_ascii_digit())
            && chars.peek().is_some_and(char::is_ascii_digit);
        if !separator {
            needle.push(c);
        }
    }
    needle.is_empty() || haystacks.iter().any(|h| h.to_lowercase().contains(&needle))
}

fn figure_passes(figure: &Figure, topics: &BTreeSet<String>, text: &str) -> bool {
    let in_topics = topics.is_empty()
        || topics.contains(&figure.theme)
        || figure.tags.iter().any(|tag| topics.contains(tag));
    let s = &figure.source.sentence;
    let speaker = DATASET
        .speakers
        .iter()
        .find(|speaker| speaker.id == figure.speaker)
        .expect("a known speaker");
    in_topics
        && holds(
            &[
                &speaker.name.hans,
                &speaker.name.hant,
                &speaker.name.en,
                &figure.label.hans,
                &figure.label.hant,
                &figure.label.en,
                &figure.raw.hans,
                &figure.raw.hant,
                &s.hans,
                &s.hant,
            ],
            text,
        )
}

fn item_passes(segment: &Segment, topics: &BTreeSet<String>, text: &str) -> bool {
    let in_topics = topics.is_empty() || segment.themes.iter().any(|t| topics.contains(t));
    let mut words = vec![&segment.title.hans, &segment.title.hant, &segment.title.en];
    for paragraph in &segment.paragraphs {
        words.extend([&paragraph.text.hans, &paragraph.text.hant]);
    }
    let figure_holds = DATASET
        .figures
        .iter()
        .any(|f| f.source.segment == segment.id && figure_passes(f, &BTreeSet::new(), text));
    in_topics && (holds(&words, text) || figure_holds)
}

/// Closes what random keys left open, as a reader would, so that the status line shows the
/// counts again: the topic picker is applied, a filter prompt submitted (its text stays the
/// filter), any other popup dismissed. Keys may have closed the picker and opened something
/// else: `t` toggles it, `?` swaps it for the help and back, then `/` opens the filter prompt.
fn close_everything(app: &mut App) {
    for _ in 0..3 {
        if matches!(app.popup(), Some(Popup::Topics(_))) || app.prompt().is_some() {
            app.handle_key(key(KeyCode::Enter));
        } else if app.popup().is_some() {
            app.handle_key(key(KeyCode::Esc));
        }
    }
}

/// Filters by `query`, opens the topic picker, types `keys` and checks the counts once
/// everything is closed again.
fn picker_takes_keys(keys: &[char], query: &str) -> Result<(), TestCaseError> {
    let mut app = app(Script::Hans);
    app.handle_key(key(KeyCode::Char('/')));
    enter_text(&mut app, query);
    app.handle_key(key(KeyCode::Enter));
    app.handle_key(key(KeyCode::Char('t')));
    for &c in keys {
        app.handle_key(key(KeyCode::Char(c)));
    }
    frame(&app);
    close_everything(&mut app);
    prop_assert!(app.popup().is_none() && app.prompt().is_none());
    check_counts(&mut app)
}

/// Key sequences that once broke the test's model of the screen: the picker closes and the
/// filter prompt opens in its place, taking over the status line.
#[test]
fn keys_that_leave_the_picker_for_the_filter_prompt() {
    for keys in [&['t', '/'][..], &['?', '?', '/'], &['t', '/', 'j', 'q']] {
        picker_takes_keys(keys, "").unwrap();
        picker_takes_keys(keys, "法律").unwrap();
    }
}

/// How many facts the figures that are `kept` state: a figure restating one kept before it
/// counts once.
fn facts(kept: impl Fn(&Figure) -> bool) -> usize {
    let kept: Vec<&Figure> = DATASET.figures.iter().filter(|f| kept(f)).collect();
    (0..kept.len())
        .filter(|&i| !kept[..i].iter().any(|g| kept[i].repeats.contains(&g.id)))
        .count()
}

/// Checks every count the dashboard shows for its current filter against a count made
/// figure by figure and item by item, on the overview, a topic tab's status line and the Q&A.
fn check_counts(app: &mut App) -> Result<(), TestCaseError> {
    let filter = app.filter().clone();
    let (topics, text) = (&filter.topics, filter.text.as_str());
    let (lang, script) = (app.lang(), app.script());
    let data = &*DATASET;
    let shown = facts(|f| figure_passes(f, topics, text));
    let total = facts(|_| true);
    prop_assert_eq!(app.figures_shown(), (shown, total));

    let items_pass: Vec<bool> = data
        .segments
        .iter()
        .map(|s| item_passes(s, topics, text))
        .collect();

    app.apply(Action::GoToTab(0));
    let overview = frame(app);
    let status = strings::shown_of(shown, total, !topics.is_empty(), lang, script);
    prop_assert!(overview.contains(&status), "{}\n{}", status, overview);
    for (index, theme) in data.themes.iter().enumerate() {
        let figures = facts(|f| {
            (f.theme == theme.id || f.tags.contains(&theme.id)) && figure_passes(f, topics, text)
        });
        let items = data
            .segments
            .iter()
            .zip(&items_pass)
            .filter(|(s, pass)| **pass && s.themes.contains(&theme.id))
            .count();
        prop_assert_eq!(app.topic_counts(index), (figures, items), "{}", theme.id);
        let counts = strings::topic_counts(figures, items, lang, script);
        prop_assert!(overview.contains(&counts), "{}: {}", theme.id, counts);
    }

    app.apply(Action::GoToTab(app.tabs().len() - 1));
    let items = items_pass.iter().filter(|pass| **pass).count();
    let laid = app.pager().layout().map_or(0, |laid| laid.items.len());
    prop_assert_eq!(laid, items);
    frame(app);
    Ok(())
}

/// Every match is the query, or the query in the shown script, at its place in the shown text,
/// or (in a paragraph whose scripts align) the query at the same characters of the other script.
fn check_matches(app: &App, query: &str, table: &ScriptTable) -> Result<(), TestCaseError> {
    // Too narrow a pager lays out nothing, so there is nothing to find.
    let Some(laid) = app.pager().layout() else {
        return Ok(());
    };
    let Some(search) = app.pager().search() else {
        return Err(TestCaseError::fail(format!(
            "{query:?} was typed, but no search is shown"
        )));
    };
    prop_assert_eq!(&search.query, query);
    prop_assert!(search.current.is_none_or(|c| c < search.matches.len()));
    let converted = table.convert(query, laid.script);
    // The pager wraps only the blocks it shows, so rows are checked in the same items wrapped
    // whole.
    let segments: Vec<usize> = laid.items.iter().map(|item| item.segment).collect();
    let wrapped = transcript::layout(&DATASET, laid.script, laid.width, &segments)
        .map_err(|error| TestCaseError::fail(error.to_string()))?;
    for found in &search.matches {
        // The texts of blocks not wrapped yet are made when they are.
        let block = &wrapped.blocks[found.block];
        let Some(text) = block.text.get(found.range.clone()) else {
            return Err(TestCaseError::fail(format!(
                "{found:?} is not on character boundaries of {:?}",
                block.text
            )));
        };
        prop_assert!(!text.is_empty());
        let as_other_script = other_script_text(&wrapped, found.block, found.range.clone());
        prop_assert!(
            text == query || text == converted || as_other_script.as_deref() == Some(query),
            "{:?} found at {:?} of {:?}",
            query,
            found.range,
            block.text
        );
        // The row said to show the match does.
        let row = &wrapped.lines[wrapped.line_of_offset(found.block, found.range.start)];
        prop_assert_eq!(row.block, found.block);
        let start = found.range.start;
        prop_assert!(
            row.range.as_ref().is_some_and(|r| r.start <= start
                && (start < r.end
                    || block
                        .text
                        .get(r.end..start)
                        .is_some_and(|gap| gap.trim().is_empty()))),
            "row {:?} does not show {:?}",
            row,
            found
        );
    }
    Ok(())
}

/// The characters of the other script at the place of `range` in an aligned paragraph block.
fn other_script_text(
    laid: &TranscriptLayout,
    block: usize,
    range: std::ops::Range<usize>,
) -> Option<String> {
    let block = &laid.blocks[block];
    let paragraph = DATASET.segments[block.segment]
        .paragraphs
        .get(block.paragraph?)
        .filter(|paragraph| {
            block.clean
                && paragraph.text.hans.chars().count() == paragraph.text.hant.chars().count()
        })?;
    let other = match laid.script {
        Script::Hans => &paragraph.text.hant,
        Script::Hant => &paragraph.text.hans,
    };
    let words = block.text.get(block.name_len..)?;
    let start = range.start.checked_sub(block.name_len)?;
    let skip = words.get(..start)?.chars().count();
    let take = block.text.get(range)?.chars().count();
    Some(other.chars().skip(skip).take(take).collect())
}

proptest! {
    #![proptest_config(proptest_config::proptest_config(64))]

    #[test]
    fn the_filter_takes_any_text_on_every_tab_and_counts_right(
        query in query(),
        tab in 0usize..=DATASET.themes.len(),
        hant in any::<bool>(),
        submit in any::<bool>(),
    ) {
        let mut app = app(if hant { Script::Hant } else { Script::Hans });
        app.apply(Action::GoToTab(tab));
        app.handle_key(key(KeyCode::Char('/')));
        prop_assert!(app.prompt().is_some(), "`/` opens the filter on tab {}", tab);
        enter_text(&mut app, &query);
        let typed = kept(&query);
        prop_assert_eq!(app.prompt().map(|p| p.input.text()), Some(typed.as_str()));
        frame(&app);
        if submit {
            app.handle_key(key(KeyCode::Enter));
            prop_assert_eq!(app.filter().text.as_str(), typed.trim());
        } else {
            // The filter follows the prompt while it is open.
            prop_assert_eq!(&app.filter().text, &typed);
            app.handle_key(key(KeyCode::Enter));
        }
        prop_assert!(!app.should_quit());
        check_counts(&mut app)?;
    }

    #[test]
    fn the_topic_picker_takes_any_keys_and_the_counts_follow(
        keys in prop::collection::vec(
            prop_oneof![3 => prop::sample::select(vec!['j', 'k', ' ', 'g', 'G']), 1 => any::<char>()],
            0..40,
        ),
        query in query(),
    ) {
        picker_takes_keys(&keys, &query)?;
    }

    #[test]
    fn the_qa_search_takes_any_text_and_finds_only_what_is_there(
        query in query(),
        hant in any::<bool>(),
        // Below the minimum size no key acts, so the search starts there.
        width in pressdash::app::layout::MIN_WIDTH..=160,
    ) {
        let mut app = app(if hant { Script::Hant } else { Script::Hans });
        app.resize(width, SIZE.1);
        app.apply(Action::GoToTab(app.tabs().len() - 1));
        app.handle_key(key(KeyCode::Char('/')));
        prop_assert!(app.pager().is_prompting());
        enter_text(&mut app, &query);
        let typed = kept(&query);
        prop_assert_eq!(app.pager().prompt().map(|p| p.text().to_owned()), Some(typed.clone()));
        let table = ScriptTable::new(&DATASET);
        if !typed.is_empty() {
            check_matches(&app, &typed, &table)?;
        }
        app.handle_key(key(KeyCode::Enter));
        for _ in 0..3 {
            app.handle_key(key(KeyCode::Char('n')));
        }
        app.handle_key(key(KeyCode::Char('s')));
        if !typed.is_empty() {
            check_matches(&app, &typed, &table)?;
        }
        ui::render_buffer(&app, width, SIZE.1);
    }
}
