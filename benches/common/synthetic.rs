//! A dataset many times the size of the real one, built from it in memory, to measure how the
//! dashboard scales with the transcript and the number of figures. Nothing is stored: every
//! benchmark run builds it again, so it always follows the current dataset and model.

use std::fmt;
use std::sync::LazyLock;

use pressdash::data::load::load_embedded;
use pressdash::data::validate::validate;
use pressdash::data::{Chart, Dataset, Figure, Segment, Series};

/// How many copies of the real transcript and figures the large dataset holds.
pub const SCALE: usize = 100;

static REAL: LazyLock<Dataset> =
    LazyLock::new(|| load_embedded().expect("the embedded dataset loads"));
static LARGE: LazyLock<Dataset> = LazyLock::new(|| scaled(&REAL, SCALE));

/// Which dataset a benchmark runs on: a benchmark argument, shown as `1x` or `100x`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// The embedded dataset.
    Real,
    /// [`SCALE`] copies of it.
    Large,
}

impl Size {
    pub const BOTH: [Size; 2] = [Size::Real, Size::Large];

    /// The dataset, built on first use (call it before timing starts).
    pub fn dataset(self) -> &'static Dataset {
        match self {
            Size::Real => &REAL,
            Size::Large => &LARGE,
        }
    }
}

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Size::Real => f.write_str("1x"),
            Size::Large => write!(f, "{SCALE}x"),
        }
    }
}

/// One line per dataset size: segments, paragraphs, figures and transcript characters, so
/// a run's output says what was measured.
pub fn describe() -> String {
    Size::BOTH
        .iter()
        .map(|&size| {
            let data = size.dataset();
            let paragraphs = data
                .segments
                .iter()
                .map(|s| s.paragraphs.len())
                .sum::<usize>();
            format!(
                "dataset {size}: {} segments, {paragraphs} paragraphs, {} figures, \
                 {} transcript chars per script",
                data.segments.len(),
                data.figures.len(),
                transcript_chars(data)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `base` with its segments, figures, series and charts repeated `copies` times, in order.
///
/// The first copy keeps its ids; copy `n` adds `-copyn` to every id it defines and to every
/// reference to one, so each copy refers only to itself and the result stays consistent.
/// Speakers, themes and their headline figures are shared, as they would be in a longer
/// conference.
///
/// # Panics
/// When the result does not validate, listing the problems: the benchmarks would measure
/// something the dashboard never sees.
pub fn scaled(base: &Dataset, copies: usize) -> Dataset {
    let mut large = Dataset {
        segments: Vec::with_capacity(base.segments.len() * copies),
        figures: Vec::with_capacity(base.figures.len() * copies),
        series: Vec::with_capacity(base.series.len() * copies),
        charts: Vec::with_capacity(base.charts.len() * copies),
        ..base.clone()
    };
    for copy in 0..copies {
        let rename = |id: &str| {
            if copy == 0 {
                id.to_owned()
            } else {
                format!("{id}-copy{copy}")
            }
        };
        let rename_all = |ids: &[String]| ids.iter().map(|id| rename(id)).collect::<Vec<_>>();
        large
            .segments
            .extend(base.segments.iter().map(|segment| Segment {
                id: rename(&segment.id),
                ..segment.clone()
            }));
        large.figures.extend(base.figures.iter().map(|figure| {
            let mut figure: Figure = figure.clone();
            figure.id = rename(&figure.id);
            figure.source.segment = rename(&figure.source.segment);
            figure.repeats = rename_all(&figure.repeats);
            figure.series = figure.series.as_deref().map(rename);
            figure
        }));
        large.series.extend(base.series.iter().map(|series| Series {
            id: rename(&series.id),
            figures: rename_all(&series.figures),
            ..series.clone()
        }));
        large.charts.extend(base.charts.iter().map(|chart| {
            let mut chart: Chart = chart.clone();
            chart.id = rename(&chart.id);
            for bar in &mut chart.bars {
                bar.figure = rename(&bar.figure);
            }
            chart
        }));
    }
    let problems = validate(&large).problems;
    assert!(
        problems.is_empty(),
        "the scaled dataset is inconsistent, so its measurements would mean nothing; \
         its first problems:\n{}",
        problems
            .iter()
            .take(10)
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
    large
}

/// Characters of transcript text in one script (traditional, the default).
fn transcript_chars(dataset: &Dataset) -> usize {
    dataset
        .segments
        .iter()
        .flat_map(|segment| &segment.paragraphs)
        .map(|paragraph| paragraph.text.hant.chars().count())
        .sum()
}
