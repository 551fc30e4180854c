//! Every key the footer offers and every key the help lists acts where it is offered: pressed
//! there, it changes the screen, quits, suspends or asks the world for something. Checked over
//! every tab, its popups, focuses, filters and empty lists, at several sizes.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pressdash::app::action::Action;
use pressdash::app::keys::{self, KEY_TABLE};
use pressdash::app::scroll::Step;
use pressdash::app::{App, Options, Popup};
use pressdash::data::{Lang, Script, load::load_embedded};
use pressdash::ui;

/// How to reach each state from the start, as `render --keys` spells keys: a key name, a
/// `Ctrl-` key, or characters typed one by one.
const STATES: &[&str] = &[
    "",
    "Up",
    "Up Right",
    "Up Right Enter",
    "End",
    "Down Enter",
    "2",
    "2 End",
    "2 Enter",
    "2 End Enter",
    "2 Enter ?",
    "2 ?",
    "2 Enter Enter",
    "2 Enter Enter Backspace",
    "3",
    "4 c",
    "5",
    "6 r",
    "7",
    "8",
    "9",
    "0",
    "0 End",
    "0 i",
    "0 i Down",
    "0 i ?",
    "0 / 工会 Enter",
    "0 / 工会 Enter n",
    "0 / 工会 Enter i",
    "0 / 工会",
    "0 / zzzz Enter",
    "0 ?",
    "/ 法律 Enter",
    "/ 法律 Enter 2",
    "/ 法律 Enter 5",
    "/ 法律 Enter 0",
    "/ 2,245 Enter 2",
    "/ zzzz Enter",
    "/ zzzz Enter 3",
    "/ zzzz Enter 0",
    "/ 劳模",
    "t",
    "t Space",
    "t Down Space Enter",
    "t Down Space Enter 5",
    "t ?",
    "?",
    "L",
    "L 2 Enter",
    "L 0 i",
];

/// Actions that go one way or the other besides movement: where one stands at an end, the
/// other acts.
const PAIRS: &[[Action; 2]] = &[
    [Action::Left, Action::Right],
    [Action::NextItem, Action::PrevItem],
    [Action::NextMatch, Action::PrevMatch],
    [Action::NextChart, Action::PrevChart],
];

/// The group of actions `action` goes one way of: every movement is one, each pair another.
fn direction(action: Action) -> Option<usize> {
    if Step::of(action, 1).is_some() {
        return Some(PAIRS.len());
    }
    PAIRS.iter().position(|pair| pair.contains(&action))
}

fn app(width: u16, height: u16) -> App {
    let mut app = App::new(
        load_embedded().expect("the embedded dataset loads"),
        Options::plain(Script::Hans, Lang::Zh),
    );
    app.resize(width, height);
    app
}

/// The events of a script of keys.
fn events(script: &str) -> Vec<KeyEvent> {
    script
        .split_whitespace()
        .flat_map(|token| {
            if let Some(event) = keys::named_key(token) {
                vec![event]
            } else if let Some(event) = keys::control_key(token) {
                vec![event.expect("a Ctrl- key")]
            } else {
                token.chars().map(keys::typed_char).collect()
            }
        })
        .collect()
}

/// The screen with its styles, the script (which an English screen may not show until the
/// Q&A or a figure's details), and what the app asks beyond the screen.
fn seen(app: &mut App, width: u16, height: u16) -> (String, Script, bool, bool, usize) {
    (
        ui::buffer_ansi(&ui::render_buffer(app, width, height)),
        app.script(),
        app.should_quit(),
        app.take_suspend(),
        app.take_effects().len(),
    )
}

/// Whether one of `keys`, pressed in `state`, acts.
fn one_acts(state: &App, keys: &[KeyEvent], size: (u16, u16)) -> bool {
    let before = seen(&mut state.clone(), size.0, size.1);
    keys.iter().any(|&key| {
        let mut after = state.clone();
        after.handle_key(key);
        seen(&mut after, size.0, size.1) != before
    })
}

