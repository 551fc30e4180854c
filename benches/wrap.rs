//! Wrapping the whole transcript: the line breaker alone, the pager's full layout (cold), its
//! layout before wrapping (lazy), and a resize back to a width the pager has cached.
//!
//! `cargo bench --bench wrap`; one group: `cargo bench --bench wrap -- layout_cold`.

#[path = "common/synthetic.rs"]
mod synthetic;

use std::collections::BTreeSet;
use std::sync::Arc;

use divan::Bencher;
use pressdash::app::layout::PagerRegions;
use pressdash::app::pager::{Pager, PagerContext};
use pressdash::app::transcript;
use pressdash::data::{Dataset, Lang, Script};
use pressdash::text::wrap;
use ratatui::layout::Rect;
use synthetic::Size;

/// Text widths measured, in columns.
const WIDTHS: [usize; 3] = [40, 80, 160];

fn main() {
    println!("{}", synthetic::describe());
    divan::main();
}

/// `text::wrap` over every paragraph in the shown script: the line breaker's share of a
/// layout.
#[divan::bench(consts = WIDTHS, args = Size::BOTH, sample_count = 20)]
fn wrap_paragraphs<const WIDTH: usize>(bencher: Bencher, size: Size) {
    let texts: Vec<&str> = size
        .dataset()
        .segments
        .iter()
        .flat_map(|segment| &segment.paragraphs)
        .map(|paragraph| paragraph.text.get(Script::Hant))
        .collect();
    let bytes: usize = texts.iter().map(|text| text.len()).sum();
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .bench(|| {
            texts
                .iter()
                .map(|text| wrap(text, WIDTH).expect("wide enough").len())
                .sum::<usize>()
        });
}

/// The pager's layout of the whole transcript from nothing: names, sanitising, figure spans
/// and wrapping. This is what a first visit to the Q&A tab, or a new width, costs.
#[divan::bench(consts = WIDTHS, args = Size::BOTH, sample_count = 20)]
fn layout_cold<const WIDTH: usize>(bencher: Bencher, size: Size) {
    let data = size.dataset();
    let segments: Vec<usize> = (0..data.segments.len()).collect();
    bencher
        .bench(|| transcript::layout(data, Script::Hant, WIDTH, &segments).expect("wide enough"));
}

/// The pager's layout before any block is made or wrapped, with the index of figures by
/// paragraph it is made once for: what a first visit to the Q&A tab costs besides the rows
/// in view.
#[divan::bench(consts = WIDTHS, args = Size::BOTH, sample_count = 20)]
fn layout_lazy<const WIDTH: usize>(bencher: Bencher, size: Size) {
    let data = size.dataset();
    let segments: Vec<usize> = (0..data.segments.len()).collect();
    bencher.bench(|| {
        let figures = Arc::new(transcript::FiguresByParagraph::new(data));
        transcript::layout_lazily(data, &figures, Script::Hant, WIDTH, &segments)
            .expect("wide enough")
    });
}

/// A pager area whose text column is `text_width` wide (the items list takes a column
/// from 100 columns on).
fn area_for_text_width(text_width: usize) -> Rect {
    let width = match text_width {
        160 => 202,
        narrow => narrow + 1,
    };
    let area = Rect::new(0, 0, u16::try_from(width).expect("a terminal width"), 40);
    assert_eq!(
        usize::from(PagerRegions::new(area, false).text.width),
        text_width,
        "the pager's regions changed: adjust area_for_text_width"
    );
    area
}

fn context<'a>(data: &'a Dataset, topics: &'a BTreeSet<String>) -> PagerContext<'a> {
    PagerContext {
        data,
        script: Script::Hant,
        lang: Lang::Zh,
        topics,
        text: "",
    }
}

/// Resizing the pager to a width whose layout it has cached; each iteration switches
/// between `WIDTH` and 60 columns, both cached, keeping the same sentence at the top.
#[divan::bench(consts = WIDTHS, args = Size::BOTH)]
fn layout_cached<const WIDTH: usize>(bencher: Bencher, size: Size) {
    let topics = BTreeSet::new();
    let ctx = context(size.dataset(), &topics);
    let areas = [area_for_text_width(WIDTH), area_for_text_width(60)];
    let mut pager = Pager::new();
    for area in areas {
        pager.resize(area, &ctx);
    }
    let mut turn = 0;
    bencher.bench_local(|| {
        turn ^= 1;
        pager.resize(areas[turn], &ctx);
    });
}
