//! Figures found without annotations: every number no annotation claims is read
//! ([`detect`](super::detect)), given a label ([`label`](super::label)), a period
//! ([`period`](super::period)), its speaker and sentence, a theme from the keyword table
//! ([`themes`](super::themes)); repeats are linked, and figures that share unit, measure and
//! period are charted. Each is marked `automatic`; what the import was unsure of goes to the
//! report.

use std::collections::BTreeMap;

use crate::data::number::find_unit;
use crate::data::{
    Bar, Chart, Damage, Figure, Label, Measure, Period, Segment, Source, Span, Spans, Text, Theme,
};

use super::detect::{self, Found, Reading};
use super::figures::{Annotated, Place, number_runs, qualifier, sentence_around};
use super::script::label;
use super::themes::ThemeTable;
use super::{label as labels, period, repair, style};

/// The label of a figure whose sentence names nothing it could count.
const UNLABELLED: &str = "未找到标签";

/// The most bars an automatic chart draws.
const MOST_BARS: usize = 12;

/// What the automatic figures need to know of the rest.
#[derive(Debug)]
pub struct Context<'a> {
    /// The conference's year and month, which `今年` and `目前` refer to.
    pub year: u16,
    pub month: u8,
    pub table: &'a ThemeTable,
    /// The theme ids the annotations offer; `None` when they offer none, and any theme of
    /// the table may be used.
    pub offered: Option<Vec<String>>,
}

/// The automatic figures, with what the import was unsure of.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Automatic {
    pub figures: Vec<Figure>,
    pub report: Vec<String>,
}

fn text_of(chars: &[char], start: usize, end: usize) -> String {
    chars[start..end].iter().collect()
}

fn span(start: usize, end: usize) -> Spans {
    let span = Span { start, end };
    Spans {
        hans: span,
        hant: span,
    }
}

/// One paragraph being read.
struct Reader<'a> {
    segment: &'a Segment,
    index: usize,
    hans: Vec<char>,
    hant: Vec<char>,
}

