//! The filter every tab applies: a set of topics and a free text.

use std::collections::BTreeSet;

use crate::data::{Figure, Segment};

/// What the user narrowed the dashboard to. Empty parts do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Theme ids.
    pub topics: BTreeSet<String>,
    /// Matched, case-insensitively, against a figure's labels in both scripts and English,
    /// its raw text and its source sentence.
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

    /// Whether a transcript item passes the topic part (the text part is the pager's search).
    pub fn matches_segment(&self, segment: &Segment) -> bool {
        self.matches_topics(segment.themes.iter())
    }

    fn matches_topics<'a>(&self, mut themes: impl Iterator<Item = &'a String>) -> bool {
        self.topics.is_empty() || themes.any(|t| self.topics.contains(t))
    }

    fn matches_text(&self, figure: &Figure) -> bool {
        let needle = self.text.trim().to_lowercase();
        if needle.is_empty() {
            return true;
        }
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
        .any(|haystack| haystack.to_lowercase().contains(&needle))
    }
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
}
