//! Drawing each screen, and a key press followed by a full redraw, as the interactive loop
//! does: the state is driven with key events, then the whole frame is drawn onto a fresh
//! buffer with `ui::render_buffer`.
//!
//! `cargo bench --bench ui`; one group: `cargo bench --bench ui -- keys`.

#[path = "common/synthetic.rs"]
mod synthetic;

use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use divan::Bencher;
use pressdash::app::{App, Options};
use pressdash::data::{Dataset, Lang, Script};
use pressdash::ui::render_buffer;
use synthetic::Size;

fn main() {
    println!("{}", synthetic::describe());
    divan::main();
}

/// Terminal widths measured; each has its own height (see [`height_for`]).
const WIDTHS: [u16; 3] = [80, 120, 240];

/// The terminal sizes measured: 80×24, 120×40 and 240×70.
const fn height_for(width: u16) -> u16 {
    match width {
        80 => 24,
        120 => 40,
        _ => 70,
    }
}

/// A word the transcript holds many times, in the script shown (工會: trade union).
const SEARCH_WORD: &str = "工會";

/// A screen of the dashboard, reached from the start with key presses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Screen {
    Overview,
    /// A theme's tab, by position among the themes.
    Topic(usize),
    PagerTop,
    /// The pager scrolled to the item in the middle of the transcript.
    PagerMiddle,
    /// The pager after searching for [`SEARCH_WORD`], at its first match.
    PagerSearch,
}

impl fmt::Display for Screen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Screen::Overview => f.write_str("overview"),
            Screen::Topic(topic) => {
                let themes = &Size::Real.dataset().themes;
                let id = themes.get(*topic).map_or("?", |theme| theme.id.as_str());
                write!(f, "topic {} {id}", topic + 1)
            }
            Screen::PagerTop => f.write_str("pager top"),
            Screen::PagerMiddle => f.write_str("pager middle"),
            Screen::PagerSearch => f.write_str("pager search"),
        }
    }
}

/// Every screen: the overview, each theme's tab, the pager three ways.
fn all_screens() -> Vec<Screen> {
    let topics = Size::Real.dataset().themes.len();
    std::iter::once(Screen::Overview)
        .chain((0..topics).map(Screen::Topic))
        .chain([Screen::PagerTop, Screen::PagerMiddle, Screen::PagerSearch])
        .collect()
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn typed(text: &str) -> impl Iterator<Item = KeyEvent> + '_ {
    text.chars().map(|c| key(KeyCode::Char(c)))
}

/// A dashboard on `data` in a `width`×`height` terminal, as it starts.
fn start(data: Dataset, width: u16, height: u16) -> App {
    let mut app = App::new(
        data,
        Options {
            color: true,
            ..Options::plain(Script::Hant, Lang::Zh)
        },
    );
    app.resize(width, height);
    app
}

fn press(app: &mut App, keys: impl IntoIterator<Item = KeyEvent>) {
    for event in keys {
        app.handle_key(event);
    }
}

/// From the overview, Shift-Tab goes round to the Q&A tab, the last one.
fn open_pager(app: &mut App) {
    press(app, [KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)]);
}

/// Scrolls the pager to the middle item with `]`.
fn to_middle_item(app: &mut App) {
    let items = app.pager().layout().map_or(0, |laid| laid.items.len());
    press(app, std::iter::repeat_n(key(KeyCode::Char(']')), items / 2));
}

/// Searches the pager for `word`: `/`, the word, Enter.
fn search(app: &mut App, word: &str) {
    press(
        app,
        std::iter::once(key(KeyCode::Char('/')))
            .chain(typed(word))
            .chain([key(KeyCode::Enter)]),
    );
}

