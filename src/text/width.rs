//! Display width of text in terminal columns, measured the way ratatui's buffer measures it,
//! and a fast split of text into grapheme clusters.

use std::cell::Cell;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// How the terminal draws East Asian Ambiguous characters (`“ ” ‘ ’ … — · ○ ①`, box
/// drawing): one column, as `unicode-width` and ratatui count them, or two, as terminals set
/// to draw them wide do (a CJK option of the terminal, CJK Windows consoles).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AmbiguousWidth {
    #[default]
    Narrow,
    Wide,
}

thread_local! {
    /// The terminal's, for every width measured on this thread.
    static AMBIGUOUS_WIDTH: Cell<AmbiguousWidth> = const { Cell::new(AmbiguousWidth::Narrow) };
}

/// Makes every width measured on this thread count ambiguous characters as `ambiguous`
/// says. It is a property of the terminal, set once before anything is laid out.
pub fn set_ambiguous_width(ambiguous: AmbiguousWidth) {
    AMBIGUOUS_WIDTH.set(ambiguous);
}

/// How widths measured on this thread count ambiguous characters.
pub fn ambiguous_width() -> AmbiguousWidth {
    AMBIGUOUS_WIDTH.get()
}

/// Columns taken by one grapheme cluster on the terminal: `unicode-width`'s width of the whole
/// cluster (so combining marks, flags and halfwidth katakana with a sound mark count once, as
/// terminals draw them); ambiguous characters as [`ambiguous_width`] says. A cluster that
/// [`joins_emoji`] counts as its parts without the joining characters, which is how it is
/// drawn (`sanitize` takes them out): terminals disagree on its width.
///
/// A cluster holding a control character counts 0: ratatui's buffer skips such clusters
/// instead of drawing them.
pub fn grapheme_width(g: &str) -> usize {
    grapheme_width_as(g, ambiguous_width())
}

/// [`grapheme_width`] with ambiguous characters counted as `ambiguous` says, for loops that
/// look the setting up once.
pub fn grapheme_width_as(g: &str, ambiguous: AmbiguousWidth) -> usize {
    let wide = ambiguous == AmbiguousWidth::Wide;
    let mut chars = g.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if joins_emoji(c) {
            return 0;
        }
        let width = if wide { c.width_cjk() } else { c.width() };
        return width.unwrap_or(0);
    }
    if g.chars().any(char::is_control) {
        return 0;
    }
    if g.chars().any(joins_emoji) {
        let parts: String = g.chars().filter(|&c| !joins_emoji(c)).collect();
        return grapheme_indices(&parts)
            .map(|(_, part)| grapheme_width_as(part, ambiguous))
            .sum();
    }
    if wide { g.width_cjk() } else { g.width() }
}

/// Whether `c` joins emoji into one picture or restyles one: the zero-width joiner of a
/// sequence (`👨‍👩‍👧`), the emoji presentation selector (`❤️`, `1️⃣`), a skin tone modifier
/// (`👩🏽`) or a tag of a subdivision flag. Terminals disagree on the width of a cluster
/// holding one (tmux draws `👨‍👩‍👧` in 2 columns, xterm and VTE in 6; `❤️` takes 1 column in
/// tmux, xterm and VTE but 2 in ratatui's buffer), so the text is drawn without them: its parts
/// then take the same columns everywhere. The measurements are in `wrap.md`.
pub fn joins_emoji(c: char) -> bool {
    matches!(c, '\u{200D}' | '\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}')
}

/// Columns taken by `s`: the sum of [`grapheme_width`] over its grapheme clusters.
pub fn width(s: &str) -> usize {
    // Printable ASCII is one column a byte; most labels take this path.
    if s.bytes().all(|b| (0x20..0x7F).contains(&b)) {
        return s.len();
    }
    let ambiguous = ambiguous_width();
    grapheme_indices(s)
        .map(|(_, g)| grapheme_width_as(g, ambiguous))
        .sum()
}

