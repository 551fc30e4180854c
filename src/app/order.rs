//! The order of a topic tab's list of figures: as said, by value, or by label.

use std::cmp::Ordering;

use crate::app::strings::{self, Phrase};
use crate::data::{Dataset, Figure, Lang, Measure, Script};

/// How a topic tab lists its figures; `r` cycles through them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Order {
    /// In the order the press conference said them.
    #[default]
    AsSaid,
    /// Largest first, within each group of one unit and measure: counts of people are never
    /// ranked against counts of cases or against percentages, nor certificates against
    /// provinces though Chinese counts both with 个. Groups follow one another in the order
    /// they were first said, a rule between two; a figure without a value ends its group.
    ByValue,
    /// By label in the interface's language and script.
    ByLabel,
}

impl Order {
    /// The order after this one.
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            Self::AsSaid => Self::ByValue,
            Self::ByValue => Self::ByLabel,
            Self::ByLabel => Self::AsSaid,
        }
    }

    /// How the list's title names the order.
    pub fn phrase(self) -> Phrase {
        match self {
            Self::AsSaid => strings::ORDER_AS_SAID,
            Self::ByValue => strings::ORDER_BY_VALUE,
            Self::ByLabel => strings::ORDER_BY_LABEL,
        }
    }

    /// `figures` (indices into `data.figures`, in the order said) in this order, for labels in
    /// `lang` and `script`. The sort is stable: ties keep the order said.
    pub fn arrange(
        self,
        figures: &[usize],
        data: &Dataset,
        lang: Lang,
        script: Script,
    ) -> Vec<usize> {
        let mut arranged = figures.to_vec();
        let figure = |index: usize| &data.figures[index];
        match self {
            Self::AsSaid => {}
            Self::ByValue => {
                // Each group's rank is where it was first said.
                let mut groups: Vec<Group> = Vec::new();
                for &index in figures {
                    let group = group_of(figure(index));
                    if !groups.contains(&group) {
                        groups.push(group);
                    }
                }
                let rank = |f: &Figure| groups.iter().position(|g| *g == group_of(f));
                arranged.sort_by(|&a, &b| {
                    let (a, b) = (figure(a), figure(b));
                    rank(a)
                        .cmp(&rank(b))
                        .then_with(|| descending(a.value, b.value))
                });
            }
            // Each label lowercased once, not at every comparison.
            Self::ByLabel => {
                arranged.sort_by_cached_key(|&index| {
                    figure(index).label.get(lang, script).to_lowercase()
                });
            }
        }
        arranged
    }

    /// For each of `figures` listed in this order, whether it starts a group after another:
    /// by value, where the unit or the measure changes; in the other orders, never.
    pub fn group_starts(self, figures: &[&Figure]) -> Vec<bool> {
        let mut starts = vec![false; figures.len()];
        if self == Self::ByValue {
            for (at, pair) in figures.windows(2).enumerate() {
                starts[at + 1] = group_of(pair[0]) != group_of(pair[1]);
            }
        }
        starts
    }
}

/// What [`Order::ByValue`] ranks within: a unit as the reader reads it and a measure.
type Group<'a> = (&'a str, Measure);

/// A figure's group: its English unit (which names what was counted, where Chinese often has
/// only the counter 个), singular and plural alike; its Chinese unit where it has no English.
fn group_of(figure: &Figure) -> Group<'_> {
    let unit = if figure.unit.en.is_empty() {
        figure.unit.hans.as_str()
    } else {
        figure.unit.en.as_str()
    };
    let singular = unit
        .strip_suffix('s')
        .filter(|s| s.len() > 2)
        .unwrap_or(unit);
    (singular, figure.measure)
}

