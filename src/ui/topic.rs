//! A topic tab: its description, the list of its figures, and one of its charts.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::{App, layout, strings};
use crate::text::number::Scale;
use crate::text::{self, Align, Magnitude};
use crate::ui::bars::{BarRow, Bars, Legend};
use crate::ui::glyphs::Glyphs;
use crate::ui::pager::put_marked;
use crate::ui::{palette::Palette, put, put_aligned, put_pieces, row, secondary, start_list_row};

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
        let laid = app.topic_layout(topic, area);
        let parts = laid.parts;
        put(
            buf,
            parts.description,
            theme_data.description.get(app.lang(), app.script()),
            palette.muted,
        );
        FigureTable {
            tab: self,
            body: area,
        }
        .render(parts.figures, buf);
        ChartPanel(self, laid.chart_magnitude).render(parts.chart_panel, buf);
    }
}

/// A topic's figures that pass the filter under a title with the position: each figure's
/// label, wrapped onto more rows when it does not fit, then its value, and the period and
/// speaker while there is room for them.
#[derive(Debug)]
pub struct FigureTable<'a> {
    pub tab: &'a TopicTab<'a>,
    /// The tab's body, which the table's place and columns are laid out in.
    pub body: Rect,
}

/// A topic's current chart under its title, with the count of charts when there are several.
#[derive(Debug)]
pub struct ChartPanel<'a>(pub &'a TopicTab<'a>, pub Magnitude);

