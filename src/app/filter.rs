//! The filter every tab applies: a set of topics and a free text.

use std::collections::{BTreeSet, HashSet};
use std::ops::Range;

use crate::data::{Dataset, Figure, FigureIds, Segment, Speaker};
use crate::text::scan::any_three_bytes;

/// What the user narrowed the dashboard to. Empty parts do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Theme ids.
    pub topics: BTreeSet<String>,
    /// Matched, case-insensitively and with numbers' thousands separators dropped (`2,245` as
    /// displayed finds `2245`), against a figure's speaker's name, its labels in both scripts
    /// and English, its raw text and its source sentence; a transcript item matches when its
    /// title (in any form) or its text (in either script) holds it, or when it holds a
    /// matching figure.
    pub text: String,
}

impl Filter {
    pub fn is_active(&self) -> bool {
        !self.topics.is_empty() || !self.text.trim().is_empty()
    }

    pub fn clear(&mut self) {
        self.topics.clear();
        self.text.clear();
    }

    /// Whether a figure passes both parts of the filter. A figure belongs to its theme and to
    /// the themes it is tagged with; `speakers` are the dataset's, whose names find their
    /// figures.
    pub fn matches_figure(&self, figure: &Figure, speakers: &[Speaker]) -> bool {
        self.matches_topics(std::iter::once(&figure.theme).chain(&figure.tags))
            && self.matches_text(figure, speakers)
    }

    /// Whether a transcript item of `data` passes both parts of the filter.
    pub fn matches_segment(&self, segment: &Segment, data: &Dataset) -> bool {
        self.matches_topics(segment.themes.iter()) && segment_has_text(segment, data, &self.text)
    }

    fn matches_topics<'a>(&self, mut themes: impl Iterator<Item = &'a String>) -> bool {
        self.topics.is_empty() || themes.any(|t| self.topics.contains(t))
    }

    /// Whether the text filter finds `figure` only in its source sentence, not in what its row
    /// shows (label, value, speaker): the row then says why it is listed.
    pub fn matches_only_in_sentence(&self, figure: &Figure, speakers: &[Speaker]) -> bool {
        let needle = needle(&self.text);
        let texts = figure_texts(figure, speakers);
        let (shown, sentence) = texts.split_at(texts.len() - 2);
        let holds = |haystack: &&str| haystack.to_lowercase().contains(&needle);
        !needle.is_empty() && !shown.iter().any(holds) && sentence.iter().any(holds)
    }

    fn matches_text(&self, figure: &Figure, speakers: &[Speaker]) -> bool {
        let needle = needle(&self.text);
        needle.is_empty() || figure_has(figure, speakers, &needle)
    }
}

/// The filter text as it is matched: trimmed and lowercased, without the thousands
/// separators the screens add to numbers (`2,245` finds the transcript's `2245`).
fn needle(text: &str) -> String {
    let lowered: Vec<char> = text.trim().to_lowercase().chars().collect();
    let separates_digits = |at: usize| {
        lowered[at] == ','
            && at
                .checked_sub(1)
                .is_some_and(|before| lowered[before].is_ascii_digit())
            && lowered.get(at + 1).is_some_and(char::is_ascii_digit)
    };
    (0..lowered.len())
        .filter(|&at| !separates_digits(at))
        .map(|at| lowered[at])
        .collect()
}

/// The texts of a figure that the text filter searches: its speaker's name (found among
/// `speakers`), its labels, raw text and, last, its source sentence in both scripts.
fn figure_texts<'a>(figure: &'a Figure, speakers: &'a [Speaker]) -> [&'a str; 10] {
    let name = speakers
        .iter()
        .find(|speaker| speaker.id == figure.speaker)
        .map(|speaker| &speaker.name);
    let name_in = |form: fn(&crate::data::Label) -> &str| name.map_or("", form);
    [
        name_in(|name| &name.hans),
        name_in(|name| &name.hant),
        name_in(|name| &name.en),
        &figure.label.hans,
        &figure.label.hant,
        &figure.label.en,
        &figure.raw.hans,
        &figure.raw.hant,
        &figure.source.sentence.hans,
        &figure.source.sentence.hant,
    ]
}

/// The texts of a transcript item that the text filter searches, besides its figures': its
/// title in every form and its words in both scripts.
fn item_texts(segment: &Segment) -> impl Iterator<Item = &str> {
    let title = &segment.title;
    [title.hans.as_str(), &title.hant, &title.en]
        .into_iter()
        .chain(
            segment
                .paragraphs
                .iter()
                .flat_map(|paragraph| [paragraph.text.hans.as_str(), &paragraph.text.hant]),
        )
}

/// Whether a figure's texts hold `needle` (lowercased).
fn figure_has(figure: &Figure, speakers: &[Speaker], needle: &str) -> bool {
    figure_texts(figure, speakers)
        .iter()
        .any(|haystack| haystack.to_lowercase().contains(needle))
}

