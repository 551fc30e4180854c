//! Figures: finding each annotated figure in the text, reading it, and making sure every
//! number in the text is either a figure or excused.
//!
//! Offsets count `char`s. The simplified and traditional forms of a paragraph have the same
//! number of `char`s (the conversion maps character to character here; this is checked), so a
//! span found in the simplified text holds in the traditional one too.

use std::collections::BTreeMap;

use crate::data::number::{find_unit, parse_raw};
use crate::data::{Damage, Figure, Label, Qualifier, Segment, Series, Source, Span, Spans, Text};

use super::annotations::{Annotations, ExcludeEntry, FigureEntry};
use super::error::Error;

/// How far before its figure a `context` may end, in characters.
pub const CONTEXT_REACH: usize = 40;

/// Marks that end a sentence.
const SENTENCE_ENDS: [char; 3] = ['。', '！', '？'];
/// Marks that close a sentence after its end mark (`。”`).
const CLOSERS: [char; 4] = ['”', '’', '）', '》'];

/// A place in the transcript: segment and paragraph indexes, and a `char` range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    pub segment: usize,
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

/// A paragraph's texts as `char`s, with where it is.
struct Scanned {
    segment: usize,
    paragraph: usize,
    hans: Vec<char>,
    hant: Vec<char>,
}

fn paragraphs(segments: &[Segment]) -> Result<Vec<Scanned>, Error> {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (s, segment) in segments.iter().enumerate() {
        for (p, paragraph) in segment.paragraphs.iter().enumerate() {
            let hans: Vec<char> = paragraph.text.hans.chars().collect();
            let hant: Vec<char> = paragraph.text.hant.chars().collect();
            if hans.len() != hant.len() {
                problems.push(format!(
                    "{} paragraph {p}: the traditional text has {} characters, the simplified \
                     {}; spans cannot be shared",
                    segment.id,
                    hant.len(),
                    hans.len()
                ));
            }
            out.push(Scanned {
                segment: s,
                paragraph: p,
                hans,
                hant,
            });
        }
    }
    Error::check(problems)?;
    Ok(out)
}

/// Where `needle` starts in `haystack`.
fn find_all(haystack: &[char], needle: &[char]) -> Vec<usize> {
    if needle.is_empty() || needle.len() > haystack.len() {
        return Vec::new();
    }
    (0..=haystack.len() - needle.len())
        .filter(|&i| haystack[i..i + needle.len()] == *needle)
        .collect()
}

fn is_number_char(c: char) -> bool {
    c.is_ascii_digit() || c == '.' || c == ','
}

/// Whether `chars[start..end]` does not cut a number in two.
fn on_number_boundaries(chars: &[char], start: usize, end: usize) -> bool {
    let before_ok = start == 0 || !is_number_char(chars[start - 1]);
    let ends_in_digit = end > start && chars[end - 1].is_ascii_digit();
    let continues = chars.get(end).is_some_and(char::is_ascii_digit)
        || (matches!(chars.get(end), Some('.' | ','))
            && chars.get(end + 1).is_some_and(char::is_ascii_digit));
    before_ok && !(ends_in_digit && continues)
}

/// The runs of ASCII digits, with `.` and `,` between digits, as `char` ranges. A `?`
/// between digits (`4?000`) is a digit the source lost: the run goes on, to be read as one
/// damaged number.
pub fn number_runs(chars: &[char]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            // Separators doubled by damage (`1,,000`) stay inside the run, so that it is read
            // as one number that cannot be read, never as two.
            let separators = |at: usize| {
                chars[at..]
                    .iter()
                    .take_while(|c| matches!(c, '.' | ',' | '?'))
                    .count()
            };
            while i < chars.len() {
                let marks = separators(i);
                if chars[i].is_ascii_digit() {
                    i += 1;
                } else if marks > 0 && chars.get(i + marks).is_some_and(char::is_ascii_digit) {
                    i += marks;
                } else {
                    break;
                }
            }
            runs.push((start, i));
        } else {
            i += 1;
        }
    }
    runs
}

