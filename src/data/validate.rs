//! Checks that a loaded dataset agrees with itself: unique ids, references that resolve, spans
//! that point at the text they claim, values that match their raw text.
//!
//! [`validate`] collects every problem rather than stopping at the first, and never panics,
//! whatever the dataset holds; each problem names the JSON path of the field at fault, such as
//! `figures[12].source.span.hant`. Most problems are errors, which make a dataset unusable; a
//! warning marks text that is shown differently from what it holds but harms nothing, such as
//! a control character, which every output to a terminal turns into a visible symbol.

use std::collections::HashMap;
use std::fmt;

use super::model::{
    Dataset, Figure, Label, Measure, Paragraph, Period, Role, SCHEMA_VERSION, Script, SegmentKind,
    Span, Text,
};
use super::number::{ParsedNumber, parse_raw};

/// Values parsed back from the raw text must agree within this relative difference.
const VALUE_TOLERANCE: f64 = 1e-9;

/// Whether a problem stops the dataset from being used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The dataset contradicts itself; it is refused.
    Error,
    /// Worth fixing at the source, but the dataset is used as it is.
    Warning,
}

/// One thing wrong with a dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// Where, as a JSON path: `figures[12].source.span.hant`.
    pub path: String,
    /// What is wrong there, as a sentence fragment.
    pub message: String,
}

impl Problem {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// `path: message`, after `warning: ` for a warning.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.severity == Severity::Warning {
            f.write_str("warning: ")?;
        }
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// How many problems a validation keeps with their paths and messages. A hostile file can
/// hold millions (a list of millions of unknown ids); beyond these only the counts grow, so
/// memory stays bounded by the dataset's own size.
pub const MAX_KEPT_PROBLEMS: usize = 1000;

/// What validating a dataset found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validation {
    /// The first [`MAX_KEPT_PROBLEMS`] problems, in the order of the dataset's fields.
    pub problems: Vec<Problem>,
    /// All the errors found, kept or not.
    pub errors: usize,
    /// All the warnings found, kept or not.
    pub warnings: usize,
}

impl Validation {
    /// Whether the dataset may be used: it has no error (warnings are allowed).
    pub fn is_usable(&self) -> bool {
        self.errors == 0
    }

    /// How many problems were found but not kept.
    pub fn unlisted(&self) -> usize {
        self.errors + self.warnings - self.problems.len()
    }

    /// Counts `problem`, and keeps it while fewer than [`MAX_KEPT_PROBLEMS`] are kept.
    fn push(&mut self, problem: Problem) {
        match problem.severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
        if self.problems.len() < MAX_KEPT_PROBLEMS {
            self.problems.push(problem);
        }
    }
}

/// Every problem in `dataset`, in the order of its fields; none when it is consistent.
pub fn validate(dataset: &Dataset) -> Validation {
    let mut checker = Checker::new(dataset);
    checker.version();
    checker.meta();
    checker.speakers();
    checker.themes();
    checker.segments();
    checker.figures();
    checker.series();
    checker.charts();
    checker.found
}

const SCRIPTS: [(Script, &str); 2] = [(Script::Hans, "hans"), (Script::Hant, "hant")];

/// The kinds of things an id can name.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Speaker,
    Theme,
    Segment,
    Figure,
    Series,
}

impl Kind {
    fn noun(self) -> &'static str {
        match self {
            Kind::Speaker => "speaker",
            Kind::Theme => "theme",
            Kind::Segment => "segment",
            Kind::Figure => "figure",
            Kind::Series => "series",
        }
    }
}

#[derive(Debug)]
struct Checker<'a> {
    dataset: &'a Dataset,
    speakers: HashMap<&'a str, usize>,
    themes: HashMap<&'a str, usize>,
    segments: HashMap<&'a str, usize>,
    figures: HashMap<&'a str, usize>,
    series: HashMap<&'a str, usize>,
    found: Validation,
    /// Where the chars are in each paragraph some figure points into, by segment, paragraph
    /// and script.
    char_indexes: HashMap<(usize, usize, Script), CharIndex<'a>>,
}

impl<'a> Checker<'a> {
    fn new(dataset: &'a Dataset) -> Self {
        let mut found = Validation::default();
        let d = dataset;
        let speakers = index_ids("speakers", d.speakers.iter().map(|s| &*s.id), &mut found);
        let themes = index_ids("themes", d.themes.iter().map(|t| &*t.id), &mut found);
        let segments = index_ids("segments", d.segments.iter().map(|s| &*s.id), &mut found);
        let figures = index_ids("figures", d.figures.iter().map(|f| &*f.id), &mut found);
        let series = index_ids("series", d.series.iter().map(|s| &*s.id), &mut found);
        // Charts are never referred to, but their ids must still be unique.
        index_ids("charts", d.charts.iter().map(|c| &*c.id), &mut found);
        Checker {
            dataset,
            speakers,
            themes,
            segments,
            figures,
            series,
            found,
            char_indexes: HashMap::new(),
        }
    }

    fn report(&mut self, path: &JsonPath, message: impl Into<String>) {
        self.push(Severity::Error, path, message.into());
    }

    fn warn(&mut self, path: &JsonPath, message: impl Into<String>) {
        self.push(Severity::Warning, path, message.into());
    }

    fn push(&mut self, severity: Severity, path: &JsonPath, message: String) {
        self.found.push(Problem {
            severity,
            path: path.to_string(),
            message,
        });
    }

    /// The index of the `kind` named `id`, reporting a problem at `path` when there is none.
    fn resolve(&mut self, path: &JsonPath, kind: Kind, id: &str) -> Option<usize> {
        let index = match kind {
            Kind::Speaker => &self.speakers,
            Kind::Theme => &self.themes,
            Kind::Segment => &self.segments,
            Kind::Figure => &self.figures,
            Kind::Series => &self.series,
        }
        .get(id)
        .copied();
        if index.is_none() {
            self.report(path, format!("no {} has the id {id:?}", kind.noun()));
        }
        index
    }

