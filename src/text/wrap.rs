//! Line breaking for Chinese text mixed with Latin words and numbers.
//!
//! [`wrap`] splits a text into rows of at most `width` columns and returns byte ranges into
//! the text, so callers can slice, style and map positions without copying.
//! Where each rule comes from, and what was measured, is written in `wrap.md` beside this
//! file.
//!
//! # Where a row may end
//! Between two grapheme clusters `a|b` a break is allowed unless (W3C clreq "basic" level,
//! JIS X 4051's classes, plus number handling):
//! 1. `b` may not start a row: `，。、；：？！．）」』》〉】〕〗〙〛］｝”’〞〟｠»…⋯‥·・‧`,
//!    `%％‰℃℉°′″￠,.;:!?)]}/／`, the iteration marks `々〻ゝゞヽヾ`, the half-width and small
//!    forms `｡｣､･﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞﹪`, `‼⁇⁈⁉`, and the hyphens of class cl-03 `‐‑–〜゠～-－﹣`
//!    (but a minus sign opening a number, as in `下降-3.5%`, may). A single dash used as a
//!    connector (`2013年—2019年`) is a hyphen too;
//! 2. `a` may not end a row: `（「『《〈【〔〖〘〚［｛“‘〝｟«([{$￥¥£€＄￡№`, and the half-width
//!    and small forms `｢﹙﹛﹝﹩`;
//! 3. `a` and `b` are both dashes (`—`, or `―` as traditional text often has it) or both
//!    ellipses (`…`, the midline `⋯` of traditional text, `‥`): `——` and `……` are one
//!    unit, which may start a row when it is a dash;
//! 4. `a` and `b` are both Latin letters or digits (words and numbers stay whole; Greek,
//!    Cyrillic and full-width letters and digits count as well), or one of them is `'`, `’`,
//!    `.`, `_`, `@` or `&` between two of them (`China's`, `e.g`, `R&D`);
//! 5. `a` or `b` is `.`, `．`, `,` or `:` between two digits (`8122.4`, `３．５`, `1,000`,
//!    `16:27`). The source uses the ASCII comma as a Chinese comma too (`7月29日,2022年`),
//!    hence both digits;
//! 6. `a` is a digit and `b` a CJK unit, counter or multiplier (`2022年`, `8122.4萬`, `9項`,
//!    `300多`; see [`is_unit_or_counter`]). Other characters, like `至` in `2013至2020年`,
//!    may follow a number at a row end;
//! 7. a break right after a space is always allowed; never right before one. The run of
//!    spaces at a break (or at the end of a paragraph) belongs to no row;
//! 8. `a` is a sign (`+ - − ± ＋ －`) and `b` a digit (`-3.5%`, `+2.1%`), or a slash between
//!    two digits (`1/3`, `３／４`). After a letter or digit, `-` or `－` before digits is a
//!    hyphen (`COVID-19`, `tokio-1.4`): it stays with the word before it, and the word is
//!    split after it rather than anywhere else when it must be;
//! 9. `a` and `b` are within a URL (from `http://`, `https://` or `www.` to the last character
//!    a URL may hold, less the punctuation that ends a sentence).
//!
//! # How rows are filled
//! By total fit over the allowed breaks, as Knuth and Plass fill a paragraph: of all the ways
//! to end rows there, the one with the fewest rows and, among those, the least sum of squared
//! unused columns over every row but the last (which is free). So rows end evenly where
//! greedy filling would leave one short before a long number with its unit, and never take
//! more rows than greedy filling would, unless to keep whole a word or number that greedy
//! filling splits.
//!
//! Where a stretch between two allowed breaks is wider than a row (a word or a number longer
//! than the width, a bracket around one), a row must end inside it: a *forced* break, marked
//! [`Row::forced`]. What forced breaks give up is ranked, least first: a punctuation rule (a
//! closing mark starts a row, an opening one ends it), `——` or `……` split, a word split after
//! its hyphen, a number leaving its unit or sign, a word or number split. The last three
//! outweigh any number of rows: `2013年` is kept on a row of its own and the `。` after it
//! starts the next, rather than `201 / 3年。` saving a row. Punctuation does not: the fewest
//! rows come first, then the least punctuation given up. So no row holds one character alone
//! when the word after it cannot fit on the next row anyway. A wide grapheme never goes into
//! a row's last single column: the row ends one column short. A single grapheme wider than
//! the whole width (rare clusters of 3 or more columns) gets a row of its own, the one case
//! where a row is wider than `width`.
//!
//! A paragraph that fits on one row costs one pass. Otherwise, with no forced break, two passes
//! count the fewest rows to and from every allowed break, and only breaks on some way with
//! the fewest rows are weighed against each other, each against the breaks one row earlier.
//! A paragraph with a forced break weighs every break against every earlier one a row away.
//!
//! A text too long to wrap at once where only some of its rows are wanted (a hostile
//! paragraph of megabytes) can be cut by [`pieces`] where a row may end, and the pieces
//! wrapped one at a time.
//!
//! `\n` (and `\r\n`) is a hard break: each line is a paragraph wrapped on its own, and an
//! empty paragraph gives one empty row, so empty input gives one empty row. Spaces and
//! ideographic spaces (`　`) at the start of a paragraph are its indent: kept, but dropped
//! when they leave no room for the first character, rather than shown as a blank row. Widths
//! are those of [`crate::text::grapheme_width`], ambiguous characters counted as the terminal
//! draws them ([`crate::text::set_ambiguous_width`]); controls other than `\n` should be made
//! visible with [`crate::text::sanitize`] first, though any input is safe here.

