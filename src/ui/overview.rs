//! The overview: headline figures as cards, then each topic with its counts.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use crate::app::layout::CardRows;
use crate::app::{App, layout, strings};
use crate::data::Figure;
use crate::text::{Align, sanitize};
use crate::ui::pager::put_marked;
use crate::ui::{
    Look, column_width, draw_box, palette::Palette, put, put_aligned, row, secondary,
    start_list_row,
};

/// The fewest columns a topic's description is shown in.
const MIN_DESCRIPTION: u16 = 8;

/// The overview: a card per headline figure, then a table of the topics with their counts.
#[derive(Debug)]
pub struct Overview<'a> {
    pub app: &'a App,
    pub palette: &'a Palette,
}

/// One headline figure in a box: its label on the border (wrapped under it when longer),
/// its value, its period.
#[derive(Debug)]
pub struct Card<'a> {
    pub figure: &'a Figure,
    /// The title's and the value's rows, as laid out for the card's width.
    pub rows: &'a CardRows,
    /// Where the text filter's words are in the title.
    pub matches: &'a [Range<usize>],
    /// Whether the arrows are on this card: its border is drawn as a selection.
    pub selected: bool,
    pub look: Look<'a>,
}

impl Widget for &Card<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (
            figure,
            rows,
            Look {
                lang,
                script,
                palette,
            },
        ) = (self.figure, self.rows, self.look);
        let (title, value) = (
            sanitize(figure.label.get(lang, script)),
            strings::figure_value(figure, rows.magnitude, lang, script),
        );
        let first = rows.title.first().cloned().unwrap_or_default();
        let (border, title_style) = if self.selected {
            (palette.selected, palette.title.patch(palette.selected))
        } else {
            (palette.card_border, palette.title)
        };
        draw_box(buf, area, &title[first.clone()], border, title_style);
        if self.selected && area.width > 4 {
            // Marked in the text too, for a screen read without its styles.
            put(buf, Rect::new(area.x + 1, area.y, 1, 1), "▸", title_style);
        }
        // The title's first row again over its place on the border, with the filter's marks.
        let on_border = Rect::new(
            area.x.saturating_add(2),
            area.y,
            area.width.saturating_sub(5),
            1.min(area.height),
        );
        let marks: Vec<(Range<usize>, Style)> = self
            .matches
            .iter()
            .map(|span| (span.clone(), palette.matched))
            .collect();
        put_marked(buf, on_border, &title, first, title_style, &marks);
        let inner = layout::box_inner(area);
        let value_style = if figure.damaged.is_some() {
            palette.damaged
        } else {
            palette.value
        };
        let mut line = 0;
        let mut next_row = || {
            line += 1;
            row(inner, line - 1)
        };
        for range in rows.title.iter().skip(1) {
            put_marked(
                buf,
                next_row(),
                &title,
                range.clone(),
                palette.title,
                &marks,
            );
        }
        for range in &rows.value {
            put(buf, next_row(), &value[range.clone()], value_style);
        }
        let period = figure
            .period
            .as_ref()
            .map(|p| strings::period(p, lang, script))
            .unwrap_or_default();
        put(buf, next_row(), &period, palette.muted);
    }
}

impl Widget for &Overview<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, palette) = (self.app, self.palette);
        let (lang, script) = (app.lang(), app.script());
        let parts = app.overview_layout(area);
        let look = Look {
            lang,
            script,
            palette,
        };
        let cards = parts.cards.iter().zip(&parts.card_rows);
        let figures = app.headline_figures().into_iter().skip(parts.first_card);
        for (index, (figure, (rect, rows))) in (parts.first_card..).zip(figures.zip(cards)) {
            let title = sanitize(figure.label.get(lang, script));
            let matches = app.label_spans(&figure.label, &title);
            Card {
                figure,
                rows,
                matches: &matches,
                selected: app.overview_card() == Some(index),
                look,
            }
            .render(*rect, buf);
        }

        put(
            buf,
            parts.topics_title,
            strings::TOPICS.get(lang, script),
            palette.title,
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
            let (style, mut x) = start_list_row(buf, area, selected, palette);
            let name = Rect::new(x, area.y, name_width.min(area.right() - x), 1);
            put(buf, name, names[index], style.patch(palette.title));
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
                    secondary(style, selected, palette),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::fixture;
    use crate::data::{Lang, Script};
    use crate::text::Magnitude;
    use crate::ui::tests::unstyled;

    /// The fixture's first figure as a card in `area`, its title and value wrapped to the
    /// given widths, without styles.
    fn card(area: Rect, title_width: u16, value_width: u16) -> Buffer {
        let data = fixture::dataset();
        let palette = Palette::plain();
        let mut buf = Buffer::empty(area);
        let figure = &data.figures[0];
        let label = figure.label.get(Lang::Zh, Script::Hans);
        Card {
            figure,
            matches: &[],
            selected: false,
            rows: &CardRows {
                title: layout::label_rows(label, title_width),
                value: layout::label_rows("8,122.4万件", value_width),
                magnitude: Magnitude::Short,
            },
            look: Look {
                lang: Lang::Zh,
                script: Script::Hans,
                palette: &palette,
            },
        }
        .render(buf.area, &mut buf);
        unstyled(&buf)
    }

    #[test]
    fn a_card_boxes_the_value_under_its_label() {
        assert_eq!(
            card(Rect::new(0, 0, 22, 4), 20, 17),
            Buffer::with_lines([
                "╭ 全国快递业务量 ────╮",
                "│ 8,122.4万件        │",
                "│ 2021年             │",
                "╰────────────────────╯",
            ])
        );
    }

    #[test]
    fn a_long_title_wraps_under_the_border_before_the_value() {
        let area = Rect::new(0, 0, 16, 5);
        let width = layout::card_text_width(area);
        assert_eq!(
            card(area, width, width),
            Buffer::with_lines([
                "╭ 全国快递业 ──╮",
                "│ 务量         │",
                "│ 8,122.4万件  │",
                "│ 2021年       │",
                "╰──────────────╯",
            ])
        );
    }
}
