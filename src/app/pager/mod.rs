//! The Q&A pager: one continuous scroll of the (filtered) transcript, with a list of its
//! items as a table of contents, `/` search and figure highlights.
//!
//! The state is pure; [`crate::ui::pager::draw`] only reads it. Wrapping happens in
//! [`Pager::resize`], [`Pager::apply`] and the other updates, never while drawing. Layouts are
//! cached per text width, script and filter, and the scroll position is kept as an anchor in
//! the text (paragraph and character of the top row), so a resize or a script switch keeps the
//! same sentence at the top.
//!
//! # Actions the pager consumes ([`Pager::apply`] returns `true`)
//! - [`Action::Down`] / [`Action::Up`]: one row;
//! - [`Action::PageDown`] / [`Action::PageUp`]: a screen less one row (`PgDn`/`PgUp`/`Space`);
//! - [`Action::HalfPageDown`] / [`Action::HalfPageUp`]: half a screen (`Ctrl-d`/`Ctrl-u`);
//! - [`Action::Top`] / [`Action::Bottom`]: `g`/`Home`, `G`/`End`;
//! - [`Action::NextItem`] / [`Action::PrevItem`]: `]`/`[`, the next item's heading / the
//!   current item's heading, or the previous one's when already there;
//! - [`Action::StartSearch`]: `/` opens the search prompt ([`Pager::is_prompting`]);
//! - [`Action::NextMatch`] / [`Action::PrevMatch`]: `n`/`N`, wrapping around (only once a
//!   search was made);
//! - [`Action::Back`]: clears the search highlights and the figure highlight (returns `false`
//!   when there was nothing to clear, so the app can use `Esc` for something else).
//!
//! While [`Pager::is_prompting`], send every key to [`Pager::handle_prompt_key`] instead, and
//! pasted text to [`Pager::handle_prompt_paste`].
//! Mouse: [`Pager::click`] (a click in the items list jumps to that item); the wheel maps to
//! `Down`/`Up`. After a script or topic change call [`Pager::on_context_change`].

mod search;

pub use search::Search;
use search::SearchPrompt;

use std::collections::BTreeSet;
use std::sync::Arc;

use ratatui::layout::Rect;

use crate::app::action::Action;
use crate::app::filter;
use crate::app::input::LineInput;
use crate::app::layout::{LIST_ENTRY_HEIGHT, PagerRegions};
use crate::app::scroll::{self, Step};
use crate::app::strings;
use crate::app::transcript::{
    self, FiguresByParagraph, ScriptTable, TranscriptError, TranscriptLayout,
};
use crate::data::{Dataset, Lang, Script};

/// How many layouts (widths × scripts × filters) are kept for quick switching back.
const CACHED_LAYOUTS: usize = 4;

/// What the pager needs from the app each time it updates or draws.
#[derive(Debug, Clone, Copy)]
pub struct PagerContext<'a> {
    pub data: &'a Dataset,
    pub script: Script,
    pub lang: Lang,
    /// Theme ids; an empty set means no filter.
    pub topics: &'a BTreeSet<String>,
    /// The dashboard's free-text filter ([`crate::app::filter::Filter::text`]); items that do
    /// not hold it are hidden. Empty means no filter.
    pub text: &'a str,
}

/// What the status line shows for the pager.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PagerStatus {
    /// 1-based index of the current item (the one at the top of the view, or the one jumped
    /// to), and how many items are shown.
    pub item: Option<(usize, usize)>,
    /// How far down the view's bottom is, 0–100.
    pub percent: u8,
    /// The search, when there is one: 1-based current match (0 when none) and the count.
    pub matches: Option<(usize, usize)>,
}

impl PagerStatus {
    /// The status as one short text: `item 3/17 ⋅ 42% ⋅ 3/12`, in Chinese `第3/17项 ⋅ 42% ⋅ 3/12`
    /// in the shown script.
    pub fn text(&self, lang: Lang, script: Script) -> String {
        let mut parts = Vec::new();
        if let Some((item, count)) = self.item {
            parts.push(strings::item_position(item, count, lang, script));
        }
        parts.push(format!("{}%", self.percent));
        if let Some((current, count)) = self.matches {
            parts.push(if count == 0 {
                strings::NO_MATCH.get(lang, script).to_owned()
            } else {
                format!("{current}/{count}")
            });
        }
        parts.join(" ⋅ ")
    }
}

