//! `pressdash figures`: every figure with its value, unit, qualifier, period, speaker and
//! source sentence, as an aligned table, CSV, JSON or a Markdown table.
//!
//! The selection is the dashboard's own [`Filter`]. CSV and JSON keep the dataset's text
//! exactly (they escape, they do not alter); the table and Markdown make control characters
//! visible, since they are read on a terminal. The table and Markdown are for people, so their
//! headers follow `--lang` and the script; CSV and JSON name their columns for machines.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::{self, IsTerminal, Write};

use serde::Serialize;

use crate::app::action::ExportFormat;
use crate::app::filter::{Filter, first_statements};
use crate::app::strings::{self, Phrase};
use crate::cli::{FiguresArgs, FiguresFormat, Settings};
use crate::commands::{Failure, load_dataset, stdout_terminal_width, write_stdout};
use crate::data::{Dataset, Figure, FigureIds, Lang, Qualifier, Script};
use crate::text::{self, Align};

/// The table's width when stdout is not a terminal.
const DEFAULT_TABLE_WIDTH: usize = 120;

/// Between two table columns.
const COLUMN_GAP: &str = "  ";

/// The source sentence is cut to no fewer columns than this: narrower, it says nothing, and
/// it is left out instead.
const PREVIEW_WIDTH: usize = 16;

/// The least a label is wrapped to while other columns can still give: narrower, its lines
/// hold a word or two.
const LABEL_WRAP_WIDTH: usize = 20;

/// The least a label is wrapped to when nothing else can give, before the table overflows.
const LABEL_LAST_WIDTH: usize = 12;

/// Column names for machines: CSV's header and JSON's keys.
const COLUMNS: [&str; 10] = [
    "id",
    "theme",
    "label",
    "value",
    "unit",
    "qualifier",
    "period",
    "speaker",
    "sentence",
    "damaged",
];

/// The headers of the columns the table and Markdown show, in the order of [`shown_rows`]'s
/// cells; named as the dashboard's figure details name them where it does. The id, theme and
/// raw damage note are for machines; a damaged value is marked in the value cell.
const SHOWN_HEADERS: [Phrase; 7] = [
    Phrase {
        hans: "指标",
        hant: "指標",
        en: "Figure",
    },
    Phrase {
        hans: "数值",
        hant: "數值",
        en: "Value",
    },
    Phrase {
        hans: "单位",
        hant: "單位",
        en: "Unit",
    },
    Phrase {
        hans: "限定词",
        hant: "限定詞",
        en: "Qualifier",
    },
    strings::PERIOD,
    strings::SPEAKER,
    strings::SOURCE,
];

/// Above a table that leaves columns out for want of room, `{}` standing for their names.
const LEFT_OUT_FOR_ROOM: Phrase = Phrase {
    hans: "宽度不够，未显示：{}（加大 --width 或用 --format csv 可见）",
    hant: "寬度不夠，未顯示：{}（加大 --width 或用 --format csv 可見）",
    en: "Not shown for want of room: {} (a wider --width, or --format csv, shows them)",
};

/// One figure as every format sees it, in the chosen language and script.
#[derive(Debug, Serialize)]
struct Record<'a> {
    id: &'a str,
    theme: &'a str,
    label: &'a str,
    /// The label is the Chinese for want of English; the table and Markdown mark it, while CSV
    /// and JSON keep their columns and the label's text exactly.
    #[serde(skip)]
    label_in_chinese: bool,
    /// Exact; `null` when the source damaged the number.
    value: Option<f64>,
    unit: &'a str,
    qualifier: Qualifier,
    period: Option<String>,
    speaker: &'a str,
    sentence: &'a str,
    /// What survives of a damaged number (`?650`).
    damaged: Option<&'a str>,
}

pub fn run(args: &FiguresArgs, settings: &Settings) -> Result<(), Failure> {
    let dataset = load_dataset(settings.data.as_ref())?;
    let filter = build_filter(&dataset, args)?;
    let passes = |figure: usize| filter.matches_figure(&dataset.figures[figure], &dataset.speakers);
    let ids = FigureIds::new(&dataset);
    // As the dashboard lists them: a fact said several times once, unless every statement
    // is asked for.
    let listed: Vec<usize> = if args.statements {
        (0..dataset.figures.len()).filter(|&f| passes(f)).collect()
    } else {
        first_statements(&dataset, &ids, passes).collect()
    };
    let (lang, script) = (settings.lang, settings.script);
    let listing = Listing {
        data: &dataset,
        figures: &listed,
        lang,
        script,
    };
    match args.format {
        FiguresFormat::Table => {
            let rows = shown_rows(&listing.records(), lang, script);
            let width = args
                .width
                .map(usize::from)
                .or_else(stdout_terminal_width)
                .unwrap_or(DEFAULT_TABLE_WIDTH);
            write_stdout(|out| write_table(out, (lang, script), &rows, width))
        }
        FiguresFormat::Md | FiguresFormat::Csv => {
            let format = if args.format == FiguresFormat::Md {
                ExportFormat::Markdown
            } else {
                ExportFormat::Csv
            };
            let cells = CsvCells {
                guard_formulas: !args.no_formula_guard,
                for_terminal: io::stdout().is_terminal(),
            };
            write_stdout(|out| write_figures(out, &listing, format, cells))
        }
        FiguresFormat::Json => {
            let json = serde_json::to_string_pretty(&listing.records()).map_err(|error| {
                Failure::data(format!("Cannot write the figures as JSON: {error}."))
            })?;
            write_stdout(|out| writeln!(out, "{}", escape_invisible(&json)))
        }
    }
}

