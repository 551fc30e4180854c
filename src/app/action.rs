//! What a key (or a mouse event) asks the app to do. The key table maps keys to these;
//! the app's update applies them. Pure data.

/// The file formats the dashboard exports to, written as `pressdash figures` writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    Csv,
    Markdown,
}

/// One user intention, independent of the key that expressed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    /// Ctrl-z: hand the terminal back to the shell until `fg`.
    Suspend,
    /// Close the innermost popup, prompt or filter.
    Back,
    /// Return to the place left by the last jump (another tab, a figure's details, a source).
    GoBack,
    /// Undo a [`Action::GoBack`].
    GoForward,
    NextTab,
    PrevTab,
    /// Tab by position, 0-based (`1`–`9`).
    GoToTab(usize),
    /// `0`: the last tab, the Q&A.
    LastTab,
    /// Move the selection, or scroll by one row in the pager.
    Down,
    Up,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    /// Move to the card on the left / right in the overview's grid.
    Left,
    Right,
    /// Open the selected item (a figure's drill-down).
    Open,
    /// From a drill-down: show the source sentence in the Q&A pager.
    JumpToSource,
    NextChart,
    PrevChart,
    /// Topic tabs: list the figures in the next order (as said, by value, by label).
    CycleOrder,
    /// Copy the selected figure as a citation to the terminal's clipboard.
    CopyCitation,
    /// Write the figures the filter shows to a file in the current directory.
    Export(ExportFormat),
    /// Pager: next / previous transcript item.
    NextItem,
    PrevItem,
    /// Pager: move the keys to the items list, or back to the text.
    FocusItems,
    /// `/`: filter (dashboard tabs) or search (pager).
    StartSearch,
    NextMatch,
    PrevMatch,
    /// `t`: the topic picker.
    TopicPicker,
    /// In the topic picker: toggle the selected topic.
    ToggleTopic,
    ToggleScript,
    ToggleLang,
    Help,
}
