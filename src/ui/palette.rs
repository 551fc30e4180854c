//! The only place colours live: a palette per colour scheme, and one without colour.
//!
//! Without colours (`NO_COLOR`, `--color never`), emphasis is only bold, reverse and underline:
//! crossterm 0.29 writes a coloured reversed cell under `NO_COLOR` as `ESC[7m ESC[;m`, and that
//! bare reset wipes the reverse, so the no-colour palette must carry no colour at all.

use ratatui::style::{Color, Modifier, Style};

use crate::colors::ColorScheme;

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
    /// The bars of each period (or series) a chart compares, and their legend: the first is
    /// [`Palette::bar`]. Each also has its own fill, so they differ without colour too.
    pub series: [Style; 3],
    pub card_border: Style,
    pub popup_border: Style,
    /// A figure within its source sentence.
    pub highlight: Style,
    /// What the text filter found, within a label or title: modifiers only, so it keeps the
    /// colours of whatever it marks (a selected row too) and reads in every scheme.
    pub matched: Style,
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
    /// The palette for `color` (already resolved from the command line, `NO_COLOR` and
    /// `TERM`, which win over any scheme) and the scheme.
    pub fn new(color: bool, scheme: ColorScheme) -> Self {
        if !color {
            return Self::plain();
        }
        match scheme {
            ColorScheme::Default => Self::terminal(),
            ColorScheme::Dark => Self::from_colors(&DARK),
            ColorScheme::Light => Self::from_colors(&LIGHT),
            ColorScheme::HighContrast => Self::from_colors(&HIGH_CONTRAST),
            ColorScheme::Ansi => Self::ansi(),
        }
    }

    /// Text in the terminal's own foreground on its own background, whichever they are:
    /// emphasis by bold, reverse and faint, and only accents that read on white and on black
    /// (red, magenta, green for bars). No explicit white, grey or black, which vanish on one
    /// kind of terminal or the other.
    pub fn terminal() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reversed = Style::new().add_modifier(Modifier::REVERSED);
        Self {
            tab_marker: bold.fg(Color::Magenta),
            muted: Style::new().add_modifier(Modifier::DIM),
            selected: reversed.add_modifier(Modifier::BOLD),
            damaged: Style::new().fg(Color::Red).add_modifier(Modifier::ITALIC),
            bar: Style::new().fg(Color::Green),
            series: [
                Style::new().fg(Color::Green),
                Style::new().fg(Color::Magenta),
                Style::new().fg(Color::Blue),
            ],
            card_border: Style::new().add_modifier(Modifier::DIM),
            highlight: reversed.add_modifier(Modifier::UNDERLINED),
            key: bold.fg(Color::Magenta),
            notice: bold.fg(Color::Magenta),
            prompt: bold.fg(Color::Magenta),
            ..Self::plain()
        }
    }

    /// The 16 named colours only, for terminals without the 256-colour palette; text stays
    /// in the terminal's own colours, as in [`Palette::terminal`].
    pub fn ansi() -> Self {
        let bold = Modifier::BOLD;
        Self {
            tab_active: Style::new()
                .fg(Color::Blue)
                .add_modifier(Modifier::REVERSED | bold),
            title: Style::new().fg(Color::Blue).add_modifier(bold),
            value: Style::new().fg(Color::Green).add_modifier(bold),
            chosen: Style::new().fg(Color::Green).add_modifier(bold),
            popup_border: Style::new().fg(Color::Blue),
            ..Self::terminal()
        }
    }

    /// A scheme with its own background, from colours of the 256-colour palette whose values
    /// are fixed (16–255), so their contrast can be computed.
    fn from_colors(colors: &Colors) -> Self {
        let text = |color: u8| Style::new().fg(Color::Indexed(color));
        let bold = Modifier::BOLD;
        let accent = text(colors.accent).add_modifier(bold);
        Self {
            base: text(colors.text).bg(Color::Indexed(colors.background)),
            tab: text(colors.soft),
            tab_active: Style::new()
                .fg(Color::Indexed(colors.background))
                .bg(Color::Indexed(colors.title))
                .add_modifier(bold),
            tab_marker: accent,
            title: text(colors.title).add_modifier(bold),
            muted: text(colors.muted),
            selected: text(colors.selection_text)
                .bg(Color::Indexed(colors.selection))
                .add_modifier(bold),
            value: text(colors.good).add_modifier(bold),
            damaged: text(colors.bad).add_modifier(Modifier::ITALIC),
            bar: text(colors.good),
            series: [text(colors.good), text(colors.second), text(colors.third)],
            card_border: text(colors.muted),
            popup_border: text(colors.title),
            highlight: Style::new()
                .fg(Color::Indexed(colors.highlight_text))
                .bg(Color::Indexed(colors.highlight))
                .add_modifier(bold),
            matched: MATCHED,
            status: text(colors.text).bg(Color::Indexed(colors.status)),
            key: accent,
            hint: text(colors.soft),
            chosen: text(colors.good).add_modifier(bold),
            notice: text(colors.accent),
            prompt: accent,
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
            series: [
                Style::new(),
                Style::new(),
                Style::new().add_modifier(Modifier::BOLD),
            ],
            card_border: Style::new(),
            popup_border: bold,
            highlight: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            matched: MATCHED,
            status: Style::new().add_modifier(Modifier::REVERSED),
            key: bold,
            hint: Style::new(),
            chosen: bold,
            notice: bold,
            prompt: bold,
        }
    }
}

