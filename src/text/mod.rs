//! Text for the terminal: display width, line breaking, truncation, sanitising and number
//! formatting. Pure functions over `&str`; nothing here knows the app or the terminal.
//!
//! - [`width`]: columns taken by a grapheme cluster or a string, as ratatui's buffer counts;
//! - [`truncate`]: the longest prefix that fits, marked with `…` when cut, and padding;
//!
//! The main items are re-exported here, so `text::wrap(..)` and `text::wrap::wrap(..)` are the
//! same function.

pub mod truncate;
pub mod width;

pub use truncate::{Align, pad_to, take_width, truncate};
pub use width::{grapheme_width, width};
