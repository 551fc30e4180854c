//! Assembling the dataset from the source and the annotations, and writing it.

use crate::data::validate::validate;
use crate::data::{
    Bar, Chart, Dataset, Label, Paragraph, SCHEMA_VERSION, Segment, SegmentKind, Theme,
};

use super::annotations::Annotations;
use super::automatic::{self, Context};
use super::error::Error;
use super::people::{self, Cast};
use super::repair::Repairs;
use super::script::SourceVariants;
use super::source::{self, Given};
use super::themes::ThemeTable;
use super::transcript::{self, DraftSegment};
use super::{check, figures, html, script, style};

/// A list title for a segment the annotations do not title.
fn fallback_title(draft: &DraftSegment, cast: &Cast) -> Label {
    let statement_heading = draft.id.strip_prefix("statement-").and_then(|number| {
        let heading = draft.paragraphs.first()?;
        let (_, words) = heading.text.split_once('、')?;
        Some(script::label(words, &format!("Statement, part {number}")))
    });
    if let Some(title) = statement_heading {
        return title;
    }
    match (&draft.kind, &draft.question) {
        (SegmentKind::Question, Some(question)) => {
            let asker = cast
                .people()
                .iter()
                .find(|person| person.id == question.asked_by);
            // An asker with no English is still a reporter in English.
            let (hans, en) = asker.map_or(("", "a reporter"), |person| {
                let en = person.title_en.as_str();
                (
                    people::outlet(&person.name),
                    if en.is_empty() { "a reporter" } else { en },
                )
            });
            script::label(&format!("{hans}记者提问"), &format!("Question from {en}"))
        }
        (SegmentKind::Opening, _) => script::label("开场", "Opening"),
        (SegmentKind::Lessons, _) => script::label("经验", "Lessons"),
        (SegmentKind::Closing, _) => script::label("结束", "Closing"),
        _ => script::label("介绍", "Introduction"),
    }
}

