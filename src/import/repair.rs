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
pub fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_lowercase() || "āáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ".contains(c)
}

/// Removes every `(pinyin)` annotation, also in the variant that leaves a space before the
/// bracket closes (`个(gè )`); returns the text and how many were removed.
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
        let spaces = after[letters..].len() - after[letters..].trim_start_matches(' ').len();
        if letters > 0 && after[letters + spaces..].starts_with(')') {
            removed += 1;
            rest = &after[letters + spaces + 1..];
        } else {
            out.push('(');
            rest = after;
        }
    }
    out.push_str(rest);
    (out, removed)
}

/// Whether `c` is a pictograph of the kind clone sites sprinkle through a text.
fn is_emoji(c: char) -> bool {
    matches!(u32::from(c), 0x1F300..=0x1FAFF | 0x2600..=0x27BF | 0xFE0F | 0x200D)
}

/// Removes emoji in brackets (`抗(😅)疫`), which some clone sites insert between characters.
pub fn strip_emoji(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(['(', '（']) {
        out.push_str(&rest[..open]);
        let bracket = rest[open..].chars().next().map_or(1, char::len_utf8);
        let after = &rest[open + bracket..];
        let inside = after.find(|c: char| !is_emoji(c)).unwrap_or(after.len());
        let closes = after[inside..]
            .chars()
            .next()
            .filter(|c| matches!(c, ')' | '）'));
        match closes {
            Some(close) if inside > 0 => rest = &after[inside + close.len_utf8()..],
            _ => {
                out.push_str(&rest[open..open + bracket]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// What shows a line was garbled by a byte misalignment the repairs do not cover: letters of
/// other scripts (`С Χ り`), block marks (`▍`), a lone ASCII letter or `?` between Chinese
/// characters, a leaked HTML tag. Such text is kept as it is and reported, never guessed at.
pub fn damage_traces(line: &str) -> Option<String> {
    let chars: Vec<char> = line.chars().collect();
    let cjk = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
    };
    let at = chars.iter().enumerate().position(|(i, &c)| {
        let foreign = matches!(u32::from(c), 0x0370..=0x04FF | 0x3040..=0x30FF | 0x2580..=0x259F);
        let alnum = |i: Option<usize>| {
            i.and_then(|i| chars.get(i))
                .is_some_and(char::is_ascii_alphanumeric)
        };
        // A letter standing alone against Chinese (挟a業, ,F在, ▍^), or a `?` before the
        // letters of a pinyin annotation that lost its bracket (獎?wù).
        let stray = (c.is_ascii_alphabetic() || c == '^')
            && (cjk(i.checked_sub(1)) || cjk(Some(i + 1)))
            && !alnum(i.checked_sub(1))
            && !alnum(Some(i + 1))
            || c == '?' && chars.get(i + 1).is_some_and(|n| is_pinyin_letter(*n));
        foreign
            || stray
            || (c == '/' && chars.get(i + 1) == Some(&'p') && chars.get(i + 2) == Some(&'>'))
    })?;
    let from = at.saturating_sub(8);
    Some(chars[from..(at + 8).min(chars.len())].iter().collect())
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
        _ => Ok(strip_emoji(&stripped)),
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
    fn strips_the_spaced_variant_and_emoji_in_brackets() {
        assert_eq!(strip_pinyin("个(gè )人").0, "个人");
        assert_eq!(strip_emoji("抗(😅)疫（🎉）情(一)"), "抗疫情(一)");
        assert_eq!(strip_emoji("(( )"), "(( )");
    }

    #[test]
    fn finds_the_traces_of_misaligned_bytes() {
        assert!(damage_traces("勞動獎?wù卤碚弥挟a業工人").is_some());
        assert!(damage_traces("31個。▍^、市)均已").is_some());
        assert!(damage_traces("力度。/p>").is_some());
        assert!(damage_traces("介紹,F在請記者").is_some());
        assert_eq!(damage_traces("奖章?650个，5G网络，APP，(一)好?谢谢"), None);
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