/// A dashboard showing `screen`.
fn open(screen: Screen, size: Size, width: u16, height: u16) -> App {
    let mut app = start(size.dataset().clone(), width, height);
    match screen {
        Screen::Overview => {}
        Screen::Topic(topic) => {
            // The digit keys reach tabs 1 to 9; the overview is tab 1.
            let digit = char::from_digit(u32::try_from(topic + 2).expect("few themes"), 10)
                .expect("a theme among the first eight");
            press(&mut app, typed(&digit.to_string()));
        }
        Screen::PagerTop => open_pager(&mut app),
        Screen::PagerMiddle => {
            open_pager(&mut app);
            to_middle_item(&mut app);
        }
        Screen::PagerSearch => {
            open_pager(&mut app);
            search(&mut app, SEARCH_WORD);
        }
    }
    app
}

/// Drawing a whole frame of each screen, the state already laid out.
mod screens {
    use super::{Bencher, Screen, Size, WIDTHS, all_screens, height_for, open, render_buffer};

    fn draw<const WIDTH: u16>(bencher: Bencher, screen: Screen, size: Size) {
        let height = height_for(WIDTH);
        let app = open(screen, size, WIDTH, height);
        bencher.bench_local(|| render_buffer(&app, WIDTH, height));
    }

    #[divan::bench(consts = WIDTHS, args = all_screens())]
    fn real<const WIDTH: u16>(bencher: Bencher, screen: Screen) {
        draw::<WIDTH>(bencher, screen, Size::Real);
    }

    #[divan::bench(consts = WIDTHS, args = all_screens())]
    fn large<const WIDTH: u16>(bencher: Bencher, screen: Screen) {
        draw::<WIDTH>(bencher, screen, Size::Large);
    }
}

/// One key press and the full redraw after it, at 120×40. Each iteration alternates two
/// keys that undo each other, so the state stays put however many iterations run.
mod keys {
    use super::{
        Bencher, KeyCode, SEARCH_WORD, Screen, Size, key, open, press, render_buffer, search, typed,
    };
    use pressdash::app::App;

    const WIDTH: u16 = 120;
    const HEIGHT: u16 = 40;

    fn alternate(bencher: Bencher, mut app: App, keys: [KeyCode; 2]) {
        let mut turn = 0;
        bencher.bench_local(|| {
            turn ^= 1;
            app.handle_key(key(keys[turn]));
            render_buffer(&app, WIDTH, HEIGHT)
        });
    }

    /// `j` / `k` in the middle of the transcript: work should follow the rows shown, not the
    /// transcript's length, so 1x and 100x should cost the same.
    #[divan::bench(args = Size::BOTH)]
    fn pager_line(bencher: Bencher, size: Size) {
        let app = open(Screen::PagerMiddle, size, WIDTH, HEIGHT);
        alternate(bencher, app, [KeyCode::Char('j'), KeyCode::Char('k')]);
    }

    /// Page down / page up in the middle of the transcript.
    #[divan::bench(args = Size::BOTH)]
    fn pager_page(bencher: Bencher, size: Size) {
        let app = open(Screen::PagerMiddle, size, WIDTH, HEIGHT);
        alternate(bencher, app, [KeyCode::PageDown, KeyCode::PageUp]);
    }

    /// `]` / `[`: the next item's heading, back to the current one's.
    #[divan::bench(args = Size::BOTH)]
    fn pager_item(bencher: Bencher, size: Size) {
        let app = open(Screen::PagerMiddle, size, WIDTH, HEIGHT);
        alternate(bencher, app, [KeyCode::Char(']'), KeyCode::Char('[')]);
    }

    /// `j` / `k` in a theme's figure list.
    #[divan::bench(args = Size::BOTH)]
    fn topic_list(bencher: Bencher, size: Size) {
        let app = open(Screen::Topic(0), size, WIDTH, HEIGHT);
        alternate(bencher, app, [KeyCode::Char('j'), KeyCode::Char('k')]);
    }

    /// `r` in a theme's figure list: the next order (as said, by value, by label), every
    /// theme's list arranged again, and the redraw.
    #[divan::bench(args = Size::BOTH)]
    fn topic_order(bencher: Bencher, size: Size) {
        let app = open(Screen::Topic(0), size, WIDTH, HEIGHT);
        alternate(bencher, app, [KeyCode::Char('r'), KeyCode::Char('r')]);
    }