/// The extended grapheme clusters of `s` with their byte offsets, exactly as
/// `UnicodeSegmentation::grapheme_indices(s, true)` gives them, but several times faster on
/// Chinese text: a character that can neither join its neighbours nor be joined (ASCII,
/// ideographs, most CJK and full-width punctuation) is a cluster of its own without running
/// the full segmentation rules.
pub fn grapheme_indices(s: &str) -> GraphemeIndices<'_> {
    GraphemeIndices { text: s, at: 0 }
}

/// Iterator of [`grapheme_indices`].
#[derive(Debug, Clone)]
pub struct GraphemeIndices<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for GraphemeIndices<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let rest = &self.text[self.at..];
        let mut chars = rest.chars();
        let first = chars.next()?;
        let len = if stands_alone(first) && chars.next().is_none_or(stands_alone) {
            first.len_utf8()
        } else {
            // `at` is a cluster boundary, so segmenting afresh from it agrees with segmenting
            // the whole text.
            rest.graphemes(true).next().map_or(rest.len(), str::len)
        };
        let start = self.at;
        self.at += len;
        Some((start, &rest[..len]))
    }
}

/// Whether a cluster boundary lies on both sides of `c` when its neighbours also stand alone:
/// `c` is no control, combining or spacing mark, joiner, prepended mark, Hangul jamo or
/// regional indicator. A conservative list of common blocks; anything else takes the full
/// rules.
fn stands_alone(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{A0}'..='\u{AC}' | '\u{AE}'..='\u{FF}'
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}'
        | '\u{3000}'..='\u{3029}' | '\u{3030}'..='\u{303F}'
        | '\u{3041}'..='\u{3096}' | '\u{30A0}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{FF01}'..='\u{FF9D}'
    )
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn ascii_is_one_column_per_char() {
        assert_eq!(width("pressdash 2022"), 14);
        assert_eq!(width(""), 0);
    }

    #[test]
    fn ideographs_and_fullwidth_punctuation_are_two() {
        assert_eq!(width("全國總工會"), 10);
        assert_eq!(width("，。、；：？！（）《》「」"), 26);
    }

    #[test]
    fn ambiguous_punctuation_is_one() {
        for g in ["“", "”", "‘", "’", "—", "…", "·"] {
            assert_eq!(grapheme_width(g), 1, "{g}");
        }
    }

    #[test]
    fn ambiguous_characters_count_two_when_the_terminal_draws_them_wide() {
        set_ambiguous_width(AmbiguousWidth::Wide);
        let wide: Vec<usize> = ["“", "…", "—", "·", "○", "①", "─", "好", "a"]
            .iter()
            .map(|g| grapheme_width(g))
            .collect();
        let line = width("他說“好的”……");
        set_ambiguous_width(AmbiguousWidth::Narrow);
        assert_eq!(wide, [2, 2, 2, 2, 2, 2, 2, 2, 1]);
        assert_eq!(line, 16);
        assert_eq!(width("他說“好的”……"), 12);
    }

    #[test]
    fn controls_count_zero() {
        assert_eq!(grapheme_width("\u{1b}"), 0);
        assert_eq!(grapheme_width("\r\n"), 0);
        assert_eq!(width("a\u{7}b\tc"), 3);
    }

    #[test]
    fn a_cluster_counts_once() {
        assert_eq!(grapheme_width("e\u{301}"), 1);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(width("\u{1F1E8}\u{1F1F3}"), 2, "a flag");
    }

    /// The widths tmux 3.3a, xterm 379, VTE 0.70.6 and the vt100 crate agree on (wrap.md).
    #[test]
    fn halfwidth_katakana_with_a_sound_mark_takes_the_columns_terminals_give_it() {
        assert_eq!(width("ｶ"), 1);
        assert_eq!(width("ｶﾞ"), 2);
        assert_eq!(width("ﾊﾟ"), 2);
        assert_eq!(width("ﾞ"), 1, "a mark on its own");
    }

    /// Each cluster counts as the parts it is drawn as, without its joining characters:
    /// `(cluster, columns)`, the columns being what every terminal measured gives the parts.
    #[test]
    fn emoji_joined_or_restyled_count_as_their_parts() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        for (cluster, columns) in [
            (family, 6),
            ("1\u{FE0F}\u{20E3}", 1),
            ("\u{2764}\u{FE0F}", 1),
            ("\u{1F469}\u{1F3FD}", 2),
            ("\u{1F3F3}\u{FE0F}\u{200D}\u{1F308}", 3),
            ("\u{1F600}\u{FE0F}", 2),
            (
                "\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
                2,
            ),
        ] {
            assert_eq!(grapheme_width(cluster), columns, "{cluster}");
            let parts: String = cluster.chars().filter(|&c| !joins_emoji(c)).collect();
            assert_eq!(width(&parts), columns, "{parts}");
        }
        assert_eq!(width(&format!("a{family}b")), 8);
        assert_eq!(
            grapheme_width("\u{1F3FD}"),
            0,
            "a skin tone on its own is not drawn"
        );
    }

    #[test]
    fn one_char_clusters_measure_as_whole_strings() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            if !c.is_control() {
                let mut buf = [0; 4];
                let g = &*c.encode_utf8(&mut buf);
                let drawn = if joins_emoji(c) { 0 } else { g.width() };
                assert_eq!(grapheme_width(g), drawn, "{c:?}");
            }
        }
    }

    fn clusters_of(s: &str) -> Vec<(usize, &str)> {
        s.grapheme_indices(true).collect()
    }

    #[test]
    fn clusters_agree_with_unicode_segmentation() {
        for s in [
            "全國e\u{301}ｶﾞ“好”\r\n\u{1F1E8}\u{1F1F3}\u{1F1E8}a\u{0915}\u{094D}\u{0937}",
            "　\u{302A}一\u{200D}\u{1F468}\u{200D}\u{1F469}\u{AD}x\u{600}1\u{1100}\u{1161}",
        ] {
            assert_eq!(grapheme_indices(s).collect::<Vec<_>>(), clusters_of(s));
        }
    }

    proptest! {
        #![proptest_config(crate::proptest_config::proptest_config(256))]

        #[test]
        fn clusters_agree_on_any_text(s in any::<String>()) {
            prop_assert_eq!(grapheme_indices(&s).collect::<Vec<_>>(), clusters_of(&s));
        }

        #[test]
        fn clusters_agree_on_mixed_text(s in "[一。a 　\u{300}-\u{36f}\u{1100}-\u{11ff}\u{1f1e6}-\u{1f1ff}\u{200d}\u{1f466}-\u{1f469}\u{ac00}\u{600}\r\n\u{ff9e}\u{ad}\u{3099}ｶ]{0,40}") {
            prop_assert_eq!(grapheme_indices(&s).collect::<Vec<_>>(), clusters_of(&s));
        }
    }

    /// ratatui's buffer counts as terminals do, except a halfwidth sound mark (one column
    /// more) and the clusters that join emoji (which are not drawn as such): there the UI
    /// forces the width this module gives.
    #[test]
    fn agrees_with_ratatui_buffer_but_on_sound_marks() {
        use ratatui::buffer::Buffer;
        use ratatui::layout::Rect;
        let buffer_width = |s: &str| {
            let mut buf = Buffer::empty(Rect::new(0, 0, 40, 1));
            let (x, _) = buf.set_stringn(0, 0, s, 40, ratatui::style::Style::default());
            usize::from(x)
        };
        for s in [
            "全國e\u{301}“好”",
            "a\u{1F468}\u{1F469}b\u{1F1E8}\u{1F1F3}",
            "８１２２.４萬",
        ] {
            assert_eq!(buffer_width(s), width(s), "{s}");
        }
        assert_eq!((buffer_width("ｶﾞ"), width("ｶﾞ")), (3, 2));
    }
}