use std::fmt;
use std::ops::Range;

use super::width::{ambiguous_width, grapheme_indices, grapheme_width_as};

#[cfg(test)]
mod tests;

/// Indents Chinese paragraphs, two at a time.
const IDEOGRAPHIC_SPACE: char = '\u{3000}';

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
pub fn wrap(text: &str, width: usize) -> Result<Vec<Row>, TooNarrow> {
    if width < MIN_WIDTH {
        return Err(TooNarrow {
            width,
            min: MIN_WIDTH,
        });
    }
    let mut rows = Vec::new();
    let mut paragraph = Paragraph::default();
    let mut start = 0;
    loop {
        let newline = text[start..].find('\n').map(|at| start + at);
        let end = newline.map_or(text.len(), |at| {
            if text[..at].ends_with('\r') {
                at - 1
            } else {
                at
            }
        });
        paragraph.analyse(text, start..end);
        paragraph.fit(width, &mut rows);
        match newline {
            Some(at) => start = at + 1,
            None => return Ok(rows),
        }
    }
}

/// Cuts `text` into pieces of at most `max_len` bytes that may each be wrapped on its own, for
/// a text too long to wrap at once whose rows are wanted one place at a time. Each cut is
/// where a row may end (a row ends there when the pieces are wrapped): the last sentence end
/// in the last quarter of the piece, else the last allowed break there, else the break that
/// gives up least ([`Break`]), else any grapheme boundary. A piece never starts with a space,
/// which would read as an indent. Rows are filled by total fit within a piece only, so a
/// piece's last row may end short. A text of at most `max_len` bytes is one piece.
pub fn pieces(text: &str, max_len: usize) -> Vec<Range<usize>> {
    let max_len = max_len.max(8);
    let mut pieces = Vec::new();
    let mut start = 0;
    while text.len() - start > max_len {
        let end = cut(text, start, start + max_len);
        pieces.push(start..end);
        start = end;
    }
    pieces.push(start..text.len());
    pieces
}