/// Figures of a dataset to write, in the language and script of their text.
#[derive(Debug, Clone, Copy)]
pub struct Listing<'a> {
    pub data: &'a Dataset,
    /// Indices into the dataset's figures, in the order written.
    pub figures: &'a [usize],
    pub lang: Lang,
    pub script: Script,
}

impl<'a> Listing<'a> {
    fn records(&self) -> Vec<Record<'a>> {
        self.figures
            .iter()
            .map(|&figure| {
                record(
                    self.data,
                    &self.data.figures[figure],
                    self.lang,
                    self.script,
                )
            })
            .collect()
    }
}

/// The figures as CSV or as a Markdown table, exactly as `figures --format csv|md` prints
/// them; the dashboard's export writes its files with this too.
pub fn write_figures(
    out: &mut dyn Write,
    listing: &Listing,
    format: ExportFormat,
    cells: CsvCells,
) -> io::Result<()> {
    let (lang, script) = (listing.lang, listing.script);
    let records = listing.records();
    match format {
        ExportFormat::Csv => write_csv(out, &records, cells),
        ExportFormat::Markdown => write_markdown(
            out,
            &shown_headers(lang, script),
            &shown_rows(&records, lang, script),
        ),
    }
}

/// The dashboard's filter for `--theme` and `--grep`; an unknown theme id is a usage error
/// that lists the valid ones.
fn build_filter(dataset: &Dataset, args: &FiguresArgs) -> Result<Filter, Failure> {
    let known: Vec<&str> = dataset
        .themes
        .iter()
        .map(|theme| theme.id.as_str())
        .collect();
    if let Some(unknown) = args.themes.iter().find(|id| !known.contains(&id.as_str())) {
        return Err(Failure::usage(format!(
            "There is no theme `{unknown}`. Valid theme ids: {}.",
            known.join(", ")
        )));
    }
    Ok(Filter {
        topics: args.themes.iter().cloned().collect::<BTreeSet<_>>(),
        text: args.grep.clone().unwrap_or_default(),
    })
}

fn record<'a>(dataset: &'a Dataset, figure: &'a Figure, lang: Lang, script: Script) -> Record<'a> {
    let speaker = dataset
        .speaker(&figure.speaker)
        .map_or(figure.speaker.as_str(), |speaker| {
            speaker.name.get(lang, script)
        });
    Record {
        id: &figure.id,
        theme: &figure.theme,
        label: figure.label.get(lang, script),
        label_in_chinese: figure.label.lacks(lang),
        value: figure.value,
        unit: figure.unit.written(lang, script),
        qualifier: figure.qualifier,
        period: figure
            .period
            .as_ref()
            .map(|period| strings::period(period, lang, script)),
        speaker,
        sentence: figure.source.sentence.get(script),
        damaged: figure
            .damaged
            .as_ref()
            .map(|damage| damage.surviving.as_str()),
    }
}

/// The cells under [`SHOWN_HEADERS`] as a reader sees them: numbers formatted for the language,
/// a damaged value marked, every text safe to print and on one line.
fn shown_rows(records: &[Record], lang: Lang, script: Script) -> Vec<Vec<String>> {
    records
        .iter()
        .map(|record| {
            let value = match (record.value, record.damaged) {
                (_, Some(surviving)) => {
                    format!("{surviving} ({})", strings::DAMAGED.get(lang, script))
                }
                (Some(value), None) => match lang {
                    Lang::Zh => text::format_zh(value, script),
                    Lang::En => text::format_en_words(value),
                },
                (None, None) => String::new(),
            };
            let label = if record.label_in_chinese {
                Cow::Owned(format!(
                    "{} ({})",
                    record.label,
                    strings::IN_CHINESE.get(lang, script)
                ))
            } else {
                Cow::Borrowed(record.label)
            };
            let cells = [
                &*label,
                &value,
                record.unit,
                strings::qualifier(record.qualifier, lang, script),
                record.period.as_deref().unwrap_or_default(),
                record.speaker,
                record.sentence,
            ];
            cells
                .iter()
                .map(|cell| text::sanitize(cell).into_owned())
                .collect()
        })
        .collect()
}

fn shown_headers(lang: Lang, script: Script) -> [&'static str; SHOWN_HEADERS.len()] {
    SHOWN_HEADERS.map(|header| header.get(lang, script))
}

/// How a column under [`SHOWN_HEADERS`] gives up width when the table is too wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Give {
    /// Wraps onto more lines under itself, down to its longest word (the label, which breaks
    /// anywhere in Chinese, to [`LABEL_WRAP_WIDTH`]); nothing of it is ever cut: a value or
    /// a date cut short would read as another.
    Wrap,
    /// Wraps as [`Give::Wrap`] does, and is left out, in this order (lower first), when the
    /// table still does not fit.
    WrapOrLeaveOut(u8),
    /// Is cut, down to [`PREVIEW_WIDTH`], before anything wraps; left out first.
    Cut,
}

