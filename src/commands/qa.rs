//! `pressdash qa`: the transcript as plain text, wrapped exactly as the pager wraps it.

use crate::app::transcript::{TranscriptError, plain_lines};
use crate::cli::{QaArgs, Settings};
use crate::commands::{Failure, load_dataset, stdout_terminal_width, write_stdout};
use crate::data::{Dataset, Script};
use crate::text;

/// The width when neither `--width` nor a terminal gives one.
const DEFAULT_WIDTH: usize = 80;

pub fn run(args: &QaArgs, settings: &Settings) -> Result<(), Failure> {
    let dataset = load_dataset(settings.data.as_ref())?;
    // A terminal narrower than the wrapper can use gets the narrowest text instead of an
    // error about a --width that was never given.
    let width = args.width.map_or_else(
        || stdout_terminal_width().map_or(DEFAULT_WIDTH, |width| width.max(text::MIN_WIDTH)),
        usize::from,
    );
    let text = transcript_text(&dataset, settings.script, width, args.item)?;
    write_stdout(|out| out.write_all(text.as_bytes()))
}

/// The lines of the transcript (or of item `item`, from 1), each safe to print.
fn transcript_text(
    dataset: &Dataset,
    script: Script,
    width: usize,
    item: Option<usize>,
) -> Result<String, Failure> {
    let lines = plain_lines(dataset, script, width, item).map_err(|error| {
        let hint = match error {
            TranscriptError::TooNarrow { .. } => "pass a larger --width",
            TranscriptError::NoSuchItem { .. } => "leave out --item for the whole transcript",
        };
        Failure::usage(format!("Cannot print the transcript: {error}; {hint}."))
    })?;
    let mut text = String::new();
    for line in &lines {
        text.push_str(&text::sanitize(line));
        text.push('\n');
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::FailureKind;

    #[test]
    fn escape_sequences_in_the_transcript_are_shown_harmlessly() {
        let mut data = crate::app::fixture::dataset();
        let paragraph = &mut data.segments[0].paragraphs[0].text.hant;
        paragraph.push_str("\u{1b}]0;pwned\u{7}");
        let text = transcript_text(&data, Script::Hant, 40, Some(1)).unwrap();
        assert!(!text.contains(['\u{1b}', '\u{7}']), "{text:?}");
        assert!(text.contains("pwned"), "{text}");
    }

    #[test]
    fn impossible_requests_are_usage_errors_with_a_hint() {
        let data = crate::app::fixture::dataset();
        let narrow = transcript_text(&data, Script::Hant, 1, None).unwrap_err();
        assert_eq!(narrow.kind(), FailureKind::Usage);
        assert!(narrow.message().contains("--width"), "{narrow}");
        let missing = transcript_text(&data, Script::Hant, 40, Some(999)).unwrap_err();
        assert!(missing.message().contains("--item"), "{missing}");
    }
}
