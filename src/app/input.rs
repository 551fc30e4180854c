//! A one-line text prompt: the pager's `/` search and the dashboard's filter.
//!
//! The cursor always sits on a grapheme boundary, so Backspace never leaves half of a wide
//! character behind. Text typed through an input method arrives as one or several `Char` key
//! events, or as a paste ([`LineInput::insert_str`]); both end up the same.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::text::grapheme_width;

/// What a key did to a [`LineInput`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputOutcome {
    /// The text or the cursor changed.
    Edited,
    /// Enter: the caller takes the text.
    Submitted,
    /// Esc: the caller closes the prompt.
    Cancelled,
    /// Not a prompt key; the text is unchanged.
    Ignored,
}

/// The state of a one-line prompt: its text and a cursor (a byte offset on a grapheme boundary).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    cursor: usize,
}

impl LineInput {
    /// An empty prompt.
    pub fn new() -> Self {
        Self::default()
    }

    /// The text typed so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor as a byte offset into [`LineInput::text`], always on a grapheme boundary.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Replaces the text (controls dropped) and puts the cursor at its end.
    pub fn set_text(&mut self, text: &str) {
        self.text.clear();
        self.cursor = 0;
        self.insert_str(text);
    }

    /// Empties the prompt.
    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    /// Inserts one character at the cursor; control characters are ignored.
    pub fn insert_char(&mut self, c: char) {
        let mut buf = [0; 4];
        self.insert_str(c.encode_utf8(&mut buf));
    }

    /// Inserts pasted text at the cursor. Line breaks and other controls become nothing, so a
    /// multi-line paste becomes one line.
    pub fn insert_str(&mut self, text: &str) {
        let clean: String = text.chars().filter(|c| !c.is_control()).collect();
        self.text.insert_str(self.cursor, &clean);
        // A combining mark may have joined the grapheme before the cursor: move past the
        // inserted text, then settle on a boundary.
        self.cursor = self.snap_forward(self.cursor + clean.len());
    }

    /// Removes the grapheme before the cursor.
    pub fn backspace(&mut self) -> bool {
        let start = self.prev_boundary(self.cursor);
        self.remove(start, self.cursor)
    }

    /// Removes the grapheme after the cursor.
    pub fn delete(&mut self) -> bool {
        let end = self.next_boundary(self.cursor);
        self.remove(self.cursor, end)
    }

    /// Removes the word before the cursor and the spaces after it (Ctrl-w).
    pub fn delete_word(&mut self) -> bool {
        let before = &self.text[..self.cursor];
        let trimmed = before.trim_end();
        let start = trimmed
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let start = self.snap_back(start);
        self.remove(start, self.cursor)
    }

    /// Moves one grapheme left.
    pub fn left(&mut self) -> bool {
        self.move_to(self.prev_boundary(self.cursor))
    }

    /// Moves one grapheme right.
    pub fn right(&mut self) -> bool {
        self.move_to(self.next_boundary(self.cursor))
    }

    /// Moves to the start.
    pub fn home(&mut self) -> bool {
        self.move_to(0)
    }

    /// Moves to the end.
    pub fn end(&mut self) -> bool {
        self.move_to(self.text.len())
    }

