//! Popups over the body: a figure's drill-down, the topic picker and the help.

use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use crate::app::drill::Role;
use crate::app::keys::KeyMap;
use crate::app::popup::{FigureDetails, HELP_GAP, HelpLine, HelpPopup, TopicPicker};
use crate::app::{App, Popup, layout, strings};
use crate::data::Theme;
use crate::text;
use crate::ui::{Look, draw_box, palette::Palette, put, put_pieces, row};

/// The open popup over the tab's body, if any.
#[derive(Debug)]
pub struct PopupView<'a> {
    pub app: &'a App,
    pub palette: &'a Palette,
}

impl Widget for &PopupView<'_> {
    fn render(self, body: Rect, buf: &mut Buffer) {
        let look = Look {
            lang: self.app.lang(),
            script: self.app.script(),
            palette: self.palette,
        };
        let keys = &self.app.options().keys;
        match self.app.popup() {
            Some(Popup::Figure(details)) => DrillDown {
                details,
                keys,
                look,
            }
            .render(body, buf),
            Some(Popup::Topics(picker)) => PickerView {
                picker,
                themes: &self.app.data().themes,
                keys,
                look,
            }
            .render(body, buf),
            Some(Popup::Help(help)) => HelpView { help, keys, look }.render(body, buf),
            None => {}
        }
    }
}

/// A figure's drill-down, centred in the body it is given, scrolled as its state says.
#[derive(Debug)]
pub struct DrillDown<'a> {
    pub details: &'a FigureDetails,
    /// The keys in force, which its hint names.
    pub keys: &'a KeyMap,
    pub look: Look<'a>,
}

impl Widget for &DrillDown<'_> {
    fn render(self, body: Rect, buf: &mut Buffer) {
        let (
            details,
            Look {
                lang,
                script,
                palette,
            },
        ) = (self.details, self.look);
        let (scroll, lines) = (details.scroll(), details.lines());
        let rect = layout::text_popup(body, lines.len());
        let inner = open(buf, rect, "", palette);
        for (line, pieces) in lines
            .iter()
            .skip(scroll)
            .take(usize::from(inner.height))
            .enumerate()
        {
            let styled = pieces
                .iter()
                .map(|(text, role)| (text.as_str(), role_style(*role, palette)));
            put_pieces(buf, row(inner, line as u16), styled);
        }
        scroll_marker(
            buf,
            rect,
            scroll,
            usize::from(inner.height),
            lines.len(),
            palette,
        );
        let hint = self.keys.respell(
            strings::JUMP_HINT.get(lang, script),
            &[("Enter/o", "jump-to-source"), ("Esc", "back")],
        );
        bottom_hint(buf, rect, &hint, palette);
    }
}

/// The topic picker: each topic with its box, the cursor's row marked.
#[derive(Debug)]
pub struct PickerView<'a> {
    pub picker: &'a TopicPicker,
    pub themes: &'a [Theme],
    /// The keys in force, which its title names.
    pub keys: &'a KeyMap,
    pub look: Look<'a>,
}

impl Widget for &PickerView<'_> {
    fn render(self, body: Rect, buf: &mut Buffer) {
        let (
            picker,
            Look {
                lang,
                script,
                palette,
            },
        ) = (self.picker, self.look);
        let (cursor, chosen) = (picker.cursor(), picker.chosen());
        let themes = self.themes;
        let rect = layout::topic_picker(body, themes.len());
        let inner = open(
            buf,
            rect,
            &self.keys.respell(
                strings::TOPIC_PICKER_TITLE.get(lang, script),
                &[
                    ("Space", "toggle-topic"),
                    ("空格", "toggle-topic"),
                    ("Enter", "topic-picker-open"),
                ],
            ),
            palette,
        );
        let (rows, offset) = (usize::from(inner.height), picker.offset());
        for (line, (index, topic)) in themes
            .iter()
            .enumerate()
            .skip(offset)
            .take(rows)
            .enumerate()
        {
            let area = row(inner, line as u16);
            let is_chosen = chosen.contains(&topic.id);
            let mut style = if is_chosen {
                palette.chosen
            } else {
                palette.base
            };
            if index == cursor {
                style = style.patch(palette.selected);
                buf.set_style(area, style);
            }
            let mark = if is_chosen { "[x] " } else { "[ ] " };
            put_pieces(
                buf,
                area,
                [(mark, style), (topic.label.get(lang, script), style)],
            );
        }
    }
}

/// The help: the key table by context, scrolled as its state says.
#[derive(Debug)]
pub struct HelpView<'a> {
    pub help: &'a HelpPopup,
    /// The keys in force, which its hint names.
    pub keys: &'a KeyMap,
    pub look: Look<'a>,
}

