//! How well the import finds what a person would, measured: the scrape imported with neither
//! repairs nor annotations against the curated `data/dataset.json`, and transcripts of other
//! formats (a portal page, a release as text and as a saved web page) against their answer
//! keys. The README quotes the numbers this prints
//! (`cargo test --test import_measure -- --nocapture`).
#![cfg(feature = "import")]

use std::path::Path;

use pressdash::data::{Dataset, Period, Qualifier, Role};
use pressdash::import::annotations::Annotations;
use pressdash::import::dataset;
use pressdash::import::repair::Repairs;
use pressdash::import::source::Given;
use pressdash::import::themes::{self, ThemeTable};
use serde::Deserialize;

fn read(relative: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(relative))
        .unwrap_or_else(|error| panic!("{relative}: {error}"))
}

/// Imports `relative` with neither repairs nor annotations.
fn import_alone(relative: &str) -> Dataset {
    let given = Given {
        raw_file: relative.to_owned(),
        ..Given::default()
    };
    let table = ThemeTable::parse(themes::BUILT_IN, "themes.toml").unwrap();
    dataset::build(
        &read(relative),
        &Repairs::default(),
        &Annotations::default(),
        &given,
        &table,
    )
    .unwrap_or_else(|error| panic!("{relative}: {error}"))
    .dataset
}

/// A figure as the key states it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    segment: String,
    paragraph: usize,
    raw: String,
    value: Option<f64>,
    unit: String,
    qualifier: Qualifier,
    #[serde(default)]
    period: Option<Period>,
}

/// The shares found right, and what was not.
#[derive(Debug, Default)]
struct Score {
    expected: usize,
    reported: usize,
    /// Same value, unit and qualifier.
    same: usize,
    same_period: usize,
    /// Reported figures the key does not have.
    not_figures: usize,
    misses: Vec<String>,
    /// For each expected figure, the reported one paired with it.
    pairs: Vec<Option<usize>>,
}

impl Score {
    fn found(&self) -> f64 {
        self.same as f64 / self.expected as f64
    }

    fn periods(&self) -> f64 {
        self.same_period as f64 / self.expected as f64
    }

    fn wrong(&self) -> f64 {
        self.not_figures as f64 / self.reported.max(1) as f64
    }

    /// The README's row for this score.
    fn row(&self, what: &str) -> String {
        format!(
            "| {what} | {} | {} | {:.1} % | {:.1} % | {:.1} % |",
            self.expected,
            self.reported,
            100.0 * self.found(),
            100.0 * self.periods(),
            100.0 * self.wrong()
        )
    }

    fn assert_thresholds(&self, what: &str) {
        println!(
            "{what}: {} figures expected, {} reported; same value, unit and qualifier {:.1}%; \
             same period {:.1}%; not figures {:.1}%",
            self.expected,
            self.reported,
            100.0 * self.found(),
            100.0 * self.periods(),
            100.0 * self.wrong()
        );
        let misses = self.misses.join("\n");
        assert!(
            self.found() >= 0.9,
            "{what}: found {:.3}\n{misses}",
            self.found()
        );
        assert!(
            self.periods() >= 0.8,
            "{what}: periods {:.3}\n{misses}",
            self.periods()
        );
        assert!(
            self.wrong() <= 0.1,
            "{what}: not figures {:.3}\n{misses}",
            self.wrong()
        );
    }
}

