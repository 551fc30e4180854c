//! The non-interactive commands. Each prints what the dashboard shows through the same code
//! (the app state, the ui's buffer, the transcript layout), never through a second renderer.
//!
//! Also here: what every mode shares at the edge of the program: loading the dataset the
//! options name, the failures a user can meet with their exit statuses, and writing to stdout
//! so that a closed pipe ends the program quietly.

pub mod config;
pub mod figures;
#[cfg(feature = "import")]
pub mod import;
pub mod manual;
pub mod qa;
pub mod render;
pub mod validate;

use std::borrow::Cow;
use std::fmt::{self, Write as _};
use std::fs;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::error::ErrorKind;

use crate::cli::{Command, GlobalOptions, Settings};
use crate::config::{FileSettings, Location};
use crate::data::Dataset;
use crate::data::load::{self, LoadError, LoadErrorKind};
use crate::data::validate::{Validation, validate};
use crate::text::sanitize;

/// How many validation problems a refused `--data` file lists before pointing to
/// `pressdash validate` for the rest.
const LISTED_PROBLEMS: usize = 10;

/// Why a command could not do its job: a message for people and the exit status it implies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    kind: FailureKind,
    message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureKind {
    /// The command line asks for something impossible, or names a file that cannot be read;
    /// exit status 2, as for clap's own usage errors.
    Usage,
    /// The data is not acceptable, or output failed; exit status 1.
    Data,
}

impl Failure {
    pub fn usage(message: impl Into<String>) -> Self {
        Self {
            kind: FailureKind::Usage,
            message: message.into(),
        }
    }

    pub fn data(message: impl Into<String>) -> Self {
        Self {
            kind: FailureKind::Data,
            message: message.into(),
        }
    }

    pub fn kind(&self) -> FailureKind {
        self.kind
    }

    pub fn message(&self) -> &str {
        &self.message
    }

    pub fn exit_code(&self) -> ExitCode {
        match self.kind {
            FailureKind::Usage => ExitCode::from(2),
            FailureKind::Data => ExitCode::from(1),
        }
    }

    /// Prints the message on stderr, with control characters from file names or data made
    /// harmless (the message's own line breaks kept), and gives the exit status.
    pub fn report(&self) -> ExitCode {
        // Nothing sensible is left to do if stderr itself is gone.
        let _ = writeln!(
            io::stderr().lock(),
            "pressdash: {}",
            sanitize_lines(&self.message)
        );
        self.exit_code()
    }
}

