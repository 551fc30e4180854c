//! The editorial rules: the words a reader sees around the numbers. A label names what was
//! counted, a unit is the counted noun, two figures are told apart by their labels, a chart's
//! title says what it compares and a chart says which damaged figure of its sentence it leaves
//! out. The rules are written for people in `data/ANNOTATIONS.md`.

use crate::data::number::find_unit;
use crate::data::{Dataset, Figure, Label, Measure};

use super::annotations::Annotations;

/// English units that gloss a Chinese classifier instead of naming what was counted
/// (个 "units", 件 "items", 份 "copies", 家 "establishments", 场次 "sessions").
pub const CLASSIFIER_GLOSSES: [&str; 12] = [
    "unit",
    "units",
    "item",
    "items",
    "copy",
    "copies",
    "establishments",
    "case-times",
    "session",
    "sessions",
    "person-times",
    "times",
];

/// The unit table's English for counters that count anything (个, 件, 项, 家, 场): a
/// reader's general noun, right only until someone names what was counted.
pub const GENERAL_NOUNS: [&str; 6] = [
    "things",
    "organisations",
    "events",
    "occasions",
    "documents",
    "classes",
];

/// Whether `en` glosses the classifier `hans` rather than naming what was counted. A
/// multiple (倍) is "times" in English.
fn is_gloss(hans: &str, en: &str) -> bool {
    CLASSIFIER_GLOSSES.contains(&en) && hans != "倍"
}

/// The English unit of every person-times figure: the unit table's name for 人次 (one person
/// counted once per occasion, so a worker trained twice counts twice; the README explains it).
fn person_times_word() -> &'static str {
    find_unit("人次").map_or("", |unit| unit.en)
}

/// Chinese endings that make a label a clause (something done) rather than a name.
/// (组织 and 服务 are left out: they are nouns too, as in 基层工会组织 and 法律服务.)
const ZH_VERB_ENDINGS: [&str; 22] = [
    "完成", "办理", "培训", "投入", "发放", "实施", "推广", "调处", "筹集", "慰问", "帮扶", "引进",
    "惠及", "覆盖", "提出", "参与", "举办", "开展", "表彰", "命名", "建会", "入会",
];

/// English last words that make a label a clause: participles that need no `-ed` test.
const EN_VERB_ENDINGS: [&str; 12] = [
    "made", "held", "given", "spent", "won", "paid", "run", "done", "taken", "brought", "set",
    "built",
];

/// Whether a Chinese label ends in a verb, before any closing note in brackets
/// (`中国专利奖金奖（全总推荐的职工发明专利所获）` names the award).
fn zh_ends_in_verb(label: &str) -> bool {
    let name = match label.strip_suffix('）') {
        Some(noted) => noted.rsplit_once('（').map_or(noted, |(name, _)| name),
        None => label,
    };
    ZH_VERB_ENDINGS.iter().any(|verb| name.ends_with(verb))
}

/// Whether an English label ends in a verb or participle (`Job fairs held`).
fn en_ends_in_verb(label: &str) -> bool {
    let last = label
        .rsplit(|c: char| c.is_whitespace() || c == ',')
        .find(|word| !word.is_empty())
        .unwrap_or("")
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    (last.ends_with("ed") && last.len() > 4) || EN_VERB_ENDINGS.contains(&last.as_str())
}

/// A problem when a label (of a figure, series, chart or bar) reads as a clause.
fn noun_problem(what: &str, label: &Label) -> Option<String> {
    if zh_ends_in_verb(&label.hans) {
        Some(format!(
            "{what}: the label \"{}\" ends in a verb; name what was counted",
            label.hans
        ))
    } else if en_ends_in_verb(&label.en) {
        Some(format!(
            "{what}: the label \"{}\" ends in a verb; name what was counted",
            label.en
        ))
    } else {
        None
    }
}