    /// One keystroke in the overview's `/` filter, which filters every tab as it is typed:
    /// `工` typed after `農民`, then erased.
    #[divan::bench(args = Size::BOTH, sample_count = 50)]
    fn filter_keystroke(bencher: Bencher, size: Size) {
        let mut app = open(Screen::Overview, size, WIDTH, HEIGHT);
        press(&mut app, typed("/農民"));
        alternate(bencher, app, [KeyCode::Char('工'), KeyCode::Backspace]);
    }

    /// A keystroke in a Latin text filter: `k` typed after `Wor`, then erased; the filter
    /// text holds a `k`, which the Kelvin sign `K` lowercases to as well.
    #[divan::bench(args = Size::BOTH, sample_count = 50)]
    fn filter_latin_keystroke(bencher: Bencher, size: Size) {
        let mut app = open(Screen::Overview, size, WIDTH, HEIGHT);
        press(&mut app, typed("/Wor"));
        alternate(bencher, app, [KeyCode::Char('k'), KeyCode::Backspace]);
    }

    /// The first keystroke of a text filter (`農` after `/`): Chinese text is searched as
    /// written, without lowercasing the dataset's texts.
    #[divan::bench(args = Size::BOTH, sample_count = 20)]
    fn filter_first_keystroke(bencher: Bencher, size: Size) {
        first_keystroke(bencher, size, "農");
    }

    /// The first keystroke of a Latin text filter (`G` after `/`): ASCII letters are compared
    /// without case in the texts as written, without lowercasing the dataset's texts.
    #[divan::bench(args = Size::BOTH, sample_count = 20)]
    fn filter_first_latin_keystroke(bencher: Bencher, size: Size) {
        first_keystroke(bencher, size, "G");
    }

    /// The first keystroke of a text filter with case outside ASCII (`É` after `/`), which
    /// also lowercases the dataset's texts that have case, once, for every later keystroke
    /// to search.
    #[divan::bench(args = Size::BOTH, sample_count = 20)]
    fn filter_first_accented_keystroke(bencher: Bencher, size: Size) {
        first_keystroke(bencher, size, "É");
    }

    fn first_keystroke(bencher: Bencher, size: Size, key: &str) {
        bencher
            .with_inputs(|| {
                let mut app = open(Screen::Overview, size, WIDTH, HEIGHT);
                press(&mut app, typed("/"));
                app
            })
            .bench_local_values(|mut app| {
                press(&mut app, typed(key));
                let frame = render_buffer(&app, WIDTH, HEIGHT);
                (app, frame)
            });
    }

    /// A search of the whole transcript from the pager (`/`, a word, Enter) and the redraw.
    #[divan::bench(args = Size::BOTH, sample_count = 30)]
    fn pager_search(bencher: Bencher, size: Size) {
        let mut app = open(Screen::PagerTop, size, WIDTH, HEIGHT);
        bencher.bench_local(|| {
            search(&mut app, SEARCH_WORD);
            render_buffer(&app, WIDTH, HEIGHT)
        });
    }
}

/// From a loaded dataset to the first frame at 120×40: building the app, the first resize
/// and drawing; for the Q&A tab this includes laying out the whole transcript. The app is
/// returned so that freeing it is not timed.
mod first_frame {
    use super::{Bencher, Size, open_pager, render_buffer, start};

    const WIDTH: u16 = 120;
    const HEIGHT: u16 = 40;

    #[divan::bench(args = Size::BOTH, sample_count = 20)]
    fn overview(bencher: Bencher, size: Size) {
        bencher
            .with_inputs(|| size.dataset().clone())
            .bench_local_values(|data| {
                let app = start(data, WIDTH, HEIGHT);
                let frame = render_buffer(&app, WIDTH, HEIGHT);
                (app, frame)
            });
    }

