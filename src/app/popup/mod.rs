//! The popups over a tab. Each is its own type that takes an action and says what happened;
//! the app acts on the [`Outcome`]. A new popup adds a file here, a variant to [`Popup`] and
//! its keys to the key table.

mod figure;
mod help;
mod picker;

pub use figure::FigureDetails;
pub use help::{HELP_GAP, HelpLine, HelpLines, HelpPopup, Sections, help_lines};
pub use picker::TopicPicker;

use std::collections::BTreeSet;

use ratatui::layout::Rect;

use crate::app::App;
use crate::app::action::Action;
use crate::app::keys::Context;
use crate::app::scroll::Step;
use crate::data::{Lang, Script};

/// The key-table contexts of the help, innermost first.
pub const HELP_CONTEXTS: &[Context] = Context::Popup.stack();

/// A window over the current tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Popup {
    /// A figure's drill-down.
    Figure(FigureDetails),
    /// The topic picker.
    Topics(TopicPicker),
    Help(HelpPopup),
}

/// What a popup's lines depend on: the body it sits over and the interface's language and
/// script. A popup lays out again only when this changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LaidFor {
    pub body: Rect,
    pub lang: Lang,
    pub script: Script,
}

/// What a popup did with an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Used; nothing else is to happen.
    Consumed,
    /// Not the popup's: only the app-wide actions (quit, help, script, language) get past a
    /// popup, the rest are dropped.
    Ignored,
    Close,
    /// Close and show this figure (an index into the dataset's figures) in the Q&A pager.
    JumpToSource(usize),
    /// Close and filter by these theme ids.
    ApplyTopics(BTreeSet<String>),
}

impl Outcome {
    /// [`Outcome::Consumed`] when an action was used, else [`Outcome::Ignored`].
    fn consumed_if(used: bool) -> Self {
        if used { Self::Consumed } else { Self::Ignored }
    }
}

impl Popup {
    /// The key-table context of this popup, the innermost of those active while it is open.
    pub fn context(&self) -> Context {
        match self {
            Self::Topics(_) => Context::TopicPicker,
            Self::Figure(_) => Context::Details,
            Self::Help(_) => Context::Popup,
        }
    }

    /// Brings the popup's derived state (its lines, its scroll) up to date with `at`; the app
    /// calls this after every update.
    pub fn reconcile(&mut self, app: &App, at: LaidFor) {
        match self {
            Self::Figure(details) => details.reconcile(app, at),
            Self::Help(help) => help.reconcile(at),
            Self::Topics(picker) => picker.reconcile(at, app.data().themes.len()),
        }
    }

    /// Hands `action` to the popup; `themes` are the dataset's, for the picker.
    pub fn handle(&mut self, action: Action, themes: &[crate::data::Theme]) -> Outcome {
        match self {
            Self::Figure(details) => details.handle(action),
            Self::Help(help) => help.handle(action),
            Self::Topics(picker) => picker.handle(action, themes),
        }
    }

    /// Whether `action` would do something here; the footer and the help leave out keys that
    /// would not.
    pub fn offers(&self, action: Action) -> bool {
        match action {
            // A popup is modal: the tabs behind it do not switch.
            Action::NextTab | Action::PrevTab | Action::GoToTab(_) | Action::LastTab => false,
            // `t` closes the picker; elsewhere the picker does not open over a popup.
            Action::TopicPicker => matches!(self, Self::Topics(_)),
            // The help has nothing to open, and `?` there only closes it, as Esc says.
            Action::Open | Action::Help => !matches!(self, Self::Help(_)),
            // Text scrolls only when it is taller than the popup.
            _ if Step::of(action, 1).is_some() => match self {
                Self::Figure(details) => details.scrolls(),
                Self::Help(help) => help.scrolls(),
                Self::Topics(_) => true,
            },
            _ => true,
        }
    }

    /// What is left once this popup closes: the popup a help was opened over, else nothing.
    pub fn closed(self) -> Option<Self> {
        match self {
            Self::Help(help) => help.into_under(),
            Self::Figure(_) | Self::Topics(_) => None,
        }
    }
}