/// Where the piece of `text` from `start` ends, at most at byte `limit` (see [`pieces`]).
fn cut(text: &str, start: usize, limit: usize) -> usize {
    let floor = |mut at: usize| {
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let limit = floor(limit);
    let window_start = floor(start + (limit - start) * 3 / 4);
    // Graphemes from the window to a little past the limit, so that the one after each
    // boundary is known.
    let window_end = floor((limit + 32).min(text.len()));
    let graphemes: Vec<(usize, char)> = grapheme_indices(&text[window_start..window_end])
        .map(|(at, g)| (window_start + at, rule_char(g)))
        .collect();
    let mut best: Option<(Break, usize)> = None;
    // Each boundary between graphemes `i - 1` and `i`, the first of the window left out: the
    // window may start inside a grapheme.
    for i in (2..graphemes.len()).rev() {
        let (at, after) = graphemes[i];
        if at > limit || after == ' ' || after == IDEOGRAPHIC_SPACE {
            continue;
        }
        let before = graphemes[i - 1].1;
        let rank = if before == ' ' || before == IDEOGRAPHIC_SPACE {
            Break::Allowed
        } else {
            break_rank(
                Some(graphemes[i - 2].1),
                before,
                after,
                graphemes.get(i + 1).map(|&(_, c)| c),
            )
        };
        if rank == Break::Allowed && matches!(before, '。' | '！' | '？' | '!' | '?') {
            return at;
        }
        if best.is_none_or(|(least, _)| rank < least) {
            best = Some((rank, at));
        }
    }
    // With no boundary in the window (one grapheme longer than it), any character boundary.
    best.map_or(limit, |(_, at)| at)
}

/// What a row ending between two graphemes gives up, from nothing to the rule valued most.
/// When no allowed break fits, the cheapest is taken ([`Break::penalty`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    /// The rules allow a row to end here.
    Allowed,
    /// A mark that may not start or end a row would (rules 1 and 2).
    Punctuation,
    /// `——` or `……` would be split (rule 3).
    Pair,
    /// A word would be split after its hyphen, before digits (`COVID-|19`, rule 8). This and
    /// what follows outweigh a row.
    Hyphen,
    /// A number would leave its unit, its sign or the slash of a fraction (rules 6 and 8).
    Number,
    /// A word, a number or a URL would be split (rules 4, 5 and 9).
    Word,
    /// Within a paragraph's indent: the row would hold nothing else.
    Never,
}

/// One grapheme of a paragraph other than an ASCII space.
#[derive(Debug, Clone, Copy)]
struct Item {
    /// Its bytes in the wrapped text.
    start: usize,
    end: usize,
    /// Its columns were the whole paragraph one row.
    col: usize,
    end_col: usize,
    /// Stands for it in the rules ([`rule_char`]).
    ch: char,
    /// ASCII spaces come right before it.
    spaced: bool,
    /// What a row ending right before it gives up.
    before: Break,
}

/// One paragraph (a line of the input) taken apart for filling rows.
#[derive(Debug, Default)]
struct Paragraph {
    /// Where it starts in the wrapped text.
    start: usize,
    items: Vec<Item>,
    scratch: Scratch,
}

impl Paragraph {
    /// Takes apart the paragraph at `range` of `text`, reusing this one's memory.
    fn analyse(&mut self, text: &str, range: Range<usize>) {
        self.start = range.start;
        self.items.clear();
        let paragraph = &text[range.clone()];
        let mut col = 0;
        let mut spaced = false;
        let ambiguous = ambiguous_width();
        for (at, g) in grapheme_indices(paragraph) {
            if g == " " {
                col += 1;
                spaced = true;
                continue;
            }
            let width = grapheme_width_as(g, ambiguous);
            self.items.push(Item {
                start: range.start + at,
                end: range.start + at + g.len(),
                col,
                end_col: col + width,
                ch: rule_char(g),
                spaced,
                before: Break::Allowed,
            });
            col += width;
            spaced = false;
        }
        let indent = self.indent();
        let items = &mut self.items;
        for k in 1..items.len() {
            let item = items[k];
            let previous = items[k - 1];
            items[k].before = if k <= indent {
                Break::Never
            } else if item.spaced {
                Break::Allowed
            } else {
                let before2 = match k.checked_sub(2) {
                    _ if previous.spaced => Some(' '),
                    Some(j) => Some(items[j].ch),
                    None => None,
                };
                let after2 = items
                    .get(k + 1)
                    .map(|next| if next.spaced { ' ' } else { next.ch });
                break_rank(before2, previous.ch, item.ch, after2)
            };
        }
        for url in urls(paragraph) {
            let (start, end) = (range.start + url.start, range.start + url.end);
            for item in &mut self.items {
                if item.start > start && item.start < end {
                    item.before = Break::Word;
                }
            }
        }
    }

