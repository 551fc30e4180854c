//! Builds pressdash's dataset (`data/dataset.json`) from the raw scrape and the annotations.
//!
//! The pipeline: [`repair`] the scrape's damage and strip its pinyin, restore its
//! [`punctuation`], convert it to simplified ([`script`]), read metadata and speakers
//! ([`source`]), cut the transcript into segments ([`transcript`]), find and read the
//! annotated figures ([`figures`]), assemble and [`check`] the [`dataset`], and hold its words to
//! the editorial rules ([`style`]).

pub mod annotations;
pub mod check;
pub mod dataset;
pub mod error;
pub mod figures;
pub mod people;
pub mod punctuation;
pub mod repair;
pub mod script;
pub mod source;
pub mod style;
pub mod transcript;

pub use error::Error;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The repository root: the preprocessor's manifest sits one level below it.
pub fn repository_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Reads a file of the repository, with its path in the error.
pub fn read_repository_file(relative: &str) -> Result<String, Error> {
    let path = repository_root().join(relative);
    std::fs::read_to_string(&path)
        .map_err(|error| Error::new(format!("cannot read {}: {error}", path.display())))
}

/// The cleaned simplified text of every paragraph, by segment, for writing annotations.
pub fn dump_text(raw: &str, repairs: &repair::Repairs) -> Result<String, Error> {
    let source = source::read(raw, repairs)?;
    let segments = transcript::segments(&source.transcript)?;
    let mut out = String::new();
    for segment in &segments {
        let _ = write!(out, "## {} ({:?})", segment.id, segment.kind);
        if let Some(question) = &segment.question {
            let _ = write!(
                out,
                " asked by {}, answered by {}",
                question.asked_by,
                question.answered_by.join(", ")
            );
        }
        out.push('\n');
        for (index, paragraph) in segment.paragraphs.iter().enumerate() {
            let turn = if paragraph.turn_start { " (turn)" } else { "" };
            let _ = writeln!(
                out,
                "[{} {index}] {:?} {}{turn} line {}\n{}",
                segment.id, paragraph.kind, paragraph.speaker, paragraph.line, paragraph.text
            );
        }
        out.push('\n');
    }
    Ok(out)
}
