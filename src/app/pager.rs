//! The Q&A pager: one continuous scroll of the (topic-filtered) transcript, with a list of its
//! items as a table of contents, `/` search and figure highlights.
//!
//! The state is pure; [`crate::ui::pager::draw`] only reads it. Wrapping happens in
//! [`Pager::resize`], [`Pager::apply`] and the other updates, never while drawing.
//!
//! # Actions the pager consumes ([`Pager::apply`] returns `true`)
//! - [`Action::Down`] / [`Action::Up`]: one row;
//! - [`Action::PageDown`] / [`Action::PageUp`]: a screen less one row (`PgDn`/`PgUp`/`Space`);
//! - [`Action::HalfPageDown`] / [`Action::HalfPageUp`]: half a screen (`Ctrl-d`/`Ctrl-u`);
//! - [`Action::Top`] / [`Action::Bottom`]: `g`/`Home`, `G`/`End`;
//! - [`Action::NextItem`] / [`Action::PrevItem`]: `]`/`[`, the next/previous item's heading;
//! - [`Action::StartSearch`]: `/` opens the search prompt ([`Pager::is_prompting`]);
//! - [`Action::NextMatch`] / [`Action::PrevMatch`]: `n`/`N`, wrapping around;
//! - [`Action::Back`]: clears the search highlights and the figure highlight (returns `false`
//!   when there was nothing to clear, so the app can use `Esc` for something else).
//!
//! While [`Pager::is_prompting`], send every key to [`Pager::handle_prompt_key`] instead.
//! Mouse: [`Pager::click`] (a click in the items list jumps to that item); the wheel maps to
//! `Down`/`Up`.

use std::collections::BTreeSet;

use crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::app::action::Action;
use crate::data::{Dataset, Lang, Script};

/// What the pager needs from the app each time it updates or draws.
#[derive(Debug, Clone, Copy)]
pub struct PagerContext<'a> {
    pub data: &'a Dataset,
    pub script: Script,
    pub lang: Lang,
    /// Theme ids; an empty set means no filter.
    pub topics: &'a BTreeSet<String>,
}

/// Where the pager draws its parts within the tab's body area. Computed by
/// [`PagerRegions::new`], used by both the state (page size, text width) and the drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PagerRegions {
    /// The items list: a column on the left on wide areas, one row on top on narrow ones.
    pub list: Rect,
    /// The transcript rows.
    pub text: Rect,
    /// One column right of the text.
    pub scrollbar: Rect,
    /// The search prompt's row (zero-sized when not prompting).
    pub prompt: Rect,
}

impl PagerRegions {
    /// Splits `area` into the pager's parts.
    pub fn new(area: Rect, prompting: bool) -> Self {
        let _ = (area, prompting);
        Self::default()
    }
}

/// What the status line shows for the pager.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PagerStatus {
    /// 1-based index of the item at the top of the view, and how many items are shown.
    pub item: Option<(usize, usize)>,
    /// How far down the view's bottom is, 0–100.
    pub percent: u8,
    /// The search, when there is one: 1-based current match (0 when none) and the count.
    pub matches: Option<(usize, usize)>,
}

/// The pager's state.
#[derive(Debug, Clone, Default)]
pub struct Pager {
    area: Rect,
}

impl Pager {
    /// A pager with nothing laid out yet: cheap, wrapping waits for the first
    /// [`Pager::resize`].
    pub fn new() -> Self {
        Self::default()
    }

    /// Lays the transcript out for the tab's body `area` (cached per text width and script),
    /// keeping the same sentence at the top.
    pub fn resize(&mut self, area: Rect, ctx: &PagerContext) {
        let _ = ctx;
        self.area = area;
    }

    /// Applies a user action; `true` when the pager used it (see the module docs for which).
    pub fn apply(&mut self, action: Action, ctx: &PagerContext) -> bool {
        let _ = (action, ctx);
        false
    }

    /// Whether the `/` search prompt is open: then keys go to [`Pager::handle_prompt_key`].
    pub fn is_prompting(&self) -> bool {
        false
    }

    /// Feeds a key to the search prompt. Enter searches and jumps to the first match at or
    /// after the view's top; Esc closes the prompt keeping the previous search. Returns `true`
    /// when the key was used.
    pub fn handle_prompt_key(&mut self, key: KeyEvent, ctx: &PagerContext) -> bool {
        let _ = (key, ctx);
        false
    }

    /// Opens the transcript at the sentence a figure comes from, with the figure highlighted.
    /// For an unknown id, or a figure in an item the topic filter hides, the view stays where
    /// it was and `false` is returned (the app may then clear the filter and call again).
    pub fn open_at_figure(&mut self, figure_id: &str, ctx: &PagerContext) -> bool {
        let _ = (figure_id, ctx);
        false
    }

    /// The script or the topic filter changed: lay out again, keeping the top sentence when it
    /// is still shown.
    pub fn on_context_change(&mut self, ctx: &PagerContext) {
        let _ = ctx;
    }

    /// A mouse click at a terminal cell: in the items list, jumps to that item.
    pub fn click(&mut self, column: u16, row: u16, ctx: &PagerContext) -> bool {
        let _ = (column, row, ctx);
        false
    }

    /// Position and search counts for the status line.
    pub fn status(&self) -> PagerStatus {
        PagerStatus::default()
    }
}
