//! The transcript laid out as rows for a text width and a script: what the pager scrolls and
//! what `pressdash qa` prints, with exactly the same line breaks.
//!
//! Each item (segment) is a block of paragraphs under a heading row. A statement section that
//! opens with its own numbered heading uses that as the heading row; other items get one made
//! from their title (a question: `提问3　工人日报记者　<title>`). The first paragraph of a
//! speaker's turn starts with the speaker's name and `：`; the name and the words are wrapped
//! as one string, and every row keeps its byte range in that string so styles (speaker,
//! heading, search match, figure) apply by range. A blank row separates paragraphs.
//!
//! The layout is lazy: laying out takes each block's place and an estimate of its rows from
//! the dataset's text, without copying it; a block's shown text and figure spans are made,
//! and its rows wrapped, when [`TranscriptLayout::wrap_around`] or
//! [`TranscriptLayout::wrap_blocks`] first needs them. A paragraph longer than
//! [`PIECE_BYTES`] (none of a real transcript) is shown as several blocks without blank rows
//! between them, cut where a row may end, so that showing one place of it wraps only there.
//!
//! All text is sanitised before layout, so a dataset cannot send control sequences to the
//! terminal.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use crate::data::{Dataset, ParagraphKind, Script, Segment, SegmentKind};
use crate::text::{sanitize, wrap};

/// Why the transcript cannot be laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TranscriptError {
    /// The text width is below what the wrapper can use.
    TooNarrow { width: usize, min: usize },
    /// `--item` asked for an item the transcript does not have (1-based).
    NoSuchItem { item: usize, count: usize },
}

impl fmt::Display for TranscriptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooNarrow { width, min } => write!(
                f,
                "a text width of {width} column{} is too narrow for the transcript; use at least {min}",
                if *width == 1 { "" } else { "s" }
            ),
            Self::NoSuchItem { item, count } => write!(
                f,
                "there is no item {item}: the transcript has items 1 to {count}"
            ),
        }
    }
}

impl std::error::Error for TranscriptError {}

/// What a block is, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// The heading row of an item, made from its title.
    ItemHeading,
    /// A numbered section heading of the transcript (一、…).
    Heading,
    /// A numbered sub-section heading ((一)…).
    Subheading,
    Body,
}

/// Paragraphs whose words take more bytes than this are shown as several blocks (see the
/// module documentation): wrapping one costs about a millisecond. The longest paragraph of
/// the built-in transcript takes under 2 kB.
pub const PIECE_BYTES: usize = 8 * 1024;

/// One heading, paragraph or piece of a long paragraph, as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextBlock {
    /// Index into the dataset's segments.
    pub segment: usize,
    /// Index into the segment's paragraphs; `None` for a heading made from the item's title.
    pub paragraph: Option<usize>,
    pub kind: BlockKind,
    /// Bytes of the paragraph's words, in the layout's script, that the block shows: all of
    /// them unless the paragraph is longer than [`PIECE_BYTES`].
    pub words: Range<usize>,
    /// `char`s of the paragraph's words before [`TextBlock::words`].
    pub words_chars: usize,
    /// The shown text: the speaker's name and `：` when a turn starts (in its first block),
    /// then the words. Empty until the block is wrapped.
    pub text: String,
    /// Bytes of `text` taken by the name and `：` (0 when none).
    pub name_len: usize,
    /// The words needed no sanitising: they are in the text byte for byte, after the name.
    pub clean: bool,
    /// Byte ranges of the figures printed in this block, with each figure's index in the
    /// dataset, in text order.
    pub figures: Vec<(Range<usize>, usize)>,
    /// The block's rows in [`TranscriptLayout::lines`] (its blank separator row not included).
    pub lines: Range<usize>,
    /// A blank row follows the block: it ends its paragraph and is not the last block.
    pub blank_after: bool,
}

/// One row of the layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrappedLine {
    /// Index into [`TranscriptLayout::blocks`]: the block shown on this row, or the one a blank row
    /// follows.
    pub block: usize,
    /// Bytes of the block's text on this row; `None` for the blank row after a block.
    pub range: Option<Range<usize>>,
    /// Columns the row takes.
    pub width: usize,
    /// The row ends where the line-breaking rules forbid a break, because nothing else fitted.
    pub forced: bool,
}

/// One item (segment) of the layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Index into the dataset's segments.
    pub segment: usize,
    /// Its blocks in [`TranscriptLayout::blocks`], heading first.
    pub blocks: Range<usize>,
    /// Its heading's row in [`TranscriptLayout::lines`].
    pub first_line: usize,
}

/// The shown items laid out for one text width and script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranscriptLayout {
    pub width: usize,
    pub script: Script,
    pub items: Vec<Item>,
    pub blocks: Vec<TextBlock>,
    /// Every block's rows and blank row; a block not wrapped yet holds as many rows of no
    /// text as it is estimated to take (see [`TranscriptLayout::wrap_blocks`]).
    pub lines: Vec<WrappedLine>,
    /// Which blocks are wrapped (and have their text).
    wrapped: Vec<bool>,
    figures: Arc<FiguresByParagraph>,
}

impl TranscriptLayout {
    /// The rows from `top`, at most `count` of them.
    pub fn rows(&self, top: usize, count: usize) -> &[WrappedLine] {
        let start = top.min(self.lines.len());
        &self.lines[start..(start + count).min(self.lines.len())]
    }

    /// How many rows the transcript takes: exact once every block is wrapped, else counting
    /// the estimates of those that are not.
    pub fn row_count(&self) -> usize {
        self.lines.len()
    }

