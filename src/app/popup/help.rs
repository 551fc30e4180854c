//! The help popup: every binding of the key table, by context.

use crate::app::action::Action;
use crate::app::popup::Outcome;
use crate::app::scroll;

/// The help and how far it is scrolled.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelpPopup {
    scroll: usize,
}

impl HelpPopup {
    pub fn new() -> Self {
        Self::default()
    }

    /// The first row of content shown.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// `?` again or Esc closes, movement scrolls the content of `rows` (rows of content, rows
    /// visible).
    pub fn handle(&mut self, action: Action, rows: (usize, usize)) -> Outcome {
        match action {
            Action::Help | Action::Back => Outcome::Close,
            _ => Outcome::consumed_if(scroll::scroll_by(&mut self.scroll, action, rows.0, rows.1)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_again_or_esc_closes_and_other_keys_are_not_its_own() {
        let mut help = HelpPopup::new();
        assert_eq!(help.handle(Action::Down, (30, 10)), Outcome::Consumed);
        assert_eq!(help.scroll(), 1);
        assert_eq!(help.handle(Action::Open, (30, 10)), Outcome::Ignored);
        assert_eq!(help.handle(Action::Help, (30, 10)), Outcome::Close);
        assert_eq!(help.handle(Action::Back, (30, 10)), Outcome::Close);
    }
}
