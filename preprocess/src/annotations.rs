//! Reading `data/annotations.toml`: what a person decides (format: `data/ANNOTATIONS.md`).

use pressdash::data::{Label, Measure, Period};
use serde::Deserialize;

use crate::error::Error;
use crate::script;

/// Where the annotations live, relative to the repository root.
pub const ANNOTATIONS_FILE: &str = "data/annotations.toml";

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

/// Parses the annotations.
pub fn parse(text: &str) -> Result<Annotations, Error> {
    toml::from_str(text).map_err(|error| Error::new(format!("{ANNOTATIONS_FILE}: {error}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_entry() {
        let annotations = parse(
            r#"
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
        )
        .unwrap();
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
        let error = parse("[[figure]]\nid = \"x\"\nwhatever = 1\n").unwrap_err();
        assert!(error.to_string().contains(ANNOTATIONS_FILE), "{error}");
    }
}
