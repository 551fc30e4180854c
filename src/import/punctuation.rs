//! Restoring the full-width punctuation the scrape folded to ASCII.
//!
//! Chinese typesetting uses `，：；？！（）`; numbers, times and dates keep their ASCII
//! separators (`1,000`, `16:27`). The scrape never touched `。、“”《》—·`, so those pass through.

/// The full-width form of an ASCII mark, when the scrape folded that mark.
fn full_width(c: char) -> Option<char> {
    match c {
        ',' => Some('，'),
        ':' => Some('：'),
        ';' => Some('；'),
        '?' => Some('？'),
        '!' => Some('！'),
        '(' => Some('（'),
        ')' => Some('）'),
        _ => None,
    }
}

/// Whether the ASCII mark at this position belongs to a number rather than to the prose.
fn is_numeric(mark: char, before: Option<char>, after: Option<char>) -> bool {
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    match mark {
        // Digit grouping (1,000) and clock times (16:27).
        ',' | ':' => digit(before) && digit(after),
        // The placeholder for a digit the source lost (?650).
        '?' => digit(after),
        _ => false,
    }
}

/// Turns the folded ASCII marks back into full-width ones.
pub fn restore(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            match full_width(c) {
                Some(wide) if !is_numeric(c, before, after) => wide,
                _ => c,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn restores_prose_punctuation() {
        assert_eq!(
            restore("(一)大家好!请问:是吗?是;对,好"),
            "（一）大家好！请问：是吗？是；对，好"
        );
    }

    #[test]
    fn leaves_numbers_times_and_dates_alone() {
        assert_eq!(
            restore("1,000人,16:27时,2022-07-29"),
            "1,000人，16:27时，2022-07-29"
        );
        assert_eq!(restore("奖章?650个"), "奖章?650个");
    }

    #[test]
    fn leaves_unfolded_marks_alone() {
        let text = "。、“”《》—·%.";
        assert_eq!(restore(text), text);
    }

    proptest! {
        #![proptest_config(crate::proptest_config::proptest_config(128))]

        #[test]
        fn keeps_length_and_never_leaves_prose_marks(text in "[,:;?!()a-z0-9中文。]{0,40}") {
            let restored = restore(&text);
            prop_assert_eq!(restored.chars().count(), text.chars().count());
            for (i, c) in restored.char_indices() {
                if "();!".contains(c) {
                    prop_assert!(false, "{c} left at {i} in {restored}");
                }
            }
        }

        #[test]
        fn is_idempotent(text in "[,:;?!()a-z0-9中文]{0,40}") {
            let once = restore(&text);
            prop_assert_eq!(restore(&once), once.clone());
        }
    }
}
