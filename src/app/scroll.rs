//! One way to move through rows, for the lists, the popups, the topic picker and the pager.
//!
//! [`Step::of`] is the one mapping of movement actions to distances, with one policy: a page is
//! the view's height less one row, so the row at the edge stays in view as context, and half a
//! page is half the height. [`Scroll`] is a window over content with nothing selected (the
//! popups); [`Selection`] is a selected row with the window that keeps it in view (the lists,
//! the picker). The pager moves its top row by the same steps. A list whose entries take more
//! than one screen row each (a figure whose label wraps) gives their [`Heights`]: its steps
//! then count screen rows, and the window keeps the selected entry whole.

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

    /// Where the step lands from entry `at` of a list of `heights`: as many entries as fit in
    /// its screen rows, and at least one while there is one to go to.
    pub fn from_entry(self, at: usize, heights: Heights) -> usize {
        let last = heights.len().saturating_sub(1);
        let Heights::Varied(each) = heights else {
            return self.from(at, last);
        };
        let at = at.min(last);
        match self {
            Self::Forward(rows) => {
                let passed = fitting(each.iter().skip(at + 1), rows);
                (at + passed.max(1)).min(last)
            }
            Self::Back(rows) => {
                let passed = fitting(each[..at].iter().rev(), rows);
                at.saturating_sub(passed.max(1))
            }
            Self::Top => 0,
            Self::Bottom => last,
        }
    }
}

/// How many of `heights`, in order, fit together in `rows` screen rows.
fn fitting<'a>(heights: impl Iterator<Item = &'a usize>, rows: usize) -> usize {
    let mut used = 0usize;
    heights
        .take_while(|&&height| {
            used = used.saturating_add(height.max(1));
            used <= rows
        })
        .count()
}

/// How many screen rows each entry of a list takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heights<'a> {
    /// This many entries of one row each.
    Uniform(usize),
    /// One entry per height (a height of 0 counts as 1).
    Varied(&'a [usize]),
}

impl Heights<'_> {
    /// How many entries there are.
    pub fn len(self) -> usize {
        match self {
            Self::Uniform(len) => len,
            Self::Varied(each) => each.len(),
        }
    }

    /// Whether the list is empty.
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// The screen rows entry `index` takes.
    pub fn of(self, index: usize) -> usize {
        match self {
            Self::Uniform(_) => 1,
            Self::Varied(each) => each.get(index).copied().unwrap_or(1).max(1),
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
        self.select_entry(index, Heights::Uniform(len), height);
    }

    /// Selects entry `index` of a list of `heights` (the last when past the end) and brings it
    /// into view in `height` screen rows.
    pub fn select_entry(&mut self, index: usize, heights: Heights, height: usize) {
        self.selected = index.min(heights.len().saturating_sub(1));
        self.keep_entry_in_view(heights, height);
    }

    /// Moves the selection over `len` rows shown `height` at a time for a movement action;
    /// `false` for other actions, which do nothing.
    pub fn apply(&mut self, action: Action, len: usize, height: usize) -> bool {
        self.apply_entries(action, Heights::Uniform(len), height)
    }

    /// Moves the selection over a list of `heights` shown `height` screen rows at a time for a
    /// movement action, a page counting screen rows; `false` for other actions.
    pub fn apply_entries(&mut self, action: Action, heights: Heights, height: usize) -> bool {
        let Some(step) = Step::of(action, height) else {
            return false;
        };
        self.select_entry(step.from_entry(self.selected, heights), heights, height);
        true
    }

    /// Brings the selection into view in `height` rows, after the height changed.
    pub fn keep_in_view(&mut self, height: usize) {
        self.scroll.keep_in_view(self.selected, height);
    }

    /// Brings the selected entry of a list of `heights` whole into view in `height` screen
    /// rows (its first rows, when it is taller than the view), moving the window as little as
    /// it must.
    pub fn keep_entry_in_view(&mut self, heights: Heights, height: usize) {
        let Heights::Varied(_) = heights else {
            self.keep_in_view(height);
            return;
        };
        let height = height.max(1);
        let selected = self.selected.min(heights.len().saturating_sub(1));
        let mut offset = self.scroll.offset.min(selected);
        let mut rows: usize = (offset..=selected).map(|entry| heights.of(entry)).sum();
        while offset < selected && rows > height {
            rows -= heights.of(offset);
            offset += 1;
        }
        self.scroll.offset = offset;
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

    #[test]
    fn steps_over_entries_of_varied_heights_count_screen_rows() {
        let each = [1, 2, 3, 1, 1, 2, 1];
        let heights = Heights::Varied(&each);
        // A page of four rows from the first entry passes the next (two rows), not the one of
        // three after it.
        assert_eq!(Step::Forward(4).from_entry(0, heights), 1);
        assert_eq!(Step::Forward(6).from_entry(1, heights), 4);
        assert_eq!(Step::Back(3).from_entry(5, heights), 3);
        // One step always moves while there is somewhere to go, however tall the next entry.
        assert_eq!(Step::Forward(1).from_entry(1, heights), 2);
        assert_eq!(Step::Back(1).from_entry(3, heights), 2);
        assert_eq!(Step::Forward(1).from_entry(6, heights), 6);
        assert_eq!(Step::Bottom.from_entry(0, heights), 6);
        // Uniform entries step as rows always did.
        for (step, at) in [(Step::Forward(4), 3), (Step::Back(2), 7), (Step::Top, 5)] {
            let uniform = [1; 10];
            assert_eq!(
                step.from_entry(at, Heights::Varied(&uniform)),
                step.from(at, 9)
            );
        }
    }

    #[test]
    fn the_selected_entry_is_kept_whole_in_view() {
        let each = [2, 2, 3, 1, 2];
        let heights = Heights::Varied(&each);
        let mut list = Selection::default();
        list.select_entry(2, heights, 5);
        assert_eq!(
            list.offset(),
            1,
            "rows 2 + 3 fill the view; the first entry goes"
        );
        list.select_entry(4, heights, 5);
        assert_eq!(
            list.offset(),
            3,
            "3 + 1 + 2 rows do not fit in 5: the window starts after"
        );
        list.apply_entries(Action::Top, heights, 5);
        assert_eq!((list.selected, list.offset()), (0, 0));
        list.select_entry(2, heights, 2);
        assert_eq!(
            list.offset(),
            2,
            "an entry taller than the view shows its first rows"
        );
        list.apply_entries(Action::PageDown, heights, 5);
        assert_eq!(
            list.selected, 4,
            "a page of four rows passes two entries of three rows"
        );
    }
}
