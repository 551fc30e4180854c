//! Making text from a dataset harmless and visible on a terminal.
//!
//! A dataset is input: its text must never reach the terminal as escape sequences (a title
//! change `ESC ] 0 ; … BEL`, an OSC 52 clipboard write, cursor moves) nor reorder what is shown.
//! Its texts hold no line breaks or tabs either (data/SCHEMA.md): each is one label, sentence
//! or paragraph, laid out by the wrapper, so a stray one is shown, not obeyed. [`sanitize`]
//! maps, character by character:
//! - C0 controls (U+0000–U+001F), line feed and tab included, become their Control Pictures
//!   (U+2400 + code: `ESC` → `␛`, `BEL` → `␇`, `\n` → `␊`, `\t` → `␉`), and DEL becomes `␡`;
//! - C1 controls (U+0080–U+009F, 8-bit `CSI`/`OSC` among them) and the bidi embeddings,
//!   overrides and isolates (U+202A–U+202E, U+2066–U+2069), which could make a line read
//!   differently from what it holds, become their code in the visible form `\u{9b}`;
//! - the characters that join emoji into one picture or restyle one (zero-width joiner,
//!   emoji presentation selector, skin tones, tags: [`joins_emoji`]) are left out, so
//!   `👨‍👩‍👧` is drawn as `👨👩👧` and `❤️` as `❤`: terminals disagree on the width of the
//!   joined forms, and a row whose width the terminal counts differently leaves stray glyphs.
//!
//! Everything else is kept, so the result has no control character at all. The map is char
//! by char, so the sanitised form of a prefix is a prefix of the sanitised form.

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::text::scan::any_three_bytes;
use crate::text::width::joins_emoji;

