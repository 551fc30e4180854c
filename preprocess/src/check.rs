//! The structural checks a dataset must pass before it is written: unique ids, references
//! that resolve, raw texts where their spans say, values that parse back, charts of one unit
//! and one period.

use std::collections::BTreeSet;

use pressdash::data::number::parse_raw;
use pressdash::data::{Dataset, Figure, Period, SegmentKind, Span, Text};

use crate::annotations::ChartEntry;

fn duplicates<'a>(what: &str, ids: impl Iterator<Item = &'a str>, problems: &mut Vec<String>) {
    let mut seen = BTreeSet::new();
    for id in ids {
        if !seen.insert(id) {
            problems.push(format!("{what} id {id} is used twice"));
        }
    }
}

/// `text[span]` in `char`s, if the span fits.
fn slice(text: &str, span: Span) -> Option<String> {
    (span.start <= span.end && span.end <= text.chars().count()).then(|| {
        text.chars()
            .skip(span.start)
            .take(span.end - span.start)
            .collect()
    })
}

struct Known<'a> {
    speakers: BTreeSet<&'a str>,
    themes: BTreeSet<&'a str>,
    figures: BTreeSet<&'a str>,
}

impl<'a> Known<'a> {
    fn new(dataset: &'a Dataset) -> Self {
        Self {
            speakers: dataset.speakers.iter().map(|s| s.id.as_str()).collect(),
            themes: dataset.themes.iter().map(|t| t.id.as_str()).collect(),
            figures: dataset.figures.iter().map(|f| f.id.as_str()).collect(),
        }
    }
}

fn check_segments(dataset: &Dataset, known: &Known, problems: &mut Vec<String>) {
    for segment in &dataset.segments {
        let id = &segment.id;
        for theme in &segment.themes {
            if !known.themes.contains(theme.as_str()) {
                problems.push(format!("segment {id}: unknown theme {theme}"));
            }
        }
        if (segment.kind == SegmentKind::Question) != segment.question.is_some() {
            problems.push(format!(
                "segment {id}: a question record belongs to question segments only"
            ));
        }
        if let Some(question) = &segment.question {
            for speaker in std::iter::once(&question.asked_by).chain(&question.answered_by) {
                if !known.speakers.contains(speaker.as_str()) {
                    problems.push(format!("segment {id}: unknown speaker {speaker}"));
                }
            }
        }
        if segment.paragraphs.is_empty() {
            problems.push(format!("segment {id} has no paragraphs"));
        }
        for (i, paragraph) in segment.paragraphs.iter().enumerate() {
            if !known.speakers.contains(paragraph.speaker.as_str()) {
                problems.push(format!(
                    "segment {id} paragraph {i}: unknown speaker {}",
                    paragraph.speaker
                ));
            }
            if paragraph.text.hans.is_empty() || paragraph.text.hant.is_empty() {
                problems.push(format!("segment {id} paragraph {i} is empty"));
            }
        }
    }
}

/// `texts` at `span` in each script equal `expected`.
fn check_at(
    figure: &Figure,
    what: &str,
    paragraph: &Text,
    spans: [Span; 2],
    expected: &Text,
    problems: &mut Vec<String>,
) {
    for (script, text, span, expected) in [
        ("simplified", &paragraph.hans, spans[0], &expected.hans),
        ("traditional", &paragraph.hant, spans[1], &expected.hant),
    ] {
        if slice(text, span).as_ref() != Some(expected) {
            problems.push(format!(
                "figure {}: the {script} {what} is not at {}..{} of its paragraph",
                figure.id, span.start, span.end
            ));
        }
    }
}

fn check_figure(dataset: &Dataset, figure: &Figure, known: &Known, problems: &mut Vec<String>) {
    let id = &figure.id;
    for theme in std::iter::once(&figure.theme).chain(&figure.tags) {
        if !known.themes.contains(theme.as_str()) {
            problems.push(format!("figure {id}: unknown theme {theme}"));
        }
    }
    if !known.speakers.contains(figure.speaker.as_str()) {
        problems.push(format!("figure {id}: unknown speaker {}", figure.speaker));
    }
    let source = &figure.source;
    match dataset
        .segments
        .iter()
        .find(|segment| segment.id == source.segment)
        .and_then(|segment| segment.paragraphs.get(source.paragraph))
    {
        Some(paragraph) => {
            check_at(
                figure,
                "raw text",
                &paragraph.text,
                [source.span.hans, source.span.hant],
                &figure.raw,
                problems,
            );
            check_at(
                figure,
                "sentence",
                &paragraph.text,
                [source.sentence_span.hans, source.sentence_span.hant],
                &source.sentence,
                problems,
            );
            if paragraph.speaker != figure.speaker {
                problems.push(format!("figure {id}: its speaker is not the paragraph's"));
            }
        }
        None => problems.push(format!(
            "figure {id}: no paragraph {} in segment {}",
            source.paragraph, source.segment
        )),
    }
    for (span, sentence) in [
        (source.span.hans, source.sentence_span.hans),
        (source.span.hant, source.sentence_span.hant),
    ] {
        if span.start < sentence.start || sentence.end < span.end {
            problems.push(format!(
                "figure {id}: its raw text is not inside its sentence"
            ));
        }
    }
    match (figure.value, &figure.damaged) {
        (Some(value), None) => {
            for raw in [&figure.raw.hans, &figure.raw.hant] {
                match parse_raw(raw) {
                    // Both sides are computed by `parse_raw`, so they agree to the bit.
                    Ok(parsed)
                        if parsed.value.to_bits() == value.to_bits()
                            && parsed.measure == figure.measure => {}
                    Ok(parsed) => problems.push(format!(
                        "figure {id}: \"{raw}\" reads as {} ({:?}), not {value} ({:?})",
                        parsed.value, parsed.measure, figure.measure
                    )),
                    Err(error) => problems.push(format!("figure {id}: {error}")),
                }
            }
        }
        (None, Some(_)) => {}
        _ => problems.push(format!(
            "figure {id}: a figure has a value exactly when it is not damaged"
        )),
    }
    for other in &figure.repeats {
        let back = dataset
            .figures
            .iter()
            .find(|f| &f.id == other)
            .is_some_and(|f| f.repeats.contains(id));
        if !back {
            problems.push(format!(
                "figure {id}: repeats {other}, which does not repeat it back"
            ));
        }
    }
    if let Some(series) = &figure.series {
        let listed = dataset
            .series
            .iter()
            .any(|s| &s.id == series && s.figures.contains(id));
        if !listed {
            problems.push(format!("figure {id}: series {series} does not list it"));
        }
    }
}

