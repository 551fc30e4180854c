//! The real binary in a pseudo-terminal: it draws, reacts to keys, pastes and resizes, and
//! leaves the terminal as it found it on every way out (quit, SIGTERM, a panic).
//!
//! Each test waits for what it expects to appear on the emulated screen, with a generous
//! deadline, instead of sleeping for fixed times.

#![cfg(unix)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::process::Command;
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, SlavePty, native_pty_system};
use pressdash::data::load::load_embedded;
use pressdash::data::{Dataset, Lang, Script};

const BINARY: &str = env!("CARGO_BIN_EXE_pressdash");

/// Long enough for a debug build on a loaded 2-core machine; only reached on failure.
const DEADLINE: Duration = Duration::from_secs(10);

/// How often the screen is looked at while waiting.
const POLL: Duration = Duration::from_millis(20);

/// The script the tests pin through the locale, so expectations do not depend on the host.
const LOCALE: &str = "zh_TW.UTF-8";

/// What the program wrote, as an emulated screen and as raw bytes.
#[derive(Default)]
struct Output {
    parser: Option<vt100::Parser>,
    bytes: Vec<u8>,
}

/// The binary running in a pseudo-terminal of its own.
struct Session {
    output: Arc<Mutex<Output>>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    /// The terminal's line settings before the program started.
    settings_before: String,
    /// Kept open so the terminal's settings can still be read after the program exits.
    _slave: Box<dyn SlavePty + Send>,
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

fn non_zero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a terminal side is at least 1")
}

/// Checks `done` every [`POLL`] until it holds or [`DEADLINE`] passes; whether it held.
fn poll(mut done: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < DEADLINE {
        if done() {
            return true;
        }
        thread::sleep(POLL);
    }
    false
}