/// The transcript as laid out for the current area, script and filter.
#[derive(Debug, Clone, Default)]
pub enum Laid {
    /// Nothing laid out yet: [`Pager::resize`] was not called.
    #[default]
    NotYet,
    Ready(Arc<TranscriptLayout>),
    /// The area is too narrow for text.
    Failed(TranscriptError),
}

/// A place in the transcript that survives relayout: a block (by segment, paragraph and, for
/// a piece of a long paragraph, the `char` of the words it starts at) and a `char` offset into
/// its shown text, or the blank row after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Anchor {
    segment: usize,
    paragraph: Option<usize>,
    words_chars: usize,
    chars: usize,
    blank_after: bool,
}

/// Where the pager is, to come back to: the top row's place in the text and the figure
/// highlighted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PagerPlace {
    anchor: Option<Anchor>,
    figure: Option<usize>,
}

/// The pager's state.
#[derive(Debug, Clone, Default)]
pub struct Pager {
    area: Rect,
    laid: Laid,
    /// Recent layouts, most recent last.
    cache: Vec<Arc<TranscriptLayout>>,
    /// Index in the layout's lines of the top visible row.
    top: usize,
    anchor: Option<Anchor>,
    /// Index in the layout's items of the item the list highlights.
    current_item: usize,
    prompt: Option<SearchPrompt>,
    search: Option<Search>,
    /// Index in the dataset's figures of the figure opened from a drill-down.
    figure: Option<usize>,
    /// Built on the first search.
    script_table: Option<Arc<ScriptTable>>,
    /// Built on the first layout, for every layout after it.
    figures: Option<Arc<FiguresByParagraph>>,
    /// Wrap every block up front, as the reference the lazy layout is tested against.
    #[cfg(test)]
    wrap_all: bool,
}

impl Pager {
    /// A pager with nothing laid out yet: cheap, wrapping waits for the first
    /// [`Pager::resize`].
    pub fn new() -> Self {
        Self::default()
    }

    /// Lays the transcript out for the tab's body `area` (cached per text width, script and
    /// filter), keeping the same sentence at the top.
    pub fn resize(&mut self, area: Rect, ctx: &PagerContext) {
        self.area = area;
        self.relayout(ctx);
    }

    /// The script or the filter changed: lay out again, keeping the top sentence when it
    /// is still shown (else the next shown item).
    pub fn on_context_change(&mut self, ctx: &PagerContext) {
        self.relayout(ctx);
    }

    /// Applies a user action; `true` when the pager used it (see the module docs for which).
    pub fn apply(&mut self, action: Action, ctx: &PagerContext) -> bool {
        if matches!(self.laid, Laid::NotYet) {
            self.relayout(ctx);
        }
        let height = self.regions().text.height as usize;
        if action == Action::Bottom {
            // Past the end: the last rows get wrapped, so the estimate of the total is not
            // what decides where the bottom is.
            self.scroll_to(ctx.data, usize::MAX);
            return true;
        }
        if let Some(step) = Step::of(action, height) {
            let rows = self.layout().map_or(0, TranscriptLayout::row_count);
            self.scroll_to(
                ctx.data,
                step.from(self.top, scroll::last_top(rows, height)),
            );
            return true;
        }
        match action {
            Action::NextItem => self.jump_to_item(ctx.data, self.current_item + 1),
            Action::PrevItem => {
                let heading = self
                    .layout()
                    .and_then(|laid| laid.items.get(self.current_item))
                    .map(|item| item.first_line);
                if heading.is_some_and(|line| line < self.top) {
                    self.jump_to_item(ctx.data, self.current_item);
                } else if let Some(previous) = self.current_item.checked_sub(1) {
                    self.jump_to_item(ctx.data, previous);
                }
            }
            Action::StartSearch => {
                self.prompt = Some(SearchPrompt {
                    input: LineInput::new(),
                    previous: self.search.clone(),
                    origin: self.anchor,
                });
            }
            Action::NextMatch => return self.step_match(ctx.data, true),
            Action::PrevMatch => return self.step_match(ctx.data, false),
            Action::Back => {
                let had_marks = self.has_marks();
                self.search = None;
                self.figure = None;
                return had_marks;
            }
            _ => return false,
        }
        true
    }

