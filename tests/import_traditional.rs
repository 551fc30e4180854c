//! The traditional text keeps the source's own characters: it differs from the repaired,
//! de-annotated scrape only where the scrape is wrong, at the corrections listed with their
//! reasons in `data/traditional-corrections.toml`.
#![cfg(feature = "import")]

use pressdash::import::annotations;
use pressdash::import::repair::{self, Repairs};
use pressdash::import::source::{self, Given};
use pressdash::import::themes::{self, ThemeTable};
use pressdash::import::{dataset, punctuation, script, transcript};
use serde::Deserialize;

fn read_repository_file(relative: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(relative))
        .unwrap()
}

/// Where the corrections are listed.
const CORRECTIONS_FILE: &str = "data/traditional-corrections.toml";

/// A place where the scrape's traditional text is wrong: its words and the right ones.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Correction {
    source: String,
    traditional: String,
    why: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Corrections {
    correction: Vec<Correction>,
}

fn chars(text: &str) -> Vec<char> {
    text.chars().collect()
}

/// Whether a correction covers `start..end` of the line and its traditional form.
fn covers(
    correction: &Correction,
    source: &[char],
    traditional: &[char],
    start: usize,
    end: usize,
) -> bool {
    let (wrong, right) = (chars(&correction.source), chars(&correction.traditional));
    if wrong.len() != right.len() || wrong.len() < end - start {
        return false;
    }
    let first = end.saturating_sub(wrong.len());
    (first..=start).any(|at| {
        source.get(at..at + wrong.len()) == Some(wrong.as_slice())
            && traditional.get(at..at + right.len()) == Some(right.as_slice())
    })
}

/// The runs of positions where two texts of one length differ, as ranges.
fn differing_runs(a: &[char], b: &[char]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < a.len() {
        if a[i] == b[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < a.len() && a[i] != b[i] {
            i += 1;
        }
        runs.push((start, i));
    }
    runs
}

/// Each paragraph's traditional text beside the same stretch of its cleaned source line (after
/// repair, pinyin stripping and punctuation), with the line's number.
fn paragraphs_beside_source() -> Vec<(usize, Vec<char>, Vec<char>)> {
    let raw = read_repository_file("data/raw/000_d46a46a87dc0840e.txt");
    let repairs =
        Repairs::parse(&read_repository_file("data/repairs.toml"), "repairs.toml").unwrap();
    let annotations = annotations::parse(
        &read_repository_file("data/annotations.toml"),
        "annotations.toml",
    )
    .unwrap();
    let given = Given {
        raw_file: "transcript.txt".to_owned(),
        ..Given::default()
    };
    let table = ThemeTable::parse(themes::BUILT_IN, "themes.toml").unwrap();
    let built = dataset::build(&raw, &repairs, &annotations, &given, &table)
        .unwrap()
        .dataset;
    let read = source::read(
        &raw,
        &repairs,
        &given,
        &annotations.meta,
        &annotations.speakers,
    )
    .unwrap();
    let drafts = transcript::segments(&read.transcript, &read.cast).unwrap();
    let cleaned = repair::clean(&raw, &repairs).unwrap();
    let lines: Vec<&str> = cleaned.split('\n').collect();
    let paragraphs = built
        .segments
        .iter()
        .flat_map(|segment| &segment.paragraphs);
    let drafted = drafts.iter().flat_map(|segment| &segment.paragraphs);
    paragraphs
        .zip(drafted)
        .map(|(paragraph, draft)| {
            assert_eq!(paragraph.text.hans, draft.text);
            let line = punctuation::restore(lines[draft.line - 1].trim());
            let (line, line_hans) = (chars(&line), chars(&script::to_hans(&line)));
            assert_eq!(line.len(), line_hans.len(), "line {}", draft.line);
            let text = chars(&draft.text);
            let at = (0..=line_hans.len() - text.len())
                .find(|&at| line_hans[at..at + text.len()] == *text)
                .unwrap_or_else(|| panic!("line {}: paragraph not found", draft.line));
            let traditional = chars(&paragraph.text.hant);
            assert_eq!(traditional.len(), text.len(), "line {}", draft.line);
            (draft.line, line[at..at + text.len()].to_vec(), traditional)
        })
        .collect()
}

#[test]
fn the_traditional_text_differs_from_the_source_only_at_listed_corrections() {
    let corrections: Corrections = toml::from_str(&read_repository_file(CORRECTIONS_FILE)).unwrap();
    let mut used = vec![0; corrections.correction.len()];
    let mut unlisted = Vec::new();
    for (line, source, traditional) in paragraphs_beside_source() {
        for (start, end) in differing_runs(&source, &traditional) {
            let listed = corrections
                .correction
                .iter()
                .position(|c| covers(c, &source, &traditional, start, end));
            if let Some(c) = listed {
                used[c] += 1;
            } else {
                let (from, to) = (start.saturating_sub(3), (end + 3).min(source.len()));
                unlisted.push(format!(
                    "line {line}: {} → {}",
                    source[from..to].iter().collect::<String>(),
                    traditional[from..to].iter().collect::<String>()
                ));
            }
        }
    }
    assert!(
        unlisted.is_empty(),
        "unlisted changes to the source:\n{}",
        unlisted.join("\n")
    );
    for (correction, used) in corrections.correction.iter().zip(used) {
        assert!(
            used > 0,
            "{} → {} corrects nothing; remove it",
            correction.source,
            correction.traditional
        );
        assert!(
            !correction.why.trim().is_empty(),
            "{} needs a reason",
            correction.source
        );
    }
}

#[test]
fn a_correction_covers_only_a_place_where_both_texts_hold_it() {
    let correction = Correction {
        source: "關系".into(),
        traditional: "關係".into(),
        why: "係 is 'relation'".into(),
    };
    let (source, traditional) = (chars("勞動關系和諧"), chars("勞動關係和諧"));
    assert_eq!(differing_runs(&source, &traditional), [(3, 4)]);
    assert!(covers(&correction, &source, &traditional, 3, 4));
    assert!(!covers(&correction, &source, &chars("勞動關聯和諧"), 3, 4));
    assert!(
        !covers(&correction, &source, &traditional, 1, 4),
        "longer than the correction"
    );
}
