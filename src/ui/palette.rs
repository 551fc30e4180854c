//! The only place colours live: one palette with colours, one without.
//!
//! Without colours (`NO_COLOR`, `--color never`), emphasis is only bold, reverse and underline:
//! crossterm 0.29 writes a coloured reversed cell under `NO_COLOR` as `ESC[7m ESC[;m`, and that
//! bare reset wipes the reverse, so the no-colour palette must carry no colour at all.

use ratatui::style::{Color, Modifier, Style};

/// Styles for every kind of thing the dashboard draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub base: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub tab_marker: Style,
    pub title: Style,
    pub muted: Style,
    /// The selected row of a list.
    pub selected: Style,
    pub value: Style,
    pub damaged: Style,
    pub bar: Style,
    pub card_border: Style,
    pub popup_border: Style,
    /// A figure within its source sentence.
    pub highlight: Style,
    pub status: Style,
    /// A key in the footer.
    pub key: Style,
    pub hint: Style,
    /// A topic chosen in the picker.
    pub chosen: Style,
    pub notice: Style,
    pub prompt: Style,
}

impl Palette {
    /// The palette for `color` (already resolved from the command line and `NO_COLOR`).
    pub fn new(color: bool) -> Self {
        if color {
            Self::colored()
        } else {
            Self::plain()
        }
    }

    /// Colours on a terminal's default background.
    pub fn colored() -> Self {
        let bold = Modifier::BOLD;
        Self {
            base: Style::new(),
            tab: Style::new().fg(Color::Gray),
            tab_active: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(bold),
            tab_marker: Style::new().fg(Color::Yellow).add_modifier(bold),
            title: Style::new().fg(Color::Cyan).add_modifier(bold),
            muted: Style::new().fg(Color::DarkGray),
            // A background, not reverse: the row's columns keep their own colours readable.
            selected: Style::new()
                .fg(Color::White)
                .bg(Color::Indexed(24))
                .add_modifier(bold),
            value: Style::new().fg(Color::LightGreen).add_modifier(bold),
            damaged: Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::ITALIC),
            bar: Style::new().fg(Color::Green),
            card_border: Style::new().fg(Color::DarkGray),
            popup_border: Style::new().fg(Color::Cyan),
            highlight: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(bold),
            status: Style::new().fg(Color::White).bg(Color::DarkGray),
            key: Style::new().fg(Color::Yellow).add_modifier(bold),
            hint: Style::new().fg(Color::Gray),
            chosen: Style::new().fg(Color::LightGreen).add_modifier(bold),
            notice: Style::new().fg(Color::Yellow),
            prompt: Style::new().fg(Color::Yellow).add_modifier(bold),
        }
    }

    /// No colour at all: selection by reverse, emphasis by bold and underline.
    pub fn plain() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Self {
            base: Style::new(),
            tab: Style::new(),
            tab_active: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            tab_marker: bold,
            title: bold,
            muted: Style::new(),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            value: bold,
            damaged: Style::new().add_modifier(Modifier::ITALIC | Modifier::UNDERLINED),
            bar: Style::new(),
            card_border: Style::new(),
            popup_border: bold,
            highlight: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            status: Style::new().add_modifier(Modifier::REVERSED),
            key: bold,
            hint: Style::new(),
            chosen: bold,
            notice: bold,
            prompt: bold,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plain_palette_has_no_colour_anywhere() {
        let t = Palette::plain();
        for style in [
            t.base,
            t.tab,
            t.tab_active,
            t.tab_marker,
            t.title,
            t.muted,
            t.selected,
            t.value,
            t.damaged,
            t.bar,
            t.card_border,
            t.popup_border,
            t.highlight,
            t.status,
            t.key,
            t.hint,
            t.chosen,
            t.notice,
            t.prompt,
        ] {
            assert_eq!(style.fg, None, "{style:?}");
            assert_eq!(style.bg, None, "{style:?}");
        }
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
    }
}
