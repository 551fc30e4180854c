//! The drill-down of a figure: what it says, who said it, the sentence it comes from and the
//! figures linked to it, as styled lines for a given width.
//!
//! Built when the popup opens and again only when its width, script or language change; the
//! popup keeps the lines to scroll them, the UI draws them.

use crate::app::App;
use crate::app::strings::{self, Phrase};
use crate::data::{Figure, Lang, Script};
use crate::text::{self, Magnitude, sanitize};

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
    /// What the text filter found in the title.
    Matched,
    Muted,
}

/// One line of the popup: pieces of text, each with its role.
pub type DrillLine = Vec<(String, Role)>;

/// The lines of `figure`'s drill-down at `width` columns inside the border and padding.
/// Every line is wrapped to the width, styles kept across the breaks.
pub fn lines(app: &App, figure: usize, width: usize) -> Vec<DrillLine> {
    let (lang, script) = (app.lang(), app.script());
    let Some(f) = app.data().figures.get(figure) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut add = |pieces: DrillLine, indent: usize| out.extend(wrap_line(&pieces, width, indent));
    add(title_pieces(app, f), 0);
    if f.label.lacks(lang) {
        add(
            vec![(
                strings::LABEL_IN_CHINESE.get(lang, script).to_owned(),
                Role::Muted,
            )],
            0,
        );
    }
    add(value_line(f, lang, script), 0);
    if let Some(period) = &f.period {
        add(
            field(
                strings::PERIOD,
                strings::period(period, lang, script),
                lang,
                script,
            ),
            0,
        );
    }
    if let Some(speaker) = app.data().speaker(&f.speaker) {
        let (name, title) = (
            speaker.name.get(lang, script),
            speaker.title.get(lang, script),
        );
        let who = strings::name_and_title(name, title, lang);
        add(
            field(strings::SPEAKER, sanitize(&who).into_owned(), lang, script),
            0,
        );
    }
    let topics: Vec<&str> = std::iter::once(&f.theme)
        .chain(&f.tags)
        .filter_map(|id| app.data().themes.iter().find(|t| &t.id == id))
        .map(|t| t.label.get(lang, script))
        .collect();
    add(
        field(
            strings::TOPICS,
            sanitize(&topics.join(strings::name_separator(lang))).into_owned(),
            lang,
            script,
        ),
        0,
    );
    add(Vec::new(), 0);
    add(
        vec![(strings::SOURCE.get(lang, script).to_string(), Role::Field)],
        0,
    );
    add(source_line(f, script), SOURCE_INDENT);
    for (pieces, indent) in linked_lines(app, f, lang, script) {
        add(pieces, indent);
    }
    out
}

/// The source sentence and linked figures are indented under their heading.
const SOURCE_INDENT: usize = 2;

fn value_line(f: &Figure, lang: Lang, script: Script) -> DrillLine {
    let value = strings::figure_value(f, Magnitude::Words, lang, script);
    match &f.damaged {
        Some(damage) => vec![
            (value, Role::Damaged),
            (
                format!(
                    " — {}",
                    strings::labelled(
                        strings::DAMAGED,
                        &sanitize(damage.note.get(lang, script)),
                        lang,
                        script
                    )
                ),
                Role::Damaged,
            ),
        ],
        None => vec![(value, Role::Value)],
    }
}

/// The field names of the drill-down, padded to one width so their values line up.
const FIELDS: [Phrase; 3] = [strings::PERIOD, strings::SPEAKER, strings::TOPICS];

fn field(name: Phrase, value: String, lang: Lang, script: Script) -> DrillLine {
    let column = FIELDS
        .iter()
        .map(|field| text::width(field.get(lang, script)))
        .max()
        .unwrap_or(0);
    let name = text::pad_to(name.get(lang, script), column, text::Align::Left);
    vec![(format!("{name}  "), Role::Field), (value, Role::Text)]
}

