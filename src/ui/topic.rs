//! A topic tab: its description, the list of its figures, and one of its charts.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::{App, layout, strings};
use crate::data::Figure;
use crate::text::{self, Align};
use crate::ui::bars::{self, BarRow};
use crate::ui::{column_width, put, put_aligned, put_pieces, row, theme::Theme};

/// The label column's least width before the speaker, then the period, are left out.
const LABEL_BEFORE_SPEAKER: u16 = 26;
const LABEL_BEFORE_PERIOD: u16 = 18;

pub(super) fn draw(app: &App, topic: usize, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let Some(theme_data) = app.data().themes.get(topic) else {
        return;
    };
    let (lang, script) = (app.lang(), app.script());
    let parts = layout::topic(area, app.chart_rows(topic));
    put(
        buf,
        parts.description,
        theme_data.description.get(lang, script),
        theme.muted,
    );
    draw_list(app, topic, parts.list_title, parts.list, buf, theme);
    draw_chart(app, topic, parts.chart_title, parts.chart, buf, theme);
}

fn draw_list(app: &App, topic: usize, title: Rect, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let (lang, script) = (app.lang(), app.script());
    let figures = app.topic_figures(topic);
    let list = app.topic_view(topic).list;
    let position = if figures.is_empty() {
        String::new()
    } else {
        format!("  {}/{}", list.selected + 1, figures.len())
    };
    put_pieces(
        buf,
        title,
        [
            (strings::FIGURES.get(lang, script), theme.title),
            (position.as_str(), theme.muted),
        ],
    );
    if figures.is_empty() {
        put(
            buf,
            row(area, 0),
            strings::NO_FIGURES.get(lang, script),
            theme.muted,
        );
        return;
    }
    let rows = usize::from(area.height);
    let offset = list.offset();
    let visible: Vec<(usize, &Figure)> = figures
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .map(|(i, &f)| (i, &app.data().figures[f]))
        .collect();
    let values: Vec<String> = visible
        .iter()
        .map(|(_, f)| strings::figure_value(f, lang, script))
        .collect();
    let periods: Vec<String> = visible
        .iter()
        .map(|(_, f)| {
            f.period
                .as_ref()
                .map(|p| strings::period(p, lang, script))
                .unwrap_or_default()
        })
        .collect();
    let speakers: Vec<&str> = visible
        .iter()
        .map(|(_, f)| {
            app.data()
                .speaker(&f.speaker)
                .map_or("", |s| s.name.get(lang, script))
        })
        .collect();
    let value_width = column_width(&values, area.width / 3);
    // Columns give way to the label: first the speaker, then the period.
    let gaps = |w: u16| if w > 0 { w + 2 } else { 0 };
    let label_for = |period: u16, speaker: u16| {
        area.width
            .saturating_sub(2 + gaps(value_width) + gaps(period) + gaps(speaker))
    };
    let mut period_width = column_width(&periods, 16);
    let mut speaker_width = column_width(&speakers, 14);
    if label_for(period_width, speaker_width) < LABEL_BEFORE_SPEAKER {
        speaker_width = 0;
    }
    if label_for(period_width, speaker_width) < LABEL_BEFORE_PERIOD {
        period_width = 0;
    }
    let label_width = label_for(period_width, speaker_width);
    for (line, (index, figure)) in visible.iter().enumerate() {
        let row_area = row(area, line as u16);
        let selected = *index == list.selected;
        let style = if selected { theme.selected } else { theme.base };
        buf.set_style(row_area, style);
        let marker = if selected { "▸ " } else { "  " };
        let mut x = row_area.x + put(buf, row_area, marker, style);
        let mut column = |width: u16, text: &str, style, align| {
            if width == 0 || x >= row_area.right() {
                return;
            }
            let cell = Rect::new(x, row_area.y, width.min(row_area.right() - x), 1);
            put_aligned(buf, cell, text, style, align);
            x = (cell.right() + 2).min(row_area.right());
        };
        column(
            label_width,
            figure.label.get(lang, script),
            style,
            Align::Left,
        );
        let value_style = if figure.damaged.is_some() {
            style.patch(theme.damaged)
        } else {
            style.patch(theme.value)
        };
        column(value_width, &values[line], value_style, Align::Right);
        column(
            period_width,
            &periods[line],
            style.patch(theme.muted),
            Align::Left,
        );
        column(
            speaker_width,
            speakers[line],
            style.patch(theme.muted),
            Align::Left,
        );
    }
}

fn draw_chart(app: &App, topic: usize, title: Rect, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let (lang, script) = (app.lang(), app.script());
    let charts = app.topic_charts(topic);
    let Some(chart) = app.current_chart(topic) else {
        put(
            buf,
            title,
            strings::NO_CHARTS.get(lang, script),
            theme.muted,
        );
        return;
    };
    let index = app.topic_view(topic).chart % charts.len().max(1);
    let counter = if charts.len() > 1 {
        format!("  {}/{} (c)", index + 1, charts.len())
    } else {
        String::new()
    };
    let heading = format!(
        "{}: {}",
        strings::CHART.get(lang, script),
        chart.title.get(lang, script)
    );
    put_pieces(
        buf,
        title,
        [
            (heading.as_str(), theme.title),
            (counter.as_str(), theme.muted),
        ],
    );
    let rows: Vec<BarRow> = app
        .shown_bars(chart)
        .map(|(bar, figure)| BarRow {
            label: text::sanitize(bar.label.get(lang, script)).into_owned(),
            value: figure.value,
            text: strings::figure_value(figure, lang, script),
            damaged: figure
                .damaged
                .as_ref()
                .map(|_| strings::DAMAGED.get(lang, script).to_string()),
        })
        .collect();
    if rows.is_empty() {
        put(
            buf,
            row(area, 0),
            strings::NO_BARS.get(lang, script),
            theme.muted,
        );
        return;
    }
    bars::draw(buf, area, &rows, theme);
}
