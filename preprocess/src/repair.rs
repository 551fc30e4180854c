//! Undoing the scrape's character-level damage: the byte-misalignment spots, then the pinyin.
//!
//! The repairs run on the raw text, pinyin annotations still in place, so that stripping
//! afterwards removes every one of them and the count stays checkable. Each repair quotes the
//! damaged text exactly as the scrape has it (annotations included) and keeps the annotations
//! that belong to the characters around it.

use std::fmt;

/// One byte-misalignment spot and its repair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Repair {
    /// `M1` … `M9`, as the design note on the source's damage names them.
    pub id: &'static str,
    /// The line of the raw file it is on (1-based).
    pub line: usize,
    /// The damaged text as scraped.
    pub damaged: &'static str,
    /// What it was before the damage. M1 keeps `?` for the lost first digit.
    pub repaired: &'static str,
}

/// The nine spots, in file order.
pub const REPAIRS: [Repair; 9] = [
    Repair {
        id: "M1",
        line: 45,
        damaged: "獎(jiǎng)?wù)?650個(gè)",
        repaired: "獎(jiǎng)章?650個(gè)",
    },
    Repair {
        id: "M2",
        line: 47,
        damaged: "獎(jiǎng)?wù)卤碚弥挟a(chǎn)業",
        repaired: "獎(jiǎng)章表彰中產(chǎn)業",
    },
    Repair {
        id: "M3",
        line: 47,
        damaged: "31個(gè)。▍^(qū)、市)均已",
        repaired: "31個(gè)省(區(qū)、市)均已",
    },
    Repair {
        id: "M4",
        line: 47,
        damaged: "21個(gè)。▍^(qū)、市)將改革",
        repaired: "21個(gè)省(區(qū)、市)將改革",
    },
    Repair {
        id: "M5",
        line: 81,
        damaged: "介紹,F(xiàn)在請記者提問",
        repaired: "介紹。現(xiàn)在請記者提問",
    },
    Repair {
        id: "M6",
        line: 85,
        damaged: "分析?偟母械铰毠り(duì)伍的變化",
        repaired: "分析。總的感到職工隊(duì)伍的變化",
    },
    Repair {
        id: "M7",
        line: 157,
        damaged: "獎(jiǎng)?wù)鹿芾磙k法》",
        repaired: "獎(jiǎng)章管理辦法》",
    },
    Repair {
        id: "M8",
        line: 157,
        damaged: "獎(jiǎng)?wù)碌闹С至Χ取?/p>",
        repaired: "獎(jiǎng)章的支持力度。",
    },
    Repair {
        id: "M9",
        line: 171,
        damaged: "因?yàn)楝F(xiàn)在天氣高溫",
        repaired: "因為現(xiàn)在天氣高溫",
    },
];

/// How many pinyin annotations the scrape carries.
pub const PINYIN_ANNOTATIONS: usize = 1632;

/// The raw text did not look as expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RepairError {
    /// A damaged spot was found `found` times on its line instead of once.
    SpotCount {
        id: &'static str,
        line: usize,
        found: usize,
    },
    /// The file has fewer lines than a repair expects.
    MissingLine { id: &'static str, line: usize },
    /// Stripping removed another number of annotations than the scrape is known to hold.
    PinyinCount { found: usize },
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
            Self::PinyinCount { found } => write!(
                f,
                "stripped {found} pinyin annotations, expected {PINYIN_ANNOTATIONS}; \
                 has the raw file changed?"
            ),
        }
    }
}

impl std::error::Error for RepairError {}

/// Applies the nine repairs, each exactly once and on its own line.
pub fn repair_misalignments(raw: &str) -> Result<String, RepairError> {
    let mut lines: Vec<String> = raw.split('\n').map(str::to_owned).collect();
    for repair in &REPAIRS {
        let line = lines
            .get_mut(repair.line - 1)
            .ok_or(RepairError::MissingLine {
                id: repair.id,
                line: repair.line,
            })?;
        let found = line.matches(repair.damaged).count();
        if found != 1 || raw.matches(repair.damaged).count() != 1 {
            return Err(RepairError::SpotCount {
                id: repair.id,
                line: repair.line,
                found,
            });
        }
        *line = line.replacen(repair.damaged, repair.repaired, 1);
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
pub fn clean(raw: &str) -> Result<String, RepairError> {
    let repaired = repair_misalignments(raw)?;
    let (stripped, removed) = strip_pinyin(&repaired);
    if removed == PINYIN_ANNOTATIONS {
        Ok(stripped)
    } else {
        Err(RepairError::PinyinCount { found: removed })
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
        let err = repair_misalignments("only one line").unwrap_err();
        assert_eq!(err, RepairError::MissingLine { id: "M1", line: 45 });
    }
}