    /// The number of ideographic spaces that open the paragraph, when more follows.
    fn indent(&self) -> usize {
        let indent = self
            .items
            .iter()
            .take_while(|item| item.ch == IDEOGRAPHIC_SPACE && item.end - item.start == 3)
            .count();
        if indent == self.items.len() {
            0
        } else {
            indent
        }
    }

    /// Where the first row starts at `width`: item index, byte and column. The indent (ASCII
    /// and ideographic spaces) is dropped when it leaves no room for the first character.
    fn first_row(&self, width: usize) -> (usize, usize, usize) {
        let indent = self.indent();
        match self.items.get(indent) {
            Some(first) if first.col > 0 && first.end_col > width => {
                (indent, first.start, first.col)
            }
            _ => (0, self.start, 0),
        }
    }

    /// Appends the paragraph's rows at `width`, chosen by total fit (see the
    /// [module documentation](self)).
    fn fit(&mut self, width: usize, rows: &mut Vec<Row>) {
        let Some(last) = self.items.last() else {
            rows.push(Row {
                range: self.start..self.start,
                width: 0,
                forced: false,
            });
            return;
        };
        let (first, first_byte, first_col) = self.first_row(width);
        if last.end_col - first_col <= width {
            rows.push(Row {
                range: first_byte..last.end,
                width: last.end_col - first_col,
                forced: false,
            });
            return;
        }
        self.row_starts(first, first_col, width);
        let scratch = &mut self.scratch;
        // Without forced breaks only rows and raggedness count, so only ways with the fewest
        // rows need weighing. With them, keeping a number or a word whole may take more rows,
        // so every way is weighed.
        let forced = scratch
            .starts
            .iter()
            .any(|start| start.before != Break::Allowed);
        let fewest = (!forced).then(|| scratch.count_fewest_rows(width));
        let Scratch {
            starts,
            rows_to,
            rows_from,
            last_reached_in,
            best,
        } = scratch;
        // On some way of ending rows at starts that takes the fewest rows; on such a way,
        // the row before a start reached in r rows starts at one reached in r - 1.
        let on_fewest = |c: usize| fewest.is_none_or(|f| rows_to[c] + rows_from[c] == f);
        if let Some(fewest) = fewest {
            last_reached_in.clear();
            last_reached_in.resize(fewest as usize + 1, 0);
            for (c, &r) in rows_to.iter().enumerate() {
                last_reached_in[r as usize] = c;
            }
        }
        best.clear();
        best.resize(starts.len(), (Cost::MAX, 0));
        best[0].0 = Cost::default();
        // Without forced breaks, the cost of a row is a convex function of the columns it
        // leaves unused, so the best start of the row ending at a later place is never
        // earlier (the costs form a Monge array): the search can stop there.
        let mut floor = 0;
        let last = starts.len() - 1;
        for c in 1..=last {
            if !on_fewest(c) {
                continue;
            }
            let end = starts[c];
            let mut b = if forced {
                c - 1
            } else {
                last_reached_in[rows_to[c] as usize - 1]
            };
            while b >= floor && on_fewest(b) && (b + 1 == c || end.end_col - starts[b].col <= width)
            {
                let slack = if c == last {
                    0
                } else {
                    width.saturating_sub(end.end_col - starts[b].col)
                };
                let cost = best[b].0.then_row(end.before, slack);
                if cost < best[c].0 {
                    best[c] = (cost, b);
                }
                let Some(earlier) = b.checked_sub(1) else {
                    break;
                };
                b = earlier;
            }
            if !forced {
                floor = best[c].1;
            }
        }
        let first_new = rows.len();
        let mut c = last;
        while c > 0 {
            let b = best[c].1;
            let (start, end) = (starts[b], starts[c]);
            let start_byte = if b == 0 {
                first_byte
            } else {
                self.items[start.item].start
            };
            rows.push(Row {
                range: start_byte..self.items[end.item - 1].end,
                width: end.end_col - start.col,
                forced: c < last && end.before != Break::Allowed,
            });
            c = b;
        }
        rows[first_new..].reverse();
    }