    /// Whether `block` is wrapped (its rows are exact).
    pub fn is_wrapped(&self, block: usize) -> bool {
        self.wrapped.get(block).copied().unwrap_or(true)
    }

    /// Wraps the blocks in `blocks` not wrapped yet, replacing their estimated rows by the
    /// exact ones; rows after them move by the difference. Returns whether any was wrapped.
    pub fn wrap_blocks(
        &mut self,
        data: &Dataset,
        blocks: Range<usize>,
    ) -> Result<bool, TranscriptError> {
        let end = blocks.end.min(self.blocks.len());
        let mut wrapped = Vec::new();
        for index in blocks.start.min(end)..end {
            if !self.wrapped[index] {
                wrapped.push((index, self.build_and_wrap(data, index)?));
            }
        }
        Ok(self.replace_estimates(wrapped))
    }

    /// Wraps the blocks around row `within` of `block` (counted from its first row): at
    /// least `before` rows before it and `after` rows from it on are then exact, or all there
    /// are. Returns whether any block was wrapped.
    pub fn wrap_around(
        &mut self,
        data: &Dataset,
        block: usize,
        within: usize,
        before: usize,
        after: usize,
    ) -> Result<bool, TranscriptError> {
        let count = self.blocks.len();
        if block >= count {
            return Ok(false);
        }
        let mut wrapped = Vec::new();
        let mut rows_of = |index: usize| -> Result<usize, TranscriptError> {
            let blank = usize::from(self.blocks[index].blank_after);
            if self.wrapped[index] {
                return Ok(self.blocks[index].lines.len() + blank);
            }
            let rows = self.build_and_wrap(data, index)?;
            let taken = rows.len() + blank;
            wrapped.push((index, rows));
            Ok(taken)
        };
        let own = rows_of(block)?;
        let mut seen = within.min(own);
        let mut index = block;
        while seen < before && index > 0 {
            index -= 1;
            seen += rows_of(index)?;
        }
        let mut seen = own.saturating_sub(within);
        let mut index = block;
        while seen < after && index + 1 < count {
            index += 1;
            seen += rows_of(index)?;
        }
        wrapped.sort_unstable_by_key(|(index, _)| *index);
        Ok(self.replace_estimates(wrapped))
    }

    /// Makes block `index`'s shown text and figure spans, and returns its rows.
    fn build_and_wrap(
        &mut self,
        data: &Dataset,
        index: usize,
    ) -> Result<Vec<wrap::Row>, TranscriptError> {
        let script = self.script;
        let block = &mut self.blocks[index];
        let shown = shown_text(data, script, block);
        block.figures = block
            .paragraph
            .map(|paragraph| figure_spans(data, script, &self.figures, block, paragraph, &shown))
            .unwrap_or_default();
        block.text = shown.text.into_owned();
        block.name_len = shown.name_len;
        block.clean = shown.clean;
        wrap_text(&block.text, self.width)
    }

    /// Puts the wrapped rows of blocks (in block order) in place of their estimated rows, and
    /// moves every row after them. Returns whether there was any.
    fn replace_estimates(&mut self, wrapped: Vec<(usize, Vec<wrap::Row>)>) -> bool {
        if wrapped.is_empty() {
            return false;
        }
        let mut lines = Vec::with_capacity(self.lines.len());
        let mut wrapped = wrapped.into_iter().peekable();
        for index in 0..self.blocks.len() {
            let old = self.blocks[index].lines.clone();
            let start = lines.len();
            if let Some((_, rows)) = wrapped.next_if(|(at, _)| *at == index) {
                lines.extend(text_rows(index, rows));
                self.wrapped[index] = true;
            } else {
                lines.extend_from_slice(&self.lines[old.clone()]);
            }
            self.blocks[index].lines = start..lines.len();
            if self.blocks[index].blank_after {
                lines.push(self.lines[old.end].clone());
            }
        }
        for item in &mut self.items {
            item.first_line = self
                .blocks
                .get(item.blocks.start)
                .map_or(lines.len(), |block| block.lines.start);
        }
        self.lines = lines;
        true
    }