impl Reader<'_> {
    fn place(&self) -> String {
        format!("{} paragraph {}", self.segment.id, self.index)
    }

    /// The period of the sentence a `其中…` sentence starting at `sentence_start` breaks
    /// down: the one before it, in this paragraph or at the end of the one before.
    fn broken_down_period(&self, sentence_start: usize, ctx: &Context) -> Option<Period> {
        let rest = text_of(&self.hans, sentence_start, self.hans.len());
        if !rest.trim_start().starts_with("其中") {
            return None;
        }
        let previous = if let Some(end) = sentence_start.checked_sub(1) {
            let (start, _) = sentence_around(&self.hans, end);
            text_of(&self.hans, start, end)
        } else {
            let paragraph = self.segment.paragraphs.get(self.index.checked_sub(1)?)?;
            let chars: Vec<char> = paragraph.text.hans.chars().collect();
            let end = chars.len().checked_sub(1)?;
            let (start, _) = sentence_around(&chars, end);
            text_of(&chars, start, end)
        };
        period::find(&previous, ctx.year, ctx.month)
    }

    /// The figure `found`, or `None` with a note when the scripts disagree on its length.
    fn figure(&self, found: &Found, id: String, ctx: &Context, report: &mut Vec<String>) -> Figure {
        let (start, end) = (found.start, found.end);
        let raw_hans = text_of(&self.hans, start, end);
        let before = text_of(&self.hans, 0, start);
        let after = text_of(&self.hans, end, self.hans.len());
        let (sentence_start, sentence_end) = sentence_around(&self.hans, start);
        let sentence = text_of(&self.hans, sentence_start, sentence_end);
        let lead = text_of(&self.hans, sentence_start, start);
        let period = period::find(&lead, ctx.year, ctx.month)
            .or_else(|| self.broken_down_period(sentence_start, ctx));
        // Words garbled in the source (挟a业, a pinyin's stray wù) name nothing.
        let readable = |words: &String| {
            repair::damage_traces(words).is_none()
                && !words.contains(|c: char| c == '?' || repair::is_pinyin_letter(c))
        };
        let found_label = labels::find(&self.hans, start, end, &found.parsed.unit)
            .filter(|found| !labels::is_period(found) && readable(found))
            .or_else(|| labels::list_change(&self.hans, start));
        let subject = || labels::subject(&self.hans, sentence_start, start).filter(readable);
        let name = match found_label {
            // A change names itself by its verb (同比增长): say of what.
            Some(change) if labels::is_change(&change) => match subject() {
                Some(subject) if !change.starts_with(&subject) => format!("{subject}{change}"),
                _ => change,
            },
            Some(found) => found,
            None => {
                let unit_noun = Some(found.parsed.unit.clone()).filter(|unit| {
                    unit.chars().count() >= 2
                        && find_unit(unit).is_some_and(|u| u.measure == Measure::People)
                });
                let (name, whence) = match subject()
                    .map(|s| (s, "the sentence's subject"))
                    .or_else(|| unit_noun.map(|u| (u, "the noun it counts")))
                    .or_else(|| {
                        labels::action(&self.hans, start).map(|a| (a, "the action counted"))
                    }) {
                    Some(found) => found,
                    None => (UNLABELLED.to_owned(), "a placeholder to replace"),
                };
                report.push(format!(
                    "{}: no label found for {raw_hans}; labelled {name} ({whence}); give it one \
                     in the annotations",
                    self.place()
                ));
                name
            }
        };
        if period.is_none() {
            report.push(format!(
                "{}: {raw_hans} ({name}) has no period",
                self.place()
            ));
        }
        let unit = find_unit(&found.parsed.unit);
        // A counter that counts anything takes the noun its label ends in, when known.
        let general = unit.is_some_and(|u| style::GENERAL_NOUNS.contains(&u.en));
        let en = match labels::counted_noun(&name) {
            Some(noun) if general => noun,
            _ => unit.map_or("", |u| u.en),
        };
        let unit_label = Label {
            hans: unit.map_or_else(String::new, |u| u.hans.to_owned()),
            hant: unit.map_or_else(String::new, |u| u.hant.to_owned()),
            en: en.to_owned(),
        };
        let unit_label = if unit_label.en.is_empty() {
            Label {
                en: measure_words(found.parsed.measure).1,
                ..unit_label
            }
        } else {
            unit_label
        };
        let theme = ctx
            .table
            .theme_of(&name, &sentence, &|id| {
                ctx.offered
                    .as_ref()
                    .is_none_or(|offered| offered.iter().any(|o| o == id))
            })
            .map(str::to_owned)
            .or_else(|| ctx.offered.as_ref().and_then(|o| o.first().cloned()))
            .unwrap_or_default();
        let hedged = qualifier(&before, &raw_hans, &after);
        let damage = found.damaged.then(|| {
            report.push(format!(
                "{}: {raw_hans} lost a character in the source; kept, marked damaged, no value",
                self.place()
            ));
            Damage {
                surviving: raw_hans
                    .chars()
                    .take_while(|c| *c == '?' || c.is_ascii_digit() || *c == '.' || *c == ',')
                    .collect(),
                note: label(
                    "原文此处有字符缺失，数值无法确定，未作推测",
                    "The source lost a character here; the value cannot be known and is not guessed",
                ),
            }
        });
        Figure {
            id,
            theme,
            tags: Vec::new(),
            // Nothing translates a found label: its English is left empty, not faked.
            label: label(&name, ""),
            raw: Text {
                hant: text_of(&self.hant, start, end),
                hans: raw_hans,
            },
            value: (!found.damaged).then_some(found.parsed.value),
            unit: unit_label,
            measure: found.parsed.measure,
            qualifier: hedged,
            period,
            speaker: self.segment.paragraphs[self.index].speaker.clone(),
            source: Source {
                segment: self.segment.id.clone(),
                paragraph: self.index,
                span: span(start, end),
                sentence_span: span(sentence_start, sentence_end),
                sentence: Text {
                    hans: sentence,
                    hant: text_of(&self.hant, sentence_start, sentence_end),
                },
            },
            damaged: damage,
            repeats: Vec::new(),
            series: None,
            automatic: true,
        }
    }
}

