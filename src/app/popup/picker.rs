//! The topic picker: several themes chosen at once, applied together on Enter.

use std::collections::BTreeSet;

use crate::app::action::Action;
use crate::app::layout;
use crate::app::popup::{LaidFor, Outcome};
use crate::app::scroll::Selection;
use crate::data::Theme;

/// The row under the cursor, the topics chosen so far, and the rows shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicPicker {
    cursor: Selection,
    chosen: BTreeSet<String>,
    /// Rows of the popup that show topics.
    visible: usize,
}

impl TopicPicker {
    /// A picker starting from the topics the filter has now.
    pub fn new(chosen: BTreeSet<String>) -> Self {
        Self {
            cursor: Selection::default(),
            chosen,
            visible: 0,
        }
    }

    /// Index into the dataset's themes of the row under the cursor.
    pub fn cursor(&self) -> usize {
        self.cursor.selected
    }

    /// Index into the dataset's themes of the first row shown.
    pub fn offset(&self) -> usize {
        self.cursor.offset()
    }

    /// Keeps the cursor in view in the rows the picker has over `at`'s body, for `topics`
    /// themes.
    pub fn reconcile(&mut self, at: LaidFor, topics: usize) {
        let rect = layout::topic_picker(at.body, topics);
        self.visible = usize::from(layout::box_inner(rect).height);
        self.cursor.keep_in_view(self.visible);
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
                if let Some(theme) = themes.get(self.cursor.selected)
                    && !self.chosen.remove(&theme.id)
                {
                    self.chosen.insert(theme.id.clone());
                }
                Outcome::Consumed
            }
            Action::Open => Outcome::ApplyTopics(std::mem::take(&mut self.chosen)),
            Action::TopicPicker | Action::Back => Outcome::Close,
            _ => Outcome::consumed_if(self.cursor.apply(action, themes.len(), self.visible)),
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
        picker.reconcile(
            LaidFor {
                body: ratatui::layout::Rect::new(0, 1, 40, 9),
                lang: crate::data::Lang::Zh,
                script: crate::data::Script::Hans,
            },
            themes.len(),
        );
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