    fn resolve_all(&mut self, path: &JsonPath, kind: Kind, ids: &[String]) {
        for (i, id) in ids.iter().enumerate() {
            self.resolve(&path.index(i), kind, id);
        }
    }

    /// Text a reader sees must be non-empty, and should be free of control characters.
    fn text_field(&mut self, path: &JsonPath, value: &str) {
        if value.is_empty() {
            self.report(path, "is empty");
        }
        self.warn_of_controls(path, value);
    }

    /// A control character is shown as a visible symbol (`␛` for ESC) and never reaches the
    /// terminal, so it spoils the text without making the dataset unusable.
    fn warn_of_controls(&mut self, path: &JsonPath, value: &str) {
        if !may_hold_controls(value) {
            return;
        }
        let mut controls = value.chars().enumerate().filter(|(_, c)| c.is_control());
        if let Some((at, c)) = controls.next() {
            let more = controls.count();
            let others = match more {
                0 => String::new(),
                1 => " and 1 more".to_owned(),
                n => format!(" and {n} more"),
            };
            self.warn(
                path,
                format!(
                    "contains the control character U+{:04X} at char {at}{others}, shown as a \
                     visible symbol",
                    u32::from(c)
                ),
            );
        }
    }

    fn text(&mut self, path: &JsonPath, text: &Text) {
        self.text_field(&path.field("hans"), &text.hans);
        self.text_field(&path.field("hant"), &text.hant);
    }

    /// A label's English may be empty: no English was written, and readers in English are
    /// shown the Chinese, marked as such (an importer cannot translate what it finds).
    fn label(&mut self, path: &JsonPath, label: &Label) {
        self.text_field(&path.field("hans"), &label.hans);
        self.text_field(&path.field("hant"), &label.hant);
        self.warn_of_controls(&path.field("en"), &label.en);
    }

    fn version(&mut self) {
        let version = self.dataset.schema_version;
        if version == 0 || version > SCHEMA_VERSION {
            self.report(
                &JsonPath::Root("schema_version"),
                format!("is {version}, but this build reads versions 1 to {SCHEMA_VERSION}"),
            );
        }
    }

    fn meta(&mut self) {
        let meta = &self.dataset.meta;
        let path = JsonPath::Root("meta");
        self.label(&path.field("title"), &meta.title);
        self.date_field(&path.field("event_date"), &meta.event_date, &["YYYY-MM-DD"]);
        self.date_field(
            &path.field("published"),
            &meta.published,
            &["YYYY-MM-DD HH:MM", "YYYY-MM-DD"],
        );
        self.label(&path.field("organiser"), &meta.organiser);
        self.label(&path.field("publisher"), &meta.publisher);
        self.label(&path.field("source_credit"), &meta.source_credit);
        let editors = path.field("editors");
        for (i, editor) in meta.editors.iter().enumerate() {
            self.text(&editors.index(i), editor);
        }
        self.text_field(&path.field("raw_file"), &meta.raw_file);
    }

    /// `forms` spell the accepted forms with capital letters standing for ASCII digits
    /// (`YYYY-MM-DD`).
    fn date_field(&mut self, path: &JsonPath, value: &str, forms: &[&str]) {
        let fits = |form: &&str| {
            value.len() == form.len()
                && value.bytes().zip(form.bytes()).all(|(v, f)| {
                    if f.is_ascii_uppercase() {
                        v.is_ascii_digit()
                    } else {
                        v == f
                    }
                })
        };
        if !forms.iter().any(fits) {
            self.report(
                path,
                format!("is {value:?}, not of the form {}", forms.join(" or ")),
            );
        }
    }

    fn speakers(&mut self) {
        let list = JsonPath::Root("speakers");
        for (i, speaker) in self.dataset.speakers.iter().enumerate() {
            let path = list.index(i);
            self.text_field(&path.field("id"), &speaker.id);
            self.label(&path.field("name"), &speaker.name);
            self.label(&path.field("title"), &speaker.title);
        }
    }

    fn themes(&mut self) {
        let list = JsonPath::Root("themes");
        for (i, theme) in self.dataset.themes.iter().enumerate() {
            let path = list.index(i);
            self.text_field(&path.field("id"), &theme.id);
            self.label(&path.field("label"), &theme.label);
            self.label(&path.field("description"), &theme.description);
            self.resolve_all(&path.field("headline"), Kind::Figure, &theme.headline);
        }
    }

    fn segments(&mut self) {
        let list = JsonPath::Root("segments");
        for (i, segment) in self.dataset.segments.iter().enumerate() {
            let path = list.index(i);
            self.text_field(&path.field("id"), &segment.id);
            self.label(&path.field("title"), &segment.title);
            self.resolve_all(&path.field("themes"), Kind::Theme, &segment.themes);
            let is_question = segment.kind == SegmentKind::Question;
            let question_path = path.field("question");
            match &segment.question {
                Some(question) if is_question => {
                    let asked_path = question_path.field("asked_by");
                    if let Some(asker) =
                        self.resolve(&asked_path, Kind::Speaker, &question.asked_by)
                        && self.dataset.speakers[asker].role != Role::Reporter
                    {
                        self.report(&asked_path, "names a speaker who is not a reporter");
                    }
                    let answered_path = question_path.field("answered_by");
                    if question.answered_by.is_empty() {
                        self.report(&answered_path, "is empty: someone answers every question");
                    }
                    self.resolve_all(&answered_path, Kind::Speaker, &question.answered_by);
                }
                Some(_) => self.report(
                    &question_path,
                    "is present, but only a segment of kind \"question\" has one",
                ),
                None if is_question => self.report(
                    &question_path,
                    "is missing: a segment of kind \"question\" names who asks and who answers",
                ),
                None => {}
            }
            let paragraphs_path = path.field("paragraphs");
            if segment.paragraphs.is_empty() {
                self.report(&paragraphs_path, "is empty");
            }
            let mut previous_speaker: Option<&str> = None;
            for (j, paragraph) in segment.paragraphs.iter().enumerate() {
                self.paragraph(&paragraphs_path.index(j), paragraph, previous_speaker);
                previous_speaker = Some(&paragraph.speaker);
            }
        }
    }