/// The key events a footer hint spells: `Enter`, `Ctrl-f`, `n/N`, `▴▾`, `][`.
fn spelled(hint: &str) -> Vec<KeyEvent> {
    let every_key = KEY_TABLE.iter().flat_map(|b| b.keys);
    let by_label = |label: &str| every_key.clone().find(|key| key.label() == label);
    let tokens: Vec<&str> = if by_label(hint).is_some() {
        vec![hint]
    } else {
        hint.split('/').collect()
    };
    tokens
        .into_iter()
        .flat_map(|token| {
            let whole = if token == "Bksp" {
                by_label("Backspace")
            } else {
                by_label(token)
            };
            match whole {
                Some(key) => vec![key],
                None => token
                    .chars()
                    .map(|c| by_label(&c.to_string()).unwrap_or_else(|| panic!("{hint}")))
                    .collect(),
            }
        })
        .map(|&key| event_of(key))
        .collect()
}

fn event_of(key: keys::Key) -> KeyEvent {
    if key.ctrl {
        KeyEvent::new(key.code, KeyModifiers::CONTROL)
    } else {
        match key.code {
            KeyCode::Char(c) => keys::typed_char(c),
            KeyCode::BackTab => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
            code => KeyEvent::new(code, KeyModifiers::NONE),
        }
    }
}

/// Runs `check` on each state at each of `sizes`.
fn each_state(sizes: &[(u16, u16)], mut check: impl FnMut(&str, (u16, u16), &App)) {
    for &size in sizes {
        for script in STATES {
            let mut app = app(size.0, size.1);
            for event in events(script) {
                app.handle_key(event);
            }
            check(script, size, &app);
        }
    }
}

#[test]
fn every_key_the_footer_offers_acts() {
    let mut offered = 0;
    each_state(&[(120, 36), (80, 24), (40, 12)], |script, size, app| {
        for hint in app.hints() {
            offered += 1;
            assert!(
                one_acts(app, &spelled(hint.keys), size),
                "`{}` ({}) is offered after `{script}` at {size:?} and does nothing",
                hint.keys,
                hint.text.en
            );
        }
    });
    assert!(offered > STATES.len() * 3 * 4, "{offered} hints in all");
}

#[test]
fn every_key_the_help_lists_acts_where_it_was_opened() {
    each_state(&[(120, 36), (80, 24)], |script, size, app| {
        if app
            .popup()
            .is_some_and(|popup| matches!(popup, Popup::Help(_)))
        {
            return;
        }
        let mut help = app.clone();
        help.handle_key(KeyEvent::new(KeyCode::F(1), KeyModifiers::NONE));
        let Some(Popup::Help(help)) = help.popup() else {
            // A prompt takes the key as text.
            return;
        };
        let listed = help.listed();
        // Movement, and a pair of directions, is listed where one of them acts: the others
        // may stand at an end.
        for group in 0..=PAIRS.len() {
            let keys: Vec<KeyEvent> = listed
                .iter()
                .filter(|l| direction(KEY_TABLE[l.row].action) == Some(group))
                .flat_map(|l| l.keys.iter().map(|&key| event_of(key)))
                .collect();
            assert!(
                keys.is_empty() || one_acts(app, &keys, size),
                "the help after `{script}` at {size:?} lists keys of direction {group} and none acts"
            );
        }
        let directed = |row: usize| direction(KEY_TABLE[row].action).is_some();
        for row in listed.iter().filter(|l| !directed(l.row)) {
            let keys: Vec<KeyEvent> = row.keys.iter().map(|&key| event_of(key)).collect();
            assert!(
                one_acts(app, &keys, size),
                "the help after `{script}` at {size:?} lists `{}` ({}) and it does nothing",
                row.keys
                    .iter()
                    .map(|key| key.label())
                    .collect::<Vec<_>>()
                    .join(", "),
                KEY_TABLE[row.row].help.en
            );
        }
    });
}
