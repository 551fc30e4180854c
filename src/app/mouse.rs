//! Mouse events: the wheel scrolls what has the focus, a click picks a tab or a row.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use crate::app::action::Action;
use crate::app::{App, Focus, layout, pager_context};

/// Rows one notch of the wheel moves.
const WHEEL_ROWS: usize = 3;

impl App {
    /// Applies a mouse event: the wheel scrolls what has the focus, a click picks a tab or a
    /// row. Does nothing unless the mouse was enabled, nor while the filter prompt is open (it
    /// has the keys); clicks wait while a popup is open.
    pub fn handle_mouse(&mut self, event: MouseEvent) {
        if !self.options.mouse {
            return;
        }
        let focus = self.focus();
        match (focus, event.kind) {
            (Focus::TooSmall | Focus::FilterPrompt, _) => {}
            (_, MouseEventKind::ScrollDown) => self.wheel(Action::Down),
            (_, MouseEventKind::ScrollUp) => self.wheel(Action::Up),
            (_, MouseEventKind::Down(MouseButton::Left)) => {
                self.recording_jumps(|app| app.click(focus, event.column, event.row));
            }
            _ => {}
        }
        self.reconcile();
    }

    /// A notch of the wheel moves three rows, as terminals and pagers commonly do.
    fn wheel(&mut self, step: Action) {
        for _ in 0..WHEEL_ROWS {
            self.update(step);
        }
    }

    /// A left click: on a tab's title it goes there, on the tab bar's `‹` or `›` it scrolls
    /// the bar; on a list row it selects the row, or opens
    /// it when already selected; in the pager's list it jumps to that item.
    pub(super) fn click(&mut self, focus: Focus, column: u16, row: u16) {
        let Some(screen) = layout::screen(self.area()) else {
            return;
        };
        if focus == Focus::Popup {
            return;
        }
        if layout::contains(screen.tabs, column, row) {
            let bar = layout::tab_bar(
                screen.tabs,
                &self.tab_titles(),
                self.tab_index(),
                self.tab_bar_shown(),
            );
            if let Some((index, _)) = bar
                .tabs
                .iter()
                .find(|(_, rect)| layout::contains(*rect, column, row))
            {
                self.go_to_tab(*index);
            } else if let Some(index) = arrow_target(&bar, column, row) {
                // The bar scrolls; the tab stays.
                self.tab_bar_scroll = Some((self.tab, index));
            }
            return;
        }
        if !layout::contains(screen.body, column, row) {
            return;
        }
        match focus {
            Focus::Overview | Focus::Cards => {
                let parts = self.overview_layout(screen.body);
                // A card is selected by a click, and opened by another.
                if let Some(card) = parts
                    .cards
                    .iter()
                    .position(|rect| layout::contains(*rect, column, row))
                    .map(|shown| parts.first_card + shown)
                {
                    if self.overview_card == Some(card) {
                        self.cards_action(Action::Open);
                    } else {
                        self.overview_card = Some(card);
                    }
                } else if layout::contains(parts.topics, column, row) {
                    self.overview_card = None;
                    let rows = usize::from(parts.topics.height);
                    let index = self.overview.offset() + usize::from(row - parts.topics.y);
                    if index == self.overview.selected {
                        self.overview_action(Action::Open);
                    } else if index < self.data.themes.len() {
                        self.overview.select(index, self.data.themes.len(), rows);
                    }
                }
            }
            Focus::Topic(topic) => {
                let laid = self.screen_topic_layout(topic).into_owned();
                let list = laid.parts.list;
                let view = &mut self.topics[topic].list;
                let clicked = layout::list_entries(list, &laid.heights, view.offset())
                    .into_iter()
                    .find(|(_, rect)| layout::contains(*rect, column, row));
                if let Some((index, _)) = clicked {
                    if index == view.selected {
                        self.topic_action(topic, Action::Open);
                    } else {
                        view.select_entry(index, laid.entry_heights(), usize::from(list.height));
                    }
                }
            }
            Focus::PagerItems | Focus::Pager | Focus::PagerSearch => {
                let ctx = pager_context(&self.data, &self.options, &self.filter);
                self.pager.click(column, row, &ctx);
            }
            Focus::TooSmall | Focus::Popup | Focus::FilterPrompt => {}
        }
    }
}

/// The tab a click on the tab bar's `‹` or `›` scrolls the bar to: the nearest one hidden on
/// that side.
fn arrow_target(bar: &layout::TabBar, column: u16, row: u16) -> Option<usize> {
    let (rect, marker) = bar.marker.as_ref()?;
    let (first, last) = (bar.tabs.first()?.0, bar.tabs.last()?.0);
    if !layout::contains(*rect, column, row) {
        return None;
    }
    if column == rect.x && marker.starts_with('‹') {
        first.checked_sub(1)
    } else if column + 1 == rect.right() && marker.ends_with('›') {
        Some(last + 1)
    } else {
        None
    }
}
