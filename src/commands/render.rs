//! `pressdash render`: the frame the dashboard would show at a size after some keys, printed
//! as text (or with ANSI styles), with no terminal needed.

use std::path::Path;

use crossterm::event::KeyEvent;

use crate::app::App;
use crate::app::keys::{control_key, key_names, named_key, typed_char};
use crate::cli::{RenderArgs, Settings};
use crate::commands::{Failure, load_dataset, write_stdout};
use crate::effects;
use crate::text;
use crate::ui;

/// Prints the frame.
pub fn run(args: &RenderArgs, settings: &Settings) -> Result<(), Failure> {
    let keys = parse_keys(&args.keys).map_err(Failure::usage)?;
    let dataset = load_dataset(settings.data.as_ref())?;
    let mut app = App::new(dataset, settings.app_options(false));
    let (cols, rows) = (args.size.cols, args.size.rows);
    // The dashboard learns its size from a resize before any key, and so does the replay.
    app.resize(cols, rows);
    for key in keys {
        app.handle_key(key);
        // As the terminal would, but with no terminal to copy to: an export is written, a
        // copy is reported as not sent.
        for effect in app.take_effects() {
            let report = effects::perform(&effect, app.data(), None, Path::new("."));
            app.report(report);
        }
    }
    let buffer = ui::render_buffer(&app, cols, rows);
    write_stdout(|out| {
        if settings.color {
            out.write_all(ui::buffer_ansi(&buffer).as_bytes())
        } else {
            ui::buffer_text(&buffer)
                .iter()
                .try_for_each(|line| writeln!(out, "{line}"))
        }
    })
}