/// Per column of [`SHOWN_HEADERS`]: the label, value, unit and qualifier wrap; the speaker
/// and the period wrap and are left out, in that order, when even wrapped they do not fit;
/// the source sentence, a preview of what `--format csv` gives whole, is cut.
const GIVE: [Give; SHOWN_HEADERS.len()] = [
    Give::Wrap,
    Give::Wrap,
    Give::Wrap,
    Give::Wrap,
    Give::WrapOrLeaveOut(2),
    Give::WrapOrLeaveOut(1),
    Give::Cut,
];

/// The label: the column that takes what is left and the one a reader looks for first.
const LABEL_COLUMN: usize = 0;

/// The value, with a note after it when the source damaged it.
const VALUE_COLUMN: usize = 1;

/// The cells under `headers`, aligned by display width within `width` columns where possible
/// (see [`fit_columns`]). A column left out because it says the same on every row is named
/// once, with its value, on a line above the table; one left out for want of room is named
/// there too, with how to see it.
fn write_table(
    out: &mut dyn Write,
    (lang, script): (Lang, Script),
    rows: &[Vec<String>],
    width: usize,
) -> io::Result<()> {
    let headers = shown_headers(lang, script);
    let columns: Vec<Column> = (0..headers.len())
        .map(|column| {
            let cells = || rows.iter().map(|row| row[column].as_str());
            let widest = |measure: fn(&str) -> usize| {
                cells()
                    .chain([headers[column]])
                    .map(measure)
                    .max()
                    .unwrap_or_default()
            };
            let natural = widest(text::width);
            let least = match GIVE[column] {
                // Chinese breaks between any two characters but inside a number or a word.
                _ if column == LABEL_COLUMN => LABEL_WRAP_WIDTH.max(widest(longest_run)),
                // The value itself stays on one line; a note after it may wrap.
                _ if column == VALUE_COLUMN => {
                    widest(|cell| text::width(cell.split(" (").next().unwrap_or(cell)))
                }
                Give::Cut => PREVIEW_WIDTH.max(text::width(headers[column])),
                Give::Wrap | Give::WrapOrLeaveOut(_) => widest(longest_word),
            };
            let last = if column == LABEL_COLUMN {
                LABEL_LAST_WIDTH.max(widest(longest_run))
            } else {
                least
            };
            let first = cells().next().unwrap_or_default();
            Column {
                natural,
                least: least.min(natural),
                last: last.min(least).min(natural),
                constant: rows.len() > 1 && cells().all(|cell| cell == first),
                give: GIVE[column],
            }
        })
        .collect();
    let widths = fit_columns(&columns, width);
    let mut above: Vec<String> = widths
        .iter()
        .enumerate()
        .filter(|&(column, shown)| {
            shown.is_none() && columns[column].constant && !rows[0][column].is_empty()
        })
        .map(|(column, _)| format!("{}: {}", headers[column], rows[0][column]))
        .collect();
    let for_room: Vec<&str> = (0..headers.len())
        .filter(|&column| widths[column].is_none() && !columns[column].constant)
        .map(|column| headers[column])
        .collect();
    if !for_room.is_empty() {
        let names = for_room.join(if lang == Lang::En { ", " } else { "、" });
        above.push(LEFT_OUT_FOR_ROOM.get(lang, script).replace("{}", &names));
    }
    if !above.is_empty() {
        let note = above.join(COLUMN_GAP);
        match text::wrap(&note, width) {
            Ok(rows) => rows
                .iter()
                .try_for_each(|row| writeln!(out, "{}", row.slice(&note).trim_end()))?,
            Err(_) => writeln!(out, "{note}")?,
        }
    }
    let header_cells: Vec<String> = headers.iter().map(|&h| h.to_owned()).collect();
    for cells in std::iter::once(&header_cells).chain(rows) {
        // A cell wider than a column that wraps goes on over more lines, by the line
        // breaker, under itself; the other cells stay on the row's first line.
        let lines: Vec<Vec<&str>> = cells
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(column, (cell, shown))| match shown {
                Some(shown) if text::width(cell) > *shown && GIVE[column] != Give::Cut => {
                    text::wrap(cell, *shown).map_or_else(
                        |_| vec![cell.as_str()],
                        |rows| rows.iter().map(|row| row.slice(cell)).collect(),
                    )
                }
                _ => vec![cell.as_str()],
            })
            .collect();
        let height = lines.iter().map(Vec::len).max().unwrap_or(1);
        for line_index in 0..height {
            let line: Vec<String> = lines
                .iter()
                .zip(&widths)
                .filter_map(|(cell_lines, shown)| {
                    let cell = cell_lines.get(line_index).copied().unwrap_or_default();
                    shown.map(|shown| text::pad_to(cell, shown, Align::Left))
                })
                .collect();
            writeln!(out, "{}", line.join(COLUMN_GAP).trim_end())?;
        }
    }
    Ok(())
}