/// The qualifier of a figure from the words around it and the hedge in its raw text.
/// Words around it win: `约12余万人次` is "about". A hedge may stand before a copula
/// (`大约是8400万人`, `约为`).
pub fn qualifier(before: &str, raw: &str, after: &str) -> Qualifier {
    let before = before.strip_suffix(['是', '为']).unwrap_or(before);
    if before.ends_with('约') || after.starts_with("左右") {
        Qualifier::About
    } else if before.ends_with("超过")
        || before.ends_with("超过了")
        || before.ends_with('逾')
        || before.ends_with('超')
        || after.starts_with("以上")
    {
        Qualifier::Over
    } else if before.ends_with('近') {
        Qualifier::Nearly
    } else if raw.contains(['余', '多']) || after.starts_with(['余', '多']) {
        Qualifier::MoreThan
    } else {
        Qualifier::Exact
    }
}

/// The sentence holding `at`: from after the previous end mark through the next one and any
/// closing quotes.
pub fn sentence_around(chars: &[char], at: usize) -> (usize, usize) {
    let start = chars[..at]
        .iter()
        .rposition(|c| SENTENCE_ENDS.contains(c))
        .map_or(0, |i| {
            let mut i = i + 1;
            while chars.get(i).is_some_and(|c| CLOSERS.contains(c)) {
                i += 1;
            }
            i
        });
    let mut end = chars[at..]
        .iter()
        .position(|c| SENTENCE_ENDS.contains(c))
        .map_or(chars.len(), |i| at + i + 1);
    while chars.get(end).is_some_and(|c| CLOSERS.contains(c)) {
        end += 1;
    }
    (start, end)
}

fn describe(segments: &[Segment], place: &Place) -> String {
    format!(
        "{} paragraph {}",
        segments[place.segment].id, place.paragraph
    )
}

/// Where a figure's `at` (after its `context`) occurs.
fn locate(paragraphs: &[Scanned], entry: &FigureEntry) -> Vec<Place> {
    let at: Vec<char> = entry.at.chars().collect();
    let context: Option<Vec<char>> = entry.context.as_ref().map(|c| c.chars().collect());
    let mut places = Vec::new();
    for paragraph in paragraphs {
        for start in find_all(&paragraph.hans, &at) {
            let end = start + at.len();
            if !on_number_boundaries(&paragraph.hans, start, end) {
                continue;
            }
            let in_context = context.as_ref().is_none_or(|context| {
                find_all(&paragraph.hans[..start], context)
                    .iter()
                    .any(|&c| start - (c + context.len()) <= CONTEXT_REACH)
            });
            if in_context {
                places.push(Place {
                    segment: paragraph.segment,
                    paragraph: paragraph.paragraph,
                    start,
                    end,
                });
            }
        }
    }
    places
}

fn text_of(chars: &[char], start: usize, end: usize) -> String {
    chars[start..end].iter().collect()
}