/// Parses a key script: space-separated key names (`Tab`, `Enter`, …, in any case), `C-x` or
/// `Ctrl-x` for Ctrl-x, text in quotes (`'Suolang'`, `"a b"`) typed as it is, and any other
/// word typed character by character, as a terminal would report each key. A word that looks
/// like a key name but is none (`Escape`, `pgdown`) is refused rather than typed, since
/// typing its letters would press keys the script did not mean (`e` exports).
pub fn parse_keys(script: &str) -> Result<Vec<KeyEvent>, String> {
    let mut keys = Vec::new();
    let mut rest = script.trim_start();
    while let Some(first) = rest.chars().next() {
        if first == '\'' || first == '"' {
            let inner = &rest[1..];
            let Some(close) = inner.find(first) else {
                return Err(format!(
                    "in --keys, the quote {first} before `{}` is never closed; close it to type \
                     the text between, as in '{first}Suolang{first}'",
                    text::take_width(inner, 20).0
                ));
            };
            keys.extend(inner[..close].chars().map(typed_char));
            rest = inner[close + 1..].trim_start();
            continue;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let token = &rest[..end];
        rest = rest[end..].trim_start();
        if let Some(key) = named_key(token) {
            keys.push(key);
        } else if let Some(control) = control_key(token) {
            keys.push(control.map_err(|error| format!("in --keys, {error}"))?);
        } else if looks_like_key_name(token) {
            return Err(format!(
                "`{token}` in --keys is not a key name; the names are {}, and Ctrl-x (or C-x) \
                 for a control key. To type it as text, put it in quotes: '{token}'",
                key_names(),
            ));
        } else {
            keys.extend(token.chars().map(typed_char));
        }
    }
    Ok(keys)
}

/// How key names are spelled: a capital followed by ASCII letters, digits or `-`, some of them
/// lower-case letters or digits (`Escape`, `F12`, unlike a run of capitals, `GG`), or in any
/// case the name of a key the dashboard does not know (`escape`, `pgdown`, `f5`, `alt-x`).
fn looks_like_key_name(token: &str) -> bool {
    const OTHER_NAMES: [&str; 10] = [
        "escape", "return", "pgdown", "delete", "del", "insert", "ins", "shift", "ctrl", "alt",
    ];
    let lower = token.to_ascii_lowercase();
    let mut rest = token.chars().skip(1).peekable();
    let capitalised = token.starts_with(|c: char| c.is_ascii_uppercase())
        && rest.peek().is_some()
        && token.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && rest.any(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    let function_key = lower
        .strip_prefix('f')
        .is_some_and(|n| !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()));
    let modifier = ["alt-", "shift-", "meta-", "super-"]
        .iter()
        .any(|prefix| lower.starts_with(prefix) && lower.len() > prefix.len());
    capitalised || function_key || modifier || OTHER_NAMES.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use crossterm::event::{KeyCode, KeyModifiers};

    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn named_keys() {
        let keys = parse_keys("Tab BackTab Enter Esc Up Down Left Right PageUp PageDown").unwrap();
        let expected = [
            key(KeyCode::Tab),
            KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
            key(KeyCode::Enter),
            key(KeyCode::Esc),
            key(KeyCode::Up),
            key(KeyCode::Down),
            key(KeyCode::Left),
            key(KeyCode::Right),
            key(KeyCode::PageUp),
            key(KeyCode::PageDown),
        ];
        assert_eq!(keys, expected);
        let keys = parse_keys("Home End Space Backspace F1").unwrap();
        let expected = [
            key(KeyCode::Home),
            key(KeyCode::End),
            key(KeyCode::Char(' ')),
            key(KeyCode::Backspace),
            key(KeyCode::F(1)),
        ];
        assert_eq!(keys, expected);
    }

    #[test]
    fn other_words_are_typed_character_by_character() {
        let keys = parse_keys("/ 法律 Enter").unwrap();
        let expected = [
            key(KeyCode::Char('/')),
            key(KeyCode::Char('法')),
            key(KeyCode::Char('律')),
            key(KeyCode::Enter),
        ];
        assert_eq!(keys, expected);
        assert_eq!(
            parse_keys("jG").unwrap(),
            [
                key(KeyCode::Char('j')),
                KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT)
            ]
        );
    }

    #[test]
    fn names_are_read_in_any_case_and_quoted_text_is_typed() {
        assert_eq!(
            parse_keys("esc ENTER tab ctrl-d").unwrap(),
            [
                key(KeyCode::Esc),
                key(KeyCode::Enter),
                key(KeyCode::Tab),
                KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL)
            ]
        );
        let typed: String = parse_keys("/ 'Suolang' \"end up\" Enter")
            .unwrap()
            .iter()
            .filter_map(|key| match key.code {
                KeyCode::Char(c) => Some(c),
                _ => None,
            })
            .collect();
        assert_eq!(typed, "/Suolangend up");
        assert_eq!(parse_keys("'tab'").unwrap().len(), 3);
        assert_eq!(parse_keys("''").unwrap(), []);
        let error = parse_keys("/ 'Suolang Enter").unwrap_err();
        assert!(error.contains("never closed"), "{error}");
    }

    #[test]
    fn control_keys() {
        let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        assert_eq!(parse_keys("C-c C-D").unwrap(), [ctrl('c'), ctrl('d')]);
        // A bare `C-` has nothing to hold Ctrl with: it is typed.
        assert_eq!(
            parse_keys("C-").unwrap(),
            [
                KeyEvent::new(KeyCode::Char('C'), KeyModifiers::SHIFT),
                key(KeyCode::Char('-'))
            ]
        );
        let error = parse_keys("Tab C-ab").unwrap_err();
        assert!(error.contains("ab"), "{error}");
        assert_eq!(parse_keys("Ctrl-d Ctrl-U").unwrap(), [ctrl('d'), ctrl('u')]);
    }

    #[test]
    fn the_readme_spellings_are_names_too() {
        assert_eq!(
            parse_keys("PgDn PgUp Shift-Tab").unwrap(),
            [
                key(KeyCode::PageDown),
                key(KeyCode::PageUp),
                KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
            ]
        );
    }

    #[test]
    fn a_word_that_looks_like_a_key_name_but_is_none_is_refused_with_the_names() {
        for token in [
            "Escape",
            "NoSuchKey",
            "F12",
            "PageDn",
            "escape",
            "pgdown",
            "f5",
            "alt-x",
        ] {
            let error = parse_keys(&format!("Tab {token}")).unwrap_err();
            assert!(error.contains(&format!("`{token}`")), "{error}");
            assert!(error.contains("Esc") && error.contains("PgDn"), "{error}");
        }
        // Quoted, or split, its letters are typed.
        assert_eq!(parse_keys("'Escape'").unwrap().len(), 6);
        assert_eq!(parse_keys("E scape").unwrap().len(), 6);
        assert_eq!(parse_keys("G L s GG").unwrap().len(), 5);
    }

    #[test]
    fn blank_scripts_press_nothing() {
        assert!(parse_keys("").unwrap().is_empty());
        assert!(parse_keys("  \t \n").unwrap().is_empty());
    }

    proptest! {
        #![proptest_config(crate::proptest_config::proptest_config(128))]

        /// Any text parses or is refused with a message.
        #[test]
        fn any_text_parses_or_is_refused(script in "\\PC{0,40}") {
            let _ = parse_keys(&script);
        }

        #[test]
        fn plain_words_type_each_char(word in "[a-z0-9/?]{2,12}") {
            let keys = parse_keys(&word).unwrap();
            prop_assert_eq!(keys.len(), word.chars().count());
        }
    }
}