/// The source sentence (always Chinese), the figure's own text highlighted.
fn source_line(f: &Figure, script: Script) -> DrillLine {
    let sentence = sanitize(f.source.sentence.get(script));
    let (span, sentence_span) = (
        f.source.span.get(script),
        f.source.sentence_span.get(script),
    );
    // Offsets count chars within the paragraph; make them bytes within the sentence.
    let byte_at = |chars: usize| {
        sentence
            .char_indices()
            .nth(chars)
            .map_or(sentence.len(), |(b, _)| b)
    };
    let start = byte_at(span.start.saturating_sub(sentence_span.start));
    let end = byte_at(span.end.saturating_sub(sentence_span.start)).max(start);
    vec![
        (sentence[..start].to_string(), Role::Text),
        (sentence[start..end].to_string(), Role::Highlight),
        (sentence[end..].to_string(), Role::Text),
    ]
}

/// The same fact stated elsewhere, and the other dates of its series, with their indents.
fn linked_lines(app: &App, f: &Figure, lang: Lang, script: Script) -> Vec<(DrillLine, usize)> {
    let mut out = Vec::new();
    let repeats: Vec<&Figure> = f.repeats.iter().filter_map(|id| app.figure(id)).collect();
    if !repeats.is_empty() {
        // Every statement in dataset order, this one marked: where each was said, and by whom.
        let mut said: Vec<&Figure> = repeats;
        said.push(f);
        said.sort_by_key(|g| app.data().figures.iter().position(|h| h.id == g.id));
        out.push((Vec::new(), 0));
        out.push((
            vec![(strings::said_at(said.len(), lang, script), Role::Field)],
            0,
        ));
        for statement in said {
            out.push((
                place_line(app, statement, lang, script, statement.id == f.id),
                SOURCE_INDENT,
            ));
        }
    }
    let series = f
        .series
        .as_ref()
        .and_then(|id| app.data().series.iter().find(|s| &s.id == id));
    if let Some(series) = series {
        out.push((Vec::new(), 0));
        out.push((
            vec![
                (
                    format!("{}  ", strings::SERIES.get(lang, script)),
                    Role::Field,
                ),
                (
                    sanitize(series.label.get(lang, script)).into_owned(),
                    Role::Text,
                ),
            ],
            0,
        ));
        for other in series.figures.iter().filter_map(|id| app.figure(id)) {
            out.push((linked(other, lang, script, other.id == f.id), SOURCE_INDENT));
        }
    }
    out
}

/// `· 8.2万家  王晓峰  问4 标题` for one statement of a fact said several times: its value, its
/// speaker and its transcript item; the figure itself marked `▸`.
fn place_line(app: &App, f: &Figure, lang: Lang, script: Script, this: bool) -> DrillLine {
    let speaker = app
        .data()
        .speaker(&f.speaker)
        .map_or("", |s| s.name.get(lang, script));
    let item = app
        .data()
        .segments
        .iter()
        .find(|s| s.id == f.source.segment)
        .map_or("", |s| s.title.get(lang, script));
    vec![
        (if this { "▸ " } else { "⋅ " }.to_string(), Role::Muted),
        (
            strings::figure_value(f, Magnitude::Words, lang, script),
            value_role(f),
        ),
        (format!("  {}", sanitize(speaker)), Role::Text),
        (format!("  {}", sanitize(item)), Role::Muted),
    ]
}

fn value_role(f: &Figure) -> Role {
    if f.damaged.is_some() {
        Role::Damaged
    } else {
        Role::Value
    }
}

/// `· 2022年6月  1.86亿人次  label` for a linked figure; the figure itself marked `▸`.
fn linked(f: &Figure, lang: Lang, script: Script, this: bool) -> DrillLine {
    let when = f
        .period
        .as_ref()
        .map(|p| format!("{}  ", strings::period(p, lang, script)))
        .unwrap_or_default();
    let marker = if this { "▸ " } else { "⋅ " };
    vec![
        (marker.to_string(), Role::Muted),
        (when, Role::Text),
        (
            strings::figure_value(f, Magnitude::Words, lang, script),
            value_role(f),
        ),
        (
            format!("  {}", sanitize(f.label.get(lang, script))),
            Role::Muted,
        ),
    ]
}