    /// Fills `scratch.starts` with where rows may start, from the first row (`first`, at
    /// `first_col`) to the end of the paragraph (`items.len()`): the allowed breaks, and within
    /// a stretch between two of them too wide for one row, every place but the indent.
    fn row_starts(&mut self, first: usize, first_col: usize, width: usize) {
        let items = &self.items;
        let start_at = |k: usize| Start {
            item: k,
            col: items[k].col,
            end_col: items[k - 1].end_col,
            before: items[k].before,
        };
        let starts = &mut self.scratch.starts;
        starts.clear();
        starts.push(Start {
            item: first,
            col: first_col,
            end_col: first_col,
            before: Break::Allowed,
        });
        // The last start pushed begins the stretch that ends before item `end`.
        let close_stretch = |starts: &mut Vec<Start>, end: usize| {
            let stretch_start = starts.last().map_or(first_col, |start| start.col);
            if items[end - 1].end_col - stretch_start > width {
                let from = starts.last().map_or(first, |start| start.item);
                starts.extend(
                    (from + 1..end)
                        .filter(|&k| items[k].before != Break::Never)
                        .map(start_at),
                );
            }
        };
        for (k, item) in items.iter().enumerate().skip(first + 1) {
            if item.before == Break::Allowed {
                close_stretch(starts, k);
                starts.push(start_at(k));
            }
        }
        let n = items.len();
        close_stretch(starts, n);
        starts.push(Start {
            item: n,
            col: items[n - 1].end_col,
            end_col: items[n - 1].end_col,
            before: Break::Allowed,
        });
    }
}

/// A place where a row may start, and the row before it end.
#[derive(Debug, Clone, Copy)]
struct Start {
    /// The item the row starts with (the paragraph's item count for its end).
    item: usize,
    /// The column the row starts at.
    col: usize,
    /// The column where the row before ends.
    end_col: usize,
    /// What ending the row before here gives up.
    before: Break,
}

/// Working memory of [`Paragraph::fit`], kept between paragraphs.
#[derive(Debug, Default)]
struct Scratch {
    starts: Vec<Start>,
    /// The fewest rows before each start, and from each start to the paragraph's end.
    rows_to: Vec<u32>,
    rows_from: Vec<u32>,
    /// The last start reached in the fewest rows, by that number.
    last_reached_in: Vec<usize>,
    /// The cheapest rows before each start and where the last of them starts.
    best: Vec<(Cost, usize)>,
}

impl Scratch {
    /// Fills `rows_to` and `rows_from` with the fewest rows from the paragraph's start to each
    /// of `starts` and from each to the end, and returns the fewest rows of all. Two pointers
    /// suffice: a row that fits still fits when it starts later or ends sooner.
    fn count_fewest_rows(&mut self, width: usize) -> u32 {
        let starts = &self.starts;
        let fits = |b: usize, c: usize| b + 1 == c || starts[c].end_col - starts[b].col <= width;
        let m = starts.len();
        self.rows_to.clear();
        self.rows_to.resize(m, 0);
        let mut earliest = 0;
        for c in 1..m {
            while !fits(earliest, c) {
                earliest += 1;
            }
            self.rows_to[c] = self.rows_to[earliest] + 1;
        }
        self.rows_from.clear();
        self.rows_from.resize(m, 0);
        let mut furthest = m - 1;
        for b in (0..m - 1).rev() {
            while !fits(b, furthest) {
                furthest -= 1;
            }
            self.rows_from[b] = self.rows_from[furthest] + 1;
        }
        self.rows_from[0]
    }
}