/// Builds one figure at its place.
fn figure(
    segments: &[Segment],
    paragraph: &Scanned,
    place: Place,
    entry: &FigureEntry,
) -> Result<Figure, String> {
    let raw = Text {
        hans: text_of(&paragraph.hans, place.start, place.end),
        hant: text_of(&paragraph.hant, place.start, place.end),
    };
    let whose = || format!("figure {} (at \"{}\")", entry.id, entry.at);
    let readable = match &entry.damaged {
        Some(damaged) => {
            if !raw.hans.starts_with('?') || !raw.hans.starts_with(&damaged.surviving) {
                return Err(format!(
                    "{}: marked damaged, so its raw text must start with the surviving \
                     \"{}\" and a `?`",
                    whose(),
                    damaged.surviving
                ));
            }
            raw.hans.trim_start_matches('?')
        }
        None => &raw.hans,
    };
    let parsed = parse_raw(readable).map_err(|error| format!("{}: {error}", whose()))?;
    let unit = find_unit(&parsed.unit)
        .ok_or_else(|| format!("{}: unknown unit {}", whose(), parsed.unit))?;
    let measure = match (parsed.unit.is_empty(), entry.measure, &entry.unit) {
        (true, Some(measure), Some(_)) => measure,
        (true, _, _) => {
            return Err(format!(
                "{}: the number is printed without a unit, so say what it counts: give \
                 `unit` (the English noun) and `measure`",
                whose()
            ));
        }
        (false, Some(_), _) => {
            return Err(format!(
                "{}: its unit {} decides what it measures; remove `measure`",
                whose(),
                parsed.unit
            ));
        }
        (false, None, _) => parsed.measure,
    };
    let segment = &segments[place.segment];
    let before = text_of(&paragraph.hans, 0, place.start);
    let after = text_of(&paragraph.hans, place.end, paragraph.hans.len());
    let (sentence_start, sentence_end) = sentence_around(&paragraph.hans, place.start);
    let span = Span {
        start: place.start,
        end: place.end,
    };
    let sentence_span = Span {
        start: sentence_start,
        end: sentence_end,
    };
    Ok(Figure {
        id: entry.id.clone(),
        theme: entry.theme.clone(),
        tags: entry.tags.clone(),
        label: entry.label.label(),
        value: entry.damaged.is_none().then_some(parsed.value),
        unit: Label {
            hans: unit.hans.to_owned(),
            hant: unit.hant.to_owned(),
            en: entry.unit.clone().unwrap_or_else(|| unit.en.to_owned()),
        },
        measure,
        qualifier: qualifier(&before, &raw.hans, &after),
        raw,
        period: entry.period.clone(),
        speaker: segment.paragraphs[place.paragraph].speaker.clone(),
        source: Source {
            segment: segment.id.clone(),
            paragraph: place.paragraph,
            span: Spans {
                hans: span,
                hant: span,
            },
            sentence_span: Spans {
                hans: sentence_span,
                hant: sentence_span,
            },
            sentence: Text {
                hans: text_of(&paragraph.hans, sentence_start, sentence_end),
                hant: text_of(&paragraph.hant, sentence_start, sentence_end),
            },
        },
        damaged: entry.damaged.as_ref().map(|damaged| Damage {
            surviving: damaged.surviving.clone(),
            note: damaged.note.label(),
        }),
        repeats: Vec::new(),
        series: entry.series.clone(),
        automatic: false,
    })
}

/// Makes `repeats` symmetric, in figure order.
fn link_repeats(figures: &mut [Figure], entries: &[FigureEntry]) -> Vec<String> {
    let index: BTreeMap<&str, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, entry)| (entry.id.as_str(), i))
        .collect();
    let mut links: Vec<Vec<usize>> = vec![Vec::new(); figures.len()];
    let mut problems = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        for other in &entry.repeats {
            match index.get(other.as_str()) {
                Some(&j) if j != i => {
                    links[i].push(j);
                    links[j].push(i);
                }
                Some(_) => problems.push(format!("figure {} repeats itself", entry.id)),
                None => problems.push(format!(
                    "figure {} repeats unknown figure {other}",
                    entry.id
                )),
            }
        }
    }
    for (figure, mut linked) in figures.iter_mut().zip(links) {
        linked.sort_unstable();
        linked.dedup();
        figure.repeats = linked.iter().map(|&j| entries[j].id.clone()).collect();
    }
    problems
}

