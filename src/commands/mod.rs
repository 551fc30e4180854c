//! The non-interactive commands. Each prints what the dashboard shows through the same code
//! (the app state, the ui's buffer, the transcript layout), never through a second renderer.
//!
//! Also here: what every mode shares at the edge of the program: loading the dataset the
//! options name, the failures a user can meet with their exit statuses, and writing to stdout
//! so that a closed pipe ends the program quietly.

pub mod figures;
pub mod qa;
pub mod render;
pub mod validate;

use std::fmt::{self, Write as _};
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::{Command, Settings};
use crate::data::Dataset;
use crate::data::load::{self, LoadError, LoadErrorKind};
use crate::data::validate::{Problem, validate};
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
    /// harmless, and gives the exit status.
    pub fn report(&self) -> ExitCode {
        // Nothing sensible is left to do if stderr itself is gone.
        let _ = writeln!(
            io::stderr().lock(),
            "pressdash: {}",
            sanitize(&self.message)
        );
        self.exit_code()
    }
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
        Command::Render(args) => draws_screens(settings)
            .and_then(|()| render::run(&args, settings))
            .map(|()| ExitCode::SUCCESS),
        Command::Figures(args) => figures::run(&args, settings).map(|()| ExitCode::SUCCESS),
        Command::Qa(args) => qa::run(&args, settings).map(|()| ExitCode::SUCCESS),
        Command::Validate(args) => validate::run(args.file.as_ref().or(settings.data.as_ref())),
    }
}

/// Refuses `--ambiguous-width 2` for what draws screens (the dashboard and `render`): their
/// borders, bars and marks still take one column each, so they would not line up.
pub fn draws_screens(settings: &Settings) -> Result<(), Failure> {
    if settings.ambiguous_width == crate::text::AmbiguousWidth::Wide {
        return Err(Failure::usage(
            "--ambiguous-width 2 works with qa and figures only, so far: the dashboard's \
             borders, bars and marks are drawn one column wide. Leave it out for the dashboard.",
        ));
    }
    Ok(())
}

/// The dataset the options name: the `--data` file, refused if validating it finds an error
/// (warnings pass silently; `pressdash validate` lists them), or the embedded one.
pub fn load_dataset(data: Option<&PathBuf>) -> Result<Dataset, Failure> {
    let Some(path) = data else {
        return Ok(load::load_embedded()?);
    };
    let dataset = load::load_file(path)?;
    let errors: Vec<Problem> = validate(&dataset)
        .into_iter()
        .filter(Problem::is_error)
        .collect();
    if errors.is_empty() {
        Ok(dataset)
    } else {
        Err(invalid_dataset(&path.display().to_string(), &errors))
    }
}

/// One paragraph naming the file and its first errors.
fn invalid_dataset(origin: &str, problems: &[Problem]) -> Failure {
    let count = problems.len();
    let noun = if count == 1 { "problem" } else { "problems" };
    let mut message = format!(
        "Cannot use {origin}: it is not a consistent dataset ({count} {noun}). Fix the file, or \
         rebuild it with `cargo run -p pressdash-preprocess`."
    );
    for problem in problems.iter().take(LISTED_PROBLEMS) {
        let _ = write!(message, "\n  {problem}");
    }
    if count > LISTED_PROBLEMS {
        let _ = write!(
            message,
            "\n  … and {} more; `pressdash validate {origin}` lists them all.",
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
/// ends the output quietly, as a closed pipe should; any other write error is a failure.
pub fn write_stdout(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), Failure> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let written = write(&mut out).and_then(|()| out.flush());
    quiet_on_closed_pipe(written)
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
