//! Reading an annotations file such as `data/annotations.toml`: what a person decides
//! (format: `data/ANNOTATIONS.md`). Every entry overrides what the import would find alone.

use crate::data::{Label, Measure, Period};
use serde::Deserialize;

use super::error::Error;
use super::script;

/// A label as annotated: simplified and English; the traditional form is derived.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    pub hans: String,
    pub en: String,
}

impl Words {
    pub fn label(&self) -> Label {
        script::label(&self.hans, &self.en)
    }
}

/// The English forms of the metadata the source gives in Chinese.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetaEntry {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub organiser: String,
    #[serde(default)]
    pub publisher: String,
    #[serde(default)]
    pub source_credit: String,
}

/// A speaker's id and English forms, for the speaker the transcript names `name`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpeakerEntry {
    /// As the transcript names them before their words, simplified (王利中, 工人日报记者).
    pub name: String,
    pub id: String,
    pub en: String,
    /// Their position or, for a reporter, the outlet, in English.
    #[serde(default)]
    pub title_en: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeEntry {
    pub id: String,
    pub label: Words,
    pub description: Words,
    #[serde(default)]
    pub headline: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SegmentEntry {
    pub id: String,
    #[serde(default)]
    pub themes: Vec<String>,
    pub title: Words,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DamagedEntry {
    pub surviving: String,
    pub note: Words,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureEntry {
    pub id: String,
    pub theme: String,
    #[serde(default)]
    pub tags: Vec<String>,
    pub label: Words,
    /// The raw text as printed, simplified, number first.
    pub at: String,
    /// Text shortly before `at` that picks one of several occurrences.
    #[serde(default)]
    pub context: Option<String>,
    /// The English unit: the noun for what was counted, plural, or singular for one
    /// (`provinces`, `award`). Without it the unit table's English name is used.
    #[serde(default)]
    pub unit: Option<String>,
    /// What the number measures, for a figure printed without a unit only (`1.65亿` of
    /// 培训人次 is person-times); otherwise the unit decides.
    #[serde(default)]
    pub measure: Option<Measure>,
    #[serde(default)]
    pub period: Option<Period>,
    #[serde(default)]
    pub repeats: Vec<String>,
    #[serde(default)]
    pub series: Option<String>,
    #[serde(default)]
    pub damaged: Option<DamagedEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeriesEntry {
    pub id: String,
    pub label: Words,
    pub figures: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BarEntry {
    pub figure: String,
    pub label: Words,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartEntry {
    pub id: String,
    pub theme: String,
    pub title: Words,
    pub bars: Vec<BarEntry>,
    /// Why bars of different periods may share this chart; only for metrics stated at
    /// several dates (series), whose change over time is what the chart shows.
    #[serde(default)]
    pub periods_differ: Option<String>,
    /// Damaged figures of a charted sentence that the chart does not show, each with why.
    #[serde(default)]
    pub leaves_out: Vec<LeftOutEntry>,
}

/// A figure a chart leaves out, and why.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeftOutEntry {
    pub figure: String,
    pub why: String,
}

/// A number in the text that is no figure, and why.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExcludeEntry {
    pub text: String,
    pub why: String,
}

/// The whole file.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotations {
    #[serde(default)]
    pub meta: MetaEntry,
    #[serde(default, rename = "speaker")]
    pub speakers: Vec<SpeakerEntry>,
    #[serde(default, rename = "theme")]
    pub themes: Vec<ThemeEntry>,
    #[serde(default, rename = "segment")]
    pub segments: Vec<SegmentEntry>,
    #[serde(default, rename = "figure")]
    pub figures: Vec<FigureEntry>,
    #[serde(default, rename = "series")]
    pub series: Vec<SeriesEntry>,
    #[serde(default, rename = "chart")]
    pub charts: Vec<ChartEntry>,
    #[serde(default, rename = "exclude")]
    pub excludes: Vec<ExcludeEntry>,
}

/// Parses the annotations; an error names `file`.
pub fn parse(text: &str, file: &str) -> Result<Annotations, Error> {
    toml::from_str(text).map_err(|error| Error::new(format!("{file}: {error}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_entry() {
        let annotations = parse(
            r#"
            [meta]
            title = "A conference"

            [[speaker]]
            name = "刘伟"
            id = "liu-wei"
            en = "Liu Wei"

            [[theme]]
            id = "skills"
            label = { hans = "技能", en = "Skills" }
            description = { hans = "技能", en = "Skills" }

            [[figure]]
            id = "parcels"
            theme = "skills"
            label = { hans = "快递", en = "Parcels" }
            at = "8122.4万件"
            period = { kind = "range", from = 2013, to = 2020 }

            [[exclude]]
            text = "2012年"
            why = "a year"
            "#,
            "notes.toml",
        )
        .unwrap();
        assert_eq!(annotations.meta.title, "A conference");
        assert_eq!(annotations.speakers[0].id, "liu-wei");
        assert_eq!(annotations.themes[0].label.label().hant, "技能");
        assert_eq!(
            annotations.figures[0].period,
            Some(Period::Range {
                from: 2013,
                to: 2020
            })
        );
        assert_eq!(annotations.excludes[0].text, "2012年");
    }

    #[test]
    fn an_unknown_field_is_an_error_naming_the_file() {
        let error = parse("[[figure]]\nid = \"x\"\nwhatever = 1\n", "notes.toml").unwrap_err();
        assert!(error.to_string().contains("notes.toml"), "{error}");
    }
}