/// Pairs each expected figure with a reported one of its paragraph whose raw text holds it
/// (or is held by it), the nearest first; each reported figure pairs once.
fn score(expected: &[Expected], found: &Dataset) -> Score {
    let mut used = vec![false; found.figures.len()];
    let mut score = Score {
        expected: expected.len(),
        reported: found.figures.len(),
        ..Score::default()
    };
    for want in expected {
        let candidate = found
            .figures
            .iter()
            .enumerate()
            .filter(|(i, f)| {
                !used[*i]
                    && f.source.segment == want.segment
                    && f.source.paragraph == want.paragraph
                    && (f.raw.hans.contains(&want.raw) || want.raw.contains(&f.raw.hans))
            })
            .min_by_key(|(_, f)| f.raw.hans.len().abs_diff(want.raw.len()));
        score.pairs.push(candidate.map(|(i, _)| i));
        let Some((i, got)) = candidate else {
            score
                .misses
                .push(format!("missed {} in {}", want.raw, want.segment));
            continue;
        };
        used[i] = true;
        let same_value = match (got.value, want.value) {
            (Some(a), Some(b)) => (a - b).abs() <= b.abs() * 1e-9,
            (None, None) => true,
            _ => false,
        };
        if same_value && got.unit.hans == want.unit && got.qualifier == want.qualifier {
            score.same += 1;
        } else {
            score.misses.push(format!(
                "{}: {:?} {} {:?}, expected {:?} {} {:?}",
                want.raw,
                got.value,
                got.unit.hans,
                got.qualifier,
                want.value,
                want.unit,
                want.qualifier
            ));
        }
        if got.period == want.period {
            score.same_period += 1;
        } else {
            score.misses.push(format!(
                "{}: period {:?}, expected {:?}",
                want.raw, got.period, want.period
            ));
        }
    }
    score.not_figures = used.iter().filter(|used| !**used).count();
    score
}

/// The curated figures as a key.
fn key_of(curated: &Dataset) -> Vec<Expected> {
    curated
        .figures
        .iter()
        .map(|f| Expected {
            segment: f.source.segment.clone(),
            paragraph: f.source.paragraph,
            raw: f.raw.hans.trim_start_matches('?').to_owned(),
            value: f.value,
            unit: f.unit.hans.clone(),
            qualifier: f.qualifier,
            period: f.period.clone(),
        })
        .collect()
}

/// Who speaks, by name and role, in order; each item with its kind, its paragraphs and, for
/// a question, who asks and who answers, by name.
fn structure(dataset: &Dataset) -> (Vec<(String, Role)>, Vec<String>) {
    let name = |id: &str| {
        dataset
            .speaker(id)
            .map_or_else(String::new, |s| s.name.hans.clone())
    };
    let speakers = dataset
        .speakers
        .iter()
        .map(|s| (s.name.hans.clone(), s.role))
        .collect();
    let items = dataset
        .segments
        .iter()
        .map(|segment| {
            let question = segment.question.as_ref().map_or_else(String::new, |q| {
                let answered: Vec<String> = q.answered_by.iter().map(|id| name(id)).collect();
                format!("{} → {}", name(&q.asked_by), answered.join("、"))
            });
            format!(
                "{} {:?} {} paragraphs {question}",
                segment.id,
                segment.kind,
                segment.paragraphs.len()
            )
        })
        .collect();
    (speakers, items)
}

fn scrape_score() -> Score {
    let curated: Dataset = serde_json::from_str(&read("data/dataset.json")).unwrap();
    let found = import_alone("data/raw/000_d46a46a87dc0840e.txt");
    assert_eq!(structure(&found), structure(&curated));
    assert_eq!(found.segments.len(), 16);
    score(&key_of(&curated), &found)
}

#[test]
fn the_scrape_alone_finds_what_the_curated_dataset_holds() {
    scrape_score().assert_thresholds("the scrape");
}

#[test]
fn the_scrape_alone_links_the_facts_stated_twice() {
    let curated: Dataset = serde_json::from_str(&read("data/dataset.json")).unwrap();
    let found = import_alone("data/raw/000_d46a46a87dc0840e.txt");
    let pairs = score(&key_of(&curated), &found).pairs;
    let index = |id: &str| curated.figures.iter().position(|f| f.id == id);
    let mut links = 0;
    let mut kept = 0;
    for (i, figure) in curated.figures.iter().enumerate() {
        for j in figure
            .repeats
            .iter()
            .filter_map(|id| index(id))
            .filter(|&j| j > i)
        {
            links += 1;
            let linked = pairs[i]
                .zip(pairs[j])
                .is_some_and(|(a, b)| found.figures[a].repeats.contains(&found.figures[b].id));
            kept += usize::from(linked);
        }
    }
    println!("repeats: {kept} of the curated {links} links found");
    assert!(kept * 10 >= links * 8, "{kept} of {links} repeat links");
}

