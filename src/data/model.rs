//! The dataset as typed structs: what `data/dataset.json` holds.
//!
//! Every text a reader sees exists in simplified (`hans`) and traditional (`hant`) script;
//! labels also have an English form. Offsets into texts count Unicode scalar values (`char`s),
//! not bytes, so they mean the same thing in every language that reads the JSON.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// The schema version this build reads and writes. A file with a larger one is refused.
pub const SCHEMA_VERSION: u32 = 1;

/// One press conference: its metadata, transcript, figures and charts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    pub schema_version: u32,
    pub meta: Meta,
    pub speakers: Vec<Speaker>,
    /// In tab order.
    pub themes: Vec<Theme>,
    /// The transcript in reading order.
    pub segments: Vec<Segment>,
    pub figures: Vec<Figure>,
    /// The same metric stated at different dates, oldest first.
    #[serde(default)]
    pub series: Vec<Series>,
    #[serde(default)]
    pub charts: Vec<Chart>,
}

/// A text in both scripts.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub hans: String,
    pub hant: String,
}

/// A short label in both scripts and in English.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Label {
    pub hans: String,
    pub hant: String,
    pub en: String,
}

/// Which Chinese script to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    Hans,
    /// The source as scraped is traditional, so that is the default.
    #[default]
    Hant,
}

/// Language of labels and interface text (the transcript is always Chinese).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Dataset {
    /// The speaker with the id `id`, if there is one.
    pub fn speaker(&self, id: &str) -> Option<&Speaker> {
        self.speakers.iter().find(|speaker| speaker.id == id)
    }
}

/// Where each figure is in [`Dataset::figures`], by id: headlines, chart bars, repeats and
/// series name figures by id, and a dataset may hold tens of thousands of them, so looking
/// each up by scanning the list would make a frame quadratic.
#[derive(Debug, Clone, Default)]
pub struct FigureIds(HashMap<Box<str>, usize>);

impl FigureIds {
    /// The index of every figure of `dataset`; of figures sharing an id, the first.
    pub fn new(dataset: &Dataset) -> Self {
        let mut ids = HashMap::with_capacity(dataset.figures.len());
        for (index, figure) in dataset.figures.iter().enumerate() {
            ids.entry(figure.id.as_str().into()).or_insert(index);
        }
        FigureIds(ids)
    }

    /// The index of the figure named `id`.
    pub fn get(&self, id: &str) -> Option<usize> {
        self.0.get(id).copied()
    }
}

impl Text {
    pub fn get(&self, script: Script) -> &str {
        match script {
            Script::Hans => &self.hans,
            Script::Hant => &self.hant,
        }
    }
}

impl Spans {
    /// The span in the text of `script`.
    pub fn get(&self, script: Script) -> Span {
        match script {
            Script::Hans => self.hans,
            Script::Hant => self.hant,
        }
    }
}

impl Label {
    /// The Chinese form in `script`.
    pub fn zh(&self, script: Script) -> &str {
        match script {
            Script::Hans => &self.hans,
            Script::Hant => &self.hant,
        }
    }

    /// The form for the interface language, in `script` when Chinese; in English, the
    /// Chinese in `script` when no English was written (see [`Label::lacks`]).
    pub fn get(&self, lang: Lang, script: Script) -> &str {
        if self.lacks(lang) || lang == Lang::Zh {
            self.zh(script)
        } else {
            &self.en
        }
    }

    /// The form written for `lang`, an empty English kept empty: a unit's English is empty
    /// where a number needs no unit word (a damaged count, `?650`), so it never falls back.
    pub fn written(&self, lang: Lang, script: Script) -> &str {
        match lang {
            Lang::Zh => self.zh(script),
            Lang::En => &self.en,
        }
    }

    /// Whether `lang` has no form of its own here, so [`Label::get`] gives the Chinese: an
    /// empty `en` means no English was written.
    pub fn lacks(&self, lang: Lang) -> bool {
        lang == Lang::En && self.en.is_empty()
    }
}

/// Where the transcript comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: Label,
    /// The day the conference was held, `YYYY-MM-DD`.
    pub event_date: String,
    /// When the article was published, `YYYY-MM-DD HH:MM` (Beijing time), or `YYYY-MM-DD`
    /// where the source gives no time.
    pub published: String,
    /// Who held the conference (全国总工会新闻中心).
    pub organiser: Label,
    /// The site the article appeared on.
    pub publisher: Label,
    /// The article's source credit (来源).
    pub source_credit: Label,
    /// The article's editors (责编).
    pub editors: Vec<Text>,
    /// The scrape this dataset was built from, relative to the repository root.
    pub raw_file: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Moderator,
    Official,
    Reporter,
}

/// Someone who speaks in the transcript. Reporters are one speaker per outlet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Speaker {
    pub id: String,
    /// As the transcript names them before their words (王利中, 工人日报记者).
    pub name: Label,
    /// Position (研究室主任); for reporters, the outlet.
    pub title: Label,
    pub role: Role,
}

/// A topic: a tab of the dashboard and a filter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub id: String,
    pub label: Label,
    /// One line.
    pub description: Label,
    /// Figure ids shown as cards on the overview, most important first.
    pub headline: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SegmentKind {
    /// The moderator opens and introduces the guests.
    Opening,
    /// A numbered section of the opening statement.
    Statement,
    /// The statement's closing part: the lessons drawn from ten years.
    Lessons,
    /// A reporter's question and its answers.
    Question,
    /// The moderator closes.
    Closing,
}