    /// The text `block` shows, made for the asking when the block is not wrapped yet.
    pub fn text_of(&self, data: &Dataset, block: usize) -> Cow<'_, str> {
        self.blocks
            .get(block)
            .map_or(Cow::Borrowed(""), |_| self.shown(data, block).text)
    }

    /// What block `index` (which exists) shows: its own text once it is wrapped, else made
    /// for the asking.
    fn shown(&self, data: &Dataset, index: usize) -> Shown<'_> {
        let block = &self.blocks[index];
        if self.is_wrapped(index) {
            Shown {
                text: Cow::Borrowed(&block.text),
                name_len: block.name_len,
                clean: block.clean,
            }
        } else {
            shown_text(data, self.script, block)
        }
    }

    /// The text on row `line` (empty for a blank row or past the end).
    pub fn line_text(&self, line: usize) -> &str {
        self.lines
            .get(line)
            .and_then(|row| {
                let range = row.range.clone()?;
                self.blocks.get(row.block)?.text.get(range)
            })
            .unwrap_or("")
    }

    /// The index in [`TranscriptLayout::items`] of the item row `line` belongs to.
    pub fn item_at_line(&self, line: usize) -> usize {
        self.items
            .partition_point(|item| item.first_line <= line)
            .saturating_sub(1)
    }

    /// The index in [`TranscriptLayout::items`] of the item holding `block`.
    pub fn item_of_block(&self, block: usize) -> usize {
        self.items
            .partition_point(|item| item.blocks.start <= block)
            .saturating_sub(1)
    }

    /// The block showing `paragraph` of `segment` (`None`: the title heading), when shown;
    /// the first of them for a paragraph shown in pieces.
    pub fn find_block(&self, segment: usize, paragraph: Option<usize>) -> Option<usize> {
        self.find_piece(segment, paragraph, 0)
    }

    /// The block showing `char` `words_char` of the words of `paragraph` of `segment` (its
    /// last block for a `char` past the end), when shown.
    pub fn find_piece(
        &self,
        segment: usize,
        paragraph: Option<usize>,
        words_char: usize,
    ) -> Option<usize> {
        let item = self
            .items
            .binary_search_by_key(&segment, |item| item.segment)
            .ok()?;
        let blocks = self.items[item].blocks.clone();
        let first = blocks
            .clone()
            .find(|&block| self.blocks[block].paragraph == paragraph)?;
        let later_pieces = (first + 1..blocks.end).take_while(|&block| {
            let block = &self.blocks[block];
            block.paragraph == paragraph && block.words_chars <= words_char
        });
        Some(later_pieces.last().unwrap_or(first))
    }

    /// The row of `block` that shows byte `offset` of its text (its last row when `offset`
    /// is past the end).
    pub fn line_of_offset(&self, block: usize, offset: usize) -> usize {
        let Some(block) = self.blocks.get(block) else {
            return self.lines.len().saturating_sub(1);
        };
        let rows = &self.lines[block.lines.clone()];
        let after =
            rows.partition_point(|row| row.range.as_ref().is_some_and(|r| r.start <= offset));
        block.lines.start + after.saturating_sub(1)
    }
}

/// The dataset's segments whose themes meet `topics` (all of them when `topics` is empty),
/// as indices in reading order.
pub fn shown_segments(data: &Dataset, topics: &BTreeSet<String>) -> Vec<usize> {
    data.segments
        .iter()
        .enumerate()
        .filter(|(_, segment)| {
            topics.is_empty() || segment.themes.iter().any(|theme| topics.contains(theme))
        })
        .map(|(index, _)| index)
        .collect()
}

/// Lays out the segments at `segments` (indices into the dataset, in reading order) for a text
/// of `width` columns in `script`. The pager and `pressdash qa` both use this, so they break
/// lines identically.
pub fn layout(
    data: &Dataset,
    script: Script,
    width: usize,
    segments: &[usize],
) -> Result<TranscriptLayout, TranscriptError> {
    let figures = Arc::new(FiguresByParagraph::new(data));
    let mut laid = layout_lazily(data, &figures, script, width, segments)?;
    let all = 0..laid.blocks.len();
    laid.wrap_blocks(data, all)?;
    Ok(laid)
}

/// Lays out the segments as [`layout`] does, but makes and wraps no block: each takes the
/// rows it is estimated to need (its display width over the text width, rounded up) until
/// [`TranscriptLayout::wrap_blocks`] wraps it. `figures` is the dataset's figures by
/// paragraph, made once for any number of layouts.
pub fn layout_lazily(
    data: &Dataset,
    figures: &Arc<FiguresByParagraph>,
    script: Script,
    width: usize,
    segments: &[usize],
) -> Result<TranscriptLayout, TranscriptError> {
    if width < wrap::MIN_WIDTH {
        return Err(TranscriptError::TooNarrow {
            width,
            min: wrap::MIN_WIDTH,
        });
    }
    let blocks: usize = segments
        .iter()
        .filter_map(|&segment| data.segments.get(segment))
        .map(|segment| segment.paragraphs.len() + 1)
        .sum();
    let mut out = TranscriptLayout {
        width,
        script,
        items: Vec::with_capacity(segments.len()),
        blocks: Vec::with_capacity(blocks),
        // Most paragraphs take a few rows.
        lines: Vec::with_capacity(blocks * 4),
        wrapped: Vec::with_capacity(blocks),
        figures: Arc::clone(figures),
    };
    for &segment_index in segments {
        let Some(segment) = data.segments.get(segment_index) else {
            continue;
        };
        let first_block = out.blocks.len();
        let first_line = out.lines.len();
        push_segment(&mut out, data, segment_index, segment);
        out.items.push(Item {
            segment: segment_index,
            blocks: first_block..out.blocks.len(),
            first_line,
        });
    }
    // No blank row after the very last block.
    if let Some(last) = out.blocks.last_mut() {
        last.blank_after = false;
        out.lines.pop();
    }
    Ok(out)
}

