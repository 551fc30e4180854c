//! The drill-down popup of one figure; its content is [`crate::app::drill`]'s.

use crate::app::App;
use crate::app::action::Action;
use crate::app::drill;
use crate::app::layout;
use crate::app::popup::{LaidFor, Outcome};
use crate::app::scroll::Scroll;

/// A figure's drill-down, its lines as laid out, and how far they are scrolled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureDetails {
    /// Index into the dataset's figures.
    figure: usize,
    scroll: Scroll,
    lines: Vec<drill::DrillLine>,
    /// Rows of the popup that show lines.
    visible: usize,
    laid_for: Option<LaidFor>,
}

impl FigureDetails {
    /// The drill-down of `figure`, laid out by the next [`FigureDetails::reconcile`].
    pub fn new(figure: usize) -> Self {
        Self {
            figure,
            scroll: Scroll::default(),
            lines: Vec::new(),
            visible: 0,
            laid_for: None,
        }
    }

    /// Index into the dataset's figures.
    pub fn figure(&self) -> usize {
        self.figure
    }

    /// The first line shown.
    pub fn scroll(&self) -> usize {
        self.scroll.offset()
    }

    /// The lines for the width the popup was last laid out for.
    pub fn lines(&self) -> &[drill::DrillLine] {
        &self.lines
    }

    /// Whether its lines are more than it shows, so the movement keys scroll.
    pub fn scrolls(&self) -> bool {
        self.lines.len() > self.visible
    }

    /// Wraps the lines again when the body, language or script changed since the last time,
    /// keeping the scroll within them.
    pub fn reconcile(&mut self, app: &App, at: LaidFor) {
        if self.laid_for == Some(at) {
            return;
        }
        self.lines = drill::lines(app, self.figure, layout::text_popup_width(at.body));
        let rect = layout::text_popup(at.body, self.lines.len());
        self.visible = usize::from(layout::box_inner(rect).height);
        self.scroll.clamp(self.lines.len(), self.visible);
        self.laid_for = Some(at);
    }

    /// Enter or `o` leave for the figure's source, Esc closes, movement scrolls.
    pub fn handle(&mut self, action: Action) -> Outcome {
        match action {
            Action::Open | Action::JumpToSource => Outcome::JumpToSource(self.figure),
            Action::Back => Outcome::Close,
            _ => Outcome::consumed_if(self.scroll.apply(action, self.lines.len(), self.visible)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::fixture;
    use crate::data::{Lang, Script};
    use ratatui::layout::Rect;

    #[test]
    fn enter_leaves_for_the_source_esc_closes_and_movement_scrolls() {
        let app = fixture::app(Script::Hans, Lang::Zh);
        let mut details = FigureDetails::new(0);
        let small = LaidFor {
            body: Rect::new(0, 1, 40, 9),
            lang: Lang::Zh,
            script: Script::Hans,
        };
        details.reconcile(&app, small);
        let content = details.lines().len();
        let visible =
            usize::from(layout::box_inner(layout::text_popup(small.body, content)).height);
        assert!(content > visible, "a 40×12 drill-down needs scrolling");
        assert_eq!(details.handle(Action::Open), Outcome::JumpToSource(0));
        assert_eq!(
            details.handle(Action::JumpToSource),
            Outcome::JumpToSource(0)
        );
        assert_eq!(details.handle(Action::Back), Outcome::Close);
        assert_eq!(details.handle(Action::Bottom), Outcome::Consumed);
        assert_eq!(details.scroll(), content - visible);
        assert_eq!(details.handle(Action::NextTab), Outcome::Ignored);
        assert_eq!(details.scroll(), content - visible);
        // A taller body shows more: the lines are laid out again and the scroll kept in them.
        details.reconcile(
            &app,
            LaidFor {
                body: Rect::new(0, 1, 40, 37),
                ..small
            },
        );
        assert_eq!(details.scroll(), 0, "everything fits");
    }
}
