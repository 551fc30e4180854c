//! Fitting a text into a fixed number of columns: [`take_width`], [`truncate`], [`pad_to`].

use std::borrow::Cow;

use super::width::{ambiguous_width, grapheme_indices, grapheme_width_as, width as display_width};

/// Marks a text that was cut: the midline ellipsis, one column on every terminal. The usual
/// `…` is East Asian Ambiguous, two columns on terminals set to draw those wide, which would
/// cost the text a column there and set the interface's mark apart from the same mark
/// elsewhere; `⋯` is of neutral width, so every cut looks and measures the same.
pub const ELLIPSIS: char = '⋯';

/// Where [`pad_to`] puts the text within its columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    Right,
    /// The odd column, if any, goes to the right.
    Center,
}

/// The longest prefix of `s` that fits in `width` columns, never splitting a grapheme cluster,
/// and its width. A wide character that would straddle the limit is left out.
pub fn take_width(s: &str, width: usize) -> (&str, usize) {
    let mut taken = 0;
    let ambiguous = ambiguous_width();
    for (at, g) in grapheme_indices(s) {
        let g_width = grapheme_width_as(g, ambiguous);
        if taken + g_width > width {
            return (&s[..at], taken);
        }
        taken += g_width;
    }
    (s, taken)
}

/// `s` cut to fit in `width` columns. When cut, it ends with [`ELLIPSIS`] (spaces before it
/// are dropped), so the result may be a column short of `width` when a wide character did
/// not fit; when not even the ellipsis fits (at width 0), the cut is unmarked. Borrowed
/// when `s` fits as it is.
pub fn truncate(s: &str, width: usize) -> Cow<'_, str> {
    if display_width(s) <= width {
        return Cow::Borrowed(s);
    }
    let mark = grapheme_width_as(ELLIPSIS.encode_utf8(&mut [0; 4]), ambiguous_width());
    let Some(room) = width.checked_sub(mark) else {
        return Cow::Borrowed(take_width(s, width).0);
    };
    let (kept, _) = take_width(s, room);
    let mut cut = String::with_capacity(kept.len() + ELLIPSIS.len_utf8());
    cut.push_str(kept.trim_end_matches(' '));
    cut.push(ELLIPSIS);
    Cow::Owned(cut)
}

/// `s` cut to fit in `width` columns by leaving out its middle, marked with [`ELLIPSIS`]: its
/// end (up to two fifths of the width, from the start of a word or number) stays, as a
/// title's year or period does. A text too narrow for that is cut as by [`truncate`].
/// Borrowed when `s` fits as it is.
pub fn truncate_middle(s: &str, width: usize) -> Cow<'_, str> {
    if display_width(s) <= width {
        return Cow::Borrowed(s);
    }
    let ambiguous = ambiguous_width();
    let mark = grapheme_width_as(ELLIPSIS.encode_utf8(&mut [0; 4]), ambiguous);
    // The end that fits in a third of the width: where it starts in `s`.
    let budget = width * 2 / 5;
    let mut start = s.len();
    let mut taken = 0;
    let graphemes: Vec<(usize, &str)> = grapheme_indices(s).collect();
    for &(at, g) in graphemes.iter().rev() {
        taken += grapheme_width_as(g, ambiguous);
        if taken > budget {
            break;
        }
        start = at;
    }
    // Not in the middle of a word or number: from where the next one begins, with the space
    // before it, which parts it from the mark.
    let in_word = |at: usize| {
        s[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric())
            && s[at..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric())
    };
    while start < s.len() && in_word(start) {
        start += s[start..].chars().next().map_or(1, char::len_utf8);
    }
    if s[..start].ends_with(' ') {
        start -= 1;
    }
    let end = &s[start..];
    let Some(room) = width.checked_sub(mark + display_width(end)) else {
        return truncate(s, width);
    };
    if end.is_empty() || room == 0 {
        return truncate(s, width);
    }
    let (head, _) = take_width(s, room);
    Cow::Owned(format!("{}{ELLIPSIS}{end}", head.trim_end_matches(' ')))
}