    /// Opens the transcript at the sentence a figure comes from, with the figure highlighted.
    /// For an unknown id, or a figure in an item the topic filter hides, the view stays where
    /// it was and `false` is returned (the app may then clear the filter and call again).
    pub fn open_at_figure(&mut self, figure_id: &str, ctx: &PagerContext) -> bool {
        if matches!(self.laid, Laid::NotYet) {
            self.relayout(ctx);
        }
        let Some((figure_index, figure)) = ctx
            .data
            .figures
            .iter()
            .enumerate()
            .find(|(_, figure)| figure.id == figure_id)
        else {
            return false;
        };
        let Some(segment) = ctx
            .data
            .segments
            .iter()
            .position(|segment| segment.id == figure.source.segment)
        else {
            return false;
        };
        let Some(laid) = self.layout() else {
            return false;
        };
        let sentence = figure.source.sentence_span.get(ctx.script);
        let Some(block) = laid.find_piece(segment, Some(figure.source.paragraph), sentence.start)
        else {
            return false;
        };
        self.wrap_block(ctx.data, block);
        let Some(laid) = self.layout() else {
            return false;
        };
        let Some(paragraph) = ctx.data.segments[segment]
            .paragraphs
            .get(figure.source.paragraph)
        else {
            return false;
        };
        let shown = &laid.blocks[block];
        let words = paragraph
            .text
            .get(ctx.script)
            .get(shown.words.clone())
            .unwrap_or_default();
        let start = transcript::shown_range(
            words,
            sentence.start.saturating_sub(shown.words_chars)
                ..sentence.end.saturating_sub(shown.words_chars),
            shown.name_len,
            &shown.text,
        )
        .start;
        let line = laid.line_of_offset(block, start);
        let item = laid.item_of_block(block);
        self.figure = Some(figure_index);
        self.scroll_to(ctx.data, line);
        self.current_item = item;
        true
    }

    /// A mouse click at a terminal cell: in the items list, jumps to that item.
    pub fn click(&mut self, column: u16, row: u16, ctx: &PagerContext) -> bool {
        let regions = self.regions();
        let position = ratatui::layout::Position { x: column, y: row };
        if !regions.list_is_column || !regions.list.contains(position) {
            return false;
        }
        if matches!(self.laid, Laid::NotYet) {
            self.relayout(ctx);
        }
        let count = self.layout().map_or(0, |laid| laid.items.len());
        let visible = regions.list_entries();
        let entry = scroll::centred_offset(self.current_item, count, visible)
            + usize::from((row - regions.list.y) / LIST_ENTRY_HEIGHT);
        if entry >= count {
            return false;
        }
        self.jump_to_item(ctx.data, entry);
        true
    }

    /// Position and search counts for the status line.
    pub fn status(&self) -> PagerStatus {
        let Some(laid) = self.layout() else {
            return PagerStatus::default();
        };
        let height = self.regions().text.height as usize;
        let total = laid.row_count();
        let percent = if total <= height {
            100
        } else {
            ((self.top + height) * 100 / total).min(100) as u8
        };
        PagerStatus {
            item: (!laid.items.is_empty()).then_some((self.current_item + 1, laid.items.len())),
            percent,
            matches: self.search.as_ref().map(|search| {
                (
                    search.current.map_or(0, |current| current + 1),
                    search.matches.len(),
                )
            }),
        }
    }

    /// The parts of the area given to [`Pager::resize`].
    pub fn regions(&self) -> PagerRegions {
        PagerRegions::new(self.area, self.is_prompting())
    }

    /// The transcript as laid out.
    pub fn laid(&self) -> &Laid {
        &self.laid
    }

    /// The layout, when there is one.
    pub fn layout(&self) -> Option<&TranscriptLayout> {
        match &self.laid {
            Laid::Ready(laid) => Some(laid),
            Laid::NotYet | Laid::Failed(_) => None,
        }
    }

    /// Index in the layout's lines of the top visible row.
    pub fn top(&self) -> usize {
        self.top
    }

    /// Index in the layout's items of the item the list highlights.
    pub fn current_item(&self) -> usize {
        self.current_item
    }

    /// Where the view is now, for [`Pager::go_to_place`].
    pub fn place(&self) -> PagerPlace {
        PagerPlace {
            anchor: self.anchor,
            figure: self.figure,
        }
    }