/// The width of the widest space-separated word of `cell`: the least it wraps to without a
/// word broken.
fn longest_word(cell: &str) -> usize {
    cell.split(' ').map(text::width).max().unwrap_or_default()
}

/// The width of the widest run of narrow characters between spaces, wide characters and the
/// ends of hyphens: the least a label in Chinese, English or both wraps to without a number
/// or a word broken where the line breaker would not break it.
fn longest_run(cell: &str) -> usize {
    cell.split(|c: char| c == ' ' || text::grapheme_width(c.encode_utf8(&mut [0; 4])) > 1)
        .flat_map(|run| run.split_inclusive('-'))
        .map(text::width)
        .max()
        .unwrap_or_default()
}

/// What fitting the table needs to know of a column.
#[derive(Debug, Clone, Copy)]
struct Column {
    /// The width of its widest cell or header.
    natural: usize,
    /// The least it wraps or is cut to (its natural width if smaller).
    least: usize,
    /// The least it wraps to when nothing else can give (for the label, less than `least`).
    last: usize,
    /// Every row says the same (and there is more than one row).
    constant: bool,
    give: Give,
}

/// Each column's width, `None` for a column left out, to fit `width` with the gaps, taking
/// as little from the reader as it can at each step:
/// - every column at its natural width when that fits;
/// - else the columns that say the same on every row are left out (and named above);
/// - the source sentence is cut;
/// - the label wraps, down to its least, then the other columns that wrap, each in turn;
/// - the columns that may be left out go, the source sentence's preview first, then the
///   speaker and the period, until the table fits; what that frees goes back to the columns
///   that wrap, the label first.
///
/// The columns never left out keep their least width even if the table then overflows.
fn fit_columns(columns: &[Column], width: usize) -> Vec<Option<usize>> {
    let total = |widths: &[Option<usize>]| {
        let shown = widths.iter().flatten().count();
        widths.iter().flatten().sum::<usize>() + COLUMN_GAP.len() * shown.saturating_sub(1)
    };
    let mut widths: Vec<Option<usize>> = columns.iter().map(|c| Some(c.natural)).collect();
    if total(&widths) <= width {
        return widths;
    }
    for (shown, column) in widths.iter_mut().zip(columns) {
        if column.constant {
            *shown = None;
        }
    }
    let cut_first = (0..columns.len()).filter(|&c| columns[c].give == Give::Cut);
    let label_next = std::iter::once(LABEL_COLUMN);
    let wrapped_then =
        (0..columns.len()).filter(|&c| c != LABEL_COLUMN && columns[c].give != Give::Cut);
    for column in cut_first.chain(label_next).chain(wrapped_then) {
        let over = total(&widths).saturating_sub(width);
        if over == 0 {
            return widths;
        }
        if let Some(current) = widths[column] {
            widths[column] = Some(current.saturating_sub(over).max(columns[column].least));
        }
    }
    let mut leave_out: Vec<(u8, usize)> = (0..columns.len())
        .filter_map(|c| match columns[c].give {
            Give::Cut => Some((0, c)),
            Give::WrapOrLeaveOut(order) => Some((order, c)),
            Give::Wrap => None,
        })
        .collect();
    leave_out.sort_unstable();
    for (_, column) in leave_out {
        if total(&widths) <= width {
            break;
        }
        widths[column] = None;
    }
    // Last, the label wraps tighter than is comfortable rather than the table overflowing.
    let over = total(&widths).saturating_sub(width);
    if let Some(label) = widths[LABEL_COLUMN] {
        widths[LABEL_COLUMN] = Some(label.saturating_sub(over).max(columns[LABEL_COLUMN].last));
    }
    let wrapped = std::iter::once(LABEL_COLUMN)
        .chain((0..columns.len()).filter(|&c| c != LABEL_COLUMN && columns[c].give != Give::Cut));
    for column in wrapped {
        let room = width.saturating_sub(total(&widths));
        if let Some(current) = widths[column] {
            widths[column] = Some((current + room).min(columns[column].natural));
        }
    }
    widths
}