/// Units: the counted noun, never a classifier's gloss; singular for one; person-times in the
/// one reader's word; and a measure that matches the unit.
fn units(figures: &[Figure]) -> Vec<String> {
    let mut problems = Vec::new();
    for figure in figures {
        let id = &figure.id;
        let en = figure.unit.en.as_str();
        if is_gloss(&figure.unit.hans, en) {
            problems.push(format!(
                "figure {id}: the English unit \"{en}\" glosses the classifier {}; give `unit`, \
                 the noun for what was counted",
                figure.unit.hans
            ));
        }
        if figure.value == Some(1.0) && en.ends_with('s') {
            problems.push(format!(
                "figure {id}: one of a thing takes the singular, not \"{en}\""
            ));
        }
        let counts_person_times = figure.label.hans.contains("人次");
        if counts_person_times && figure.measure != Measure::PersonTimes {
            problems.push(format!(
                "figure {id}: its label counts 人次, so it measures person_times, not {:?}",
                figure.measure
            ));
        }
        let person_times = person_times_word();
        if (figure.measure == Measure::PersonTimes) != (en == person_times) {
            problems.push(format!(
                "figure {id}: a person-times figure, and only one, has the unit \
                 \"{person_times}\" (it has \"{en}\", measure {:?})",
                figure.measure
            ));
        }
    }
    problems
}

/// Whether two figures may share a label: the same fact stated twice (`repeats`), or one
/// metric of a series at two stated periods.
fn may_share_label(a: &Figure, b: &Figure) -> bool {
    a.repeats.contains(&b.id)
        || (a.series.is_some()
            && a.series == b.series
            && a.period.is_some()
            && b.period.is_some()
            && a.period != b.period)
}

/// Two figures whose labels are equal in any language must say why (see [`may_share_label`]).
fn equal_labels(figures: &[Figure]) -> Vec<String> {
    let mut problems = Vec::new();
    for (i, a) in figures.iter().enumerate() {
        for b in &figures[i + 1..] {
            let same = [
                (&a.label.hans, &b.label.hans),
                (&a.label.hant, &b.label.hant),
                (&a.label.en, &b.label.en),
            ]
            .into_iter()
            .find(|(x, y)| x == y);
            if let Some((label, _)) = same
                && !may_share_label(a, b)
            {
                problems.push(format!(
                    "figures {} and {} share the label \"{label}\"; tell them apart, or link \
                     them with `repeats` (the same fact) or a series (one metric at two \
                     stated periods)",
                    a.id, b.id
                ));
            }
        }
    }
    problems
}

/// Whether a bar's Chinese label is a short form of its figure's: its characters, digits and
/// 年 aside (`第一产业2012`), appear in the figure's label in order.
fn shortens(bar: &str, figure: &str) -> bool {
    let mut rest = figure.chars();
    bar.chars()
        .filter(|c| !c.is_ascii_digit() && *c != '年')
        .all(|c| rest.any(|f| f == c))
}

/// Labels name things; a chart's title says what it compares, not which tab it is on; a bar
/// is labelled with a short form of its figure's label.
fn labels_and_titles(dataset: &Dataset) -> Vec<String> {
    let mut problems: Vec<String> = dataset
        .figures
        .iter()
        .filter_map(|figure| noun_problem(&format!("figure {}", figure.id), &figure.label))
        .chain(
            dataset
                .series
                .iter()
                .filter_map(|series| noun_problem(&format!("series {}", series.id), &series.label)),
        )
        .collect();
    for chart in &dataset.charts {
        let what = format!("chart {}", chart.id);
        problems.extend(noun_problem(&what, &chart.title));
        for bar in &chart.bars {
            problems.extend(noun_problem(
                &format!("{what}, bar {}", bar.figure),
                &bar.label,
            ));
            let figure = dataset
                .figures
                .iter()
                .find(|figure| figure.id == bar.figure);
            if let Some(figure) = figure
                && !shortens(&bar.label.hans, &figure.label.hans)
            {
                problems.push(format!(
                    "{what}, bar {}: the label \"{}\" is no short form of the figure's \"{}\"",
                    bar.figure, bar.label.hans, figure.label.hans
                ));
            }
        }
        for theme in &dataset.themes {
            let (title, name) = (&chart.title, &theme.label);
            if title.hans == name.hans || title.hant == name.hant || title.en == name.en {
                problems.push(format!(
                    "{what}: its title is the name of theme {}; say what the chart compares",
                    theme.id
                ));
            }
        }
    }
    problems
}

