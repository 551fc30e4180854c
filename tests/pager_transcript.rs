//! The transcript layout over the real dataset: every width from 2 to 160 in both scripts,
//! the anchor across resizes, and search speed on a transcript a hundred times as long.

use std::collections::BTreeSet;

use pressdash::app::action::Action;
use pressdash::app::pager::{Pager, PagerContext};
use pressdash::app::transcript::{self, ScriptTable, TranscriptLayout};
use pressdash::data::{Dataset, Lang, Script};
use ratatui::layout::Rect;

fn real() -> Dataset {
    serde_json::from_str(pressdash::data::EMBEDDED_JSON).expect("the embedded dataset parses")
}

/// May not start a row (rule 1 of the line-breaking rules).
const NO_START: &str = "，。、；：？！）」』》〉】〕〗〙〛］｝”’…·・%％‰℃°,.;:!?)]}";
/// May not end a row (rule 2).
const NO_END: &str = "（「『《〈【〔〖〘〚［｛“‘([{$￥¥£€";

/// Checks one layout: rows fit, nothing is lost, and rule-breaking row ends are forced.
fn check(laid: &TranscriptLayout) {
    let width = laid.width;
    for (index, block) in laid.blocks.iter().enumerate() {
        let rows = &laid.lines[block.lines.clone()];
        assert!(!rows.is_empty(), "block {index} has rows");
        let mut end = 0;
        for (row_index, row) in rows.iter().enumerate() {
            assert_eq!(row.block, index);
            let range = row.range.clone().expect("a block's rows hold text");
            let text = &block.text[range.clone()];
            assert!(
                row.width <= width,
                "{text:?} is {} > {width} columns",
                row.width
            );
            assert_eq!(row.width, pressdash::text::width(text));
            // Nothing between two rows but the spaces dropped at the break.
            assert!(
                block.text[end..range.start].chars().all(|c| c == ' '),
                "lost text"
            );
            end = range.end;
            if let Some(next) = rows.get(row_index + 1) {
                let next_text = &block.text[next.range.clone().expect("text")];
                if !row.forced {
                    let last = text.trim_end().chars().last().unwrap_or(' ');
                    let first = next_text.chars().next().unwrap_or(' ');
                    assert!(
                        !NO_START.contains(first),
                        "{next_text:?} starts a row at {width}"
                    );
                    assert!(!NO_END.contains(last), "{text:?} ends a row at {width}");
                }
            }
        }
        assert!(block.text[end..].chars().all(|c| c == ' '), "lost the end");
    }
}

/// Every width from 2 to 160 in release builds. Debug builds wrap some thirty times slower,
/// so there every narrow width (where rows are fullest of rules) and a spread of wider ones.
fn widths() -> Vec<usize> {
    if cfg!(debug_assertions) {
        (2..=12).chain((13..=160).step_by(8)).chain([160]).collect()
    } else {
        (2..=160).collect()
    }
}

#[test]
fn layouts_fit_terminals_that_draw_ambiguous_characters_wide() {
    let data = real();
    let all: Vec<usize> = (0..data.segments.len()).collect();
    pressdash::text::set_ambiguous_width(pressdash::text::AmbiguousWidth::Wide);
    for script in [Script::Hans, Script::Hant] {
        for width in widths() {
            let laid = transcript::layout(&data, script, width, &all).expect("wide enough");
            for line in 0..laid.lines.len() {
                let text = laid.line_text(line);
                assert!(
                    unicode_width::UnicodeWidthStr::width_cjk(text) <= width,
                    "{text:?} at {width}"
                );
            }
        }
    }
    pressdash::text::set_ambiguous_width(pressdash::text::AmbiguousWidth::Narrow);
}

#[test]
fn layouts_hold_at_every_width_in_both_scripts() {
    let data = real();
    let all: Vec<usize> = (0..data.segments.len()).collect();
    assert!(all.len() > 10, "the real transcript");
    for script in [Script::Hans, Script::Hant] {
        for width in widths() {
            let laid = transcript::layout(&data, script, width, &all).expect("wide enough");
            check(&laid);
            assert_eq!(laid.items.len(), all.len());
        }
    }
}

#[test]
fn qa_prints_exactly_the_pager_rows() {
    let data = real();
    let all: Vec<usize> = (0..data.segments.len()).collect();
    let laid = transcript::layout(&data, Script::Hant, 37, &all).expect("wide enough");
    let lines = transcript::plain_lines(&data, Script::Hant, 37, None).expect("wide enough");
    assert_eq!(lines.len(), laid.lines.len());
    for (index, line) in lines.iter().enumerate() {
        assert_eq!(line, laid.line_text(index));
    }
    let one = transcript::plain_lines(&data, Script::Hant, 37, Some(9)).expect("an item");
    let item = &laid.items[8];
    let end = laid
        .items
        .get(9)
        .map_or(laid.lines.len(), |next| next.first_line - 1);
    assert_eq!(one, lines[item.first_line..end]);
}

fn ctx<'a>(data: &'a Dataset, topics: &'a BTreeSet<String>, script: Script) -> PagerContext<'a> {
    PagerContext {
        data,
        script,
        lang: Lang::Zh,
        topics,
        text: "",
    }
}

