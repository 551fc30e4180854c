//! `pressdash validate`: loads a dataset without refusing it, and lists every problem the
//! validator finds, each with its JSON path, warnings marked as such.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::commands::{Failure, write_stdout};
use crate::data::load::{self, EMBEDDED_ORIGIN};
use crate::data::validate::{Validation, validate};
use crate::text;

/// Exit status 0 when the dataset is usable (warnings alone do not stop `--data` from using
/// it), 1 when it has errors; a file that cannot be read or parsed fails as it would with
/// `--data`.
pub fn run(file: Option<&PathBuf>) -> Result<ExitCode, Failure> {
    let (dataset, origin) = match file {
        Some(path) => (load::load_file(path)?, path.display().to_string()),
        None => (load::load_embedded()?, EMBEDDED_ORIGIN.to_owned()),
    };
    let found = validate(&dataset);
    let origin = text::sanitize(&origin);
    write_stdout(|out| {
        writeln!(out, "{origin}: {}", summary(&found))?;
        for problem in &found.problems {
            writeln!(out, "  {}", text::sanitize(&problem.to_string()))?;
        }
        if found.unlisted() > 0 {
            writeln!(
                out,
                "  … and {} more, not listed: fix these first, then check again.",
                found.unlisted()
            )?;
        }
        Ok(())
    })?;
    Ok(if found.is_usable() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// `valid.`, `valid, with 2 warnings:` or `3 errors, 1 warning:`.
fn summary(found: &Validation) -> String {
    match (found.errors, found.warnings) {
        (0, 0) => "valid.".to_owned(),
        (0, warnings) => format!("valid, with {}:", count(warnings, "warning")),
        (errors, 0) => format!("{}:", count(errors, "error")),
        (errors, warnings) => format!(
            "{}, {}:",
            count(errors, "error"),
            count(warnings, "warning")
        ),
    }
}

fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(errors: usize, warnings: usize) -> Validation {
        Validation {
            problems: Vec::new(),
            errors,
            warnings,
        }
    }

    #[test]
    fn the_summary_counts_errors_and_warnings_apart() {
        assert_eq!(summary(&found(0, 0)), "valid.");
        assert_eq!(summary(&found(0, 1)), "valid, with 1 warning:");
        assert_eq!(summary(&found(0, 2)), "valid, with 2 warnings:");
        assert_eq!(summary(&found(1, 0)), "1 error:");
        assert_eq!(summary(&found(3, 1)), "3 errors, 1 warning:");
    }
}