impl Session {
    fn start(args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Self {
        let pair = native_pty_system()
            .openpty(size(cols, rows))
            .expect("open a pseudo-terminal");
        let settings_before = line_settings(pair.master.as_ref());
        let mut command = CommandBuilder::new(BINARY);
        command.args(args);
        command.cwd(env!("CARGO_MANIFEST_DIR"));
        command.env("TERM", "xterm-256color");
        command.env("LC_ALL", LOCALE);
        // A crash must be reported briefly unless the user asks for a backtrace.
        command.env_remove("RUST_BACKTRACE");
        command.env_remove("NO_COLOR");
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pair.slave.spawn_command(command).expect("start pressdash");
        let output = Arc::new(Mutex::new(Output {
            parser: Some(vt100::Parser::new(non_zero(rows), non_zero(cols), 0)),
            bytes: Vec::new(),
        }));
        let mut reader = pair.master.try_clone_reader().expect("read the terminal");
        let sink = Arc::clone(&output);
        thread::spawn(move || {
            let mut chunk = [0; 4096];
            while let Ok(read @ 1..) = reader.read(&mut chunk) {
                let mut output = sink.lock().unwrap_or_else(PoisonError::into_inner);
                output.bytes.extend_from_slice(&chunk[..read]);
                if let Some(parser) = output.parser.as_mut() {
                    parser.process(&chunk[..read]);
                }
            }
        });
        let writer = pair.master.take_writer().expect("write to the terminal");
        Self {
            output,
            writer,
            master: pair.master,
            child,
            settings_before,
            _slave: pair.slave,
        }
    }

    fn with_output<T>(&self, look: impl FnOnce(&Output) -> T) -> T {
        look(&self.output.lock().unwrap_or_else(PoisonError::into_inner))
    }

    fn screen_text(&self) -> String {
        self.with_output(|output| {
            output
                .parser
                .as_ref()
                .map(|parser| parser.screen().contents())
                .unwrap_or_default()
        })
    }

    /// Waits until `expected` holds of the screen; fails with the screen shown otherwise.
    fn wait_for(&self, what: &str, expected: impl Fn(&vt100::Screen) -> bool) {
        let found = poll(|| {
            self.with_output(|output| {
                output
                    .parser
                    .as_ref()
                    .is_some_and(|parser| expected(parser.screen()))
            })
        });
        assert!(
            found,
            "timed out waiting for {what}; the screen shows:\n{}",
            self.screen_text()
        );
    }

    fn wait_for_text(&self, text: &str) {
        self.wait_for(&format!("`{text}`"), |screen| {
            screen.contents().contains(text)
        });
    }

    fn press(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("type");
        self.writer.flush().expect("type");
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.with_output_mut(|output| {
            if let Some(parser) = output.parser.as_mut() {
                parser.set_size(non_zero(rows), non_zero(cols));
            }
        });
        self.master.resize(size(cols, rows)).expect("resize");
    }

    fn with_output_mut(&self, change: impl FnOnce(&mut Output)) {
        change(&mut self.output.lock().unwrap_or_else(PoisonError::into_inner));
    }

    /// The exit status, waiting for the program to end.
    fn exit_code(&mut self) -> u32 {
        let mut status = None;
        poll(|| {
            status = self.child.try_wait().expect("poll the program");
            status.is_some()
        });
        if let Some(status) = status {
            return status.exit_code();
        }
        let _ = self.child.kill();
        panic!(
            "pressdash did not exit; the screen shows:\n{}",
            self.screen_text()
        );
    }

    fn line_settings(&self) -> String {
        line_settings(self.master.as_ref())
    }

    /// Waits until the screen's rows are `expected`; fails showing both otherwise.
    fn wait_for_frame(&self, what: &str, expected: &[String]) {
        assert!(
            poll(|| screen_rows(self) == expected),
            "timed out waiting for {what}; the screen shows:\n{}\n\nbut `render` prints:\n{}",
            screen_rows(self).join("\n"),
            expected.join("\n")
        );
    }

    /// Waits until the bytes the program wrote contain `sequence`.
    fn wait_for_bytes(&self, what: &str, sequence: &[u8]) {
        let found = poll(|| {
            self.with_output(|output| {
                output
                    .bytes
                    .windows(sequence.len())
                    .any(|window| window == sequence)
            })
        });
        assert!(found, "the program never wrote {what} ({sequence:?})");
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // A failed test must not leave the program running.
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The terminal's line settings: echo, line editing, signals, output processing. Raw mode
/// changes them; restoring must bring them back.
fn line_settings(master: &dyn MasterPty) -> String {
    let termios = master.get_termios().expect("read the terminal's settings");
    format!(
        "{:?} {:?} {:?}",
        termios.input_flags, termios.output_flags, termios.local_flags
    )
}

/// Whether any cell on the screen has a foreground or background colour.
fn any_colour(session: &Session) -> bool {
    session.with_output(|output| {
        let screen = output.parser.as_ref().expect("a screen").screen();
        let (rows, cols) = screen.size();
        (0..rows.get()).any(|row| {
            (0..cols.get()).any(|col| {
                screen.cell(row, col).is_some_and(|cell| {
                    cell.fgcolor() != vt100::Color::Default
                        || cell.bgcolor() != vt100::Color::Default
                })
            })
        })
    })
}

/// The modes a program can leave switched on, as one comparable line.
fn modes(screen: &vt100::Screen) -> String {
    format!(
        "alternate screen: {}, cursor hidden: {}, mouse reporting: {:?}, bracketed paste: {}",
        screen.alternate_screen(),
        screen.hide_cursor(),
        screen.mouse_protocol_mode(),
        screen.bracketed_paste()
    )
}

/// Checks the terminal is as a shell left it: main screen, cursor shown, no mouse reporting,
/// no bracketed paste, and the line settings from before the program started.
fn assert_restored(session: &Session) {
    let restored = "alternate screen: false, cursor hidden: false, mouse reporting: None, \
                    bracketed paste: false";
    // The program has exited, but its last bytes may still be on their way to the parser.
    let start = Instant::now();
    let mut current = String::new();
    while start.elapsed() < DEADLINE {
        current =
            session.with_output(|output| modes(output.parser.as_ref().expect("a screen").screen()));
        if current == restored {
            break;
        }
        thread::sleep(POLL);
    }
    assert_eq!(current, restored);
    assert_eq!(
        session.line_settings(),
        session.settings_before,
        "raw mode was not switched off"
    );
}

fn dataset() -> Dataset {
    load_embedded().expect("the embedded dataset loads")
}

/// The first frame is drawn once the overview shows the first theme's label and its first
/// headline figure.
fn overview_expectations(data: &Dataset) -> (String, String) {
    let theme = data.themes.first().expect("a theme");
    let headline = theme.headline.first().expect("a headline figure");
    let figure = data
        .figures
        .iter()
        .find(|figure| &figure.id == headline)
        .expect("the headline figure exists");
    (
        theme.label.get(Lang::Zh, Script::Hant).to_owned(),
        figure.label.get(Lang::Zh, Script::Hant).to_owned(),
    )
}

/// Starts the dashboard at 100x30 and waits for its first frame: the tab bar and a headline
/// figure of the overview.
fn start_dashboard(args: &[&str], env: &[(&str, &str)]) -> Session {
    let session = Session::start(args, 100, 30, env);
    let (theme, figure) = overview_expectations(&dataset());
    session.wait_for_text(&theme);
    session.wait_for_text(&figure);
    session
}

/// The frame `pressdash render` prints for the same keys and size, as screen rows.
fn rendered(cols: u16, rows: u16, keys: &str) -> Vec<String> {
    let output = Command::new(BINARY)
        .args([
            "render",
            "--size",
            &format!("{cols}x{rows}"),
            "--keys",
            keys,
        ])
        .env("LC_ALL", LOCALE)
        .output()
        .expect("run pressdash render");
    assert!(output.status.success(), "{output:?}");
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines.resize(usize::from(rows), String::new());
    lines
}

fn screen_rows(session: &Session) -> Vec<String> {
    session.with_output(|output| {
        let screen = output.parser.as_ref().expect("a screen").screen();
        let (_, cols) = screen.size();
        screen
            .rows(0, cols.get())
            .map(|row| row.trim_end().to_owned())
            .collect()
    })
}

#[test]
fn draws_switches_tabs_searches_resizes_and_quits_cleanly() {
    let mut session = start_dashboard(&[], &[]);
    assert_ne!(
        session.line_settings(),
        session.settings_before,
        "raw mode should be on while the dashboard runs"
    );
    session.with_output(|output| {
        let screen = output.parser.as_ref().expect("a screen").screen();
        assert!(screen.alternate_screen());
        assert!(screen.hide_cursor());
    });

    assert!(any_colour(&session), "a terminal gets colour by default");
    // The frame on the terminal is the one `render` prints.
    session.wait_for_frame("the overview", &rendered(100, 30, ""));

    session.press("3");
    session.wait_for_frame("the third tab", &rendered(100, 30, "3"));

    // The third tab is the second theme (the overview comes first); look for one of its
    // figures by its full Chinese label.
    let data = dataset();
    let theme = &data.themes[1].id;
    let figure = data
        .figures
        .iter()
        .find(|figure| &figure.theme == theme)
        .expect("the second theme has figures");
    let query = &figure.label.hant;
    session.press(&format!("/{query}\r"));
    session.wait_for_text(&figure.label.hant);

    session.resize(60, 20);
    // Every cell is redrawn: nothing of the larger frame is left over.
    let keys = format!("3 / {query} Enter");
    session.wait_for_frame("the frame redrawn at 60x20", &rendered(60, 20, &keys));

    session.press("q");
    assert_eq!(session.exit_code(), 0);
    assert_restored(&session);
}

#[test]
fn a_bracketed_paste_goes_into_the_filter_and_paste_mode_ends_with_the_program() {
    let mut session = start_dashboard(&[], &[]);
    session.with_output(|output| {
        let screen = output.parser.as_ref().expect("a screen").screen();
        assert!(screen.bracketed_paste(), "bracketed paste should be on");
    });
    session.press("/");
    session.wait_for_frame("the filter prompt", &rendered(100, 30, "/"));
    // As a terminal sends a paste: were it read as keys, its Esc would close the prompt.
    session.press("\x1b[200~法律\r\n\x1b[201~");
    session.wait_for_frame("the pasted filter", &rendered(100, 30, "/ 法律"));
    session.press("\r");
    session.wait_for_frame("the filter applied", &rendered(100, 30, "/ 法律 Enter"));

    session.press("q");
    assert_eq!(session.exit_code(), 0);
    session.wait_for_bytes("bracketed paste switched off", b"\x1b[?2004l");
    assert_restored(&session);
}

#[test]
fn no_color_draws_without_colours() {
    let mut session = start_dashboard(&[], &[("NO_COLOR", "1")]);
    assert!(
        !any_colour(&session),
        "NO_COLOR is set:\n{}",
        session.screen_text()
    );
    session.press("q");
    assert_eq!(session.exit_code(), 0);
}

#[test]
fn mouse_reporting_is_switched_off_on_quit() {
    let mut session = start_dashboard(&["--mouse"], &[]);
    session.with_output(|output| {
        let screen = output.parser.as_ref().expect("a screen").screen();
        assert_ne!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "--mouse should turn mouse reporting on"
        );
    });
    session.press("\u{3}");
    assert_eq!(session.exit_code(), 0, "Ctrl-c quits");
    // Any-event tracking and SGR encoding both switched off.
    session.wait_for_bytes("the mouse switched off", b"\x1b[?1003l");
    session.wait_for_bytes("SGR mouse encoding switched off", b"\x1b[?1006l");
    assert_restored(&session);
}

/// Escape sequences a hostile file name or dataset may hold: a title change, a clipboard
/// write, a screen clear and an 8-bit CSI.
const HOSTILE: &str = "\u{1b}]0;pwned\u{7}\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}[2J\u{9b}31m";

/// What a terminal shows of [`HOSTILE`] when it is made harmless.
const HOSTILE_SHOWN: &str = "␛]0;pwned␇␛]52;c;cHduZWQ=␇␛[2J\\u{9b}31m";

/// Runs a command that prints and ends in the terminal; its raw output once `shown` is in it.
fn printed_on_a_terminal(args: &[&str], expected_status: u32, shown: &str) -> String {
    let mut session = Session::start(args, 200, 50, &[]);
    assert_eq!(session.exit_code(), expected_status);
    session.wait_for_bytes("the hostile text", shown.as_bytes());
    session.with_output(|output| String::from_utf8_lossy(&output.bytes).into_owned())
}

/// Nothing in `bytes` that a terminal would act on: no escape, bell or C1 control.
fn assert_inert(what: &str, bytes: &str) {
    assert!(
        !bytes.contains(['\u{1b}', '\u{7}', '\u{9b}', '\u{9d}']),
        "{what} reached the terminal raw: {bytes:?}"
    );
}

#[test]
fn csv_and_json_on_a_terminal_show_escapes_harmlessly() {
    let mut value: serde_json::Value =
        serde_json::from_str(pressdash::data::EMBEDDED_JSON).expect("the dataset is JSON");
    for key in ["hans", "hant", "en"] {
        value["figures"][0]["label"][key] = format!("{HOSTILE}label").into();
    }
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("e2e-hostile");
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    let file = dir.join("hostile.json");
    std::fs::write(&file, value.to_string()).expect("write the dataset");
    let file = file.to_str().expect("a UTF-8 path");
    // JSON escapes control characters in its own way, which reads back exactly, and Markdown
    // escapes its own syntax.
    for (format, shown) in [
        ("csv", "␛]0;pwned␇"),
        ("json", "\\u001b]0;pwned\\u0007"),
        ("md", "␛\\]0;pwned␇"),
        ("table", "␛]0;pwned␇"),
    ] {
        let args = ["--data", file, "figures", "--format", format];
        let printed = printed_on_a_terminal(&args, 0, shown);
        assert_inert(format, &printed);
    }
}

#[test]
fn argument_errors_on_a_terminal_show_escapes_harmlessly() {
    let name = format!("{HOSTILE}.json");
    for args in [
        vec![name.as_str()],
        vec!["--data", &name, "figures"],
        vec!["render", "--size", &name],
        vec!["validate", &name],
    ] {
        let printed = printed_on_a_terminal(&args, 2, HOSTILE_SHOWN);
        assert_inert(&format!("{args:?}"), &printed);
        assert!(printed.contains(HOSTILE_SHOWN), "{args:?}: {printed}");
    }
}

/// Ends the dashboard with `signal` and checks it exits with 128 + the signal's number,
/// leaving the terminal restored.
fn assert_signal_restores(signal: nix::sys::signal::Signal) {
    let mut session = start_dashboard(&["--mouse"], &[]);
    let pid = session.child.process_id().expect("a process id");
    let pid = nix::unistd::Pid::from_raw(i32::try_from(pid).expect("a pid fits"));
    nix::sys::signal::kill(pid, signal).expect("send the signal");
    assert_eq!(session.exit_code(), 128 + signal as u32);
    assert_restored(&session);
}

#[test]
fn sigterm_restores_the_terminal() {
    assert_signal_restores(nix::sys::signal::Signal::SIGTERM);
}

#[test]
fn sighup_restores_the_terminal() {
    assert_signal_restores(nix::sys::signal::Signal::SIGHUP);
}

/// The panic is reachable only through a variable that debug builds read.
#[test]
#[cfg_attr(
    not(debug_assertions),
    ignore = "the test-only panic exists in debug builds"
)]
fn a_panic_restores_the_terminal_and_says_so_briefly() {
    let mut session = start_dashboard(&["--mouse"], &[("PRESSDASH_TEST_PANIC", "1")]);
    session.press("j");
    assert_eq!(session.exit_code(), 101);
    session.wait_for_text("pressdash crashed");
    assert_restored(&session);
    let screen = session.screen_text();
    assert!(!screen.contains("stack backtrace"), "{screen}");
    let message_rows = screen
        .lines()
        .filter(|line| !line.trim().is_empty())
        .count();
    assert!(message_rows <= 4, "the message should be short:\n{screen}");
}
