//! The help popup: the keys that act where it was opened, each under the heading of the
//! context it acts in, each description wrapped beside its keys.

use crate::app::action::Action;
use crate::app::keys::{self, Context, Listed};
use crate::app::layout;
use crate::app::popup::{LaidFor, Outcome, Popup};
use crate::app::scroll::Scroll;
use crate::data::{Lang, Script};
use crate::text;

/// The help, its lines as laid out, how far they are scrolled, and the popup it was opened
/// over, which it gives back when it closes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpPopup {
    /// The rows of the key table it lists, with the keys that reach them.
    listed: Vec<Listed>,
    /// The order of its sections: the contexts where it was opened, innermost first.
    order: Vec<Context>,
    /// The popup under it, shown again when it closes.
    under: Option<Box<Popup>>,
    scroll: Scroll,
    help: HelpLines,
    /// Rows of the popup that show lines.
    visible: usize,
    laid_for: Option<LaidFor>,
}

impl HelpPopup {
    /// A help listing `listed` in sections ordered by `order`, over `under` (if a popup was
    /// open), laid out by the next [`HelpPopup::reconcile`].
    pub fn new(listed: Vec<Listed>, order: Vec<Context>, under: Option<Popup>) -> Self {
        Self {
            listed,
            order,
            under: under.map(Box::new),
            scroll: Scroll::default(),
            help: HelpLines {
                keys_width: 0,
                lines: Vec::new(),
            },
            visible: 0,
            laid_for: None,
        }
    }

    /// The rows of the key table it lists, with the keys that reach them.
    pub fn listed(&self) -> &[Listed] {
        &self.listed
    }

    /// The first line shown.
    pub fn scroll(&self) -> usize {
        self.scroll.offset()
    }

    /// The lines for the width the popup was last laid out for.
    pub fn help(&self) -> &HelpLines {
        &self.help
    }

    /// Whether its lines are more than it shows, so the movement keys scroll.
    pub fn scrolls(&self) -> bool {
        self.help.lines.len() > self.visible
    }

    /// The popup it was opened over, to show again now that it closes.
    pub fn into_under(self) -> Option<Popup> {
        self.under.map(|under| *under)
    }

    /// Wraps the lines again when the body, language or script changed since the last time,
    /// keeping the scroll within them.
    pub fn reconcile(&mut self, at: LaidFor) {
        if self.laid_for == Some(at) {
            return;
        }
        let sections = keys::sections(&self.order, &self.listed);
        self.help = help_lines(
            &sections,
            at.lang,
            at.script,
            layout::text_popup_width(at.body),
        );
        let rect = layout::text_popup(at.body, self.help.lines.len());
        self.visible = usize::from(layout::box_inner(rect).height);
        self.scroll.clamp(self.help.lines.len(), self.visible);
        self.laid_for = Some(at);
    }

    /// `?` again or Esc closes, movement scrolls.
    pub fn handle(&mut self, action: Action) -> Outcome {
        match action {
            Action::Help | Action::Back => Outcome::Close,
            _ => Outcome::consumed_if(self.scroll.apply(
                action,
                self.help.lines.len(),
                self.visible,
            )),
        }
    }
}

/// One row of the help popup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Heading(&'static str),
    /// Keys (empty on the rows that continue a wrapped description) and what they do.
    Binding(String, String),
    Blank,
}

/// The help popup's rows for `width` columns: each context's bindings under its heading, the
/// descriptions wrapped beside a keys column of `keys_width` columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLines {
    pub keys_width: usize,
    pub lines: Vec<HelpLine>,
}

/// A help's sections: each context with its rows, as [`keys::sections`] groups them.
pub type Sections = [(Context, Vec<(String, &'static keys::Binding)>)];

/// Columns between the keys and their description.
pub const HELP_GAP: usize = 2;

/// Lays `sections` of the key table out for `width` columns.
pub fn help_lines(sections: &Sections, lang: Lang, script: Script, width: usize) -> HelpLines {
    let keys_width = sections
        .iter()
        .flat_map(|(_, bindings)| bindings)
        .map(|(keys, _)| text::width(keys))
        .max()
        .unwrap_or(0)
        .min(width / 2);
    let text_width = width.saturating_sub(keys_width + HELP_GAP);
    let mut lines = Vec::new();
    for (context, bindings) in sections {
        if bindings.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(HelpLine::Blank);
        }
        lines.push(HelpLine::Heading(context.title().get(lang, script)));
        for (keys, binding) in bindings {
            let help = binding.help.get(lang, script);
            let rows: Vec<&str> = text::wrap(help, text_width).map_or_else(
                |_| vec![help],
                |rows| rows.iter().map(|r| r.slice(help)).collect(),
            );
            for (index, row) in rows.into_iter().enumerate() {
                let keys = if index == 0 {
                    keys.clone()
                } else {
                    String::new()
                };
                lines.push(HelpLine::Binding(keys, row.to_string()));
            }
        }
    }
    HelpLines { keys_width, lines }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::keys::{ALL_CONTEXTS, KeyMap};

    #[test]
    fn help_again_or_esc_closes_and_other_keys_are_not_its_own() {
        let mut help = HelpPopup::new(KeyMap::default().every_row(), ALL_CONTEXTS.to_vec(), None);
        help.reconcile(LaidFor {
            body: ratatui::layout::Rect::new(0, 1, 40, 9),
            lang: Lang::Zh,
            script: Script::Hans,
        });
        assert!(help.scrolls());
        assert_eq!(help.handle(Action::Down), Outcome::Consumed);
        assert_eq!(help.scroll(), 1);
        assert_eq!(help.handle(Action::Open), Outcome::Ignored);
        assert_eq!(help.handle(Action::Help), Outcome::Close);
        assert_eq!(help.handle(Action::Back), Outcome::Close);
    }

    #[test]
    fn help_wraps_descriptions_beside_their_keys() {
        for width in [30, 50, 72] {
            let sections = KeyMap::default().help_sections();
            let help = help_lines(&sections, Lang::Zh, Script::Hans, width);
            let mut first_rows = 0;
            for line in &help.lines {
                if let HelpLine::Binding(keys, what) = line {
                    assert!(
                        help.keys_width + HELP_GAP + text::width(what) <= width,
                        "{what} at {width}"
                    );
                    first_rows += usize::from(!keys.is_empty());
                }
            }
            assert_eq!(
                first_rows,
                crate::app::keys::KEY_TABLE.len(),
                "each binding starts one row"
            );
        }
    }
}