/// Appends a segment's blocks, with their estimated rows: its heading, then its paragraphs
/// (in pieces for a long one).
fn push_segment(
    out: &mut TranscriptLayout,
    data: &Dataset,
    segment_index: usize,
    segment: &Segment,
) {
    let script = out.script;
    let opens_with_heading = segment
        .paragraphs
        .first()
        .is_some_and(|paragraph| paragraph.kind == ParagraphKind::Heading);
    let block = |paragraph: Option<usize>, kind: BlockKind| TextBlock {
        segment: segment_index,
        paragraph,
        kind,
        words: 0..0,
        words_chars: 0,
        text: String::new(),
        name_len: 0,
        clean: false,
        figures: Vec::new(),
        lines: 0..0,
        blank_after: true,
    };
    if !opens_with_heading {
        // The title, and who asks a question with its number.
        let asked = match &segment.question {
            Some(question) => estimated_width(speaker_name(data, script, &question.asked_by)) + 8,
            None => 0,
        };
        let estimate = estimated_width(segment.title.zh(script)) + asked;
        push_estimated_block(out, block(None, BlockKind::ItemHeading), estimate);
    }
    for (paragraph_index, paragraph) in segment.paragraphs.iter().enumerate() {
        let kind = match paragraph.kind {
            ParagraphKind::Heading => BlockKind::Heading,
            ParagraphKind::Subheading => BlockKind::Subheading,
            ParagraphKind::Body => BlockKind::Body,
        };
        let name = if paragraph.turn_start {
            // The name and `：`.
            estimated_width(speaker_name(data, script, &paragraph.speaker)) + 2
        } else {
            0
        };
        let words = paragraph.text.get(script);
        let pieces = wrap::pieces(words, PIECE_BYTES);
        let last = pieces.len() - 1;
        let mut words_chars = 0;
        for (index, piece) in pieces.into_iter().enumerate() {
            let text = &words[piece.clone()];
            let estimate = estimated_width(text) + if index == 0 { name } else { 0 };
            let piece_block = TextBlock {
                words: piece,
                words_chars,
                blank_after: index == last,
                ..block(Some(paragraph_index), kind)
            };
            push_estimated_block(out, piece_block, estimate);
            // Counted only where a piece follows: one piece, all a real paragraph has, needs
            // no count.
            if index < last {
                words_chars += text.chars().count();
            }
        }
    }
}

/// Appends `block` with the rows its `estimate` of columns takes, and its blank row.
fn push_estimated_block(out: &mut TranscriptLayout, mut block: TextBlock, estimate: usize) {
    let index = out.blocks.len();
    let start = out.lines.len();
    let rows = estimate.div_ceil(out.width).max(1);
    out.lines.extend((0..rows).map(|_| WrappedLine {
        block: index,
        // The estimated rows hold no text.
        range: Some(0..0),
        width: 0,
        forced: false,
    }));
    if block.blank_after {
        out.lines.push(WrappedLine {
            block: index,
            range: None,
            width: 0,
            forced: false,
        });
    }
    block.lines = start..start + rows;
    out.blocks.push(block);
    out.wrapped.push(false);
}

/// The columns `text` is estimated to take: two for a character of three or four UTF-8 bytes
/// (Chinese characters and punctuation), one for any other. One vectorised pass over the
/// bytes (each first byte of a character counts one, and one more if it starts three or
/// four), far cheaper than measuring graphemes, and only used until the block is wrapped.
fn estimated_width(text: &str) -> usize {
    text.bytes()
        .map(|byte| usize::from(byte & 0xC0 != 0x80) + usize::from(byte >= 0xE0))
        .sum()
}

/// `text` wrapped to `width` columns.
fn wrap_text(text: &str, width: usize) -> Result<Vec<wrap::Row>, TranscriptError> {
    wrap::wrap(text, width).map_err(|too_narrow| TranscriptError::TooNarrow {
        width: too_narrow.width,
        min: too_narrow.min,
    })
}

/// The layout rows of block `block` wrapped into `rows`.
fn text_rows(block: usize, rows: Vec<wrap::Row>) -> impl Iterator<Item = WrappedLine> {
    rows.into_iter().map(move |row| WrappedLine {
        block,
        range: Some(row.range),
        width: row.width,
        forced: row.forced,
    })
}

/// A block's shown text: made from the dataset, or the block's own once it is wrapped.
struct Shown<'a> {
    text: Cow<'a, str>,
    name_len: usize,
    clean: bool,
}

/// The text `block` shows: a heading made from the item's title, or the speaker's name (when
/// a turn starts, in the paragraph's first block) and the sanitised words.
fn shown_text(data: &Dataset, script: Script, block: &TextBlock) -> Shown<'static> {
    let paragraph = block
        .paragraph
        .and_then(|index| data.segments.get(block.segment)?.paragraphs.get(index));
    let Some(paragraph) = paragraph else {
        return Shown {
            text: Cow::Owned(sanitize(&item_heading(data, script, block.segment)).into_owned()),
            name_len: 0,
            clean: false,
        };
    };
    let words = paragraph
        .text
        .get(script)
        .get(block.words.clone())
        .unwrap_or_default();
    let shown_words = sanitize(words);
    let mut text = String::new();
    if paragraph.turn_start && block.words.start == 0 {
        text.reserve(shown_words.len() + 16);
        text.push_str(&sanitize(speaker_name(data, script, &paragraph.speaker)));
        text.push('：');
    }
    let name_len = text.len();
    let clean = matches!(shown_words, Cow::Borrowed(_));
    text.push_str(&shown_words);
    Shown {
        text: Cow::Owned(text),
        name_len,
        clean,
    }
}

/// The byte ranges of `shown` (the text of `block`, showing `paragraph`) that print figures,
/// with each figure's index, in text order.
fn figure_spans(
    data: &Dataset,
    script: Script,
    figures: &FiguresByParagraph,
    block: &TextBlock,
    paragraph: usize,
    shown: &Shown,
) -> Vec<(Range<usize>, usize)> {
    let Some(all_words) = data
        .segments
        .get(block.segment)
        .and_then(|segment| segment.paragraphs.get(paragraph))
        .map(|paragraph| paragraph.text.get(script))
    else {
        return Vec::new();
    };
    let words = all_words.get(block.words.clone()).unwrap_or_default();
    // The block's `char`s of the words; counted only for a piece of a long paragraph.
    let piece = if block.words.end == all_words.len() {
        block.words_chars..usize::MAX
    } else {
        block.words_chars..block.words_chars + words.chars().count()
    };
    let mut spans: Vec<(Range<usize>, usize)> = figures
        .get(block.segment, paragraph)
        .filter_map(|figure_index| {
            let span = data.figures[figure_index].source.span.get(script);
            let start = span.start.max(piece.start);
            let end = span.end.min(piece.end);
            (start < end).then(|| (start - piece.start..end - piece.start, figure_index))
        })
        .collect();
    // In text order, so that mapping them to the shown text walks the words once.
    spans.sort_by_key(|(chars, _)| chars.start);
    let mut offsets = ShownOffsets::known(words, shown.name_len, &shown.text, shown.clean);
    for (range, _) in &mut spans {
        *range = offsets.range(range.clone());
    }
    spans.retain(|(range, _)| !range.is_empty());
    spans
}