    /// Back to a place left earlier; laid out by the next relayout when there is no layout.
    pub fn go_to_place(&mut self, data: &Dataset, place: PagerPlace) {
        self.anchor = place.anchor;
        self.figure = place.figure;
        self.restore_anchor(data);
    }

    /// Whether `Esc` has highlights to clear (a search's or a figure's).
    pub fn has_marks(&self) -> bool {
        self.search.is_some() || self.figure.is_some()
    }

    /// Index in the dataset's figures of the figure opened with [`Pager::open_at_figure`].
    pub fn opened_figure(&self) -> Option<usize> {
        self.figure
    }

    /// The layout, to wrap more of it (copied first only if a clone of the pager shares it).
    fn layout_mut(&mut self) -> Option<&mut TranscriptLayout> {
        match &mut self.laid {
            Laid::Ready(laid) => Some(Arc::make_mut(laid)),
            Laid::NotYet | Laid::Failed(_) => None,
        }
    }

    /// Wraps `block` if it is not yet, keeping the top row where it is.
    fn wrap_block(&mut self, data: &Dataset, block: usize) {
        let Some(laid) = self.layout() else {
            return;
        };
        let above_top = laid
            .lines
            .get(self.top)
            .is_some_and(|row| block < row.block);
        let rows = laid.row_count();
        let Some(wrapped) = self
            .layout_mut()
            .map(|laid| laid.wrap_blocks(data, block..block + 1))
        else {
            return;
        };
        match wrapped {
            Ok(true) if above_top => {
                let now = self.layout().map_or(rows, TranscriptLayout::row_count);
                self.top = (self.top + now).saturating_sub(rows);
            }
            Ok(_) => {}
            Err(error) => self.laid = Laid::Failed(error),
        }
    }

    /// Lays out again for the current area and context, then puts the anchor back at the top.
    fn relayout(&mut self, ctx: &PagerContext) {
        let width = self.regions().text.width as usize;
        let mut segments = transcript::shown_segments(ctx.data, ctx.topics);
        segments.retain(|&segment| {
            filter::segment_has_text(&ctx.data.segments[segment], ctx.data, ctx.text)
        });
        let fits = |laid: &TranscriptLayout| {
            laid.width == width
                && laid.script == ctx.script
                && laid
                    .items
                    .iter()
                    .map(|item| item.segment)
                    .eq(segments.iter().copied())
        };
        let current_segment = self
            .layout()
            .and_then(|laid| laid.items.get(self.current_item))
            .map(|item| item.segment);
        if let Laid::Ready(laid) = &self.laid
            && fits(laid)
        {
            self.restore_anchor(ctx.data);
            self.keep_current_item(current_segment);
            return;
        }
        let search_position = self.current_match_position();
        let laid = if let Some(at) = self.cache.iter().position(|laid| fits(laid)) {
            Ok(self.cache.remove(at))
        } else {
            let figures = Arc::clone(
                self.figures
                    .get_or_insert_with(|| Arc::new(FiguresByParagraph::new(ctx.data))),
            );
            let laid = transcript::layout_lazily(ctx.data, &figures, ctx.script, width, &segments);
            // The tests' reference wraps every block up front.
            #[cfg(test)]
            let laid = laid.and_then(|mut laid| {
                if self.wrap_all {
                    let all = 0..laid.blocks.len();
                    laid.wrap_blocks(ctx.data, all)?;
                }
                Ok(laid)
            });
            laid.map(Arc::new)
        };
        match laid {
            Ok(laid) => {
                // The layout shown is not in the cache, so wrapping more of it copies nothing.
                if let Laid::Ready(previous) = std::mem::replace(&mut self.laid, Laid::Ready(laid))
                {
                    self.cache.push(previous);
                    if self.cache.len() > CACHED_LAYOUTS {
                        self.cache.remove(0);
                    }
                }
                self.restore_anchor(ctx.data);
                self.keep_current_item(current_segment);
                if let Some(search) = self.search.take() {
                    self.run_search(search.query, ctx);
                    self.restore_current_match(ctx.data, search_position);
                }
            }
            Err(error) => self.laid = Laid::Failed(error),
        }
    }

