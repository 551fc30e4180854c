//! Draws the app state onto a ratatui buffer; never changes the state.
//!
//! Every part draws only inside the rectangle [`crate::app::layout`] gives it, and every text
//! from the dataset is sanitised and cut to its columns here, so nothing reaches outside the
//! frame at any size.

pub mod bars;
pub mod footer;
pub mod glyphs;
pub mod overview;
pub mod pager;
pub mod palette;
pub mod popup;
pub mod tabs;
pub mod topic;

use std::fmt::Write as _;

use ratatui::Frame;
use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, CellDiffOption, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

use ratatui::widgets::Widget;

use crate::app::{App, Tab, layout, strings};
use crate::data::{Lang, Script};
use crate::text::{self, Align};
use footer::{KeyHints, StatusLine};
use glyphs::Glyphs;
use overview::Overview;
use pager::PagerView;
use palette::Palette;
use popup::PopupView;
use tabs::TabTitles;
use topic::TopicTab;

/// How text is shown: the interface language, the script of Chinese, the palette.
#[derive(Debug, Clone, Copy)]
pub struct Look<'a> {
    pub lang: Lang,
    pub script: Script,
    pub palette: &'a Palette,
}

/// Draws the whole dashboard into the frame.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    render(app, area, frame.buffer_mut());
}

/// Draws the dashboard into `area` of `buf`, touching no cell outside it.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    let options = app.options();
    let palette = Palette::new(options.color, options.colors);
    // A scheme with its own background paints the whole screen; the default paints nothing.
    buf.set_style(area, palette.base);
    let Some(screen) = layout::screen(area) else {
        too_small(app, area, buf, &palette);
        return;
    };
    let (lang, script) = (app.lang(), app.script());
    let titles = app.tab_titles();
    let empty: Vec<bool> = app
        .tab_matches()
        .map(|counts| counts.iter().map(|&count| count == 0).collect())
        .unwrap_or_default();
    let current = app.tabs().iter().position(|t| *t == app.tab()).unwrap_or(0);
    TabTitles {
        titles: &titles,
        current,
        shown: app.tab_bar_shown(),
        empty: &empty,
        palette: &palette,
    }
    .render(screen.tabs, buf);
    match app.tab() {
        Tab::Overview => Overview {
            app,
            palette: &palette,
        }
        .render(screen.body, buf),
        Tab::Topic(topic) => TopicTab {
            app,
            topic,
            palette: &palette,
        }
        .render(screen.body, buf),
        Tab::Qa => PagerView {
            pager: app.pager(),
            items_cursor: app.qa_items().map(|cursor| cursor.selected),
            ctx: &app.pager_context(),
            keys: &app.options().keys,
            palette: &palette,
        }
        .render(screen.body, buf),
    }
    StatusLine {
        app,
        palette: &palette,
    }
    .render(screen.status, buf);
    KeyHints {
        hints: &app.hints(),
        look: Look {
            lang,
            script,
            palette: &palette,
        },
    }
    .render(screen.footer, buf);
    PopupView {
        app,
        palette: &palette,
    }
    .render(screen.body, buf);
}

/// The dashboard drawn on a fresh `width`×`height` buffer: what `pressdash render`, the
/// snapshots and the screenshots show.
pub fn render_buffer(app: &App, width: u16, height: u16) -> Buffer {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    render(app, area, &mut buf);
    buf
}

/// The buffer as plain text, one string per row, trailing spaces trimmed. A wide character
/// is printed once: the cell it covers to its right is skipped.
pub fn buffer_text(buf: &Buffer) -> Vec<String> {
    buffer_rows(buf)
        .map(|mut line| {
            line.truncate(line.trim_end_matches(' ').len());
            line
        })
        .collect()
}

/// Each row of the buffer as the terminal is sent it, trailing spaces kept: a row takes the
/// frame's width on a terminal that draws each character as wide as its cell says.
pub fn buffer_rows(buf: &Buffer) -> impl Iterator<Item = String> + '_ {
    rows(buf).map(|row| row.iter().map(|cell| cell.symbol()).collect())
}

/// The buffer as text with SGR escape sequences for its styles, each line ending in a reset.
/// Trailing unstyled spaces are trimmed, as in [`buffer_text`].
pub fn buffer_ansi(buf: &Buffer) -> String {
    let mut out = String::new();
    for row in rows(buf) {
        // Unstyled spaces at the end carry nothing.
        let keep = row
            .iter()
            .rposition(|c| c.symbol() != " " || style_of(c) != Style::new())
            .map_or(0, |i| i + 1);
        let mut current = Style::new();
        for cell in &row[..keep] {
            let style = style_of(cell);
            if style != current {
                out.push_str(&sgr(style));
                current = style;
            }
            out.push_str(cell.symbol());
        }
        out.push_str("\x1b[0m\n");
    }
    out
}