/// A message of ours, which may quote user input, made harmless line by line: its own line
/// breaks are kept, every other control character is shown as a symbol.
fn sanitize_lines(message: &str) -> String {
    let lines: Vec<Cow<str>> = message.split('\n').map(sanitize).collect();
    lines.join("\n")
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<LoadError> for Failure {
    fn from(error: LoadError) -> Self {
        match error.kind() {
            LoadErrorKind::Io => Self::usage(error.to_string()),
            LoadErrorKind::Data => Self::data(error.to_string()),
        }
    }
}

/// Runs one command; `Ok` carries the exit status of a command that did its job (`validate`
/// reports an invalid dataset through it).
pub fn run(command: Command, settings: &Settings) -> Result<ExitCode, Failure> {
    crate::text::set_ambiguous_width(settings.ambiguous_width);
    match command {
        Command::Render(args) => render::run(&args, settings).map(|()| ExitCode::SUCCESS),
        Command::Figures(args) => figures::run(&args, settings).map(|()| ExitCode::SUCCESS),
        Command::Qa(args) => qa::run(&args, settings).map(|()| ExitCode::SUCCESS),
        Command::Validate(args) => validate::run(args.file.as_ref().or(settings.data.as_ref())),
        Command::Completions(args) => manual::completions(args.shell).map(|()| ExitCode::SUCCESS),
        Command::Man => manual::man_page().map(|()| ExitCode::SUCCESS),
        Command::Config(_) => config::print_settings(settings).map(|()| ExitCode::SUCCESS),
        #[cfg(feature = "import")]
        Command::Import(args) => import::run(&args).map(|()| ExitCode::SUCCESS),
    }
}

/// The options resolved over the configuration file they name. A file named by `--config`
/// or `PRESSDASH_CONFIG` must exist; the usual one is read when it does. A file with any
/// problem is refused whole, every problem listed with its line, and nothing of it applied.
pub fn settings(options: &GlobalOptions, mouse: bool) -> Result<Settings, Failure> {
    let location = Location::find(options.config.as_deref(), options.no_config, |name| {
        std::env::var(name).ok()
    });
    let (file, read) = match &location {
        Location::Named(path) => (Some(path), true),
        Location::Usual(path) => (Some(path), path.exists()),
        Location::Ignored | Location::Nowhere => (None, false),
    };
    let file_settings = match file.filter(|_| read) {
        Some(path) => read_config(path)?,
        None => FileSettings::default(),
    };
    let mut settings = options.resolve(&file_settings, mouse);
    settings.config = match (file, read) {
        (Some(path), true) => format!("{} (read)", path.display()),
        (Some(path), false) => format!("{} (none there)", path.display()),
        (None, _) if location == Location::Ignored => "none (--no-config)".to_owned(),
        (None, _) => "none (neither XDG_CONFIG_HOME nor HOME is set)".to_owned(),
    };
    Ok(settings)
}

fn read_config(path: &Path) -> Result<FileSettings, Failure> {
    let bytes = fs::read(path).map_err(|error| {
        Failure::usage(format!(
            "Cannot read the configuration file {}: {error}.",
            path.display()
        ))
    })?;
    // Bad bytes are a problem of the file's contents, as they are of a dataset's: exit 1.
    let text = String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let line = valid.split(|&byte| byte == b'\n').count();
        Failure::data(format!(
            "Cannot use the configuration file {}: line {line} is not UTF-8 text; nothing of \
             it was applied. Save the file as UTF-8.",
            path.display()
        ))
    })?;
    crate::config::parse(&text).map_err(|problems| {
        let count = problems.len();
        let noun = if count == 1 { "problem" } else { "problems" };
        let mut message = format!(
            "Cannot use the configuration file {} ({count} {noun}); nothing of it was applied. \
             `pressdash config --help` lists the settings.",
            path.display()
        );
        for problem in problems {
            let _ = write!(message, "\n  {problem}");
        }
        Failure::data(message)
    })
}

/// The dataset the options name: the `--data` file, refused if validating it finds an error
/// (warnings pass silently; `pressdash validate` lists them), or the embedded one.
pub fn load_dataset(data: Option<&PathBuf>) -> Result<Dataset, Failure> {
    let Some(path) = data else {
        return Ok(load::load_embedded()?);
    };
    let dataset = load::load_file(path)?;
    let found = validate(&dataset);
    if found.is_usable() {
        Ok(dataset)
    } else {
        Err(invalid_dataset(&path.display().to_string(), &found))
    }
}

/// One paragraph naming the file and its first errors.
fn invalid_dataset(origin: &str, found: &Validation) -> Failure {
    let count = found.errors;
    let noun = if count == 1 { "problem" } else { "problems" };
    let mut message = format!(
        "Cannot use {origin}: it is not a consistent dataset ({count} {noun}). Fix the file, or \
         import its transcript again with `pressdash import`."
    );
    let errors = found.problems.iter().filter(|problem| problem.is_error());
    for problem in errors.take(LISTED_PROBLEMS) {
        let _ = write!(message, "\n  {problem}");
    }
    if count > LISTED_PROBLEMS {
        let _ = write!(
            message,
            "\n  … and {} more; `pressdash validate {origin}` lists them.",
            count - LISTED_PROBLEMS
        );
    }
    Failure::data(message)
}

/// The terminal's width when stdout is a terminal.
fn stdout_terminal_width() -> Option<usize> {
    io::stdout()
        .is_terminal()
        .then(crossterm::terminal::size)
        .and_then(Result::ok)
        .map(|(cols, _)| usize::from(cols))
}

