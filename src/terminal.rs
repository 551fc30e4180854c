//! The interactive dashboard on a real terminal: raw mode, the alternate screen, a blocking
//! event loop that redraws after each event, and the terminal restored on every way out.
//!
//! Ways out, and who restores:
//! - `q`, Ctrl-c, an I/O error: [`run`], after the loop returns;
//! - a panic: the loop runs under `catch_unwind`; the panic hook only keeps the message, so it
//!   can be printed after the terminal is restored instead of onto the alternate screen;
//! - a signal whose default is to end the program (SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1,
//!   SIGALRM, SIGPIPE and the rest of [`ENDING_SIGNALS`]): a thread waiting on them restores,
//!   then exits with 128 + the signal's number;
//! - the terminal going away (its window closed while SIGHUP is ignored, or a terminal that
//!   was not the controlling one): it then reads as end of file forever, and crossterm's reader
//!   would spin on it, so a thread waits for the hang-up itself and ends the program as
//!   SIGHUP would.
//!
//! Suspending: Ctrl-z (a key in raw mode) raises SIGTSTP, as does `kill -TSTP` from outside.
//! The signal thread restores the terminal, stops the process, and on SIGCONT sets the
//! terminal up again and wakes the loop for a full redraw. A plain SIGSTOP cannot be caught;
//! SIGCONT still triggers the redraw.
//!
//! Input comes through crossterm's reader built on poll(2) (its `use-dev-tty` feature). Its
//! default reader waits on edge-triggered epoll and returns as soon as a resize is pending,
//! so a key that arrived in the same wake-up stayed unread until the next key came.
//!
//! Drawing, restoring and suspending all hold [`SCREEN`], so a signal arriving mid-frame waits
//! for the frame to finish, and the screen is never drawn on while restored.
//!
//! What the app asks of the terminal (a citation copied through OSC 52, an export written to
//! a file) is performed after each event by [`crate::effects`], and its report handed back.
//!
//! Bracketed paste is on while the dashboard runs, so a paste (and the text some input methods
//! send at once) arrives as one [`Event::Paste`] for the open prompt instead of as keys that
//! would each act; it is switched off with the other modes.
//!
//! The frame is never larger than [`MAX_SIDE`] in either direction, whatever size the terminal
//! reports: the viewport is fixed and resized here, not by ratatui from the reported size.