    /// Applies one key. Only presses (and repeats) count; releases are ignored.
    pub fn handle_key(&mut self, key: KeyEvent) -> InputOutcome {
        if key.kind == KeyEventKind::Release {
            return InputOutcome::Ignored;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let changed = match key.code {
            KeyCode::Enter => return InputOutcome::Submitted,
            KeyCode::Esc => return InputOutcome::Cancelled,
            KeyCode::Char('u') if ctrl => {
                let was_empty = self.text.is_empty();
                self.clear();
                !was_empty
            }
            KeyCode::Char('w') if ctrl => self.delete_word(),
            KeyCode::Char('a') if ctrl => self.home(),
            KeyCode::Char('e') if ctrl => self.end(),
            KeyCode::Char(_) if ctrl || key.modifiers.contains(KeyModifiers::ALT) => {
                return InputOutcome::Ignored;
            }
            KeyCode::Char(c) => {
                let before = self.text.len();
                self.insert_char(c);
                self.text.len() != before
            }
            KeyCode::Backspace => self.backspace(),
            KeyCode::Delete => self.delete(),
            KeyCode::Left => self.left(),
            KeyCode::Right => self.right(),
            KeyCode::Home => self.home(),
            KeyCode::End => self.end(),
            _ => return InputOutcome::Ignored,
        };
        if changed {
            InputOutcome::Edited
        } else {
            InputOutcome::Ignored
        }
    }

    /// The part of the text to draw in `width` columns and the cursor's column within it.
    ///
    /// The slice holds whole graphemes only and is at most `width` columns wide, leaving room
    /// for the cursor cell after the text when the cursor is at the end. When the text is too
    /// long, the view scrolls so the cursor stays visible, showing as much before it as fits.
    pub fn visible(&self, width: usize) -> (&str, usize) {
        if width == 0 {
            return ("", 0);
        }
        let graphemes = graphemes(&self.text);
        let cursor_index = graphemes.partition_point(|&(start, _)| start < self.cursor);
        // The cursor cell itself needs a column (at the end it is a blank cell).
        let cursor_cell = graphemes.get(cursor_index).map_or(1, |&(_, w)| w.max(1));
        if cursor_cell > width {
            return ("", 0);
        }
        // Walk left from the cursor while the text before it still fits next to the cursor cell.
        let mut start_index = cursor_index;
        let mut before = 0;
        while start_index > 0 && before + graphemes[start_index - 1].1 + cursor_cell <= width {
            start_index -= 1;
            before += graphemes[start_index].1;
        }
        // Then extend right as far as the width allows.
        let mut end_index = start_index;
        let mut used = 0;
        while end_index < graphemes.len() && used + graphemes[end_index].1 <= width {
            used += graphemes[end_index].1;
            end_index += 1;
        }
        let byte_at = |index: usize| graphemes.get(index).map_or(self.text.len(), |&(b, _)| b);
        (&self.text[byte_at(start_index)..byte_at(end_index)], before)
    }

    fn move_to(&mut self, cursor: usize) -> bool {
        let moved = cursor != self.cursor;
        self.cursor = cursor;
        moved
    }

    fn remove(&mut self, start: usize, end: usize) -> bool {
        if start >= end {
            return false;
        }
        self.text.replace_range(start..end, "");
        self.cursor = start;
        // Removing a base character can merge what was around it into one grapheme.
        self.cursor = self.snap_back(self.cursor);
        true
    }

    fn prev_boundary(&self, at: usize) -> usize {
        graphemes(&self.text[..at])
            .last()
            .map_or(0, |&(start, _)| start)
    }

    fn next_boundary(&self, at: usize) -> usize {
        use unicode_segmentation::UnicodeSegmentation;
        self.text[at..]
            .graphemes(true)
            .next()
            .map_or(at, |g| at + g.len())
    }

    /// The nearest grapheme boundary at or after `at`.
    fn snap_forward(&self, at: usize) -> usize {
        let back = self.snap_back(at);
        if back == at {
            at
        } else {
            self.next_boundary(back)
        }
    }

    /// The nearest grapheme boundary at or before `at`.
    fn snap_back(&self, at: usize) -> usize {
        if at >= self.text.len() {
            return self.text.len();
        }
        graphemes(&self.text)
            .iter()
            .map(|&(start, _)| start)
            .take_while(|&start| start <= at)
            .last()
            .unwrap_or(0)
    }
}

/// Each grapheme's byte offset and display width.
fn graphemes(text: &str) -> Vec<(usize, usize)> {
    use unicode_segmentation::UnicodeSegmentation;
    text.grapheme_indices(true)
        .map(|(start, g)| (start, grapheme_width(g)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn ctrl(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    fn typed(text: &str) -> LineInput {
        let mut input = LineInput::new();
        for c in text.chars() {
            assert_eq!(
                input.handle_key(key(KeyCode::Char(c))),
                InputOutcome::Edited
            );
        }
        input
    }

    #[test]
    fn typing_chinese_char_by_char_or_pasting_gives_the_same_text() {
        let mut pasted = LineInput::new();
        pasted.insert_str("工会\n会员");
        assert_eq!(typed("工会会员"), pasted);
        assert_eq!(pasted.cursor(), "工会会员".len());
    }

    #[test]
    fn backspace_removes_a_whole_grapheme() {
        let mut input = typed("a中e\u{301}");
        assert!(input.backspace());
        assert_eq!(input.text(), "a中");
        assert!(input.backspace());
        assert_eq!(input.text(), "a");
        assert_eq!(input.cursor(), 1);
    }

    #[test]
    fn delete_and_arrows_move_by_grapheme() {
        let mut input = typed("工会ab");
        input.handle_key(key(KeyCode::Home));
        assert_eq!(input.cursor(), 0);
        input.handle_key(key(KeyCode::Right));
        assert_eq!(input.cursor(), "工".len());
        input.handle_key(key(KeyCode::Delete));
        assert_eq!(input.text(), "工ab");
        input.handle_key(key(KeyCode::End));
        input.handle_key(key(KeyCode::Left));
        assert_eq!(input.cursor(), "工a".len());
        assert_eq!(input.handle_key(key(KeyCode::Tab)), InputOutcome::Ignored);
    }

    #[test]
    fn ctrl_w_deletes_a_word_and_ctrl_u_clears() {
        let mut input = typed("union work  ");
        assert_eq!(input.handle_key(ctrl('w')), InputOutcome::Edited);
        assert_eq!(input.text(), "union ");
        assert_eq!(input.handle_key(ctrl('u')), InputOutcome::Edited);
        assert_eq!(input.text(), "");
        assert_eq!(input.handle_key(ctrl('u')), InputOutcome::Ignored);
    }

    #[test]
    fn enter_submits_and_esc_cancels() {
        let mut input = typed("工会");
        assert_eq!(
            input.handle_key(key(KeyCode::Enter)),
            InputOutcome::Submitted
        );
        assert_eq!(input.handle_key(key(KeyCode::Esc)), InputOutcome::Cancelled);
        assert_eq!(input.text(), "工会");
    }

    #[test]
    fn visible_keeps_the_cursor_in_view() {
        let input = typed("一二三四五");
        // At the end: the last graphemes that fit beside the cursor cell.
        assert_eq!(input.visible(6), ("四五", 4));
        assert_eq!(input.visible(5), ("四五", 4));
        let mut input = input;
        input.home();
        assert_eq!(input.visible(5), ("一二", 0));
        input.right();
        input.right();
        // The cursor is on 三 (2 columns): 一二 fit before it within 6 columns.
        assert_eq!(input.visible(6), ("一二三", 4));
        assert_eq!(input.visible(1), ("", 0));
    }

    fn edit() -> impl Strategy<Value = KeyEvent> {
        prop_oneof![
            prop::sample::select(vec![
                'a', ' ', '中', '。', 'e', '\u{301}', '\u{200d}', '👍', '\n'
            ])
            .prop_map(|c| key(KeyCode::Char(c))),
            prop::sample::select(vec![
                KeyCode::Backspace,
                KeyCode::Delete,
                KeyCode::Left,
                KeyCode::Right,
                KeyCode::Home,
                KeyCode::End,
            ])
            .prop_map(key),
            prop::sample::select(vec!['u', 'w', 'a', 'e']).prop_map(ctrl),
        ]
    }

    proptest! {
        #![proptest_config(crate::proptest_config::proptest_config(256))]
        #[test]
        fn random_edits_keep_the_cursor_on_a_grapheme_boundary(
            keys in prop::collection::vec(edit(), 0..40),
            width in 0usize..12,
        ) {
            use unicode_segmentation::UnicodeSegmentation;
            let mut input = LineInput::new();
            for key in keys {
                input.handle_key(key);
                let boundaries: Vec<usize> = input
                    .text()
                    .grapheme_indices(true)
                    .map(|(i, _)| i)
                    .chain([input.text().len()])
                    .collect();
                prop_assert!(boundaries.contains(&input.cursor()), "{:?}", input);
                prop_assert!(!input.text().contains('\n'));
                let (shown, column) = input.visible(width);
                let shown_width = crate::text::width(shown);
                prop_assert!(shown_width <= width);
                if width >= 2 {
                    prop_assert!(column < width, "the cursor cell is off the edge");
                }
                prop_assert!(column <= shown_width);
                prop_assert!(input.text().contains(shown));
            }
        }
    }
}
