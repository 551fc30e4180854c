//! Line breaking for Chinese text mixed with Latin words and numbers.
//!
//! [`wrap`] splits a text into rows of at most `width` columns and returns byte ranges into
//! the text, so callers can slice, style and map positions without copying.
//!
//! # Where a row may end
//! Between two grapheme clusters `a|b` a break is allowed unless (W3C clreq "basic" level,
//! plus number handling):
//! 1. `b` may not start a row: `，。、；：？！）」』》〉】〕〗〙〛］｝”’…·・%％‰℃°,.;:!?)]}`;
//! 2. `a` may not end a row: `（「『《〈【〔〖〘〚［｛“‘([{$￥¥£€`;
//! 3. `a` and `b` are both dashes (`—`, or `―` as traditional text often has it) or both
//!    `…`: `——` and `……` are one unit;
//! 4. `a` and `b` are both Latin letters or digits (words and numbers stay whole; Greek,
//!    Cyrillic and full-width letters and digits count as well);
//! 5. `a` is `.`, `,` or `:` between two digits (`8122.4`, `1,000`, `16:27`). The source uses
//!    the ASCII comma as a Chinese comma too (`7月29日,2022年`), hence the digit before;
//! 6. `a` is a digit and `b` a CJK unit, counter or multiplier (`2022年`, `8122.4萬`, `9項`,
//!    `300多`; see [`is_unit_or_counter`]). Other characters, like `至` in `2013至2020年`,
//!    may follow a number at a row end;
//! 7. a break right after a space is always allowed; never right before one. The run of
//!    spaces at a break (or at the end of a paragraph) belongs to no row.
//!
//! # How rows are filled
//! Greedily, first fit: graphemes are added while they fit. When one does not, the row ends at
//! the last allowed break on it; if there is none, right before the grapheme that does not fit
//! (a *forced* break, marked [`Row::forced`]; e.g. a Latin word longer than the width). A wide
//! grapheme never goes into a row's last single column: the row ends one column short.
//! A single grapheme wider than the whole width (rare clusters of 3 or more columns) gets a row
//! of its own, the one case where a row is wider than `width`.
//!
//! `\n` (and `\r\n`) is a hard break: each line is a paragraph wrapped on its own, and an
//! empty paragraph gives one empty row, so empty input gives one empty row. Spaces and
//! ideographic spaces (`　`) at the start of a paragraph are its indent: kept, but dropped
//! when they leave no room for the first character, rather than shown as a blank row. Widths are those of
//! [`grapheme_width`]; controls other than `\n` should be made visible with
//! [`crate::text::sanitize`] first, though any input is safe here.

use std::fmt;
use std::ops::Range;

use super::width::{grapheme_indices, grapheme_width};

#[cfg(test)]
mod tests;

/// Indents Chinese paragraphs, two at a time.
const IDEOGRAPHIC_SPACE: &str = "\u{3000}";

/// Below this many columns no row can hold a wide character.
pub const MIN_WIDTH: usize = 2;

/// One wrapped row: a byte range into the wrapped text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Bytes of the input shown on this row.
    pub range: Range<usize>,
    /// Display width of those bytes, in columns.
    pub width: usize,
    /// The row ends where the rules forbid a break, because nothing else fitted.
    pub forced: bool,
}

impl Row {
    /// This row's text within `text`, the string that was wrapped.
    ///
    /// # Panics
    /// When `text` is not the string that was wrapped and the range is not within it.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.range.clone()]
    }
}

/// The width asked for is below [`MIN_WIDTH`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooNarrow {
    pub width: usize,
    pub min: usize,
}

impl fmt::Display for TooNarrow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "too narrow to show text: {} column{} available, at least {} needed",
            self.width,
            if self.width == 1 { "" } else { "s" },
            self.min
        )
    }
}

impl std::error::Error for TooNarrow {}

