//! The filter every tab applies: a set of topics and a free text.

use std::collections::BTreeSet;

use crate::data::{Figure, Segment};

/// What the user narrowed the dashboard to. Empty parts do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Theme ids.
    pub topics: BTreeSet<String>,
    /// Matched, case-insensitively, against a figure's labels in both scripts and English,
    /// its raw text and its source sentence; a transcript item matches when its title (in any
    /// form) or its text (in either script) holds it, or when it holds a matching figure.
    pub text: String,
}

impl Filter {
    pub fn is_active(&self) -> bool {
        !self.topics.is_empty() || !self.text.trim().is_empty()
    }

    pub fn clear(&mut self) {
        self.topics.clear();
        self.text.clear();
    }

    /// Whether a figure passes both parts of the filter. A figure belongs to its theme and to
    /// the themes it is tagged with.
    pub fn matches_figure(&self, figure: &Figure) -> bool {
        self.matches_topics(std::iter::once(&figure.theme).chain(&figure.tags))
            && self.matches_text(figure)
    }

    /// Whether a transcript item passes both parts of the filter; `figures` are the dataset's.
    pub fn matches_segment(&self, segment: &Segment, figures: &[Figure]) -> bool {
        self.matches_topics(segment.themes.iter()) && segment_has_text(segment, figures, &self.text)
    }

    fn matches_topics<'a>(&self, mut themes: impl Iterator<Item = &'a String>) -> bool {
        self.topics.is_empty() || themes.any(|t| self.topics.contains(t))
    }

    fn matches_text(&self, figure: &Figure) -> bool {
        let needle = needle(&self.text);
        needle.is_empty() || figure_has(figure, &needle)
    }
}

/// The filter text as it is matched: trimmed and lowercased.
fn needle(text: &str) -> String {
    text.trim().to_lowercase()
}

/// Whether a figure's labels, raw text or source sentence hold `needle` (lowercased).
fn figure_has(figure: &Figure, needle: &str) -> bool {
    [
        &figure.label.hans,
        &figure.label.hant,
        &figure.label.en,
        &figure.raw.hans,
        &figure.raw.hant,
        &figure.source.sentence.hans,
        &figure.source.sentence.hant,
    ]
    .iter()
    .any(|haystack| haystack.to_lowercase().contains(needle))
}

/// The text part of the filter for a transcript item (see [`Filter::text`]); the pager uses
/// it beside the topics, so its items and the overview's counts agree. An empty text matches.
pub fn segment_has_text(segment: &Segment, figures: &[Figure], text: &str) -> bool {
    let needle = needle(text);
    if needle.is_empty() {
        return true;
    }
    let title = &segment.title;
    let in_words = [&title.hans, &title.hant, &title.en]
        .into_iter()
        .chain(
            segment
                .paragraphs
                .iter()
                .flat_map(|paragraph| [&paragraph.text.hans, &paragraph.text.hant]),
        )
        .any(|haystack| haystack.to_lowercase().contains(&needle));
    in_words
        || figures
            .iter()
            .filter(|figure| figure.source.segment == segment.id)
            .any(|figure| figure_has(figure, &needle))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::fixture;

    #[test]
    fn an_empty_filter_lets_everything_through() {
        let data = fixture::dataset();
        let filter = Filter::default();
        assert!(!filter.is_active());
        assert!(data.figures.iter().all(|f| filter.matches_figure(f)));
    }

    #[test]
    fn text_matches_either_script_english_and_the_sentence() {
        let data = fixture::dataset();
        let express = &data.figures[0];
        for text in ["快递", "快遞", "EXPRESS", "業務量完成"] {
            let filter = Filter {
                text: text.into(),
                ..Filter::default()
            };
            assert!(filter.matches_figure(express), "{text}");
        }
        let filter = Filter {
            text: "no such words".into(),
            ..Filter::default()
        };
        assert!(!filter.matches_figure(express));
    }

    #[test]
    fn topics_match_the_theme_or_a_tag() {
        let data = fixture::dataset();
        let filter = Filter {
            topics: BTreeSet::from(["rights".to_string()]),
            ..Filter::default()
        };
        let themes: Vec<&str> = data
            .figures
            .iter()
            .filter(|f| filter.matches_figure(f))
            .map(|f| f.id.as_str())
            .collect();
        // The tagged skills figure comes along with the rights figures.
        assert_eq!(
            themes,
            ["f-members", "f-courier", "f-medal", "f-fund", "f-unions"]
        );
    }

    #[test]
    fn items_match_by_title_text_either_script_or_a_figure_they_hold() {
        let data = fixture::dataset();
        let items = |text: &str| -> Vec<&str> {
            let filter = Filter {
                text: text.into(),
                ..Filter::default()
            };
            data.segments
                .iter()
                .filter(|s| filter.matches_segment(s, &data.figures))
                .map(|s| s.id.as_str())
                .collect()
        };
        assert_eq!(items("").len(), data.segments.len());
        // Paragraph text, in either script.
        assert_eq!(items("快递小哥"), ["s-q2"]);
        assert_eq!(items("快遞小哥"), ["s-q2"]);
        // The title, in English, whatever the case.
        assert_eq!(items("  OPENING "), ["s-opening"]);
        // Only a figure's English label says "migrant".
        assert_eq!(items("migrant"), ["s-q1"]);
        assert!(items("no such words").is_empty());
        // Topics and text together.
        let both = Filter {
            topics: BTreeSet::from(["rights".to_string()]),
            text: "快递".into(),
        };
        let shown: Vec<&str> = data
            .segments
            .iter()
            .filter(|s| both.matches_segment(s, &data.figures))
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(shown, ["s-statement", "s-q2"]);
    }
}
