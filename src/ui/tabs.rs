//! The tab bar: every tab that fits, the current one marked, and `‹ 3/10 ›` when the bar
//! had to scroll.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::{App, layout};
use crate::ui::{put, theme::Theme};

pub(super) fn draw(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let titles = app.tab_titles();
    let current = app.tabs().iter().position(|t| *t == app.tab()).unwrap_or(0);
    let bar = layout::tab_bar(area, &titles, current);
    let mut previous_end = None;
    for (index, rect) in &bar.tabs {
        if let Some(end) = previous_end {
            // The separator sits in the gap between two titles.
            let gap = Rect::new(end, area.y, rect.x.saturating_sub(end), 1);
            put(buf, gap, " │ ", theme.muted);
        }
        let style = if *index == current {
            theme.tab_active
        } else {
            theme.tab
        };
        put(buf, *rect, &titles[*index], style);
        previous_end = Some(rect.right());
    }
    if let Some((rect, marker)) = &bar.marker {
        put(buf, *rect, marker, theme.tab_marker);
    }
}