use std::fmt::Write as _;
use std::io::{self, BufWriter, IsTerminal, Stdout, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::process;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::Duration;

use crossterm::cursor::{Hide, Show};
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEvent, KeyEventKind,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use rustix::event::{PollFd, PollFlags};
use signal_hook::consts::signal::{
    SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGPIPE, SIGPROF, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1,
    SIGUSR2, SIGVTALRM, SIGWINCH, SIGXCPU, SIGXFSZ,
};
use signal_hook::iterator::Signals;
use signal_hook::low_level;

use crate::app::App;
use crate::cli::{MAX_RENDER_SIDE, Settings};
use crate::commands::Failure;
use crate::data::Dataset;
use crate::effects;
use crate::repaint::Repaint;
use crate::ui;

/// Said when stdin or stdout is not a terminal, where the dashboard cannot be drawn.
const NOT_A_TERMINAL: &str = "The dashboard needs a terminal, and stdin or stdout is not \
    one. For text output use `pressdash render` (the dashboard's screen as text), `pressdash \
    figures` (the figures as a table, CSV or JSON) or `pressdash qa` (the transcript).";

/// Said when `TERM=dumb`: such a terminal cannot move the cursor or draw in place.
const DUMB_TERMINAL: &str = "The dashboard needs a terminal that can move the cursor and draw \
    in place, and TERM=dumb says this one cannot. Run it in a full terminal (set TERM to what \
    it is, such as xterm-256color), or use `pressdash render`, `pressdash figures` or \
    `pressdash qa` for text.";

/// Test-only: in debug builds, when this variable is set, the first key press panics, so the
/// end-to-end tests can check that a crash leaves the terminal usable. Release builds, the
/// ones users run, never read it.
#[cfg(debug_assertions)]
const TEST_PANIC_VAR: &str = "PRESSDASH_TEST_PANIC";

/// The catchable signals whose default is to end the program; each restores the terminal
/// first. (SIGKILL cannot be caught; SIGSEGV and its kind mean the program is broken.)
const ENDING_SIGNALS: [i32; 12] = [
    SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGVTALRM, SIGPROF,
    SIGXCPU, SIGXFSZ,
];

/// The largest frame drawn, in columns or rows, as for `render`: a terminal reporting
/// 65535x65535 gets a corner of that size instead of a buffer of billions of cells.
const MAX_SIDE: u16 = MAX_RENDER_SIDE;

/// What must be undone on the way out. Held while drawing, restoring and suspending.
static SCREEN: Mutex<Screen> = Mutex::new(Screen {
    active: false,
    mouse: false,
    suspended: false,
});

/// Set when the terminal was handed back and taken again: its screen no longer shows the
/// last frame, so the next one is drawn whole.
static REDRAW: AtomicBool = AtomicBool::new(false);

/// The message of a panic in the loop, kept until the terminal is restored.
static PANIC_MESSAGE: Mutex<Option<String>> = Mutex::new(None);

#[derive(Debug)]
struct Screen {
    /// Raw mode, the alternate screen and bracketed paste are on.
    active: bool,
    /// Mouse capture is on (or is to be switched on again after a suspend).
    mouse: bool,
    /// Restored for a suspend, to be set up again on SIGCONT.
    suspended: bool,
}

/// The bytes of a frame gathered before they are written: the first frame (13 kB at 120×40)
/// goes out in one write when ratatui flushes at its end, not through standard output's 1 kB
/// buffer, whose lock taken for every escape sequence and dozen writes cost that frame more
/// than drawing its widgets does. A larger frame is written in 64 kB pieces.
const FRAME_BUFFER_BYTES: usize = 1 << 16;

type Backend = Repaint<CrosstermBackend<BufWriter<Stdout>>>;

/// Runs the dashboard until the user quits.
pub fn run(dataset: Dataset, settings: &Settings, mouse: bool) -> Result<(), Failure> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(Failure::usage(NOT_A_TERMINAL));
    }
    if std::env::var_os("TERM").is_some_and(|term| term == "dumb") {
        return Err(Failure::usage(DUMB_TERMINAL));
    }
    // Every width, and so every layout and mark, follows how the terminal draws ambiguous
    // characters; drawing happens on this thread.
    crate::text::set_ambiguous_width(settings.ambiguous_width);
    let mut app = App::new(dataset, settings.app_options(mouse));
    // Caught from here on; handled once the first frame is out (see `start_watchers`).
    let signals = Signals::new(ENDING_SIGNALS.into_iter().chain([SIGTSTP, SIGCONT]))
        .map_err(|error| terminal_failure("cannot watch for signals", &error))?;

    let default_hook = panic::take_hook();
    panic::set_hook(Box::new(keep_panic_message));
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        enter(&mut lock(&SCREEN), mouse)?;
        let area = frame_area()?;
        let stdout = BufWriter::with_capacity(FRAME_BUFFER_BYTES, io::stdout());
        let backend = Repaint::new(CrosstermBackend::new(stdout));
        let viewport = Viewport::Fixed(area);
        let mut terminal = Terminal::with_options(backend, TerminalOptions { viewport })?;
        event_loop(&mut terminal, &mut app, area, signals)
    }));
    restore(&mut lock(&SCREEN));
    panic::set_hook(default_hook);

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