    fn paragraph(
        &mut self,
        path: &JsonPath,
        paragraph: &Paragraph,
        previous_speaker: Option<&str>,
    ) {
        self.resolve(&path.field("speaker"), Kind::Speaker, &paragraph.speaker);
        let speaker_changes = previous_speaker.is_some_and(|p| p != paragraph.speaker);
        if speaker_changes && !paragraph.turn_start {
            self.report(
                &path.field("turn_start"),
                "is false, but the speaker changes here, so a new turn starts",
            );
        }
        self.text(&path.field("text"), &paragraph.text);
    }

    fn figures(&mut self) {
        let list = JsonPath::Root("figures");
        for (i, figure) in self.dataset.figures.iter().enumerate() {
            self.figure(&list.index(i), figure);
        }
    }

    fn figure(&mut self, path: &JsonPath, figure: &Figure) {
        self.text_field(&path.field("id"), &figure.id);
        self.resolve(&path.field("theme"), Kind::Theme, &figure.theme);
        self.resolve_all(&path.field("tags"), Kind::Theme, &figure.tags);
        self.label(&path.field("label"), &figure.label);
        self.text(&path.field("raw"), &figure.raw);
        self.unit(&path.field("unit"), &figure.unit);
        self.resolve(&path.field("speaker"), Kind::Speaker, &figure.speaker);
        if let Some(period) = &figure.period {
            self.period(&path.field("period"), period);
        }
        self.source(&path.field("source"), figure);
        self.damage_and_value(path, figure);
        self.repeats(&path.field("repeats"), figure);
        if let Some(series_id) = &figure.series {
            let series_path = path.field("series");
            if let Some(s) = self.resolve(&series_path, Kind::Series, series_id)
                && !self.dataset.series[s].figures.contains(&figure.id)
            {
                self.report(
                    &series_path,
                    format!("names the series {series_id:?}, which does not list this figure"),
                );
            }
        }
    }

    /// A figure may have no unit (`1.65亿`), but a unit has an English name.
    fn unit(&mut self, path: &JsonPath, unit: &Label) {
        self.warn_of_controls(&path.field("hans"), &unit.hans);
        self.warn_of_controls(&path.field("hant"), &unit.hant);
        self.warn_of_controls(&path.field("en"), &unit.en);
        if unit.en.is_empty() && !(unit.hans.is_empty() && unit.hant.is_empty()) {
            self.report(
                &path.field("en"),
                "is empty, but the unit has a Chinese form",
            );
        }
    }

    fn period(&mut self, path: &JsonPath, period: &Period) {
        match period {
            Period::Range { from, to } if from > to => {
                self.report(path, format!("runs from {from} to the earlier year {to}"));
            }
            Period::Recent { years: 0 } => {
                self.report(
                    &path.field("years"),
                    "is 0; a recent period lasts a year or more",
                );
            }
            Period::AsOf { date } => {
                self.date_field(
                    &path.field("date"),
                    date,
                    &["YYYY", "YYYY-MM", "YYYY-MM-DD"],
                );
            }
            _ => {}
        }
    }

    /// The paragraph the figure points to must hold its raw text at its span, and its
    /// sentence at the sentence span, in both scripts.
    fn source(&mut self, path: &JsonPath, figure: &Figure) {
        let source = &figure.source;
        let sentence_path = path.field("sentence");
        self.text(&sentence_path, &source.sentence);
        let Some(s) = self.resolve(&path.field("segment"), Kind::Segment, &source.segment) else {
            return;
        };
        let segment = &self.dataset.segments[s];
        let paragraph_path = path.field("paragraph");
        let Some(paragraph) = segment.paragraphs.get(source.paragraph) else {
            self.report(
                &paragraph_path,
                format!(
                    "is {}, but the segment {:?} has {} paragraphs",
                    source.paragraph,
                    segment.id,
                    segment.paragraphs.len()
                ),
            );
            return;
        };
        if paragraph.speaker != figure.speaker {
            self.report(
                &paragraph_path,
                format!(
                    "is spoken by {:?}, but the figure's speaker is {:?}",
                    paragraph.speaker, figure.speaker
                ),
            );
        }
        let spans_path = path.field("span");
        let sentence_spans_path = path.field("sentence_span");
        for (script, key) in SCRIPTS {
            let paragraph_text = paragraph.text.get(script);
            let span = source.span.get(script);
            let sentence_span = source.sentence_span.get(script);
            let index = self
                .char_indexes
                .entry((s, source.paragraph, script))
                .or_insert_with(|| CharIndex::new(paragraph_text));
            let [start, end, sentence_start, sentence_end] =
                [span.start, span.end, sentence_span.start, sentence_span.end]
                    .map(|char| index.byte_offset(char));
            let span_path = spans_path.field(key);
            let sentence_span_path = sentence_spans_path.field(key);
            if let Some(found) = self.slice(&span_path, paragraph_text, span, [start, end]) {
                let raw = figure.raw.get(script);
                if found != raw {
                    self.report(
                        &span_path,
                        format!("covers {found:?} in the paragraph, not the raw text {raw:?}"),
                    );
                }
            }
            if let Some(found) = self.slice(
                &sentence_span_path,
                paragraph_text,
                sentence_span,
                [sentence_start, sentence_end],
            ) {
                let sentence = source.sentence.get(script);
                if found != sentence {
                    self.report(
                        &sentence_path.field(key),
                        format!("is {sentence:?}, but the sentence span covers {found:?}"),
                    );
                }
            }
            if span.start < sentence_span.start || span.end > sentence_span.end {
                self.report(
                    &sentence_span_path,
                    format!(
                        "is {}..{}, which does not contain the figure's span {}..{}",
                        sentence_span.start, sentence_span.end, span.start, span.end
                    ),
                );
            }
        }
    }

