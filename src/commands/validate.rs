//! `pressdash validate`: loads a dataset without refusing it, and lists every problem the
//! validator finds, each with its JSON path.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::commands::{Failure, write_stdout};
use crate::data::load::{self, EMBEDDED_ORIGIN};
use crate::data::validate::validate;
use crate::text;

/// Exit status 0 when the dataset is consistent, 1 when it has problems; a file that cannot be
/// read or parsed fails as it would with `--data`.
pub fn run(file: Option<&PathBuf>) -> Result<ExitCode, Failure> {
    let (dataset, origin) = match file {
        Some(path) => (load::load_file(path)?, path.display().to_string()),
        None => (load::load_embedded()?, EMBEDDED_ORIGIN.to_owned()),
    };
    let problems = validate(&dataset);
    let origin = text::sanitize(&origin);
    write_stdout(|out| {
        if problems.is_empty() {
            return writeln!(out, "{origin}: valid.");
        }
        let noun = if problems.len() == 1 {
            "problem"
        } else {
            "problems"
        };
        writeln!(out, "{origin}: {} {noun}:", problems.len())?;
        for problem in &problems {
            writeln!(out, "  {}", text::sanitize(&problem.to_string()))?;
        }
        Ok(())
    })?;
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