    /// Scrolls so row `line` is at the top (clamped so the last row is at the bottom at
    /// most), updating the anchor and the current item. The blocks from a screen above it to
    /// two screens below are wrapped first; `line` is taken as a row of its block, so it
    /// stays on that row when blocks above it take their exact rows.
    fn scroll_to(&mut self, data: &Dataset, line: usize) {
        let height = self.regions().text.height as usize;
        let Some(laid) = self.layout() else {
            return;
        };
        let Some(last) = laid.lines.len().checked_sub(1) else {
            self.top = 0;
            self.anchor = None;
            self.current_item = 0;
            return;
        };
        let block = laid.lines[line.min(last)].block;
        let within = line - laid.blocks[block].lines.start.min(line);
        let wrapped = self
            .layout_mut()
            .map(|laid| laid.wrap_around(data, block, within, height, 2 * height));
        if let Some(Err(error)) = wrapped {
            self.laid = Laid::Failed(error);
            return;
        }
        let Some(laid) = self.layout() else {
            return;
        };
        let line =
            (laid.blocks[block].lines.start.saturating_add(within)).min(laid.lines.len() - 1);
        let top = line.min(scroll::last_top(laid.lines.len(), height));
        let anchor = laid.lines.get(top).and_then(|row| {
            let block = laid.blocks.get(row.block)?;
            Some(Anchor {
                segment: block.segment,
                paragraph: block.paragraph,
                words_chars: block.words_chars,
                chars: row
                    .range
                    .as_ref()
                    .map_or(0, |range| block.text[..range.start].chars().count()),
                blank_after: row.range.is_none(),
            })
        });
        let item = laid.item_at_line(top);
        self.top = top;
        self.anchor = anchor;
        self.current_item = item;
    }

    /// Scrolls to item `index` of the laid-out items, as the items list opens it.
    pub fn open_item(&mut self, data: &Dataset, index: usize) {
        self.jump_to_item(data, index);
    }

    /// Scrolls to the item at `index` in the layout's items, which the list then highlights
    /// even when the view cannot scroll that far.
    fn jump_to_item(&mut self, data: &Dataset, index: usize) {
        let Some(line) = self
            .layout()
            .and_then(|laid| laid.items.get(index))
            .map(|item| item.first_line)
        else {
            return;
        };
        self.scroll_to(data, line);
        self.current_item = index;
    }

    /// Puts the anchor's row back at the top after a relayout.
    fn restore_anchor(&mut self, data: &Dataset) {
        let (Some(anchor), Some(laid)) = (self.anchor, self.layout()) else {
            self.scroll_to(data, 0);
            return;
        };
        let Some(block) = laid.find_piece(anchor.segment, anchor.paragraph, anchor.words_chars)
        else {
            // The anchor's item is filtered out: the next shown item, else the end.
            let next = laid
                .items
                .partition_point(|item| item.segment < anchor.segment);
            let line = laid
                .items
                .get(next)
                .map_or(laid.lines.len(), |item| item.first_line);
            self.scroll_to(data, line);
            return;
        };
        self.wrap_block(data, block);
        let Some(laid) = self.layout() else {
            return;
        };
        let line = if anchor.blank_after {
            // The blank row right after the block.
            laid.blocks[block].lines.end
        } else {
            let text = &laid.blocks[block].text;
            let offset = text
                .char_indices()
                .nth(anchor.chars)
                .map_or(text.len(), |(byte, _)| byte);
            laid.line_of_offset(block, offset)
        };
        self.scroll_to(data, line);
        // The anchor stays the exact character, not the start of the row now holding it, so
        // resizing back and forth returns to the same row; clamping at the end must not lose
        // the reader's place either.
        self.anchor = Some(anchor);
    }

    /// After a relayout, the list keeps highlighting the item jumped to last (at the end of
    /// the transcript the view may not scroll up to it) while its heading is in view.
    fn keep_current_item(&mut self, segment: Option<usize>) {
        let height = self.regions().text.height as usize;
        let (Some(segment), Some(laid)) = (segment, self.layout()) else {
            return;
        };
        let Ok(index) = laid
            .items
            .binary_search_by_key(&segment, |item| item.segment)
        else {
            return;
        };
        if (self.top..self.top + height).contains(&laid.items[index].first_line) {
            self.current_item = index;
        }
    }
}

#[cfg(test)]
mod tests;