/// Each row's cells, without the cells hidden under a wide character.
fn rows(buf: &Buffer) -> impl Iterator<Item = Vec<&ratatui::buffer::Cell>> {
    let area = buf.area;
    (area.top()..area.bottom()).map(move |y| {
        let mut cells = Vec::new();
        let mut x = area.left();
        while x < area.right() {
            let cell = &buf[(x, y)];
            cells.push(cell);
            x = x.saturating_add(cell.cell_width().max(1));
        }
        cells
    })
}

fn style_of(cell: &ratatui::buffer::Cell) -> Style {
    let mut style = Style::new().add_modifier(cell.modifier);
    if cell.fg != Color::Reset {
        style = style.fg(cell.fg);
    }
    if cell.bg != Color::Reset {
        style = style.bg(cell.bg);
    }
    style
}

/// One SGR sequence setting exactly `style` (after a reset).
fn sgr(style: Style) -> String {
    let mut codes = vec!["0".to_string()];
    let modifiers = style.add_modifier;
    for (modifier, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::REVERSED, "7"),
        (Modifier::CROSSED_OUT, "9"),
    ] {
        if modifiers.contains(modifier) {
            codes.push(code.to_string());
        }
    }
    if let Some(fg) = style.fg {
        codes.push(color_code(fg, 30));
    }
    if let Some(bg) = style.bg {
        codes.push(color_code(bg, 40));
    }
    format!("\x1b[{}m", codes.join(";"))
}

/// The SGR parameters of a colour; `base` is 30 for foreground, 40 for background.
fn color_code(color: Color, base: u8) -> String {
    let named = |offset: u8| (base + offset).to_string();
    let bright = |offset: u8| (base + 60 + offset).to_string();
    match color {
        Color::Reset => named(9),
        Color::Black => named(0),
        Color::Red => named(1),
        Color::Green => named(2),
        Color::Yellow => named(3),
        Color::Blue => named(4),
        Color::Magenta => named(5),
        Color::Cyan => named(6),
        Color::Gray => named(7),
        Color::DarkGray => bright(0),
        Color::LightRed => bright(1),
        Color::LightGreen => bright(2),
        Color::LightYellow => bright(3),
        Color::LightBlue => bright(4),
        Color::LightMagenta => bright(5),
        Color::LightCyan => bright(6),
        Color::White => bright(7),
        Color::Indexed(n) => format!("{};5;{n}", base + 8),
        Color::Rgb(r, g, b) => {
            let mut code = format!("{};2", base + 8);
            // Writing to a String cannot fail.
            let _ = write!(code, ";{r};{g};{b}");
            code
        }
    }
}

/// The notice shown instead of the dashboard on a terminal below the minimum size.
fn too_small(app: &App, area: Rect, buf: &mut Buffer, palette: &Palette) {
    if area.is_empty() {
        return;
    }
    let notice = strings::too_small(
        (area.width, area.height),
        (layout::MIN_WIDTH, layout::MIN_HEIGHT),
        app.lang(),
        app.script(),
    )
    .map(|line| {
        app.options()
            .keys
            .respell(&line, &[("q", "quit")])
            .into_owned()
    });
    // Centred as a block; on fewer rows than lines, the first ones (the sizes) are kept.
    let rows = u16::try_from(notice.len()).unwrap_or(u16::MAX);
    let top = area.y + area.height.saturating_sub(rows) / 2;
    for (line, y) in notice.iter().zip(top..area.bottom()) {
        let row = Rect::new(area.x, y, area.width, 1);
        put_aligned(buf, row, line, palette.notice, Align::Center);
    }
}

/// Writes `s` (sanitised) at the start of the one-row `area`, cut with `⋯` to fit, and returns
/// the columns used.
fn put(buf: &mut Buffer, area: Rect, s: &str, style: Style) -> u16 {
    if area.is_empty() {
        return 0;
    }
    let clean = text::sanitize(s);
    let fitted = text::truncate(&clean, usize::from(area.width));
    set_text(buf, area.x, area.y, &fitted, area.width, style) - area.x
}

