//! The overview: headline figures as cards, then each topic with its counts.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::{App, layout, strings};
use crate::text::Align;
use crate::ui::{column_width, draw_box, put, put_aligned, row, theme::Theme};

/// The fewest columns a topic's description is shown in.
const MIN_DESCRIPTION: u16 = 8;

pub(super) fn draw(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let (lang, script) = (app.lang(), app.script());
    let parts = app.overview_layout(area);
    for (figure, rect) in app.headline_figures().into_iter().zip(&parts.cards) {
        draw_box(
            buf,
            *rect,
            figure.label.get(lang, script),
            theme.card_border,
            theme.title,
        );
        let inner = layout::box_inner(*rect);
        let value = strings::figure_value(figure, lang, script);
        let value_style = if figure.damaged.is_some() {
            theme.damaged
        } else {
            theme.value
        };
        put(buf, row(inner, 0), &value, value_style);
        let period = figure
            .period
            .as_ref()
            .map(|p| strings::period(p, lang, script))
            .unwrap_or_default();
        put(buf, row(inner, 1), &period, theme.muted);
    }

    put(
        buf,
        parts.topics_title,
        strings::TOPICS.get(lang, script),
        theme.title,
    );
    let themes = &app.data().themes;
    let names: Vec<&str> = themes.iter().map(|t| t.label.get(lang, script)).collect();
    let counts: Vec<String> = (0..themes.len())
        .map(|t| {
            let (figures, items) = app.topic_counts(t);
            strings::topic_counts(figures, items, lang, script)
        })
        .collect();
    let name_width = column_width(&names, parts.topics.width / 3);
    let count_width = column_width(&counts, parts.topics.width / 2);
    let list = app.overview_list();
    let rows = usize::from(parts.topics.height);
    let offset = list.offset();
    for (line, index) in (offset..themes.len()).take(rows).enumerate() {
        let area = row(parts.topics, line as u16);
        let selected = index == list.selected;
        let style = if selected { theme.selected } else { theme.base };
        buf.set_style(area, style);
        let marker = if selected { "▸ " } else { "  " };
        let mut x = area.x + put(buf, area, marker, style);
        let name = Rect::new(x, area.y, name_width.min(area.right() - x), 1);
        put(buf, name, names[index], style.patch(theme.title));
        x = (name.right() + 2).min(area.right());
        let count = Rect::new(x, area.y, count_width.min(area.right() - x), 1);
        put_aligned(buf, count, &counts[index], style, Align::Left);
        x = (count.right() + 2).min(area.right());
        // A description cut to a few columns says nothing: leave it out.
        if area.right() - x >= MIN_DESCRIPTION {
            let description = Rect::new(x, area.y, area.right() - x, 1);
            put(
                buf,
                description,
                themes[index].description.get(lang, script),
                style.patch(theme.muted),
            );
        }
    }
}
