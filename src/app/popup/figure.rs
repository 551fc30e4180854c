//! The drill-down popup of one figure; its content is [`crate::app::drill`]'s.

use crate::app::action::Action;
use crate::app::popup::Outcome;
use crate::app::scroll;

/// A figure's drill-down and how far it is scrolled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureDetails {
    /// Index into the dataset's figures.
    figure: usize,
    scroll: usize,
}

impl FigureDetails {
    pub fn new(figure: usize) -> Self {
        Self { figure, scroll: 0 }
    }

    /// Index into the dataset's figures.
    pub fn figure(&self) -> usize {
        self.figure
    }

    /// The first row of content shown.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// Enter or `o` leave for the figure's source, Esc closes, movement scrolls the content of
    /// `rows` (rows of content, rows visible).
    pub fn handle(&mut self, action: Action, rows: (usize, usize)) -> Outcome {
        match action {
            Action::Open | Action::JumpToSource => Outcome::JumpToSource(self.figure),
            Action::Back => Outcome::Close,
            _ => Outcome::consumed_if(scroll::scroll_by(&mut self.scroll, action, rows.0, rows.1)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enter_leaves_for_the_source_esc_closes_and_movement_scrolls() {
        let mut details = FigureDetails::new(3);
        assert_eq!(
            details.handle(Action::Open, (20, 5)),
            Outcome::JumpToSource(3)
        );
        assert_eq!(
            details.handle(Action::JumpToSource, (20, 5)),
            Outcome::JumpToSource(3)
        );
        assert_eq!(details.handle(Action::Back, (20, 5)), Outcome::Close);
        assert_eq!(details.handle(Action::Bottom, (20, 5)), Outcome::Consumed);
        assert_eq!(details.scroll(), 15);
        assert_eq!(details.handle(Action::NextTab, (20, 5)), Outcome::Ignored);
        assert_eq!(details.scroll(), 15);
    }
}