/// The text part of the filter for a transcript item (see [`Filter::text`]); the pager uses
/// it beside the topics, so its items and the overview's counts agree. An empty text matches.
pub fn segment_has_text(segment: &Segment, data: &Dataset, text: &str) -> bool {
    let needle = needle(text);
    if needle.is_empty() {
        return true;
    }
    item_texts(segment).any(|haystack| haystack.to_lowercase().contains(&needle))
        || data
            .figures
            .iter()
            .filter(|figure| figure.source.segment == segment.id)
            .any(|figure| figure_has(figure, &data.speakers, &needle))
}

/// The dataset's searchable texts, lowercased once: made on the first text filter with case
/// outside ASCII (`é`, `Ω`, `Ａ`; not at start-up), so that a keystroke in the filter only
/// searches. Only the texts that lowercasing changes are copied; the rest (most Chinese text)
/// are searched where they are. Filter text of ASCII and Chinese needs no index: it is
/// searched in the texts as written, ASCII letters compared without case.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    /// Each figure's [`figure_texts`].
    figures: LoweredTexts,
    /// Each item's [`item_texts`].
    items: LoweredTexts,
}

impl SearchIndex {
    pub fn new(data: &Dataset) -> Self {
        let mut figures = LoweredTexts::new();
        for figure in &data.figures {
            figures.push_owner(figure_texts(figure, &data.speakers));
        }
        let mut items = LoweredTexts::new();
        for segment in &data.segments {
            items.push_owner(item_texts(segment));
        }
        Self { figures, items }
    }
}

/// The figures `kept` keeps, in dataset order, each fact once: a figure that restates a fact
/// an earlier kept figure states (its repeats name that figure) is left out, so a fact said
/// several times is listed at its first statement. The dashboard's lists and counts and
/// `pressdash figures` all list figures this way.
pub fn first_statements<'a>(
    data: &'a Dataset,
    ids: &'a FigureIds,
    kept: impl Fn(usize) -> bool + 'a,
) -> impl Iterator<Item = usize> + 'a {
    (0..data.figures.len()).filter(move |&figure| {
        kept(figure)
            && !data.figures[figure]
                .repeats
                .iter()
                .filter_map(|id| ids.get(id))
                .any(|earlier| earlier < figure && kept(earlier))
    })
}

/// What a filter lets through, worked out once when the filter changes and kept beside it,
/// so that drawing a frame or moving in a list matches nothing again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passing {
    /// Per figure of the dataset: whether it passes.
    figures: Vec<bool>,
    /// How many facts pass, and how many the dataset states: a fact said several times
    /// counts once.
    fact_count: usize,
    fact_total: usize,
    /// Per theme: its figures that pass, in dataset order, each fact once: at the first of its
    /// statements that passes.
    topic_figures: Vec<Vec<usize>>,
    /// Per segment: whether its transcript item passes.
    items: Vec<bool>,
}

impl Passing {
    /// What `filter` lets through in `data`, whose figures `ids` finds by id. A text filter
    /// searches `index`, which is made here when it is first needed; a filter of topics alone,
    /// or of text whose only letters with case are ASCII (Latin, Chinese), does without.
    pub fn new(
        data: &Dataset,
        ids: &FigureIds,
        filter: &Filter,
        index: &mut Option<SearchIndex>,
    ) -> Self {
        let needle = needle(&filter.text);
        let search = if needle.is_empty() {
            None
        } else if needle.chars().all(lowercased_from_itself_alone) {
            Some(Search::AsWritten)
        } else if needle
            .chars()
            .all(|c| c.is_ascii() || lowercased_from_itself_alone(c))
        {
            Some(Search::IgnoringAsciiCase {
                from_outside_ascii: letters_from_outside_ascii(&needle),
            })
        } else {
            Some(Search::Lowered(
                index.get_or_insert_with(|| SearchIndex::new(data)),
            ))
        };
        // Whether each figure's texts hold the filter text, its topics aside: an item holding
        // such a figure passes the text part too.
        let figure_text: Vec<bool> = (0..data.figures.len())
            .map(|figure| {
                search.as_ref().is_none_or(|search| {
                    let texts = figure_texts(&data.figures[figure], &data.speakers);
                    search.finds(&needle, texts, |index| (&index.figures, figure))
                })
            })
            .collect();
        let figures: Vec<bool> = data
            .figures
            .iter()
            .zip(&figure_text)
            .map(|(figure, &text)| {
                text && filter.matches_topics(std::iter::once(&figure.theme).chain(&figure.tags))
            })
            .collect();
        let holding_a_match: HashSet<&str> = data
            .figures
            .iter()
            .zip(&figure_text)
            .filter(|&(_, &text)| text && search.is_some())
            .map(|(figure, _)| figure.source.segment.as_str())
            .collect();
        let items = data
            .segments
            .iter()
            .enumerate()
            .map(|(item, segment)| {
                filter.matches_topics(segment.themes.iter())
                    && search.as_ref().is_none_or(|search| {
                        holding_a_match.contains(segment.id.as_str())
                            || search
                                .finds(&needle, item_texts(segment), |index| (&index.items, item))
                    })
            })
            .collect();
        let listed =
            |theme: &str, figure: usize| figures[figure] && data.figures[figure].in_theme(theme);
        let topic_figures = data
            .themes
            .iter()
            .map(|theme| first_statements(data, ids, |figure| listed(&theme.id, figure)).collect())
            .collect();
        Self {
            fact_count: first_statements(data, ids, |figure| figures[figure]).count(),
            fact_total: first_statements(data, ids, |_| true).count(),
            figures,
            topic_figures,
            items,
        }
    }