/// An answer key: the speakers and items expected, and every figure.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AnswerKey {
    title: String,
    event_date: String,
    speakers: Vec<(String, Role)>,
    items: Vec<String>,
    #[serde(rename = "figure")]
    figures: Vec<Expected>,
}

fn against_key(transcript: &str, key: &str) -> Score {
    let key: AnswerKey = toml::from_str(&read(key)).unwrap_or_else(|error| panic!("{error}"));
    let found = import_alone(transcript);
    assert_eq!(found.meta.title.hans, key.title);
    assert_eq!(found.meta.event_date, key.event_date);
    let (speakers, items) = structure(&found);
    assert_eq!(speakers, key.speakers);
    assert_eq!(items, key.items);
    score(&key.figures, &found)
}

const PORTAL: (&str, &str) = (
    "tests/transcripts/portal-hant.txt",
    "tests/transcripts/portal-hant.key.toml",
);
const RELEASE: (&str, &str) = (
    "tests/transcripts/release-hans.txt",
    "tests/transcripts/release-hans.key.toml",
);

#[test]
fn a_portal_page_in_traditional_characters_with_pinyin() {
    against_key(PORTAL.0, PORTAL.1).assert_thresholds(PORTAL.0);
}

#[test]
fn a_clean_simplified_release() {
    against_key(RELEASE.0, RELEASE.1).assert_thresholds(RELEASE.0);
}

/// The same release saved as a web page, with navigation, scripts and a footer around it.
const PAGE: (&str, &str) = (
    "tests/transcripts/release-hans.html",
    "tests/transcripts/release-hans.key.toml",
);

#[test]
fn the_release_saved_as_a_web_page() {
    against_key(PAGE.0, PAGE.1).assert_thresholds(PAGE.0);
    let mut page = import_alone(PAGE.0);
    let text = import_alone(RELEASE.0);
    page.meta.raw_file.clone_from(&text.meta.raw_file);
    assert!(page == text, "the page reads other than its text");
}

/// A portal's page saved as it is: a top bar, a breadcrumb, a photo, related headlines,
/// the copyright and the editors around the transcript, in the page's own class names.
const PORTAL_PAGE: (&str, &str) = (
    "tests/transcripts/portal-page.html",
    "tests/transcripts/portal-page.key.toml",
);

#[test]
fn a_portals_saved_page() {
    against_key(PORTAL_PAGE.0, PORTAL_PAGE.1).assert_thresholds(PORTAL_PAGE.0);
}

/// A ministry's release with the forms portals print: a date line naming its source, a name
/// alone on its line, numerals, comparisons, a hotline, a spokesman who closes.
const MINISTRY: (&str, &str) = (
    "tests/transcripts/transport-hans.txt",
    "tests/transcripts/transport-hans.key.toml",
);

#[test]
fn a_ministrys_release_in_the_portals_forms() {
    against_key(MINISTRY.0, MINISTRY.1).assert_thresholds(MINISTRY.0);
}

#[test]
fn the_readme_quotes_what_is_measured() {
    let expected = [
        "| transcript | figures expected | reported | same value, unit, qualifier | same period | not figures |".to_owned(),
        "|---|---:|---:|---:|---:|---:|".to_owned(),
        scrape_score().row("the scrape, alone"),
        against_key(PORTAL.0, PORTAL.1).row("portal page, traditional"),
        against_key(RELEASE.0, RELEASE.1).row("release, simplified"),
        against_key(PAGE.0, PAGE.1).row("release, saved web page"),
        against_key(PORTAL_PAGE.0, PORTAL_PAGE.1).row("portal page, saved as it is"),
        against_key(MINISTRY.0, MINISTRY.1).row("ministry release, portal forms"),
    ]
    .join("\n");
    let readme = read("README.md");
    let (_, rest) = readme
        .split_once("<!-- import-measured:begin -->")
        .expect("the README's marker");
    let (table, _) = rest
        .split_once("<!-- import-measured:end -->")
        .expect("the end marker");
    assert!(
        table.trim() == expected,
        "README.md's measured import is out of date; replace it with:\n\n{expected}"
    );
}
