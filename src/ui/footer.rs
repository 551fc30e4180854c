//! The two bottom rows: the status line (filter, counts, pager position, or the filter
//! prompt) and the key hints, taken from the key table and fitted to the width.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::{App, Tab, strings};
use crate::text::{self, Align};
use crate::ui::{put, put_aligned, put_pieces, theme::Theme};

pub(super) fn draw_status(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    buf.set_style(area, theme.status);
    let (lang, script) = (app.lang(), app.script());
    if let Some(prompt) = app.prompt() {
        let label = strings::FILTER_PROMPT.get(lang, script);
        let used = put(buf, area, label, theme.status.patch(theme.prompt));
        let field = Rect::new(area.x + used, area.y, area.width - used, 1);
        let (visible, cursor) = prompt.input.visible(usize::from(field.width));
        put(buf, field, visible, theme.status);
        let cursor_x = field.x + u16::try_from(cursor).unwrap_or(0);
        if cursor_x < field.right() {
            let cell = &mut buf[(cursor_x, area.y)];
            cell.set_style(theme.selected);
        }
        return;
    }
    let right = if app.tab() == Tab::Qa {
        app.pager().status().text(lang, script)
    } else {
        let (shown, total) = app.figures_shown();
        strings::shown_of(shown, total, lang, script)
    };
    let right_width = u16::try_from(text::width(&right) + 1)
        .unwrap_or(u16::MAX)
        .min(area.width / 2);
    let left_area = Rect::new(area.x, area.y, area.width - right_width, 1);
    let right_area = Rect::new(left_area.right(), area.y, right_width, 1);
    put_aligned(buf, right_area, &right, theme.status, Align::Right);
    let filter = app.filter();
    if filter.is_active() {
        let mut parts = Vec::new();
        if !filter.topics.is_empty() {
            let names: Vec<&str> = app
                .data()
                .themes
                .iter()
                .filter(|t| filter.topics.contains(&t.id))
                .map(|t| t.label.get(lang, script))
                .collect();
            parts.push(format!(
                "{}: {}",
                strings::FILTER_TOPICS.get(lang, script),
                names.join(", ")
            ));
        }
        if !filter.text.trim().is_empty() {
            parts.push(format!(
                "{}: {}",
                strings::FILTER_TEXT.get(lang, script),
                filter.text.trim()
            ));
        }
        let summary = format!(" {} ", parts.join(" · "));
        let hint = format!("({})", strings::ESC_CLEARS.get(lang, script));
        put_pieces(
            buf,
            left_area,
            [
                (summary.as_str(), theme.status.patch(theme.prompt)),
                (hint.as_str(), theme.status),
            ],
        );
    } else {
        let meta = &app.data().meta;
        let title = format!(" {} · {}", meta.title.get(lang, script), meta.event_date);
        put(buf, left_area, &title, theme.status);
    }
}

pub(super) fn draw_hints(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let (lang, script) = (app.lang(), app.script());
    let mut x = area.x;
    for hint in app.hints() {
        let text = hint.text.get(lang, script);
        let needed =
            u16::try_from(text::width(hint.keys) + 1 + text::width(text) + 2).unwrap_or(u16::MAX);
        if x + needed > area.right() + 2 {
            break;
        }
        let rest = Rect::new(x, area.y, area.right() - x, 1);
        x += put_pieces(
            buf,
            rest,
            [
                (hint.keys, theme.key),
                (" ", theme.hint),
                (text, theme.hint),
            ],
        ) + 2;
    }
}
