//! One way to move through rows, for the lists, the popups, the topic picker and the pager.
//!
//! [`Step::of`] is the one mapping of movement actions to distances, with one policy: a page is
//! the view's height less one row, so the row at the edge stays in view as context, and half a
//! page is half the height. [`Scroll`] is a window over content with nothing selected (the
//! popups); [`Selection`] is a selected row with the window that keeps it in view (the lists,
//! the picker). The pager moves its top row by the same steps.

use crate::app::action::Action;

/// How far a movement action goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Forward(usize),
    Back(usize),
    Top,
    Bottom,
}

impl Step {
    /// The step `action` asks for in a view `height` rows tall; `None` for an action that is
    /// not a movement.
    pub fn of(action: Action, height: usize) -> Option<Self> {
        let page = height.saturating_sub(1).max(1);
        let half = (height / 2).max(1);
        Some(match action {
            Action::Down => Self::Forward(1),
            Action::Up => Self::Back(1),
            Action::PageDown => Self::Forward(page),
            Action::PageUp => Self::Back(page),
            Action::HalfPageDown => Self::Forward(half),
            Action::HalfPageUp => Self::Back(half),
            Action::Top => Self::Top,
            Action::Bottom => Self::Bottom,
            _ => return None,
        })
    }

    /// Where the step lands from row `at`, among rows `0..=last`.
    pub fn from(self, at: usize, last: usize) -> usize {
        match self {
            Self::Forward(rows) => at.saturating_add(rows).min(last),
            Self::Back(rows) => at.saturating_sub(rows).min(last),
            Self::Top => 0,
            Self::Bottom => last,
        }
    }
}

/// The first row shown when the last of `len` rows is at the bottom of `height` rows: the
/// farthest a view scrolls.
pub fn last_top(len: usize, height: usize) -> usize {
    len.saturating_sub(height.max(1))
}

/// A window over rows of content: the first row shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    offset: usize,
}

impl Scroll {
    /// The first row shown.
    pub fn offset(self) -> usize {
        self.offset
    }

    /// Scrolls `len` rows of content shown `height` at a time for a movement action; `false`
    /// for other actions, which do nothing.
    pub fn apply(&mut self, action: Action, len: usize, height: usize) -> bool {
        let Some(step) = Step::of(action, height) else {
            return false;
        };
        self.offset = step.from(self.offset, last_top(len, height));
        true
    }

    /// Keeps the window within `len` rows shown `height` at a time, after either changed.
    pub fn clamp(&mut self, len: usize, height: usize) {
        self.offset = self.offset.min(last_top(len, height));
    }

    /// Moves the window as little as it must for row `row` to be among the `height` shown.
    pub fn keep_in_view(&mut self, row: usize, height: usize) {
        let height = height.max(1);
        if row < self.offset {
            self.offset = row;
        } else if row >= self.offset + height {
            self.offset = row + 1 - height;
        }
    }
}

/// A selected row in a list and the window that keeps it in view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Selection {
    pub selected: usize,
    scroll: Scroll,
}

impl Selection {
    /// The first row shown.
    pub fn offset(self) -> usize {
        self.scroll.offset()
    }

    /// Selects row `index` of `len` (the last when past the end) and brings it into view in
    /// `height` rows.
    pub fn select(&mut self, index: usize, len: usize, height: usize) {
        self.selected = index.min(len.saturating_sub(1));
        self.keep_in_view(height);
    }

    /// Moves the selection over `len` rows shown `height` at a time for a movement action;
    /// `false` for other actions, which do nothing.
    pub fn apply(&mut self, action: Action, len: usize, height: usize) -> bool {
        let Some(step) = Step::of(action, height) else {
            return false;
        };
        self.select(step.from(self.selected, len.saturating_sub(1)), len, height);
        true
    }

    /// Brings the selection into view in `height` rows, after the height changed.
    pub fn keep_in_view(&mut self, height: usize) {
        self.scroll.keep_in_view(self.selected, height);
    }
}

/// The first entry shown in a list of `count` entries with room for `visible`, keeping
/// `current` in view and near the middle. The pager's items list
/// uses it: its highlight follows the text's scroll position rather than a cursor of its own,
/// so it shows the items around it both ways. The pager (for clicks) and the drawing share it.
pub fn centred_offset(current: usize, count: usize, visible: usize) -> usize {
    current
        .saturating_sub(visible / 2)
        .min(count.saturating_sub(visible))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_the_height_less_one_row_and_half_a_page_half() {
        assert_eq!(Step::of(Action::PageDown, 10), Some(Step::Forward(9)));
        assert_eq!(Step::of(Action::PageUp, 10), Some(Step::Back(9)));
        assert_eq!(Step::of(Action::HalfPageDown, 10), Some(Step::Forward(5)));
        // A view of one row still moves.
        assert_eq!(Step::of(Action::PageDown, 1), Some(Step::Forward(1)));
        assert_eq!(Step::of(Action::HalfPageUp, 0), Some(Step::Back(1)));
        assert_eq!(Step::of(Action::Open, 10), None);
    }

    #[test]
    fn content_scrolls_within_its_rows() {
        let mut scroll = Scroll::default();
        assert!(scroll.apply(Action::PageDown, 30, 10));
        assert_eq!(
            scroll.offset(),
            9,
            "the last row of the page is the next page's first"
        );
        assert!(scroll.apply(Action::Bottom, 30, 10));
        assert_eq!(scroll.offset(), 20);
        scroll.apply(Action::Down, 30, 10);
        assert_eq!(scroll.offset(), 20, "never past the end");
        scroll.clamp(25, 10);
        assert_eq!(scroll.offset(), 15, "shorter content pulls the window back");
        assert!(!scroll.apply(Action::NextTab, 30, 10));
        scroll.apply(Action::Top, 30, 10);
        assert_eq!(scroll.offset(), 0);
    }

    #[test]
    fn the_selection_stays_in_bounds_and_in_view() {
        let mut list = Selection::default();
        list.apply(Action::PageDown, 20, 5);
        assert_eq!((list.selected, list.offset()), (4, 0));
        list.apply(Action::Down, 20, 5);
        assert_eq!(
            (list.selected, list.offset()),
            (5, 1),
            "the window moves as little as it must"
        );
        list.apply(Action::Bottom, 20, 5);
        assert_eq!((list.selected, list.offset()), (19, 15));
        list.apply(Action::Down, 20, 5);
        assert_eq!(list.selected, 19);
        list.keep_in_view(2);
        assert_eq!(list.offset(), 18, "a shorter view follows the selection");
        list.select(40, 3, 2);
        assert_eq!((list.selected, list.offset()), (2, 2));
        list.apply(Action::Up, 0, 5);
        assert_eq!(list.selected, 0, "an empty list selects its first place");
    }
}