/// The dataset's figures grouped by the paragraph that prints them.
#[derive(Debug, PartialEq, Eq)]
pub struct FiguresByParagraph {
    /// Segment index, paragraph index and figure index, sorted.
    by_paragraph: Vec<(usize, usize, usize)>,
}

impl FiguresByParagraph {
    pub fn new(data: &Dataset) -> Self {
        let segment_index: HashMap<&str, usize> = data
            .segments
            .iter()
            .enumerate()
            .map(|(index, segment)| (segment.id.as_str(), index))
            .collect();
        // Figures come in runs of one segment: its index is looked up once a run.
        let mut last: Option<(&str, Option<usize>)> = None;
        let mut by_paragraph: Vec<(usize, usize, usize)> = data
            .figures
            .iter()
            .enumerate()
            .filter_map(|(index, figure)| {
                let id = figure.source.segment.as_str();
                let segment = match last {
                    Some((last_id, segment)) if last_id == id => segment,
                    _ => segment_index.get(id).copied(),
                };
                last = Some((id, segment));
                Some((segment?, figure.source.paragraph, index))
            })
            .collect();
        // Already in order, as a dataset lists its figures, this costs one pass.
        by_paragraph.sort_unstable();
        Self { by_paragraph }
    }

    /// The figures `paragraph` of `segment` prints, in the dataset's order.
    fn get(&self, segment: usize, paragraph: usize) -> impl Iterator<Item = usize> + '_ {
        let start = self
            .by_paragraph
            .partition_point(|&(s, p, _)| (s, p) < (segment, paragraph));
        self.by_paragraph[start..]
            .iter()
            .take_while(move |&&(s, p, _)| (s, p) == (segment, paragraph))
            .map(|&(_, _, figure)| figure)
    }
}

/// The heading made from an item's title; a question's names who asks and its number among
/// the questions.
pub fn item_heading(data: &Dataset, script: Script, segment_index: usize) -> String {
    let Some(segment) = data.segments.get(segment_index) else {
        return String::new();
    };
    let title = segment.title.zh(script);
    match (&segment.kind, &segment.question) {
        (SegmentKind::Question, Some(question)) => {
            let number = question_number(data, segment_index);
            let asked = match script {
                Script::Hans => "提问",
                Script::Hant => "提問",
            };
            let reporter = speaker_name(data, script, &question.asked_by);
            format!("{asked}{number}　{reporter}　{title}")
        }
        _ => title.to_owned(),
    }
}

/// The number of the question at `segment_index` among the transcript's questions, from 1.
pub fn question_number(data: &Dataset, segment_index: usize) -> usize {
    data.segments[..segment_index.min(data.segments.len())]
        .iter()
        .filter(|s| s.kind == SegmentKind::Question)
        .count()
        + 1
}

/// A speaker's name as the transcript prints it; the id itself for an unknown speaker.
pub fn speaker_name<'a>(data: &'a Dataset, script: Script, id: &'a str) -> &'a str {
    data.speaker(id)
        .map_or(id, |speaker| speaker.name.zh(script))
}

/// Maps `chars` (a range of `char`s in the dataset's `words`) to bytes of the shown `text`,
/// where the sanitised words start at byte `words_start`.
pub fn shown_range(
    words: &str,
    chars: Range<usize>,
    words_start: usize,
    text: &str,
) -> Range<usize> {
    ShownOffsets::new(words, words_start, text).range(chars)
}

/// Maps `char` offsets of a paragraph's words in the dataset to bytes of its shown text, in
/// which the sanitised words start at byte `words_start`. Offsets asked in increasing order
/// take one walk of the words.
struct ShownOffsets<'a> {
    words: &'a str,
    chars: CharCursor<'a>,
    words_start: usize,
    text: &'a str,
    /// Sanitising left the words as they are (as it does any real transcript), so a byte of
    /// the words is a byte of the shown text.
    clean: bool,
}

impl<'a> ShownOffsets<'a> {
    fn new(words: &'a str, words_start: usize, text: &'a str) -> Self {
        let clean = text.get(words_start..) == Some(words);
        Self::known(words, words_start, text, clean)
    }

    /// As [`ShownOffsets::new`], told whether sanitising left the words as they are.
    fn known(words: &'a str, words_start: usize, text: &'a str, clean: bool) -> Self {
        Self {
            words,
            chars: CharCursor::new(words),
            words_start,
            text,
            clean,
        }
    }

    /// The bytes of the shown text that show the chars `chars` of the words.
    fn range(&mut self, chars: Range<usize>) -> Range<usize> {
        let start = self.offset(chars.start);
        let end = self.offset(chars.end);
        start..end.max(start)
    }