/// A chart must show every damaged figure stated in the sentences it charts, or say why not
/// in `leaves_out`; and it leaves out only such figures.
fn damaged_left_out(dataset: &Dataset, annotations: &Annotations) -> Vec<String> {
    let mut problems = Vec::new();
    let find = |id: &str| dataset.figures.iter().find(|figure| figure.id == id);
    for chart in &annotations.charts {
        let bars: Vec<&Figure> = chart
            .bars
            .iter()
            .filter_map(|bar| find(&bar.figure))
            .collect();
        let mut missing: Vec<&Figure> = dataset
            .figures
            .iter()
            .filter(|figure| figure.damaged.is_some())
            .filter(|figure| {
                bars.iter()
                    .any(|bar| bar.source.same_sentence(&figure.source))
            })
            .filter(|figure| !bars.iter().any(|bar| bar.id == figure.id))
            .collect();
        for left_out in &chart.leaves_out {
            let before = missing.len();
            missing.retain(|figure| figure.id != left_out.figure);
            if missing.len() == before {
                problems.push(format!(
                    "chart {}: `leaves_out` names {}, which is no damaged figure of a charted \
                     sentence",
                    chart.id, left_out.figure
                ));
            } else if left_out.why.trim().is_empty() {
                problems.push(format!(
                    "chart {}: `leaves_out` {} must say why",
                    chart.id, left_out.figure
                ));
            }
        }
        for figure in missing {
            problems.push(format!(
                "chart {}: the damaged figure {} is stated in a sentence the chart draws from; \
                 chart it (it is drawn as damaged) or say why in `leaves_out`",
                chart.id, figure.id
            ));
        }
    }
    problems
}

/// Every editorial rule, on what the annotations wrote: the figures a person labelled and
/// the charts they drew. Automatic figures and charts name things in the source's words.
pub fn check(dataset: &Dataset, annotations: &Annotations) -> Vec<String> {
    let mut dataset = dataset.clone();
    dataset.figures.retain(|figure| !figure.automatic);
    dataset
        .charts
        .retain(|chart| annotations.charts.iter().any(|entry| entry.id == chart.id));
    let dataset = &dataset;
    let mut problems = units(&dataset.figures);
    problems.extend(general_units(&dataset.figures, annotations));
    problems.extend(equal_labels(&dataset.figures));
    problems.extend(labels_and_titles(dataset));
    problems.extend(damaged_left_out(dataset, annotations));
    problems
}

/// An annotated figure whose counter counts anything must say what it counted: the table's
/// general noun (things, organisations) is a reader's guess, not an editor's word.
fn general_units(figures: &[Figure], annotations: &Annotations) -> Vec<String> {
    annotations
        .figures
        .iter()
        .filter(|entry| entry.unit.is_none())
        .filter_map(|entry| figures.iter().find(|figure| figure.id == entry.id))
        .filter(|figure| GENERAL_NOUNS.contains(&figure.unit.en.as_str()))
        .map(|figure| {
            format!(
                "figure {}: the unit table's English for {} is only the general noun \"{}\"; \
                 give `unit`, the noun for what was counted",
                figure.id, figure.unit.hans, figure.unit.en
            )
        })
        .collect()
}

