//! The pager's `/` search: a prompt the search follows as it is typed, matches in either
//! script, and `n`/`N` through them.

use std::sync::Arc;

use crossterm::event::KeyEvent;

use crate::app::input::{InputOutcome, LineInput};
use crate::app::pager::{Anchor, Pager, PagerContext};
use crate::app::transcript::{self, Match, ScriptTable};
use crate::data::Dataset;

/// The last search and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    /// In reading order.
    pub matches: Vec<Match>,
    /// Index into `matches` of the one last jumped to.
    pub current: Option<usize>,
}

/// The open search prompt, and what Esc goes back to.
#[derive(Debug, Clone)]
pub(super) struct SearchPrompt {
    pub(super) input: LineInput,
    /// The search before the prompt opened.
    pub(super) previous: Option<Search>,
    /// Where the view was when the prompt opened.
    pub(super) origin: Option<Anchor>,
}

impl Pager {
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
                    self.return_to(ctx.data, prompt.origin);
                }
                true
            }
            InputOutcome::Submitted => {
                if let Some(prompt) = self.prompt.take()
                    && prompt.input.text().is_empty()
                    && let Some(previous) = prompt.previous
                {
                    self.return_to(ctx.data, prompt.origin);
                    self.run_search(previous.query, ctx);
                    self.jump_to_first_match_from_top(ctx.data);
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

    /// The last search, if any.
    pub fn search(&self) -> Option<&Search> {
        self.search.as_ref()
    }

    /// Searches for what the prompt holds, from where the view was when it opened; an empty
    /// prompt shows the previous search again.
    pub(super) fn search_as_typed(&mut self, ctx: &PagerContext) {
        let Some(prompt) = &self.prompt else {
            return;
        };
        let query = prompt.input.text().to_owned();
        let (origin, previous) = (prompt.origin, prompt.previous.clone());
        self.return_to(ctx.data, origin);
        if query.is_empty() {
            self.search = previous;
        } else {
            self.run_search(query, ctx);
            self.jump_to_first_match_from_top(ctx.data);
        }
    }

    /// Scrolls back to `anchor` (the top when there is none).
    pub(super) fn return_to(&mut self, data: &Dataset, anchor: Option<Anchor>) {
        self.anchor = anchor;
        self.restore_anchor(data);
    }

    pub(super) fn run_search(&mut self, query: String, ctx: &PagerContext) {
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

    /// Where the current match starts, to find it again after a relayout.
    pub(super) fn current_match_position(&self) -> Option<Anchor> {
        let laid = self.layout()?;
        let search = self.search.as_ref()?;
        let found = search.matches.get(search.current?)?;
        let block = laid.blocks.get(found.block)?;
        Some(Anchor {
            segment: block.segment,
            paragraph: block.paragraph,
            words_chars: block.words_chars,
            chars: block.text[..found.range.start].chars().count(),
            blank_after: false,
        })
    }

    pub(super) fn restore_current_match(&mut self, data: &Dataset, position: Option<Anchor>) {
        let Some(position) = position else {
            return;
        };
        let Some(block) = self.layout().and_then(|laid| {
            laid.find_piece(position.segment, position.paragraph, position.words_chars)
        }) else {
            return;
        };
        // Its text is made when it is wrapped.
        self.wrap_block(data, block);
        let Some(laid) = self.layout() else {
            return;
        };
        let text = &laid.blocks[block].text;
        let offset = text
            .char_indices()
            .nth(position.chars)
            .map_or(text.len(), |(byte, _)| byte);
        if let Some(search) = self.search.as_mut() {
            let at = search
                .matches
                .partition_point(|m| (m.block, m.range.start) < (block, offset));
            search.current = (at < search.matches.len()).then_some(at);
        }
    }

    /// Jumps to the first match on or after the top row, wrapping to the first one.
    pub(super) fn jump_to_first_match_from_top(&mut self, data: &Dataset) {
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
            self.show_match(data, index);
        }
    }

    /// `n` / `N`: the next or previous match, wrapping around.
    pub(super) fn step_match(&mut self, data: &Dataset, forward: bool) -> bool {
        let Some(search) = self.search.as_ref() else {
            return false;
        };
        let count = search.matches.len();
        if count == 0 {
            return true;
        }
        let index = match (search.current, forward) {
            (None, _) => {
                self.jump_to_first_match_from_top(data);
                return true;
            }
            (Some(current), true) => (current + 1) % count,
            (Some(current), false) => (current + count - 1) % count,
        };
        self.show_match(data, index);
        true
    }

    /// Makes match `index` current and scrolls it to the top unless it is already in view.
    pub(super) fn show_match(&mut self, data: &Dataset, index: usize) {
        let height = self.regions().text.height as usize;
        let Some(block) = self
            .search
            .as_ref()
            .and_then(|search| search.matches.get(index))
            .map(|found| found.block)
        else {
            return;
        };
        self.wrap_block(data, block);
        let (Some(laid), Some(search)) = (self.layout(), self.search.as_ref()) else {
            return;
        };
        let line = laid.line_of_offset(block, search.matches[index].range.start);
        if let Some(search) = self.search.as_mut() {
            search.current = Some(index);
        }
        if !(self.top..self.top + height).contains(&line) {
            self.scroll_to(data, line);
        }
    }
}
