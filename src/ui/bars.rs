//! A horizontal bar chart for Chinese labels, drawn cell by cell.
//!
//! Unlike ratatui's `BarChart`: labels are cut to a width-aware column (never over the bars),
//! bars have eighth-block resolution, values are any finite `f64` with their text (number,
//! unit, qualifier) right-aligned, bars of different periods are told apart by colour and
//! fill (named by a [`Legend`]), and a damaged figure gets a hatched bar marked `?` beside
//! what survives of its number, never a length it does not have.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::text::{self, Align};
use ratatui::style::Style;

use crate::ui::{glyphs::Glyphs, palette::Palette, put, put_aligned, put_pieces};

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    pub label: String,
    /// `None` for a figure without a usable value (damaged): no length is drawn.
    pub value: Option<f64>,
    /// The value as the reader reads it, e.g. `8,122.4万件`, or what survives of it.
    pub text: String,
    /// A damaged figure: its bar is hatched and marked `?`, its length unknown.
    pub damaged: bool,
    /// Which period (or series) the bar belongs to when a chart compares several: its style
    /// and fill. 0 for a chart of one.
    pub series: usize,
}

/// The fill of a damaged bar, after its `?`. Unlike the other shades it is of neutral width,
/// one column on every terminal, so it needs no ASCII stand-in.
const HATCH: &str = "░";

/// Below this many columns for the bar itself, bars are left out and only values shown.
const MIN_BAR: u16 = 4;

/// A chart's bars, one per row; when they don't all fit, the last row tells how many more
/// there are (`+3 ⋯`). Touches no cell outside its area.
#[derive(Debug)]
pub struct Bars<'a> {
    pub rows: &'a [BarRow],
    pub palette: &'a Palette,
}

impl Widget for &Bars<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (rows, palette) = (self.rows, self.palette);
        let area = area.intersection(buf.area);
        if area.is_empty() || rows.is_empty() {
            return;
        }
        let fits = rows.len() <= usize::from(area.height);
        let shown = if fits {
            rows.len()
        } else {
            usize::from(area.height - 1)
        };
        let widths = Columns::new(area.width, &rows[..shown]);
        let max = rows[..shown]
            .iter()
            .filter_map(|r| r.value)
            .filter(|v| v.is_finite())
            .fold(0.0_f64, f64::max);
        for (index, bar) in rows[..shown].iter().enumerate() {
            let y = area.y + index as u16;
            draw_row(
                buf,
                Rect::new(area.x, y, area.width, 1),
                bar,
                &widths,
                max,
                palette,
            );
        }
        if !fits {
            let more = format!("+{} {}", rows.len() - shown, text::truncate::ELLIPSIS);
            put(
                buf,
                Rect::new(area.x, area.bottom() - 1, area.width, 1),
                &more,
                palette.muted,
            );
        }
    }
}

/// Column widths of a row: label, gap, bar, gap, then the value takes the rest, which is
/// all it needs.
struct Columns {
    label: u16,
    bar: u16,
}

impl Columns {
    fn new(width: u16, rows: &[BarRow]) -> Self {
        let widest = |f: &dyn Fn(&BarRow) -> usize| {
            rows.iter()
                .map(|r| u16::try_from(f(r)).unwrap_or(u16::MAX))
                .max()
                .unwrap_or(0)
        };
        let label_wanted = widest(&|r| text::width(&r.label));
        // Values are never cut: they take what they need first.
        let value = widest(&|r| text::width(&r.text)).min(width);
        // Labels take at most 2/5 of the width, and leave the bars their least.
        let beside = width.saturating_sub(value);
        let label = label_wanted
            .min(width * 2 / 5)
            .min(beside.saturating_sub(MIN_BAR + 2));
        let bar = beside.saturating_sub(label + 2);
        if bar >= MIN_BAR {
            Self { label, bar }
        } else {
            // Too narrow for bars: label and value share the row.
            Self {
                label: label_wanted.min(beside.saturating_sub(1)),
                bar: 0,
            }
        }
    }
}

fn draw_row(
    buf: &mut Buffer,
    area: Rect,
    row: &BarRow,
    columns: &Columns,
    max: f64,
    palette: &Palette,
) {
    put(
        buf,
        Rect::new(area.x, area.y, columns.label, 1),
        &row.label,
        palette.base,
    );
    let rest_x = (area.x + columns.label + 1).min(area.right());
    let rest = Rect::new(rest_x, area.y, area.right() - rest_x, 1);
    let bar_width = columns.bar.min(rest.width);
    let (bar, bar_style, value_style) = if row.damaged {
        // Its length is unknown: a hatch across the whole column, marked.
        let hatch = format!(
            "?{}",
            HATCH.repeat(usize::from(bar_width.saturating_sub(1)))
        );
        (hatch, palette.damaged, palette.damaged)
    } else {
        let bar = fill(row.value.unwrap_or(0.0), max, bar_width, row.series);
        (bar, series_style(palette, row.series), palette.value)
    };
    if bar_width > 0 {
        put(
            buf,
            Rect::new(rest.x, area.y, bar_width, 1),
            &bar,
            bar_style,
        );
    }
    let value_x = if bar_width > 0 {
        rest.x + bar_width + 1
    } else {
        rest.x
    }
    .min(area.right());
    let value_area = Rect::new(value_x, area.y, area.right() - value_x, 1);
    put_aligned(buf, value_area, &row.text, value_style, Align::Right);
}

