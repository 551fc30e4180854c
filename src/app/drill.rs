//! The drill-down of a figure: what it says, who said it, the sentence it comes from and the
//! figures linked to it, as styled lines for a given width.
//!
//! Built only while the popup is open; the app uses the line count to scroll, the UI draws
//! the lines.

use ratatui::layout::Rect;

use crate::app::App;
use crate::app::layout;
use crate::app::strings::{self, Phrase};
use crate::data::{Figure, Lang, Script};
use crate::text::{self, sanitize};

/// What a piece of a line is, for the theme to style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    Value,
    Damaged,
    /// A field name (时间, 发言人).
    Field,
    Text,
    /// The figure within its source sentence.
    Highlight,
    Muted,
}

/// One line of the popup: pieces of text, each with its role.
pub type Line = Vec<(String, Role)>;

/// The widest the popup gets, borders included.
const POPUP_WIDTH: u16 = 76;

/// Where the drill-down of `figure` goes in `body`, and its lines for that width.
pub fn layout(app: &App, figure: usize, body: Rect) -> (Rect, Vec<Line>) {
    let wide = layout::popup(body, POPUP_WIDTH, body.height);
    let inside = wide.width.saturating_sub(layout::POPUP_FRAME_WIDTH);
    let lines = lines(app, figure, usize::from(inside));
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    (layout::popup(body, POPUP_WIDTH, height), lines)
}

/// The lines of `figure`'s drill-down at `width` columns inside the border and padding.
pub fn lines(app: &App, figure: usize, width: usize) -> Vec<Line> {
    let (lang, script) = (app.lang(), app.script());
    let Some(f) = app.data().figures.get(figure) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    wrap_into(
        &mut out,
        &sanitize(f.label.get(lang, script)),
        width,
        Role::Title,
    );
    out.push(value_line(f, lang, script));
    if let Some(period) = &f.period {
        out.push(field(
            strings::PERIOD,
            strings::period(period, lang, script),
            lang,
            script,
        ));
    }
    if let Some(speaker) = app.data().speakers.iter().find(|s| s.id == f.speaker) {
        let (name, title) = (
            speaker.name.get(lang, script),
            speaker.title.get(lang, script),
        );
        let who = match lang {
            Lang::Zh => format!("{name}（{title}）"),
            Lang::En => format!("{name} ({title})"),
        };
        out.push(field(
            strings::SPEAKER,
            sanitize(&who).into_owned(),
            lang,
            script,
        ));
    }
    let topics: Vec<&str> = std::iter::once(&f.theme)
        .chain(&f.tags)
        .filter_map(|id| app.data().themes.iter().find(|t| &t.id == id))
        .map(|t| t.label.get(lang, script))
        .collect();
    out.push(field(
        strings::TOPICS,
        sanitize(&topics.join(" · ")).into_owned(),
        lang,
        script,
    ));
    out.push(Vec::new());
    out.push(vec![(
        strings::SOURCE.get(lang, script).to_string(),
        Role::Field,
    )]);
    source_lines(&mut out, f, script, width);
    linked_lines(&mut out, app, f, lang, script);
    out
}

fn value_line(f: &Figure, lang: Lang, script: Script) -> Line {
    let value = strings::figure_value(f, lang, script);
    match &f.damaged {
        Some(damage) => vec![
            (value, Role::Damaged),
            (
                format!(
                    " — {}: {}",
                    strings::DAMAGED.get(lang, script),
                    sanitize(damage.note.get(lang, script))
                ),
                Role::Damaged,
            ),
        ],
        None => vec![(value, Role::Value)],
    }
}

fn field(name: Phrase, value: String, lang: Lang, script: Script) -> Line {
    vec![
        (format!("{}  ", name.get(lang, script)), Role::Field),
        (value, Role::Text),
    ]
}

/// The source sentence wrapped (always Chinese), the figure's own text highlighted.
fn source_lines(out: &mut Vec<Line>, f: &Figure, script: Script, width: usize) {
    let sentence = sanitize(f.source.sentence.get(script));
    let (span, sentence_span) = match script {
        Script::Hans => (f.source.span.hans, f.source.sentence_span.hans),
        Script::Hant => (f.source.span.hant, f.source.sentence_span.hant),
    };
    // Offsets count chars within the paragraph; make them bytes within the sentence.
    let byte_at = |chars: usize| {
        sentence
            .char_indices()
            .nth(chars)
            .map_or(sentence.len(), |(b, _)| b)
    };
    let start = byte_at(span.start.saturating_sub(sentence_span.start));
    let end = byte_at(span.end.saturating_sub(sentence_span.start)).max(start);
    let indent = 2;
    let Ok(rows) = text::wrap(&sentence, width.saturating_sub(indent)) else {
        return;
    };
    for row in rows {
        let mut line = vec![(" ".repeat(indent), Role::Text)];
        let cuts = [
            row.range.start,
            start.clamp(row.range.start, row.range.end),
            end.clamp(row.range.start, row.range.end),
            row.range.end,
        ];
        for (piece, role) in [
            (cuts[0]..cuts[1], Role::Text),
            (cuts[1]..cuts[2], Role::Highlight),
            (cuts[2]..cuts[3], Role::Text),
        ] {
            if !piece.is_empty() {
                line.push((sentence[piece].to_string(), role));
            }
        }
        out.push(line);
    }
}