    /// Whether figure `figure` (an index into the dataset's figures) passes.
    pub fn figure(&self, figure: usize) -> bool {
        self.figures.get(figure).copied().unwrap_or(false)
    }

    /// How many facts pass, and how many the dataset states, each said once or more.
    pub fn fact_counts(&self) -> (usize, usize) {
        (self.fact_count, self.fact_total)
    }

    /// The figures of theme `topic` that pass, in dataset order.
    pub fn topic_figures(&self, topic: usize) -> &[usize] {
        self.topic_figures.get(topic).map_or(&[], Vec::as_slice)
    }

    /// Whether the transcript item of segment `segment` passes.
    pub fn item(&self, segment: usize) -> bool {
        self.items.get(segment).copied().unwrap_or(false)
    }
}

/// Where a text filter looks.
enum Search<'i> {
    /// In the texts as written: the filter text has no character that lowercasing makes out
    /// of another (see [`lowercased_from_itself_alone`]), so a text holds it exactly when the
    /// text's lowercased form does. Chinese filter text is searched so, without the index.
    AsWritten,
    /// In the texts as written, ASCII letters compared without case: the filter text has
    /// ASCII letters besides such characters. A text holding one of `from_outside_ascii` (see
    /// [`letters_from_outside_ascii`]) is lowercased to be searched. Latin filter text is
    /// searched so, without the index.
    IgnoringAsciiCase { from_outside_ascii: Vec<char> },
    /// In the lowercased texts.
    Lowered(&'i SearchIndex),
}

impl<'i> Search<'i> {
    /// Whether one of `texts` holds `needle` (lowercased); `lowered` gives where the index
    /// keeps these texts lowercased: which of its lists, and their owner in it.
    fn finds<'t>(
        &self,
        needle: &str,
        texts: impl IntoIterator<Item = &'t str>,
        lowered: impl FnOnce(&'i SearchIndex) -> (&'i LoweredTexts, usize),
    ) -> bool {
        let mut texts = texts.into_iter();
        match self {
            Self::AsWritten => texts.any(|text| text.contains(needle)),
            Self::IgnoringAsciiCase { from_outside_ascii } => texts.any(|text| {
                holds_ignoring_ascii_case(text, needle)
                    || (from_outside_ascii.iter().any(|&c| text.contains(c))
                        && text.to_lowercase().contains(needle))
            }),
            Self::Lowered(index) => {
                let (lowered, owner) = lowered(index);
                lowered.holds(owner, texts, needle)
            }
        }
    }
}

/// Whether `text` holds `needle` (lowercased, of ASCII and characters that lowercasing makes
/// out of themselves alone) as its lowercased form would: ASCII letters compared without
/// case, K standing for `k` and İ for a last `i` (see [`letters_from_outside_ascii`]), except
/// at the needle's first letter, which is looked for in ASCII. The places of that letter (or,
/// without letters, of the needle's first byte) are looked for first, few in Chinese text: a
/// pass without branches over each run of bytes, which the compiler vectorises, then a closer
/// look at the runs holding one.
fn holds_ignoring_ascii_case(text: &str, needle: &str) -> bool {
    /// How many bytes are looked at between two checks for the needle's letter.
    const CHUNK: usize = 64;
    let (text, needle) = (text.as_bytes(), needle.as_bytes());
    let Some(probe) = needle
        .iter()
        .position(u8::is_ascii_lowercase)
        .or((!needle.is_empty()).then_some(0))
    else {
        return true;
    };
    // Setting the case bit of a capital makes it small; only a letter is compared so.
    let case_bit = if needle[probe].is_ascii_lowercase() {
        0x20
    } else {
        0
    };
    let is_probe = |byte: u8| byte | case_bit == needle[probe];
    // The needle starts where its probe is found, `probe` bytes earlier: no letter, so no K
    // or İ, comes before the probe.
    let holds_at = |start: usize| {
        text.get(start..)
            .is_some_and(|candidate| lowercases_to_start_with(candidate, needle))
    };
    let probes = text.get(probe..).unwrap_or_default();
    probes.chunks(CHUNK).enumerate().any(|(chunk, run)| {
        run.iter()
            .fold(false, |found, &byte| found | is_probe(byte))
            && (0..run.len()).any(|at| is_probe(run[at]) && holds_at(chunk * CHUNK + at))
    })
}