/// What a choice of rows costs, compared in order: the words and numbers it splits (which
/// outweigh any number of rows), the rows, the punctuation rules it gives up, then how ragged
/// the rows are (the sum of the squared unused columns of every row but the last).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
struct Cost {
    split: u32,
    rows: u32,
    punctuation: u32,
    ragged: u64,
}

impl Cost {
    const MAX: Self = Self {
        split: u32::MAX,
        rows: u32::MAX,
        punctuation: u32::MAX,
        ragged: u64::MAX,
    };

    /// This cost and one more row, which ends at a break of `rank` leaving `slack` columns.
    fn then_row(self, rank: Break, slack: usize) -> Self {
        // A square of 32 bits cannot overflow 64.
        let slack = u64::from(u32::try_from(slack).unwrap_or(u32::MAX));
        let (split, punctuation) = if rank.outweighs_a_row() {
            (rank.penalty(), 0)
        } else {
            (0, rank.penalty())
        };
        Self {
            split: self.split.saturating_add(split),
            rows: self.rows + 1,
            punctuation: self.punctuation.saturating_add(punctuation),
            ragged: self.ragged.saturating_add(slack * slack),
        }
    }
}

impl Break {
    /// What breaking here costs when nothing allowed fits: the weights lie far apart, so
    /// punctuation is given up before a pair of dashes or ellipses, a word at its hyphen
    /// before a number, and a number before a word.
    fn penalty(self) -> u32 {
        match self {
            Self::Allowed => 0,
            Self::Punctuation => 1,
            Self::Pair => 1 << 6,
            Self::Hyphen => 1 << 12,
            Self::Number => 1 << 18,
            Self::Word => 1 << 24,
            Self::Never => 1 << 30,
        }
    }

