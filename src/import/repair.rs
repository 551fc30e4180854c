//! Undoing the scrape's character-level damage: the byte-misalignment spots, then the pinyin.
//!
//! The repairs run on the raw text, pinyin annotations still in place, so that stripping
//! afterwards removes every one of them and the count stays checkable. Each repair quotes the
//! damaged text exactly as the scrape has it (annotations included) and keeps the annotations
//! that belong to the characters around it.

use std::fmt;

use serde::Deserialize;

use super::Error;

/// The scrape's known damage: what the raw file holds, as data, so that no code knows it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Repairs {
    /// How many pinyin annotations stripping must remove, when known.
    #[serde(default)]
    pub pinyin_annotations: Option<usize>,
    /// The byte-misalignment spots, in file order.
    #[serde(default, rename = "repair")]
    pub spots: Vec<Repair>,
}

/// One byte-misalignment spot and its repair.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Repair {
    /// A short name for the spot, used in messages.
    pub id: String,
    /// The line of the raw file it is on (1-based).
    pub line: usize,
    /// The damaged text as scraped.
    pub damaged: String,
    /// What it was before the damage; `?` stands for each character that cannot be known.
    pub repaired: String,
}

impl Repairs {
    /// Reads a repairs file's text; an error names `file`.
    pub fn parse(text: &str, file: &str) -> Result<Self, Error> {
        toml::from_str(text).map_err(|error| Error::new(format!("{file}: {error}")))
    }
}

/// The raw text did not look as expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RepairError {
    /// A damaged spot was found `found` times on its line instead of once.
    SpotCount {
        id: String,
        line: usize,
        found: usize,
    },
    /// The file has fewer lines than a repair expects.
    MissingLine { id: String, line: usize },
    /// Stripping removed another number of annotations than the repairs file expects.
    PinyinCount { found: usize, expected: usize },
}

impl fmt::Display for RepairError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::SpotCount { id, line, found } => write!(
                f,
                "damaged spot {id} was found {found} times on line {line} of the raw file, \
                 expected exactly once; has the raw file changed?"
            ),
            Self::MissingLine { id, line } => write!(
                f,
                "damaged spot {id} should be on line {line}, but the raw file is shorter"
            ),
            Self::PinyinCount { found, expected } => write!(
                f,
                "stripped {found} pinyin annotations, but the repairs file expects \
                 {expected}; has the raw file changed?"
            ),
        }
    }
}

impl std::error::Error for RepairError {}

/// Applies the repairs, each exactly once and on its own line.
pub fn repair_misalignments(raw: &str, repairs: &Repairs) -> Result<String, RepairError> {
    let mut lines: Vec<String> = raw.split('\n').map(str::to_owned).collect();
    for repair in &repairs.spots {
        let line =
            lines
                .get_mut(repair.line.wrapping_sub(1))
                .ok_or_else(|| RepairError::MissingLine {
                    id: repair.id.clone(),
                    line: repair.line,
                })?;
        let found = line.matches(repair.damaged.as_str()).count();
        if found != 1 || raw.matches(repair.damaged.as_str()).count() != 1 {
            return Err(RepairError::SpotCount {
                id: repair.id.clone(),
                line: repair.line,
                found,
            });
        }
        *line = line.replacen(repair.damaged.as_str(), &repair.repaired, 1);
    }
    Ok(lines.join("\n"))
}

/// The letters a pinyin annotation is made of: lowercase ASCII and the tone-marked vowels.
fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_lowercase() || "āáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ".contains(c)
}

/// Removes every `(pinyin)` annotation; returns the text and how many were removed.
pub fn strip_pinyin(text: &str) -> (String, usize) {
    let mut out = String::with_capacity(text.len());
    let mut removed = 0;
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let letters = after
            .find(|c: char| !is_pinyin_letter(c))
            .unwrap_or(after.len());
        if letters > 0 && after[letters..].starts_with(')') {
            removed += 1;
            rest = &after[letters + 1..];
        } else {
            out.push('(');
            rest = after;
        }
    }
    out.push_str(rest);
    (out, removed)
}

/// The raw scrape with the misalignments repaired and all pinyin removed.
pub fn clean(raw: &str, repairs: &Repairs) -> Result<String, RepairError> {
    let repaired = repair_misalignments(raw, repairs)?;
    let (stripped, removed) = strip_pinyin(&repaired);
    match repairs.pinyin_annotations {
        Some(expected) if expected != removed => Err(RepairError::PinyinCount {
            found: removed,
            expected,
        }),
        _ => Ok(stripped),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_annotations_but_not_parentheticals() {
        let (text, removed) = strip_pinyin("中國(guó)(一)工會(huì)(黨委)a(chǎn)業(x)");
        assert_eq!(text, "中國(一)工會(黨委)a業");
        assert_eq!(removed, 4);
    }

    #[test]
    fn keeps_brackets_that_are_not_annotations() {
        assert_eq!(
            strip_pinyin("(a b) () (abc"),
            ("(a b) () (abc".to_owned(), 0)
        );
    }

    #[test]
    fn a_repair_missing_from_its_line_is_an_error() {
        let repairs = Repairs::parse(
            "[[repair]]\nid = \"far\"\nline = 45\ndamaged = \"x\"\nrepaired = \"y\"\n",
            "fixes.toml",
        )
        .unwrap();
        let err = repair_misalignments("only one line", &repairs).unwrap_err();
        assert_eq!(
            err,
            RepairError::MissingLine {
                id: "far".to_owned(),
                line: 45
            }
        );
    }

    #[test]
    fn an_unknown_key_in_the_repairs_file_is_an_error_naming_it() {
        let error =
            Repairs::parse("pinyin_annotations = 1\nrepairs = []\n", "fixes.toml").unwrap_err();
        assert!(error.to_string().contains("fixes.toml"), "{error}");
        assert!(error.to_string().contains("repairs"), "{error}");
    }
}