/// Wraps `text` into rows of at most `width` columns by the rules in the
/// [module documentation](self).
///
/// Linear in the length of `text`; allocates only the returned rows.
pub fn wrap(text: &str, width: usize) -> Result<Vec<Row>, TooNarrow> {
    if width < MIN_WIDTH {
        return Err(TooNarrow {
            width,
            min: MIN_WIDTH,
        });
    }
    let mut filler = RowFiller::new(width);
    for (at, g) in grapheme_indices(text) {
        if g == "\n" || g == "\r\n" {
            filler.end_paragraph(at, at + g.len());
        } else {
            filler.push(at, g);
        }
    }
    filler.end_paragraph(text.len(), text.len());
    Ok(filler.rows)
}

/// A place on the current row where it may end.
#[derive(Debug, Clone, Copy)]
struct BreakPoint {
    /// Where the row would end (before any spaces at the break).
    end: usize,
    /// The row's width up to `end`.
    end_width: usize,
    /// Where the next row would start (after any spaces at the break).
    next: usize,
    /// The row's width up to `next`.
    next_width: usize,
}

/// The state of greedy filling within one paragraph.
#[derive(Debug)]
struct RowFiller {
    width: usize,
    rows: Vec<Row>,
    row_start: usize,
    /// Width of the row up to the start of `pending_spaces`.
    row_width: usize,
    /// Spaces after the row's last other grapheme: start byte and count. They count towards
    /// the row only if something follows them on it.
    pending_spaces: Option<(usize, usize)>,
    /// The first characters of the previous two graphemes in this paragraph.
    before: Option<char>,
    before2: Option<char>,
    /// The last place where the current row may end.
    last_break: Option<BreakPoint>,
    /// The row holds nothing but the paragraph's indent (spaces and ideographic spaces) so far.
    indent_only: bool,
}

impl RowFiller {
    fn new(width: usize) -> Self {
        Self {
            width,
            rows: Vec::new(),
            row_start: 0,
            row_width: 0,
            pending_spaces: None,
            before: None,
            before2: None,
            last_break: None,
            indent_only: true,
        }
    }

    /// Adds the grapheme `g`, found at byte `at`.
    fn push(&mut self, at: usize, g: &str) {
        let first = rule_char(g);
        if g == " " {
            match &mut self.pending_spaces {
                Some((_, count)) => *count += 1,
                None => self.pending_spaces = Some((at, 1)),
            }
            self.shift_before(first);
            return;
        }
        self.note_break_before(at, first);
        let g_width = grapheme_width(g);
        while self.row_width + self.pending_width() + g_width > self.width {
            if let Some(point) = self.last_break.take() {
                let total = self.row_width + self.pending_width();
                self.emit(point.end, point.end_width, false);
                self.row_start = point.next;
                self.row_width = total - point.next_width;
                self.pending_spaces = None;
            } else if self.indent_only {
                // An indent that leaves no room for the text is dropped rather than shown as
                // a blank row.
                self.start_row(at);
            } else if self.row_width > 0 {
                let end = self.pending_spaces.map_or(at, |(start, _)| start);
                self.emit(end, self.row_width, true);
                self.start_row(at);
            } else {
                // Nothing visible before `g`: a grapheme wider than the row stands alone.
                break;
            }
        }
        self.row_width += self.pending_width() + g_width;
        self.pending_spaces = None;
        self.indent_only &= g == IDEOGRAPHIC_SPACE;
        self.shift_before(first);
    }

    /// Records the place before a grapheme starting with `first` at byte `at` as a break point
    /// when the rules allow one there.
    fn note_break_before(&mut self, at: usize, first: char) {
        let Some(before) = self.before else {
            return;
        };
        if self.indent_only {
            return;
        }
        let point = match self.pending_spaces {
            Some((start, count)) => BreakPoint {
                end: start,
                end_width: self.row_width,
                next: at,
                next_width: self.row_width + count,
            },
            None if break_allowed(self.before2, before, first) => BreakPoint {
                end: at,
                end_width: self.row_width,
                next: at,
                next_width: self.row_width,
            },
            _ => return,
        };
        self.last_break = Some(point);
    }

