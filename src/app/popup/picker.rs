//! The topic picker: several themes chosen at once, applied together on Enter.

use std::collections::BTreeSet;

use crate::app::action::Action;
use crate::app::popup::Outcome;
use crate::app::scroll::{self, ListState};
use crate::data::Theme;

/// The row under the cursor and the topics chosen so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicPicker {
    cursor: usize,
    chosen: BTreeSet<String>,
}

impl TopicPicker {
    /// A picker starting from the topics the filter has now.
    pub fn new(chosen: BTreeSet<String>) -> Self {
        Self { cursor: 0, chosen }
    }

    /// Index into the dataset's themes of the row under the cursor.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Theme ids chosen so far.
    pub fn chosen(&self) -> &BTreeSet<String> {
        &self.chosen
    }

    /// Space toggles the topic under the cursor, Enter applies the choice, `t` or Esc closes
    /// without applying, movement moves the cursor over `themes`.
    pub fn handle(&mut self, action: Action, themes: &[Theme]) -> Outcome {
        match action {
            Action::ToggleTopic => {
                if let Some(theme) = themes.get(self.cursor)
                    && !self.chosen.remove(&theme.id)
                {
                    self.chosen.insert(theme.id.clone());
                }
                Outcome::Consumed
            }
            Action::Open => Outcome::ApplyTopics(std::mem::take(&mut self.chosen)),
            Action::TopicPicker | Action::Back => Outcome::Close,
            _ => {
                let mut list = ListState {
                    selected: self.cursor,
                    offset: 0,
                };
                let moved = scroll::move_list(&mut list, action, themes.len(), themes.len());
                self.cursor = list.selected;
                Outcome::consumed_if(moved)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::fixture;

    #[test]
    fn space_chooses_enter_applies_and_t_closes() {
        let themes = fixture::dataset().themes;
        let mut picker = TopicPicker::new(BTreeSet::new());
        assert_eq!(
            picker.handle(Action::ToggleTopic, &themes),
            Outcome::Consumed
        );
        assert_eq!(picker.handle(Action::Bottom, &themes), Outcome::Consumed);
        assert_eq!(picker.cursor(), themes.len() - 1);
        picker.handle(Action::ToggleTopic, &themes);
        picker.handle(Action::Top, &themes);
        picker.handle(Action::ToggleTopic, &themes);
        let last = themes[themes.len() - 1].id.clone();
        assert_eq!(picker.chosen(), &BTreeSet::from([last.clone()]));
        assert_eq!(picker.handle(Action::NextTab, &themes), Outcome::Ignored);
        assert_eq!(
            picker.handle(Action::Open, &themes),
            Outcome::ApplyTopics(BTreeSet::from([last]))
        );
        assert_eq!(picker.handle(Action::TopicPicker, &themes), Outcome::Close);
    }
}
