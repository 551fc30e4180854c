//! Questions about every character of a long text, answered from its bytes.
//!
//! Chinese text has a curly quote or a fullwidth comma every few characters, and their
//! first bytes are those of rarer characters that matter (a bidi control, a capital letter).
//! Stopping at each such byte to decode the character is slow; looking at every byte and the
//! two after it without branching lets the compiler use vector instructions, and is several
//! times faster over the megabytes of a large transcript.

/// Bytes looked at between two checks for an answer.
const CHUNK: usize = 64;

/// Whether `found` holds of some byte of `text` and the two bytes after it (zeros past the
/// end). `found` should be written with `&` and `|` rather than `&&` and `||`, so that it has
/// no branches.
pub fn any_three_bytes(text: &str, found: impl Fn(u8, u8, u8) -> bool) -> bool {
    let bytes = text.as_bytes();
    let windows = bytes.len().saturating_sub(2);
    let firsts = bytes[..windows].chunks(CHUNK);
    let seconds = bytes[1.min(bytes.len())..].chunks(CHUNK);
    let thirds = bytes[2.min(bytes.len())..].chunks(CHUNK);
    let within = firsts
        .zip(seconds)
        .zip(thirds)
        .any(|((firsts, seconds), thirds)| {
            firsts
                .iter()
                .zip(seconds)
                .zip(thirds)
                .fold(false, |any, ((&first, &second), &third)| {
                    any | found(first, second, third)
                })
        });
    within || {
        // The last two bytes, or fewer, with zeros after them.
        let tail = &bytes[windows..];
        (0..tail.len()).any(|at| {
            let byte = |offset: usize| tail.get(at + offset).copied().unwrap_or(0);
            found(byte(0), byte(1), byte(2))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every window, and only those, as a plain loop over the bytes sees them.
    fn windows_of(text: &str) -> Vec<(u8, u8, u8)> {
        let bytes = text.as_bytes();
        let byte = |at: usize| bytes.get(at).copied().unwrap_or(0);
        (0..bytes.len())
            .map(|at| (byte(at), byte(at + 1), byte(at + 2)))
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(crate::proptest_config::proptest_config(256))]

        /// Every window is found wherever it is, in texts of any length, across chunk
        /// boundaries and in the last two bytes; a window the text lacks is not.
        #[test]
        fn finds_every_window_and_no_other(text in "[a中“]{0,150}") {
            for wanted in windows_of(&text) {
                let found = any_three_bytes(&text, |a, b, c| (a, b, c) == wanted);
                proptest::prop_assert!(found, "{:?} in {:?}", wanted, text);
            }
            // No byte of UTF-8 is 0xff.
            proptest::prop_assert!(!any_three_bytes(&text, |a, _, _| a == 0xff));
        }
    }

    #[test]
    fn the_empty_text_has_no_window() {
        assert!(!any_three_bytes("", |_, _, _| true));
        assert!(any_three_bytes("a", |a, b, c| (a, b, c) == (b'a', 0, 0)));
        assert!(any_three_bytes("ab", |a, b, c| (a, b, c) == (b'a', b'b', 0)));
    }
}