/// Whether the lowercased form of `text` starts with `needle` (as in
/// [`holds_ignoring_ascii_case`]): each byte of the needle is the text's next byte without
/// ASCII case, or a `k` its next K, or the needle's last `i` its next İ.
fn lowercases_to_start_with(text: &[u8], needle: &[u8]) -> bool {
    const KELVIN: &[u8] = "\u{212a}".as_bytes();
    const DOTTED_I: &[u8] = "İ".as_bytes();
    let mut rest = text;
    for (at, &wanted) in needle.iter().enumerate() {
        let taken = if rest
            .first()
            .is_some_and(|byte| byte.to_ascii_lowercase() == wanted)
        {
            1
        } else if wanted == b'k' && rest.starts_with(KELVIN) {
            KELVIN.len()
        } else if wanted == b'i' && at + 1 == needle.len() && rest.starts_with(DOTTED_I) {
            DOTTED_I.len()
        } else {
            return false;
        };
        rest = &rest[taken..];
    }
    true
}

/// The characters outside ASCII that [`holds_ignoring_ascii_case`] does not find standing
/// for the first letter of `needle` (lowercased, of ASCII and characters that lowercasing
/// makes out of themselves alone), which a text holding one must be lowercased to be
/// searched for. No character outside ASCII but two lowercases to ASCII: K (Kelvin sign) to
/// `k`; İ to `i` and a combining dot, which no such needle holds, so only as its last letter.
fn letters_from_outside_ascii(needle: &str) -> Vec<char> {
    let first_letter = needle.find(|c: char| c.is_ascii_lowercase());
    [
        (
            first_letter.is_some_and(|at| needle[at..].starts_with('k')),
            '\u{212a}',
        ),
        (first_letter.is_some_and(|at| &needle[at..] == "i"), 'İ'),
    ]
    .into_iter()
    .filter_map(|(stands_for_it, c)| stands_for_it.then_some(c))
    .collect()
}

/// Whether lowercasing makes `c` out of `c` alone, and `c` out of nothing else: CJK
/// punctuation, kana and ideographs (U+3000–U+9FFF), ASCII other than letters, and fullwidth
/// forms other than letters. Lowercasing maps each character on its own (Σ aside, which
/// becomes σ or ς), so a text holds a run of these exactly when its lowercased form does.
fn lowercased_from_itself_alone(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{9fff}')
        || (c.is_ascii() && !c.is_ascii_alphabetic())
        || (matches!(c, '\u{ff00}'..='\u{ffef}') && !matches!(c, 'Ａ'..='Ｚ' | 'ａ'..='ｚ'))
}

/// Lowercased texts in one buffer, grouped by their owner (a figure, an item).
#[derive(Debug, Clone)]
struct LoweredTexts {
    buffer: String,
    /// Per text: where its lowercased form lies in `buffer`, or `None` when lowercasing leaves
    /// it as it is and the text itself is searched.
    lowered: Vec<Option<Range<usize>>>,
    /// Owner `o` has the texts `owner_bounds[o]..owner_bounds[o + 1]`.
    owner_bounds: Vec<usize>,
}

impl LoweredTexts {
    fn new() -> Self {
        Self {
            buffer: String::new(),
            lowered: Vec::new(),
            owner_bounds: vec![0],
        }
    }

    /// Adds the next owner's texts, lowercased each on its own (as the filter matches them).
    fn push_owner<'t>(&mut self, texts: impl IntoIterator<Item = &'t str>) {
        for text in texts {
            let lowered = lowercasing_changes(text).then(|| {
                let start = self.buffer.len();
                push_lowercase(&mut self.buffer, text);
                start..self.buffer.len()
            });
            self.lowered.push(lowered);
        }
        self.owner_bounds.push(self.lowered.len());
    }

    /// Whether one of the texts of owner `owner` holds `needle`; `texts` are the owner's
    /// texts as given to [`LoweredTexts::push_owner`].
    fn holds<'t>(
        &self,
        owner: usize,
        texts: impl IntoIterator<Item = &'t str>,
        needle: &str,
    ) -> bool {
        let lowered = &self.lowered[self.owner_bounds[owner]..self.owner_bounds[owner + 1]];
        lowered
            .iter()
            .zip(texts)
            .any(|(lowered, text)| match lowered {
                Some(range) => self.buffer[range.clone()].contains(needle),
                None => text.contains(needle),
            })
    }
}