fn write_markdown(out: &mut dyn Write, headers: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
    writeln!(out, "| {} |", headers.join(" | "))?;
    writeln!(out, "|{}", "---|".repeat(headers.len()))?;
    for row in rows {
        let cells: Vec<String> = row.iter().map(|cell| markdown_cell(cell)).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

/// A cell's text as Markdown shows it literally: `|` would end the cell, `\\` escape the next
/// character, `[`, `]` make a link or image, `<`, `>` and `&` HTML or an autolink, and
/// `` ` ``, `*`, `_`, `~` code or emphasis. Each is escaped, HTML's as entities.
fn markdown_cell(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len());
    for c in cell.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '|' | '[' | ']' | '`' | '*' | '_' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// How CSV cells are written besides RFC 4180's quoting.
#[derive(Debug, Clone, Copy)]
pub struct CsvCells {
    /// A text cell that a spreadsheet would run as a formula gets a leading `'`.
    pub guard_formulas: bool,
    /// Control characters become visible symbols: the CSV is read on a terminal, where they
    /// would act. A file or a pipe gets the text exactly.
    pub for_terminal: bool,
}

impl CsvCells {
    /// A text cell as these options write it (before quoting).
    fn text(self, cell: &str) -> Cow<'_, str> {
        let cell = if self.for_terminal {
            text::sanitize(cell)
        } else {
            Cow::Borrowed(cell)
        };
        if self.guard_formulas && starts_like_a_formula(&cell) {
            Cow::Owned(format!("'{cell}"))
        } else {
            cell
        }
    }
}

/// Whether a spreadsheet would take a cell for a formula: the characters OWASP lists
/// (`=`, `+`, `-`, `@`, a tab, a carriage return) at its start.
fn starts_like_a_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

fn write_csv(out: &mut dyn Write, records: &[Record], cells: CsvCells) -> io::Result<()> {
    write_csv_row(out, COLUMNS.iter().map(|&name| Cow::Borrowed(name)))?;
    for record in records {
        let value = record
            .value
            .map(|value| value.to_string())
            .unwrap_or_default();
        // The dataset's own name for it (`about`), as JSON writes it.
        let qualifier = serde_json::to_value(record.qualifier)
            .ok()
            .and_then(|value| value.as_str().map(str::to_owned))
            .unwrap_or_default();
        // The value is a number this program wrote, never a formula; the rest is text.
        let fields = [
            cells.text(record.id),
            cells.text(record.theme),
            cells.text(record.label),
            Cow::Owned(value),
            cells.text(record.unit),
            Cow::Owned(qualifier),
            cells.text(record.period.as_deref().unwrap_or_default()),
            cells.text(record.speaker),
            cells.text(record.sentence),
            cells.text(record.damaged.unwrap_or_default()),
        ];
        write_csv_row(out, fields.into_iter())?;
    }
    Ok(())
}

/// One RFC 4180 record: fields holding a comma, quote, line break or other control character
/// are quoted, quotes doubled; records end with CRLF.
fn write_csv_row<'a>(
    out: &mut dyn Write,
    fields: impl Iterator<Item = Cow<'a, str>>,
) -> io::Result<()> {
    let quoted: Vec<Cow<str>> = fields.map(|field| csv_field(field)).collect();
    write!(out, "{}\r\n", quoted.join(","))
}