/// The figure's label as the title, what the text filter found in it marked.
fn title_pieces(app: &App, figure: &Figure) -> DrillLine {
    let label = sanitize(figure.label.get(app.lang(), app.script()));
    let mut pieces = Vec::new();
    let mut at = 0;
    for span in app.label_spans(&figure.label, &label) {
        pieces.push((label[at..span.start].to_string(), Role::Title));
        pieces.push((label[span.clone()].to_string(), Role::Matched));
        at = span.end;
    }
    pieces.push((label[at..].to_string(), Role::Title));
    pieces.retain(|(text, _)| !text.is_empty());
    pieces
}

/// The fewest columns a hanging line keeps for what follows its head; narrower, it wraps
/// under its head instead.
const HANG_LEAST: usize = 12;

/// Wraps a line of styled pieces to `width` columns, each row indented by `indent` spaces;
/// every piece keeps its role on whichever rows it lands. A line that starts with a field
/// name or a list marker (`▸`, `⋅`) before more pieces hangs: its rows after the first start
/// under what follows the head, so values line up. An empty line stays one empty row; too
/// narrow a width gives the line unwrapped, for the drawing to cut.
fn wrap_line(pieces: &[(String, Role)], width: usize, indent: usize) -> Vec<DrillLine> {
    let head = match pieces {
        [(head, Role::Field | Role::Muted), _, ..]
            if width.saturating_sub(indent + text::width(head)) >= HANG_LEAST =>
        {
            Some(&pieces[0])
        }
        _ => None,
    };
    let (rest, hang) = match head {
        Some((head, _)) => (&pieces[1..], text::width(head)),
        None => (pieces, 0),
    };
    let text: String = rest.iter().map(|(t, _)| t.as_str()).collect();
    if text.is_empty() && head.is_none() {
        return vec![Vec::new()];
    }
    let Ok(rows) = text::wrap(&text, width.saturating_sub(indent + hang)) else {
        return vec![
            pieces
                .iter()
                .filter(|(t, _)| !t.is_empty())
                .cloned()
                .collect(),
        ];
    };
    // Where each piece starts and ends in `text`.
    let mut bounds = Vec::with_capacity(rest.len());
    let mut at = 0;
    for (piece, role) in rest {
        bounds.push((at, at + piece.len(), *role));
        at += piece.len();
    }
    rows.iter()
        .enumerate()
        .map(|(at, row)| {
            let mut line = Vec::new();
            if indent > 0 {
                line.push((" ".repeat(indent), Role::Text));
            }
            match head {
                Some(head) if at == 0 => line.push(head.clone()),
                Some(_) => line.push((" ".repeat(hang), Role::Text)),
                None => {}
            }
            for &(start, end, role) in &bounds {
                let (from, to) = (start.max(row.range.start), end.min(row.range.end));
                if from < to {
                    line.push((text[from..to].to_string(), role));
                }
            }
            line
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::fixture;

    /// The index of the fixture's first figure that is `such`.
    fn first_figure(app: &App, such: impl Fn(&Figure) -> bool) -> usize {
        app.data()
            .figures
            .iter()
            .position(such)
            .expect("the fixture has such a figure")
    }

    fn text_of(lines: &[DrillLine]) -> Vec<String> {
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
        // Both places it was said are listed, this one marked.
        let places: Vec<&String> = text
            .iter()
            .filter(|l| l.contains("8,122.4万件") && l.contains("王利中"))
            .collect();
        assert_eq!(places.len(), 2, "{text:?}");
        assert!(text.iter().any(|l| l == "说了 2 次："), "{text:?}");
        assert_eq!(places.iter().filter(|l| l.starts_with("  ▸ ")).count(), 1);
    }

    #[test]
    fn field_values_start_in_one_column_and_topics_are_listed_with_an_ideographic_comma() {
        let app = fixture::app(Script::Hans, Lang::Zh);
        let tagged = first_figure(&app, |f| !f.tags.is_empty());
        let text = text_of(&lines(&app, tagged, 60));
        let fields: Vec<&String> = text
            .iter()
            .filter(|l| ["时间", "发言人", "主题"].iter().any(|f| l.starts_with(f)))
            .collect();
        assert!(fields.len() >= 2, "{text:?}");
        for line in &fields {
            let name_end = line.find(' ').unwrap_or_default();
            let value_start = line.len() - line[name_end..].trim_start().len();
            assert_eq!(
                text::width(&line[..value_start]),
                text::width("发言人") + 2,
                "{line}"
            );
        }
        let topics = fields
            .iter()
            .find(|l| l.starts_with("主题"))
            .expect("topics");
        assert!(topics.contains('、') && !topics.contains(" ⋅ "), "{topics}");
    }

    #[test]
    fn a_wrapped_value_continues_under_its_column_not_under_the_field_or_the_marker() {
        let app = fixture::app(Script::Hans, Lang::En);
        let repeated = first_figure(&app, |f| !f.repeats.is_empty());
        for width in [24, 30, 40] {
            let text = text_of(&lines(&app, repeated, width));
            for (at, line) in text.iter().enumerate() {
                let Some(next) = text.get(at + 1) else { break };
                let hangs = |head: &str, column: usize| {
                    line.starts_with(head)
                        && !next.trim().is_empty()
                        && next.len() - next.trim_start().len() == column
                };
                // A field's value continues under the value, a place under its value.
                if line.starts_with("Speaker  ") && !next.starts_with("Topics") {
                    assert!(hangs("Speaker  ", "Speaker  ".len()), "{text:#?}");
                }
                if line.starts_with("  ▸ ") && next.starts_with("   ") && !next.contains('⋅') {
                    assert!(hangs("  ▸ ", 4), "{text:#?}");
                }
            }
        }
        // Wrapped at all: the speaker's title and a place do not fit in 24 columns.
        let narrow = text_of(&lines(&app, repeated, 24));
        let speaker = narrow
            .iter()
            .position(|l| l.starts_with("Speaker"))
            .expect("a speaker");
        assert!(narrow[speaker + 1].starts_with("         "), "{narrow:#?}");
    }

    #[test]
    fn a_label_without_english_is_shown_in_chinese_and_says_so_in_english_only() {
        let mut data = fixture::dataset();
        data.figures[0].label.en.clear();
        let hant = data.figures[0].label.hant.clone();
        let english = text_of(&lines(
            &fixture::app_over(data.clone(), Script::Hant, Lang::En),
            0,
            60,
        ));
        assert!(english[0].starts_with(&hant), "{english:?}");
        assert!(
            english[1].starts_with("Label in Chinese: no English label was written"),
            "{english:?}"
        );
        let chinese = text_of(&lines(
            &fixture::app_over(data, Script::Hant, Lang::Zh),
            0,
            60,
        ));
        assert!(
            !chinese.iter().any(|line| line.contains("標籤")),
            "{chinese:?}"
        );
    }

    #[test]
    fn a_damaged_figure_says_so() {
        let app = fixture::app(Script::Hant, Lang::En);
        let medal = first_figure(&app, |f| f.damaged.is_some());
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
        assert!(text.iter().any(|l| l.contains("⋅ 截至2021年12月")));
    }

    #[test]
    fn every_line_fits_the_width_styles_kept() {
        let app = fixture::app(Script::Hant, Lang::En);
        for width in [4, 9, 30] {
            for figure in 0..app.data().figures.len() {
                let lines = lines(&app, figure, width);
                assert!(lines.len() >= 8, "title, value, fields, source");
                for line in &lines {
                    let columns: usize = line.iter().map(|(t, _)| text::width(t)).sum();
                    assert!(columns <= width, "{line:?} wider than {width}");
                }
            }
        }
        // The highlight survives being split over rows.
        let narrow = lines(&app, 0, 8);
        let highlighted: String = narrow
            .iter()
            .flatten()
            .filter(|(_, r)| *r == Role::Highlight)
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(highlighted, "8122.4萬件");
    }
}
