//! The check only the import can make, since it needs the annotations: a chart's bars
//! cover one period unless the chart says why. Everything a dataset must satisfy on its own
//! is `crate::data::validate`'s.

use crate::data::{Figure, Period};

use super::period;

use super::annotations::ChartEntry;

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
                .map(|found| period::words(*found).1)
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
