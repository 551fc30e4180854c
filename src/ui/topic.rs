//! A topic tab: its description, the list of its figures, and one of its charts.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::{App, layout, strings};
use crate::data::Figure;
use crate::text::number::Scale;
use crate::text::{self, Align};
use crate::ui::bars::{BarRow, Bars, Legend};
use crate::ui::{
    column_width, palette::Palette, put, put_aligned, put_pieces, row, secondary, start_list_row,
};

/// The label column's least width before the speaker, then the period, are left out.
const LABEL_BEFORE_SPEAKER: u16 = 26;
const LABEL_BEFORE_PERIOD: u16 = 18;

/// A topic tab: its description, the list of its figures, and its current chart.
#[derive(Debug)]
pub struct TopicTab<'a> {
    pub app: &'a App,
    /// Index into the dataset's themes.
    pub topic: usize,
    pub palette: &'a Palette,
}

impl Widget for &TopicTab<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let TopicTab {
            app,
            topic,
            palette,
        } = *self;
        let Some(theme_data) = app.data().themes.get(topic) else {
            return;
        };
        let parts = layout::topic(area, app.chart_rows(topic));
        put(
            buf,
            parts.description,
            theme_data.description.get(app.lang(), app.script()),
            palette.muted,
        );
        FigureTable(self).render(parts.figures, buf);
        ChartPanel(self).render(parts.chart_panel, buf);
    }
}

/// A topic's figures that pass the filter, one per row under a title with the position:
/// label, value, and the period and speaker while there is room for them.
#[derive(Debug)]
pub struct FigureTable<'a>(pub &'a TopicTab<'a>);

/// A topic's current chart under its title, with the count of charts when there are several.
#[derive(Debug)]
pub struct ChartPanel<'a>(pub &'a TopicTab<'a>);

impl Widget for &FigureTable<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, topic, palette) = (self.0.app, self.0.topic, self.0.palette);
        let (title, area) = layout::title_and_rows(area);
        let (lang, script) = (app.lang(), app.script());
        let figures = app.topic_figures(topic);
        let list = app.topic_view(topic).list;
        let position = if figures.is_empty() {
            String::new()
        } else {
            format!("  {}/{}", list.selected + 1, figures.len())
        };
        let order = format!(" ⋅ {}", app.order().phrase().get(lang, script));
        put_pieces(
            buf,
            title,
            [
                (strings::FIGURES.get(lang, script), palette.title),
                (position.as_str(), palette.muted),
                (order.as_str(), palette.muted),
            ],
        );
        if figures.is_empty() {
            let elsewhere = app.topics_with_matches();
            let notice = if elsewhere.is_empty() {
                strings::NO_FIGURES.get(lang, script).to_string()
            } else {
                let list = elsewhere.join(strings::name_separator(lang));
                format!(
                    "{}{}",
                    strings::NO_FIGURES.get(lang, script),
                    strings::in_brackets(
                        &strings::labelled(strings::MATCHES_IN, &list, lang, script),
                        lang
                    )
                )
            };
            empty_notice(buf, area, &notice, palette);
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
        // A fact said several times is listed once, marked with how often; a row the filter
        // found only in the source sentence says so.
        let marks: Vec<String> = visible
            .iter()
            .map(|(_, f)| {
                let said = (!f.repeats.is_empty())
                    .then(|| strings::said_times(f.repeats.len() + 1, lang, script));
                let in_source = app
                    .filter()
                    .matches_only_in_sentence(f, &app.data().speakers)
                    .then(|| strings::IN_SOURCE.get(lang, script).to_string());
                let marks: Vec<String> = said.into_iter().chain(in_source).collect();
                marks.join(" ")
            })
            .collect();
        let mark_width = column_width(&marks, 16);
        let value_width = column_width(&values, area.width / 3);
        // Columns give way to the label: first the speaker, then the period.
        let gaps = |w: u16| if w > 0 { w + 2 } else { 0 };
        let label_for = |period: u16, speaker: u16| {
            area.width.saturating_sub(
                2 + gaps(mark_width) + gaps(value_width) + gaps(period) + gaps(speaker),
            )
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
            let (style, mut x) = start_list_row(buf, row_area, selected, palette);
            let muted = secondary(style, selected, palette);
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
            column(mark_width, &marks[line], muted, Align::Left);
            let value_style = if figure.damaged.is_some() {
                style.patch(palette.damaged)
            } else {
                style.patch(palette.value)
            };
            column(value_width, &values[line], value_style, Align::Right);
            column(period_width, &periods[line], muted, Align::Left);
            column(speaker_width, speakers[line], muted, Align::Left);
        }
    }
}