/// Gives each figure the series that lists it; returns the series.
fn link_series(figures: &mut [Figure], annotations: &Annotations) -> (Vec<Series>, Vec<String>) {
    let mut problems = Vec::new();
    let mut listed: BTreeMap<&str, &str> = BTreeMap::new();
    for series in &annotations.series {
        for id in &series.figures {
            if !figures.iter().any(|figure| &figure.id == id) {
                problems.push(format!("series {} lists unknown figure {id}", series.id));
            }
            if let Some(previous) = listed.insert(id, &series.id) {
                problems.push(format!(
                    "figure {id} is listed by two series, {previous} and {}",
                    series.id
                ));
            }
        }
    }
    for figure in figures.iter_mut() {
        let by_list = listed.get(figure.id.as_str()).copied();
        match (figure.series.as_deref(), by_list) {
            (Some(named), listed_in) if listed_in != Some(named) => problems.push(format!(
                "figure {} names series {named}, but that series does not list it",
                figure.id
            )),
            (None, Some(series)) => figure.series = Some(series.to_owned()),
            _ => {}
        }
    }
    let series = annotations
        .series
        .iter()
        .map(|series| Series {
            id: series.id.clone(),
            label: series.label.label(),
            figures: series.figures.clone(),
        })
        .collect();
    (series, problems)
}

/// The numbers that lie inside no annotated figure and no exclude entry's text, for the
/// import to read on its own; and a problem for each exclude entry that excuses nothing.
fn unclaimed_numbers(
    paragraphs: &[Scanned],
    figures: &[Place],
    excludes: &[ExcludeEntry],
) -> (Vec<String>, Vec<Place>) {
    let mut problems = Vec::new();
    let mut unclaimed = Vec::new();
    let mut used = vec![false; excludes.len()];
    let exclude_chars: Vec<Vec<char>> = excludes.iter().map(|e| e.text.chars().collect()).collect();
    for paragraph in paragraphs {
        let claimed_by_figure = |start: usize, end: usize| {
            figures.iter().any(|place| {
                place.segment == paragraph.segment
                    && place.paragraph == paragraph.paragraph
                    && place.start <= start
                    && end <= place.end
            })
        };
        for (start, end) in number_runs(&paragraph.hans) {
            if claimed_by_figure(start, end) {
                continue;
            }
            let excuse = exclude_chars.iter().position(|text| {
                find_all(&paragraph.hans, text).iter().any(|&at| {
                    on_number_boundaries(&paragraph.hans, at, at + text.len())
                        && at <= start
                        && end <= at + text.len()
                })
            });
            if let Some(i) = excuse {
                used[i] = true;
            } else {
                unclaimed.push(Place {
                    segment: paragraph.segment,
                    paragraph: paragraph.paragraph,
                    start,
                    end,
                });
            }
        }
    }
    for (entry, used) in excludes.iter().zip(used) {
        if !used {
            problems.push(format!(
                "[[exclude]] text \"{}\" excuses no number; remove it",
                entry.text
            ));
        }
    }
    (problems, unclaimed)
}

/// The annotated figures and series, where they are, and the numbers left for the import to
/// read on its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotated {
    pub figures: Vec<Figure>,
    pub series: Vec<Series>,
    /// Where each figure is, in figure order.
    pub places: Vec<Place>,
    /// Numbers (ASCII runs) no figure or exclude entry claims.
    pub unclaimed: Vec<Place>,
}

