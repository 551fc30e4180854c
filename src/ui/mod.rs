//! Draws the app state onto a ratatui buffer; never changes the state.

pub mod pager;