    /// The byte of the shown text where `char_index` of the words lands.
    fn offset(&mut self, char_index: usize) -> usize {
        let raw = self.chars.byte_at_char(char_index);
        let in_words = if self.clean {
            raw
        } else {
            // Sanitising maps each character on its own, so the sanitised prefix gives the
            // offset.
            sanitize(&self.words[..raw]).len()
        };
        let mut offset = (self.words_start + in_words).min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

/// The transcript (or one item of it, `item` being 1-based) as plain text lines of at most
/// `width` columns, for `pressdash qa`: the same rows the pager shows at that text width.
pub fn plain_lines(
    data: &Dataset,
    script: Script,
    width: usize,
    item: Option<usize>,
) -> Result<Vec<String>, TranscriptError> {
    let count = data.segments.len();
    let segments: Vec<usize> = match item {
        None => (0..count).collect(),
        Some(item) if (1..=count).contains(&item) => vec![item - 1],
        Some(item) => return Err(TranscriptError::NoSuchItem { item, count }),
    };
    let laid = layout(data, script, width, &segments)?;
    Ok((0..laid.lines.len())
        .map(|line| laid.line_text(line).to_owned())
        .collect())
}

/// Converts text between the scripts character by character, learnt from the dataset's
/// paragraphs whose two scripts have the same number of characters (each character then
/// stands for the one at the same position in the other script). Where a character has
/// several counterparts, the most frequent wins.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScriptTable {
    to_hans: HashMap<char, char>,
    to_hant: HashMap<char, char>,
}

impl ScriptTable {
    pub fn new(data: &Dataset) -> Self {
        let mut pairs: HashMap<(char, char), usize> = HashMap::new();
        for paragraph in data.segments.iter().flat_map(|s| &s.paragraphs) {
            let (hans, hant) = (&paragraph.text.hans, &paragraph.text.hant);
            if hans == hant || hans.chars().count() != hant.chars().count() {
                continue;
            }
            for pair in hans.chars().zip(hant.chars()).filter(|(a, b)| a != b) {
                *pairs.entry(pair).or_default() += 1;
            }
        }
        // Sorted so that ties resolve the same way on every run.
        let mut pairs: Vec<((char, char), usize)> = pairs.into_iter().collect();
        pairs.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut table = Self::default();
        for ((hans, hant), _) in pairs {
            table.to_hant.entry(hans).or_insert(hant);
            table.to_hans.entry(hant).or_insert(hans);
        }
        table
    }

    /// `text` with every character that has a known counterpart in `script` replaced by it.
    pub fn convert(&self, text: &str, script: Script) -> String {
        let map = match script {
            Script::Hans => &self.to_hans,
            Script::Hant => &self.to_hant,
        };
        text.chars().map(|c| *map.get(&c).unwrap_or(&c)).collect()
    }
}

/// A search match: bytes of a block's shown text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub block: usize,
    pub range: Range<usize>,
}

/// Every place the laid-out transcript shows `query`, typed in either script, in reading order.
///
/// Every block is searched as shown, for the query as typed and converted to the shown script
/// with `table`. Paragraphs whose two scripts have the same length (all of this transcript's:
/// the conversion goes character by character) are also searched in the other script, and
/// matches mapped to the shown one by character position, so the dataset's own conversion
/// decides what matches where a character has several counterparts. The table alone serves
/// names, headings and any paragraph whose conversion changed its length.
pub fn search(
    data: &Dataset,
    laid: &TranscriptLayout,
    table: &ScriptTable,
    query: &str,
) -> Vec<Match> {
    if query.is_empty() {
        return Vec::new();
    }
    let converted = table.convert(query, laid.script);
    let needles: &[&str] = if converted == query {
        &[query]
    } else {
        &[query, &converted]
    };
    let mut matches = Vec::new();
    let mut ranges = Vec::new();
    // The words of the paragraph searched last, when they align; its pieces come in order.
    let mut aligned: Option<AlignedWords<'_>> = None;
    for (block_index, block) in laid.blocks.iter().enumerate() {
        ranges.clear();
        // A block not wrapped yet has no text: it is made for the search and dropped.
        let Shown {
            text,
            name_len,
            clean,
        } = laid.shown(data, block_index);
        for needle in needles {
            ranges.extend(
                text.match_indices(needle)
                    .map(|(at, found)| at..at + found.len()),
            );
        }
        if let Some(paragraph) = block.paragraph.filter(|_| clean) {
            let key = (block.segment, paragraph);
            if aligned.as_ref().is_none_or(|last| last.key != key) {
                aligned = AlignedWords::of(data, key, laid.script);
            }
            if let Some(words) = aligned.as_mut() {
                let (shown, other) = words.piece(block);
                map_matches(other, shown, query, name_len, &mut ranges);
            }
        }
        ranges.sort_unstable_by_key(|range| (range.start, range.end));
        let mut last_end = 0;
        for range in ranges.drain(..) {
            // Keep the first of overlapping matches, like a search as shown would.
            if range.start >= last_end {
                last_end = range.end;
                matches.push(Match {
                    block: block_index,
                    range,
                });
            }
        }
    }
    matches
}

/// A paragraph's words in both scripts, when positions map between them: the words needed no
/// sanitising (checked per block) and have as many `char`s in both scripts.
struct AlignedWords<'a> {
    /// Segment and paragraph index.
    key: (usize, usize),
    shown: &'a str,
    other: CharCursor<'a>,
}

impl<'a> AlignedWords<'a> {
    fn of(data: &'a Dataset, key: (usize, usize), script: Script) -> Option<Self> {
        let text = &data.segments.get(key.0)?.paragraphs.get(key.1)?.text;
        let (shown, other) = match script {
            Script::Hans => (&text.hans, &text.hant),
            Script::Hant => (&text.hant, &text.hans),
        };
        (shown.chars().count() == other.chars().count()).then(|| Self {
            key,
            shown,
            other: CharCursor::new(other),
        })
    }

