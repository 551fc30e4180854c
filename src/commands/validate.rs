//! `pressdash validate`: loads a dataset without refusing it, and lists every problem the
//! validator finds, each with its JSON path, warnings marked as such.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::commands::{Failure, write_stdout};
use crate::data::load::{self, EMBEDDED_ORIGIN};
use crate::data::validate::{Problem, validate};
use crate::text;

/// Exit status 0 when the dataset is usable (warnings alone do not stop `--data` from using
/// it), 1 when it has errors; a file that cannot be read or parsed fails as it would with
/// `--data`.
pub fn run(file: Option<&PathBuf>) -> Result<ExitCode, Failure> {
    let (dataset, origin) = match file {
        Some(path) => (load::load_file(path)?, path.display().to_string()),
        None => (load::load_embedded()?, EMBEDDED_ORIGIN.to_owned()),
    };
    let problems = validate(&dataset);
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let origin = text::sanitize(&origin);
    write_stdout(|out| {
        writeln!(out, "{origin}: {}", summary(&problems))?;
        for problem in &problems {
            writeln!(out, "  {}", text::sanitize(&problem.to_string()))?;
        }
        Ok(())
    })?;
    Ok(if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// `valid.`, `valid, with 2 warnings:` or `3 errors, 1 warning:`.
fn summary(problems: &[Problem]) -> String {
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let warnings = problems.len() - errors;
    match (errors, warnings) {
        (0, 0) => "valid.".to_owned(),
        (0, _) => format!("valid, with {}:", count(warnings, "warning")),
        (_, 0) => format!("{}:", count(errors, "error")),
        _ => format!(
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
    use crate::data::validate::Severity;

    fn problems(errors: usize, warnings: usize) -> Vec<Problem> {
        let problem = |severity| Problem {
            severity,
            path: "meta.title.en".into(),
            message: "x".into(),
        };
        let errors = std::iter::repeat_with(|| problem(Severity::Error)).take(errors);
        let warnings = std::iter::repeat_with(|| problem(Severity::Warning)).take(warnings);
        errors.chain(warnings).collect()
    }

    #[test]
    fn the_summary_counts_errors_and_warnings_apart() {
        assert_eq!(summary(&problems(0, 0)), "valid.");
        assert_eq!(summary(&problems(0, 1)), "valid, with 1 warning:");
        assert_eq!(summary(&problems(0, 2)), "valid, with 2 warnings:");
        assert_eq!(summary(&problems(1, 0)), "1 error:");
        assert_eq!(summary(&problems(3, 1)), "3 errors, 1 warning:");
    }
}
