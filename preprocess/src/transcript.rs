//! Cutting the transcript into segments.
//!
//! The conference runs: the moderator opens (`opening`); 王利中 gives the statement — an
//! introduction (`statement-intro`), five numbered sections (`statement-1`…`statement-5`)
//! and the lessons drawn (`lessons`); then each reporter's question with its answers
//! (`q1`…`q7`, a moderator's turn just before a question belonging to it); the moderator
//! closes (`closing`). Segment ids are derived from that structure, never from line numbers.

use pressdash::data::{ParagraphKind, Question, Role, SegmentKind};

use crate::error::Error;
use crate::people::Who;
use crate::source::Spoken;

/// A paragraph of a segment, simplified only; the other script is added when the dataset is
/// assembled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftParagraph {
    pub kind: ParagraphKind,
    pub speaker: &'static str,
    pub turn_start: bool,
    pub text: String,
    /// The raw file's line it comes from.
    pub line: usize,
}

/// A segment before titles and themes are attached.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftSegment {
    pub id: String,
    pub kind: SegmentKind,
    pub question: Option<Question>,
    pub paragraphs: Vec<DraftParagraph>,
}

const NUMERALS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// `一、…` → (1, rest).
fn numbered(text: &str) -> Option<(usize, &str)> {
    let (number, rest) = text.split_once('、')?;
    let mut chars = number.chars();
    let first = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    let index = NUMERALS.iter().position(|&n| n == first)?;
    Some((index + 1, rest))
}

/// A numbered line with no sentence punctuation: a heading inside an answer (`一、从…看`).
fn is_answer_heading(text: &str) -> bool {
    numbered(text).is_some_and(|(_, rest)| !rest.contains(['。', '，', '；', '：', '！', '？']))
}

/// `（一）…` opens a sub-section of the statement.
fn is_subsection(text: &str) -> bool {
    text.strip_prefix('（')
        .and_then(|rest| rest.chars().next())
        .is_some_and(|c| NUMERALS.contains(&c))
}

fn paragraph(spoken: &Spoken, kind: ParagraphKind, text: &str) -> DraftParagraph {
    DraftParagraph {
        kind,
        speaker: spoken.who.id(),
        turn_start: spoken.turn_start,
        text: text.to_owned(),
        line: spoken.line,
    }
}

fn body(spoken: &Spoken) -> DraftParagraph {
    paragraph(spoken, ParagraphKind::Body, &spoken.text)
}

fn segment(id: String, kind: SegmentKind, paragraphs: Vec<DraftParagraph>) -> DraftSegment {
    DraftSegment {
        id,
        kind,
        question: None,
        paragraphs,
    }
}

/// The turns: runs of paragraphs that start with a speaker's name.
fn turns(spoken: &[Spoken]) -> Vec<&[Spoken]> {
    let mut turns = Vec::new();
    let mut start = 0;
    for (i, paragraph) in spoken.iter().enumerate().skip(1) {
        if paragraph.turn_start {
            turns.push(&spoken[start..i]);
            start = i;
        }
    }
    if start < spoken.len() {
        turns.push(&spoken[start..]);
    }
    turns
}

/// The statement turn: introduction, numbered sections, lessons.
fn statement(turn: &[Spoken]) -> Result<Vec<DraftSegment>, Error> {
    let (intro, rest) = turn
        .split_first()
        .ok_or_else(|| Error::new("the statement is empty"))?;
    let mut segments = vec![segment(
        "statement-intro".to_owned(),
        SegmentKind::Statement,
        vec![body(intro)],
    )];
    let mut sections = 0;
    let mut lessons: Vec<DraftParagraph> = Vec::new();
    for spoken in rest {
        let in_sections = sections > 0 && lessons.is_empty();
        if let Some((number, _)) = numbered(&spoken.text).filter(|_| lessons.is_empty()) {
            if number != sections + 1 {
                return Err(Error::new(format!(
                    "line {}: statement section {number} follows section {sections}",
                    spoken.line
                )));
            }
            sections = number;
            segments.push(segment(
                format!("statement-{number}"),
                SegmentKind::Statement,
                vec![paragraph(spoken, ParagraphKind::Heading, &spoken.text)],
            ));
        } else if in_sections
            && is_subsection(&spoken.text)
            && let Some(section) = segments.last_mut()
        {
            // The sub-section's first sentence is its heading.
            let split = spoken
                .text
                .find('。')
                .map_or(spoken.text.len(), |at| at + '。'.len_utf8());
            let (heading, text) = spoken.text.split_at(split);
            section
                .paragraphs
                .push(paragraph(spoken, ParagraphKind::Subheading, heading));
            if !text.is_empty() {
                section.paragraphs.push(DraftParagraph {
                    turn_start: false,
                    ..paragraph(spoken, ParagraphKind::Body, text)
                });
            }
        } else if sections == 0 {
            return Err(Error::new(format!(
                "line {}: the statement goes on before its first numbered section: {}",
                spoken.line, spoken.text
            )));
        } else {
            lessons.push(body(spoken));
        }
    }
    if !lessons.is_empty() {
        segments.push(segment("lessons".to_owned(), SegmentKind::Lessons, lessons));
    }
    Ok(segments)
}

