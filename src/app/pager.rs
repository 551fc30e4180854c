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

use std::collections::BTreeSet;
use std::sync::Arc;

use crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::app::action::Action;
use crate::app::filter;
use crate::app::input::{InputOutcome, LineInput};
use crate::app::layout::{LIST_ENTRY_HEIGHT, PagerRegions};
use crate::app::scroll::{self, Step};
use crate::app::transcript::{self, Match, ScriptTable, TranscriptError, TranscriptLayout};
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
    /// The status as one short text: `item 3/17 · 42% · 3/12`, in Chinese `第3/17项 · 42% · 3/12`
    /// in the shown script.
    pub fn text(&self, lang: Lang, script: Script) -> String {
        let mut parts = Vec::new();
        if let Some((item, count)) = self.item {
            parts.push(match (lang, script) {
                (Lang::Zh, Script::Hans) => format!("第{item}/{count}项"),
                (Lang::Zh, Script::Hant) => format!("第{item}/{count}項"),
                (Lang::En, _) => format!("item {item}/{count}"),
            });
        }
        parts.push(format!("{}%", self.percent));
        if let Some((current, count)) = self.matches {
            parts.push(match (lang, script, count) {
                (Lang::Zh, Script::Hans, 0) => "无匹配".to_owned(),
                (Lang::Zh, Script::Hant, 0) => "無匹配".to_owned(),
                (Lang::En, _, 0) => "no match".to_owned(),
                _ => format!("{current}/{count}"),
            });
        }
        parts.join(" · ")
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

/// The last search and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    /// In reading order.
    pub matches: Vec<Match>,
    /// Index into `matches` of the one last jumped to.
    pub current: Option<usize>,
}

/// A place in the transcript that survives relayout: a block (by segment and paragraph) and a
/// `char` offset into its shown text, or the blank row after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Anchor {
    segment: usize,
    paragraph: Option<usize>,
    chars: usize,
    blank_after: bool,
}