    /// The chars of `text` in `span`, reporting a problem when the span does not fit;
    /// `bytes` are where its ends are in `text` (see [`CharIndex`]).
    fn slice<'t>(
        &mut self,
        path: &JsonPath,
        text: &'t str,
        span: Span,
        bytes: [Option<usize>; 2],
    ) -> Option<&'t str> {
        if span.start > span.end {
            self.report(
                path,
                format!("starts at char {} after its end {}", span.start, span.end),
            );
            return None;
        }
        // With the start before the end, only the end can be past the text.
        let [Some(start), Some(end)] = bytes else {
            let length = text.chars().count();
            self.report(
                path,
                format!(
                    "ends at char {}, past the paragraph's {length} chars",
                    span.end
                ),
            );
            return None;
        };
        text.get(start..end)
    }

    fn damage_and_value(&mut self, path: &JsonPath, figure: &Figure) {
        match (&figure.damaged, figure.value) {
            (Some(damage), None) => {
                let damaged_path = path.field("damaged");
                let surviving_path = damaged_path.field("surviving");
                self.text_field(&surviving_path, &damage.surviving);
                self.label(&damaged_path.field("note"), &damage.note);
                if !figure.raw.hans.contains(&damage.surviving) {
                    self.report(
                        &surviving_path,
                        format!(
                            "is {:?}, which does not occur in the raw text {:?}",
                            damage.surviving, figure.raw.hans
                        ),
                    );
                }
            }
            (Some(_), Some(value)) => self.report(
                &path.field("value"),
                format!("is {value}, but a damaged figure has none (null)"),
            ),
            (None, None) => self.report(
                &path.field("value"),
                "is missing, but only a figure marked damaged may lack one",
            ),
            (None, Some(value)) => self.parsed_back(path, figure, value),
        }
    }

    /// The value, unit and measure must be what parsing the raw text gives (a figure printed
    /// without a unit may say what its number counts: things, people or person-times), and both
    /// scripts' raw texts must read the same.
    fn parsed_back(&mut self, path: &JsonPath, figure: &Figure, value: f64) {
        let raw_path = path.field("raw");
        let hans = self.parse(&raw_path.field("hans"), &figure.raw.hans);
        let hant = self.parse(&raw_path.field("hant"), &figure.raw.hant);
        if let Some(hans) = &hans {
            if !nearly_equal(value, hans.value) {
                self.report(
                    &path.field("value"),
                    format!(
                        "is {value}, but the raw text {:?} says {}",
                        figure.raw.hans, hans.value
                    ),
                );
            }
            if !measure_fits(hans, figure.measure) {
                self.report(
                    &path.field("measure"),
                    format!(
                        "is {:?}, but the unit {:?} counts {:?}",
                        figure.measure, hans.unit, hans.measure
                    ),
                );
            }
        }
        let unit_path = path.field("unit");
        for (parsed, (script, key)) in [&hans, &hant].into_iter().zip(SCRIPTS) {
            let Some(parsed) = parsed else { continue };
            let unit = figure.unit.zh(script);
            if parsed.unit != unit {
                self.report(
                    &unit_path.field(key),
                    format!(
                        "is {unit:?}, but the raw text {:?} has the unit {:?}",
                        figure.raw.get(script),
                        parsed.unit
                    ),
                );
            }
        }
        if let (Some(hans), Some(hant)) = (&hans, &hant)
            && (!nearly_equal(hans.value, hant.value) || hans.measure != hant.measure)
        {
            self.report(
                &raw_path.field("hant"),
                format!(
                    "reads as {} ({:?}), but the simplified raw text as {} ({:?})",
                    hant.value, hant.measure, hans.value, hans.measure
                ),
            );
        }
    }

    fn parse(&mut self, path: &JsonPath, raw: &str) -> Option<ParsedNumber> {
        match parse_raw(raw) {
            Ok(parsed) => Some(parsed),
            Err(err) => {
                self.report(path, format!("does not parse: {err}"));
                None
            }
        }
    }

    fn repeats(&mut self, path: &JsonPath, figure: &Figure) {
        for (j, other_id) in figure.repeats.iter().enumerate() {
            let repeat_path = path.index(j);
            if *other_id == figure.id {
                self.report(&repeat_path, "names the figure itself");
                continue;
            }
            if let Some(other) = self.resolve(&repeat_path, Kind::Figure, other_id)
                && !self.dataset.figures[other].repeats.contains(&figure.id)
            {
                self.report(
                    &repeat_path,
                    format!("names {other_id:?}, whose repeats do not name this figure back"),
                );
            }
        }
    }

    fn series(&mut self) {
        let list = JsonPath::Root("series");
        for (i, series) in self.dataset.series.iter().enumerate() {
            let path = list.index(i);
            self.text_field(&path.field("id"), &series.id);
            self.label(&path.field("label"), &series.label);
            let figures_path = path.field("figures");
            if series.figures.len() < 2 {
                self.report(
                    &figures_path,
                    "has fewer than two figures; a series states one metric at several dates",
                );
            }
            for (j, figure_id) in series.figures.iter().enumerate() {
                let figure_path = figures_path.index(j);
                if let Some(f) = self.resolve(&figure_path, Kind::Figure, figure_id)
                    && self.dataset.figures[f].series.as_deref() != Some(&series.id)
                {
                    self.report(
                        &figure_path,
                        format!("names {figure_id:?}, whose series is not {:?}", series.id),
                    );
                }
            }
        }
    }

    fn charts(&mut self) {
        let list = JsonPath::Root("charts");
        for (i, chart) in self.dataset.charts.iter().enumerate() {
            let path = list.index(i);
            self.text_field(&path.field("id"), &chart.id);
            self.resolve(&path.field("theme"), Kind::Theme, &chart.theme);
            self.label(&path.field("title"), &chart.title);
            let bars_path = path.field("bars");
            if chart.bars.is_empty() {
                self.report(&bars_path, "is empty");
            }
            // The first resolvable bar sets the unit and measure the others must share.
            let mut axis: Option<&Figure> = None;
            for (j, bar) in chart.bars.iter().enumerate() {
                let bar_path = bars_path.index(j);
                self.label(&bar_path.field("label"), &bar.label);
                let figure_path = bar_path.field("figure");
                let Some(f) = self.resolve(&figure_path, Kind::Figure, &bar.figure) else {
                    continue;
                };
                let figure = &self.dataset.figures[f];
                match axis {
                    None => axis = Some(figure),
                    Some(first)
                        if first.unit.hans != figure.unit.hans
                            || first.measure != figure.measure =>
                    {
                        self.report(
                            &figure_path,
                            format!(
                                "names {:?} in {:?} ({:?}), but the chart's first bar is in \
                                 {:?} ({:?}); one chart shares one axis",
                                figure.id,
                                figure.unit.hans,
                                figure.measure,
                                first.unit.hans,
                                first.measure
                            ),
                        );
                    }
                    Some(_) => {}
                }
            }
        }
    }
}

