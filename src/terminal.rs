//! The interactive dashboard on a real terminal: raw mode, the alternate screen, a blocking
//! event loop that redraws after each event, and the terminal restored on every way out.
//!
//! Ways out, and who restores:
//! - `q`, Ctrl-c, an I/O error: [`run`], after the loop returns;
//! - a panic: the loop runs under `catch_unwind`; the panic hook only keeps the message, so it
//!   can be printed after the terminal is restored instead of onto the alternate screen;
//! - SIGTERM, SIGHUP, SIGINT, SIGQUIT: a thread waiting on them restores, then exits with
//!   128 + the signal's number.
//!
//! Drawing and restoring both hold [`SCREEN`], so a signal arriving mid-frame waits for the
//! frame to finish, and once restored the screen is never drawn on again.
//!
//! Bracketed paste is on while the dashboard runs, so a paste (and the text some input methods
//! send at once) arrives as one [`Event::Paste`] for the open prompt instead of as keys that
//! would each act; it is switched off with the other modes.

use std::fmt::Write as _;
use std::io::{self, IsTerminal, Stdout, Write};
use std::panic::{self, AssertUnwindSafe};
use std::process;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::thread;

use crossterm::cursor::{Hide, Show};
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEvent, KeyEventKind,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::app::App;
use crate::cli::Settings;
use crate::commands::Failure;
use crate::data::Dataset;
use crate::repaint::Repaint;
use crate::ui;

/// Said when stdin or stdout is not a terminal, where the dashboard cannot be drawn.
const NOT_A_TERMINAL: &str = "The dashboard needs a terminal, and stdin or stdout is not \
    one. For text output use `pressdash render` (the dashboard's screen as text), `pressdash \
    figures` (the figures as a table, CSV or JSON) or `pressdash qa` (the transcript).";

/// Test-only: in debug builds, when this variable is set, the first key press panics, so the
/// end-to-end tests can check that a crash leaves the terminal usable. Release builds, the
/// ones users run, never read it.
#[cfg(debug_assertions)]
const TEST_PANIC_VAR: &str = "PRESSDASH_TEST_PANIC";

/// The signals that end the dashboard; each restores the terminal first.
const ENDING_SIGNALS: [i32; 4] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT];

/// What must be undone on the way out. Held while drawing and while restoring.
static SCREEN: Mutex<Screen> = Mutex::new(Screen {
    active: false,
    mouse: false,
});

/// The message of a panic in the loop, kept until the terminal is restored.
static PANIC_MESSAGE: Mutex<Option<String>> = Mutex::new(None);

#[derive(Debug)]
struct Screen {
    /// Raw mode, the alternate screen and bracketed paste are on.
    active: bool,
    /// Mouse capture is on.
    mouse: bool,
}

type Backend = Repaint<CrosstermBackend<Stdout>>;

/// Runs the dashboard until the user quits.
pub fn run(dataset: Dataset, settings: &Settings, mouse: bool) -> Result<(), Failure> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(Failure::usage(NOT_A_TERMINAL));
    }
    let mut app = App::new(dataset, settings.app_options(mouse));
    let signals = Signals::new(ENDING_SIGNALS)
        .map_err(|error| terminal_failure("cannot watch for signals", &error))?;
    let signals_handle = signals.handle();
    let watcher = thread::spawn(move || restore_on_signal(signals));

    let default_hook = panic::take_hook();
    panic::set_hook(Box::new(keep_panic_message));
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        enter(mouse)?;
        let mut terminal = Terminal::new(Repaint::new(CrosstermBackend::new(io::stdout())))?;
        event_loop(&mut terminal, &mut app)
    }));
    restore(&mut lock(&SCREEN));
    panic::set_hook(default_hook);
    signals_handle.close();
    // The watcher ends once the handle is closed; it cannot have panicked.
    let _ = watcher.join();

    match outcome {
        Ok(result) => result.map_err(|error| terminal_failure("the terminal failed", &error)),
        Err(payload) => {
            if let Some(message) = lock(&PANIC_MESSAGE).take() {
                // Nothing better can be done if stderr is gone too.
                let _ = writeln!(io::stderr(), "{message}");
            }
            // Ends the program with the usual status of a panic, without printing again.
            panic::resume_unwind(payload)
        }
    }
}

fn terminal_failure(what: &str, error: &io::Error) -> Failure {
    Failure::data(format!("The dashboard stopped: {what} ({error})."))
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while drawing poisons the screen lock; restoring must still work after it.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

fn enter(mouse: bool) -> io::Result<()> {
    let mut screen = lock(&SCREEN);
    // Marked first, so a failure half-way still restores whatever was switched on.
    screen.active = true;
    screen.mouse = mouse;
    enable_raw_mode()?;
    let mut stdout = io::stdout();
    execute!(stdout, EnterAlternateScreen, Hide, EnableBracketedPaste)?;
    if mouse {
        execute!(stdout, EnableMouseCapture)?;
    }
    Ok(())
}

/// Undoes [`enter`], once; errors are ignored, as there is no better terminal to report them on.
fn restore(screen: &mut Screen) {
    if !screen.active {
        return;
    }
    let mut stdout = io::stdout();
    if screen.mouse {
        let _ = execute!(stdout, DisableMouseCapture);
    }
    let _ = execute!(stdout, DisableBracketedPaste, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
    let _ = stdout.flush();
    screen.active = false;
}

fn restore_on_signal(mut signals: Signals) {
    if let Some(signal) = signals.forever().next() {
        // Held until the process is gone, so the loop cannot draw over the restored screen.
        let mut screen = lock(&SCREEN);
        restore(&mut screen);
        process::exit(128 + signal);
    }
}

/// The panic hook while the dashboard runs: keeps a short message (with a backtrace when
/// `RUST_BACKTRACE` asks for one) to print once the terminal is back to normal.
fn keep_panic_message(info: &panic::PanicHookInfo<'_>) {
    let payload = info
        .payload()
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| info.payload().downcast_ref::<String>().map(String::as_str))
        .unwrap_or("unknown cause");
    let location = info
        .location()
        .map(|location| format!(" at {}:{}", location.file(), location.line()))
        .unwrap_or_default();
    let mut message = format!(
        "pressdash crashed: {payload}{location}. The terminal has been restored. This is a \
         bug; please report it with the command you ran."
    );
    let backtrace = std::backtrace::Backtrace::capture();
    if backtrace.status() == std::backtrace::BacktraceStatus::Captured {
        let _ = write!(message, "\n{backtrace}");
    }
    *lock(&PANIC_MESSAGE) = Some(message);
}

fn event_loop(terminal: &mut Terminal<Backend>, app: &mut App) -> io::Result<()> {
    let (cols, rows) = crossterm::terminal::size()?;
    app.resize(cols, rows);
    loop {
        {
            let _screen = lock(&SCREEN);
            terminal.draw(|frame| ui::draw(frame, app))?;
        }
        match event::read()? {
            Event::Key(key) if key.kind == KeyEventKind::Press => press(app, key),
            Event::Mouse(mouse) => app.handle_mouse(mouse),
            Event::Paste(text) => app.handle_paste(&text),
            Event::Resize(cols, rows) => app.resize(cols, rows),
            _ => {}
        }
        if app.should_quit() {
            return Ok(());
        }
    }
}

fn press(app: &mut App, key: KeyEvent) {
    #[cfg(debug_assertions)]
    assert!(
        std::env::var_os(TEST_PANIC_VAR).is_none(),
        "deliberate panic, as {TEST_PANIC_VAR} asks"
    );
    app.handle_key(key);
}