fn check_charts(dataset: &Dataset, known: &Known, problems: &mut Vec<String>) {
    for chart in &dataset.charts {
        let id = &chart.id;
        if !known.themes.contains(chart.theme.as_str()) {
            problems.push(format!("chart {id}: unknown theme {}", chart.theme));
        }
        if chart.bars.is_empty() {
            problems.push(format!("chart {id} has no bars"));
        }
        let mut units = BTreeSet::new();
        for bar in &chart.bars {
            match dataset.figures.iter().find(|f| f.id == bar.figure) {
                Some(figure) => {
                    units.insert((figure.unit.hans.as_str(), format!("{:?}", figure.measure)));
                }
                None => problems.push(format!("chart {id}: unknown figure {}", bar.figure)),
            }
        }
        if units.len() > 1 {
            problems.push(format!(
                "chart {id} mixes units: {}",
                units
                    .iter()
                    .map(|(unit, _)| if unit.is_empty() { "(none)" } else { unit })
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
}

/// A period as a person names it in a message.
fn period_text(period: Option<&Period>) -> String {
    match period {
        None => "no period".to_owned(),
        Some(Period::Year { year }) => year.to_string(),
        Some(Period::Range { from, to }) => format!("{from}-{to}"),
        Some(Period::Since { year }) => format!("since {year}"),
        Some(Period::AsOf { date }) => format!("as of {date}"),
    }
}

/// A chart's bars must cover one period, or all none: a total over ten years and one over
/// seven cannot honestly share an axis. Different periods may stand side by side only where
/// a chart says why (`periods_differ`), and only for metrics stated at several dates (series),
/// whose change over time is what the chart shows.
pub fn chart_periods(charts: &[ChartEntry], figures: &[Figure]) -> Vec<String> {
    let mut problems = Vec::new();
    for chart in charts {
        let id = &chart.id;
        let bars: Vec<&Figure> = chart
            .bars
            .iter()
            .filter_map(|bar| figures.iter().find(|figure| figure.id == bar.figure))
            .collect();
        let mut periods: Vec<Option<&Period>> = Vec::new();
        for figure in &bars {
            if !periods.contains(&figure.period.as_ref()) {
                periods.push(figure.period.as_ref());
            }
        }
        let listed = || {
            periods
                .iter()
                .map(|period| period_text(*period))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match (chart.periods_differ.as_deref(), periods.len() > 1) {
            (None, true) => problems.push(format!(
                "chart {id}: its bars cover different periods ({}); chart only figures of one \
                 period together, or say why in `periods_differ`",
                listed()
            )),
            (Some(_), false) => problems.push(format!(
                "chart {id}: `periods_differ` is set, but its bars share one period ({}); \
                 remove it",
                listed()
            )),
            (Some(why), true) => {
                if why.trim().is_empty() {
                    problems.push(format!("chart {id}: `periods_differ` must say why"));
                }
                for figure in bars.iter().filter(|figure| figure.series.is_none()) {
                    problems.push(format!(
                        "chart {id}: `periods_differ` allows different periods only for \
                         metrics stated at several dates, but figure {} belongs to no series",
                        figure.id
                    ));
                }
            }
            (None, false) => {}
        }
    }
    problems
}

/// Every problem with the dataset; empty when it is sound.
pub fn problems(dataset: &Dataset) -> Vec<String> {
    let mut problems = Vec::new();
    duplicates(
        "speaker",
        dataset.speakers.iter().map(|s| s.id.as_str()),
        &mut problems,
    );
    duplicates(
        "theme",
        dataset.themes.iter().map(|t| t.id.as_str()),
        &mut problems,
    );
    duplicates(
        "segment",
        dataset.segments.iter().map(|s| s.id.as_str()),
        &mut problems,
    );
    duplicates(
        "figure",
        dataset.figures.iter().map(|f| f.id.as_str()),
        &mut problems,
    );
    duplicates(
        "series",
        dataset.series.iter().map(|s| s.id.as_str()),
        &mut problems,
    );
    duplicates(
        "chart",
        dataset.charts.iter().map(|c| c.id.as_str()),
        &mut problems,
    );
    let known = Known::new(dataset);
    for theme in &dataset.themes {
        for figure in &theme.headline {
            if !known.figures.contains(figure.as_str()) {
                problems.push(format!(
                    "theme {}: unknown headline figure {figure}",
                    theme.id
                ));
            }
        }
    }
    check_segments(dataset, &known, &mut problems);
    for figure in &dataset.figures {
        check_figure(dataset, figure, &known, &mut problems);
    }
    for series in &dataset.series {
        for figure in &series.figures {
            if !known.figures.contains(figure.as_str()) {
                problems.push(format!("series {}: unknown figure {figure}", series.id));
            }
        }
    }
    check_charts(dataset, &known, &mut problems);
    problems
}