/// What the filter found, the same in every palette.
const MATCHED: Style = Style::new().add_modifier(Modifier::UNDERLINED.union(Modifier::BOLD));

/// The colours of a scheme with its own background, as indices into the 256-colour palette.
/// Every text colour reads at WCAG AA (4.5:1) on both `background` and `selection`, since a
/// selected row keeps its columns' colours.
#[derive(Debug)]
struct Colors {
    background: u8,
    text: u8,
    /// Inactive tabs and key hints.
    soft: u8,
    muted: u8,
    title: u8,
    /// Keys, the tab marker, prompts and notices.
    accent: u8,
    /// Values, bars and chosen topics.
    good: u8,
    /// Damaged values.
    bad: u8,
    /// The bars of a chart's second and third period, beside `good`'s.
    second: u8,
    third: u8,
    selection: u8,
    selection_text: u8,
    highlight: u8,
    highlight_text: u8,
    status: u8,
}

/// Today's accents (cyan, yellow, green) on a near-black background.
const DARK: Colors = Colors {
    background: 234,
    text: 252,
    soft: 250,
    muted: 246,
    title: 80,
    accent: 220,
    good: 114,
    bad: 210,
    second: 111,
    third: 183,
    selection: 17,
    selection_text: 231,
    highlight: 220,
    highlight_text: 16,
    status: 238,
};

const LIGHT: Colors = Colors {
    background: 231,
    text: 235,
    soft: 238,
    muted: 240,
    title: 24,
    accent: 90,
    good: 22,
    bad: 124,
    second: 25,
    third: 90,
    selection: 189,
    selection_text: 16,
    highlight: 222,
    highlight_text: 16,
    status: 252,
};

const HIGH_CONTRAST: Colors = Colors {
    background: 16,
    text: 231,
    soft: 231,
    muted: 252,
    title: 51,
    accent: 226,
    good: 120,
    bad: 217,
    second: 117,
    third: 219,
    selection: 19,
    selection_text: 231,
    highlight: 226,
    highlight_text: 16,
    status: 238,
};

#[cfg(test)]
mod tests {
    use super::*;

    fn every_style(palette: &Palette) -> [Style; 23] {
        let t = palette;
        [
            t.series[0],
            t.series[1],
            t.series[2],
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
            t.matched,
            t.status,
            t.key,
            t.hint,
            t.chosen,
            t.notice,
            t.prompt,
        ]
    }

    /// The styles that colour text drawn on the screen's background or on a selected row.
    fn text_on_background(t: &Palette) -> [Style; 14] {
        [
            t.series[0],
            t.series[1],
            t.series[2],
            t.tab,
            t.tab_marker,
            t.title,
            t.muted,
            t.value,
            t.damaged,
            t.key,
            t.hint,
            t.chosen,
            t.notice,
            t.prompt,
        ]
    }

    /// The red, green and blue of a colour of the 256-colour palette's fixed part: the
    /// 6×6×6 cube (16–231) and the greys (232–255), as xterm defines them.
    fn rgb(color: Color) -> [u8; 3] {
        let Color::Indexed(index @ 16..) = color else {
            panic!("{color:?} has no fixed value");
        };
        if index >= 232 {
            let grey = 8 + 10 * (index - 232);
            return [grey; 3];
        }
        let level = |step: u8| if step == 0 { 0 } else { 55 + 40 * step };
        let cube = index - 16;
        [level(cube / 36), level(cube / 6 % 6), level(cube % 6)]
    }