/// Reads every number that no annotation claims.
pub fn figures(segments: &[Segment], annotated: &Annotated, ctx: &Context) -> Automatic {
    let mut out = Automatic::default();
    let taken = |id: &str| annotated.figures.iter().any(|figure| figure.id == id);
    let mut unclaimed: BTreeMap<(usize, usize), Vec<&Place>> = BTreeMap::new();
    for place in &annotated.unclaimed {
        unclaimed
            .entry((place.segment, place.paragraph))
            .or_default()
            .push(place);
    }
    for (s, segment) in segments.iter().enumerate() {
        let mut count = 0;
        for (p, paragraph) in segment.paragraphs.iter().enumerate() {
            let reader = Reader {
                segment,
                index: p,
                hans: paragraph.text.hans.chars().collect(),
                hant: paragraph.text.hant.chars().collect(),
            };
            if reader.hans.len() != reader.hant.len() {
                continue;
            }
            let claimed = |start: usize, end: usize| {
                annotated.places.iter().any(|place| {
                    (place.segment, place.paragraph) == (s, p)
                        && place.start < end
                        && start < place.end
                })
            };
            let left: Vec<(usize, usize)> = unclaimed
                .get(&(s, p))
                .into_iter()
                .flatten()
                .map(|place| (place.start, place.end))
                .collect();
            // Every number of the paragraph is counted, claimed, excluded or not, so that an
            // annotation never renumbers the automatic figures after it.
            let readings = number_runs(&reader.hans)
                .into_iter()
                .map(|(start, end)| {
                    (
                        left.contains(&(start, end)),
                        detect::read(&reader.hans, start, end),
                    )
                })
                .chain(
                    detect::numeral_figures(&reader.hans)
                        .into_iter()
                        .map(|reading| (true, reading)),
                );
            let mut found: Vec<(bool, Found)> = Vec::new();
            for (open, reading) in readings {
                match reading {
                    Reading::Figure(figure) => {
                        found.push((open && !claimed(figure.start, figure.end), figure));
                    }
                    Reading::Excused { start, end, why } if open => out.report.push(format!(
                        "{}: {} is not a figure: {why}",
                        reader.place(),
                        text_of(&reader.hans, start, end)
                    )),
                    Reading::Excused { .. } => {}
                }
            }
            found.sort_by_key(|(_, figure)| figure.start);
            for (open, figure) in &found {
                count += 1;
                if !open {
                    continue;
                }
                let mut id = format!("{}-{count}", segment.id);
                if taken(&id) {
                    id.push_str("-auto");
                }
                out.figures
                    .push(reader.figure(figure, id, ctx, &mut out.report));
            }
        }
    }
    link_repeats(&mut out.figures);
    out
}

/// Whether two labels share two characters in a row.
fn labels_overlap(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    a.windows(2)
        .any(|pair| b.contains(&pair.iter().collect::<String>()))
}

/// Links figures that state one fact twice: the same value and unit, a value that is not a
/// small count (3 届 twice are likely two things), and labels that share words.
fn link_repeats(figures: &mut [Figure]) {
    let same = |a: &Figure, b: &Figure| {
        a.value.is_some()
            && a.value == b.value
            && a.unit.hans == b.unit.hans
            && a.measure == b.measure
            && a.value.is_some_and(|v| v >= 10.0 || v.fract() != 0.0)
            && labels_overlap(&a.label.hans, &b.label.hans)
    };
    let mut links: Vec<Vec<String>> = vec![Vec::new(); figures.len()];
    for i in 0..figures.len() {
        for j in i + 1..figures.len() {
            if same(&figures[i], &figures[j]) {
                links[i].push(figures[j].id.clone());
                links[j].push(figures[i].id.clone());
            }
        }
    }
    for (figure, linked) in figures.iter_mut().zip(links) {
        figure.repeats = linked;
    }
}

/// Whether figure `i` states again a fact an earlier figure stated.
fn repeats_an_earlier(figures: &[Figure], i: usize) -> bool {
    figures[..i]
        .iter()
        .any(|earlier| figures[i].repeats.contains(&earlier.id))
}

/// The themes of a dataset without annotated themes: those of the table that hold a figure,
/// in table order, each headed by its first two figures with a value and a label.
pub fn themes(table: &ThemeTable, figures: &[Figure]) -> Vec<Theme> {
    table
        .themes
        .iter()
        .filter(|theme| figures.iter().any(|figure| figure.theme == theme.id))
        .map(|theme| Theme {
            id: theme.id.clone(),
            label: theme.label.label(),
            description: theme.description.label(),
            headline: figures
                .iter()
                .enumerate()
                .filter(|(i, figure)| {
                    figure.theme == theme.id
                        && figure.value.is_some()
                        && figure.label.hans != UNLABELLED
                        && !repeats_an_earlier(figures, *i)
                })
                .take(2)
                .map(|(_, figure)| figure.id.clone())
                .collect(),
        })
        .collect()
}

