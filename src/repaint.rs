//! A ratatui backend that leaves the terminal equal to the buffer, whatever the terminal does
//! with half a wide character.
//!
//! ratatui sends only the cells that changed. When a wide character is overwritten by one
//! starting a column earlier or later, the column its other half covered may hold the same
//! blank in the old and the new buffer, so nothing is sent there: ratatui trusts the terminal
//! to blank an orphaned half. Only some terminals do; others keep it, draw half a glyph, or
//! collapse it and slide the rest of the row left. [`Repaint`] remembers what it has sent,
//! and every row where a change touches a wide character (written, overwritten, or its right
//! half) is written whole, left to right, so each of its columns is drawn again.

use std::collections::BTreeSet;

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell, CellWidth};
use ratatui::layout::{Position, Rect, Size};

use crate::cli::MAX_RENDER_SIDE;

/// Wraps a backend; see the [module documentation](self).
#[derive(Debug)]
pub struct Repaint<B> {
    inner: B,
    /// What the terminal shows, as far as this backend has drawn it.
    screen: Buffer,
    /// The terminal was partly cleared: what it shows is no longer known.
    unknown: bool,
}

impl<B: Backend> Repaint<B> {
    pub fn new(inner: B) -> Self {
        Self {
            inner,
            screen: Buffer::empty(Rect::ZERO),
            unknown: true,
        }
    }

    /// The wrapped backend.
    pub fn inner(&self) -> &B {
        &self.inner
    }

    /// Whether writing `cell` at `(x, y)` touches a wide character on the screen or brings one.
    fn touches_wide(&self, x: u16, y: u16, cell: &Cell) -> bool {
        let wide = |cell: &Cell| symbol_width(cell) > 1;
        let on_screen = |x: u16| self.screen.cell(Position::new(x, y));
        wide(cell)
            || on_screen(x).is_none_or(wide)
            || x.checked_sub(1).and_then(on_screen).is_some_and(wide)
    }
}

impl<B: Backend> Backend for Repaint<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        // The frame is never larger than this, whatever size the terminal reports (65535 x
        // 65535 would be billions of cells to remember).
        let size = self.inner.size()?;
        let area = Rect::new(
            0,
            0,
            size.width.min(MAX_RENDER_SIDE),
            size.height.min(MAX_RENDER_SIDE),
        );
        if self.screen.area != area {
            self.screen = Buffer::empty(area);
            self.unknown = true;
        }
        let updates: Vec<(u16, u16, &Cell)> = content.collect();
        let rewritten: BTreeSet<u16> = updates
            .iter()
            .filter(|&&(x, y, cell)| self.unknown || self.touches_wide(x, y, cell))
            .map(|&(_, y, _)| y)
            .collect();
        for &(x, y, cell) in &updates {
            let position = Position::new(x, y);
            if let Some(shown) = self.screen.cell_mut(position) {
                shown.clone_from(cell);
            }
            // The columns a wide character covers hold blanks in ratatui's buffer.
            let covered = symbol_width(cell).max(1);
            for next in (1..covered).filter_map(|dx| x.checked_add(u16::try_from(dx).ok()?)) {
                if let Some(shown) = self.screen.cell_mut(Position::new(next, y)) {
                    shown.reset();
                }
            }
        }
        self.unknown = false;
        let screen = &self.screen;
        let kept = updates
            .iter()
            .copied()
            .filter(|(_, y, _)| !rewritten.contains(y));
        let repainted = rewritten.iter().flat_map(|&y| row_cells(screen, y));
        let mut cells: Vec<(u16, u16, &Cell)> = kept.chain(repainted).collect();
        cells.sort_by_key(|&(x, y, _)| (y, x));
        self.inner.draw(cells.into_iter())
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.screen.reset();
        self.unknown = false;
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        if clear_type == ClearType::All {
            self.screen.reset();
        } else {
            self.unknown = true;
        }
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

/// Every cell of row `y` of `screen` that starts a character, left to right.
fn row_cells(screen: &Buffer, y: u16) -> impl Iterator<Item = (u16, u16, &Cell)> {
    let mut skip = 0;
    (screen.area.left()..screen.area.right()).filter_map(move |x| {
        let cell = screen.cell(Position::new(x, y))?;
        if skip > 0 {
            skip -= 1;
            return None;
        }
        skip = symbol_width(cell).saturating_sub(1);
        Some((x, y, cell))
    })
}

/// Columns a cell's symbol takes on the terminal: its `unicode-width`, or the width the
/// interface forced on it (an ambiguous character on a terminal that draws them wide).
fn symbol_width(cell: &Cell) -> usize {
    usize::from(cell.cell_width())
}

#[cfg(test)]
mod tests;