/// Where a field is, as a JSON path (`figures[12].source.span.hant`). Paths are built on the
/// stack as the checker descends, and written out only for a field with a problem, so checking
/// a clean dataset formats none.
#[derive(Debug, Clone, Copy)]
enum JsonPath<'p> {
    /// A top-level field.
    Root(&'static str),
    Field(&'p JsonPath<'p>, &'static str),
    Index(&'p JsonPath<'p>, usize),
}

impl JsonPath<'_> {
    fn field(&self, name: &'static str) -> JsonPath<'_> {
        JsonPath::Field(self, name)
    }

    fn index(&self, index: usize) -> JsonPath<'_> {
        JsonPath::Index(self, index)
    }
}

impl fmt::Display for JsonPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonPath::Root(name) => f.write_str(name),
            JsonPath::Field(parent, name) => write!(f, "{parent}.{name}"),
            JsonPath::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

/// Where chars are in a text, by bytes: the byte offset of every [`CharIndex::STRIDE`]th char,
/// so that finding a char offset walks at most that many chars from a checkpoint. Built once
/// per paragraph and script, it keeps validation linear in the text however many figures
/// point into one paragraph (3,000 figures in a paragraph of 4 million chars took 29 s when
/// each walked from the start).
#[derive(Debug)]
struct CharIndex<'t> {
    text: &'t str,
    checkpoints: Vec<usize>,
    chars: usize,
}

impl<'t> CharIndex<'t> {
    const STRIDE: usize = 256;

    fn new(text: &'t str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / Self::STRIDE + 1);
        let mut chars = 0;
        for (byte, _) in text.char_indices() {
            if chars % Self::STRIDE == 0 {
                checkpoints.push(byte);
            }
            chars += 1;
        }
        CharIndex {
            text,
            checkpoints,
            chars,
        }
    }

    /// The byte offset of char offset `char` (the text's length for its end), `None` past it.
    fn byte_offset(&self, char: usize) -> Option<usize> {
        if char >= self.chars {
            return (char == self.chars).then_some(self.text.len());
        }
        let checkpoint = self.checkpoints[char / Self::STRIDE];
        self.text[checkpoint..]
            .char_indices()
            .nth(char % Self::STRIDE)
            .map(|(byte, _)| checkpoint + byte)
    }
}

/// Whether `text` may hold a control character (U+0000–U+001F, U+007F–U+009F): false only
/// when it surely holds none. A byte scan, so clean text is not decoded char by char; in
/// UTF-8, U+0080–U+00BF start with the byte 0xC2.
fn may_hold_controls(text: &str) -> bool {
    // Whole chunks without stopping early, so that many bytes are compared at once.
    text.as_bytes().chunks(32).any(|chunk| {
        let suspects = chunk.iter().fold(0_u8, |found, &byte| {
            found | u8::from(byte < 0x20) | u8::from(byte == 0x7f) | u8::from(byte == 0xc2)
        });
        suspects != 0
    })
}

/// Maps each id to its first position, reporting later duplicates.
fn index_ids<'a>(
    list: &str,
    ids: impl Iterator<Item = &'a str>,
    found: &mut Validation,
) -> HashMap<&'a str, usize> {
    let mut index = HashMap::new();
    for (i, id) in ids.enumerate() {
        // An empty id is reported with the other empty texts.
        if !id.is_empty() && !is_kebab_case(id) {
            found.push(Problem {
                severity: Severity::Error,
                path: format!("{list}[{i}].id"),
                message: format!(
                    "{id:?} is not a kebab-case id: use lowercase letters a–z and digits, \
                     words joined by single hyphens (`legal-aid`, `q3`)"
                ),
            });
        }
        if let Some(first) = index.get(id) {
            found.push(Problem {
                severity: Severity::Error,
                path: format!("{list}[{i}].id"),
                message: format!("{id:?} is already the id of {list}[{first}]"),
            });
        } else {
            index.insert(id, i);
        }
    }
    index
}

/// `parcels-2021`: ASCII lowercase letters and digits in words joined by single hyphens.
/// Ids end up in file names, URLs and spreadsheet cells, where anything else can act
/// (`=1+1`, a leading `-`).
fn is_kebab_case(id: &str) -> bool {
    id.split('-').all(|word| {
        !word.is_empty()
            && word
                .bytes()
                .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit())
    })
}

/// Whether `measure` is what a figure read as `parsed` may measure: what its unit counts, or,
/// for a number printed without a unit, any count of things, people or person-times, since
/// the sentence names what is counted.
fn measure_fits(parsed: &ParsedNumber, measure: Measure) -> bool {
    parsed.measure == measure
        || (parsed.unit.is_empty()
            && matches!(
                measure,
                Measure::Count | Measure::People | Measure::PersonTimes
            ))
}

