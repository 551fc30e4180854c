//! The names of the colour schemes: chosen on the command line, carried in the app's options,
//! and turned into colours by the palette (`ui::palette`), the only place colours live.

use clap::ValueEnum;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorScheme {
    /// The terminal's own foreground and background for text, so it reads on light and dark
    /// terminals alike; a few accents that show on both.
    #[default]
    Default,
    /// Light text on a dark background, with cyan, yellow and green accents.
    Dark,
    /// Dark text on a light background.
    Light,
    /// White text on black, with the brightest accents.
    HighContrast,
    /// Only the 16 named colours, for terminals without the 256-colour palette.
    Ansi,
}