/// The figures and series, from the segments and the annotations.
pub fn build(segments: &[Segment], annotations: &Annotations) -> Result<Annotated, Error> {
    let paragraphs = paragraphs(segments)?;
    let by_place: BTreeMap<(usize, usize), &Scanned> = paragraphs
        .iter()
        .map(|p| ((p.segment, p.paragraph), p))
        .collect();
    let mut problems = Vec::new();
    let mut figures = Vec::new();
    let mut places = Vec::new();
    for entry in &annotations.figures {
        if !entry
            .at
            .starts_with(|c: char| c.is_ascii_digit() || c == '?')
        {
            problems.push(format!(
                "figure {}: at \"{}\" must start with a digit (or `?` where one was lost)",
                entry.id, entry.at
            ));
            continue;
        }
        let found = locate(&paragraphs, entry);
        let context = entry
            .context
            .as_ref()
            .map_or(String::new(), |c| format!(" after \"{c}\""));
        match found.as_slice() {
            [place] => match figure(
                segments,
                by_place[&(place.segment, place.paragraph)],
                *place,
                entry,
            ) {
                Ok(figure) => {
                    figures.push(figure);
                    places.push(*place);
                }
                Err(problem) => problems.push(problem),
            },
            [] => problems.push(format!(
                "figure {}: \"{}\"{context} occurs nowhere in the text",
                entry.id, entry.at
            )),
            several => problems.push(format!(
                "figure {}: \"{}\"{context} occurs {} times ({}); add or lengthen `context` \
                 (text up to {CONTEXT_REACH} characters before it)",
                entry.id,
                entry.at,
                several.len(),
                several
                    .iter()
                    .map(|place| describe(segments, place))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }
    for (i, place) in places.iter().enumerate() {
        if let Some(other) = places[..i].iter().position(|p| p == place) {
            problems.push(format!(
                "figures {} and {} are the same text at {}",
                figures[other].id,
                figures[i].id,
                describe(segments, place)
            ));
        }
    }
    Error::check(problems)?;
    let mut problems = link_repeats(&mut figures, &annotations.figures);
    let (series, series_problems) = link_series(&mut figures, annotations);
    problems.extend(series_problems);
    let (exclude_problems, unclaimed) =
        unclaimed_numbers(&paragraphs, &places, &annotations.excludes);
    problems.extend(exclude_problems);
    Error::check(problems)?;
    Ok(Annotated {
        figures,
        series,
        places,
        unclaimed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(text: &str) -> Vec<char> {
        text.chars().collect()
    }

    #[test]
    fn finds_number_runs_with_points_and_grouping() {
        let text = chars("共8122.4万件，1,000人，2013年。");
        let runs: Vec<String> = number_runs(&text)
            .into_iter()
            .map(|(s, e)| text_of(&text, s, e))
            .collect();
        assert_eq!(runs, ["8122.4", "1,000", "2013"]);
    }

    #[test]
    fn a_trailing_point_is_not_part_of_a_number() {
        let text = chars("第3.共2,");
        assert_eq!(number_runs(&text), [(1, 2), (4, 5)]);
    }

    #[test]
    fn qualifiers_come_from_the_words_around() {
        assert_eq!(qualifier("累计约", "12余万人次", "。"), Qualifier::About);
        assert_eq!(qualifier("达到", "2亿人", "左右"), Qualifier::About);
        assert_eq!(qualifier("总量超过", "2亿人", "，"), Qualifier::Over);
        assert_eq!(qualifier("比例超过了", "26%", ""), Qualifier::Over);
        assert_eq!(qualifier("百人", "100人", "以上"), Qualifier::Over);
        assert_eq!(qualifier("站点近", "9.6万个", ""), Qualifier::Nearly);
        assert_eq!(qualifier("", "8.2万余家", ""), Qualifier::MoreThan);
        assert_eq!(qualifier("", "8.2万", "余家"), Qualifier::MoreThan);
        assert_eq!(qualifier("共", "8.2万家", "。"), Qualifier::Exact);
        assert_eq!(qualifier("大约是", "8400万人", "，"), Qualifier::About);
        assert_eq!(qualifier("约为", "30%", ""), Qualifier::About);
        assert_eq!(qualifier("分别为", "21.1%", "、"), Qualifier::Exact);
        assert_eq!(qualifier("涉案金额逾", "10亿元", "。"), Qualifier::Over);
        assert_eq!(qualifier("营收超", "3亿元", "。"), Qualifier::Over);
    }

    #[test]
    fn sentences_split_at_end_marks_and_keep_closing_quotes() {
        let text = chars("他说：“好。”今年8件！明年？");
        let (start, end) = sentence_around(&text, 8);
        assert_eq!(text_of(&text, start, end), "今年8件！");
        assert_eq!(sentence_around(&text, 0), (0, 7));
    }

    #[test]
    fn boundaries_keep_numbers_whole() {
        let text = chars("共120个和3.5个，3批297家");
        assert!(!on_number_boundaries(&text, 2, 5));
        assert!(on_number_boundaries(&text, 1, 5));
        assert!(!on_number_boundaries(&text, 6, 7));
        assert!(on_number_boundaries(&text, 11, 13));
    }
}
