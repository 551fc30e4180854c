//! The two bottom rows: the status line (filter, counts, pager position, or the filter
//! prompt) and the key hints, taken from the key table and fitted to the width.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::keys::Hint;
use crate::app::{App, Tab, strings};

use crate::text::{self, Align};
use crate::ui::{Look, palette::Palette, put, put_aligned, put_pieces};

/// The status line: the filter prompt while it is open; else the filter (or the event's title)
/// on the left and the counts or the pager's position on the right.
#[derive(Debug)]
pub struct StatusLine<'a> {
    pub app: &'a App,
    pub palette: &'a Palette,
}

impl Widget for &StatusLine<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, palette) = (self.app, self.palette);
        buf.set_style(area, palette.status);
        let (lang, script) = (app.lang(), app.script());
        if let Some(prompt) = app.prompt() {
            let label = strings::FILTER_PROMPT.get(lang, script);
            let used = put(buf, area, label, palette.status.patch(palette.prompt));
            let field = Rect::new(area.x + used, area.y, area.width - used, 1);
            let (visible, cursor) = prompt.input.visible(usize::from(field.width));
            put(buf, field, visible, palette.status);
            let cursor_x = field.x + u16::try_from(cursor).unwrap_or(0);
            if cursor_x < field.right() {
                let cell = &mut buf[(cursor_x, area.y)];
                cell.set_style(palette.selected);
            }
            return;
        }
        if let Some(report) = app.last_report() {
            let text = format!(" {}", strings::report(report, lang, script));
            put(buf, area, &text, palette.status.patch(palette.notice));
            return;
        }
        let right = if app.tab() == Tab::Qa {
            app.pager().status().text(lang, script)
        } else {
            let (shown, total) = app.figures_shown();
            let chosen = !app.filter().topics.is_empty();
            let counts = strings::shown_of(shown, total, chosen, lang, script);
            // Labels shown in Chinese for want of English are counted once, here.
            match app
                .data()
                .figures
                .iter()
                .filter(|figure| figure.label.lacks(lang))
                .count()
            {
                0 => counts,
                untranslated => format!(
                    "{counts} ⋅ {}",
                    strings::labels_in_chinese(untranslated, lang, script)
                ),
            }
        };
        // The counts are kept whole; the title or filter on the left is cut first.
        let right_width = u16::try_from(text::width(&right) + 1)
            .unwrap_or(u16::MAX)
            .min(area.width);
        let left_area = Rect::new(area.x, area.y, area.width - right_width, 1);
        let right_area = Rect::new(left_area.right(), area.y, right_width, 1);
        put_aligned(buf, right_area, &right, palette.status, Align::Right);
        let filter = app.filter();
        if filter.is_active() {
            let mut parts = Vec::new();
            if !filter.topics.is_empty() {
                let names: Vec<&str> = app
                    .data()
                    .themes
                    .iter()
                    .filter(|t| filter.topics.contains(&t.id))
                    .map(|t| t.label.get(lang, script))
                    .collect();
                parts.push(strings::labelled(
                    strings::FILTER_TOPICS,
                    &names.join(strings::name_separator(lang)),
                    lang,
                    script,
                ));
            }
            if !filter.text.trim().is_empty() {
                parts.push(strings::labelled(
                    strings::FILTER_TEXT,
                    filter.text.trim(),
                    lang,
                    script,
                ));
            }
            let summary = format!(" {}", parts.join(" ⋅ "));
            let clears = app
                .options()
                .keys
                .respell(strings::ESC_CLEARS.get(lang, script), &[("Esc", "back")]);
            let hint = strings::in_brackets(&clears, lang);
            put_pieces(
                buf,
                left_area,
                [
                    (summary.as_str(), palette.status.patch(palette.prompt)),
                    (hint.as_str(), palette.status),
                ],
            );
        } else {
            let meta = &app.data().meta;
            let title = format!(" {} ⋅ {}", meta.title.get(lang, script), meta.event_date);
            put(buf, left_area, &title, palette.status);
        }
    }
}

/// The footer: key hints, as many as fit whole.
#[derive(Debug)]
pub struct KeyHints<'a> {
    pub hints: &'a [Hint<'a>],
    pub look: Look<'a>,
}

impl Widget for &KeyHints<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Look {
            lang,
            script,
            palette,
        } = self.look;
        let mut x = area.x;
        for hint in self.hints {
            let text = hint.text.get(lang, script);
            let needed = u16::try_from(text::width(hint.keys) + 1 + text::width(text) + 2)
                .unwrap_or(u16::MAX);
            if x + needed > area.right() + 2 {
                break;
            }
            let rest = Rect::new(x, area.y, area.right() - x, 1);
            x += put_pieces(
                buf,
                rest,
                [
                    (hint.keys, palette.key),
                    (" ", palette.hint),
                    (text, palette.hint),
                ],
            ) + 2;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::strings::Phrase;
    use crate::data::{Lang, Script};
    use crate::ui::tests::unstyled;

    #[test]
    fn hints_that_do_not_fit_whole_are_left_out() {
        let hint = |keys, en| Hint {
            keys,
            text: Phrase {
                hans: en,
                hant: en,
                en,
            },
            pair: false,
        };
        let hints = [hint("?", "help"), hint("q", "quit"), hint("Tab", "tabs")];
        let palette = Palette::plain();
        let widget = KeyHints {
            hints: &hints,
            look: Look {
                lang: Lang::En,
                script: Script::Hans,
                palette: &palette,
            },
        };
        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 1));
        widget.render(buf.area, &mut buf);
        assert_eq!(unstyled(&buf), Buffer::with_lines(["? help  q quit      "]));
    }

    #[test]
    fn a_narrow_status_line_keeps_the_counts_whole_and_cuts_the_filter() {
        let mut app = crate::app::fixture::app(Script::Hans, Lang::Zh);
        app.resize(40, 12);
        for c in "/快递".chars() {
            app.handle_key(crossterm::event::KeyEvent::from(
                crossterm::event::KeyCode::Char(c),
            ));
        }
        app.handle_key(crossterm::event::KeyEvent::from(
            crossterm::event::KeyCode::Enter,
        ));
        let palette = Palette::plain();
        let widget = StatusLine {
            app: &app,
            palette: &palette,
        };
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 1));
        widget.render(buf.area, &mut buf);
        let (shown, total) = app.figures_shown();
        let counts = strings::shown_of(shown, total, false, Lang::Zh, Script::Hans);
        let row = crate::ui::buffer_text(&buf).join("");
        assert!(row.trim_end().ends_with(&counts), "{row}");
        assert!(row.starts_with(" 文字：快"), "full-width colon, cut: {row}");
    }

    #[test]
    fn a_report_takes_the_status_line_until_the_next_key() {
        let mut app = crate::app::fixture::app(Script::Hant, Lang::Zh);
        let palette = Palette::plain();
        let line = |app: &App| {
            let mut buf = Buffer::empty(Rect::new(0, 0, 80, 1));
            StatusLine {
                app,
                palette: &palette,
            }
            .render(buf.area, &mut buf);
            crate::ui::buffer_text(&buf).join("")
        };
        app.report(crate::app::effect::Report::Exported {
            count: 3,
            path: "./pressdash-figures-all.csv".into(),
        });
        assert_eq!(
            line(&app).trim_end(),
            " 已匯出 3 項數據到 ./pressdash-figures-all.csv。"
        );
        app.handle_key(crossterm::event::KeyEvent::from(
            crossterm::event::KeyCode::Char('j'),
        ));
        assert!(!line(&app).contains("已匯出"), "{}", line(&app));
    }
}
