//! Draws the app state onto a ratatui buffer; never changes the state.
//!
//! Every part draws only inside the rectangle [`crate::app::layout`] gives it, and every text
//! from the dataset is sanitised and cut to its columns here, so nothing reaches outside the
//! frame at any size.

pub mod bars;
pub mod footer;
pub mod overview;
pub mod pager;
pub mod palette;
pub mod popup;
pub mod tabs;
pub mod topic;

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

use ratatui::widgets::Widget;

use crate::app::{App, Tab, layout, strings};
use crate::data::{Lang, Script};
use crate::text::{self, Align};
use footer::{KeyHints, StatusLine};
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
    rows(buf)
        .map(|row| {
            let line: String = row.iter().map(|cell| cell.symbol()).collect();
            line.trim_end_matches(' ').to_string()
        })
        .collect()
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
            x += u16::try_from(text::width(cell.symbol()).max(1)).unwrap_or(1);
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
    );
    // Centred as a block; on fewer rows than lines, the first ones (the sizes) are kept.
    let rows = u16::try_from(notice.len()).unwrap_or(u16::MAX);
    let top = area.y + area.height.saturating_sub(rows) / 2;
    for (line, y) in notice.iter().zip(top..area.bottom()) {
        let row = Rect::new(area.x, y, area.width, 1);
        put_aligned(buf, row, line, palette.notice, Align::Center);
    }
}

/// Writes `s` (sanitised) at the start of the one-row `area`, cut with `…` to fit, and returns
/// the columns used.
fn put(buf: &mut Buffer, area: Rect, s: &str, style: Style) -> u16 {
    if area.is_empty() {
        return 0;
    }
    let clean = text::sanitize(s);
    let fitted = text::truncate(&clean, usize::from(area.width));
    let (end, _) = buf.set_stringn(
        area.x,
        area.y,
        fitted.as_ref(),
        usize::from(area.width),
        style,
    );
    end - area.x
}

/// Like [`put`], aligned within the row's width.
fn put_aligned(buf: &mut Buffer, area: Rect, s: &str, style: Style, align: Align) {
    if area.is_empty() {
        return;
    }
    let clean = text::sanitize(s);
    let padded = text::pad_to(&clean, usize::from(area.width), align);
    buf.set_stringn(area.x, area.y, padded, usize::from(area.width), style);
}

/// Writes a run of styled pieces on one row, left to right, cutting the last that does not
/// fit with `…`. Returns the columns used.
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
    for x in left + 1..right {
        buf[(x, top)].set_symbol("─").set_style(border);
        buf[(x, bottom)].set_symbol("─").set_style(border);
    }
    for y in top + 1..bottom {
        buf[(left, y)].set_symbol("│").set_style(border);
        buf[(right, y)].set_symbol("│").set_style(border);
    }
    for (x, y, corner) in [
        (left, top, "╭"),
        (right, top, "╮"),
        (left, bottom, "╰"),
        (right, bottom, "╯"),
    ] {
        buf[(x, y)].set_symbol(corner).set_style(border);
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
        assert_eq!(notice, ["终端 39×12", "需要 40×12", "按 q 退出"]);
        app.resize(30, 1);
        let text = buffer_text(&render_buffer(&app, 30, 1));
        assert_eq!(text, ["          终端 30×1"], "the size first");
    }

    #[test]
    fn put_cuts_with_an_ellipsis_and_stays_in_its_row() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
        let used = put(&mut buf, Rect::new(2, 0, 5, 1), "一二三四五", Style::new());
        assert_eq!(used, 5);
        assert_eq!(buffer_text(&buf), ["  一二…"]);
    }
}