/// One item of the transcript: what the pager lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Segment {
    pub id: String,
    pub kind: SegmentKind,
    /// For the list of items: a heading, or for a question, a short summary of it.
    pub title: Label,
    /// Theme ids this item touches.
    pub themes: Vec<String>,
    /// Present exactly when `kind` is `question`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<Question>,
    pub paragraphs: Vec<Paragraph>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Speaker id of the reporter.
    pub asked_by: String,
    /// Speaker ids, in the order they answer.
    pub answered_by: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    /// A numbered section heading (一、…).
    Heading,
    /// A numbered sub-section heading ((一)…).
    Subheading,
    Body,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    pub kind: ParagraphKind,
    /// Speaker id: who says this.
    pub speaker: String,
    /// The first paragraph of a speaker's turn: the pager prints the name before it.
    pub turn_start: bool,
    /// The words, without the speaker's name.
    pub text: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    /// 超过, 以上
    Over,
    /// 近
    Nearly,
    /// 约, 左右, 大约
    About,
    /// 多, 余
    MoreThan,
}

/// What a figure counts, derived from its unit; charts never mix two.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Count,
    People,
    PersonTimes,
    Money,
    Percent,
    PercentagePoints,
}

/// The time a figure refers to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Period {
    Year {
        year: u16,
    },
    Range {
        from: u16,
        to: u16,
    },
    Since {
        year: u16,
    },
    /// `date` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    AsOf {
        date: String,
    },
    /// The last `years` years up to the day the figure was stated (近5年来), where the text
    /// names no first year.
    Recent {
        years: u16,
    },
}

/// A half-open range of `char`s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// The same range in each script (the conversion may change lengths).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spans {
    pub hans: Span,
    pub hant: Span,
}

/// Where a figure is printed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Segment id.
    pub segment: String,
    /// Index into the segment's paragraphs.
    pub paragraph: usize,
    /// The figure's raw text within the paragraph.
    pub span: Spans,
    /// The sentence that holds it, within the paragraph.
    pub sentence_span: Spans,
    /// That sentence, verbatim.
    pub sentence: Text,
}

impl Source {
    /// Whether `other` lies in the same sentence of the same paragraph.
    pub fn same_sentence(&self, other: &Self) -> bool {
        self.segment == other.segment
            && self.paragraph == other.paragraph
            && self.sentence_span == other.sentence_span
    }
}

/// A figure the source damaged beyond repair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Damage {
    /// What survives, with `?` for each lost character (`?650`).
    pub surviving: String,
    pub note: Label,
}

/// One quantitative figure as stated in the transcript.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub id: String,
    /// Theme id.
    pub theme: String,
    /// Further theme ids.
    #[serde(default)]
    pub tags: Vec<String>,
    pub label: Label,
    /// As printed, number through unit (`8122.4万件`).
    pub raw: Text,
    /// Parsed from `raw`, multipliers applied (万 = 10^4, 亿 = 10^8); `None` when damaged.
    pub value: Option<f64>,
    /// What follows the number and its multiplier (件, 人次, 元, %).
    pub unit: Label,
    pub measure: Measure,
    pub qualifier: Qualifier,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Speaker id.
    pub speaker: String,
    pub source: Source,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub damaged: Option<Damage>,
    /// Other figures that state the same fact.
    #[serde(default)]
    pub repeats: Vec<String>,
    /// Series id, when the same metric is stated at another date too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    /// Found by the import alone: no person checked its label, theme or period.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub automatic: bool,
}

impl Figure {
    /// Whether the figure belongs to theme `theme`: its main theme or one it is tagged with.
    /// A theme's tab, its counts, the README and `figures --theme` all count by this.
    pub fn in_theme(&self, theme: &str) -> bool {
        self.theme == theme || self.tags.iter().any(|tag| tag == theme)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    pub id: String,
    pub label: Label,
    /// Figure ids, oldest first.
    pub figures: Vec<String>,
}

/// Figures that can honestly share an axis: one unit, comparable periods.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chart {
    pub id: String,
    /// Theme id.
    pub theme: String,
    pub title: Label,
    pub bars: Vec<Bar>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bar {
    /// Figure id.
    pub figure: String,
    /// Short label for the bar.
    pub label: Label,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figure_ids_find_every_figure_and_the_first_of_a_shared_id() {
        let mut dataset: Dataset =
            serde_json::from_str(crate::data::EMBEDDED_JSON).expect("the embedded dataset");
        let ids = FigureIds::new(&dataset);
        for (index, figure) in dataset.figures.iter().enumerate() {
            assert_eq!(ids.get(&figure.id), Some(index));
        }
        assert_eq!(ids.get("no-such-figure"), None);
        let first = dataset.figures[0].clone();
        dataset.figures.push(first.clone());
        assert_eq!(FigureIds::new(&dataset).get(&first.id), Some(0));
    }

    #[test]
    fn english_without_a_form_of_its_own_falls_back_to_the_chosen_script() {
        let label = Label {
            hans: "职工".into(),
            hant: "職工".into(),
            en: String::new(),
        };
        assert!(label.lacks(Lang::En));
        assert!(!label.lacks(Lang::Zh));
        assert_eq!(label.get(Lang::En, Script::Hant), "職工");
        assert_eq!(label.get(Lang::En, Script::Hans), "职工");
        assert_eq!(label.written(Lang::En, Script::Hans), "");
        let written = Label {
            en: "Workers".into(),
            ..label
        };
        assert!(!written.lacks(Lang::En));
        assert_eq!(written.get(Lang::En, Script::Hant), "Workers");
        assert_eq!(written.get(Lang::Zh, Script::Hant), "職工");
    }
}
