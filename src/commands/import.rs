//! `pressdash import`: a transcript in, a dataset out, checked by the validator `--data`
//! uses before it is written.

use std::fmt::Write as _;
use std::fs;
use std::io::{self, Write as _};
use std::path::Path;

use crate::cli::ImportArgs;
use crate::commands::{Failure, write_stdout};
use crate::data::load;
use crate::data::validate::validate;
use crate::import::annotations;
use crate::import::dataset::{self, Imported};
use crate::import::repair::Repairs;
use crate::import::source::Given;
use crate::import::themes::{self, ThemeTable};
use crate::import::{self as pipeline};

/// Reads a text file for the import: a file that cannot be read is a usage error (exit 2),
/// one that is not UTF-8 is bad input (exit 1).
fn read_text(path: &Path, what: &str) -> Result<String, Failure> {
    match fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|error| {
            Failure::data(format!(
                "Cannot import: the {what} {} is not UTF-8 text (byte {} is not). Convert it \
                 first, for example with `iconv -f GBK -t UTF-8`, or save the page as UTF-8.",
                path.display(),
                error.utf8_error().valid_up_to()
            ))
        }),
        Err(error) => Err(Failure::usage(format!(
            "Cannot read the {what} {}: {error}.",
            path.display()
        ))),
    }
}

/// Every problem of a failed import, one a line, under a sentence naming the file.
fn refused(file: &Path, error: &pipeline::Error, advice: &str) -> Failure {
    let count = error.problems().len();
    let noun = if count == 1 { "problem" } else { "problems" };
    let mut message = format!("Cannot import {} ({count} {noun}):", file.display());
    for problem in error.problems() {
        let _ = write!(message, "\n  {problem}");
    }
    let _ = write!(message, "\n{advice}");
    Failure::data(message)
}

/// One of the import's data files, parsed, if one is given.
fn data_file<T>(
    path: Option<&Path>,
    what: &str,
    parse: impl FnOnce(&str, &str) -> Result<T, pipeline::Error>,
) -> Result<Option<T>, Failure> {
    let Some(path) = path else {
        return Ok(None);
    };
    parse(&read_text(path, what)?, &path.display().to_string())
        .map(Some)
        .map_err(|error| {
            refused(
                path,
                &error,
                &format!("Fix the {what}; its format is in data/ANNOTATIONS.md."),
            )
        })
}

/// Imports the transcript, writes the dataset, and prints the report when asked.
pub fn run(args: &ImportArgs) -> Result<(), Failure> {
    let raw = read_text(&args.file, "transcript")?;
    let repairs =
        data_file(args.repairs.as_deref(), "repairs file", Repairs::parse)?.unwrap_or_default();
    let annotations = data_file(
        args.annotations.as_deref(),
        "annotations file",
        annotations::parse,
    )?
    .unwrap_or_default();
    let table = match data_file(args.themes.as_deref(), "themes file", ThemeTable::parse)? {
        Some(table) => table,
        None => ThemeTable::parse(themes::BUILT_IN, "the built-in themes")
            .map_err(|error| refused(&args.file, &error, ""))?,
    };
    let given = Given {
        raw_file: args.file.display().to_string(),
        title: args.title.clone(),
        date: args.date.clone(),
    };
    let Imported { dataset, report } = dataset::build(&raw, &repairs, &annotations, &given, &table)
        .map_err(|error| {
            refused(
                &args.file,
                &error,
                "Each problem names the line or the annotation to change; \
                 `pressdash import --help` lists the options.",
            )
        })?;
    let json = dataset::to_json(&dataset).map_err(|error| refused(&args.file, &error, ""))?;
    // What --data will do with the file: load it and validate it.
    let origin = args.output.as_ref().map_or_else(
        || "the imported dataset".to_owned(),
        |p| p.display().to_string(),
    );
    let reloaded = load::load_str(&json, &origin)?;
    let found = validate(&reloaded);
    if !found.is_usable() {
        let mut message = format!(
            "Cannot import {}: the dataset it makes does not validate; nothing was written.",
            args.file.display()
        );
        for problem in found.problems.iter().filter(|p| p.is_error()) {
            let _ = write!(message, "\n  {problem}");
        }
        return Err(Failure::data(message));
    }
    match &args.output {
        Some(path) => fs::write(path, &json).map_err(|error| {
            Failure::usage(format!(
                "Cannot write the dataset to {}: {error}.",
                path.display()
            ))
        })?,
        None => write_stdout(|out| out.write_all(json.as_bytes()))?,
    }
    if args.report {
        print_report(&report);
    }
    Ok(())
}

/// The report goes to stderr, so that it never mixes with a dataset printed on stdout.
fn print_report(report: &[String]) {
    let mut err = io::stderr().lock();
    let lines: Vec<String> = report
        .iter()
        .map(|line| crate::text::sanitize(line).into_owned())
        .collect();
    let _ = writeln!(err, "import report: {} notes", lines.len());
    for line in lines {
        let _ = writeln!(err, "  {line}");
    }
}
