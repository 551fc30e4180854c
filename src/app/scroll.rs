//! Moving through lists and scrolling content with the movement actions.

use crate::app::action::Action;

/// A selection in a list and the first row shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListState {
    pub selected: usize,
    pub offset: usize,
}

impl ListState {
    /// The first row to show in `rows` rows so that the selection is visible, moving the
    /// remembered offset as little as it must.
    pub fn offset_for(&self, rows: usize) -> usize {
        let rows = rows.max(1);
        if self.selected < self.offset {
            self.selected
        } else if self.selected >= self.offset + rows {
            self.selected + 1 - rows
        } else {
            self.offset
        }
    }

    pub(crate) fn select(&mut self, index: usize, len: usize, rows: usize) {
        self.selected = index.min(len.saturating_sub(1));
        self.offset = self.offset_for(rows);
    }

    fn move_by(&mut self, delta: isize, len: usize, rows: usize) {
        self.select(self.selected.saturating_add_signed(delta), len, rows);
    }
}

/// Moves a list selection for a movement action; `false` for other actions, which do nothing.
pub(crate) fn move_list(list: &mut ListState, action: Action, len: usize, rows: usize) -> bool {
    let page = isize::try_from(rows.max(1)).unwrap_or(isize::MAX);
    match action {
        Action::Down => list.move_by(1, len, rows),
        Action::Up => list.move_by(-1, len, rows),
        Action::PageDown => list.move_by(page, len, rows),
        Action::PageUp => list.move_by(-page, len, rows),
        Action::HalfPageDown => list.move_by((page / 2).max(1), len, rows),
        Action::HalfPageUp => list.move_by(-(page / 2).max(1), len, rows),
        Action::Top => list.select(0, len, rows),
        Action::Bottom => list.select(len.saturating_sub(1), len, rows),
        _ => return false,
    }
    true
}

/// Scrolls content of `content` rows shown in `visible` rows; `false` for actions that are not
/// movements, which do nothing.
pub(crate) fn scroll_by(
    scroll: &mut usize,
    action: Action,
    content: usize,
    visible: usize,
) -> bool {
    let max = content.saturating_sub(visible);
    let page = visible.max(1);
    *scroll = match action {
        Action::Down => *scroll + 1,
        Action::Up => scroll.saturating_sub(1),
        Action::PageDown => *scroll + page,
        Action::PageUp => scroll.saturating_sub(page),
        Action::HalfPageDown => *scroll + (page / 2).max(1),
        Action::HalfPageUp => scroll.saturating_sub((page / 2).max(1)),
        Action::Top => 0,
        Action::Bottom => max,
        _ => return false,
    }
    .min(max);
    true
}