    /// WCAG 2 relative luminance.
    fn luminance(color: Color) -> f64 {
        let linear = |channel: u8| {
            let c = f64::from(channel) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let [r, g, b] = rgb(color).map(linear);
        0.2126 * r + 0.7152 * g + 0.0722 * b
    }

    /// WCAG 2 contrast ratio, from 1 to 21.
    fn contrast(a: Color, b: Color) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn contrast_matches_the_standards_examples() {
        assert!((contrast(Color::Indexed(231), Color::Indexed(16)) - 21.0).abs() < 1e-9);
        assert!((contrast(Color::Indexed(244), Color::Indexed(244)) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic grey that just passes AA.
        assert_eq!(rgb(Color::Indexed(243)), [118; 3]);
        let grey = contrast(Color::Indexed(243), Color::Indexed(231));
        assert!((4.5..4.6).contains(&grey), "{grey}");
    }

    #[test]
    fn schemes_with_a_background_meet_wcag_aa_for_body_text_and_the_selection() {
        const AA: f64 = 4.5;
        for scheme in [
            ColorScheme::Dark,
            ColorScheme::Light,
            ColorScheme::HighContrast,
        ] {
            let t = Palette::new(true, scheme);
            let background = t.base.bg.expect("a background");
            let selection = t.selected.bg.expect("a selection background");
            let body = contrast(t.base.fg.unwrap(), background);
            assert!(body >= AA, "{scheme:?} body text: {body:.2}");
            let selected = contrast(t.selected.fg.unwrap(), selection);
            assert!(selected >= AA, "{scheme:?} selected text: {selected:.2}");
            // A selected row keeps its columns' colours, so each reads on both.
            for style in text_on_background(&t) {
                let fg = style.fg.expect("a text colour");
                for (on, bg) in [("background", background), ("selection", selection)] {
                    let ratio = contrast(fg, bg);
                    assert!(ratio >= AA, "{scheme:?} {style:?} on the {on}: {ratio:.2}");
                }
            }
            for style in [t.tab_active, t.highlight, t.status] {
                let ratio = contrast(style.fg.unwrap(), style.bg.unwrap());
                assert!(ratio >= AA, "{scheme:?} {style:?}: {ratio:.2}");
            }
        }
    }

    #[test]
    fn the_default_scheme_draws_text_in_the_terminals_own_colours() {
        let t = Palette::new(true, ColorScheme::Default);
        assert_eq!((t.base.fg, t.base.bg), (None, None));
        for style in every_style(&t) {
            assert_eq!(style.bg, None, "{style:?}");
            // White, grey and black are the colours that vanish on one kind of terminal.
            let vanishing = [Color::White, Color::Gray, Color::DarkGray, Color::Black];
            assert!(
                style.fg.is_none_or(|fg| !vanishing.contains(&fg)),
                "{style:?}"
            );
        }
        for style in [t.tab, t.title, t.hint, t.value, t.chosen, t.selected] {
            assert_eq!(style.fg, None, "{style:?}");
        }
    }

    #[test]
    fn the_ansi_scheme_uses_only_the_sixteen_named_colours() {
        let t = Palette::new(true, ColorScheme::Ansi);
        for style in every_style(&t) {
            for color in [style.fg, style.bg].into_iter().flatten() {
                assert!(
                    !matches!(color, Color::Indexed(_) | Color::Rgb(..) | Color::Reset),
                    "{style:?}"
                );
            }
        }
    }

    const EVERY_SCHEME: [ColorScheme; 5] = [
        ColorScheme::Default,
        ColorScheme::Dark,
        ColorScheme::Light,
        ColorScheme::HighContrast,
        ColorScheme::Ansi,
    ];

    #[test]
    fn the_series_of_a_chart_differ_in_every_scheme() {
        for scheme in EVERY_SCHEME {
            for color in [true, false] {
                let t = Palette::new(color, scheme);
                assert_eq!(t.series[0], t.bar, "{scheme:?}");
                if color {
                    let colours: Vec<_> = t.series.iter().map(|s| s.fg).collect();
                    assert!(
                        (0..3).all(
                            |i| colours[i].is_some() && !colours[i + 1..].contains(&colours[i])
                        ),
                        "{scheme:?}: {colours:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn without_colour_every_scheme_is_plain() {
        for scheme in EVERY_SCHEME {
            assert_eq!(Palette::new(false, scheme), Palette::plain());
        }
    }

    #[test]
    fn the_plain_palette_has_no_colour_anywhere() {
        let t = Palette::plain();
        for style in every_style(&t) {
            assert_eq!(style.fg, None, "{style:?}");
            assert_eq!(style.bg, None, "{style:?}");
        }
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
    }
}
