//! Text for the terminal: display width, line breaking, truncation, sanitising and number
//! formatting. Pure functions over `&str`; nothing here knows the app or the terminal.
//!
//! - [`width`]: columns taken by a grapheme cluster or a string, as ratatui's buffer counts;
//! - [`wrap`]: rows of at most a given width, by Chinese line-breaking rules;
//! - [`truncate`]: the longest prefix that fits, marked with `⋯` when cut, and padding;
//! - [`sanitize`]: control characters and bidi overrides made visible and harmless;
//! - [`number`]: figures written for readers, with `万`/`亿` or `M`/`B`;
//! - [`scan`]: questions about every character of a long text, answered from its bytes.
//!
//! The main items are re-exported here, so `text::wrap(..)` and `text::wrap::wrap(..)` are the
//! same function.

pub mod number;
pub mod sanitize;
pub mod scan;
pub mod truncate;
pub mod width;
pub mod wrap;

pub use number::{Magnitude, format_en, format_en_words, format_zh};
pub use sanitize::{is_bidi_control, sanitize};
pub use truncate::{Align, pad_to, take_width, truncate, truncate_middle};
pub use width::{AmbiguousWidth, ambiguous_width, grapheme_width, set_ambiguous_width, width};
pub use wrap::{MIN_WIDTH, Row, TooNarrow, wrap};