/// Writes the graphemes of `s` from `(x, y)` that fit in `max_width` columns (and the
/// buffer), stopping at the first that does not, and returns the column after the last.
///
/// The columns of each grapheme are the text layer's: a character the terminal draws wider
/// than ratatui counts it (an ambiguous one, on a terminal set to draw them wide) keeps that
/// width in its cell, and the cells it covers are blanked, so ratatui never sends them and
/// the rest of the row stays in its columns; one drawn narrower (halfwidth katakana with a
/// sound mark, `ｶﾞ`, two columns on terminals and three in ratatui's count) keeps the
/// terminal's width too. Otherwise this is `Buffer::set_stringn`.
pub(crate) fn set_text(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    s: &str,
    max_width: u16,
    style: Style,
) -> u16 {
    if !(buf.area.top()..buf.area.bottom()).contains(&y) {
        return x;
    }
    let right = buf.area.right().min(x.saturating_add(max_width));
    let ambiguous = text::ambiguous_width();
    let mut at = x;
    for (_, grapheme) in text::width::grapheme_indices(s) {
        // Clusters holding a control count 0 columns and are skipped, as ratatui does.
        let columns = text::width::grapheme_width_as(grapheme, ambiguous);
        let Ok(columns) = u16::try_from(columns) else {
            break;
        };
        if columns == 0 {
            continue;
        }
        if at.saturating_add(columns) > right {
            break;
        }
        let diff = match NonZeroU16::new(columns) {
            Some(forced) if columns != grapheme.cell_width() => CellDiffOption::ForcedWidth(forced),
            _ => CellDiffOption::None,
        };
        buf[(at, y)]
            .set_symbol(grapheme)
            .set_style(style)
            .set_diff_option(diff);
        for covered in at + 1..at + columns {
            buf[(covered, y)].reset();
        }
        at += columns;
    }
    at
}

/// Like [`put`], aligned within the row's width.
fn put_aligned(buf: &mut Buffer, area: Rect, s: &str, style: Style, align: Align) {
    if area.is_empty() {
        return;
    }
    let clean = text::sanitize(s);
    let padded = text::pad_to(&clean, usize::from(area.width), align);
    set_text(buf, area.x, area.y, &padded, area.width, style);
}

/// Writes a run of styled pieces on one row, left to right, cutting the last that does not
/// fit with `⋯`. Returns the columns used.
fn put_pieces<'a>(
    buf: &mut Buffer,
    area: Rect,
    pieces: impl IntoIterator<Item = (&'a str, Style)>,
) -> u16 {
    let mut x = area.x;
    for (piece, style) in pieces {
        if x >= area.right() {
            break;
        }
        x += put(buf, Rect::new(x, area.y, area.right() - x, 1), piece, style);
    }
    x - area.x
}

/// Starts a row of a list: the selected one highlighted and marked `▸`. Returns the row's
/// style and the column after the marker.
fn start_list_row(buf: &mut Buffer, area: Rect, selected: bool, palette: &Palette) -> (Style, u16) {
    let style = if selected {
        palette.selected
    } else {
        palette.base
    };
    buf.set_style(area, style);
    let marker = if selected { "▸ " } else { "  " };
    (style, area.x + put(buf, area, marker, style))
}

/// The style of a list row's secondary text (periods, speakers, descriptions): muted, except
/// on the selected row, where it keeps the selection's colours: muted text on the selection
/// colour falls below a readable contrast.
fn secondary(row_style: Style, selected: bool, palette: &Palette) -> Style {
    if selected {
        row_style
    } else {
        row_style.patch(palette.muted)
    }
}

/// Row `index` of `area` as a one-row rectangle (empty when outside).
fn row(area: Rect, index: u16) -> Rect {
    if index < area.height {
        Rect::new(area.x, area.y + index, area.width, 1)
    } else {
        Rect::new(area.x, area.bottom(), area.width, 0)
    }
}

/// The widest of `texts`, at most `max` columns: a column of a list sized to its content.
fn column_width(texts: &[impl AsRef<str>], max: u16) -> u16 {
    texts
        .iter()
        .map(|t| u16::try_from(text::width(t.as_ref())).unwrap_or(u16::MAX))
        .max()
        .unwrap_or(0)
        .min(max)
}

