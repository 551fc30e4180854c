use std::io;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Size};

use super::{Repaint, symbol_width};
use crate::app::{App, Options};
use crate::data::{Lang, Script};
use crate::text::AmbiguousWidth;

/// What a column of a terminal shows: the start of a character, or the rest of a wide one.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Shown {
    Start(String),
    Rest(String),
}

/// A terminal that keeps orphaned halves: writing over half of a wide character leaves its
/// other half on screen, as kitty, alacritty and VTE do.
#[derive(Debug)]
struct KeepsHalves {
    size: Size,
    rows: Vec<Vec<Shown>>,
}

impl KeepsHalves {
    fn new(width: u16, height: u16) -> Self {
        Self {
            size: Size::new(width, height),
            rows: vec![vec![Shown::Start(" ".into()); usize::from(width)]; usize::from(height)],
        }
    }

    fn write(&mut self, x: u16, y: u16, cell: &Cell) {
        let row = &mut self.rows[usize::from(y)];
        let x = usize::from(x);
        let symbol = cell.symbol().to_string();
        for column in x..(x + symbol_width(cell).max(1)).min(row.len()) {
            row[column] = if column == x {
                Shown::Start(symbol.clone())
            } else {
                Shown::Rest(symbol.clone())
            };
        }
    }

    /// The columns that differ from what `buffer` says the screen holds.
    fn differences(&self, buffer: &Buffer) -> Vec<(u16, u16)> {
        let mut found = Vec::new();
        for (y, row) in self.rows.iter().enumerate() {
            let y = u16::try_from(y).unwrap_or(u16::MAX);
            let mut expected = Vec::new();
            for x in 0..self.size.width {
                let Some(cell) = buffer.cell(Position::new(x, y)) else {
                    continue;
                };
                if expected.len() > usize::from(x) {
                    continue;
                }
                expected.push(Shown::Start(cell.symbol().to_string()));
                for _ in 1..symbol_width(cell) {
                    expected.push(Shown::Rest(cell.symbol().to_string()));
                }
            }
            for (x, (shown, wanted)) in row.iter().zip(&expected).enumerate() {
                if shown != wanted {
                    found.push((u16::try_from(x).unwrap_or(u16::MAX), y));
                }
            }
        }
        found
    }
}

impl Backend for KeepsHalves {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        for (x, y, cell) in content {
            self.write(x, y, cell);
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(Position::ORIGIN)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, _: P) -> io::Result<()> {
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        *self = Self::new(self.size.width, self.size.height);
        Ok(())
    }

    fn clear_region(&mut self, _: ClearType) -> io::Result<()> {
        self.clear()
    }

    fn size(&self) -> io::Result<Size> {
        Ok(self.size)
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        Ok(WindowSize {
            columns_rows: self.size,
            pixels: Size::ZERO,
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Draws one frame with `render` and returns the buffer ratatui completed.
fn draw_frame<B: Backend>(
    terminal: &mut Terminal<B>,
    render: impl FnOnce(&mut ratatui::Frame),
) -> Buffer
where
    B::Error: std::fmt::Display,
{
    terminal
        .draw(render)
        .map_or_else(|e| panic!("{e}"), |frame| frame.buffer.clone())
}

/// Draws `frames` (each a row of text at a column) one after the other and returns, for each,
/// the columns where the terminal differs from the buffer.
fn draw_texts<B: Backend>(
    terminal: &mut Terminal<B>,
    model: impl Fn(&Terminal<B>) -> &KeepsHalves,
    frames: &[(u16, &str)],
) -> Vec<Vec<(u16, u16)>> {
    frames
        .iter()
        .map(|&(x, text)| {
            let completed = draw_frame(terminal, |frame| {
                frame
                    .buffer_mut()
                    .set_string(x, 0, text, ratatui::style::Style::default());
            });
            model(terminal).differences(&completed)
        })
        .collect()
}

#[test]
fn a_wide_character_moved_left_leaves_no_half_behind() {
    // 中 at columns 1–2, then 工 at 0–1: column 2 is blank in both buffers, so ratatui sends
    // nothing there and the right half of 中 stays on a terminal that keeps halves.
    let frames = [(1, "中"), (0, "工")];
    let mut plain = Terminal::new(KeepsHalves::new(6, 1)).unwrap_or_else(|e| panic!("{e}"));
    let plain_differences = draw_texts(&mut plain, Terminal::backend, &frames);
    assert_eq!(plain_differences, [vec![], vec![(2, 0)]]);

    let mut repainted =
        Terminal::new(Repaint::new(KeepsHalves::new(6, 1))).unwrap_or_else(|e| panic!("{e}"));
    let differences = draw_texts(&mut repainted, |t| t.backend().inner(), &frames);
    assert_eq!(differences, [vec![], vec![]]);
}

#[test]
fn a_wide_character_moved_right_leaves_no_half_behind() {
    let frames = [(0, "工a"), (1, "中"), (2, "文字"), (0, "ab c")];
    let mut repainted =
        Terminal::new(Repaint::new(KeepsHalves::new(8, 1))).unwrap_or_else(|e| panic!("{e}"));
    let differences = draw_texts(&mut repainted, |t| t.backend().inner(), &frames);
    assert!(differences.iter().all(Vec::is_empty), "{differences:?}");
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Switching tabs, opening and closing popups and scrolling on the real dashboard leaves the
/// terminal equal to each frame, also where ambiguous characters are drawn two columns wide.
#[test]
fn the_dashboard_leaves_no_stale_cells() {
    let dataset = crate::data::load::load_embedded().unwrap_or_else(|e| panic!("{e}"));
    for (script, ambiguous) in [
        (Script::Hant, AmbiguousWidth::Narrow),
        (Script::Hans, AmbiguousWidth::Narrow),
        (Script::Hant, AmbiguousWidth::Wide),
    ] {
        crate::text::set_ambiguous_width(ambiguous);
        let mut app = App::new(
            dataset.clone(),
            Options {
                color: true,
                ..Options::plain(script, Lang::Zh)
            },
        );
        let (width, height) = (120, 36);
        app.resize(width, height);
        let mut terminal = Terminal::new(Repaint::new(KeepsHalves::new(width, height)))
            .unwrap_or_else(|e| panic!("{e}"));
        // the same frames without repainting, to show the model meets the problem
        let mut plain =
            Terminal::new(KeepsHalves::new(width, height)).unwrap_or_else(|e| panic!("{e}"));
        let mut stale_without_repaint = 0;
        let keys = [
            KeyCode::Tab,
            KeyCode::Down,
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::Down,
            KeyCode::Down,
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::PageDown,
            KeyCode::PageDown,
            KeyCode::BackTab,
            KeyCode::BackTab,
            KeyCode::Char('?'),
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::Tab,
            KeyCode::Tab,
        ];
        for code in [None].into_iter().chain(keys.map(Some)) {
            if let Some(code) = code {
                app.handle_key(key(code));
            }
            let completed = draw_frame(&mut terminal, |frame| crate::ui::draw(frame, &app));
            let differences = terminal.backend().inner().differences(&completed);
            assert!(
                differences.is_empty(),
                "{script:?} {ambiguous:?} after {code:?}: {differences:?}"
            );
            let plain_frame = draw_frame(&mut plain, |frame| crate::ui::draw(frame, &app));
            stale_without_repaint += plain.backend().differences(&plain_frame).len();
        }
        crate::text::set_ambiguous_width(AmbiguousWidth::Narrow);
        assert!(stale_without_repaint > 0, "{script:?} {ambiguous:?}");
    }
}