/// Whether `text.to_lowercase()` differs from `text`, found without writing anything: a
/// branch-free pass over the bytes first, then only the characters that may have case are
/// looked at.
fn lowercasing_changes(text: &str) -> bool {
    if !may_have_case(text) {
        return false;
    }
    let mut rest = text;
    while let Some(at) = rest.bytes().position(may_start_a_cased_char) {
        let mut chars = rest[at..].chars();
        let Some(c) = chars.next() else { break };
        // Chinese text is full of fullwidth punctuation (，：（）); of that block only the
        // letters Ａ–Ｚ have case, so the tables need not be asked.
        let changes = if ('\u{ff00}'..='\u{ffef}').contains(&c) {
            ('Ａ'..='Ｚ').contains(&c)
        } else {
            let mut lower = c.to_lowercase();
            lower.next() != Some(c) || lower.next().is_some()
        };
        if changes {
            return true;
        }
        rest = chars.as_str();
    }
    false
}

/// Whether `text` may hold a character that lowercasing changes; `false` means it holds none.
fn may_have_case(text: &str) -> bool {
    any_three_bytes(text, three_bytes_may_be_cased)
}

/// Whether a character starting with the bytes `first`, `second`, `third` may be one that
/// lowercasing changes: an ASCII capital; a character of two bytes; one of U+0800–U+1FFF,
/// U+A000–U+EFFF or beyond U+FFFF; in U+2000–U+2FFF, one of the few blocks with capitals
/// (letterlike symbols, Roman numerals, circled letters, Glagolitic, Coptic, Latin); the
/// fullwidth capitals Ａ–Ｚ. CJK punctuation, kana and ideographs (U+3000–U+9FFF) have no
/// case, nor has the rest of the fullwidth block.
#[expect(
    clippy::needless_bitwise_bool,
    reason = "without branches the caller's loop is vectorised"
)]
fn three_bytes_may_be_cased(first: u8, second: u8, third: u8) -> bool {
    first.is_ascii_uppercase()
        | matches!(first, 0xc0..=0xe1 | 0xea..=0xee | 0xf0..=0xff)
        | ((first == 0xe2) & matches!(second, 0x84..=0x86 | 0x92 | 0x93 | 0xb0..=0xb3))
        | ((first == 0xef) & (second == 0xbc) & matches!(third, 0xa1..=0xba))
}

/// Appends `text.to_lowercase()` to `buffer`, faster: without allocating, and copying runs
/// of what lowercasing leaves as it is (Chinese, digits, small letters) without looking each
/// character up.
fn push_lowercase(buffer: &mut String, text: &str) {
    let start = buffer.len();
    let mut rest = text;
    while let Some(at) = rest.bytes().position(may_start_a_cased_char) {
        buffer.push_str(&rest[..at]);
        let mut chars = rest[at..].chars();
        let Some(c) = chars.next() else { break };
        if c == 'Σ' {
            // The one letter that lowercases by its neighbours (to ς at the end of a word).
            buffer.truncate(start);
            buffer.push_str(&text.to_lowercase());
            return;
        }
        buffer.extend(c.to_lowercase());
        rest = chars.as_str();
    }
    buffer.push_str(rest);
}

