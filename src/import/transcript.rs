//! Cutting the transcript into segments.
//!
//! A conference runs: the moderator opens (`opening`); officials give statements; then each
//! reporter's question with its answers (`q1`, `q2`, …, a moderator's turn just before a
//! question belonging to it); the moderator closes (`closing`). One statement in numbered
//! sections (`一、…`) is cut into an introduction (`statement-intro`), its sections
//! (`statement-1`, …) and what follows them (`lessons`); otherwise each statement turn is one
//! segment (`statement-1`, …). Segment ids are derived from that structure, never from line
//! numbers.

use crate::data::{ParagraphKind, Question, Role, SegmentKind};

use super::error::Error;
use super::people::Cast;
use super::source::Spoken;

/// A paragraph of a segment, simplified only; the other script is added when the dataset is
/// assembled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftParagraph {
    pub kind: ParagraphKind,
    /// The speaker's id.
    pub speaker: String,
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

/// Who says what: the speakers' roles and ids by name.
struct Speakers<'a>(&'a Cast);

impl Speakers<'_> {
    fn role(&self, spoken: &Spoken) -> Role {
        self.0.find(&spoken.name).map_or(Role::Official, |p| p.role)
    }

    fn id(&self, spoken: &Spoken) -> String {
        self.0
            .find(&spoken.name)
            .map_or_else(|| spoken.name.clone(), |p| p.id.clone())
    }

    fn paragraph(&self, spoken: &Spoken, kind: ParagraphKind, text: &str) -> DraftParagraph {
        DraftParagraph {
            kind,
            speaker: self.id(spoken),
            turn_start: spoken.turn_start,
            text: text.to_owned(),
            line: spoken.line,
        }
    }

    fn body(&self, spoken: &Spoken) -> DraftParagraph {
        self.paragraph(spoken, ParagraphKind::Body, &spoken.text)
    }

    fn bodies(&self, turn: &[Spoken]) -> Vec<DraftParagraph> {
        turn.iter().map(|spoken| self.body(spoken)).collect()
    }
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

