//! The popups over a tab. Each is its own type that takes an action and says what happened;
//! the app acts on the [`Outcome`]. A new popup adds a file here, a variant to [`Popup`] and
//! its keys to the key table.

mod figure;
mod help;
mod picker;

pub use figure::FigureDetails;
pub use help::HelpPopup;
pub use picker::TopicPicker;

use std::collections::BTreeSet;

use crate::app::action::Action;
use crate::app::keys::Context;

/// A window over the current tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Popup {
    /// A figure's drill-down.
    Figure(FigureDetails),
    /// The topic picker.
    Topics(TopicPicker),
    Help(HelpPopup),
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
    /// The key-table contexts of this popup, innermost first.
    pub fn contexts(&self) -> &'static [Context] {
        match self {
            Self::Topics(_) => &[Context::TopicPicker, Context::Popup, Context::Global],
            Self::Figure(_) | Self::Help(_) => &[Context::Popup, Context::Global],
        }
    }

    /// Whether `action` would do something here; the footer leaves out hints that would not.
    pub fn offers(&self, action: Action) -> bool {
        !matches!((self, action), (Self::Help(_), Action::Open))
    }
}