/// Whether a byte of UTF-8 may start a character that lowercasing changes: an ASCII capital,
/// or the first byte of a character outside ASCII and U+3000–U+9FFF (CJK punctuation, kana
/// and ideographs, none of which has case).
fn may_start_a_cased_char(byte: u8) -> bool {
    byte.is_ascii_uppercase() || matches!(byte, 0xc0..=0xe2 | 0xea..=0xff)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::fixture;

    #[test]
    fn an_empty_filter_lets_everything_through() {
        let data = fixture::dataset();
        let filter = Filter::default();
        assert!(!filter.is_active());
        assert!(
            data.figures
                .iter()
                .all(|f| filter.matches_figure(f, &data.speakers))
        );
    }

    #[test]
    fn a_match_in_the_sentence_alone_is_told_apart() {
        let data = fixture::dataset();
        let express = &data.figures[0];
        let only_sentence = |text: &str| {
            let filter = Filter {
                text: text.into(),
                ..Filter::default()
            };
            filter.matches_only_in_sentence(express, &data.speakers)
        };
        assert!(only_sentence("業務量完成"), "words of the sentence alone");
        assert!(!only_sentence("快递"), "in the label too");
        assert!(!only_sentence(""));
        assert!(!only_sentence("no such words"));
    }

    #[test]
    fn a_speakers_name_finds_their_figures() {
        let data = fixture::dataset();
        let speaker = &data.speakers[0];
        for name in [&speaker.name.hans, &speaker.name.hant, &speaker.name.en] {
            let filter = Filter {
                text: name.clone(),
                ..Filter::default()
            };
            for figure in &data.figures {
                if figure.speaker == speaker.id {
                    assert!(filter.matches_figure(figure, &data.speakers), "{name}");
                }
            }
        }
    }

    #[test]
    fn a_number_as_displayed_finds_the_number_as_said() {
        let data = fixture::dataset();
        let express = &data.figures[0];
        for text in ["8,122.4", "8,122.4萬件", "8122.4"] {
            let filter = Filter {
                text: text.into(),
                ..Filter::default()
            };
            assert!(filter.matches_figure(express, &data.speakers), "{text}");
        }
        assert_eq!(needle(" 1,234,567 "), "1234567");
        assert_eq!(
            needle("a,b 1, 2 ,3"),
            "a,b 1, 2 ,3",
            "only a comma between digits"
        );
    }

    #[test]
    fn text_matches_either_script_english_and_the_sentence() {
        let data = fixture::dataset();
        let express = &data.figures[0];
        for text in ["快递", "快遞", "EXPRESS", "業務量完成"] {
            let filter = Filter {
                text: text.into(),
                ..Filter::default()
            };
            assert!(filter.matches_figure(express, &data.speakers), "{text}");
        }
        let filter = Filter {
            text: "no such words".into(),
            ..Filter::default()
        };
        assert!(!filter.matches_figure(express, &data.speakers));
    }

    #[test]
    fn topics_match_the_theme_or_a_tag() {
        let data = fixture::dataset();
        let filter = Filter {
            topics: BTreeSet::from(["rights".to_string()]),
            ..Filter::default()
        };
        let themes: Vec<&str> = data
            .figures
            .iter()
            .filter(|f| filter.matches_figure(f, &data.speakers))
            .map(|f| f.id.as_str())
            .collect();
        // The tagged skills figure comes along with the rights figures.
        assert_eq!(
            themes,
            ["f-members", "f-courier", "f-medal", "f-fund", "f-unions"]
        );
    }

    /// What [`Passing`] keeps must be what matching each figure and item on its own gives.
    fn assert_passing_agrees(data: &Dataset, filter: &Filter, index: &mut Option<SearchIndex>) {
        let passing = Passing::new(data, &FigureIds::new(data), filter, index);
        let figures: Vec<bool> = data
            .figures
            .iter()
            .map(|f| filter.matches_figure(f, &data.speakers))
            .collect();
        let items: Vec<bool> = (0..data.segments.len())
            .map(|s| filter.matches_segment(&data.segments[s], data))
            .collect();
        assert_eq!(
            (0..figures.len())
                .map(|f| passing.figure(f))
                .collect::<Vec<_>>(),
            figures,
            "{filter:?}"
        );
        // Each fact once: a passing figure restating an earlier passing one is not counted.
        let restating = (0..figures.len())
            .filter(|&f| {
                figures[f]
                    && (0..f).any(|g| {
                        figures[g] && data.figures[f].repeats.contains(&data.figures[g].id)
                    })
            })
            .count();
        assert_eq!(
            passing.fact_counts().0,
            figures.iter().filter(|&&f| f).count() - restating
        );
        assert_eq!(
            (0..items.len())
                .map(|s| passing.item(s))
                .collect::<Vec<_>>(),
            items,
            "{filter:?}"
        );
        for (topic, theme) in data.themes.iter().enumerate() {
            let listed = |f: usize| figures[f] && data.figures[f].in_theme(&theme.id);
            let expected: Vec<usize> = (0..figures.len())
                .filter(|&f| {
                    listed(f)
                        && !(0..f).any(|g| {
                            listed(g) && data.figures[f].repeats.contains(&data.figures[g].id)
                        })
                })
                .collect();
            assert_eq!(passing.topic_figures(topic), expected, "{filter:?}");
        }
    }

    #[test]
    fn only_a_text_filter_with_case_outside_ascii_lowercases_the_dataset() {
        let data = fixture::dataset();
        let mut index = None;
        let topics = Filter {
            topics: BTreeSet::from(["rights".to_string()]),
            text: "  ".into(),
        };
        assert_passing_agrees(&data, &topics, &mut index);
        assert!(index.is_none());
        // Chinese filter text is searched in the texts as written.
        let chinese = Filter {
            text: "快递".into(),
            ..topics
        };
        assert_passing_agrees(&data, &chinese, &mut index);
        assert!(index.is_none());
        // So is Latin filter text, ASCII letters compared without case.
        let latin = Filter {
            text: "Courier".into(),
            ..chinese
        };
        assert_passing_agrees(&data, &latin, &mut index);
        assert!(index.is_none());
        let accented = Filter {
            text: "Courié".into(),
            ..latin
        };
        assert_passing_agrees(&data, &accented, &mut index);
        assert!(index.is_some());
    }

    #[test]
    fn kelvin_and_dotted_i_are_found_by_the_ascii_letters_they_lowercase_to() {
        let mut data = fixture::dataset();
        let planted = "工會A\u{212a}工İ";
        data.segments[1].paragraphs[0].text.hans = planted.into();
        data.figures[2].label.en = planted.into();
        for (text, found) in [
            ("會ak", true),
            ("A\u{212a}工I", true),
            ("\u{212a}工", true),
            ("k工i", true),
            ("工i", true),
            ("工i\u{307}", true),
            ("工k", false),
            ("a工", false),
            ("ak工ii", false),
        ] {
            let filter = Filter {
                text: text.into(),
                ..Filter::default()
            };
            assert_eq!(
                filter.matches_figure(&data.figures[2], &data.speakers),
                found,
                "{text}"
            );
            assert_passing_agrees(&data, &filter, &mut None);
        }
    }

    #[test]
    fn outside_ascii_only_kelvin_and_dotted_i_lowercase_to_ascii() {
        let to_ascii: Vec<(char, String)> = (char::MIN..=char::MAX)
            .filter(|c| !c.is_ascii() && c.to_lowercase().any(|lower| lower.is_ascii()))
            .map(|c| (c, c.to_lowercase().collect()))
            .collect();
        assert_eq!(
            to_ascii,
            [('İ', "i\u{307}".to_string()), ('\u{212a}', "k".to_string())]
        );
        // The combining dot after İ's `i` is in no filter text searched without the index.
        assert!(!'\u{307}'.is_ascii() && !lowercased_from_itself_alone('\u{307}'));
        for (needle, from_outside_ascii) in [
            ("kilo", &['\u{212a}'][..]),
            ("工k", &['\u{212a}']),
            ("i", &['İ']),
            ("工i", &['İ']),
            ("work", &[]),
            ("skill", &[]),
            ("ski", &[]),
            ("in", &[]),
            ("農民工", &[]),
        ] {
            assert_eq!(letters_from_outside_ascii(needle), from_outside_ascii);
        }
    }

    #[test]
    fn ascii_letters_are_found_without_case_where_they_are() {
        for (text, needle) in [
            ("Courier", "courier"),
            ("農民工COURIER", "r"),
            ("2,245 Couriers", "2,245 cour"),
            ("工會 MIGRANT 工人", "t 工"),
            ("工會 MIGRANT 工人", "會 m"),
            ("ab", "ab"),
            // Across the chunks the search looks at: `工` is three bytes.
            (
                &format!("{}COURIER{}", "工".repeat(21), "會".repeat(30)),
                "courier",
            ),
            (&format!("{}COURIER", "工".repeat(40)), "courier"),
            // K and İ after the first letter.
            ("工WOR\u{212a}ERS", "work"),
            ("S\u{212a}İ", "ski"),
            ("工會 ÖKİ", "ki"),
        ] {
            assert!(holds_ignoring_ascii_case(text, needle), "{text} {needle}");
        }
        for (text, needle) in [
            ("Courier", "couriers"),
            ("", "a"),
            ("農民工", "a"),
            ("[a]", "{a}"),
            // İ lowercases to `i` and a combining dot.
            ("SİK", "sik"),
            // At the needle's first letter, they are left to the caller.
            ("\u{212a}", "k"),
            ("İ", "i"),
        ] {
            assert!(!holds_ignoring_ascii_case(text, needle), "{text} {needle}");
        }
    }

    #[test]
    fn chinese_characters_have_no_case() {
        let cased: Vec<char> = ('\u{3000}'..='\u{9fff}')
            .filter(|&c| c.to_lowercase().ne(std::iter::once(c)))
            .collect();
        assert_eq!(cased, []);
        let mut buffer = [0; 4];
        for c in ['\u{3000}', '工', '\u{9fff}'] {
            assert!(!may_start_a_cased_char(
                c.encode_utf8(&mut buffer).as_bytes()[0]
            ));
        }
        for c in ['\u{2fff}', 'Ω', '\u{a000}', 'Ａ', 'A', '𐐀'] {
            assert!(may_start_a_cased_char(
                c.encode_utf8(&mut buffer).as_bytes()[0]
            ));
        }
    }

    #[test]
    fn what_is_lowercased_from_itself_alone_comes_from_nothing_else() {
        for from in char::MIN..=char::MAX {
            let lowered: Vec<char> = from.to_lowercase().collect();
            for &c in lowered.iter().filter(|&&c| lowercased_from_itself_alone(c)) {
                assert_eq!(lowered, [from], "{from:?} lowercases to {lowered:?}");
                assert_eq!(c, from);
            }
        }
        assert!(
            "農民工，（1）2,245"
                .chars()
                .all(lowercased_from_itself_alone)
        );
        assert!(!"aÁｋΣ".chars().any(lowercased_from_itself_alone));
    }

    #[test]
    fn every_character_lowercasing_changes_may_have_case() {
        let mut buffer = [0; 4];
        let missed: Vec<char> = (char::MIN..=char::MAX)
            .filter(|&c| c.to_lowercase().ne(std::iter::once(c)))
            .filter(|c| !may_have_case(c.encode_utf8(&mut buffer)))
            .collect();
        assert_eq!(missed, []);
        for text in ["，“工會”——農民工…（一）", "ａｂ１２", "", "a", "工"] {
            assert!(!may_have_case(text), "{text}");
        }
        for text in ["Ⅻ", "工Ａ", "工會A", "A", "工會É", "ⓐⒶ"] {
            assert!(may_have_case(text), "{text}");
        }
    }

    /// Texts that lowercase unlike the dataset's: letters that lowercase by their neighbours
    /// (Σ) or to more than one character (İ), from outside ASCII to ASCII (K, İ), combining
    /// marks, fullwidth forms, titlecase (ǅ), letterlike symbols; with Chinese, punctuation
    /// and ASCII around them.
    const TRICKY_PARTS: [&str; 33] = [
        "Σ",
        "ΑΣ",
        "σ",
        "工會",
        "農民工",
        "ー",
        "々",
        "A",
        "İ",
        "ǅ",
        "'",
        ".",
        "，",
        " ",
        "\u{301}",
        "Ａ",
        "ａ",
        "）",
        "“",
        "—",
        "Ⅻ",
        "Ⓐ",
        "\u{212a}",
        "k",
        "K",
        "i",
        "I",
        "ı",
        "\u{307}",
        "ß",
        "\u{212b}",
        "ST",
        "2,245",
    ];

    proptest::proptest! {
        #![proptest_config(crate::proptest_config::proptest_config(256))]

        /// Whatever the text, Greek sigmas that lowercase by their neighbours included.
        #[test]
        fn lowercasing_with_chinese_copied_is_lowercasing(
            parts in proptest::collection::vec(
                proptest::sample::select(&TRICKY_PARTS[..]),
                0..16,
            ),
        ) {
            let text = parts.concat();
            let mut lowered = String::new();
            push_lowercase(&mut lowered, &text);
            proptest::prop_assert_eq!(&lowered, &text.to_lowercase());
            proptest::prop_assert_eq!(lowercasing_changes(&text), lowered != text);
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::proptest_config::proptest_config(256))]

        /// Needles cut from the dataset's own texts (so that many match), as written,
        /// uppercased or lowercased, with
        /// any topics; the dataset has a paragraph and a figure's label of tricky text planted
        /// in it, which is cut from as often as the rest.
        #[test]
        fn what_passes_is_what_matching_one_by_one_gives(
            planted in proptest::collection::vec(
                proptest::sample::select(&TRICKY_PARTS[..]),
                0..12,
            ),
            from_planted in proptest::bool::ANY,
            source in 0_usize..1000,
            cut in (0_usize..12, 1_usize..6),
            case in 0_u8..3,
            topics in proptest::collection::btree_set(
                proptest::sample::select(vec!["rights", "skills", "grassroots", "nobody"]),
                0..3,
            ),
        ) {
            let mut data = fixture::dataset();
            let planted = planted.concat();
            data.segments[1].paragraphs[0].text.hans.clone_from(&planted);
            data.figures[2].label.en.clone_from(&planted);
            let texts: Vec<&str> = data
                .figures
                .iter()
                .flat_map(|figure| figure_texts(figure, &data.speakers))
                .chain(data.segments.iter().flat_map(item_texts))
                .collect();
            let cut_from = if from_planted {
                &planted
            } else {
                texts[source % texts.len()]
            };
            // Cut from the lowercased text too: `İ` gives an `i` alone.
            let cut = |from: &str| -> String { from.chars().skip(cut.0).take(cut.1).collect() };
            let text = match case {
                0 => cut(cut_from),
                1 => cut(cut_from).to_uppercase(),
                _ => cut(&cut_from.to_lowercase()),
            };
            let filter = Filter {
                topics: topics.into_iter().map(String::from).collect(),
                text,
            };
            assert_passing_agrees(&data, &filter, &mut None);
        }
    }

    #[test]
    fn items_match_by_title_text_either_script_or_a_figure_they_hold() {
        let data = fixture::dataset();
        let items = |text: &str| -> Vec<&str> {
            let filter = Filter {
                text: text.into(),
                ..Filter::default()
            };
            data.segments
                .iter()
                .filter(|s| filter.matches_segment(s, &data))
                .map(|s| s.id.as_str())
                .collect()
        };
        assert_eq!(items("").len(), data.segments.len());
        // Paragraph text, in either script.
        assert_eq!(items("快递小哥"), ["s-q2"]);
        assert_eq!(items("快遞小哥"), ["s-q2"]);
        // The title, in English, whatever the case.
        assert_eq!(items("  OPENING "), ["s-opening"]);
        // Only a figure's English label says "migrant".
        assert_eq!(items("migrant"), ["s-q1"]);
        assert!(items("no such words").is_empty());
        // Topics and text together.
        let both = Filter {
            topics: BTreeSet::from(["rights".to_string()]),
            text: "快递".into(),
        };
        let shown: Vec<&str> = data
            .segments
            .iter()
            .filter(|s| both.matches_segment(s, &data))
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(shown, ["s-statement", "s-q2"]);
    }
}