/// The segments with titles, themes and both scripts, the traditional in the variants the
/// source writes.
fn segments(
    drafts: Vec<DraftSegment>,
    annotations: &Annotations,
    cast: &Cast,
    variants: &SourceVariants,
) -> Result<Vec<Segment>, Error> {
    let unknown: Vec<String> = annotations
        .segments
        .iter()
        .filter(|entry| !drafts.iter().any(|draft| draft.id == entry.id))
        .map(|entry| {
            format!(
                "[[segment]] {} is not a segment of the transcript (known: {})",
                entry.id,
                drafts
                    .iter()
                    .map(|draft| draft.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
        .collect();
    Error::check(unknown)?;
    Ok(drafts
        .into_iter()
        .map(|draft| {
            let entry = annotations
                .segments
                .iter()
                .find(|entry| entry.id == draft.id);
            Segment {
                title: entry
                    .map_or_else(|| fallback_title(&draft, cast), |entry| entry.title.label()),
                themes: entry.map(|entry| entry.themes.clone()).unwrap_or_default(),
                id: draft.id,
                kind: draft.kind,
                question: draft.question,
                paragraphs: draft
                    .paragraphs
                    .into_iter()
                    .map(|paragraph| Paragraph {
                        kind: paragraph.kind,
                        speaker: paragraph.speaker,
                        turn_start: paragraph.turn_start,
                        text: script::source_text(&paragraph.text, variants),
                    })
                    .collect(),
            }
        })
        .collect())
}

/// A dataset built, with what the import was unsure of.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub dataset: Dataset,
    /// Sentences for `--report`, each naming where it is.
    pub report: Vec<String>,
}

/// Builds the dataset and runs every structural check on it.
pub fn build(
    raw: &str,
    repairs: &Repairs,
    annotations: &Annotations,
    given: &Given,
    table: &ThemeTable,
) -> Result<Imported, Error> {
    let page_text;
    let raw = if html::is_html(raw) {
        page_text = html::to_text(raw);
        &page_text
    } else {
        raw
    };
    let source = source::read(
        raw,
        repairs,
        given,
        &annotations.meta,
        &annotations.speakers,
    )?;
    let drafts = transcript::segments(&source.transcript, &source.cast)?;
    let lines: Vec<Vec<usize>> = drafts
        .iter()
        .map(|draft| draft.paragraphs.iter().map(|p| p.line).collect())
        .collect();
    let mut segments = segments(drafts, annotations, &source.cast, &source.variants)?;
    let annotated = figures::build(&segments, annotations)?;
    let context = Context {
        year: source.meta.event_date[..4].parse().unwrap_or_default(),
        month: source.meta.event_date[5..7].parse().unwrap_or(1),
        table,
        offered: (!annotations.themes.is_empty()).then(|| {
            annotations
                .themes
                .iter()
                .map(|theme| theme.id.clone())
                .collect()
        }),
    };
    let found = automatic::figures(&segments, &annotated, &context);
    let mut figures = annotated.figures;
    figures.extend(found.figures);
    let themes = if annotations.themes.is_empty() {
        automatic::themes(table, &figures)
    } else {
        annotations
            .themes
            .iter()
            .map(|theme| Theme {
                id: theme.id.clone(),
                label: theme.label.label(),
                description: theme.description.label(),
                headline: theme.headline.clone(),
            })
            .collect()
    };
    theme_unannotated_segments(&mut segments, annotations, &figures, &themes);
    let automatic_charts = automatic::charts(&figures, &themes);
    let dataset = Dataset {
        schema_version: SCHEMA_VERSION,
        meta: source.meta,
        speakers: source.cast.speakers(),
        themes,
        segments,
        figures,
        series: annotated.series,
        charts: annotations
            .charts
            .iter()
            .map(|chart| Chart {
                id: chart.id.clone(),
                theme: chart.theme.clone(),
                title: chart.title.label(),
                bars: chart
                    .bars
                    .iter()
                    .map(|bar| Bar {
                        figure: bar.figure.clone(),
                        label: bar.label.label(),
                    })
                    .collect(),
            })
            .chain(automatic_charts)
            .collect(),
    };
    let mut problems: Vec<String> = validate(&dataset)
        .problems
        .iter()
        .filter(|problem| problem.is_error())
        .map(
            |problem| match source_line(&problem.path, &dataset, &lines) {
                Some(line) => format!("line {line}: {problem}"),
                None => problem.to_string(),
            },
        )
        .collect();
    problems.extend(check::chart_periods(&annotations.charts, &dataset.figures));
    problems.extend(style::check(&dataset, annotations));
    Error::check(problems)?;
    let mut report: Vec<String> = source
        .dropped
        .iter()
        .map(|line| {
            format!(
                "line {}: dropped, neither metadata nor transcript: {}",
                line.number, line.text
            )
        })
        .collect();
    report.extend(source.damaged.iter().map(|line| {
        format!(
            "line {}: looks garbled (misaligned bytes?), kept as it is; check the figures \
             near: …{}…",
            line.number, line.text
        )
    }));
    report.extend(found.report);
    report.extend(style::report(&dataset));
    Ok(Imported { dataset, report })
}

/// The transcript line a validation problem's path points into, through its paragraph or
/// its figure's paragraph: `segments[2].paragraphs[1].text.hans`, `figures[4].label.hans`.
fn source_line(path: &str, dataset: &Dataset, lines: &[Vec<usize>]) -> Option<usize> {
    let index = |path: &str, field: &str| -> Option<usize> {
        let rest = path.strip_prefix(field)?.strip_prefix('[')?;
        rest[..rest.find(']')?].parse().ok()
    };
    let (segment, paragraph) = if let Some(s) = index(path, "segments") {
        let inner = path.split_once("].")?.1;
        (s, index(inner, "paragraphs")?)
    } else {
        let source = &dataset.figures.get(index(path, "figures")?)?.source;
        let segment = dataset
            .segments
            .iter()
            .position(|segment| segment.id == source.segment)?;
        (segment, source.paragraph)
    };
    lines.get(segment)?.get(paragraph).copied()
}

/// A segment the annotations do not name touches the themes of its figures.
fn theme_unannotated_segments(
    segments: &mut [Segment],
    annotations: &Annotations,
    figures: &[crate::data::Figure],
    themes: &[Theme],
) {
    for segment in segments {
        if annotations
            .segments
            .iter()
            .any(|entry| entry.id == segment.id)
        {
            continue;
        }
        segment.themes = themes
            .iter()
            .filter(|theme| {
                figures
                    .iter()
                    .any(|f| f.source.segment == segment.id && f.in_theme(&theme.id))
            })
            .map(|theme| theme.id.clone())
            .collect();
    }
}

/// The JSON as written: pretty, fields in declaration order, a final newline.
pub fn to_json(dataset: &Dataset) -> Result<String, Error> {
    serde_json::to_string_pretty(dataset)
        .map(|json| json + "\n")
        .map_err(|error| Error::new(format!("cannot write the dataset as JSON: {error}")))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::import::themes::BUILT_IN;

    /// Pieces of transcripts, well formed and broken, for random ones to be made of.
    const PIECES: [&str; 52] = [
        "张某：",
        "[王某]:",
        "记者：",
        "工人日报记者：",
        "主持人：",
        "主持人 李某：",
        "出席嘉宾：",
        "时间：2024-01-02",
        "2022年08月01日16:27",
        ">>",
        "2022年",
        "截至",
        "以来",
        "近5年",
        "十年来",
        "三成",
        "两倍",
        "?650个",
        "8.2万余家",
        "12351",
        "第3",
        "1、",
        "，",
        "。",
        "？",
        "\n",
        "\n",
        "\n",
        "(pinyin)",
        "(gè )",
        "(😅)",
        "<p>",
        "</p>",
        "<html>",
        "a",
        "F",
        "▍",
        "万",
        "亿",
        "%",
        "1,000",
        "16:27",
        "1.2.3",
        "99999999999999999999",
        "同比增长",
        "约",
        "超过",
        "左右",
        "来源：",
        "（责编：甲）",
        "|",
        "回答记者提问",
    ];

    #[test]
    fn a_problem_names_the_transcript_line_of_its_paragraph_or_figure() {
        let raw = "某会\n2024-01-02\n\n张某：大家好。\n今年新增就业1200万人。\n";
        let table = ThemeTable::parse(BUILT_IN, "themes.toml").unwrap();
        let given = Given {
            raw_file: "lines.txt".to_owned(),
            ..Given::default()
        };
        let imported = build(
            raw,
            &Repairs::default(),
            &Annotations::default(),
            &given,
            &table,
        )
        .unwrap();
        let dataset = &imported.dataset;
        let lines = vec![vec![4, 5]];
        assert_eq!(
            source_line("segments[0].paragraphs[1].text.hans", dataset, &lines),
            Some(5)
        );
        assert_eq!(
            source_line("figures[0].label.hans", dataset, &lines),
            Some(5)
        );
        assert_eq!(source_line("meta.title.hans", dataset, &lines), None);
        assert_eq!(
            source_line("segments[3].paragraphs[0]", dataset, &lines),
            None
        );
    }

    #[test]
    fn an_annotation_renumbers_no_automatic_figure() {
        let raw =
            "某会\n2024-01-02\n张某：今年新增就业1200万人，同比增加24万人，培训职工300万人次。\n";
        let table = ThemeTable::parse(BUILT_IN, "themes.toml").unwrap();
        let given = Given {
            raw_file: "ids.txt".to_owned(),
            ..Given::default()
        };
        let ids = |notes: &str| -> Vec<(String, String)> {
            let annotations = crate::import::annotations::parse(notes, "notes.toml").unwrap();
            build(raw, &Repairs::default(), &annotations, &given, &table)
                .unwrap()
                .dataset
                .figures
                .iter()
                .filter(|figure| figure.automatic)
                .map(|figure| (figure.id.clone(), figure.raw.hans.clone()))
                .collect()
        };
        let alone = ids("");
        assert_eq!(alone.len(), 3);
        let claimed = ids("[[figure]]\nid = \"jobs\"\ntheme = \"other\"\n\
             label = { hans = \"新增就业\", en = \"New jobs\" }\nat = \"1200万人\"\n\
             period = { kind = \"year\", year = 2024 }\n\
             [[exclude]]\ntext = \"24万人\"\nwhy = \"a change\"\n");
        assert_eq!(claimed, alone[2..]);
    }

    proptest! {
        #![proptest_config(crate::proptest_config::proptest_config(96))]

        #[test]
        fn any_text_is_imported_or_refused_never_a_panic(
            pieces in proptest::collection::vec(proptest::sample::select(&PIECES[..]), 0..80),
            dated in any::<bool>(),
        ) {
            let raw: String = pieces.concat();
            let table = ThemeTable::parse(BUILT_IN, "themes.toml").unwrap();
            let given = Given {
                raw_file: "random.txt".to_owned(),
                title: None,
                date: dated.then(|| "2024-01-02".to_owned()),
            };
            if let Ok(imported) =
                build(&raw, &Repairs::default(), &Annotations::default(), &given, &table)
            {
                // What is built is what --data accepts.
                prop_assert!(validate(&imported.dataset).is_usable());
            }
        }
    }
}