/// An official's answer paragraphs: numbered lines without punctuation are headings.
fn answer(turn: &[Spoken]) -> impl Iterator<Item = DraftParagraph> {
    turn.iter().map(|spoken| {
        let kind = if is_answer_heading(&spoken.text) {
            ParagraphKind::Heading
        } else {
            ParagraphKind::Body
        };
        paragraph(spoken, kind, &spoken.text)
    })
}

/// The questions and the closing, from the turns after the statement.
fn questions(turns: &[&[Spoken]]) -> Result<Vec<DraftSegment>, Error> {
    let mut segments: Vec<DraftSegment> = Vec::new();
    let mut moderator_before: Option<&[Spoken]> = None;
    for (i, turn) in turns.iter().enumerate() {
        let first = &turn[0];
        match first.who {
            Who::Official(official) if official.role == Role::Moderator => {
                let next_is_reporter = turns
                    .get(i + 1)
                    .is_some_and(|next| next[0].who.role() == Role::Reporter);
                if next_is_reporter {
                    moderator_before = Some(turn);
                } else if i + 1 == turns.len() {
                    segments.push(segment(
                        "closing".to_owned(),
                        SegmentKind::Closing,
                        turn.iter().map(body).collect(),
                    ));
                } else {
                    return Err(Error::new(format!(
                        "line {}: the moderator speaks between answers; \
                         only before a question or at the end is expected",
                        first.line
                    )));
                }
            }
            Who::Reporter(_) => {
                let number = segments.len() + 1;
                let paragraphs = moderator_before
                    .take()
                    .unwrap_or_default()
                    .iter()
                    .chain(turn.iter())
                    .map(body)
                    .collect();
                segments.push(DraftSegment {
                    id: format!("q{number}"),
                    kind: SegmentKind::Question,
                    question: Some(Question {
                        asked_by: first.who.id().to_owned(),
                        answered_by: Vec::new(),
                    }),
                    paragraphs,
                });
            }
            Who::Official(official) => {
                let current = segments
                    .last_mut()
                    .filter(|segment| segment.kind == SegmentKind::Question)
                    .ok_or_else(|| {
                        Error::new(format!(
                            "line {}: {} answers before any question",
                            first.line, official.name
                        ))
                    })?;
                if let Some(question) = current.question.as_mut()
                    && !question.answered_by.iter().any(|id| id == official.id)
                {
                    question.answered_by.push(official.id.to_owned());
                }
                current.paragraphs.extend(answer(turn));
            }
        }
    }
    Ok(segments)
}

/// Cuts the transcript into its segments.
pub fn segments(spoken: &[Spoken]) -> Result<Vec<DraftSegment>, Error> {
    let turns = turns(spoken);
    let [opening, statement_turn, rest @ ..] = turns.as_slice() else {
        return Err(Error::new(
            "the transcript needs an opening, a statement and questions",
        ));
    };
    if opening[0].who.role() != Role::Moderator {
        return Err(Error::new(format!(
            "line {}: the transcript should open with the moderator",
            opening[0].line
        )));
    }
    let mut segments = vec![segment(
        "opening".to_owned(),
        SegmentKind::Opening,
        opening.iter().map(body).collect(),
    )];
    segments.extend(statement(statement_turn)?);
    segments.extend(questions(rest)?);
    Ok(segments)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_numbered_lines() {
        assert_eq!(
            numbered("三、从职工诉求愿望看"),
            Some((3, "从职工诉求愿望看"))
        );
        assert_eq!(numbered("十一、不是"), None);
        assert_eq!(numbered("一是"), None);
        assert!(is_answer_heading("一、从职工队伍总体构成看"));
        assert!(!is_answer_heading(
            "一、深入开展调研摸排工作，组织开展了调研。"
        ));
        assert!(is_subsection("（四）坚持"));
        assert!(!is_subsection("（党委）"));
    }
}