/// Any other control character is quoted too: RFC 4180 allows none outside quotes, and a
/// quoted field is what every reader takes literally.
fn csv_field(field: Cow<'_, str>) -> Cow<'_, str> {
    if field.contains([',', '"']) || field.contains(char::is_control) {
        Cow::Owned(format!("\"{}\"", field.replace('"', "\"\"")))
    } else {
        field
    }
}

/// JSON text with DEL, the C1 controls (8-bit `CSI` among them) and the bidi controls escaped
/// as `\uXXXX`: the JSON writer escapes only U+0000–U+001F, so these would reach a terminal
/// raw. Outside strings JSON text is ASCII, so each such char is inside a string, where its
/// escape stands for the same char; the line breaks of pretty printing stay.
fn escape_invisible(json: &str) -> Cow<'_, str> {
    let needs_escape = |c: char| (c.is_control() && c != '\n') || text::is_bidi_control(c);
    if !json.contains(needs_escape) {
        return Cow::Borrowed(json);
    }
    let mut escaped = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if needs_escape(c) {
            // Every such char is in the Basic Multilingual Plane: one escape, no surrogates.
            let _ = write!(escaped, "\\u{:04x}", u32::from(c));
        } else {
            escaped.push(c);
        }
    }
    Cow::Owned(escaped)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn csv_quotes_only_what_needs_it() {
        assert_eq!(csv_field("plain 文字".into()), "plain 文字");
        assert_eq!(csv_field("a,b".into()), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\"".into()), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines".into()), "\"two\nlines\"");
        assert_eq!(csv_field("cr\r".into()), "\"cr\r\"");
        assert_eq!(csv_field("\u{1b}[2J".into()), "\"\u{1b}[2J\"");
        assert_eq!(csv_field("\u{9b}2J".into()), "\"\u{9b}2J\"");
        // Not a control: kept bare, as it is data like any other char.
        assert_eq!(csv_field("\u{202e}".into()), "\u{202e}");
    }

    #[test]
    fn csv_rows_end_with_crlf() {
        let mut out = Vec::new();
        write_csv_row(&mut out, ["a", "b,c"].into_iter().map(Cow::Borrowed)).unwrap();
        assert_eq!(out, b"a,\"b,c\"\r\n");
    }

    #[test]
    fn markdown_cells_escape_pipes_and_backslashes() {
        assert_eq!(markdown_cell("a|b"), "a\\|b");
        assert_eq!(markdown_cell("a\\|b"), "a\\\\\\|b");
    }

    #[test]
    fn shown_cells_show_escapes_breaks_and_tabs_as_symbols() {
        let mut data = hostile_dataset();
        data.figures[0].label.hant = "x\u{1b}]0;pwned\u{7}\ny\tz".to_owned();
        let rows = shown_rows(&records(&data), Lang::Zh, Script::Hant);
        assert_eq!(rows[0][0], "x␛]0;pwned␇␊y␉z");
    }

    fn column(natural: usize, least: usize, give: Give) -> Column {
        Column {
            natural,
            least,
            last: least,
            constant: false,
            give,
        }
    }

    #[test]
    fn fitting_cuts_the_source_then_wraps_then_leaves_out_and_never_cuts_values() {
        let label = Column {
            last: LABEL_LAST_WIDTH,
            ..column(30, 20, Give::Wrap)
        };
        let value = column(10, 10, Give::Wrap);
        let source = column(80, PREVIEW_WIDTH, Give::Cut);
        let columns = [label, value, source];
        // 30 + 10 + 80 and two gaps of 2.
        assert_eq!(fit_columns(&columns, 200), [Some(30), Some(10), Some(80)]);
        assert_eq!(fit_columns(&columns, 104), [Some(30), Some(10), Some(60)]);
        // The source goes down to its preview before the label wraps.
        assert_eq!(
            fit_columns(&columns, 50),
            [Some(20), Some(10), Some(PREVIEW_WIDTH)]
        );
        // Then it goes, and the label takes back what it freed.
        assert_eq!(fit_columns(&columns, 40), [Some(28), Some(10), None]);
        // Last, the label wraps tighter; the value keeps its width even past the budget.
        assert_eq!(fit_columns(&columns, 30), [Some(18), Some(10), None]);
        assert_eq!(
            fit_columns(&columns, 5),
            [Some(LABEL_LAST_WIDTH), Some(10), None]
        );
    }

    #[test]
    fn fitting_leaves_out_constant_columns_first_and_only_when_needed() {
        let speaker = Column {
            constant: true,
            ..column(14, 6, Give::WrapOrLeaveOut(1))
        };
        let columns = [
            column(30, 20, Give::Wrap),
            column(10, 10, Give::Wrap),
            speaker,
        ];
        assert_eq!(fit_columns(&columns, 60), [Some(30), Some(10), Some(14)]);
        assert_eq!(fit_columns(&columns, 50), [Some(30), Some(10), None]);
    }

    #[test]
    fn a_speaker_and_a_period_wrap_before_they_are_left_out_in_order() {
        let columns = [
            column(30, 20, Give::Wrap),
            column(10, 10, Give::Wrap),
            column(13, 7, Give::WrapOrLeaveOut(2)),
            column(12, 7, Give::WrapOrLeaveOut(1)),
        ];
        // 20 + 10 + 7 + 7 and three gaps.
        assert_eq!(
            fit_columns(&columns, 50),
            [Some(20), Some(10), Some(7), Some(7)]
        );
        assert_eq!(
            fit_columns(&columns, 45),
            [Some(24), Some(10), Some(7), None]
        );
        assert_eq!(fit_columns(&columns, 35), [Some(23), Some(10), None, None]);
    }

    #[test]
    fn a_left_out_column_is_named_once_above_the_table() {
        let row = |label: &str, value: &str, unit: &str, sentence: &str| {
            vec![
                label.to_owned(),
                value.to_owned(),
                unit.to_owned(),
                String::new(),
                "since 2017".into(),
                "Wang Junwei".into(),
                sentence.repeat(8),
            ]
        };
        let rows = vec![
            row(
                "Volunteer lawyers in the legal aid network",
                "57,000",
                "lawyers",
                "One long sentence. ",
            ),
            row("Teams", "21,000", "teams", "Another long sentence. "),
        ];
        let mut out = Vec::new();
        write_table(&mut out, (Lang::En, Script::Hant), &rows, 80).unwrap();
        let table = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(
            lines[0], "Period: since 2017  Speaker: Wang Junwei",
            "{table}"
        );
        assert!(lines[1].starts_with("Figure"), "{table}");
        assert!(!lines[1].contains("Speaker"), "{table}");
        assert!(
            lines[2].contains("Volunteer lawyers in the legal aid network"),
            "{table}"
        );
        assert!(lines.iter().all(|line| text::width(line) <= 80), "{table}");
    }

    #[test]
    fn table_aligns_by_display_width_and_fits() {
        let rows = vec![
            vec![
                "快递业务量".into(),
                "8,122.4万".into(),
                "件".into(),
                String::new(),
                "2021年".into(),
                "王".into(),
                "很长的句子".repeat(20),
            ],
            vec![
                "ab".into(),
                "1".into(),
                "%".into(),
                "约".into(),
                String::new(),
                "李".into(),
                "短".into(),
            ],
        ];
        let mut out = Vec::new();
        write_table(&mut out, (Lang::En, Script::Hant), &rows, 80).unwrap();
        let table = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines.len(), 3);
        for line in &lines {
            assert!(text::width(line) <= 80, "{line}");
        }
        // The value column starts at the same display column on every row.
        let value_column =
            |line: &str, value: &str| text::width(&line[..line.find(value).unwrap()]);
        assert_eq!(
            value_column(lines[0], "Value"),
            value_column(lines[1], "8,122.4万")
        );
        assert_eq!(
            value_column(lines[1], "8,122.4万"),
            value_column(lines[2], "1")
        );
        assert!(lines[1].ends_with(text::truncate::ELLIPSIS));
    }

    #[test]
    fn a_label_wider_than_its_column_wraps_under_itself_and_values_stay_whole() {
        let label = "Model and front-line workers among the part-time vice-chairs of provincial \
                     unions";
        let rows = vec![vec![
            label.to_string(),
            "70".into(),
            "people".into(),
            "about".into(),
            "as of 2021-12".into(),
            "Wang Lizhong".into(),
            "一句很长的原文".repeat(10),
        ]];
        let mut out = Vec::new();
        write_table(&mut out, (Lang::En, Script::Hant), &rows, 90).unwrap();
        let table = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = table.lines().collect();
        assert!(lines.len() > 2, "the label takes more lines:\n{table}");
        // The first line of the row holds every other cell, whole where never cut.
        for whole in ["70", "people", "about"] {
            assert!(lines[1].contains(whole), "{whole} in {}", lines[1]);
        }
        // The label is all there, in order, and nothing of it is cut.
        let value_at = text::width(&lines[0][..lines[0].find("Value").unwrap()]);
        let label_lines: Vec<String> = lines[1..]
            .iter()
            .map(|line| text::take_width(line, value_at).0.trim().to_string())
            .collect();
        assert_eq!(label_lines.join(" ").replace("- ", "-"), label);
        assert!(label_lines.iter().all(|line| !line.contains('…')));
        // The lines after the first hold the rest of cells that wrap, never a cut one again.
        for whole in ["70", "people", "about", "一句"] {
            assert!(
                lines[2..].iter().all(|line| !line.contains(whole)),
                "{table}"
            );
        }
    }

    /// A title change and an OSC 52 clipboard write.
    const HOSTILE: &str = "標籤\u{1b}]0;pwned\u{7}\u{1b}]52;c;cHduZWQ=\u{7}";

    fn hostile_dataset() -> Dataset {
        let mut data = crate::app::fixture::dataset();
        let figure = &mut data.figures[0];
        figure.label.hant = HOSTILE.to_owned();
        figure.source.sentence.hant = format!("{HOSTILE}|\\");
        data
    }

    fn records(data: &Dataset) -> Vec<Record<'_>> {
        data.figures
            .iter()
            .map(|figure| record(data, figure, Lang::Zh, Script::Hant))
            .collect()
    }

    #[test]
    fn table_and_markdown_show_escape_sequences_harmlessly() {
        let data = hostile_dataset();
        let rows = shown_rows(&records(&data), Lang::Zh, Script::Hant);
        let headers = shown_headers(Lang::Zh, Script::Hant);
        let mut table = Vec::new();
        write_table(&mut table, (Lang::Zh, Script::Hant), &rows, 400).unwrap();
        let mut markdown = Vec::new();
        write_markdown(&mut markdown, &headers, &rows).unwrap();
        for output in [table, markdown] {
            let output = String::from_utf8(output).unwrap();
            assert!(!output.contains(['\u{1b}', '\u{7}']), "{output:?}");
            assert!(
                output.contains("pwned") && output.contains("cHduZWQ="),
                "{output}"
            );
        }
    }

    /// CSV for a file or a pipe, without the formula guard: the dataset's text as it is.
    const EXACT: CsvCells = CsvCells {
        guard_formulas: false,
        for_terminal: false,
    };

    #[test]
    fn csv_on_a_terminal_shows_escape_sequences_harmlessly() {
        let data = hostile_dataset();
        let mut csv = Vec::new();
        let cells = CsvCells {
            for_terminal: true,
            ..EXACT
        };
        write_csv(&mut csv, &records(&data), cells).unwrap();
        let csv = String::from_utf8(csv).unwrap();
        assert!(!csv.contains(['\u{1b}', '\u{7}']), "{csv:?}");
        assert!(csv.contains("␛]0;pwned␇"), "{csv}");
    }

    #[test]
    fn csv_guards_cells_a_spreadsheet_would_run() {
        let guarded = CsvCells {
            guard_formulas: true,
            ..EXACT
        };
        for formula in [
            "=HYPERLINK(\"http://x\")",
            "+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert_eq!(guarded.text(formula), format!("'{formula}"));
            assert_eq!(EXACT.text(formula), formula);
        }
        for plain in ["工会", "2,245", "a=b", " =x", "'quoted"] {
            assert_eq!(guarded.text(plain), plain);
        }
        let mut data = hostile_dataset();
        data.figures[0].id = "=1+1".to_owned();
        data.figures[0].label.hant = "@cmd".to_owned();
        let mut csv = Vec::new();
        write_csv(&mut csv, &records(&data), guarded).unwrap();
        let csv = String::from_utf8(csv).unwrap();
        let row = csv.lines().nth(1).unwrap();
        assert!(row.starts_with("'=1+1,"), "{row}");
        assert!(row.contains(",'@cmd,"), "{row}");
    }

    #[test]
    fn markdown_cells_cannot_hold_html_links_or_emphasis() {
        assert_eq!(
            markdown_cell("<img src=x onerror=alert(1)>"),
            "&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(
            markdown_cell("[click](javascript:x) ![i](u)"),
            "\\[click\\](javascript:x) !\\[i\\](u)"
        );
        assert_eq!(
            markdown_cell("<http://x> & *a* _b_ `c` ~~d~~"),
            "&lt;http://x&gt; &amp; \\*a\\* \\_b\\_ \\`c\\` \\~\\~d\\~\\~"
        );
        assert_eq!(markdown_cell("工会 2,245 (约)"), "工会 2,245 (约)");
    }

    #[test]
    fn csv_and_json_keep_escape_sequences_exactly() {
        let data = hostile_dataset();
        let records = records(&data);
        let mut csv = Vec::new();
        write_csv(&mut csv, &records, EXACT).unwrap();
        let csv = String::from_utf8(csv).unwrap();
        assert!(csv.contains(&format!(",\"{HOSTILE}\",")), "{csv:?}");
        let json = serde_json::to_value(&records).unwrap();
        assert_eq!(json[0]["label"], HOSTILE);
        assert_eq!(json[0]["sentence"], format!("{HOSTILE}|\\"));
    }

    #[test]
    fn json_escapes_every_control_and_bidi_char_and_reads_back_the_same() {
        let text = "a\u{1b}[2J\u{7f}\u{9b}31m\u{202e}b\u{2069}\n中";
        let json = serde_json::to_string_pretty(&[text]).unwrap();
        let escaped = escape_invisible(&json);
        assert_eq!(
            escaped,
            "[\n  \"a\\u001b[2J\\u007f\\u009b31m\\u202eb\\u2069\\n中\"\n]"
        );
        let back: Vec<String> = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back, [text]);
        assert!(matches!(escape_invisible("[\"中\"]"), Cow::Borrowed(_)));
    }

    #[test]
    fn headers_follow_the_language_and_script() {
        let headers = |lang, script| shown_headers(lang, script).join(" ");
        assert_eq!(
            headers(Lang::En, Script::Hans),
            "Figure Value Unit Qualifier Period Speaker Source"
        );
        assert_eq!(
            headers(Lang::Zh, Script::Hans),
            "指标 数值 单位 限定词 时间 发言人 原文"
        );
        assert_eq!(
            headers(Lang::Zh, Script::Hant),
            "指標 數值 單位 限定詞 時間 發言人 原文"
        );
    }

    #[test]
    fn wide_headers_are_measured_by_display_width() {
        let headers = shown_headers(Lang::Zh, Script::Hant);
        let rows = vec![vec!["a".to_owned(); headers.len()]];
        let mut out = Vec::new();
        write_table(&mut out, (Lang::Zh, Script::Hant), &rows, 120).unwrap();
        let table = String::from_utf8(out).unwrap();
        // Each column is as wide as its header: nothing pads it further.
        let header_widths: usize = headers.iter().map(|header| text::width(header)).sum();
        let gaps = COLUMN_GAP.len() * (headers.len() - 1);
        let header_line = table.lines().next().unwrap();
        assert_eq!(text::width(header_line), header_widths + gaps, "{table}");
    }

    #[test]
    fn damaged_values_are_marked_and_have_no_number() {
        let data = crate::app::fixture::dataset();
        let records = records(&data);
        let damaged = records
            .iter()
            .position(|record| record.damaged.is_some())
            .expect("the fixture has a damaged figure");
        assert_eq!(records[damaged].value, None);
        let rows = shown_rows(&records, Lang::En, Script::Hant);
        let surviving = records[damaged].damaged.unwrap_or_default();
        assert_eq!(rows[damaged][1], format!("{surviving} (damaged in source)"));
    }

    proptest! {
        #![proptest_config(crate::proptest_config::proptest_config(128))]

        #[test]
        fn fitted_columns_fit_or_stop_at_their_least_and_never_leave_out_values(
            columns in proptest::collection::vec(
                (0usize..200, 0usize..60, 0usize..60, any::<bool>(), 0u8..4),
                1..8,
            ),
            width in 0usize..400,
        ) {
            let columns: Vec<Column> = columns
                .into_iter()
                .map(|(natural, least, last, constant, give)| Column {
                    natural,
                    least: least.min(natural),
                    last: last.min(least).min(natural),
                    constant,
                    give: match give {
                        0 => Give::Cut,
                        1 | 2 => Give::WrapOrLeaveOut(give),
                        _ => Give::Wrap,
                    },
                })
                .collect();
            let widths = fit_columns(&columns, width);
            let shown: Vec<(usize, &Column)> = widths
                .iter()
                .zip(&columns)
                .filter_map(|(width, column)| Some(((*width)?, column)))
                .collect();
            let total = shown.iter().map(|(w, _)| w).sum::<usize>()
                + COLUMN_GAP.len() * shown.len().saturating_sub(1);
            let nothing_left_to_give = shown
                .iter()
                .all(|(w, column)| column.give == Give::Wrap && *w <= column.least);
            prop_assert!(
                total <= width || nothing_left_to_give,
                "{widths:?} of {columns:?} in {width}"
            );
            for (fitted, column) in widths.iter().zip(&columns) {
                match fitted {
                    None => prop_assert!(column.constant || column.give != Give::Wrap),
                    Some(fitted) => {
                        prop_assert!(*fitted <= column.natural);
                        prop_assert!(*fitted >= column.last);
                    }
                }
            }
        }
    }
}