impl Widget for &ChartPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, topic, palette) = (self.0.app, self.0.topic, self.0.palette);
        let (title, area) = layout::title_and_rows(area);
        let (lang, script) = (app.lang(), app.script());
        let charts = app.topic_charts(topic);
        let Some(chart) = app.current_chart(topic) else {
            put(
                buf,
                title,
                strings::NO_CHARTS.get(lang, script),
                palette.muted,
            );
            return;
        };
        let index = app.topic_view(topic).chart % charts.len().max(1);
        let counter = if charts.len() > 1 {
            format!(
                "  {}/{}{}",
                index + 1,
                charts.len(),
                strings::in_brackets("c", lang)
            )
        } else {
            String::new()
        };
        let heading =
            strings::labelled(strings::CHART, chart.title.get(lang, script), lang, script);
        put_pieces(
            buf,
            title,
            [
                (heading.as_str(), palette.title),
                (counter.as_str(), palette.muted),
            ],
        );
        let shown: Vec<_> = app.shown_bars(chart).collect();
        if shown.is_empty() {
            empty_notice(buf, area, strings::NO_BARS.get(lang, script), palette);
            return;
        }
        // One unit for every bar, the largest's, so 0.9万 stands beside 7.3万.
        let largest = shown
            .iter()
            .filter_map(|(_, f)| f.value)
            .map(f64::abs)
            .fold(0.0, f64::max);
        let scale = Scale::for_largest(largest, lang);
        let periods = app.chart_periods(chart);
        let rows: Vec<BarRow> = shown
            .iter()
            .map(|(bar, figure)| BarRow {
                label: text::sanitize(bar.label.get(lang, script)).into_owned(),
                value: figure.value,
                text: strings::figure_value_in(figure, scale, lang, script),
                damaged: figure.damaged.is_some(),
                series: periods
                    .iter()
                    .position(|p| *p == figure.period.as_ref())
                    .unwrap_or(0),
            })
            .collect();
        let area = if app.chart_has_legend(chart) {
            let names: Vec<String> = periods
                .iter()
                .map(|p| p.map_or_else(String::new, |p| strings::period(p, lang, script)))
                .collect();
            let damaged = rows
                .iter()
                .any(|r| r.damaged)
                .then(|| strings::DAMAGED.get(lang, script));
            Legend {
                series: &names,
                damaged,
                palette,
            }
            .render(row(area, 0), buf);
            Rect {
                y: area.y.saturating_add(1).min(area.bottom()),
                height: area.height.saturating_sub(1),
                ..area
            }
        } else {
            area
        };
        Bars {
            rows: &rows,
            palette,
        }
        .render(area, buf);
    }
}

/// Says on the first row of `area` why it shows nothing.
fn empty_notice(buf: &mut Buffer, area: Rect, message: &str, palette: &Palette) {
    put(buf, row(area, 0), message, palette.muted);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::action::Action;
    use crate::data::{Lang, Script};
    use crate::ui::buffer_text;

    fn topic_of(app: &App, id: &str) -> usize {
        app.data()
            .themes
            .iter()
            .position(|t| t.id == id)
            .expect("fixture theme")
    }

    fn drawn(app: &App, topic: usize, area: Rect, palette: &Palette) -> Buffer {
        let mut buf = Buffer::empty(area);
        TopicTab {
            app,
            topic,
            palette,
        }
        .render(area, &mut buf);
        buf
    }

    #[test]
    fn the_list_title_names_the_order_in_force() {
        let mut app = crate::app::fixture::app(Script::Hans, Lang::Zh);
        let rights = topic_of(&app, "rights");
        app.apply(Action::GoToTab(rights + 1));
        let palette = Palette::plain();
        let area = Rect::new(0, 0, 60, 12);
        let titles = |app: &App| buffer_text(&drawn(app, rights, area, &palette))[1].clone();
        assert!(
            titles(&app).starts_with("数据  1/5 ⋅ 按发言顺序"),
            "{}",
            titles(&app)
        );
        app.apply(Action::CycleOrder);
        assert!(
            titles(&app).starts_with("数据  1/5 ⋅ 按数值"),
            "{}",
            titles(&app)
        );
        app.apply(Action::ToggleLang);
        app.apply(Action::CycleOrder);
        // The selection followed its figure to the end of the list.
        assert!(
            titles(&app).starts_with("Figures  5/5 ⋅ by label"),
            "{}",
            titles(&app)
        );
    }

    #[test]
    fn a_chart_with_a_damaged_figure_has_a_legend_and_one_scale() {
        let mut app = crate::app::fixture::app(Script::Hant, Lang::Zh);
        let rights = topic_of(&app, "rights");
        app.apply(Action::GoToTab(rights + 1));
        let palette = Palette::plain();
        // Wide enough for the chart beside the list.
        app.resize(120, 24);
        let lines = buffer_text(&drawn(&app, rights, Rect::new(0, 0, 120, 10), &palette));
        let legend = lines
            .iter()
            .find(|l| l.contains("?░ 原文損壞"))
            .expect("a legend");
        let damaged = lines
            .iter()
            .find(|l| l.contains("?650個") && l.contains("?░░"))
            .unwrap_or_else(|| panic!("a hatched bar: {lines:#?}"));
        assert_ne!(legend, damaged);
        // 2,809,000 个 is the largest: written in 萬, as the damaged one keeps what survives.
        assert!(lines.iter().any(|l| l.ends_with("280.9萬個")), "{lines:#?}");
    }
}