/// One statement in numbered sections: introduction, sections, lessons. `None` when the
/// turn has no numbered sections or they do not count up from one.
fn sectioned_statement(turn: &[Spoken], who: &Speakers) -> Option<Vec<DraftSegment>> {
    let (intro, rest) = turn.split_first()?;
    let mut segments = vec![segment(
        "statement-intro".to_owned(),
        SegmentKind::Statement,
        vec![who.body(intro)],
    )];
    let mut sections = 0;
    let mut lessons: Vec<DraftParagraph> = Vec::new();
    for spoken in rest {
        let in_sections = sections > 0 && lessons.is_empty();
        if let Some((number, _)) = numbered(&spoken.text).filter(|_| lessons.is_empty()) {
            if number != sections + 1 {
                return None;
            }
            sections = number;
            segments.push(segment(
                format!("statement-{number}"),
                SegmentKind::Statement,
                vec![who.paragraph(spoken, ParagraphKind::Heading, &spoken.text)],
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
                .push(who.paragraph(spoken, ParagraphKind::Subheading, heading));
            if !text.is_empty() {
                section.paragraphs.push(DraftParagraph {
                    turn_start: false,
                    ..who.paragraph(spoken, ParagraphKind::Body, text)
                });
            }
        } else if sections == 0 {
            return None;
        } else {
            lessons.push(who.body(spoken));
        }
    }
    if sections == 0 {
        return None;
    }
    if !lessons.is_empty() {
        segments.push(segment("lessons".to_owned(), SegmentKind::Lessons, lessons));
    }
    Some(segments)
}

/// The statements: one in numbered sections is cut by them; otherwise each turn (with a
/// moderator's turn before it) is one segment.
fn statements(turns: &[&[Spoken]], who: &Speakers) -> Vec<DraftSegment> {
    if let [turn] = turns
        && let Some(segments) = sectioned_statement(turn, who)
    {
        return segments;
    }
    let mut segments: Vec<DraftSegment> = Vec::new();
    let mut pending: Vec<DraftParagraph> = Vec::new();
    for turn in turns {
        pending.extend(answer(turn, who));
        if who.role(&turn[0]) != Role::Moderator {
            let number = segments.len() + 1;
            segments.push(segment(
                format!("statement-{number}"),
                SegmentKind::Statement,
                std::mem::take(&mut pending),
            ));
        }
    }
    match segments.last_mut() {
        Some(last) => last.paragraphs.append(&mut pending),
        None if !pending.is_empty() => segments.push(segment(
            "statement-1".to_owned(),
            SegmentKind::Statement,
            pending,
        )),
        None => {}
    }
    segments
}

/// An official's answer paragraphs: numbered lines without punctuation are headings.
fn answer<'a>(turn: &'a [Spoken], who: &'a Speakers) -> impl Iterator<Item = DraftParagraph> + 'a {
    turn.iter().map(|spoken| {
        let kind = if is_answer_heading(&spoken.text) {
            ParagraphKind::Heading
        } else {
            ParagraphKind::Body
        };
        who.paragraph(spoken, kind, &spoken.text)
    })
}

/// Words with which whoever hosts ends the conference, be it the moderator or a spokesman
/// who hosts and answers.
const CLOSING_WORDS: [&str; 4] = ["到此结束", "就到这里", "发布会结束", "到这里结束"];

/// Whether the last turn ends the conference: not a reporter's, and saying so.
fn closes(turn: &[Spoken], who: &Speakers) -> bool {
    who.role(&turn[0]) != Role::Reporter
        && turn.iter().any(|spoken| {
            CLOSING_WORDS
                .iter()
                .any(|words| spoken.text.contains(words))
        })
}

/// The questions and the closing, from the turns after the statements.
fn questions(turns: &[&[Spoken]], who: &Speakers) -> Result<Vec<DraftSegment>, Error> {
    let mut segments: Vec<DraftSegment> = Vec::new();
    let mut moderator_before: Option<&[Spoken]> = None;
    for (i, turn) in turns.iter().enumerate() {
        let first = &turn[0];
        if i + 1 == turns.len() && who.role(first) != Role::Moderator && closes(turn, who) {
            segments.push(segment(
                "closing".to_owned(),
                SegmentKind::Closing,
                who.bodies(turn),
            ));
            continue;
        }
        match who.role(first) {
            Role::Moderator => {
                let next_is_reporter = turns
                    .get(i + 1)
                    .is_some_and(|next| who.role(&next[0]) == Role::Reporter);
                if next_is_reporter {
                    moderator_before = Some(turn);
                } else if i + 1 == turns.len() {
                    segments.push(segment(
                        "closing".to_owned(),
                        SegmentKind::Closing,
                        who.bodies(turn),
                    ));
                } else if let Some(current) = segments.last_mut() {
                    // The moderator between answers (passing the word on) stays with them.
                    current.paragraphs.extend(who.bodies(turn));
                }
            }
            Role::Reporter => {
                let number = segments.len() + 1;
                let mut paragraphs = moderator_before
                    .take()
                    .map_or_else(Vec::new, |t| who.bodies(t));
                paragraphs.extend(who.bodies(turn));
                segments.push(DraftSegment {
                    id: format!("q{number}"),
                    kind: SegmentKind::Question,
                    question: Some(Question {
                        asked_by: who.id(first),
                        answered_by: Vec::new(),
                    }),
                    paragraphs,
                });
            }
            Role::Official => {
                let current = segments
                    .last_mut()
                    .filter(|segment| segment.kind == SegmentKind::Question)
                    .ok_or_else(|| {
                        Error::new(format!(
                            "line {}: {} answers before any question",
                            first.line, first.name
                        ))
                    })?;
                let id = who.id(first);
                if let Some(question) = current.question.as_mut()
                    && !question.answered_by.contains(&id)
                {
                    question.answered_by.push(id);
                }
                current.paragraphs.extend(answer(turn, who));
            }
        }
    }
    Ok(segments)
}

/// Cuts the transcript into its segments.
pub fn segments(spoken: &[Spoken], cast: &Cast) -> Result<Vec<DraftSegment>, Error> {
    let who = Speakers(cast);
    let turns = turns(spoken);
    let mut rest: &[&[Spoken]] = &turns;
    let mut segments = Vec::new();
    if let Some((opening, after)) = rest.split_first()
        && who.role(&opening[0]) == Role::Moderator
    {
        segments.push(segment(
            "opening".to_owned(),
            SegmentKind::Opening,
            who.bodies(opening),
        ));
        rest = after;
    }
    // The statements run up to the first question, less a moderator's turn before it.
    let mut first_question = rest
        .iter()
        .position(|turn| who.role(&turn[0]) == Role::Reporter)
        .unwrap_or(rest.len());
    if first_question > 0 && who.role(&rest[first_question - 1][0]) == Role::Moderator {
        first_question -= 1;
    }
    let (statement_turns, question_turns) = rest.split_at(first_question);
    segments.extend(statements(statement_turns, &who));
    segments.extend(questions(question_turns, &who)?);
    Ok(segments)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spokesman_who_hosts_closes_the_conference() {
        let mut cast = Cast::default();
        cast.add("卢某", "新闻发言人", Role::Official);
        cast.add("王某", "副司长", Role::Official);
        cast.add("工人日报记者", "工人日报", Role::Reporter);
        cast.settle(&[]);
        let said = |line: usize, name: &str, text: &str| Spoken {
            line,
            name: name.to_owned(),
            turn_start: true,
            text: text.to_owned(),
        };
        let spoken = [
            said(1, "卢某", "上半年，全国城镇新增就业678万人。"),
            said(2, "工人日报记者", "请问就业情况如何？"),
            said(3, "王某", "谢谢您的提问。"),
            said(4, "卢某", "今天的发布会到此结束，谢谢大家！"),
        ];
        let segments = segments(&spoken, &cast).unwrap();
        let closing = segments.last().unwrap();
        assert_eq!(
            (closing.id.as_str(), closing.kind),
            ("closing", SegmentKind::Closing)
        );
        let question = segments[1].question.as_ref().unwrap();
        assert_eq!(
            question.answered_by,
            [cast.find("王某").unwrap().id.clone()]
        );
    }

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