    /// The words `block` shows, and the same `char`s in the other script. Asked for the
    /// pieces of a long paragraph in order, the cursor over the other script walks it once.
    fn piece(&mut self, block: &TextBlock) -> (&'a str, &'a str) {
        let shown = self.shown.get(block.words.clone()).unwrap_or_default();
        if shown.len() == self.shown.len() {
            return (shown, self.other.text);
        }
        let start = self.other.byte_at_char(block.words_chars);
        let end = self
            .other
            .byte_at_char(block.words_chars + shown.chars().count());
        (shown, &self.other.text[start..end])
    }
}

/// Finds `query` in `other` (a paragraph's words in the script not shown) and adds the
/// matches at the same character positions of `shown` (the same words as shown, which start
/// at byte `words_start` of the block's text) to `ranges`.
fn map_matches(
    other: &str,
    shown: &str,
    query: &str,
    words_start: usize,
    ranges: &mut Vec<Range<usize>>,
) {
    let mut other_chars = CharCursor::new(other);
    let mut shown_chars = CharCursor::new(shown);
    for (at, found) in other.match_indices(query) {
        let start = other_chars.char_at_byte(at);
        let end = other_chars.char_at_byte(at + found.len());
        let start = words_start + shown_chars.byte_at_char(start);
        let end = words_start + shown_chars.byte_at_char(end);
        ranges.push(start..end);
    }
}

/// Converts between byte and `char` positions of a string, for positions visited in
/// increasing order: each call continues from the previous one (a `char` position before
/// the previous one starts again from the beginning).
struct CharCursor<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCursor<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// The `char` index of `byte` (a char boundary at or after the previous position).
    fn char_at_byte(&mut self, byte: usize) -> usize {
        let byte = byte.clamp(self.byte, self.text.len());
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }

    /// The byte where `char` index `chars` starts (the end for past the end).
    fn byte_at_char(&mut self, chars: usize) -> usize {
        if chars < self.chars {
            *self = Self::new(self.text);
        }
        let ahead = chars - self.chars;
        let step = self.text[self.byte..]
            .char_indices()
            .nth(ahead)
            .map_or(self.text.len() - self.byte, |(byte, _)| byte);
        self.byte += step;
        self.chars += ahead;
        self.byte
    }
}

/// The small dataset the tests of the pager's modules share.
#[cfg(test)]
pub(crate) fn fixture() -> Dataset {
    serde_json::from_str(include_str!("../../tests/data/pager_fixture.json"))
        .expect("the pager's test fixture is a dataset")
}