    /// From the overview, already drawn, to the Q&A tab drawn: the tab's first layout.
    #[divan::bench(args = Size::BOTH, sample_count = 20)]
    fn switch_to_pager(bencher: Bencher, size: Size) {
        bencher
            .with_inputs(|| {
                let app = start(size.dataset().clone(), WIDTH, HEIGHT);
                render_buffer(&app, WIDTH, HEIGHT);
                app
            })
            .bench_local_values(|mut app| {
                open_pager(&mut app);
                let frame = render_buffer(&app, WIDTH, HEIGHT);
                (app, frame)
            });
    }

    #[divan::bench(args = Size::BOTH, sample_count = 20)]
    fn pager(bencher: Bencher, size: Size) {
        bencher
            .with_inputs(|| size.dataset().clone())
            .bench_local_values(|data| {
                let mut app = start(data, WIDTH, HEIGHT);
                open_pager(&mut app);
                let frame = render_buffer(&app, WIDTH, HEIGHT);
                (app, frame)
            });
    }
}

/// The parts of the filter's first keystroke of text with case outside ASCII, apart: making
/// the search index (the texts looked at once for case, those with case lowercased), then
/// matching the texts against the index as every later keystroke does.
mod filter_parts {
    use super::{Bencher, Size};
    use pressdash::app::filter::{Filter, Passing, SearchIndex};
    use pressdash::data::FigureIds;

    #[divan::bench(args = Size::BOTH, sample_count = 20)]
    fn search_index(bencher: Bencher, size: Size) {
        let data = size.dataset();
        bencher.bench_local(|| SearchIndex::new(data));
    }

    #[divan::bench(args = Size::BOTH, sample_count = 20)]
    fn passing(bencher: Bencher, size: Size) {
        let data = size.dataset();
        let ids = FigureIds::new(data);
        let filter = Filter {
            text: "農".into(),
            ..Filter::default()
        };
        let mut index = Some(SearchIndex::new(data));
        bencher.bench_local(|| Passing::new(data, &ids, &filter, &mut index));
    }
}

/// Opening the Q&A pager at a figure whose paragraph holds about four million characters in
/// each script (the embedded dataset with that paragraph repeated): the whole paragraph is
/// wrapped before the first frame, since rows are chosen by total fit over it.
mod long_paragraph {
    use std::collections::BTreeSet;

    use divan::Bencher;
    use pressdash::app::pager::{Pager, PagerContext};
    use pressdash::data::validate::validate;
    use pressdash::data::{Dataset, Lang, Script};
    use ratatui::layout::Rect;

    use super::Size;

    /// Characters of the long paragraph, in each script.
    const CHARS: usize = 4_000_000;

    /// The embedded dataset with the paragraph of its first figure repeated to [`CHARS`]
    /// characters (its figures keep their places, in the first copy), and that figure's id.
    fn with_long_paragraph() -> (Dataset, String) {
        let mut data = Size::Real.dataset().clone();
        let figure = data.figures[0].clone();
        let paragraph = data
            .segments
            .iter_mut()
            .find(|segment| segment.id == figure.source.segment)
            .and_then(|segment| segment.paragraphs.get_mut(figure.source.paragraph))
            .expect("the first figure's paragraph");
        let copies = CHARS / paragraph.text.hant.chars().count() + 1;
        paragraph.text.hant = paragraph.text.hant.repeat(copies);
        paragraph.text.hans = paragraph.text.hans.repeat(copies);
        assert!(
            validate(&data).problems.is_empty(),
            "the long paragraph is valid"
        );
        (data, figure.id)
    }

    #[divan::bench(sample_count = 5)]
    fn open_at_figure(bencher: Bencher) {
        let (data, figure) = with_long_paragraph();
        let topics = BTreeSet::new();
        let ctx = PagerContext {
            data: &data,
            script: Script::Hant,
            lang: Lang::Zh,
            topics: &topics,
            text: "",
        };
        bencher
            .with_inputs(Pager::new)
            .bench_local_values(|mut pager| {
                pager.resize(Rect::new(0, 0, 120, 38), &ctx);
                assert!(pager.open_at_figure(&figure, &ctx), "the figure is shown");
                pager
            });
    }
}
