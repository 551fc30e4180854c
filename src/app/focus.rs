//! Who gets the user's input now. Derived from the state on every event, never stored, so it
//! cannot disagree with what is open.

/// The innermost thing open, which receives keys, pastes and mouse events first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The terminal is below the minimum size and shows only a notice: no key may change
    /// what cannot be seen, so only quitting and suspending act.
    TooSmall,
    /// The `/` filter prompt of the dashboard tabs: it takes every key and paste.
    FilterPrompt,
    /// A popup over the current tab: modal, only the app-wide keys get past it.
    Popup,
    /// The Q&A pager's `/` search prompt: it takes every key and paste.
    PagerSearch,
    /// The Q&A pager's items list, moved through apart from the text (`i`).
    PagerItems,
    /// The Q&A pager.
    Pager,
    /// The overview's headline cards, a grid moved through with the arrows.
    Cards,
    /// The overview's list of topics.
    Overview,
    /// A topic tab's list of figures, by index into the dataset's themes.
    Topic(usize),
}