/// The same fact stated elsewhere, and the other dates of its series.
fn linked_lines(out: &mut Vec<Line>, app: &App, f: &Figure, lang: Lang, script: Script) {
    let repeats: Vec<&Figure> = f.repeats.iter().filter_map(|id| app.figure(id)).collect();
    if !repeats.is_empty() {
        out.push(Vec::new());
        out.push(vec![(
            strings::REPEATS.get(lang, script).to_string(),
            Role::Field,
        )]);
        for other in repeats {
            out.push(linked(other, lang, script, false));
        }
    }
    let series = f
        .series
        .as_ref()
        .and_then(|id| app.data().series.iter().find(|s| &s.id == id));
    if let Some(series) = series {
        out.push(Vec::new());
        out.push(vec![
            (
                format!("{}  ", strings::SERIES.get(lang, script)),
                Role::Field,
            ),
            (
                sanitize(series.label.get(lang, script)).into_owned(),
                Role::Text,
            ),
        ]);
        for other in series.figures.iter().filter_map(|id| app.figure(id)) {
            out.push(linked(other, lang, script, other.id == f.id));
        }
    }
}

/// `· 2022年6月  1.86亿人次` for a linked figure; the figure itself marked `▸`.
fn linked(f: &Figure, lang: Lang, script: Script, this: bool) -> Line {
    let when = f
        .period
        .as_ref()
        .map(|p| strings::period(p, lang, script))
        .unwrap_or_default();
    let marker = if this { "▸ " } else { "· " };
    let when = if when.is_empty() {
        when
    } else {
        format!("{when}  ")
    };
    vec![
        (format!("  {marker}"), Role::Muted),
        (when, Role::Text),
        (
            strings::figure_value(f, lang, script),
            if f.damaged.is_some() {
                Role::Damaged
            } else {
                Role::Value
            },
        ),
        (
            format!("  {}", sanitize(f.label.get(lang, script))),
            Role::Muted,
        ),
    ]
}

fn wrap_into(out: &mut Vec<Line>, text: &str, width: usize, role: Role) {
    match text::wrap(text, width) {
        Ok(rows) => out.extend(
            rows.iter()
                .map(|row| vec![(row.slice(text).to_string(), role)]),
        ),
        Err(_) => out.push(vec![(text.to_string(), role)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::fixture;

    fn text_of(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.iter().map(|(t, _)| t.as_str()).collect())
            .collect()
    }

    #[test]
    fn shows_value_period_speaker_and_highlighted_source() {
        let app = fixture::app(Script::Hans, Lang::Zh);
        let lines = lines(&app, 0, 40);
        let text = text_of(&lines);
        assert_eq!(text[0], "全国快递业务量");
        assert_eq!(text[1], "8,122.4万件");
        assert!(text.iter().any(|l| l.contains("2021年")));
        assert!(text.iter().any(|l| l.contains("王利中（研究室主任）")));
        let highlighted: Vec<&str> = lines
            .iter()
            .flatten()
            .filter(|(_, r)| *r == Role::Highlight)
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(highlighted, ["8122.4万件"]);
        // The repeat is linked.
        assert!(text.iter().any(|l| l.contains("约8,122.4万件")));
    }

    #[test]
    fn a_damaged_figure_says_so() {
        let app = fixture::app(Script::Hant, Lang::En);
        let medal = app
            .data()
            .figures
            .iter()
            .position(|f| f.damaged.is_some())
            .expect("the fixture has a damaged figure");
        let lines = lines(&app, medal, 60);
        assert_eq!(lines[1][0], ("?650".to_string(), Role::Damaged));
        assert!(lines[1][1].0.contains("damaged in source"));
    }

    #[test]
    fn series_mark_the_figure_itself() {
        let app = fixture::app(Script::Hans, Lang::Zh);
        let latest = app
            .data()
            .figures
            .iter()
            .position(|f| f.id == "f-training-2022")
            .expect("fixture figure");
        let text = text_of(&lines(&app, latest, 60));
        assert!(text.iter().any(|l| l.contains("▸ 截至2022年6月")));
        assert!(text.iter().any(|l| l.contains("· 截至2021年12月")));
    }

    #[test]
    fn wrapped_title_and_source_fit_the_width() {
        let app = fixture::app(Script::Hant, Lang::Zh);
        for width in [4, 9, 30] {
            for figure in 0..app.data().figures.len() {
                let wrapped: Vec<Line> = lines(&app, figure, width)
                    .into_iter()
                    .filter(|l| {
                        l.first().is_some_and(|(text, role)| {
                            *role == Role::Title || (*role == Role::Text && text == "  ")
                        })
                    })
                    .collect();
                assert!(wrapped.len() >= 2, "a title and a sentence");
                for line in wrapped {
                    let columns: usize = line.iter().map(|(t, _)| text::width(t)).sum();
                    assert!(columns <= width, "{line:?} wider than {width}");
                }
            }
        }
    }
}
