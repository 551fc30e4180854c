//! The tab bar: every tab that fits, the current one marked, and `‹ 3/10 ›` when the bar
//! had to scroll.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::layout;
use crate::ui::{glyphs::Glyphs, palette::Palette, put};

/// The tab titles (already numbered), with `current` marked and the tabs a filter left
/// empty dimmed.
#[derive(Debug)]
pub struct TabTitles<'a> {
    pub titles: &'a [String],
    pub current: usize,
    /// The tab the bar keeps in view: the current one unless the bar was scrolled.
    pub shown: usize,
    /// Per title: whether the filter left nothing on that tab.
    pub empty: &'a [bool],
    pub palette: &'a Palette,
}

impl Widget for &TabTitles<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let bar = layout::tab_bar(area, self.titles, self.current, self.shown);
        let mut previous_end = None;
        for (index, rect) in &bar.tabs {
            if let Some(end) = previous_end {
                // The separator sits in the gap between two titles.
                let gap = Rect::new(end, area.y, rect.x.saturating_sub(end), 1);
                put(
                    buf,
                    gap,
                    Glyphs::current().tab_separator,
                    self.palette.muted,
                );
            }
            let style = if *index == self.current {
                self.palette.tab_active
            } else if self.empty.get(*index).copied().unwrap_or(false) {
                self.palette.muted
            } else {
                self.palette.tab
            };
            put(buf, *rect, &self.titles[*index], style);
            previous_end = Some(rect.right());
        }
        if let Some((rect, marker)) = &bar.marker {
            put(buf, *rect, marker, self.palette.tab_marker);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::tests::unstyled;

    #[test]
    fn titles_are_separated_and_a_scrolled_bar_says_where_it_is() {
        let titles: Vec<String> = ["1 概览", "2 技能", "3 问答"].map(String::from).into();
        let palette = Palette::plain();
        let mut buf = Buffer::empty(Rect::new(0, 0, 24, 1));
        let widget = TabTitles {
            titles: &titles,
            current: 1,
            shown: 1,
            empty: &[],
            palette: &palette,
        };
        widget.render(buf.area, &mut buf);
        assert_eq!(
            unstyled(&buf),
            Buffer::with_lines(["1 概览 │ 2 技能 │ 3 问答"])
        );
        let mut narrow = Buffer::empty(Rect::new(0, 0, 16, 1));
        widget.render(narrow.area, &mut narrow);
        assert_eq!(unstyled(&narrow), Buffer::with_lines(["2 技能   ‹ 2/3 ›"]));
    }

    #[test]
    fn tabs_a_filter_left_empty_are_dimmed() {
        let titles: Vec<String> = ["1 概览（2）", "2 技能（0）", "3 问答（1）"]
            .map(String::from)
            .into();
        let palette = Palette::new(true, crate::colors::ColorScheme::Dark);
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 1));
        TabTitles {
            titles: &titles,
            current: 0,
            shown: 0,
            empty: &[false, true, false],
            palette: &palette,
        }
        .render(buf.area, &mut buf);
        let style_at = |text: &str| {
            let line = crate::ui::buffer_text(&buf).join("");
            let column = crate::text::width(&line[..line.find(text).expect("drawn")]);
            buf[(u16::try_from(column).expect("narrow"), 0)].fg
        };
        assert_eq!(Some(style_at("2 技能")), palette.muted.fg);
        assert_eq!(Some(style_at("3 问答")), palette.tab.fg);
        assert_ne!(palette.muted.fg, palette.tab.fg);
    }
}