/// A box border with an optional title on its top edge.
fn draw_box(buf: &mut Buffer, area: Rect, title: &str, border: Style, title_style: Style) {
    if area.width < 2 || area.height < 2 {
        return;
    }
    let (left, right, top, bottom) = (area.x, area.right() - 1, area.y, area.bottom() - 1);
    let glyphs = Glyphs::current();
    // A border may cover a character drawn wider than its cell: the mark takes one column.
    let mut mark = |x: u16, y: u16, symbol: &str| {
        buf[(x, y)]
            .set_symbol(symbol)
            .set_style(border)
            .set_diff_option(CellDiffOption::None);
    };
    for x in left + 1..right {
        mark(x, top, glyphs.horizontal);
        mark(x, bottom, glyphs.horizontal);
    }
    for y in top + 1..bottom {
        mark(left, y, glyphs.vertical);
        mark(right, y, glyphs.vertical);
    }
    for (x, y, corner) in [
        (left, top, glyphs.top_left),
        (right, top, glyphs.top_right),
        (left, bottom, glyphs.bottom_left),
        (right, bottom, glyphs.bottom_right),
    ] {
        mark(x, y, corner);
    }
    if !title.is_empty() && area.width > 4 {
        let title = format!(" {title} ");
        put(
            buf,
            Rect::new(left + 1, top, area.width - 3, 1),
            &title,
            title_style,
        );
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// `buf` with every style removed, to compare with [`Buffer::with_lines`].
    pub(crate) fn unstyled(buf: &Buffer) -> Buffer {
        let mut plain = buf.clone();
        plain.set_style(plain.area, Style::reset());
        plain
    }
    use crate::app::fixture;
    use crate::data::{Lang, Script};

    #[test]
    fn buffer_text_prints_a_wide_character_once_and_trims() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 2));
        buf.set_string(0, 0, "a中b", Style::new());
        assert_eq!(buffer_text(&buf), ["a中b", ""]);
    }

    #[test]
    fn buffer_ansi_marks_styles_and_resets_each_line() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        buf.set_string(0, 0, "ab", Style::new().fg(Color::Red));
        buf.set_string(2, 0, "c", Style::new().add_modifier(Modifier::REVERSED));
        assert_eq!(buffer_ansi(&buf), "\x1b[0;31mab\x1b[0;7mc\x1b[0m\n");
    }

    #[test]
    fn too_small_says_the_size_the_size_needed_and_how_to_quit() {
        let mut app = fixture::app(Script::Hans, Lang::Zh);
        app.resize(39, 12);
        let text = buffer_text(&render_buffer(&app, 39, 12));
        let notice: Vec<&str> = text[4..7].iter().map(|row| row.trim()).collect();
        assert_eq!(notice, ["终端 39x12", "需要 40x12", "按 q 退出"]);
        app.resize(30, 1);
        let text = buffer_text(&render_buffer(&app, 30, 1));
        assert_eq!(text, ["          终端 30x1"], "the size first");
    }

    #[test]
    fn put_cuts_with_an_ellipsis_and_stays_in_its_row() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
        let used = put(&mut buf, Rect::new(2, 0, 5, 1), "一二三四五", Style::new());
        assert_eq!(used, 5);
        assert_eq!(buffer_text(&buf), ["  一二⋯"]);
    }

    #[test]
    fn a_character_the_terminal_draws_wide_keeps_both_its_columns() {
        use crate::text::AmbiguousWidth;
        let area = Rect::new(0, 0, 8, 1);
        let mut narrow = Buffer::empty(area);
        let mut wide = Buffer::empty(area);
        let narrow_end = set_text(&mut narrow, 0, 0, "“a”中b", 8, Style::new());
        text::set_ambiguous_width(AmbiguousWidth::Wide);
        let wide_end = set_text(&mut wide, 0, 0, "“a”中b", 8, Style::new());
        let wide_rows: Vec<String> = buffer_rows(&wide).collect();
        let cut = set_text(&mut Buffer::empty(area), 0, 0, "“a”中b", 4, Style::new());
        text::set_ambiguous_width(AmbiguousWidth::Narrow);

        // As ratatui writes it, where ambiguous characters take one column.
        let mut expected = Buffer::empty(area);
        expected.set_stringn(0, 0, "“a”中b", 8, Style::new());
        assert_eq!((narrow_end, &narrow), (6, &expected));

        // Two columns each: the quote's cell says so and the one it covers is never sent.
        assert_eq!(wide_end, 8);
        let two = NonZeroU16::new(2).map(CellDiffOption::ForcedWidth);
        assert_eq!(Some(wide[(0, 0)].diff_option), two);
        assert_eq!(Some(wide[(3, 0)].diff_option), two);
        assert_eq!(
            wide[(5, 0)].diff_option,
            CellDiffOption::None,
            "中 is wide anyway"
        );
        let sent: Vec<u16> = Buffer::empty(area)
            .diff(&wide)
            .iter()
            .map(|&(x, ..)| x)
            .collect();
        assert_eq!(sent, [0, 2, 3, 5, 7]);
        assert_eq!(wide_rows, ["“a”中b"]);
        assert_eq!(cut, 3, "the closing quote does not fit in 4 columns");
    }

    #[test]
    fn halfwidth_katakana_with_a_sound_mark_keeps_the_two_columns_terminals_give_it() {
        let area = Rect::new(0, 0, 6, 1);
        let mut buf = Buffer::empty(area);
        let end = set_text(&mut buf, 0, 0, "ｶﾞ中b", 6, Style::new());
        assert_eq!(end, 5);
        let two = NonZeroU16::new(2).map(CellDiffOption::ForcedWidth);
        assert_eq!(Some(buf[(0, 0)].diff_option), two);
        let sent: Vec<u16> = Buffer::empty(area)
            .diff(&buf)
            .iter()
            .map(|&(x, ..)| x)
            .collect();
        assert_eq!(
            sent,
            [0, 2, 4],
            "中 right after the two columns, b after it"
        );
        assert_eq!(buffer_text(&buf), ["ｶﾞ中b"]);
    }
}