/// Larger values first; a missing or unordered value after every number.
fn descending(a: Option<f64>, b: Option<f64>) -> Ordering {
    let number = |v: Option<f64>| v.filter(|v| !v.is_nan());
    match (number(a), number(b)) {
        (Some(a), Some(b)) => b.total_cmp(&a),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::fixture;

    fn of_theme(data: &Dataset, theme: &str) -> Vec<usize> {
        (0..data.figures.len())
            .filter(|&f| data.figures[f].in_theme(theme))
            .collect()
    }

    #[test]
    fn the_orders_cycle_back_to_as_said() {
        let order = Order::AsSaid.next().next().next();
        assert_eq!(order, Order::AsSaid);
        assert_eq!(Order::AsSaid.next(), Order::ByValue);
    }

    #[test]
    fn by_value_ranks_within_a_unit_and_measure_and_keeps_groups_apart() {
        let data = fixture::dataset();
        // The fixture's rights theme has people, money, and counts with a damaged one.
        let said = of_theme(&data, "rights");
        let arranged = Order::ByValue.arrange(&said, &data, Lang::Zh, Script::Hans);
        let mut sorted_said = said.clone();
        sorted_said.sort_unstable();
        let mut sorted_arranged = arranged.clone();
        sorted_arranged.sort_unstable();
        assert_eq!(sorted_said, sorted_arranged, "the same figures, reordered");
        let group = |i: usize| group_of(&data.figures[i]);
        // Each group is one run, and within it values never rise; a missing value comes last.
        let mut seen = Vec::new();
        for pair in arranged.windows(2) {
            let (a, b) = (&data.figures[pair[0]], &data.figures[pair[1]]);
            if group(pair[0]) == group(pair[1]) {
                match (a.value, b.value) {
                    (Some(a), Some(b)) => assert!(a >= b, "{a} before {b}"),
                    (None, Some(_)) => panic!("a missing value before a number: {}", a.id),
                    _ => {}
                }
            } else {
                seen.push(group(pair[0]));
                assert!(!seen.contains(&group(pair[1])), "group split: {}", b.id);
            }
        }
        // The first group is the unit of the first figure said.
        assert_eq!(group(arranged[0]), group(said[0]));
        // The damaged figure (no value) ends its group.
        let damaged = arranged
            .iter()
            .position(|&f| data.figures[f].damaged.is_some())
            .expect("the damaged figure is listed");
        if let Some(&next) = arranged.get(damaged + 1) {
            assert_ne!(group(next), group(arranged[damaged]));
        }
    }

    #[test]
    fn counts_under_one_chinese_counter_are_grouped_by_what_they_count() {
        let data = fixture::dataset();
        let figure = |unit: (&str, &str)| {
            let mut f = data.figures[0].clone();
            f.unit.hans = unit.0.into();
            f.unit.en = unit.1.into();
            f.measure = Measure::Count;
            f
        };
        let (certificates, provinces) =
            (figure(("个", "certificates")), figure(("个", "provinces")));
        assert_ne!(group_of(&certificates), group_of(&provinces));
        assert_eq!(
            group_of(&figure(("项", "awards"))),
            group_of(&figure(("项", "award")))
        );
        assert_eq!(
            group_of(&figure(("人", "people"))),
            group_of(&figure(("名", "people")))
        );
        // A unit without English is grouped by its Chinese.
        assert_ne!(group_of(&figure(("个", ""))), group_of(&figure(("件", ""))));
        let listed = [&certificates, &certificates, &provinces];
        assert_eq!(Order::ByValue.group_starts(&listed), [false, false, true]);
        assert_eq!(Order::AsSaid.group_starts(&listed), [false; 3]);
    }

    #[test]
    fn by_label_follows_the_interface_language() {
        let data = fixture::dataset();
        let said = of_theme(&data, "skills");
        let english = Order::ByLabel.arrange(&said, &data, Lang::En, Script::Hans);
        let labels: Vec<String> = english
            .iter()
            .map(|&f| data.figures[f].label.en.to_lowercase())
            .collect();
        assert!(labels.is_sorted(), "{labels:?}");
        let chinese = Order::ByLabel.arrange(&said, &data, Lang::Zh, Script::Hant);
        let labels: Vec<&str> = chinese
            .iter()
            .map(|&f| data.figures[f].label.hant.as_str())
            .collect();
        assert!(labels.is_sorted(), "{labels:?}");
        assert_eq!(
            Order::AsSaid.arrange(&said, &data, Lang::En, Script::Hans),
            said
        );
    }

    #[test]
    fn missing_values_sort_after_numbers_and_ties_keep_their_order() {
        assert_eq!(descending(Some(2.0), Some(1.0)), Ordering::Less);
        assert_eq!(descending(None, Some(1.0)), Ordering::Greater);
        assert_eq!(descending(Some(f64::NAN), Some(1.0)), Ordering::Greater);
        assert_eq!(descending(None, None), Ordering::Equal);
    }
}
