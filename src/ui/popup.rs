//! Popups over the body: a figure's drill-down, the topic picker and the help.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::app::drill::Role;
use crate::app::popup::{HELP_GAP, HelpLine};
use crate::app::{App, Popup, layout, strings};
use crate::text;
use crate::ui::{draw_box, put, put_pieces, row, theme::Theme};

pub(super) fn draw(app: &App, body: Rect, buf: &mut Buffer, theme: &Theme) {
    let (lang, script) = (app.lang(), app.script());
    match app.popup() {
        Some(Popup::Figure(details)) => {
            let (scroll, lines) = (details.scroll(), details.lines());
            let rect = layout::text_popup(body, lines.len());
            let inner = open(buf, rect, "", theme);
            for (line, pieces) in lines
                .iter()
                .skip(scroll)
                .take(usize::from(inner.height))
                .enumerate()
            {
                let styled = pieces
                    .iter()
                    .map(|(text, role)| (text.as_str(), role_style(*role, theme)));
                put_pieces(buf, row(inner, line as u16), styled);
            }
            scroll_marker(
                buf,
                rect,
                scroll,
                usize::from(inner.height),
                lines.len(),
                theme,
            );
            bottom_hint(buf, rect, strings::JUMP_HINT.get(lang, script), theme);
        }
        Some(Popup::Topics(picker)) => {
            let (cursor, chosen) = (picker.cursor(), picker.chosen());
            let themes = &app.data().themes;
            let rect = layout::topic_picker(body, themes.len());
            let inner = open(
                buf,
                rect,
                strings::TOPIC_PICKER_TITLE.get(lang, script),
                theme,
            );
            let (rows, offset) = (usize::from(inner.height), picker.offset());
            for (line, (index, topic)) in themes
                .iter()
                .enumerate()
                .skip(offset)
                .take(rows)
                .enumerate()
            {
                let area = row(inner, line as u16);
                let is_chosen = chosen.contains(&topic.id);
                let mut style = if is_chosen { theme.chosen } else { theme.base };
                if index == cursor {
                    style = style.patch(theme.selected);
                    buf.set_style(area, style);
                }
                let mark = if is_chosen { "[x] " } else { "[ ] " };
                put_pieces(
                    buf,
                    area,
                    [(mark, style), (topic.label.get(lang, script), style)],
                );
            }
        }
        Some(Popup::Help(help_popup)) => {
            let (scroll, help) = (help_popup.scroll(), help_popup.help());
            let rect = layout::text_popup(body, help.lines.len());
            let inner = open(buf, rect, strings::HELP_TITLE.get(lang, script), theme);
            let keys_width = u16::try_from(help.keys_width).unwrap_or(u16::MAX);
            let gap = HELP_GAP as u16;
            for (line, row_text) in help
                .lines
                .iter()
                .skip(scroll)
                .take(usize::from(inner.height))
                .enumerate()
            {
                let area = row(inner, line as u16);
                match row_text {
                    HelpLine::Heading(title) => {
                        put(buf, area, title, theme.title);
                    }
                    HelpLine::Binding(keys, what) => {
                        put(
                            buf,
                            Rect::new(area.x, area.y, keys_width.min(area.width), 1),
                            keys,
                            theme.key,
                        );
                        let x = (area.x + keys_width + gap).min(area.right());
                        put(
                            buf,
                            Rect::new(x, area.y, area.right() - x, 1),
                            what,
                            theme.base,
                        );
                    }
                    HelpLine::Blank => {}
                }
            }
            scroll_marker(
                buf,
                rect,
                scroll,
                usize::from(inner.height),
                help.lines.len(),
                theme,
            );
            bottom_hint(buf, rect, strings::CLOSE_HINT.get(lang, script), theme);
        }
        None => {}
    }
}

/// Clears `rect` for a popup, draws its border and title, and returns the inside, less a
/// column of padding on each side.
fn open(buf: &mut Buffer, rect: Rect, title: &str, theme: &Theme) -> Rect {
    clear(buf, rect);
    draw_box(buf, rect, title, theme.popup_border, theme.title);
    layout::box_inner(rect)
}

/// Blanks `rect`. A wide character whose right half lies on the popup's left edge is blanked
/// first (and likewise one straddling the right edge): otherwise the terminal draws it over
/// the border.
pub(super) fn clear(buf: &mut Buffer, rect: Rect) {
    let rect = rect.intersection(buf.area);
    if rect.is_empty() {
        return;
    }
    for y in rect.top()..rect.bottom() {
        if rect.x > buf.area.x {
            let before = &mut buf[(rect.x - 1, y)];
            if text::width(before.symbol()) > 1 {
                before.set_symbol(" ");
            }
        }
        let last = rect.right() - 1;
        if text::width(buf[(last, y)].symbol()) > 1 && rect.right() < buf.area.right() {
            buf[(rect.right(), y)].set_symbol(" ");
        }
        for x in rect.left()..rect.right() {
            buf[(x, y)].reset();
        }
    }
}

/// When the content does not fit, which rows are shown (` 8–14/20 `) on the top border,
/// right-aligned.
fn scroll_marker(
    buf: &mut Buffer,
    rect: Rect,
    scroll: usize,
    visible: usize,
    total: usize,
    theme: &Theme,
) {
    if total <= visible || rect.width < 6 {
        return;
    }
    let first = scroll.min(total.saturating_sub(visible)) + 1;
    let last = (first + visible - 1).min(total);
    let marker = format!(" {first}–{last}/{total} ");
    let width = u16::try_from(text::width(&marker))
        .unwrap_or(u16::MAX)
        .min(rect.width - 4);
    let area = Rect::new(rect.right() - 2 - width, rect.y, width, 1);
    put(buf, area, &marker, theme.muted);
}

/// A short hint on the bottom border, right-aligned.
fn bottom_hint(buf: &mut Buffer, rect: Rect, hint: &str, theme: &Theme) {
    if rect.width < 6 || rect.height < 2 {
        return;
    }
    let hint = format!(" {hint} ");
    let width = u16::try_from(text::width(&hint))
        .unwrap_or(u16::MAX)
        .min(rect.width - 4);
    let area = Rect::new(rect.right() - 2 - width, rect.bottom() - 1, width, 1);
    put(buf, area, &hint, theme.muted);
}

fn role_style(role: Role, theme: &Theme) -> Style {
    match role {
        Role::Title => theme.title,
        Role::Value => theme.value,
        Role::Damaged => theme.damaged,
        Role::Field | Role::Muted => theme.muted,
        Role::Text => theme.base,
        Role::Highlight => theme.highlight,
    }
}