impl Widget for &FigureTable<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, topic, palette) = (self.tab.app, self.tab.topic, self.tab.palette);
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
        let laid = app.topic_layout(topic, self.body);
        let columns = laid.columns;
        for (index, entry) in layout::list_entries(area, &laid.heights, list.offset()) {
            let Some(figure) = figures.get(index).map(|&f| &app.data().figures[f]) else {
                break;
            };
            let cells = app.figure_cells(figure, laid.magnitude);
            let selected = index == list.selected;
            // A rule parts a group of the order from the one before.
            let entry = if laid.rule_above[index] {
                let rule = Glyphs::current()
                    .horizontal
                    .repeat(usize::from(entry.width));
                put(buf, row(entry, 0), &rule, palette.muted);
                Rect {
                    y: entry.y + 1,
                    height: entry.height.saturating_sub(1),
                    ..entry
                }
            } else {
                entry
            };
            if entry.is_empty() {
                continue;
            }
            let first = row(entry, 0);
            let (style, label_x) = start_list_row(buf, first, selected, palette);
            buf.set_style(entry, style);
            // The label's rows one under another; the other columns on its first row. A value
            // wider than its column moves its mark left, into its label's columns.
            let label_width = laid.label_widths[index];
            let label_area = Rect::new(
                label_x,
                entry.y,
                label_width.min(entry.right() - label_x),
                entry.height,
            );
            // A figure cut by the bottom of the list shows the rest of its label cut with `…`
            // on its last row shown.
            let rows = &laid.labels[index];
            let shown = rows.len().min(usize::from(entry.height));
            let marks: Vec<_> = app
                .label_spans(&figure.label, &cells.label)
                .into_iter()
                .map(|span| (span, palette.matched))
                .collect();
            for (line, range) in rows.iter().take(shown).enumerate() {
                let end = if line + 1 == shown {
                    cells.label.len()
                } else {
                    range.end
                };
                put_marked(
                    buf,
                    row(label_area, line as u16),
                    &cells.label,
                    range.start..end,
                    style,
                    &marks,
                );
            }
            let muted = secondary(style, selected, palette);
            // Without a period column, a period that alone tells this figure from another of
            // its label goes under the label.
            if laid.period_below[index] && usize::from(entry.height) > rows.len() {
                put(
                    buf,
                    row(label_area, rows.len() as u16),
                    &cells.period,
                    muted,
                );
            }
            let mut x = label_x
                .saturating_add(label_width)
                .saturating_add(layout::COLUMN_GAP)
                .min(first.right());
            let mut column = |width: u16, text: &str, style, align| {
                if width == 0 || x >= first.right() {
                    return;
                }
                let cell = Rect::new(x, first.y, width.min(first.right() - x), 1);
                put_aligned(buf, cell, text, style, align);
                x = (cell.right() + layout::COLUMN_GAP).min(first.right());
            };
            let overflow = columns.label - label_width;
            column(columns.mark, &cells.mark, muted, Align::Left);
            let value_style = if figure.damaged.is_some() {
                style.patch(palette.damaged)
            } else {
                style.patch(palette.value)
            };
            column(
                columns.value + overflow,
                &cells.value,
                value_style,
                Align::Right,
            );
            column(columns.period, &cells.period, muted, Align::Left);
            column(columns.speaker, cells.speaker, muted, Align::Left);
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
        // The counter keeps its columns while the heading has a few; a heading too long loses
        // its middle, so its period at the end stays.
        let counter_width = u16::try_from(text::width(&counter)).unwrap_or(u16::MAX);
        let counter = if title.width >= counter_width.saturating_add(layout::LABEL_LEAST) {
            counter.as_str()
        } else {
            ""
        };
        let heading_room = usize::from(title.width).saturating_sub(text::width(counter));
        let heading = text::truncate_middle(&heading, heading_room);
        put_pieces(
            buf,
            title,
            [(&*heading, palette.title), (counter, palette.muted)],
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
        let scale = Scale::for_largest(largest, lang).named(self.1);
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

/// Says in `area` why it shows nothing, wrapped onto as many rows as it needs and has.
fn empty_notice(buf: &mut Buffer, area: Rect, message: &str, palette: &Palette) {
    let message = text::sanitize(message);
    let rows = layout::rows_up_to(&message, area.width, usize::from(area.height));
    for (line, range) in rows.into_iter().enumerate() {
        put(buf, row(area, line as u16), &message[range], palette.muted);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::action::Action;
    use crate::app::fixture::topic_of;
    use crate::data::{Lang, Script};
    use crate::ui::buffer_text;

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

    use crate::app::fixture;

    #[test]
    fn a_label_too_long_for_its_column_wraps_under_itself_beside_its_value() {
        let mut app = fixture::app(Script::Hans, Lang::En);
        app.resize(60, 16);
        let skills = app
            .data()
            .themes
            .iter()
            .position(|t| t.id == "skills")
            .expect("fixture theme");
        app.apply(Action::GoToTab(skills + 1));
        app.apply(Action::Bottom);
        let palette = Palette::plain();
        let area = Rect::new(0, 0, 60, 13);
        let mut buf = Buffer::empty(area);
        TopicTab {
            app: &app,
            topic: skills,
            palette: &palette,
        }
        .render(area, &mut buf);
        // The figure list: each label's rows under it, the value on its first row whole.
        assert_eq!(
            buffer_text(&buf)[1..7],
            [
                "Figures  5/5 ⋅ as said",
                "  migrant workers in contests before          0 person-times",
                "  the pilot",
                "▸ participants in the pilot provinces'   32,000 person-times",
                "  workforce reform and skills upgrading",
                "  campaign of the new era",
            ]
        );
        // The selection covers every row of the selected figure.
        let selected = Palette::plain().selected;
        for y in 4..7 {
            assert_eq!(buf[(40, y)].modifier, selected.add_modifier, "row {y}");
        }
    }

    #[test]
    fn a_period_goes_under_labels_it_alone_tells_apart_and_rules_part_groups() {
        let mut app = fixture::app(Script::Hans, Lang::En);
        app.resize(44, 30);
        let skills = topic_of(&app, "skills");
        app.apply(Action::GoToTab(skills + 1));
        let palette = Palette::plain();
        let area = Rect::new(0, 0, 44, 27);
        let lines = buffer_text(&drawn(&app, skills, area, &palette));
        // Two rows of one label: no room for a period column, so each says its period.
        let platform: Vec<usize> = (0..lines.len())
            .filter(|&y| lines[y].contains("skills platform  "))
            .collect();
        assert_eq!(platform.len(), 2, "{lines:#?}");
        let periods: Vec<&str> = platform.iter().map(|&y| lines[y + 2].trim()).collect();
        assert_eq!(periods, ["as of 2021-12", "as of 2022-06"], "{lines:#?}");
        // A label of its own needs no period.
        let courier = lines
            .iter()
            .position(|l| l.starts_with("▸ courier"))
            .expect("a row");
        assert_eq!(lines[courier + 1..courier + 3], ["  skills", "  training"]);
        // By value, people, money and counts are ranked apart, a rule between each two.
        let rights = topic_of(&app, "rights");
        app.apply(Action::GoToTab(rights + 1));
        let rules = |app: &App| {
            let lines = buffer_text(&drawn(app, rights, area, &palette));
            lines.iter().filter(|l| l.starts_with("────")).count()
        };
        assert_eq!(rules(&app), 0);
        app.apply(Action::CycleOrder);
        assert!(rules(&app) >= 2);
    }

    #[test]
    fn the_filter_is_marked_in_the_labels_in_the_script_shown() {
        let mut app = fixture::app(Script::Hant, Lang::Zh);
        let rights = app
            .data()
            .themes
            .iter()
            .position(|t| t.id == "rights")
            .expect("fixture theme");
        app.apply(Action::GoToTab(rights + 1));
        // Typed in simplified characters, found in the traditional label shown.
        app.apply(Action::StartSearch);
        app.handle_paste("工会");
        app.handle_key(crossterm::event::KeyEvent::from(
            crossterm::event::KeyCode::Enter,
        ));
        let palette = Palette::plain();
        let area = Rect::new(0, 0, 60, 8);
        let mut buf = Buffer::empty(area);
        TopicTab {
            app: &app,
            topic: rights,
            palette: &palette,
        }
        .render(area, &mut buf);
        let text = buffer_text(&buf);
        let (y, line) = text
            .iter()
            .enumerate()
            .find(|(_, line)| line.contains("工會會員"))
            .expect("the members row");
        let x = crate::text::width(&line[..line.find("工會").expect("shown")]);
        let marked = |x: usize| {
            buf[(x as u16, y as u16)]
                .modifier
                .contains(palette.matched.add_modifier)
        };
        assert!(marked(x) && marked(x + 2), "工會 is marked");
        assert!(!marked(x + 4), "會員 is not");
    }
}