/// `s` with control characters and bidi controls made visible, as described in the
/// [module documentation](self). Borrowed when nothing needed changing.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    // Nearly every text needs nothing: a pass over its bytes says so without decoding it.
    if !any_three_bytes(s, may_start_a_change) {
        return Cow::Borrowed(s);
    }
    let Some(first_change) = s.find(needs_change) else {
        return Cow::Borrowed(s);
    };
    let (clean, rest) = s.split_at(first_change);
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(clean);
    for c in rest.chars() {
        match c {
            '\u{0}'..='\u{1F}' => out.push(control_picture(c)),
            '\u{7F}' => out.push('\u{2421}'),
            c if joins_emoji(c) => {}
            c if needs_change(c) => {
                // Writing to a String cannot fail.
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn needs_change(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || joins_emoji(c)
}

/// Whether a character whose UTF-8 form starts with `first`, `second`, `third` may be one that
/// [`needs_change`]: a C0 control or DEL; a C1 control (U+0080–U+009F); the zero-width joiner
/// or a bidi control (U+200D, U+202A–U+202E, U+2066–U+2069); the emoji presentation selector
/// (U+FE0F); anything in U+1F3C0–U+1F3FF (the skin tones) or U+E0000–U+E0FFF (the tags).
/// Written without branches for [`any_three_bytes`].
#[expect(
    clippy::needless_bitwise_bool,
    reason = "without branches the caller's loop is vectorised"
)]
fn may_start_a_change(first: u8, second: u8, third: u8) -> bool {
    let general_punctuation = (first == 0xe2)
        & (((second == 0x80) & ((third == 0x8d) | (0xaa..=0xae).contains(&third)))
            | ((second == 0x81) & (0xa6..=0xa9).contains(&third)));
    (first < 0x20)
        | (first == 0x7f)
        | ((first == 0xc2) & (second < 0xa0))
        | general_punctuation
        | ((first == 0xef) & (second == 0xb8) & (third == 0x8f))
        | ((first == 0xf0) & (second == 0x9f) & (third == 0x8f))
        | ((first == 0xf3) & (second == 0xa0))
}

/// The bidi embeddings, overrides and isolates, which reorder what a line shows.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The Control Pictures symbol of a C0 control: U+2400 + its code.
fn control_picture(c: char) -> char {
    char::from_u32(0x2400 + u32::from(c)).unwrap_or(char::REPLACEMENT_CHARACTER)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn clean_text_is_borrowed() {
        let text = "全國總工會 8122.4萬件 “好”";
        assert!(matches!(sanitize(text), Cow::Borrowed(t) if t == text));
    }

    /// The quick pass over the bytes misses no character that needs changing.
    #[test]
    fn every_character_that_needs_changing_is_seen_by_its_bytes() {
        let mut bytes = [0; 4];
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let utf8 = c.encode_utf8(&mut bytes).as_bytes();
            let byte = |at: usize| utf8.get(at).copied().unwrap_or(0);
            if needs_change(c) {
                assert!(may_start_a_change(byte(0), byte(1), byte(2)), "{c:?}");
            }
        }
    }

    #[test]
    fn a_title_change_is_shown_not_run() {
        assert_eq!(sanitize("a\u{1b}]0;owned\u{7}b"), "a␛]0;owned␇b");
    }

    #[test]
    fn a_clipboard_write_is_shown_not_run() {
        assert_eq!(
            sanitize("\u{1b}]52;c;cm0gLXJmIH4=\u{1b}\\ ok"),
            "␛]52;c;cm0gLXJmIH4=␛\\ ok"
        );
        // the same with the 8-bit OSC and ST controls
        assert_eq!(sanitize("\u{9d}52;c;eA==\u{9c}"), "\\u{9d}52;c;eA==\\u{9c}");
    }

    #[test]
    fn each_kind_of_control_has_its_form() {
        assert_eq!(sanitize("a\tb"), "a␉b");
        assert_eq!(sanitize("a\r\nb\rc\n"), "a␍␊b␍c␊");
        assert_eq!(sanitize("\u{0}\u{1f}\u{7f}"), "␀␟␡");
        assert_eq!(sanitize("\u{85}\u{9b}2J"), "\\u{85}\\u{9b}2J");
        assert_eq!(
            sanitize("abc\u{202e}fed\u{2069}"),
            "abc\\u{202e}fed\\u{2069}"
        );
    }

    #[test]
    fn emoji_are_drawn_without_what_joins_them() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        assert_eq!(sanitize(family), "\u{1F468}\u{1F469}\u{1F467}");
        assert_eq!(sanitize("1\u{FE0F}\u{20E3}號"), "1\u{20E3}號");
        assert_eq!(sanitize("\u{2764}\u{FE0F}"), "\u{2764}");
        assert_eq!(sanitize("\u{1F469}\u{1F3FD}"), "\u{1F469}");
        // Terminals agree on these: kept as they are.
        for kept in ["\u{1F1E8}\u{1F1F3}", "ｶﾞ", "e\u{301}", "\u{2764}"] {
            assert!(matches!(sanitize(kept), Cow::Borrowed(_)), "{kept}");
        }
    }

    proptest! {
        #![proptest_config(crate::proptest_config::proptest_config(256))]

        #[test]
        fn no_control_survives(s in any::<String>()) {
            let clean = sanitize(&s);
            prop_assert!(!clean.chars().any(needs_change));
            prop_assert_eq!(s.matches('\n').count(), clean.matches('␊').count() - s.matches('␊').count());
        }

        #[test]
        fn controls_survive_nowhere_in_mixed_text(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("中".to_string()),
                    Just("\n".to_string()),
                    Just("\r".to_string()),
                    "[\\x00-\\x1f\\x7f-\\u{9f}\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}]",
                ],
                0..20,
            )
        ) {
            let clean = sanitize(&parts.concat()).into_owned();
            prop_assert!(!clean.chars().any(needs_change));
            prop_assert_eq!(sanitize(&clean), Cow::Borrowed(clean.as_str()));
        }

        /// What a row is laid out with is what is drawn: a string and its sanitised form take
        /// the same columns, and a prefix keeps its place.
        #[test]
        fn the_drawn_form_keeps_the_width_and_prefixes(
            s in "[一a1 ｶﾞﾟ\u{301}\u{20e3}\u{200d}\u{fe0f}\u{1f3fb}-\u{1f3ff}\u{1f466}-\u{1f469}\u{2764}\u{1f1e6}-\u{1f1ff}\u{e0067}\u{e007f}]{0,24}",
            cut in 0usize..24,
        ) {
            prop_assert_eq!(crate::text::width(&s), crate::text::width(&sanitize(&s)));
            let cut = s.char_indices().nth(cut).map_or(s.len(), |(at, _)| at);
            prop_assert!(sanitize(&s).starts_with(&*sanitize(&s[..cut])));
        }
    }
}