/// Counters that count anything (`26个国家`, `19个协定`): figures with one of them share a
/// chart only when their labels end in the same noun.
const GENERIC_COUNTERS: [&str; 7] = ["个", "项", "件", "次", "批", "种", "类"];

/// What a label says a figure is, for charting like with like: a change (`同比增长`,
/// `比去年增加`), an average or ratio (`日均`, `年均`, `每万人口`), or a level; and for a generic counter, the
/// noun its label ends in.
fn chart_kind(label: &str, unit: &str) -> String {
    let kind = if labels::is_change(label)
        || ["增长", "增加", "下降", "减少", "提高", "加快", "回落"]
            .iter()
            .any(|verb| label.contains(verb))
    {
        "change"
    } else if ["日均", "年均", "月均", "人均", "平均", "每"]
        .iter()
        .any(|word| label.contains(word))
    {
        "average"
    } else {
        "level"
    };
    if GENERIC_COUNTERS.contains(&unit) {
        format!("{kind} {}", label.chars().last().unwrap_or_default())
    } else {
        kind.to_owned()
    }
}

/// Charts of automatic figures: within a theme, those of one unit, measure, period and kind
/// (levels, changes, averages apart), two or more, each fact once, none damaged.
pub fn charts(figures: &[Figure], themes: &[Theme]) -> Vec<Chart> {
    let mut groups: BTreeMap<(usize, String, String, String), Vec<&Figure>> = BTreeMap::new();
    for (i, figure) in figures.iter().enumerate() {
        let repeated = repeats_an_earlier(figures, i);
        let Some(theme) = themes.iter().position(|theme| theme.id == figure.theme) else {
            continue;
        };
        if figure.automatic && figure.value.is_some() && !repeated {
            let key = (
                theme,
                format!("{}{:?}", figure.unit.hans, figure.measure),
                format!("{:?}", figure.period),
                chart_kind(&figure.label.hans, &figure.unit.hans),
            );
            groups.entry(key).or_default().push(figure);
        }
    }
    let mut charts = Vec::new();
    for ((theme, ..), bars) in groups {
        if bars.len() < 2 {
            continue;
        }
        let first = bars[0];
        let (period_hans, period_en) = period::words(first.period.as_ref());
        let unit = if first.unit.hans.is_empty() {
            measure_words(first.measure)
        } else {
            (first.unit.hans.clone(), first.unit.en.clone())
        };
        let theme = &themes[theme];
        let number = charts
            .iter()
            .filter(|c: &&Chart| c.theme == theme.id)
            .count()
            + 1;
        charts.push(Chart {
            id: format!("{}-chart-{number}", theme.id),
            theme: theme.id.clone(),
            title: label(
                &format!("以{}计（{period_hans}）", unit.0),
                &format!("In {} ({period_en})", unit.1),
            ),
            bars: bars
                .iter()
                .take(MOST_BARS)
                .map(|figure| Bar {
                    figure: figure.id.clone(),
                    label: figure.label.clone(),
                })
                .collect(),
        });
    }
    charts
}

/// How a figure without a unit is counted, in words.
fn measure_words(measure: Measure) -> (String, String) {
    let (hans, en) = match measure {
        Measure::People => ("人数", "people"),
        Measure::PersonTimes => ("人次", "people counted each time"),
        Measure::Money => ("金额", "money"),
        Measure::Percent => ("百分比", "per cent"),
        Measure::PercentagePoints => ("百分点", "percentage points"),
        Measure::Count => ("数量", "number"),
    };
    (hans.to_owned(), en.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_changes_and_averages_are_charted_apart() {
        assert_eq!(chart_kind("就业", "人"), "level");
        assert_eq!(chart_kind("就业同比增加", "人"), "change");
        assert_eq!(chart_kind("营业性客运量同比增长", "%"), "change");
        assert_eq!(chart_kind("日均", "人次"), "average");
        assert_eq!(chart_kind("每万人口发明专利拥有量", "件"), "average 量");
        assert_ne!(chart_kind("国家和地区", "个"), chart_kind("自贸协定", "个"));
        assert_eq!(chart_kind("站点", "个"), chart_kind("服务站点", "个"));
    }

    #[test]
    fn labels_overlap_when_they_share_a_word() {
        assert!(labels_overlap("技能人才总量", "全国技能人才"));
        assert!(!labels_overlap("技能", "会员"));
    }
}