    /// Ends the paragraph at byte `end`; the next one starts at `next`.
    fn end_paragraph(&mut self, end: usize, next: usize) {
        let end = self.pending_spaces.map_or(end, |(start, _)| start);
        self.emit(end, self.row_width, false);
        self.start_row(next);
        self.indent_only = true;
        self.before = None;
        self.before2 = None;
    }

    fn emit(&mut self, end: usize, width: usize, forced: bool) {
        self.rows.push(Row {
            range: self.row_start..end,
            width,
            forced,
        });
    }

    fn start_row(&mut self, at: usize) {
        self.row_start = at;
        self.row_width = 0;
        self.pending_spaces = None;
        self.last_break = None;
        self.indent_only = false;
    }

    fn pending_width(&self) -> usize {
        self.pending_spaces.map_or(0, |(_, count)| count)
    }

    fn shift_before(&mut self, first: char) {
        self.before2 = self.before;
        self.before = Some(first);
    }
}

/// The character that stands for the grapheme `g` in the rules: its first, except that a
/// space carrying combining marks is no place to break, so it stands as a no-break space.
fn rule_char(g: &str) -> char {
    match g.chars().next() {
        Some(' ') if g.len() > 1 => '\u{A0}',
        Some(c) => c,
        None => '\u{A0}',
    }
}

/// Whether a row may end between a grapheme starting with `before` and one starting with
/// `after`; `before2` starts the grapheme before `before`, if any (rules 1–7 of the
/// [module documentation](self)).
pub fn break_allowed(before2: Option<char>, before: char, after: char) -> bool {
    if after == ' ' {
        return false;
    }
    if before == ' ' || (is_ideograph(before) && is_ideograph(after)) {
        // rules 1 to 6 concern no pair of ideographs, the commonest pair by far
        return true;
    }
    let both = |class: fn(char) -> bool| class(before) && class(after);
    !(may_not_start_row(after)
        || may_not_end_row(before)
        || both(is_dash)
        || both(is_ellipsis)
        || both(is_word_char)
        || (matches!(before, '.' | ',' | ':') && is_digit(after) && before2.is_some_and(is_digit))
        || (is_digit(before) && is_unit_or_counter(after)))
}

/// Rule 1: characters that close something or hang on the previous text.
const MAY_NOT_START_ROW: &str = "，。、；：？！）」』》〉】〕〗〙〛］｝”’…·・%％‰℃°,.;:!?)]}";

/// Rule 2: characters that open something or lead into the next text.
const MAY_NOT_END_ROW: &str = "（「『《〈【〔〖〘〚［｛“‘([{$￥¥£€";

/// Rule 6: what follows a number in a figure, in both scripts: time units, multipliers,
/// currency, measure words, the approximations `多`/`余` and the generation suffix `後`.
const UNITS_AND_COUNTERS: &str = "年月日号號时時点點分秒天周週岁歲季十百千万萬亿億兆倍成元角块塊\
    多余餘件人位名次个個家户戶项項届屆场場所条條期批部轮輪种種类類份篇本张張台座间間例起米吨噸后後%％";

fn may_not_start_row(c: char) -> bool {
    MAY_NOT_START_ROW.contains(c)
}

fn may_not_end_row(c: char) -> bool {
    MAY_NOT_END_ROW.contains(c)
}

fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '―')
}

fn is_ellipsis(c: char) -> bool {
    c == '…'
}

/// ASCII and full-width digits.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Letters and digits of the scripts that separate words with spaces: Latin (with its
/// extensions), Greek, Cyrillic, and the full-width forms of ASCII letters and digits.
fn is_word_char(c: char) -> bool {
    is_digit(c)
        || ((c < '\u{0530}' || ('\u{1E00}'..='\u{1EFF}').contains(&c)) && c.is_alphanumeric())
        || ('Ａ'..='Ｚ').contains(&c)
        || ('ａ'..='ｚ').contains(&c)
}

/// Rule 6: whether `c` keeps a number before it on the same row.
pub fn is_unit_or_counter(c: char) -> bool {
    UNITS_AND_COUNTERS.contains(c)
}