impl Widget for &HelpView<'_> {
    fn render(self, body: Rect, buf: &mut Buffer) {
        let (
            help_popup,
            Look {
                lang,
                script,
                palette,
            },
        ) = (self.help, self.look);
        let (scroll, help) = (help_popup.scroll(), help_popup.help());
        let rect = layout::text_popup(body, help.lines.len());
        let inner = open(buf, rect, strings::HELP_TITLE.get(lang, script), palette);
        let keys_width = u16::try_from(help.keys_width).unwrap_or(u16::MAX);
        let gap = HELP_GAP as u16;
        for (line, row_text) in help
            .lines
            .iter()
            .skip(scroll)
            .take(usize::from(inner.height))
            .enumerate()
        {
            let area = row(inner, line as u16);
            match row_text {
                HelpLine::Heading(title) => {
                    put(buf, area, title, palette.title);
                }
                HelpLine::Binding(keys, what) => {
                    put(
                        buf,
                        Rect::new(area.x, area.y, keys_width.min(area.width), 1),
                        keys,
                        palette.key,
                    );
                    let x = (area.x + keys_width + gap).min(area.right());
                    put(
                        buf,
                        Rect::new(x, area.y, area.right() - x, 1),
                        what,
                        palette.base,
                    );
                }
                HelpLine::Blank => {}
            }
        }
        scroll_marker(
            buf,
            rect,
            scroll,
            usize::from(inner.height),
            help.lines.len(),
            palette,
        );
        let hint = self
            .keys
            .respell(strings::CLOSE_HINT.get(lang, script), &[("Esc", "back")]);
        bottom_hint(buf, rect, &hint, palette);
    }
}

/// Clears `rect` for a popup, draws its border and title, and returns the inside, less a
/// column of padding on each side.
fn open(buf: &mut Buffer, rect: Rect, title: &str, palette: &Palette) -> Rect {
    clear(buf, rect);
    buf.set_style(rect.intersection(buf.area), palette.base);
    draw_box(buf, rect, title, palette.popup_border, palette.title);
    layout::box_inner(rect)
}

/// Blanks `rect`. A wide character whose right half lies on the popup's left edge is blanked
/// first (and likewise one straddling the right edge): otherwise the terminal draws it over
/// the border.
pub(super) fn clear(buf: &mut Buffer, rect: Rect) {
    let rect = rect.intersection(buf.area);
    if rect.is_empty() {
        return;
    }
    // Blanked, a cell also forgets a width it was forced to: a space is one column.
    let blank = |cell: &mut Cell| {
        cell.set_symbol(" ").set_diff_option(CellDiffOption::None);
    };
    for y in rect.top()..rect.bottom() {
        if rect.x > buf.area.x {
            let before = &mut buf[(rect.x - 1, y)];
            if before.cell_width() > 1 {
                blank(before);
            }
        }
        let last = rect.right() - 1;
        if buf[(last, y)].cell_width() > 1 && rect.right() < buf.area.right() {
            blank(&mut buf[(rect.right(), y)]);
        }
        for x in rect.left()..rect.right() {
            buf[(x, y)].reset();
        }
    }
}

/// When the content does not fit, which rows are shown (` 8-14/20 `) on the top border,
/// right-aligned.
fn scroll_marker(
    buf: &mut Buffer,
    rect: Rect,
    scroll: usize,
    visible: usize,
    total: usize,
    palette: &Palette,
) {
    if total <= visible || rect.width < 6 {
        return;
    }
    let first = scroll.min(total.saturating_sub(visible)) + 1;
    let last = (first + visible - 1).min(total);
    // ASCII, as the interface's own marks are where a plain character does: the en dash is
    // ambiguous in width.
    let marker = format!(" {first}-{last}/{total} ");
    let width = u16::try_from(text::width(&marker))
        .unwrap_or(u16::MAX)
        .min(rect.width - 4);
    let area = Rect::new(rect.right() - 2 - width, rect.y, width, 1);
    put(buf, area, &marker, palette.muted);
}

/// A short hint on the bottom border, right-aligned.
fn bottom_hint(buf: &mut Buffer, rect: Rect, hint: &str, palette: &Palette) {
    if rect.width < 6 || rect.height < 2 {
        return;
    }
    let hint = format!(" {hint} ");
    let width = u16::try_from(text::width(&hint))
        .unwrap_or(u16::MAX)
        .min(rect.width - 4);
    let area = Rect::new(rect.right() - 2 - width, rect.bottom() - 1, width, 1);
    put(buf, area, &hint, palette.muted);
}

fn role_style(role: Role, palette: &Palette) -> Style {
    match role {
        Role::Title => palette.title,
        Role::Value => palette.value,
        Role::Damaged => palette.damaged,
        Role::Field | Role::Muted => palette.muted,
        Role::Text => palette.base,
        Role::Highlight => palette.highlight,
        Role::Matched => palette.title.patch(palette.matched),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::action::Action;
    use crate::app::fixture;
    use crate::app::popup::LaidFor;
    use crate::data::{Lang, Script};
    use crate::ui::tests::unstyled;

    #[test]
    fn the_picker_boxes_each_topic_with_its_mark() {
        let themes = fixture::dataset().themes;
        let body = Rect::new(0, 0, 30, 7);
        let mut picker = TopicPicker::new(std::collections::BTreeSet::new());
        picker.reconcile(
            LaidFor {
                body,
                lang: Lang::En,
                script: Script::Hans,
            },
            themes.len(),
        );
        picker.handle(Action::ToggleTopic, &themes);
        let palette = Palette::plain();
        let mut buf = Buffer::empty(body);
        PickerView {
            picker: &picker,
            themes: &themes,
            keys: &KeyMap::default(),
            look: Look {
                lang: Lang::En,
                script: Script::Hans,
                palette: &palette,
            },
        }
        .render(body, &mut buf);
        assert_eq!(
            unstyled(&buf),
            Buffer::with_lines([
                "                              ",
                "  ╭ Topics (Space selects⋯─╮  ",
                "  │ [x] Grassroots         │  ",
                "  │ [ ] Rights             │  ",
                "  │ [ ] Skills             │  ",
                "  ╰────────────────────────╯  ",
                "                              ",
            ])
        );
    }
}