/// `s` truncated to `width` columns (see [`truncate`]) and padded with spaces to exactly
/// `width` columns.
pub fn pad_to(s: &str, width: usize, align: Align) -> String {
    let text = truncate(s, width);
    let room = width - display_width(&text);
    let (left, right) = match align {
        Align::Left => (0, room),
        Align::Right => (room, 0),
        Align::Center => (room / 2, room - room / 2),
    };
    let mut padded = String::with_capacity(text.len() + room);
    padded.extend(std::iter::repeat_n(' ', left));
    padded.push_str(&text);
    padded.extend(std::iter::repeat_n(' ', right));
    padded
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    use super::*;

    #[test]
    fn take_width_stops_before_what_does_not_fit() {
        assert_eq!(take_width("ab中c", 3), ("ab", 2));
        assert_eq!(take_width("ab中c", 4), ("ab中", 4));
        assert_eq!(take_width("ab中c", 9), ("ab中c", 5));
        assert_eq!(take_width("中", 1), ("", 0));
        assert_eq!(take_width("e\u{301}x", 1), ("e\u{301}", 1));
    }

    /// Clusters terminals count differently from `unicode-width` take the columns they are
    /// drawn in (see `width.rs`), so a cut text fits the terminal too.
    #[test]
    fn clusters_of_disputed_width_are_cut_by_their_drawn_width() {
        assert_eq!(truncate("ｶﾞｶﾞｶﾞ", 5), "ｶﾞｶﾞ⋯");
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        assert_eq!(take_width(&format!("a{family}b"), 6), ("a", 1));
        assert_eq!(take_width(&format!("a{family}b"), 7).1, 7);
        assert_eq!(
            truncate("\u{2764}\u{FE0F}1\u{FE0F}\u{20E3}好", 3),
            "\u{2764}\u{FE0F}1\u{FE0F}\u{20E3}⋯"
        );
    }

    #[test]
    fn a_text_that_fits_is_borrowed() {
        assert!(matches!(
            truncate("全國總工會", 10),
            Cow::Borrowed("全國總工會")
        ));
        assert!(matches!(truncate("", 0), Cow::Borrowed("")));
    }

    #[test]
    fn a_cut_text_ends_with_an_ellipsis() {
        assert_eq!(truncate("pressdash", 6), "press⋯");
        assert_eq!(truncate("全國總工會", 9), "全國總工⋯");
        // 全國 + ⋯ would need 5 columns, and 總 cannot straddle the limit
        assert_eq!(truncate("全國總工會", 6), "全國⋯");
        assert_eq!(truncate("全國總工會", 1), "⋯");
        assert_eq!(truncate("全國總工會", 0), "");
        assert_eq!(truncate("new media", 5), "new⋯");
    }

    #[test]
    fn the_ellipsis_is_one_column_on_every_terminal() {
        use unicode_width::UnicodeWidthChar;
        assert_eq!(ELLIPSIS.width(), Some(1));
        assert_eq!(ELLIPSIS.width_cjk(), Some(1), "not East Asian Ambiguous");
        assert_eq!('…'.width_cjk(), Some(2), "what it replaces is");
    }

    #[test]
    fn a_cut_is_marked_alike_when_ambiguous_characters_are_wide() {
        use crate::text::width::{AmbiguousWidth, set_ambiguous_width};
        set_ambiguous_width(AmbiguousWidth::Wide);
        let cut = [6, 2, 1].map(|width| truncate("pressdash", width).into_owned());
        let padded = pad_to("“全國”總工會", 7, Align::Left);
        let padded_width = display_width(&padded);
        set_ambiguous_width(AmbiguousWidth::Narrow);
        assert_eq!(cut, ["press⋯", "p⋯", "⋯"]);
        assert_eq!(padded, "“全國⋯", "the mark costs one column here too");
        assert_eq!(padded_width, 7);
    }

    #[test]
    fn a_middle_cut_keeps_the_end_from_a_word() {
        let title = "Chart: Share of employment by sector, 2012 and 2021";
        assert_eq!(truncate_middle(title, 60), title);
        let cut = truncate_middle(title, 40);
        assert_eq!(cut, "Chart: Share of employme⋯, 2012 and 2021");
        assert_eq!(
            truncate_middle(title, 36),
            "Chart: Share of emplo⋯ 2012 and 2021"
        );
        // The end starts at a word, never within one.
        assert_eq!(truncate_middle(title, 30), "Chart: Share of empl⋯ and 2021");
        assert_eq!(
            truncate_middle("图表：三次产业从业人员占比：2012年与2021年", 30),
            "图表：三次产业从业⋯年与2021年"
        );
        // Too narrow to keep an end: cut as usual.
        assert_eq!(truncate_middle(title, 2), truncate(title, 2));
    }

    #[test]
    fn padding_fills_exactly_the_width() {
        assert_eq!(pad_to("中文", 7, Align::Left), "中文   ");
        assert_eq!(pad_to("中文", 7, Align::Right), "   中文");
        assert_eq!(pad_to("中文", 7, Align::Center), " 中文  ");
        assert_eq!(pad_to("全國總工會", 6, Align::Right), " 全國⋯");
        assert_eq!(pad_to("abc", 0, Align::Center), "");
    }

    fn mixed_text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("中"),
                Just("，"),
                Just("a"),
                Just(" "),
                Just("…"),
                Just("⋯"),
                Just("e\u{301}"),
                Just("\u{1F468}\u{200D}\u{1F469}"),
                Just("\u{1b}"),
            ],
            0..30,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        #![proptest_config(crate::proptest_config::proptest_config(256))]

        #[test]
        fn truncate_never_exceeds_the_width(s in mixed_text(), width in 0usize..40) {
            let cut = truncate(&s, width);
            prop_assert!(display_width(&cut) <= width);
            if display_width(&s) <= width {
                prop_assert_eq!(&*cut, &s);
            } else {
                prop_assert!(cut.ends_with(ELLIPSIS) || width == 0);
                let kept = cut.trim_end_matches(ELLIPSIS);
                prop_assert!(s.starts_with(kept));
                prop_assert!(s[kept.len()..].graphemes(true).next().is_some());
            }
        }

        #[test]
        fn a_middle_cut_never_exceeds_the_width(s in mixed_text(), width in 0usize..40) {
            prop_assume!(!s.contains(ELLIPSIS));
            let cut = truncate_middle(&s, width);
            prop_assert!(display_width(&cut) <= width);
            if display_width(&s) <= width {
                prop_assert_eq!(&*cut, &s);
            } else if let Some((head, end)) = cut.split_once(ELLIPSIS) {
                prop_assert!(s.starts_with(head) && s.ends_with(end));
            }
        }

        #[test]
        fn take_width_is_a_grapheme_prefix(s in mixed_text(), width in 0usize..40) {
            let (kept, kept_width) = take_width(&s, width);
            prop_assert!(kept_width <= width);
            prop_assert_eq!(display_width(kept), kept_width);
            prop_assert!(s.starts_with(kept));
            let boundaries: Vec<usize> = s.grapheme_indices(true).map(|(at, _)| at).collect();
            prop_assert!(kept.len() == s.len() || boundaries.contains(&kept.len()));
        }

        #[test]
        fn pad_to_gives_exactly_the_width(s in mixed_text(), width in 0usize..40) {
            use crate::text::width::{AmbiguousWidth, set_ambiguous_width};
            for ambiguous in [AmbiguousWidth::Wide, AmbiguousWidth::Narrow] {
                set_ambiguous_width(ambiguous);
                for align in [Align::Left, Align::Right, Align::Center] {
                    prop_assert_eq!(display_width(&pad_to(&s, width, align)), width);
                }
            }
        }
    }
}