/// The fixture with the answer holding the figure `union-members` (item 3, paragraph 2,
/// which starts a turn) repeated `copies` times, and that figure moved to the last copy.
#[cfg(test)]
pub(crate) fn fixture_with_long_paragraph(copies: usize) -> Dataset {
    let mut data = fixture();
    let paragraph = &mut data.segments[2].paragraphs[1];
    let chars = paragraph.text.hans.chars().count();
    assert_eq!(chars, paragraph.text.hant.chars().count());
    paragraph.text.hans = paragraph.text.hans.repeat(copies);
    paragraph.text.hant = paragraph.text.hant.repeat(copies);
    let figure = data
        .figures
        .iter_mut()
        .find(|figure| figure.id == "union-members")
        .expect("the fixture's figure");
    let shift = (copies - 1) * chars;
    for span in [
        &mut figure.source.span.hans,
        &mut figure.source.span.hant,
        &mut figure.source.sentence_span.hans,
        &mut figure.source.sentence_span.hant,
    ] {
        span.start += shift;
        span.end += shift;
    }
    data
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(script: Script, width: usize) -> Vec<String> {
        plain_lines(&fixture(), script, width, None).expect("wide enough")
    }

    #[test]
    fn prints_headings_names_and_blank_rows() {
        let lines = rows(Script::Hans, 40);
        insta::assert_snapshot!(lines.join("\n"));
    }

    #[test]
    fn keeps_numbers_and_punctuation_rules_at_a_narrow_width() {
        let lines = plain_lines(&fixture(), Script::Hant, 14, Some(2)).expect("wide enough");
        insta::assert_snapshot!(lines.join("\n"));
    }

    /// The rows of the fixture's paragraph about parcels at `width`.
    fn parcel_rows(width: usize) -> Vec<String> {
        let data = fixture();
        let laid = layout(&data, Script::Hans, width, &[1]).expect("wide enough");
        let block = laid.find_block(1, Some(2)).expect("shown");
        laid.blocks[block]
            .lines
            .clone()
            .map(|line| laid.line_text(line).to_owned())
            .collect()
    }

    #[test]
    fn a_known_paragraph_breaks_by_the_rules_at_several_widths() {
        assert_eq!(
            parcel_rows(20),
            [
                "全国快递业务量完成",
                "8122.4万件，同比增长",
                "50.9%。我们认为——这",
                "是“新就业形态”的缩",
                "影。",
            ]
        );
        assert_eq!(
            parcel_rows(14),
            [
                "全国快递业务量",
                "完成8122.4万",
                "件，同比增长",
                "50.9%。我们认",
                "为——这是“新就",
                "业形态”的缩",
                "影。",
            ]
        );
        // A number never splits from its unit; the rows before it end evenly rather than
        // leave one short.
        assert_eq!(
            parcel_rows(9),
            [
                "全国快",
                "递业务",
                "量完成",
                "8122.4万",
                "件，同",
                "比增长",
                "50.9%。我",
                "们认为——",
                "这是“新就",
                "业形态”的",
                "缩影。",
            ]
        );
    }

    /// Where char `index` of `words` lands in `text` (the name, then the sanitised words),
    /// worked out from nothing: what [`ShownOffsets`] must give for every offset, whatever
    /// it was asked before.
    fn offset_from_scratch(words: &str, index: usize, name: &str, text: &str) -> usize {
        let raw = words
            .char_indices()
            .nth(index)
            .map_or(words.len(), |(byte, _)| byte);
        let mut offset = (name.len() + sanitize(&words[..raw]).len()).min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    proptest::proptest! {
        #![proptest_config(crate::proptest_config::proptest_config(128))]

        /// Spans mapped one after another, overlapping or out of order, in clean or
        /// sanitised words, land where each would alone.
        #[test]
        fn spans_map_to_the_shown_text_in_any_order(
            parts in proptest::collection::vec(
                proptest::sample::select(vec!["工", "會", "a", "7", "\u{1b}", "\r", "\n", "\t", "\u{202e}"]),
                0..24,
            ),
            spans in proptest::collection::vec((0_usize..28, 0_usize..28), 1..6),
        ) {
            let words = parts.concat();
            let name = "王明：";
            let text = format!("{name}{}", sanitize(&words));
            let mut shown = ShownOffsets::new(&words, name.len(), &text);
            for (start, end) in spans {
                let expected_start = offset_from_scratch(&words, start, name, &text);
                let expected_end = offset_from_scratch(&words, end, name, &text);
                proptest::prop_assert_eq!(
                    shown.range(start..end),
                    expected_start..expected_end.max(expected_start)
                );
            }
        }
    }

    /// The blocks showing paragraph 2 of item 3 of `data`.
    fn blocks_of_long_paragraph(laid: &TranscriptLayout) -> Vec<&TextBlock> {
        laid.blocks
            .iter()
            .filter(|block| block.segment == 2 && block.paragraph == Some(1))
            .collect()
    }

    #[test]
    fn a_long_paragraph_is_shown_in_pieces_with_no_blank_row_between_them() {
        let data = fixture_with_long_paragraph(400);
        for script in [Script::Hans, Script::Hant] {
            let laid = layout(&data, script, 30, &[0, 1, 2, 3]).expect("wide enough");
            let pieces = blocks_of_long_paragraph(&laid);
            assert!(pieces.len() > 3, "{} pieces", pieces.len());
            let words = data.segments[2].paragraphs[1].text.get(script);
            let mut shown = String::new();
            let (mut words_end, mut words_chars) = (0, 0);
            for (index, piece) in pieces.iter().enumerate() {
                assert!(piece.words.len() <= PIECE_BYTES);
                assert_eq!(piece.words.start, words_end, "the pieces follow each other");
                assert_eq!(piece.words_chars, words_chars);
                words_end = piece.words.end;
                words_chars += words[piece.words.clone()].chars().count();
                // Only the first shows who speaks.
                assert_eq!(piece.name_len > 0, index == 0);
                assert_eq!(piece.blank_after, index == pieces.len() - 1);
                if let Some(next) = pieces.get(index + 1) {
                    assert_eq!(piece.lines.end, next.lines.start, "no blank row between");
                }
                for line in piece.lines.clone() {
                    assert!(laid.lines[line].width <= 30);
                    shown.push_str(laid.line_text(line));
                }
            }
            assert_eq!(words_end, words.len(), "the pieces show all the words");
            let name = speaker_name(&data, script, &data.segments[2].paragraphs[1].speaker);
            assert_eq!(shown, format!("{name}：{words}"), "rows lose nothing");
            let last = pieces.last().expect("pieces");
            assert!(
                laid.lines[last.lines.end].range.is_none(),
                "a blank row ends it"
            );
        }
    }

    #[test]
    fn a_figure_in_a_later_piece_is_marked_there() {
        let data = fixture_with_long_paragraph(400);
        let figure = data
            .figures
            .iter()
            .position(|figure| figure.id == "union-members")
            .expect("the figure");
        for script in [Script::Hans, Script::Hant] {
            let laid = layout(&data, script, 30, &[2]).expect("wide enough");
            let pieces = blocks_of_long_paragraph(&laid);
            let marked: Vec<(usize, &str)> = pieces
                .iter()
                .enumerate()
                .flat_map(|(index, piece)| {
                    piece
                        .figures
                        .iter()
                        .map(move |(range, _)| (index, &piece.text[range.clone()]))
                })
                .collect();
            let span = data.figures[figure].source.span.get(script);
            let words = data.segments[2].paragraphs[1].text.get(script);
            let expected: String = words
                .chars()
                .skip(span.start)
                .take(span.end - span.start)
                .collect();
            assert_eq!(marked, [(pieces.len() - 1, expected.as_str())]);
        }
    }

    #[test]
    fn too_narrow_and_unknown_items_are_errors_for_people() {
        let data = fixture();
        let error = plain_lines(&data, Script::Hans, 1, None).unwrap_err();
        assert_eq!(error, TranscriptError::TooNarrow { width: 1, min: 2 });
        assert_eq!(
            error.to_string(),
            "a text width of 1 column is too narrow for the transcript; use at least 2"
        );
        let error = plain_lines(&data, Script::Hans, 40, Some(9)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "there is no item 9: the transcript has items 1 to 4"
        );
        assert!(plain_lines(&data, Script::Hans, 40, Some(0)).is_err());
    }
}
