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
        Self::start_program(BINARY, args, cols, rows, env)
    }

    /// Runs `script` in a job-control shell (bash with `set -m`), the binary as `$0`, so that
    /// a stopped dashboard has a shell to return to.
    fn start_in_shell(script: &str) -> Self {
        let script = format!("set -m; {script}");
        Self::start_program("bash", &["--norc", "-c", &script, BINARY], 100, 30, &[])
    }

    fn start_program(
        program: &str,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Self {
        let pair = native_pty_system()
            .openpty(size(cols, rows))
            .expect("open a pseudo-terminal");
        let settings_before = line_settings(pair.master.as_ref());
        let mut command = CommandBuilder::new(program);
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
        let process = self
            .child
            .process_id()
            .map_or_else(|| "gone".to_owned(), threads_of);
        let line = self.line_settings();
        let tail = self.with_output(|output| {
            let start = output.bytes.len().saturating_sub(600);
            String::from_utf8_lossy(&output.bytes[start..])
                .escape_debug()
                .to_string()
        });
        let _ = self.child.kill();
        panic!(
            "pressdash did not exit; its process: {process}; the line: {line}; its last output: \
             {tail}; the screen shows:\n{}",
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
    rendered_with(&[], cols, rows, keys)
}

/// [`rendered`] with the options `before` (`--data FILE`) ahead of the command.
fn rendered_with(before: &[&str], cols: u16, rows: u16, keys: &str) -> Vec<String> {
    let output = Command::new(BINARY)
        .args(before)
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
fn no_color_draws_without_colours_whatever_the_scheme() {
    for args in [&[][..], &["--colors", "high-contrast"]] {
        let mut session = start_dashboard(args, &[("NO_COLOR", "1")]);
        assert!(
            !any_colour(&session),
            "NO_COLOR is set, {args:?}:\n{}",
            session.screen_text()
        );
        session.press("q");
        assert_eq!(session.exit_code(), 0);
    }
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
    let dir = scratch_dir("e2e-hostile");
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

#[test]
fn other_ending_signals_restore_the_terminal_too() {
    use nix::sys::signal::Signal;
    for signal in [Signal::SIGUSR1, Signal::SIGALRM, Signal::SIGPIPE] {
        assert_signal_restores(signal);
    }
}

/// Signals are caught from before the terminal is set up, though their watcher starts only
/// once the first frame is out: one sent as soon as the alternate screen shows, while the first
/// frame may still be drawn, waits for the watcher and restores all the same.
#[test]
fn a_signal_during_the_first_frame_restores_the_terminal() {
    let mut session = Session::start(&[], 100, 30, &[]);
    // Looked for without pausing, to send the signal while the frame is drawn more often than
    // not; whenever it arrives, the outcome must be the same.
    let enter_alternate_screen = b"\x1b[?1049h";
    let start = Instant::now();
    while !session.with_output(|output| {
        output
            .bytes
            .windows(enter_alternate_screen.len())
            .any(|window| window == enter_alternate_screen)
    }) {
        assert!(
            start.elapsed() < DEADLINE,
            "the alternate screen never came"
        );
        thread::yield_now();
    }
    let signal = nix::sys::signal::Signal::SIGTERM;
    nix::sys::signal::kill(pid_of(&session), signal).expect("send the signal");
    assert_eq!(session.exit_code(), 128 + signal as u32);
    assert_restored(&session);
}

/// Signals that arrive while the dashboard ends must not keep it from ending. SIGCONT is harmless while it runs (a full redraw), so a stream of them
/// covers every moment of the way out.
#[test]
fn signals_arriving_while_the_dashboard_ends_do_not_keep_it_running() {
    let mut session = start_dashboard(&[], &[]);
    let pid = pid_of(&session);
    let sender = thread::spawn(move || {
        let start = Instant::now();
        // Stops once the process is a zombie: a reaped pid could be another process's.
        while start.elapsed() < DEADLINE && !is_zombie_or_gone(pid) {
            let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGCONT);
        }
    });
    session.press("q");
    sender.join().expect("the sender ends");
    assert_eq!(session.exit_code(), 0);
    assert_restored(&session);
}

fn is_zombie_or_gone(pid: nix::unistd::Pid) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).map_or(true, |stat| {
        // The state follows the command's name, which is in parentheses.
        stat.rsplit_once(") ")
            .is_none_or(|(_, rest)| rest.starts_with('Z'))
    })
}

fn pid_of(session: &Session) -> nix::unistd::Pid {
    let pid = session.child.process_id().expect("a process id");
    nix::unistd::Pid::from_raw(i32::try_from(pid).expect("a pid fits"))
}

/// The state, wait channel and system call of each of a process's threads, and their
/// backtraces, for a failure message.
fn threads_of(pid: u32) -> String {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return "gone".to_owned();
    };
    tasks
        .flatten()
        .map(|task| {
            let read =
                |name: &str| std::fs::read_to_string(task.path().join(name)).unwrap_or_default();
            format!(
                "[{} wchan={} syscall={}]",
                read("stat").trim(),
                read("wchan"),
                read("syscall").trim()
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
        + &backtraces_of(pid)
}

/// Every thread's backtrace where gdb is installed, which names the function a process is
/// stuck or spinning in; nothing otherwise.
fn backtraces_of(pid: u32) -> String {
    Command::new("gdb")
        .args([
            "-p",
            &pid.to_string(),
            "-batch",
            "-ex",
            "thread apply all bt",
        ])
        .output()
        .map(|output| format!("; gdb: {}", String::from_utf8_lossy(&output.stdout)))
        .unwrap_or_default()
}

/// A directory of this test run's own, made if missing: runs of the tests side by side do not
/// write over each other's files.
fn scratch_dir(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    dir
}

/// The dashboard's process under its job-control shell, found by its parent.
fn dashboard_under(shell: &Session) -> nix::unistd::Pid {
    let shell = pid_of(shell);
    let mut found = None;
    poll(|| {
        found = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children"))
            .ok()
            .and_then(|children| children.split_whitespace().next().map(str::to_owned))
            .and_then(|pid| pid.parse().ok());
        found.is_some()
    });
    nix::unistd::Pid::from_raw(found.expect("the shell started the dashboard"))
}

/// Ctrl-z (or SIGTSTP from outside) gives the terminal back to the shell as it was, stops,
/// and `fg` brings the dashboard back, drawn whole.
fn assert_suspends_and_resumes(stop: impl FnOnce(&mut Session)) {
    let mut session = Session::start_in_shell(
        "\"$0\" --mouse; echo suspended; read -r line; fg; echo \"ended with $?\"",
    );
    let (theme, figure) = overview_expectations(&dataset());
    session.wait_for_text(&figure);
    let dashboard = dashboard_under(&session);
    stop(&mut session);
    session.wait_for_text("suspended");
    assert_restored(&session);
    assert!(
        !session.screen_text().contains(&figure),
        "the shell's screen is back"
    );
    session.press("\r");
    session.wait_for("the dashboard set up again", |screen| {
        screen.alternate_screen() && screen.contents().contains(&figure)
    });
    session.wait_for_text(&theme);
    session.press("q");
    // The shell reports the dashboard's exit status once `fg` returns.
    let ended = poll(|| session.screen_text().contains("ended with 0"));
    assert!(
        ended,
        "the dashboard did not end with 0 after q; its threads: {}; the line: {}; the screen \
         shows:\n{}",
        threads_of(dashboard.as_raw().unsigned_abs()),
        session.line_settings(),
        session.screen_text()
    );
    assert_restored(&session);
}

#[test]
fn ctrl_z_suspends_with_the_terminal_restored_and_fg_resumes() {
    assert_suspends_and_resumes(|session| session.press("\u{1a}"));
}

#[test]
fn sigtstp_suspends_with_the_terminal_restored_and_fg_resumes() {
    assert_suspends_and_resumes(|session| {
        let dashboard = dashboard_under(session);
        nix::sys::signal::kill(dashboard, nix::sys::signal::Signal::SIGTSTP).expect("send");
    });
}

/// Started as the terminal's own program, nothing could resume a stopped dashboard: Ctrl-z is
/// then ignored, as the kernel ignores SIGTSTP for such a process.
#[test]
fn ctrl_z_without_a_shell_to_return_to_does_nothing() {
    let mut session = start_dashboard(&[], &[]);
    session.press("\u{1a}");
    session.press("2");
    session.wait_for_text("2/10");
    session.press("q");
    assert_eq!(session.exit_code(), 0);
    assert_restored(&session);
}

/// A terminal that goes away without SIGHUP (it was not the dashboard's controlling
/// terminal, as when SIGHUP never comes) reads as end of file forever: the dashboard must
/// end instead of spinning on it.
#[test]
fn the_dashboard_ends_when_its_terminal_goes_away() {
    use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
    use std::process::Stdio;

    let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC)
        .expect("open a pseudo-terminal");
    grantpt(&master).expect("grant it");
    unlockpt(&master).expect("unlock it");
    let name = ptsname(&master, Vec::new()).expect("its name");
    let slave = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(name.to_str().expect("a UTF-8 name"))
        .expect("open its slave side");
    let window = rustix::termios::Winsize {
        ws_row: 30,
        ws_col: 100,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    rustix::termios::tcsetwinsize(&slave, window).expect("size it");
    let stdio = || Stdio::from(slave.try_clone().expect("a copy of the slave side"));
    let mut child = Command::new(BINARY)
        .env("TERM", "xterm-256color")
        .env("LC_ALL", LOCALE)
        .stdin(stdio())
        .stdout(stdio())
        .stderr(stdio())
        .spawn()
        .expect("start pressdash");
    drop(slave);

    // Reads until the whole first frame is drawn (the footer is its last row) and the program
    // waits for input, then closes the only master: the terminal is gone.
    let footer = "q 退出";
    let (drawn, first_frame) = std::sync::mpsc::channel();
    let (close, closing) = std::sync::mpsc::channel::<()>();
    let mut master = std::fs::File::from(master);
    thread::spawn(move || {
        let mut screen = vt100::Parser::new(non_zero(30), non_zero(100), 0);
        let mut chunk = [0; 4096];
        while let Ok(read @ 1..) = master.read(&mut chunk) {
            screen.process(&chunk[..read]);
            if screen.screen().contents().contains(footer) {
                break;
            }
        }
        let _ = drawn.send(screen.screen().contents());
        // The master is closed when this thread ends.
        let _ = closing.recv();
    });
    let screen = first_frame
        .recv_timeout(DEADLINE)
        .expect("the first frame is drawn");
    assert!(screen.contains(footer), "the first frame:\n{screen}");
    let waiting = poll(|| {
        std::fs::read_to_string(format!("/proc/{}/stat", child.id())).is_ok_and(|stat| {
            stat.rsplit(')')
                .next()
                .is_some_and(|fields| fields.trim_start().starts_with('S'))
        })
    });
    assert!(waiting, "the dashboard waits for input");
    drop(close);

    let mut status = None;
    poll(|| {
        status = child.try_wait().expect("poll the program");
        status.is_some()
    });
    if status.is_none() {
        let _ = child.kill();
    }
    let status = status.expect("pressdash ends once its terminal is gone");
    assert_eq!(status.code(), Some(128 + 1), "ends as a hang-up would");
}

/// A terminal may report any size; the frame stays within what `render` allows.
#[test]
fn a_huge_reported_size_is_capped() {
    let mut session = start_dashboard(&[], &[]);
    // Only the pseudo-terminal grows: the emulated screen could not hold 65535x65535 cells.
    session.master.resize(size(65535, 65535)).expect("resize");
    // A frame of 65535x65535 cells would take hundreds of gigabytes and abort with the
    // terminal left raw; a capped one is drawn, and the keys still act.
    session.press("2q");
    assert_eq!(session.exit_code(), 0);
    assert_restored(&session);
}

/// Keys typed while the window is being resized all act. A resize and a key that arrive
/// together must both be read: one must not hide the other until the next key comes.
#[test]
fn keys_typed_during_resizes_all_act() {
    let mut session = start_dashboard(&[], &[]);
    for round in 0..60 {
        let cols = if round % 2 == 0 { 99 } else { 100 };
        let tab = if round % 2 == 0 { "2" } else { "3" };
        session.master.resize(size(cols, 30)).expect("resize");
        session.press(tab);
        session.wait_for_text(&format!("{tab}/10"));
    }
    session.press("q");
    assert_eq!(session.exit_code(), 0);
    assert_restored(&session);
}

/// Without --width, `qa` fits the terminal; one too narrow for text gets the narrowest text,
/// not an error about an option that was never given.
#[test]
fn qa_in_a_one_column_terminal_prints_the_narrowest_text() {
    let narrowest = Command::new(BINARY)
        .args(["qa", "--item", "1", "--width"])
        .arg(pressdash::text::MIN_WIDTH.to_string())
        .env("LC_ALL", LOCALE)
        .output()
        .expect("run pressdash qa");
    assert!(narrowest.status.success(), "{narrowest:?}");
    let expected = String::from_utf8(narrowest.stdout).expect("UTF-8");

    let mut session = Session::start(&["qa", "--item", "1"], 1, 30, &[]);
    assert_eq!(session.exit_code(), 0);
    // The terminal turns each line break into CR LF.
    let shown = expected.replace('\n', "\r\n");
    session.wait_for_bytes("the narrowest text", shown.as_bytes());
    let printed = session.with_output(|output| output.bytes.clone());
    assert_eq!(printed, shown.as_bytes(), "nothing else is printed");
}

#[test]
fn a_dumb_terminal_is_refused_with_an_explanation() {
    let mut session = Session::start(&[], 100, 30, &[("TERM", "dumb")]);
    assert_eq!(session.exit_code(), 2);
    session.wait_for_text("TERM=dumb");
    assert_restored(&session);
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

/// Decodes standard base64 (RFC 4648, padded); `None` for anything else.
fn decode_base64(text: &[u8]) -> Option<Vec<u8>> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    if !text.len().is_multiple_of(4) {
        return None;
    }
    let mut bytes = Vec::new();
    for quad in text.chunks(4) {
        let padding = quad.iter().rev().take_while(|&&b| b == b'=').count();
        let mut group = 0u32;
        for &b in &quad[..4 - padding] {
            let sextet = ALPHABET.iter().position(|&a| a == b)?;
            group = group << 6 | sextet as u32;
        }
        group <<= 6 * padding;
        bytes.extend_from_slice(&group.to_be_bytes()[1..4 - padding]);
    }
    Some(bytes)
}

#[test]
fn y_sends_the_selected_figures_citation_as_a_well_formed_osc_52() {
    let mut session = start_dashboard(&[], &[]);
    session.press("2");
    let data = dataset();
    let skills = &data.themes[0];
    session.wait_for_text(skills.description.get(Lang::Zh, Script::Hant));
    session.press("y");
    session.wait_for_text("已複製（OSC 52）");

    // The citation the app makes for the same figure, as the library makes it.
    let mut app = pressdash::app::App::new(
        dataset(),
        pressdash::app::Options {
            script: Script::Hant,
            lang: Lang::Zh,
            color: false,
            colors: pressdash::colors::ColorScheme::Default,
            mouse: false,
            keys: pressdash::app::keys::KeyMap::default(),
        },
    );
    app.resize(100, 30);
    app.apply(pressdash::app::action::Action::GoToTab(1));
    let first = app.topic_figures(0)[0];
    let expected = pressdash::app::effect::citation(&app, &app.data().figures[first]);

    let start = b"\x1b]52;c;";
    let sequence = session.with_output(|output| {
        let at = output
            .bytes
            .windows(start.len())
            .position(|window| window == start)
            .expect("an OSC 52 sequence was written");
        let body = &output.bytes[at + start.len()..];
        let end = body
            .iter()
            .position(|&b| b == 0x07)
            .expect("the sequence ends with BEL");
        body[..end].to_vec()
    });
    assert!(
        sequence
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)),
        "only base64 inside the sequence: {sequence:?}"
    );
    let decoded = decode_base64(&sequence).expect("valid base64");
    assert_eq!(String::from_utf8(decoded).expect("UTF-8"), expected);
    assert!(expected.contains("2022年7月29日"), "{expected}");

    session.press("q");
    assert_eq!(session.exit_code(), 0);
    assert_restored(&session);
}

/// Clusters whose width terminals or ratatui dispute: a flag, a family joined with zero-width
/// joiners, a keycap, a heart with the emoji selector, halfwidth katakana with a sound mark.
const DISPUTED: [&str; 5] = [
    "\u{1F1E8}\u{1F1F3}",
    "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}",
    "1\u{FE0F}\u{20E3}",
    "\u{2764}\u{FE0F}",
    "\u{FF76}\u{FF9E}",
];

/// The real dataset with [`DISPUTED`] clusters in the first topic's label, in its figures'
/// labels (one or two each, at the start), and at the end of the first paragraph of every Q&A
/// item, where they move no figure's span. Written to a file for `--data`.
fn dataset_with_disputed_clusters() -> String {
    let mut data = dataset();
    let all = DISPUTED.concat();
    let theme = data.themes[0].id.clone();
    let label = &mut data.themes[0].label;
    for text in [&mut label.hans, &mut label.hant] {
        text.insert_str(0, &all);
    }
    let figures = data.figures.iter_mut().filter(|f| f.theme == theme);
    for (n, figure) in figures.enumerate() {
        let mark = format!("{}{}", DISPUTED[n % 5], DISPUTED[(n + 2) % 5].repeat(n % 2));
        for label in [&mut figure.label.hans, &mut figure.label.hant] {
            label.insert_str(0, &mark);
        }
    }
    for (n, segment) in data.segments.iter_mut().enumerate() {
        if let Some(paragraph) = segment.paragraphs.first_mut() {
            let tail = format!("{}好{}", DISPUTED[n % 5], DISPUTED[(n + 1) % 5]);
            paragraph.text.hans.push_str(&tail);
            paragraph.text.hant.push_str(&tail);
        }
    }
    let path = scratch_dir("e2e-disputed-widths").join("dataset.json");
    let json = serde_json::to_string(&data).expect("the dataset serialises");
    std::fs::write(&path, json).expect("write the dataset");
    path.to_str().expect("a UTF-8 path").to_owned()
}

/// Text whose clusters terminals count differently never leaves a row out of step: after
/// every key (scrolling a list and the Q&A, switching tabs), the screen of a terminal emulator
/// is the frame `render` prints.
#[test]
fn clusters_of_disputed_width_leave_every_row_as_render_draws_it() {
    let file = dataset_with_disputed_clusters();
    let data = ["--data", file.as_str()];
    let mut session = Session::start(&data, 100, 30, &[]);
    session.wait_for_frame("the overview", &rendered_with(&data, 100, 30, ""));
    let steps = [
        ("2", "2"),
        ("j", "j"),
        ("j", "j"),
        ("\x1b[6~", "PgDn"),
        ("k", "k"),
        ("\r", "Enter"),
        ("\x1b", "Esc"),
        ("r", "r"),
        ("j", "j"),
        ("0", "0"),
        ("\x1b[6~", "PgDn"),
        ("\x1b[6~", "PgDn"),
        ("j", "j"),
        ("]", "]"),
        ("\t", "Tab"),
        ("2", "2"),
        ("G", "G"),
        ("1", "1"),
    ];
    let mut keys: Vec<&str> = Vec::new();
    for (bytes, name) in steps {
        session.press(bytes);
        keys.push(name);
        let typed = keys.join(" ");
        session.wait_for_frame(
            &format!("the frame after `{typed}`"),
            &rendered_with(&data, 100, 30, &typed),
        );
    }
    session.press("q");
    assert_eq!(session.exit_code(), 0);
}