fn nearly_equal(a: f64, b: f64) -> bool {
    (a - b).abs() <= VALUE_TOLERANCE * a.abs().max(b.abs())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load::load_str;

    #[test]
    fn ids_must_be_kebab_case() {
        for good in ["q3", "legal-aid", "parcels-2021", "a"] {
            assert!(is_kebab_case(good), "{good}");
        }
        for bad in [
            "=1+1",
            "-x",
            "x-",
            "a--b",
            "Legal-aid",
            "a_b",
            "a b",
            "工会",
            "+1",
            "@x",
        ] {
            assert!(!is_kebab_case(bad), "{bad}");
        }
        let mut dataset = load_str(FIXTURE, "min.json").unwrap();
        dataset.figures[0].id = "=HYPERLINK(x)".to_owned();
        let problems = validate(&dataset).problems;
        assert!(
            problems.iter().any(|p| p.is_error()
                && p.path == "figures[0].id"
                && p.message.contains("kebab-case")),
            "{problems:?}"
        );
    }
    use crate::data::model::{Measure, Question};

    const FIXTURE: &str = include_str!("../../tests/fixtures/min.json");

    // Positions in the fixture that the tests break.
    const WORKERS: usize = 0;
    const PARCELS_2020: usize = 1;
    const PARCELS_2021: usize = 2;
    const MEDALS: usize = 3;
    const WORKERS_ANSWER: usize = 4;
    const INDUSTRIAL: usize = 5;
    const OPENING: usize = 0;
    const QUESTION: usize = 2;

    fn fixture() -> Dataset {
        load_str(FIXTURE, "tests/fixtures/min.json").expect("the fixture loads")
    }

    /// The paths of the problems in the fixture after `break_it` changed it, each an error.
    fn paths_after(break_it: impl FnOnce(&mut Dataset)) -> Vec<String> {
        let mut dataset = fixture();
        break_it(&mut dataset);
        let problems = validate(&dataset).problems;
        assert!(problems.iter().all(Problem::is_error), "{problems:#?}");
        problems.into_iter().map(|p| p.path).collect()
    }

    fn assert_paths(break_it: impl FnOnce(&mut Dataset), expected: &[&str]) {
        assert_eq!(paths_after(break_it), expected);
    }

    #[test]
    fn the_fixture_is_clean() {
        assert_eq!(validate(&fixture()), Validation::default());
    }

    #[test]
    fn millions_of_problems_are_counted_but_only_the_first_kept() {
        let mut dataset = fixture();
        let unknown = MAX_KEPT_PROBLEMS * 3;
        dataset.figures[0].tags = vec!["no-such-theme".to_owned(); unknown];
        let found = validate(&dataset);
        assert_eq!(found.errors, unknown);
        assert_eq!(found.warnings, 0);
        assert_eq!(found.problems.len(), MAX_KEPT_PROBLEMS);
        assert_eq!(found.unlisted(), unknown - MAX_KEPT_PROBLEMS);
        assert_eq!(found.problems[0].path, "figures[0].tags[0]");
        assert!(!found.is_usable());
    }

    #[test]
    fn a_problem_displays_as_path_then_message() {
        let problems = validate(&Dataset {
            schema_version: 9,
            ..fixture()
        })
        .problems;
        assert_eq!(
            problems[0].to_string(),
            "schema_version: is 9, but this build reads versions 1 to 1"
        );
    }

    #[test]
    fn schema_version_must_be_known() {
        assert_paths(|d| d.schema_version = 0, &["schema_version"]);
        assert_paths(
            |d| d.schema_version = SCHEMA_VERSION + 1,
            &["schema_version"],
        );
    }

    #[test]
    fn ids_are_unique_per_kind() {
        assert_paths(
            |d| d.speakers.push(d.speakers[0].clone()),
            &["speakers[3].id"],
        );
        assert_paths(|d| d.themes.push(d.themes[1].clone()), &["themes[2].id"]);
        assert_paths(
            |d| d.segments.push(d.segments[3].clone()),
            &["segments[4].id"],
        );
        assert_paths(
            |d| d.figures.push(d.figures[INDUSTRIAL].clone()),
            &["figures[6].id"],
        );
        assert_paths(|d| d.series.push(d.series[0].clone()), &["series[1].id"]);
        assert_paths(|d| d.charts.push(d.charts[0].clone()), &["charts[1].id"]);
        // The same id for two kinds is fine.
        assert_paths(|d| d.charts[0].id = "workforce".into(), &[]);
    }

    #[test]
    fn figure_references_resolve() {
        assert_paths(
            |d| d.figures[WORKERS].theme = "x".into(),
            &["figures[0].theme"],
        );
        assert_paths(
            |d| d.figures[WORKERS].tags = vec!["x".into()],
            &["figures[0].tags[0]"],
        );
        assert_paths(
            |d| d.figures[WORKERS].speaker = "x".into(),
            &["figures[0].speaker", "figures[0].source.paragraph"],
        );
        assert_paths(
            |d| d.figures[WORKERS].source.segment = "x".into(),
            &["figures[0].source.segment"],
        );
        assert_paths(
            |d| d.figures[WORKERS].source.paragraph = 9,
            &["figures[0].source.paragraph"],
        );
        assert_paths(
            |d| d.figures[WORKERS].repeats[0] = "x".into(),
            &["figures[0].repeats[0]", "figures[4].repeats[0]"],
        );
        assert_paths(
            |d| d.figures[PARCELS_2020].series = Some("x".into()),
            &["figures[1].series", "series[0].figures[0]"],
        );
    }

    #[test]
    fn the_paragraph_of_a_figure_is_spoken_by_its_speaker() {
        assert_paths(
            |d| d.figures[WORKERS].speaker = "zhang-xiaohui".into(),
            &["figures[0].source.paragraph"],
        );
    }

    #[test]
    fn other_references_resolve() {
        assert_paths(
            |d| d.series[0].figures[1] = "x".into(),
            &["figures[2].series", "series[0].figures[1]"],
        );
        assert_paths(|d| d.charts[0].theme = "x".into(), &["charts[0].theme"]);
        assert_paths(
            |d| d.charts[0].bars[1].figure = "x".into(),
            &["charts[0].bars[1].figure"],
        );
        assert_paths(
            |d| d.themes[0].headline[1] = "x".into(),
            &["themes[0].headline[1]"],
        );
        assert_paths(
            |d| d.segments[1].themes[0] = "x".into(),
            &["segments[1].themes[0]"],
        );
        assert_paths(
            |d| d.segments[OPENING].paragraphs[0].speaker = "x".into(),
            &["segments[0].paragraphs[0].speaker"],
        );
    }

    fn question(d: &mut Dataset) -> &mut Question {
        d.segments[QUESTION]
            .question
            .as_mut()
            .expect("the fixture's q1 has a question")
    }

    #[test]
    fn questions_name_a_reporter_and_who_answers() {
        assert_paths(
            |d| question(d).asked_by = "x".into(),
            &["segments[2].question.asked_by"],
        );
        assert_paths(
            |d| question(d).asked_by = "wang-lizhong".into(),
            &["segments[2].question.asked_by"],
        );
        assert_paths(
            |d| question(d).answered_by[0] = "x".into(),
            &["segments[2].question.answered_by[0]"],
        );
        assert_paths(
            |d| question(d).answered_by.clear(),
            &["segments[2].question.answered_by"],
        );
    }

    #[test]
    fn a_question_is_present_exactly_for_question_segments() {
        assert_paths(
            |d| d.segments[QUESTION].question = None,
            &["segments[2].question"],
        );
        assert_paths(
            |d| d.segments[QUESTION].kind = SegmentKind::Statement,
            &["segments[2].question"],
        );
        assert_paths(
            |d| d.segments[OPENING].question = d.segments[QUESTION].question.clone(),
            &["segments[0].question"],
        );
    }

    #[test]
    fn a_new_speaker_starts_a_turn() {
        assert_paths(
            |d| d.segments[QUESTION].paragraphs[1].turn_start = false,
            &["segments[2].paragraphs[1].turn_start"],
        );
    }

    #[test]
    fn spans_stay_inside_the_paragraph() {
        assert_paths(
            |d| d.figures[WORKERS].source.span.hant.end = 1000,
            &[
                "figures[0].source.span.hant",
                "figures[0].source.sentence_span.hant",
            ],
        );
        assert_paths(
            |d| d.figures[WORKERS].source.span.hans = Span { start: 20, end: 19 },
            &["figures[0].source.span.hans"],
        );
        assert_paths(
            |d| {
                d.figures[WORKERS].source.span.hans.end = usize::MAX;
                d.figures[WORKERS].source.sentence_span.hans.end = usize::MAX;
            },
            &[
                "figures[0].source.span.hans",
                "figures[0].source.sentence_span.hans",
            ],
        );
    }

    #[test]
    fn the_raw_text_is_at_its_span_in_each_script() {
        assert_paths(
            |d| {
                let span = &mut d.figures[WORKERS].source.span.hans;
                span.start += 1;
                span.end += 1;
            },
            &["figures[0].source.span.hans"],
        );
        // Offsets count chars: byte offsets into Chinese text point elsewhere.
        assert_paths(
            |d| {
                let figure = &mut d.figures[WORKERS];
                let paragraph = &d.segments[1].paragraphs[1].text.hant;
                let bytes = paragraph
                    .find(&figure.raw.hant)
                    .expect("the raw text is there");
                figure.source.span.hant = Span {
                    start: bytes,
                    end: bytes + figure.raw.hant.len(),
                };
            },
            &[
                "figures[0].source.span.hant",
                "figures[0].source.sentence_span.hant",
            ],
        );
        assert_paths(
            |d| d.figures[WORKERS].raw.hant = "4.02亿人".into(),
            &["figures[0].source.span.hant"],
        );
    }

    #[test]
    fn the_sentence_is_at_its_span_and_holds_the_figure() {
        assert_paths(
            |d| d.figures[WORKERS].source.sentence.hant.push('。'),
            &["figures[0].source.sentence.hant"],
        );
        assert_paths(
            |d| d.figures[WORKERS].source.sentence_span.hans = Span { start: 0, end: 5 },
            &[
                "figures[0].source.sentence.hans",
                "figures[0].source.sentence_span.hans",
            ],
        );
    }

    #[test]
    fn values_units_and_measures_match_the_raw_text() {
        assert_paths(
            |d| d.figures[PARCELS_2020].value = Some(1.0),
            &["figures[1].value"],
        );
        assert_paths(
            |d| d.figures[PARCELS_2020].unit.hans = "个".into(),
            &["figures[1].unit.hans"],
        );
        assert_paths(
            |d| d.figures[PARCELS_2020].measure = Measure::Money,
            &["figures[1].measure"],
        );
        assert_paths(
            |d| d.figures[PARCELS_2020].unit.hant = "個".into(),
            &["figures[1].unit.hant"],
        );
        assert_paths(
            |d| d.figures[PARCELS_2020].unit.en.clear(),
            &["figures[1].unit.en"],
        );
        assert_paths(
            |d| d.figures[PARCELS_2020].raw.hant = "833.7億件".into(),
            &["figures[1].source.span.hant", "figures[1].raw.hant"],
        );
        assert_paths(
            |d| d.figures[PARCELS_2020].raw.hans = "许多件".into(),
            &["figures[1].source.span.hans", "figures[1].raw.hans"],
        );
        // Within the tolerance, a value still matches.
        assert_paths(
            |d| d.figures[PARCELS_2020].value = Some(83_360_000_000.0 * (1.0 + 1e-12)),
            &[],
        );
    }

    #[test]
    fn a_figure_may_have_no_unit() {
        assert_paths(
            |d| {
                let figure = &mut d.figures[INDUSTRIAL];
                figure.raw = Text {
                    hans: "2亿".into(),
                    hant: "2億".into(),
                };
                figure.unit = Label::default();
                figure.measure = Measure::Count;
                figure.source.span.hans.end -= 1;
                figure.source.span.hant.end -= 1;
                // The chart would now mix people with a bare count.
                d.charts[0].bars.pop();
            },
            &[],
        );
    }

    #[test]
    fn a_figure_without_a_unit_says_what_it_counts_but_not_money() {
        let unitless = |d: &mut Dataset, measure: Measure| {
            let figure = &mut d.figures[INDUSTRIAL];
            figure.raw = Text {
                hans: "2亿".into(),
                hant: "2億".into(),
            };
            figure.unit = Label::default();
            figure.measure = measure;
            figure.source.span.hans.end -= 1;
            figure.source.span.hant.end -= 1;
            d.charts[0].bars.pop();
        };
        assert_paths(|d| unitless(d, Measure::PersonTimes), &[]);
        assert_paths(|d| unitless(d, Measure::People), &[]);
        assert_paths(|d| unitless(d, Measure::Money), &["figures[5].measure"]);
    }

    #[test]
    fn only_damaged_figures_lack_a_value() {
        assert_paths(
            |d| d.figures[MEDALS].value = Some(650.0),
            &["figures[3].value"],
        );
        assert_paths(|d| d.figures[MEDALS].damaged = None, &["figures[3].value"]);
        assert_paths(
            |d| {
                if let Some(damage) = &mut d.figures[MEDALS].damaged {
                    damage.surviving = "?651".into();
                }
            },
            &["figures[3].damaged.surviving"],
        );
    }

    #[test]
    fn repeats_name_each_other() {
        assert_paths(
            |d| d.figures[WORKERS_ANSWER].repeats.clear(),
            &["figures[0].repeats[0]"],
        );
        assert_paths(
            |d| d.figures[INDUSTRIAL].repeats = vec!["industrial-workers".into()],
            &["figures[5].repeats[0]"],
        );
    }

    #[test]
    fn a_series_has_at_least_two_figures() {
        assert_paths(
            |d| {
                d.series[0].figures.pop();
            },
            &["figures[2].series", "series[0].figures"],
        );
    }

    #[test]
    fn a_chart_shares_one_unit_and_measure() {
        assert_paths(
            |d| d.charts[0].bars[1].figure = "parcels-2021".into(),
            &["charts[0].bars[1].figure"],
        );
        assert_paths(|d| d.charts[0].bars.clear(), &["charts[0].bars"]);
    }

    #[test]
    fn a_damaged_figure_may_be_charted() {
        assert_paths(
            |d| {
                d.figures[MEDALS].unit = d.figures[PARCELS_2021].unit.clone();
                d.charts[0].bars[0].figure = "parcels-2021".into();
                d.charts[0].bars[1].figure = "medals-since-2012".into();
            },
            &[],
        );
    }

    #[test]
    fn an_empty_english_label_means_none_was_written() {
        assert_paths(
            |d| {
                d.figures[WORKERS].label.en.clear();
                d.speakers[2].title.en.clear();
                d.meta.title.en.clear();
            },
            &[],
        );
    }

    #[test]
    fn texts_are_not_empty() {
        assert_paths(|d| d.meta.title.hant.clear(), &["meta.title.hant"]);
        assert_paths(
            |d| d.segments[OPENING].paragraphs[0].text.hans.clear(),
            &["segments[0].paragraphs[0].text.hans"],
        );
        assert_paths(|d| d.charts[0].id.clear(), &["charts[0].id"]);
    }

    #[test]
    fn control_characters_in_texts_are_warnings() {
        let mut dataset = fixture();
        dataset.segments[OPENING].paragraphs[0]
            .text
            .hans
            .push('\u{7}');
        dataset.speakers[0].name.en = "\u{1b}[31mred\u{1b}[0m".into();
        dataset.figures[PARCELS_2020].unit.en.push('\u{9b}');
        let problems = validate(&dataset).problems;
        assert!(problems.iter().all(|p| !p.is_error()), "{problems:#?}");
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "warning: speakers[0].name.en: contains the control character U+001B at char 0 \
                 and 1 more, shown as a visible symbol",
                "warning: segments[0].paragraphs[0].text.hans: contains the control character \
                 U+0007 at char 13, shown as a visible symbol",
                "warning: figures[1].unit.en: contains the control character U+009B at char 5, \
                 shown as a visible symbol",
            ]
        );
    }

    #[test]
    fn char_offsets_map_to_bytes_across_checkpoints() {
        // 工 and 会 take three bytes each.
        let index = CharIndex::new("工会a会");
        let offsets = [3, 0, 2, 4, 5, 1].map(|char| index.byte_offset(char));
        assert_eq!(
            offsets,
            [Some(7), Some(0), Some(6), Some(10), None, Some(3)]
        );
        assert_eq!(CharIndex::new("").byte_offset(0), Some(0));
        assert_eq!(CharIndex::new("").byte_offset(1), None);
        let long: String = "工a".repeat(CharIndex::STRIDE * 3);
        let index = CharIndex::new(&long);
        for char in [0, 1, 255, 256, 257, 511, 512, 767, 1535, 1536] {
            let expected = long
                .char_indices()
                .map(|(byte, _)| byte)
                .nth(char)
                .or((char == long.chars().count()).then_some(long.len()));
            assert_eq!(index.byte_offset(char), expected, "char {char}");
        }
    }

    #[test]
    fn the_byte_scan_misses_no_control_character() {
        let mut buffer = [0; 4];
        let missed: Vec<char> = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|c| c.is_control() && !may_hold_controls(c.encode_utf8(&mut buffer)))
            .collect();
        assert_eq!(missed, []);
        assert!(!may_hold_controls("工会会员3亿, 300 million members"));
    }

    #[test]
    fn dates_have_their_documented_form() {
        assert_paths(
            |d| d.meta.event_date = "2022/07/29".into(),
            &["meta.event_date"],
        );
        assert_paths(
            |d| d.meta.published = "2022-08-01 4pm".into(),
            &["meta.published"],
        );
        assert_paths(
            |d| {
                d.figures[WORKERS].period = Some(Period::AsOf {
                    date: "Dec 2021".into(),
                });
            },
            &["figures[0].period.date"],
        );
        assert_paths(
            |d| {
                d.figures[WORKERS].period = Some(Period::Range {
                    from: 2022,
                    to: 2012,
                });
            },
            &["figures[0].period"],
        );
        assert_paths(
            |d| d.figures[WORKERS].period = Some(Period::Recent { years: 0 }),
            &["figures[0].period.years"],
        );
    }

    #[test]
    fn every_problem_is_collected() {
        let paths = paths_after(|d| {
            d.schema_version = 0;
            d.figures[WORKERS].theme = "x".into();
            d.charts[0].bars.clear();
            d.speakers[2].title.hans.clear();
        });
        assert_eq!(
            paths,
            [
                "schema_version",
                "speakers[2].title.hans",
                "figures[0].theme",
                "charts[0].bars"
            ]
        );
    }
}