/// The open search prompt, and what Esc goes back to.
#[derive(Debug, Clone)]
struct SearchPrompt {
    input: LineInput,
    /// The search before the prompt opened.
    previous: Option<Search>,
    /// Where the view was when the prompt opened.
    origin: Option<Anchor>,
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
        if let Some(step) = Step::of(action, height) {
            let rows = self.layout().map_or(0, |laid| laid.lines.len());
            self.scroll_to(step.from(self.top, scroll::last_top(rows, height)));
            return true;
        }
        match action {
            Action::NextItem => self.jump_to_item(self.current_item + 1),
            Action::PrevItem => {
                let heading = self
                    .layout()
                    .and_then(|laid| laid.items.get(self.current_item))
                    .map(|item| item.first_line);
                if heading.is_some_and(|line| line < self.top) {
                    self.jump_to_item(self.current_item);
                } else if let Some(previous) = self.current_item.checked_sub(1) {
                    self.jump_to_item(previous);
                }
            }
            Action::StartSearch => {
                self.prompt = Some(SearchPrompt {
                    input: LineInput::new(),
                    previous: self.search.clone(),
                    origin: self.anchor,
                });
            }
            Action::NextMatch => return self.step_match(true),
            Action::PrevMatch => return self.step_match(false),
            Action::Back => {
                let had_marks = self.search.is_some() || self.figure.is_some();
                self.search = None;
                self.figure = None;
                return had_marks;
            }
            _ => return false,
        }
        true
    }

    /// Whether the `/` search prompt is open: then keys go to [`Pager::handle_prompt_key`].
    pub fn is_prompting(&self) -> bool {
        self.prompt.is_some()
    }

    /// The search prompt, while open.
    pub fn prompt(&self) -> Option<&LineInput> {
        self.prompt.as_ref().map(|prompt| &prompt.input)
    }

    /// Feeds a key to the search prompt. The search follows the typing: matches are marked and
    /// the view moves to the first one at or after where it was when the prompt opened. Enter
    /// keeps that search (an empty query repeats the last one); Esc closes the prompt and goes
    /// back to the previous search and place. Returns `true` when the key was used.
    pub fn handle_prompt_key(&mut self, key: KeyEvent, ctx: &PagerContext) -> bool {
        let Some(prompt) = self.prompt.as_mut() else {
            return false;
        };
        match prompt.input.handle_key(key) {
            InputOutcome::Ignored => false,
            InputOutcome::Edited => {
                self.search_as_typed(ctx);
                true
            }
            InputOutcome::Cancelled => {
                if let Some(prompt) = self.prompt.take() {
                    self.search = prompt.previous;
                    self.return_to(prompt.origin);
                }
                true
            }
            InputOutcome::Submitted => {
                if let Some(prompt) = self.prompt.take()
                    && prompt.input.text().is_empty()
                    && let Some(previous) = prompt.previous
                {
                    self.return_to(prompt.origin);
                    self.run_search(previous.query, ctx);
                    self.jump_to_first_match_from_top();
                }
                true
            }
        }
    }

    /// Inserts pasted text into the open search prompt (bracketed paste, or an input method
    /// that delivers its text as a paste) and searches for it; line breaks are dropped.
    /// `false` when no prompt is open.
    pub fn handle_prompt_paste(&mut self, text: &str, ctx: &PagerContext) -> bool {
        let Some(prompt) = self.prompt.as_mut() else {
            return false;
        };
        prompt.input.insert_str(text);
        self.search_as_typed(ctx);
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
        let Some(block) = laid.find_block(segment, Some(figure.source.paragraph)) else {
            return false;
        };
        let sentence = figure.source.sentence_span.get(ctx.script);
        let Some(paragraph) = ctx.data.segments[segment]
            .paragraphs
            .get(figure.source.paragraph)
        else {
            return false;
        };
        let start = transcript::shown_range(
            paragraph.text.get(ctx.script),
            sentence.start..sentence.end,
            laid.blocks[block].name_len,
            &laid.blocks[block].text,
        )
        .start;
        let line = laid.line_of_offset(block, start);
        let item = laid.item_of_block(block);
        self.figure = Some(figure_index);
        self.scroll_to(line);
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
        self.jump_to_item(entry);
        true
    }

    /// Position and search counts for the status line.
    pub fn status(&self) -> PagerStatus {
        let Some(laid) = self.layout() else {
            return PagerStatus::default();
        };
        let height = self.regions().text.height as usize;
        let total = laid.lines.len();
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

    /// The last search, if any.
    pub fn search(&self) -> Option<&Search> {
        self.search.as_ref()
    }

    /// Index in the dataset's figures of the figure opened with [`Pager::open_at_figure`].
    pub fn opened_figure(&self) -> Option<usize> {
        self.figure
    }

    /// Lays out again for the current area and context, then puts the anchor back at the top.
    fn relayout(&mut self, ctx: &PagerContext) {
        let width = self.regions().text.width as usize;
        let mut segments = transcript::shown_segments(ctx.data, ctx.topics);
        segments.retain(|&segment| {
            filter::segment_has_text(&ctx.data.segments[segment], &ctx.data.figures, ctx.text)
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
            self.restore_anchor();
            self.keep_current_item(current_segment);
            return;
        }
        let search_position = self.current_match_position();
        let laid = if let Some(at) = self.cache.iter().position(|laid| fits(laid)) {
            Ok(self.cache.remove(at))
        } else {
            transcript::layout(ctx.data, ctx.script, width, &segments).map(Arc::new)
        };
        match laid {
            Ok(laid) => {
                self.cache.push(Arc::clone(&laid));
                if self.cache.len() > CACHED_LAYOUTS {
                    self.cache.remove(0);
                }
                self.laid = Laid::Ready(laid);
                self.restore_anchor();
                self.keep_current_item(current_segment);
                if let Some(search) = self.search.take() {
                    self.run_search(search.query, ctx);
                    self.restore_current_match(search_position);
                }
            }
            Err(error) => self.laid = Laid::Failed(error),
        }
    }

    /// Scrolls so row `line` is at the top (clamped so the last row is at the bottom at
    /// most), updating the anchor and the current item.
    fn scroll_to(&mut self, line: usize) {
        let height = self.regions().text.height as usize;
        let Some(laid) = self.layout() else {
            return;
        };
        let top = line.min(scroll::last_top(laid.lines.len(), height));
        let anchor = laid.lines.get(top).and_then(|row| {
            let block = laid.blocks.get(row.block)?;
            Some(Anchor {
                segment: block.segment,
                paragraph: block.paragraph,
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

    /// Scrolls to the item at `index` in the layout's items, which the list then highlights
    /// even when the view cannot scroll that far.
    fn jump_to_item(&mut self, index: usize) {
        let Some(line) = self
            .layout()
            .and_then(|laid| laid.items.get(index))
            .map(|item| item.first_line)
        else {
            return;
        };
        self.scroll_to(line);
        self.current_item = index;
    }

    /// Puts the anchor's row back at the top after a relayout.
    fn restore_anchor(&mut self) {
        let (Some(anchor), Some(laid)) = (self.anchor, self.layout()) else {
            self.scroll_to(0);
            return;
        };
        let Some(block) = laid.find_block(anchor.segment, anchor.paragraph) else {
            // The anchor's item is filtered out: the next shown item, else the end.
            let next = laid
                .items
                .partition_point(|item| item.segment < anchor.segment);
            let line = laid
                .items
                .get(next)
                .map_or(laid.lines.len(), |item| item.first_line);
            self.scroll_to(line);
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
        self.scroll_to(line);
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

    /// Searches for what the prompt holds, from where the view was when it opened; an empty
    /// prompt shows the previous search again.
    fn search_as_typed(&mut self, ctx: &PagerContext) {
        let Some(prompt) = &self.prompt else {
            return;
        };
        let query = prompt.input.text().to_owned();
        let (origin, previous) = (prompt.origin, prompt.previous.clone());
        self.return_to(origin);
        if query.is_empty() {
            self.search = previous;
        } else {
            self.run_search(query, ctx);
            self.jump_to_first_match_from_top();
        }
    }

    /// Scrolls back to `anchor` (the top when there is none).
    fn return_to(&mut self, anchor: Option<Anchor>) {
        self.anchor = anchor;
        self.restore_anchor();
    }

    fn run_search(&mut self, query: String, ctx: &PagerContext) {
        let table = Arc::clone(
            self.script_table
                .get_or_insert_with(|| Arc::new(ScriptTable::new(ctx.data))),
        );
        let matches = self
            .layout()
            .map(|laid| transcript::search(ctx.data, laid, &table, &query))
            .unwrap_or_default();
        self.search = Some(Search {
            query,
            matches,
            current: None,
        });
    }

    /// The current match as (segment, paragraph, char offset), to find it again after a
    /// relayout.
    fn current_match_position(&self) -> Option<(usize, Option<usize>, usize)> {
        let laid = self.layout()?;
        let search = self.search.as_ref()?;
        let found = search.matches.get(search.current?)?;
        let block = laid.blocks.get(found.block)?;
        Some((
            block.segment,
            block.paragraph,
            block.text[..found.range.start].chars().count(),
        ))
    }

    fn restore_current_match(&mut self, position: Option<(usize, Option<usize>, usize)>) {
        let Some((segment, paragraph, chars)) = position else {
            return;
        };
        let Some(laid) = self.layout() else {
            return;
        };
        let Some(block) = laid.find_block(segment, paragraph) else {
            return;
        };
        let text = &laid.blocks[block].text;
        let offset = text
            .char_indices()
            .nth(chars)
            .map_or(text.len(), |(byte, _)| byte);
        if let Some(search) = self.search.as_mut() {
            let at = search
                .matches
                .partition_point(|m| (m.block, m.range.start) < (block, offset));
            search.current = (at < search.matches.len()).then_some(at);
        }
    }

    /// Jumps to the first match on or after the top row, wrapping to the first one.
    fn jump_to_first_match_from_top(&mut self) {
        let Some(laid) = self.layout() else {
            return;
        };
        let top = self.top;
        let Some(search) = self.search.as_ref() else {
            return;
        };
        let at = search
            .matches
            .partition_point(|m| laid.line_of_offset(m.block, m.range.start) < top);
        let index = if at < search.matches.len() { at } else { 0 };
        if !search.matches.is_empty() {
            self.show_match(index);
        }
    }

    /// `n` / `N`: the next or previous match, wrapping around.
    fn step_match(&mut self, forward: bool) -> bool {
        let Some(search) = self.search.as_ref() else {
            return false;
        };
        let count = search.matches.len();
        if count == 0 {
            return true;
        }
        let index = match (search.current, forward) {
            (None, _) => {
                self.jump_to_first_match_from_top();
                return true;
            }
            (Some(current), true) => (current + 1) % count,
            (Some(current), false) => (current + count - 1) % count,
        };
        self.show_match(index);
        true
    }

    /// Makes match `index` current and scrolls it to the top unless it is already in view.
    fn show_match(&mut self, index: usize) {
        let height = self.regions().text.height as usize;
        let (Some(laid), Some(search)) = (self.layout(), self.search.as_ref()) else {
            return;
        };
        let Some(found) = search.matches.get(index) else {
            return;
        };
        let line = laid.line_of_offset(found.block, found.range.start);
        if let Some(search) = self.search.as_mut() {
            search.current = Some(index);
        }
        if !(self.top..self.top + height).contains(&line) {
            self.scroll_to(line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::transcript::fixture;
    use crossterm::event::{KeyCode, KeyModifiers};
    use proptest::prelude::*;

    const NO_TOPICS: &BTreeSet<String> = &BTreeSet::new();

    fn ctx(data: &Dataset, script: Script) -> PagerContext<'_> {
        PagerContext {
            data,
            script,
            lang: Lang::Zh,
            topics: NO_TOPICS,
            text: "",
        }
    }

    /// A narrow area: a one-row list on top, then `height - 1` text rows of `width - 1`.
    fn area(width: u16, height: u16) -> Rect {
        Rect::new(0, 0, width, height)
    }

    fn top_text(pager: &Pager) -> &str {
        pager
            .layout()
            .map_or("", |laid| laid.line_text(pager.top()))
    }

    fn search(pager: &mut Pager, query: &str, ctx: &PagerContext) {
        assert!(pager.apply(Action::StartSearch, ctx));
        assert!(pager.is_prompting());
        for c in query.chars() {
            pager.handle_prompt_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), ctx);
        }
        pager.handle_prompt_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE), ctx);
        assert!(!pager.is_prompting());
    }

    fn matched_texts(pager: &Pager) -> Vec<String> {
        let laid = pager.layout().expect("laid out");
        pager
            .search()
            .expect("searched")
            .matches
            .iter()
            .map(|m| laid.blocks[m.block].text[m.range.clone()].to_owned())
            .collect()
    }

    #[test]
    fn new_lays_nothing_out_until_resized() {
        let pager = Pager::new();
        assert!(matches!(pager.laid(), Laid::NotYet));
        assert_eq!(pager.status(), PagerStatus::default());
    }

    #[test]
    fn moves_by_row_page_and_item() {
        let data = fixture();
        let ctx = ctx(&data, Script::Hans);
        let mut pager = Pager::new();
        pager.resize(area(25, 6), &ctx);
        let total = pager.layout().expect("laid out").lines.len();
        assert!(total > 20, "the fixture is long enough at this width");
        assert!(pager.apply(Action::Down, &ctx));
        assert_eq!(pager.top(), 1);
        assert!(pager.apply(Action::PageDown, &ctx));
        assert_eq!(pager.top(), 5, "a page is the 5 text rows less one");
        assert!(pager.apply(Action::HalfPageUp, &ctx));
        assert_eq!(pager.top(), 3);
        assert!(pager.apply(Action::Bottom, &ctx));
        assert_eq!(pager.top(), total - 5);
        assert_eq!(pager.status().percent, 100);
        assert!(pager.apply(Action::Down, &ctx));
        assert_eq!(pager.top(), total - 5, "never past the end");
        assert!(pager.apply(Action::Top, &ctx));
        assert_eq!(pager.top(), 0);
        assert_eq!(pager.status().item, Some((1, 4)));

        assert!(pager.apply(Action::NextItem, &ctx));
        assert_eq!(pager.current_item(), 1);
        assert!(top_text(&pager).starts_with("一、"));
        assert!(pager.apply(Action::NextItem, &ctx));
        assert!(top_text(&pager).starts_with("提问1"));
        assert!(pager.apply(Action::Down, &ctx));
        assert!(pager.apply(Action::PrevItem, &ctx));
        assert!(
            top_text(&pager).starts_with("提问1"),
            "first back to this item's heading"
        );
        assert!(pager.apply(Action::PrevItem, &ctx));
        assert!(top_text(&pager).starts_with("一、"));
        assert!(!pager.apply(Action::ToggleScript, &ctx));
    }

    #[test]
    fn the_list_highlights_the_last_items_even_when_the_view_cannot_reach_them() {
        let data = fixture();
        let ctx = ctx(&data, Script::Hans);
        let mut pager = Pager::new();
        pager.resize(area(120, 40), &ctx);
        assert_eq!(pager.status().percent, 100, "everything fits");
        for _ in 0..5 {
            pager.apply(Action::NextItem, &ctx);
        }
        assert_eq!(pager.top(), 0);
        assert_eq!(pager.status().item, Some((4, 4)));
        pager.resize(area(110, 40), &ctx);
        assert_eq!(pager.status().item, Some((4, 4)), "still, after a resize");
    }

    #[test]
    fn a_query_in_either_script_finds_the_text_shown_in_the_other() {
        let data = fixture();
        for (script, query, shown) in [
            (Script::Hant, "快递业务量", "快遞業務量"),
            (Script::Hans, "快遞業務量", "快递业务量"),
            (Script::Hant, "工会", "工會"),
            (Script::Hans, "工會", "工会"),
        ] {
            let ctx = ctx(&data, script);
            let mut pager = Pager::new();
            pager.resize(area(60, 10), &ctx);
            search(&mut pager, query, &ctx);
            let found = matched_texts(&pager);
            assert!(!found.is_empty(), "{query} in {script:?}");
            assert!(found.iter().all(|text| text == shown), "{query}: {found:?}");
        }
    }

    #[test]
    fn a_paragraph_whose_conversion_changed_its_length_is_searched_with_the_table() {
        let data = fixture();
        let ctx = ctx(&data, Script::Hant);
        let mut pager = Pager::new();
        pager.resize(area(60, 10), &ctx);
        // 里面 → 裡面 in the one paragraph whose two scripts differ in length; the table knows
        // 里 → 裡 from the opening, where 这里 is 這裡.
        search(&mut pager, "里面", &ctx);
        assert_eq!(matched_texts(&pager), ["裡面"]);
        let laid = pager.layout().expect("laid out");
        let found = &pager.search().expect("searched").matches[0];
        assert_eq!(laid.blocks[found.block].paragraph, Some(2));
    }

    #[test]
    fn n_and_shift_n_wrap_around_and_count() {
        let data = fixture();
        let ctx = ctx(&data, Script::Hans);
        let mut pager = Pager::new();
        pager.resize(area(30, 8), &ctx);
        search(&mut pager, "工会", &ctx);
        let count = pager.search().expect("searched").matches.len();
        assert!(count >= 3, "{count}");
        assert_eq!(pager.status().matches, Some((1, count)));
        assert!(
            pager
                .status()
                .text(Lang::En, Script::Hans)
                .ends_with(&format!("1/{count}"))
        );
        assert!(pager.apply(Action::PrevMatch, &ctx));
        assert_eq!(
            pager.status().matches,
            Some((count, count)),
            "wraps to the last"
        );
        assert!(pager.apply(Action::NextMatch, &ctx));
        assert_eq!(
            pager.status().matches,
            Some((1, count)),
            "wraps to the first"
        );
        for _ in 1..count {
            pager.apply(Action::NextMatch, &ctx);
        }
        // The last match's row is in view.
        let laid = pager.layout().expect("laid out");
        let last = &pager.search().expect("searched").matches[count - 1];
        let line = laid.line_of_offset(last.block, last.range.start);
        assert!((pager.top()..pager.top() + 7).contains(&line));
        assert!(pager.apply(Action::Back, &ctx));
        assert!(pager.search().is_none());
        assert!(!pager.apply(Action::Back, &ctx), "nothing left to clear");
        assert!(
            !pager.apply(Action::NextMatch, &ctx),
            "no search to step through"
        );
    }

    #[test]
    fn the_search_follows_the_typing_and_esc_goes_back() {
        let data = fixture();
        let ctx = ctx(&data, Script::Hans);
        let mut pager = Pager::new();
        pager.resize(area(30, 6), &ctx);
        pager.apply(Action::StartSearch, &ctx);
        let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        pager.handle_prompt_key(key('缩'), &ctx);
        assert!(pager.is_prompting());
        assert_eq!(pager.status().matches, Some((1, 1)));
        assert!(pager.top() > 0, "the view went to the match");
        pager.handle_prompt_key(key('x'), &ctx);
        assert_eq!(pager.status().matches, Some((0, 0)));
        assert_eq!(pager.top(), 0, "no match: back where the prompt opened");
        pager.handle_prompt_key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE), &ctx);
        assert!(pager.top() > 0);
        pager.handle_prompt_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE), &ctx);
        assert_eq!(pager.top(), 0);
        assert!(pager.search().is_none(), "no search before the prompt");
    }

    #[test]
    fn pasted_text_goes_into_the_open_prompt() {
        let data = fixture();
        let ctx = ctx(&data, Script::Hans);
        let mut pager = Pager::new();
        pager.resize(area(30, 8), &ctx);
        assert!(!pager.handle_prompt_paste("工会", &ctx), "no prompt open");
        pager.apply(Action::StartSearch, &ctx);
        assert!(pager.handle_prompt_paste("工\n会", &ctx));
        assert_eq!(pager.prompt().map(LineInput::text), Some("工会"));
        pager.handle_prompt_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE), &ctx);
        assert!(pager.status().matches.is_some_and(|(_, count)| count > 0));
    }

    #[test]
    fn a_search_with_no_match_says_so_and_esc_keeps_the_previous_one() {
        let data = fixture();
        let ctx = ctx(&data, Script::Hans);
        let mut pager = Pager::new();
        pager.resize(area(30, 8), &ctx);
        search(&mut pager, "不存在的词", &ctx);
        assert_eq!(pager.status().matches, Some((0, 0)));
        assert!(
            pager
                .status()
                .text(Lang::Zh, Script::Hans)
                .ends_with("无匹配")
        );
        assert_eq!(
            pager.status().text(Lang::Zh, Script::Hant),
            format!("第1/4項 · {}% · 無匹配", pager.status().percent)
        );
        search(&mut pager, "工会", &ctx);
        pager.apply(Action::StartSearch, &ctx);
        pager.handle_prompt_key(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE), &ctx);
        pager.handle_prompt_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE), &ctx);
        assert!(!pager.is_prompting());
        assert_eq!(pager.search().expect("kept").query, "工会");
    }

    #[test]
    fn a_resize_keeps_the_same_sentence_at_the_top() {
        let data = fixture();
        let ctx = ctx(&data, Script::Hans);
        let mut pager = Pager::new();
        pager.resize(area(24, 6), &ctx);
        while !top_text(&pager).contains("截至") {
            assert!(pager.top() < 100);
            pager.apply(Action::Down, &ctx);
        }
        let before = top_text(&pager).to_owned();
        pager.resize(area(40, 6), &ctx);
        assert!(
            before.starts_with(top_text(&pager))
                || top_text(&pager).starts_with(&before)
                || top_text(&pager).contains("截至"),
            "{before} vs {}",
            top_text(&pager)
        );
        pager.resize(area(24, 6), &ctx);
        assert_eq!(top_text(&pager), before);
        // Switching the script keeps the place too.
        pager.on_context_change(&PagerContext {
            script: Script::Hant,
            ..ctx
        });
        assert!(top_text(&pager).contains("截至"));
    }

    #[test]
    fn a_blank_row_at_the_top_stays_the_one_after_the_same_paragraph() {
        let data = fixture();
        let ctx = ctx(&data, Script::Hans);
        let mut pager = Pager::new();
        pager.resize(area(24, 6), &ctx);
        pager.apply(Action::NextItem, &ctx);
        pager.apply(Action::NextItem, &ctx);
        while !top_text(&pager).is_empty() {
            pager.apply(Action::Down, &ctx);
        }
        pager.apply(Action::Up, &ctx);
        let before_blank = top_text(&pager).to_owned();
        pager.apply(Action::Down, &ctx);
        pager.resize(area(40, 6), &ctx);
        assert_eq!(top_text(&pager), "");
        pager.apply(Action::Up, &ctx);
        let wider_last_row = top_text(&pager).to_owned();
        assert!(
            wider_last_row.ends_with(&before_blank),
            "the same paragraph ends the row above: {before_blank} / {wider_last_row}"
        );
    }

    #[test]
    fn open_at_figure_lands_on_its_sentence_and_highlights_it() {
        let data = fixture();
        for script in [Script::Hans, Script::Hant] {
            let ctx = ctx(&data, script);
            let mut pager = Pager::new();
            pager.resize(area(30, 5), &ctx);
            assert!(pager.open_at_figure("union-members", &ctx));
            assert!(top_text(&pager).contains("截至"), "{}", top_text(&pager));
            assert_eq!(pager.opened_figure(), Some(1));
            assert_eq!(pager.status().item, Some((3, 4)));
            assert!(!pager.open_at_figure("no-such-figure", &ctx));
        }
    }

    #[test]
    fn the_topic_filter_hides_items_and_figures_in_them() {
        let data = fixture();
        let topics: BTreeSet<String> = ["union-organisation".to_owned()].into();
        let filtered = PagerContext {
            topics: &topics,
            ..ctx(&data, Script::Hans)
        };
        let mut pager = Pager::new();
        pager.resize(area(40, 10), &ctx(&data, Script::Hans));
        pager.apply(Action::NextItem, &filtered);
        pager.on_context_change(&filtered);
        assert_eq!(pager.status().item, Some((1, 1)));
        assert!(top_text(&pager).starts_with("提问1"), "the next shown item");
        assert!(!pager.open_at_figure("parcels-2021", &filtered));
        assert!(pager.open_at_figure("union-members", &filtered));
    }

    #[test]
    fn the_text_filter_hides_items_that_do_not_hold_it() {
        let data = fixture();
        let mut pager = Pager::new();
        pager.resize(area(40, 10), &ctx(&data, Script::Hans));
        let all = pager.status().item.map(|(_, count)| count);
        // Written in the other script, the text still finds its items.
        let filtered = PagerContext {
            text: "會員",
            ..ctx(&data, Script::Hans)
        };
        pager.on_context_change(&filtered);
        let laid = pager.layout().expect("laid out");
        let shown: Vec<usize> = laid.items.iter().map(|item| item.segment).collect();
        let holding: Vec<usize> = (0..data.segments.len())
            .filter(|&s| {
                data.segments[s]
                    .paragraphs
                    .iter()
                    .any(|p| p.text.hant.contains("會員"))
            })
            .collect();
        assert!(!shown.is_empty() && Some(shown.len()) < all, "{shown:?}");
        assert_eq!(shown, holding);
        pager.on_context_change(&ctx(&data, Script::Hans));
        assert_eq!(pager.status().item.map(|(_, count)| count), all);
    }

    #[test]
    fn a_click_in_the_list_jumps_to_that_item() {
        let data = fixture();
        let ctx = ctx(&data, Script::Hans);
        let mut pager = Pager::new();
        pager.resize(Rect::new(0, 2, 120, 12), &ctx);
        assert!(pager.click(3, 2 + 2 * LIST_ENTRY_HEIGHT + 1, &ctx));
        assert_eq!(pager.current_item(), 2);
        assert!(!pager.click(60, 3, &ctx), "the text is not the list");
        assert!(!pager.click(3, 13, &ctx), "below the last entry");
    }

    #[test]
    fn too_narrow_an_area_fails_softly() {
        let data = fixture();
        let ctx = ctx(&data, Script::Hans);
        let mut pager = Pager::new();
        pager.resize(area(2, 5), &ctx);
        assert!(matches!(
            pager.laid(),
            Laid::Failed(TranscriptError::TooNarrow { .. })
        ));
        assert!(pager.apply(Action::Down, &ctx));
        pager.resize(area(30, 5), &ctx);
        assert!(pager.layout().is_some());
    }

    fn action() -> impl Strategy<Value = Action> {
        prop::sample::select(vec![
            Action::Down,
            Action::Up,
            Action::PageDown,
            Action::PageUp,
            Action::HalfPageDown,
            Action::HalfPageUp,
            Action::Top,
            Action::Bottom,
            Action::NextItem,
            Action::PrevItem,
            Action::NextMatch,
            Action::PrevMatch,
            Action::Back,
            Action::StartSearch,
        ])
    }

    #[derive(Debug, Clone)]
    enum Step {
        Act(Action),
        Resize(u16, u16),
        Key(char),
        Enter,
        Figure(bool),
        Script,
        Click(u16, u16),
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            4 => action().prop_map(Step::Act),
            1 => (0u16..130, 0u16..30).prop_map(|(w, h)| Step::Resize(w, h)),
            2 => prop::sample::select(vec!['工', '会', 'a', '2', '。']).prop_map(Step::Key),
            1 => Just(Step::Enter),
            1 => any::<bool>().prop_map(Step::Figure),
            1 => Just(Step::Script),
            1 => (0u16..130, 0u16..30).prop_map(|(x, y)| Step::Click(x, y)),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]
        #[test]
        fn random_actions_at_random_sizes_never_panic_or_leave_the_layout(
            steps in prop::collection::vec(step(), 1..40),
        ) {
            let data = fixture();
            let mut script = Script::Hans;
            let mut pager = Pager::new();
            for step in steps {
                let ctx = ctx(&data, script);
                match step {
                    Step::Act(action) => { pager.apply(action, &ctx); }
                    Step::Resize(w, h) => pager.resize(Rect::new(0, 0, w, h), &ctx),
                    Step::Key(c) => {
                        pager.handle_prompt_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), &ctx);
                    }
                    Step::Enter => {
                        pager.handle_prompt_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE), &ctx);
                    }
                    Step::Figure(first) => {
                        pager.open_at_figure(if first { "parcels-2021" } else { "union-members" }, &ctx);
                    }
                    Step::Script => {
                        script = if script == Script::Hans { Script::Hant } else { Script::Hans };
                        pager.on_context_change(&PagerContext { script, ..ctx });
                    }
                    Step::Click(x, y) => { pager.click(x, y, &ctx); }
                }
                let status = pager.status();
                prop_assert!(status.percent <= 100);
                if let Some(laid) = pager.layout() {
                    prop_assert!(pager.top() < laid.lines.len().max(1));
                    prop_assert!(pager.current_item() < laid.items.len().max(1));
                    if let Some(search) = pager.search() {
                        prop_assert!(search.current.is_none_or(|c| c < search.matches.len()));
                    }
                }
            }
        }
    }
}