#[test]
fn a_resize_from_120_to_60_and_back_keeps_the_sentence_at_the_top() {
    let data = real();
    let topics = BTreeSet::new();
    let ctx = ctx(&data, &topics, Script::Hant);
    let mut pager = Pager::new();
    pager.resize(Rect::new(0, 0, 120, 30), &ctx);
    for _ in 0..8 {
        pager.apply(Action::NextItem, &ctx);
    }
    for _ in 0..7 {
        pager.apply(Action::Down, &ctx);
    }
    let laid = pager.layout().expect("laid out");
    let top = laid.line_text(pager.top()).to_owned();
    let block = laid.lines[pager.top()].block;
    let paragraph = (laid.blocks[block].segment, laid.blocks[block].paragraph);
    assert!(!top.is_empty());

    pager.resize(Rect::new(0, 0, 60, 30), &ctx);
    let narrow = pager.layout().expect("laid out");
    let narrow_block = &narrow.blocks[narrow.lines[pager.top()].block];
    assert_eq!((narrow_block.segment, narrow_block.paragraph), paragraph);
    let narrow_top = narrow.line_text(pager.top());
    assert!(
        narrow_top.contains(top.chars().next().expect("text")),
        "{narrow_top:?} holds the start of {top:?}"
    );

    pager.resize(Rect::new(0, 0, 120, 30), &ctx);
    assert_eq!(
        pager.layout().expect("laid out").line_text(pager.top()),
        top
    );
}

#[test]
fn open_at_figure_lands_on_the_sentence_of_every_figure() {
    let data = real();
    let topics = BTreeSet::new();
    for script in [Script::Hans, Script::Hant] {
        let ctx = ctx(&data, &topics, script);
        let mut pager = Pager::new();
        pager.resize(Rect::new(0, 0, 80, 24), &ctx);
        let text_rows = 23;
        for figure in &data.figures {
            assert!(pager.open_at_figure(&figure.id, &ctx), "{}", figure.id);
            let laid = pager.layout().expect("laid out");
            let segment = data
                .segments
                .iter()
                .position(|s| s.id == figure.source.segment)
                .expect("a known segment");
            let block_index = laid
                .find_block(segment, Some(figure.source.paragraph))
                .expect("shown");
            let block = &laid.blocks[block_index];
            // The sentence starts on the top row, or in view when the end is reached.
            let sentence = figure.source.sentence.get(script);
            let start = block
                .text
                .find(sentence)
                .expect("the sentence is in its paragraph");
            let row = laid.line_of_offset(block_index, start);
            assert!(
                row == pager.top()
                    || (pager.status().percent == 100
                        && row > pager.top()
                        && row < pager.top() + text_rows),
                "{}: row {row}, top {}",
                figure.id,
                pager.top()
            );
            // The figure's raw text is marked.
            let raw = figure.raw.get(script);
            assert!(
                block
                    .figures
                    .iter()
                    .any(|(range, index)| block.text[range.clone()] == *raw
                        && data.figures[*index].id == figure.id),
                "{}: {raw} is marked",
                figure.id
            );
            assert_eq!(
                pager.opened_figure().map(|i| &data.figures[i].id),
                Some(&figure.id)
            );
        }
    }
}

#[test]
fn every_paragraph_has_the_same_length_in_both_scripts() {
    // The search maps matches between scripts by character position; it falls back to the
    // shown script alone where this does not hold, so a failure here only costs recall.
    let data = real();
    for segment in &data.segments {
        for (index, paragraph) in segment.paragraphs.iter().enumerate() {
            assert_eq!(
                paragraph.text.hans.chars().count(),
                paragraph.text.hant.chars().count(),
                "{} paragraph {index}",
                segment.id
            );
        }
    }
}

fn every_segment(data: &Dataset) -> Vec<usize> {
    (0..data.segments.len()).collect()
}

/// The real dataset repeated `times` times, as one long transcript.
fn repeated(times: usize) -> Dataset {
    let mut data = real();
    let segments = data.segments.clone();
    data.segments = (0..times)
        .flat_map(|copy| {
            segments.iter().cloned().map(move |mut segment| {
                segment.id = format!("{}-{copy}", segment.id);
                segment
            })
        })
        .collect();
    data
}

/// Search over a transcript many times as long finds every match of each copy. How fast it
/// does is measured by the benchmarks (`cargo bench --bench ui -- keys`), not here: a test
/// must pass on a loaded machine whatever its speed.
#[test]
fn search_finds_every_match_in_a_transcript_many_times_as_long() {
    let times = if cfg!(debug_assertions) { 5 } else { 100 };
    let data = repeated(times);
    let all = every_segment(&data);
    let laid = transcript::layout(&data, Script::Hant, 80, &all).expect("wide enough");
    let table = ScriptTable::new(&data);
    let single = real();
    let single_laid =
        transcript::layout(&single, Script::Hant, 80, &every_segment(&single)).expect("wide");
    for query in ["工会", "职工", "8122.4", "不存在的词"] {
        let once = transcript::search(&single, &single_laid, &table, query).len();
        let found = transcript::search(&data, &laid, &table, query).len();
        assert_eq!(found, once * times, "{query}");
    }
    assert!(transcript::search(&single, &single_laid, &table, "工会").len() > 10);
}
