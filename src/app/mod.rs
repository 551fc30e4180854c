//! App state and actions: pure, testable without a terminal.

pub mod action;
pub mod input;
pub mod pager;
pub mod transcript;