/// Writes through a buffered stdout. A reader that went away (`pressdash figures | head -1`)
/// ends the output quietly, as a closed pipe should; any other write error is a failure, and
/// so is a stdout that was closed before the program started.
pub fn write_stdout(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), Failure> {
    if stdout_was_closed() {
        return Err(Failure::data(
            "Cannot write the output: stdout is closed. Redirect it to a file, or to /dev/null \
             to discard it.",
        ));
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let written = write(&mut out).and_then(|()| out.flush());
    quiet_on_closed_pipe(written)
}

/// Whether stdout was closed when the program started (`pressdash figures >&-`). The standard
/// library then opens /dev/null read-write in its place, and writes vanish without an error;
/// a shell's `> /dev/null` opens it write-only. Linux shows both in /proc; elsewhere a closed
/// stdout goes unnoticed.
fn stdout_was_closed() -> bool {
    let is_null =
        fs::read_link("/proc/self/fd/1").is_ok_and(|target| target == Path::new("/dev/null"));
    is_null
        && fs::read_to_string("/proc/self/fdinfo/1").is_ok_and(|info| {
            info.lines()
                .find_map(|line| line.strip_prefix("flags:"))
                .and_then(|flags| u32::from_str_radix(flags.trim(), 8).ok())
                .is_some_and(|flags| flags & 0o3 == 0o2)
        })
}

/// What clap has to say instead of a command to run. Help and version go to stdout (exit 0,
/// or 1 when they cannot be written); usage errors go to stderr with exit status 2, as plain
/// text with any control character made visible ([`crate::cli::Cli::from_args`] already quotes the
/// arguments in their visible form).
pub fn report_command_line(error: &clap::Error) -> ExitCode {
    let rendered = error.render();
    if error.use_stderr() {
        let _ = write!(
            io::stderr().lock(),
            "{}",
            sanitize_lines(&rendered.to_string())
        );
        return ExitCode::from(2);
    }
    // Help is styled as any output is: on a terminal, unless NO_COLOR or TERM=dumb.
    let styled = crate::cli::resolve_color(
        crate::cli::ColorChoice::Auto,
        |name| std::env::var_os(name),
        io::stdout().is_terminal(),
    );
    let text = if error.kind() == ErrorKind::DisplayVersion {
        match load::load_embedded() {
            Ok(dataset) => version_text(&dataset),
            Err(failure) => return Failure::from(failure).report(),
        }
    } else if styled {
        rendered.ansi().to_string()
    } else {
        rendered.to_string()
    };
    match write_stdout(|out| out.write_all(text.as_bytes())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}

/// What `--version` says: the program's version, and the schema version and conference date
/// of the dataset built in, so a report of a problem names both.
fn version_text(dataset: &Dataset) -> String {
    format!(
        "pressdash {}\ndataset built in: schema version {}, press conference of {}\n",
        env!("CARGO_PKG_VERSION"),
        dataset.schema_version,
        sanitize(&dataset.meta.event_date),
    )
}

fn quiet_on_closed_pipe(written: io::Result<()>) -> Result<(), Failure> {
    match written {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
            Err(Failure::data(format!("Cannot write the output: {error}.")))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_pipe_is_not_a_failure_but_a_full_disk_is() {
        let closed = io::Error::from(io::ErrorKind::BrokenPipe);
        assert_eq!(quiet_on_closed_pipe(Err(closed)), Ok(()));
        let full = io::Error::from(io::ErrorKind::StorageFull);
        let failure = quiet_on_closed_pipe(Err(full)).unwrap_err();
        assert_eq!(failure.kind(), FailureKind::Data);
        assert!(failure.message().starts_with("Cannot write the output"));
    }

    #[test]
    fn the_version_names_the_datasets_schema_and_date() {
        let mut dataset = load::load_embedded().unwrap();
        dataset.schema_version = 7;
        dataset.meta.event_date = "2031-02-03\u{1b}[2J".to_owned();
        let text = version_text(&dataset);
        assert!(text.starts_with(concat!("pressdash ", env!("CARGO_PKG_VERSION"), "\n")));
        assert!(text.contains("schema version 7"), "{text}");
        assert!(text.contains("2031-02-03␛[2J"), "{text}");
    }

    #[test]
    fn failure_kinds_map_to_exit_statuses() {
        assert_eq!(Failure::usage("x").exit_code(), ExitCode::from(2));
        assert_eq!(Failure::data("x").exit_code(), ExitCode::from(1));
    }

    #[test]
    fn unreadable_files_are_usage_errors_and_bad_content_is_bad_data() {
        let missing = load::load_file(std::path::Path::new("/nonexistent/pressdash.json"));
        assert_eq!(
            Failure::from(missing.unwrap_err()).kind(),
            FailureKind::Usage
        );
        let broken = load::load_str("{", "broken.json").unwrap_err();
        let failure = Failure::from(broken);
        assert_eq!(failure.kind(), FailureKind::Data);
        assert!(failure.message().contains("broken.json"));
    }
}