fn enter(screen: &mut Screen, mouse: bool) -> io::Result<()> {
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

fn handle_signals(mut signals: Signals) {
    for signal in signals.forever() {
        match signal {
            SIGTSTP => suspend(),
            SIGCONT => resume(&mut lock(&SCREEN)),
            ending => {
                // Held until the process is gone, so the loop cannot draw over the restored
                // screen.
                let mut screen = lock(&SCREEN);
                restore(&mut screen);
                process::exit(128 + ending);
            }
        }
    }
}

/// Hands the terminal back to the shell and stops, as SIGTSTP does by default; continues
/// with the terminal set up again once the shell sends SIGCONT (`fg`).
fn suspend() {
    if !a_shell_can_resume() {
        return;
    }
    let mut screen = lock(&SCREEN);
    if screen.active {
        restore(&mut screen);
        screen.suspended = true;
    }
    // The lock is held while stopped: nothing draws on the shell's screen.
    let _ = low_level::emulate_default_handler(SIGTSTP);
    resume(&mut screen);
}

/// Whether a shell waits to resume this process after a stop: the parent is in this session
/// but in another process group, as a job-control shell is. Otherwise (the dashboard is the
/// terminal's own program, say) nothing would ever send SIGCONT, and the kernel itself
/// discards SIGTSTP for such an orphaned group; so does the dashboard.
fn a_shell_can_resume() -> bool {
    use rustix::process::{getpgid, getpgrp, getppid, getsid};
    let Some(parent) = getppid() else {
        return false;
    };
    let same_session = getsid(Some(parent)).ok() == getsid(None).ok();
    let other_group = getpgid(Some(parent)).ok() != Some(getpgrp());
    same_session && other_group
}

/// Starts the threads that watch for signals and for the terminal hanging up. Started after
/// the first frame, whose drawing they would only delay: a signal caught before waits for the
/// watcher in its queue, and a hang-up before makes drawing fail, which ends the dashboard too.
fn start_watchers(signals: Signals) {
    // The watcher is never stopped: closing its pipe while the handlers are still installed
    // makes the next signal's write to it fail with SIGPIPE, itself a watched signal, and so on
    // forever. It holds nothing to clean up, and a signal after the terminal is restored finds
    // nothing to restore.
    thread::spawn(move || handle_signals(signals));
    // Blocked in poll until the terminal hangs up; it never holds anything to clean up, so it
    // is left behind when the dashboard ends normally.
    thread::spawn(end_on_hangup);
}

/// After a stop: sets the terminal up again if a suspend restored it, and has the loop draw
/// the whole frame, since the shell has used the screen meanwhile.
fn resume(screen: &mut Screen) {
    if screen.suspended {
        screen.suspended = false;
        let mouse = screen.mouse;
        if enter(screen, mouse).is_err() {
            // The terminal is gone or refuses: leave it as the shell has it.
            restore(screen);
            process::exit(128 + SIGHUP);
        }
    }
    REDRAW.store(true, Ordering::SeqCst);
    // Wakes the loop, blocked in crossterm's reader, with a resize event: the window may well
    // have changed size while stopped.
    let _ = low_level::raise(SIGWINCH);
}

/// Waits for the terminal to hang up, then ends the dashboard as SIGHUP would. A poll for no
/// events reports only a hang-up or an error on the terminal.
fn end_on_hangup() {
    let stdin = io::stdin();
    let mut terminal = [PollFd::new(&stdin, PollFlags::empty())];
    loop {
        match rustix::event::poll(&mut terminal, None) {
            Ok(_) if !terminal[0].revents().is_empty() => break,
            Ok(_) | Err(rustix::io::Errno::INTR) => {}
            // The terminal cannot be watched: SIGHUP is the only warning then.
            Err(_) => return,
        }
    }
    let mut screen = lock(&SCREEN);
    restore(&mut screen);
    process::exit(128 + SIGHUP);
}

/// The terminal's size, capped at [`MAX_SIDE`], as the frame's area.
fn frame_area() -> io::Result<Rect> {
    let (cols, rows) = crossterm::terminal::size()?;
    Ok(Rect::new(0, 0, cols.min(MAX_SIDE), rows.min(MAX_SIDE)))
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

fn event_loop(
    terminal: &mut Terminal<Backend>,
    app: &mut App,
    mut area: Rect,
    signals: Signals,
) -> io::Result<()> {
    app.resize(area.width, area.height);
    // crossterm starts listening for SIGWINCH when its reader is first used. A resume wakes
    // the loop by raising SIGWINCH, so the reader must listen before the first frame is
    // shown: a suspend right after it would otherwise leave a blank screen until a key.
    event::poll(Duration::ZERO)?;
    let first_frame = draw_frame(terminal, app, &mut area);
    // Even when drawing failed: dropping the watched signals would close their pipe while a
    // signal may still be on its way to it.
    start_watchers(signals);
    first_frame?;
    loop {
        match event::read()? {
            Event::Key(key) if key.kind == KeyEventKind::Press => press(app, key),
            Event::Mouse(mouse) => app.handle_mouse(mouse),
            Event::Paste(text) => app.handle_paste(&text),
            _ => {}
        }
        perform_effects(app);
        if app.take_suspend() {
            // The signal thread does the rest, as for a SIGTSTP from outside.
            let _ = low_level::raise(SIGTSTP);
        }
        if app.should_quit() {
            return Ok(());
        }
        draw_frame(terminal, app, &mut area)?;
    }
}

/// Draws a frame of the terminal's size, `area` the size of the last one.
fn draw_frame(terminal: &mut Terminal<Backend>, app: &mut App, area: &mut Rect) -> io::Result<()> {
    let _screen = lock(&SCREEN);
    // The size is read for every frame, as ratatui does for a full-screen viewport: a resize
    // event only wakes the loop, so one that carried a size already out of date, or a resize
    // while stopped, still ends in a frame of the terminal's size.
    let current = frame_area()?;
    let redraw = REDRAW.swap(false, Ordering::SeqCst);
    if current != *area || redraw {
        *area = current;
        // Clears the screen and forgets the last frame, so all of it is written.
        terminal.resize(current)?;
        app.resize(current.width, current.height);
    }
    terminal.draw(|frame| ui::draw(frame, app))?;
    Ok(())
}

/// Performs what the last event asked (a copy to the clipboard, an export) and tells the app
/// how it went. The copy is written under [`SCREEN`], so never onto a restored screen.
fn perform_effects(app: &mut App) {
    for effect in app.take_effects() {
        let report = {
            let _screen = lock(&SCREEN);
            let mut stdout = io::stdout();
            effects::perform(&effect, app.data(), Some(&mut stdout), Path::new("."))
        };
        app.report(report);
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
