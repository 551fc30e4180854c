//! Performs what the app asks of the world ([`Effect`]): the one place, shared by the
//! interactive terminal and `render`, where a citation becomes an OSC 52 sequence and an
//! export becomes a file. Each effect ends in a [`Report`] for the app's status line.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

use crate::app::action::ExportFormat;
use crate::app::effect::{Effect, ExportRequest, Report};
use crate::commands::figures::{CsvCells, Listing, write_figures};
use crate::data::Dataset;

/// How many numbered names an export tries (`…-2.csv`, `…-3.csv`) before giving up.
const NAME_ATTEMPTS: u32 = 1000;

/// Performs `effect` on `data`. A copy goes to `terminal` as OSC 52, or is reported as not
/// sent when there is none; an export writes a new file in `dir`, never over an old one.
pub fn perform(
    effect: &Effect,
    data: &Dataset,
    terminal: Option<&mut dyn Write>,
    dir: &Path,
) -> Report {
    match effect {
        Effect::Copy(text) => match terminal {
            Some(out) => match out
                .write_all(osc52(text).as_bytes())
                .and_then(|()| out.flush())
            {
                Ok(()) => Report::Copied,
                Err(_) => Report::CopyNotSent,
            },
            None => Report::CopyNotSent,
        },
        Effect::Export(request) => export(request, data, dir),
    }
}

/// The OSC 52 sequence that asks a terminal to put `text` on the clipboard (`c`), ended by
/// BEL, which xterm, tmux and the terminals that copy them all accept. The text travels as
/// base64, so nothing in it can act on the terminal.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 (RFC 4648, with padding).
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group = chunk
            .iter()
            .enumerate()
            .fold(0u32, |group, (i, &b)| group | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(group >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Writes the figures to the first free `pressdash-figures-<stem>[-n].<ext>` in `dir`.
fn export(request: &ExportRequest, data: &Dataset, dir: &Path) -> Report {
    let (file, name) = match create_free(dir, &request.stem, request.format) {
        Ok(found) => found,
        Err((name, error)) => {
            return Report::ExportFailed {
                path: format!("./{name}"),
                error: error.to_string(),
            };
        }
    };
    let mut out = io::BufWriter::new(file);
    let path = format!("./{name}");
    match write_export(&mut out, request, data).and_then(|()| out.flush()) {
        Ok(()) => Report::Exported {
            count: request.figures.len(),
            path,
        },
        Err(error) => Report::ExportFailed {
            path,
            error: error.to_string(),
        },
    }
}

/// The export's figures as `figures --format csv|md` writes them to a file: the text exactly,
/// cells a spreadsheet would run as formulas guarded.
fn write_export(out: &mut dyn Write, request: &ExportRequest, data: &Dataset) -> io::Result<()> {
    let listing = Listing {
        data,
        figures: &request.figures,
        lang: request.lang,
        script: request.script,
    };
    let cells = CsvCells {
        guard_formulas: true,
        for_terminal: false,
    };
    write_figures(out, &listing, request.format, cells)
}

/// Creates the first name that does not exist yet, atomically (`create_new`), so nothing is
/// ever overwritten; the file and its name, or the last name tried and why it failed.
fn create_free(
    dir: &Path,
    stem: &str,
    format: ExportFormat,
) -> Result<(File, String), (String, io::Error)> {
    let extension = match format {
        ExportFormat::Csv => "csv",
        ExportFormat::Markdown => "md",
    };
    let mut last = None;
    for attempt in 1..=NAME_ATTEMPTS {
        let name = if attempt == 1 {
            format!("pressdash-figures-{stem}.{extension}")
        } else {
            format!("pressdash-figures-{stem}-{attempt}.{extension}")
        };
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(dir.join(&name))
        {
            Ok(file) => return Ok((file, name)),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
                last = Some((name, error));
            }
            Err(error) => return Err((name, error)),
        }
    }
    Err(last.expect("at least one name was tried"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::fixture;
    use crate::data::{Lang, Script};

    #[test]
    fn base64_matches_the_rfc_4648_examples() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(base64(plain.as_bytes()), encoded, "{plain:?}");
        }
        // UTF-8 of Chinese text: 万 is E4 B8 87.
        assert_eq!(base64("万".as_bytes()), "5LiH");
    }

    #[test]
    fn osc52_carries_no_control_character_from_the_text() {
        let sequence = osc52("a\x1b[31m\x07b");
        let body = &sequence["\x1b]52;c;".len()..sequence.len() - 1];
        assert!(
            body.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
        );
        assert!(sequence.ends_with('\x07'));
    }

    #[test]
    fn a_copy_without_a_terminal_is_not_claimed() {
        let data = fixture::dataset();
        let copy = Effect::Copy("text".into());
        let dir = std::env::temp_dir();
        assert_eq!(perform(&copy, &data, None, &dir), Report::CopyNotSent);
        let mut terminal = Vec::new();
        assert_eq!(
            perform(&copy, &data, Some(&mut terminal), &dir),
            Report::Copied
        );
        assert_eq!(terminal, osc52("text").into_bytes());
    }

    #[test]
    fn exports_never_overwrite_and_write_what_figures_writes() {
        let data = fixture::dataset();
        let dir = std::env::temp_dir().join(format!("pressdash-export-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let request = ExportRequest {
            figures: vec![0, 1, 3],
            format: ExportFormat::Csv,
            stem: "all".into(),
            lang: Lang::En,
            script: Script::Hans,
        };
        let effect = Effect::Export(request.clone());
        let first = perform(&effect, &data, None, &dir);
        let second = perform(&effect, &data, None, &dir);
        assert_eq!(
            first,
            Report::Exported {
                count: 3,
                path: "./pressdash-figures-all.csv".into()
            }
        );
        assert_eq!(
            second,
            Report::Exported {
                count: 3,
                path: "./pressdash-figures-all-2.csv".into()
            }
        );
        let written = std::fs::read(dir.join("pressdash-figures-all.csv")).unwrap();
        let mut expected = Vec::new();
        write_export(&mut expected, &request, &data).unwrap();
        assert_eq!(written, expected);
        assert!(
            written.starts_with(b"id,theme,label,value,"),
            "the CSV header"
        );
        assert_eq!(
            std::fs::read(dir.join("pressdash-figures-all-2.csv")).unwrap(),
            expected
        );
        // A directory that cannot be written to is reported, not a panic.
        let missing = dir.join("no-such-directory");
        let failed = perform(&effect, &data, None, &missing);
        assert!(matches!(failed, Report::ExportFailed { .. }), "{failed:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