/// The style of the bars of `series`.
fn series_style(palette: &Palette, series: usize) -> Style {
    palette.series[series % palette.series.len()]
}

/// The bar of `series` for `value` on a scale where `max` fills `width` cells: eighth blocks
/// for the first series, whole cells of a shade for the others.
fn fill(value: f64, max: f64, width: u16, series: usize) -> String {
    if series == 0 {
        return bar_cells(value, max, width);
    }
    let cells = eighths(value, max, width).div_ceil(8);
    Glyphs::current().shade(series).repeat(cells)
}

/// One row naming what tells the bars apart: a swatch per series with its name, and `?` for
/// a damaged bar with why.
#[derive(Debug)]
pub struct Legend<'a> {
    /// The name of each series, in series order.
    pub series: &'a [String],
    /// Said after `?` when a bar is damaged.
    pub damaged: Option<&'a str>,
    pub palette: &'a Palette,
}

impl Widget for &Legend<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let swatches = self.series.iter().enumerate().map(|(series, name)| {
            let swatch = if series == 0 {
                Glyphs::current().bar_cells[7]
            } else {
                Glyphs::current().shade(series)
            };
            [
                (
                    format!("{swatch}{swatch}"),
                    series_style(self.palette, series),
                ),
                (format!(" {name}  "), self.palette.muted),
            ]
        });
        let damaged = self.damaged.map(|why| {
            [
                (format!("?{HATCH}"), self.palette.damaged),
                (format!(" {why}"), self.palette.muted),
            ]
        });
        let pieces: Vec<(String, Style)> = swatches.chain(damaged).flatten().collect();
        put_pieces(
            buf,
            area,
            pieces.iter().map(|(text, style)| (text.as_str(), *style)),
        );
    }
}

/// A bar of `value` on a scale where `max` fills `width` cells, in eighth blocks. A positive
/// value too small to show still gets one eighth, so it never looks like zero.
pub fn bar_cells(value: f64, max: f64, width: u16) -> String {
    let eighths = eighths(value, max, width);
    let cells = Glyphs::current().bar_cells;
    let mut bar = cells[7].repeat(eighths / 8);
    if !eighths.is_multiple_of(8) {
        bar.push_str(cells[eighths % 8 - 1]);
    }
    bar
}