/// The same rules on what the import found alone, as notes for `--report`: the automatic
/// figures' labels and units (a general noun such as "things" among them).
pub fn report(dataset: &Dataset) -> Vec<String> {
    let found: Vec<Figure> = dataset
        .figures
        .iter()
        .filter(|figure| figure.automatic)
        .cloned()
        .collect();
    let general = found
        .iter()
        .filter(|figure| GENERAL_NOUNS.contains(&figure.unit.en.as_str()))
        .map(|figure| {
            format!(
                "figure {}: the English unit \"{}\" is only a general noun for {}; give `unit`, \
                 the noun for what was counted",
                figure.id, figure.unit.en, figure.unit.hans
            )
        });
    units(&found)
        .into_iter()
        .chain(general)
        .chain(
            found
                .iter()
                .filter_map(|figure| noun_problem(&format!("figure {}", figure.id), &figure.label)),
        )
        .map(|problem| format!("{problem} (an automatic figure: a note, not an error)"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn automatic_figures_are_held_to_the_rules_in_the_report() {
        let mut dataset: Dataset =
            serde_json::from_str(include_str!("../../data/dataset.json")).unwrap();
        assert!(
            report(&dataset).is_empty(),
            "annotated figures are checked, not noted"
        );
        let figure = &mut dataset.figures[0];
        figure.automatic = true;
        figure.label.hans = "全总直接培训".to_owned();
        figure.unit.en = "things".to_owned();
        let notes = report(&dataset).join("\n");
        assert!(notes.contains("ends in a verb"), "{notes}");
        assert!(notes.contains("only a general noun"), "{notes}");
    }

    #[test]
    fn the_unit_tables_english_names_what_was_counted() {
        for unit in &crate::data::number::UNITS {
            assert!(
                !is_gloss(unit.hans, unit.en),
                "{}: \"{}\" glosses the classifier",
                unit.hans,
                unit.en
            );
        }
    }

    #[test]
    fn clauses_end_in_verbs_and_names_do_not() {
        assert!(zh_ends_in_verb("总书记重要指示批示办理完成"));
        assert!(zh_ends_in_verb("全总直接培训"));
        assert!(!zh_ends_in_verb("全总直接培训的工会干部人次"));
        assert!(!zh_ends_in_verb(
            "中国专利奖金奖（全总推荐的职工发明专利所获）"
        ));
        assert!(zh_ends_in_verb("办理完成（全部）"));
        assert!(en_ends_in_verb("Job fairs held"));
        assert!(en_ends_in_verb("Trained directly by the ACFTU, handled."));
        assert!(en_ends_in_verb("Suggestions made"));
        assert!(!en_ends_in_verb("Suggestions made by workers"));
        assert!(!en_ends_in_verb("Migrant workers, 2012"));
        assert!(!en_ends_in_verb("Seed"));
    }

    #[test]
    fn a_bar_label_shortens_its_figures_label() {
        assert!(shortens("提出的建议", "职工提出的合理化建议"));
        assert!(shortens("第一产业2012", "第一产业从业人员占比"));
        assert!(shortens("2021年", "农民工总量"));
        assert!(!shortens(
            "获法律服务的农民工",
            "法律服务行动服务农民工人次"
        ));
        assert!(
            !shortens("建议提出", "职工提出的合理化建议"),
            "out of order"
        );
    }

    #[test]
    fn repeats_and_series_at_two_periods_may_share_a_label() {
        use crate::data::Period;
        let dataset: Dataset =
            serde_json::from_str(include_str!("../../data/dataset.json")).unwrap();
        let mut a = dataset.figures[0].clone();
        let mut b = dataset.figures[1].clone();
        (a.repeats, b.repeats, a.series, b.series) = (vec![], vec![], None, None);
        assert!(!may_share_label(&a, &b));
        a.repeats = vec![b.id.clone()];
        assert!(may_share_label(&a, &b));
        a.repeats.clear();
        (a.series, b.series) = (Some("s".into()), Some("s".into()));
        (a.period, b.period) = (Some(Period::Year { year: 2012 }), None);
        assert!(!may_share_label(&a, &b), "a series figure without a period");
        b.period = Some(Period::Year { year: 2021 });
        assert!(may_share_label(&a, &b));
    }
}
