//! The marks the interface draws by itself (box borders, the tab separator, the bars' cells),
//! in the set that lines up on the terminal in use.
//!
//! Box drawing (`─ │ ╭`) and block elements (`▏ █`) are East Asian Ambiguous: a terminal set
//! to draw ambiguous characters wide gives each two columns, while ratatui's buffer gives it
//! one, so every border and bar would push the rest of its row right. On such a terminal
//! (`--ambiguous-width 2`) plain ASCII takes their place. The other marks (`▸ ▴ ▾ ◂ ⋅ ‹ ›`
//! and the ellipsis [`crate::text::truncate::ELLIPSIS`]) are of neutral width, one column
//! everywhere, and stay.

use crate::text::{AmbiguousWidth, ambiguous_width};

/// One set of the interface's own marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyphs {
    pub horizontal: &'static str,
    pub vertical: &'static str,
    pub top_left: &'static str,
    pub top_right: &'static str,
    pub bottom_left: &'static str,
    pub bottom_right: &'static str,
    /// Between two tab titles: as wide as [`crate::app::layout::TAB_GAP`].
    pub tab_separator: &'static str,
    /// A bar's last cell, by eighths of a cell filled: `bar_cells[n - 1]` for n eighths, the
    /// last a full cell.
    pub bar_cells: [&'static str; 8],
    /// The fill of the bars of each series after the first in a chart comparing several, so
    /// that series differ without colour too.
    pub shades: [&'static str; 2],
}

/// Box drawing and eighth blocks, for terminals that draw ambiguous characters one column
/// wide (the usual setting).
pub const UNICODE: Glyphs = Glyphs {
    horizontal: "─",
    vertical: "│",
    top_left: "╭",
    top_right: "╮",
    bottom_left: "╰",
    bottom_right: "╯",
    tab_separator: " │ ",
    bar_cells: ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"],
    shades: ["▒", "▓"],
};

/// ASCII, one column on every terminal. A bar fills whole cells with `#` and ends with `-`
/// (under half a cell) or `=` (half or more), so a small value still shows.
pub const ASCII: Glyphs = Glyphs {
    horizontal: "-",
    vertical: "|",
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    tab_separator: " | ",
    bar_cells: ["-", "-", "-", "=", "=", "=", "=", "#"],
    shades: ["%", "o"],
};

impl Glyphs {
    /// The set for a terminal that draws ambiguous characters as `ambiguous` says.
    pub fn for_width(ambiguous: AmbiguousWidth) -> &'static Self {
        match ambiguous {
            AmbiguousWidth::Narrow => &UNICODE,
            AmbiguousWidth::Wide => &ASCII,
        }
    }

    /// The set for this thread's terminal, as `--ambiguous-width` set it.
    pub fn current() -> &'static Self {
        Self::for_width(ambiguous_width())
    }

    /// The fill of a bar of `series` (from 1, the first after the chart's main one).
    pub fn shade(&self, series: usize) -> &'static str {
        self.shades[(series - 1) % self.shades.len()]
    }

    /// Every mark of the set.
    pub fn all(&self) -> impl Iterator<Item = &'static str> {
        [
            self.horizontal,
            self.vertical,
            self.top_left,
            self.top_right,
            self.bottom_left,
            self.bottom_right,
            self.tab_separator,
        ]
        .into_iter()
        .chain(self.bar_cells)
        .chain(self.shades)
    }
}

#[cfg(test)]
mod tests {
    use unicode_width::UnicodeWidthStr;

    use super::*;

    /// Columns on a terminal that draws ambiguous characters wide.
    fn wide_columns(s: &str) -> usize {
        s.width_cjk()
    }

    #[test]
    fn every_ascii_mark_is_as_wide_on_every_terminal_as_ratatui_counts_it() {
        for mark in ASCII.all() {
            assert!(mark.is_ascii(), "{mark}");
            assert_eq!(wide_columns(mark), mark.width(), "{mark}");
        }
    }

    #[test]
    fn the_unicode_marks_are_ambiguous_which_is_why_the_ascii_set_exists() {
        for mark in UNICODE.all().filter(|mark| mark.trim() != "") {
            let mark = mark.trim();
            assert_eq!(mark.width(), 1, "{mark}");
            assert_eq!(wide_columns(mark), 2, "{mark}");
        }
    }

    #[test]
    fn both_sets_give_each_mark_the_same_columns() {
        for (unicode, ascii) in UNICODE.all().zip(ASCII.all()) {
            assert_eq!(unicode.width(), ascii.width(), "{unicode} {ascii}");
        }
        assert_eq!(
            UNICODE.tab_separator.width(),
            usize::from(crate::app::layout::TAB_GAP)
        );
    }

    #[test]
    fn the_set_follows_the_terminals_ambiguous_width() {
        assert_eq!(Glyphs::for_width(AmbiguousWidth::Narrow), &UNICODE);
        assert_eq!(Glyphs::for_width(AmbiguousWidth::Wide), &ASCII);
        assert_eq!(ASCII.bar_cells[0], "-");
        assert_eq!(ASCII.bar_cells[3], "=");
        assert_eq!(ASCII.bar_cells[7], "#");
    }
}