/// How many eighths of a cell the bar of `value` takes where `max` fills `width` cells: at
/// least one for a positive value, none for zero, a negative or a value that is not finite.
fn eighths(value: f64, max: f64, width: u16) -> usize {
    if !(value.is_finite() && max.is_finite()) || value <= 0.0 || max <= 0.0 {
        return 0;
    }
    let total = usize::from(width) * 8;
    let eighths = ((value / max).min(1.0) * total as f64).round() as usize;
    eighths.clamp(1, total.max(1)).min(total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::buffer_text;

    fn row(label: &str, value: Option<f64>, text: &str) -> BarRow {
        BarRow {
            label: label.into(),
            value,
            text: text.into(),
            damaged: false,
            series: 0,
        }
    }

    fn sample() -> Vec<BarRow> {
        vec![
            row("技能强国平台（2022年6月）", Some(1.86e8), "1.86亿人次"),
            row(
                "新时代产业工人队伍建设改革试点省份覆盖面",
                Some(3.2e4),
                "3.2万人次",
            ),
            row("零", Some(0.0), "0人次"),
            row("巨大", Some(1.2e300), "1.2e300元"),
            BarRow {
                label: "全国五一劳动奖章".into(),
                value: None,
                text: "?650个".into(),
                damaged: true,
                series: 0,
            },
        ]
    }

    #[test]
    fn eighth_blocks_scale_to_the_largest_value() {
        assert_eq!(bar_cells(10.0, 10.0, 4), "████");
        assert_eq!(bar_cells(5.0, 10.0, 4), "██");
        assert_eq!(bar_cells(1.0, 16.0, 2), "▏");
        assert_eq!(bar_cells(3.0, 16.0, 2), "▍");
        assert_eq!(bar_cells(12.0, 16.0, 2), "█▌");
        assert_eq!(bar_cells(0.0, 10.0, 4), "");
        // Tiny but positive stays visible; nonsense draws nothing.
        assert_eq!(bar_cells(1e-9, 1e12, 4), "▏");
        assert_eq!(bar_cells(f64::NAN, 1.0, 4), "");
        assert_eq!(bar_cells(f64::INFINITY, 1.0, 4), "");
        assert_eq!(bar_cells(5.0, 0.0, 4), "");
    }

    #[test]
    fn labels_are_cut_and_values_right_aligned() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 50, 5));
        let area = buf.area;
        Bars {
            rows: &sample()[..3],
            palette: &Palette::plain(),
        }
        .render(area, &mut buf);
        let text = buffer_text(&buf);
        assert!(text[0].starts_with("技能强国平台（2022⋯"), "{text:?}");
        assert!(text[0].ends_with("1.86亿人次"), "{text:?}");
        assert!(text[1].ends_with(" 3.2万人次"), "{text:?}");
        assert!(
            text[1].contains('▏'),
            "a small value keeps a sliver: {text:?}"
        );
        assert!(!text[2].contains(['▏', '█']), "zero has no bar: {text:?}");
    }

    #[test]
    fn a_damaged_figure_gets_a_marked_hatch_and_what_survives_of_its_number() {
        let rows = [row("奖状", Some(2245.0), "2,245个"), sample()[4].clone()];
        let mut buf = Buffer::empty(Rect::new(0, 0, 36, 2));
        let area = buf.area;
        Bars {
            rows: &rows,
            palette: &Palette::plain(),
        }
        .render(area, &mut buf);
        assert_eq!(
            crate::ui::tests::unstyled(&buf),
            Buffer::with_lines([
                "奖状           █████████████ 2,245个",
                "全国五一劳动⋯  ?░░░░░░░░░░░░  ?650个",
            ])
        );
        // The hatch and the surviving digits are styled as damaged.
        let damaged = Palette::plain().damaged.add_modifier;
        assert_eq!(buf[(15, 1)].symbol(), "?");
        assert_eq!(buf[(15, 1)].modifier, damaged);
        assert_eq!(buf[(20, 1)].modifier, damaged);
        assert_eq!(buf[(30, 1)].modifier, damaged);
    }

    #[test]
    fn later_series_have_their_own_fill_and_the_legend_names_each() {
        let mut second = row("乙", Some(2.0), "2");
        second.series = 1;
        let rows = [row("甲", Some(4.0), "4"), second];
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 2));
        let area = buf.area;
        let palette = Palette::new(true, crate::colors::ColorScheme::Dark);
        Bars {
            rows: &rows,
            palette: &palette,
        }
        .render(area, &mut buf);
        assert_eq!(
            crate::ui::tests::unstyled(&buf),
            Buffer::with_lines(["甲 ███████ 4", "乙 ▒▒▒▒    2"])
        );
        assert_eq!(buf[(3, 0)].fg, palette.series[0].fg.unwrap());
        assert_eq!(buf[(3, 1)].fg, palette.series[1].fg.unwrap());

        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 1));
        let names = ["2012年".to_string(), "2021年".to_string()];
        Legend {
            series: &names,
            damaged: Some("原文损坏"),
            palette: &palette,
        }
        .render(buf.area, &mut buf);
        assert_eq!(
            crate::ui::tests::unstyled(&buf),
            Buffer::with_lines(["██ 2012年  ▒▒ 2021年  ?░ 原文损坏       "])
        );
        assert_eq!(buf[(11, 0)].fg, palette.series[1].fg.unwrap());
        assert_eq!(buf[(22, 0)].fg, palette.damaged.fg.unwrap());
    }

    #[test]
    fn each_bar_takes_its_share_of_the_width_beside_its_label_and_value() {
        let rows = [row("甲", Some(4.0), "4万"), row("乙乙", Some(1.0), "1万")];
        let mut buf = Buffer::empty(Rect::new(0, 0, 16, 2));
        let area = buf.area;
        Bars {
            rows: &rows,
            palette: &Palette::plain(),
        }
        .render(area, &mut buf);
        assert_eq!(
            crate::ui::tests::unstyled(&buf),
            Buffer::with_lines(["甲   ███████ 4万", "乙乙 █▊      1万"])
        );
    }

    #[test]
    fn overflow_rows_are_counted() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 3));
        let area = buf.area;
        Bars {
            rows: &sample(),
            palette: &Palette::plain(),
        }
        .render(area, &mut buf);
        assert_eq!(buffer_text(&buf)[2], "+3 ⋯");
    }

    #[test]
    fn never_draws_outside_its_area_at_any_width() {
        let rows = sample();
        let sentinel = "X";
        for width in 0..=60 {
            for height in 0..=6 {
                let mut buf = Buffer::empty(Rect::new(0, 0, 64, 8));
                for cell in &mut buf.content {
                    cell.set_symbol(sentinel);
                }
                let area = Rect::new(2, 1, width, height);
                Bars {
                    rows: &rows,
                    palette: &Palette::plain(),
                }
                .render(area, &mut buf);
                for y in 0..8 {
                    for x in 0..64 {
                        let inside =
                            x >= area.x && x < area.right() && y >= area.y && y < area.bottom();
                        if !inside {
                            assert_eq!(buf[(x, y)].symbol(), sentinel, "({x},{y}) at {area:?}");
                        }
                    }
                }
                // Nothing wide hangs over the right edge either.
                for y in area.y..area.bottom() {
                    if width > 0 {
                        let last = &buf[(area.right() - 1, y)];
                        assert!(text::width(last.symbol()) <= 1, "{area:?}");
                    }
                }
            }
        }
    }
}