    /// Whether giving this up costs more than a row: a number or a word is kept whole on a
    /// row of its own rather than split to save a row; punctuation is not.
    fn outweighs_a_row(self) -> bool {
        self >= Self::Hyphen
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

/// What a row ending between a grapheme starting with `before` and one starting with `after`
/// gives up (rules 1–9 of the [module documentation](self)). `before2` starts the grapheme
/// before `before` and `after2` the one after `after`, if any; a space stands for the spaces
/// between graphemes. Spaces themselves are no graphemes here: a row may always end after
/// them.
fn break_rank(before2: Option<char>, before: char, after: char, after2: Option<char>) -> Break {
    if is_ideograph(before) && is_ideograph(after) {
        // no rule concerns a pair of ideographs, the commonest pair by far
        return Break::Allowed;
    }
    let word_before2 = before2.is_some_and(is_word_char);
    let word_after2 = after2.is_some_and(is_word_char);
    let digit_before2 = before2.is_some_and(is_digit);
    let digit_after2 = after2.is_some_and(is_digit);
    if (is_word_char(before) && is_word_char(after))
        || (is_number_separator(before) && digit_before2 && is_digit(after))
        || (is_digit(before) && is_number_separator(after) && digit_after2)
        || (is_word_joiner(before) && word_before2 && is_word_char(after))
        || (is_word_char(before) && is_word_joiner(after) && word_after2)
    {
        return Break::Word;
    }
    // After a letter or digit, a hyphen-minus before digits is a hyphen (`COVID-19`,
    // `tokio-1.4`), not a minus: it stays with the word before it.
    if is_word_char(before) && is_hyphen_minus(after) && digit_after2 {
        return Break::Word;
    }
    if is_hyphen_minus(before) && word_before2 && is_digit(after) {
        return Break::Hyphen;
    }
    if (is_digit(before) && is_unit_or_counter(after))
        || (is_sign(before) && is_digit(after))
        || (is_slash(before) && digit_before2 && is_digit(after))
        || (is_digit(before) && is_slash(after) && digit_after2)
    {
        return Break::Number;
    }
    if (is_dash(before) && is_dash(after)) || (is_ellipsis(before) && is_ellipsis(after)) {
        return Break::Pair;
    }
    let sign_opens_number = is_sign(after) && digit_after2 && !is_word_char(before);
    let connector = is_dash(after) && !is_dash(before) && !after2.is_some_and(is_dash);
    if (may_not_start_row(after) && !sign_opens_number) || connector || may_not_end_row(before) {
        return Break::Punctuation;
    }
    Break::Allowed
}

/// Byte ranges of the URLs in `s`: from `http://`, `https://` or `www.` (not inside a word) to
/// the last character a URL may hold, less punctuation that ends a sentence.
fn urls(s: &str) -> Vec<Range<usize>> {
    let bytes = s.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let opens = matches!(bytes[at] | 0x20, b'h' | b'w')
            && [&b"http://"[..], b"https://", b"www."]
                .iter()
                .any(|prefix| {
                    bytes
                        .get(at..at + prefix.len())
                        .is_some_and(|b| b.eq_ignore_ascii_case(prefix))
                });
        if !opens || (at > 0 && bytes[at - 1].is_ascii_alphanumeric()) {
            at += 1;
            continue;
        }
        let mut end = at
            + bytes[at..]
                .iter()
                .take_while(|&&b| b.is_ascii_graphic() && !b"<>\"\\`{}|^".contains(&b))
                .count();
        while end > at && b".,;:!?'\")]".contains(&bytes[end - 1]) {
            end -= 1;
        }
        found.push(at..end);
        at = end.max(at + 1);
    }
    found
}

/// Rule 1: characters that close something or hang on the previous text, by JIS X 4051's
/// classes: closing brackets and quotes (cl-02), hyphens (cl-03), dividing marks (cl-04),
/// middle dots (cl-05), full stops (cl-06), commas (cl-07), inseparable marks (cl-08),
/// iteration marks (cl-09) and postfixed units (cl-14); their half-width and small forms
/// too.
const MAY_NOT_START_ROW: &str = "，。、；：？！）」』》〉】〕〗〙〛］｝”’〞〟｠»%％‰℃℉°′″￠﹪\
    ,.;:!?)]}/／｡｣､･．﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞‼⁇⁈⁉…⋯‥·・‧々〻ゝゞヽヾ‐‑–〜゠～-－﹣";

/// Rule 2: characters that open something or lead into the next text: opening brackets and
/// quotes (cl-01) and prefixed units (cl-13), their half-width and small forms too.
const MAY_NOT_END_ROW: &str = "（「『《〈【〔〖〘〚［｛“‘〝｟«([{$￥¥£€＄￡№｢﹙﹛﹝﹩";

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

/// Rule 3: `…`, the midline `⋯` that traditional text often has, and the two-dot `‥`.
fn is_ellipsis(c: char) -> bool {
    matches!(c, '…' | '⋯' | '‥')
}

/// Rule 8: the slash of a fraction (`1/3`, `３／４`).
fn is_slash(c: char) -> bool {
    matches!(c, '/' | '／')
}

/// Rule 8: signs that belong to the number after them (`-3.5%`, `+2.1%`); the hyphen-minus
/// also joins a word to a number (`COVID-19`).
fn is_sign(c: char) -> bool {
    matches!(c, '+' | '-' | '−' | '±' | '＋' | '－')
}

/// Rule 8: the hyphen-minus, a minus sign before a number but a hyphen after a word.
fn is_hyphen_minus(c: char) -> bool {
    matches!(c, '-' | '－')
}

/// Rule 5: separators within a number (`8122.4`, `1,000`, `16:27`, `３．５`).
fn is_number_separator(c: char) -> bool {
    matches!(c, '.' | ',' | ':' | '．')
}

/// Rule 4: marks that join the letters on both sides into one word (`don't`, `e.g`, `R&D`).
fn is_word_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '.' | '_' | '@' | '&')
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
