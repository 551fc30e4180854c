//! Telling figures from other numbers: reading a number with what follows it (hedge,
//! magnitude, unit or classifier), or saying why it is no figure (a year, a date, an ordinal,
//! a list number, a hotline, a span of years).
//!
//! Works on a paragraph's simplified text as `char`s; offsets count `char`s.

use crate::data::number::{ParsedNumber, UNITS, is_numeral, parse_raw};

/// What a number in the text is.
#[derive(Debug, Clone, PartialEq)]
pub enum Reading {
    /// A figure: its raw text is `chars[start..end]`.
    Figure(Found),
    /// No figure, and why, for the report.
    Excused {
        start: usize,
        end: usize,
        why: &'static str,
    },
}

/// A figure found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    /// The source lost a character of it (`?650个`): it has no value.
    pub damaged: bool,
    pub parsed: ParsedNumber,
}

/// Words that, right after `成`, make it part of a word rather than a share (`一成不变`,
/// `三成员`).
const NOT_A_SHARE: &str = "不功为立就果员绩长本熟交效型";

/// Hedges that may stand between a number and its magnitude or unit.
const HEDGES: [char; 2] = ['余', '多'];

/// Magnitudes.
const MAGNITUDES: [char; 3] = ['千', '万', '亿'];

fn at(chars: &[char], i: usize) -> Option<char> {
    chars.get(i).copied()
}

fn starts_with(chars: &[char], from: usize, word: &str) -> bool {
    (from..)
        .zip(word.chars())
        .all(|(i, c)| at(chars, i) == Some(c))
}

fn ends_with(chars: &[char], to: usize, word: &str) -> bool {
    let len = word.chars().count();
    to >= len && starts_with(chars, to - len, word)
}

/// The longest unit of the unit table written at `from`, as its length in `char`s.
fn unit_at(chars: &[char], from: usize) -> usize {
    UNITS
        .iter()
        .filter(|unit| !unit.hans.is_empty() && starts_with(chars, from, unit.hans))
        .map(|unit| unit.hans.chars().count())
        .max()
        .unwrap_or(0)
}

/// Why a long bare number or a dialled one is no figure.
const HOTLINE: &str = "a hotline, phone or code number";

/// A number one dials: after `拨打`/`致电`/`电话`, around a phone number's `-`
/// (`010-65645678`), or a long one that a `热线`/`电话` later in its clause names.
fn is_dialled(chars: &[char], start: usize, end: usize) -> bool {
    let dialling = ["拨打", "致电", "电话", "热线"]
        .iter()
        .any(|word| ends_with(chars, start, word));
    let phone_dash = at(chars, end) == Some('-')
        && at(chars, end + 1).is_some_and(|c| c.is_ascii_digit())
        && chars[start] == '0'
        || start >= 2
            && chars[start - 1] == '-'
            && chars[start - 2].is_ascii_digit()
            && end - start >= 7;
    let named_later = end - start >= 5 && {
        let clause: String = chars[end..]
            .iter()
            .take_while(|c| !"，。；！？、".contains(**c))
            .collect();
        clause.contains("热线") || clause.contains("电话")
    };
    dialling || phone_dash || named_later
}

/// A month number that opens a span of months: `1至9月`, `1-6月`, `1到3月`.
fn opens_month_span(chars: &[char], end: usize) -> bool {
    if !at(chars, end).is_some_and(|c| matches!(c, '至' | '到' | '-' | '—' | '~' | '～')) {
        return false;
    }
    let digits = chars[end + 1..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    (1..=2).contains(&digits) && at(chars, end + 1 + digits) == Some('月')
}

/// Why a number is no figure, judged by the characters around it; `None` when it may be one.
fn excuse(chars: &[char], start: usize, end: usize) -> Option<&'static str> {
    let digits: String = chars[start..end].iter().collect();
    let before = start.checked_sub(1).and_then(|i| at(chars, i));
    let after = at(chars, end);
    let whole = !digits.contains(['.', ',']);
    let value: u32 = digits.parse().unwrap_or(u32::MAX);
    let is_year = whole && digits.len() == 4 && (1900..=2100).contains(&value);
    if after == Some(':') && at(chars, end + 1).is_some_and(|c| c.is_ascii_digit())
        || before == Some(':') && start >= 2 && chars[start - 2].is_ascii_digit()
    {
        return Some("a time of day");
    }
    if before.is_some_and(|c| c.is_ascii_alphabetic())
        || after.is_some_and(|c| c.is_ascii_alphabetic())
    {
        return Some("part of a name or code");
    }
    if before == Some('第') {
        return Some("an ordinal");
    }
    let list_mark = matches!(after, Some('、' | '．' | '）' | ')'))
        || (after == Some('.') && !at(chars, end + 1).is_some_and(|c| c.is_ascii_digit()));
    if list_mark
        && (start == 0 || matches!(before, Some('（' | '(' | ' ' | '，' | '：' | '；' | '。')))
    {
        return Some("a list or section number");
    }
    if is_year
        && (after == Some('年')
            || matches!(after, Some('至' | '到' | '-' | '—' | '~' | '～'))
            || matches!(before, Some('至' | '到' | '-' | '—' | '~' | '～'))
            || (unit_at(chars, end) == 0
                && !after.is_some_and(|c| MAGNITUDES.contains(&c) || HEDGES.contains(&c))))
    {
        return Some("a year");
    }
    if whole && is_dialled(chars, start, end) {
        return Some(HOTLINE);
    }
    if whole && (1..=12).contains(&value) && opens_month_span(chars, end) {
        return Some("a span of months");
    }
    if whole && after == Some('月') && (1..=12).contains(&value) {
        return Some("a month of a date");
    }
    if whole && matches!(after, Some('日' | '号')) && (1..=31).contains(&value) {
        return Some("a day of a date");
    }
    if whole && after == Some('年') {
        let span_word = ["近", "连续", "这", "过去", "前", "后", "最近"]
            .iter()
            .any(|word| ends_with(chars, start, word));
        let span_after = ["来", "以来", "间", "内", "前", "后", "里", "中", "多"]
            .iter()
            .any(|word| starts_with(chars, end + 1, word));
        if span_word || span_after {
            return Some("a span of years: a period, not a count");
        }
    }
    None
}

/// Reads the number at `chars[start..end]` (ASCII digits, `.` and `,`), with a `?` just
/// before it marking a lost digit.
pub fn read(chars: &[char], start: usize, end: usize) -> Reading {
    let lost_inside = chars[start..end].contains(&'?');
    let damaged = lost_inside || start > 0 && chars[start - 1] == '?';
    let first = if start > 0 && chars[start - 1] == '?' {
        start - 1
    } else {
        start
    };
    if let Some(why) = excuse(chars, start, end) {
        return Reading::Excused { start, end, why };
    }
    let mut stop = end;
    let mut magnitude = false;
    if at(chars, stop).is_some_and(|c| HEDGES.contains(&c))
        && at(chars, stop + 1).is_some_and(|c| MAGNITUDES.contains(&c))
    {
        stop += 1;
    }
    // Magnitudes compound (1.2万亿, 3千万); the parse checks they grow.
    while at(chars, stop).is_some_and(|c| MAGNITUDES.contains(&c)) {
        stop += 1;
        magnitude = true;
    }
    // A hedge after a magnitude belongs to the number (5万多); before a unit too (300多个).
    if at(chars, stop).is_some_and(|c| HEDGES.contains(&c))
        && (magnitude || unit_at(chars, stop + 1) > 0)
    {
        stop += 1;
    }
    let unit = unit_at(chars, stop);
    // A lost digit is read as any digit for the unit: the value is not kept.
    let raw: String = chars[start..stop + unit]
        .iter()
        .map(|&c| if c == '?' { '0' } else { c })
        .collect();
    let Ok(parsed) = parse_raw(&raw) else {
        return Reading::Excused {
            start,
            end,
            why: "a number that cannot be read",
        };
    };
    let digits = end - start;
    if unit == 0 && !magnitude && digits >= 5 && !raw.contains(['.', ',']) {
        return Reading::Excused {
            start,
            end,
            why: HOTLINE,
        };
    }
    if unit > 0 && starts_with(chars, stop + unit, "方面") {
        return Reading::Excused {
            start,
            end,
            why: "the structure of what is said: the aspects it lists",
        };
    }
    Reading::Figure(Found {
        start: first,
        end: stop + unit,
        damaged,
        parsed,
    })
}

/// Units that, after numerals, say no figure: `十年来` is a period, `十七届` and `十九次`
/// (a congress) are ordinals; `十余次` still counts.
const NOT_COUNTED_IN_NUMERALS: [&str; 3] = ["年", "届", "次"];

/// The end of the numerals from `from`, and of the numerals and `点` after `百分之`.
fn numerals_end(chars: &[char], from: usize, with_point: bool) -> usize {
    let mut end = from;
    while at(chars, end).is_some_and(|c| is_numeral(c) || (with_point && c == '点')) {
        end += 1;
    }
    end
}

/// The end of a share or multiple from `mark` (`成`, `倍`): a half or a tenth more after it.
fn share_end(chars: &[char], mark: usize) -> Option<usize> {
    let after = at(chars, mark + 1);
    match chars[mark] {
        '成' if after.is_some_and(|c| NOT_A_SHARE.contains(c)) => None,
        '成' if after.is_some_and(|c| c == '半' || "一二三四五六七八九".contains(c)) => {
            Some(mark + 2)
        }
        '倍' if after == Some('半') => Some(mark + 2),
        '成' | '倍' => Some(mark + 1),
        _ => None,
    }
}

/// A figure in Chinese numerals starting at `start`, or why numerals there that look like
/// one cannot be read.
fn numerals_at(chars: &[char], start: usize) -> Option<Reading> {
    let figure = |end: usize| -> Option<Reading> {
        let raw: String = chars[start..end].iter().collect();
        Some(match parse_raw(&raw) {
            Ok(parsed) => Reading::Figure(Found {
                start,
                end,
                damaged: false,
                parsed,
            }),
            Err(_) => Reading::Excused {
                start,
                end,
                why: "numerals that cannot be read; check the figure",
            },
        })
    };
    if starts_with(chars, start, "百分之") {
        let end = numerals_end(chars, start + 3, true);
        return (end > start + 3).then(|| figure(end)).flatten();
    }
    if starts_with(chars, start, "一半") {
        return figure(start + 2);
    }
    if matches!(chars[start], '百' | '千') {
        return None;
    }
    let numbers_end = numerals_end(chars, start, false);
    if starts_with(chars, numbers_end, "分之") {
        let end = numerals_end(chars, numbers_end + 2, false);
        return (end > numbers_end + 2).then(|| figure(end)).flatten();
    }
    let mut stop = numbers_end;
    let mut hedged = false;
    let mut magnitude = false;
    if at(chars, stop).is_some_and(|c| HEDGES.contains(&c)) {
        stop += 1;
        hedged = true;
    }
    while at(chars, stop).is_some_and(|c| matches!(c, '万' | '亿')) {
        stop += 1;
        magnitude = true;
    }
    if at(chars, stop).is_some_and(|c| HEDGES.contains(&c)) && !hedged {
        stop += 1;
        hedged = true;
    }
    if let Some(end) = share_end(chars, stop) {
        return figure(end);
    }
    let unit = unit_at(chars, stop);
    let unit_text: String = chars[stop..stop + unit].iter().collect();
    if NOT_COUNTED_IN_NUMERALS.contains(&unit_text.as_str()) && !hedged {
        return None;
    }
    let raw: String = chars[start..numbers_end].iter().collect();
    let large = crate::data::number::parse_raw(&format!("{raw}倍"))
        .is_ok_and(|parsed| parsed.value >= 10.0);
    // One, two, three of something (一个, 三个方面) are words; a count says more.
    ((unit > 0 && (hedged || large)) || magnitude)
        .then(|| figure(stop + unit))
        .flatten()
}

/// The figures written in Chinese numerals: shares and multiples (`三成`, `二成五`, `两倍`,
/// `一倍半`), percentages and fractions (`百分之九十五`, `三分之一`, `一半`), and counts with
/// a hedge, a multiplier or a value of ten or more (`两千多个`, `十余个`, `三千万人`).
pub fn numeral_figures(chars: &[char]) -> Vec<Reading> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let after_number = i > 0
            && (is_numeral(chars[i - 1]) || chars[i - 1] == '第' || chars[i - 1].is_ascii_digit());
        let reading = (!after_number && (is_numeral(chars[i]) || chars[i] == '百'))
            .then(|| numerals_at(chars, i))
            .flatten();
        match reading {
            Some(reading) => {
                i = match &reading {
                    Reading::Figure(found) => found.end,
                    Reading::Excused { end, .. } => *end,
                };
                found.push(reading);
            }
            None => i += 1,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::figures::number_runs;

    /// Each number of `text` as its raw text, or its excuse in brackets.
    fn readings(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        number_runs(&chars)
            .into_iter()
            .map(|(start, end)| match read(&chars, start, end) {
                Reading::Figure(found) => chars[found.start..found.end].iter().collect(),
                Reading::Excused { why, .. } => format!("[{why}]"),
            })
            .collect()
    }

    #[test]
    fn reads_magnitude_hedge_and_the_longest_unit() {
        assert_eq!(
            readings("共8122.4万件，约12余万人次，2亿多人，6.3个百分点，1.65亿。"),
            [
                "8122.4万件",
                "12余万人次",
                "2亿多人",
                "6.3个百分点",
                "1.65亿"
            ]
        );
        assert_eq!(readings("惠及5万多建档立卡贫困人口"), ["5万多"]);
        assert_eq!(readings("近3亿会员，3千人"), ["3亿会员", "3千人"]);
    }

    #[test]
    fn excuses_dates_years_ordinals_lists_and_hotlines() {
        let excuses = readings(
            "2022年7月29日16:27，第3届，1、2013至2020年，拨打12351热线，近5年来，连续3年，5G网络",
        );
        assert_eq!(
            excuses,
            [
                "[a year]",
                "[a month of a date]",
                "[a day of a date]",
                "[a time of day]",
                "[a time of day]",
                "[an ordinal]",
                "[a list or section number]",
                "[a year]",
                "[a year]",
                "[a hotline, phone or code number]",
                "[a span of years: a period, not a count]",
                "[a span of years: a period, not a count]",
                "[part of a name or code]",
            ]
        );
        assert_eq!(readings("平均13.7年"), ["13.7年"]);
        assert_eq!(readings("培训超过2000万人次"), ["2000万人次"]);
        assert_eq!(readings("国内生产总值达到126万亿元"), ["126万亿元"]);
        assert_eq!(
            readings("6个方面经验"),
            ["[the structure of what is said: the aspects it lists]"]
        );
    }

    #[test]
    fn excuses_hotlines_and_phone_numbers_whatever_follows() {
        assert_eq!(
            readings(
                "拨打12351职工服务热线，或者拨打010-65645678，旅客可拨打12328交通运输服务监督电话"
            ),
            [
                "[a hotline, phone or code number]",
                "[a hotline, phone or code number]",
                "[a hotline, phone or code number]",
                "[a hotline, phone or code number]",
            ]
        );
        assert_eq!(
            readings("请拨打110报警"),
            ["[a hotline, phone or code number]"]
        );
        assert_eq!(readings("热线接听12万人次"), ["12万人次"]);
    }

    #[test]
    fn excuses_spans_of_months() {
        assert_eq!(
            readings("今年1至9月，1-6月，1到3月，新设企业3.7万家"),
            [
                "[a span of months]",
                "[a month of a date]",
                "[a span of months]",
                "[a month of a date]",
                "[a span of months]",
                "[a month of a date]",
                "3.7万家"
            ]
        );
    }

    #[test]
    fn a_lost_digit_is_kept_and_marked() {
        let chars: Vec<char> = "奖章?650个".chars().collect();
        let Reading::Figure(found) = read(&chars, 3, 6) else {
            panic!("no figure");
        };
        assert!(found.damaged);
        assert_eq!((found.start, found.end), (2, 7));
    }

    #[test]
    fn a_doubled_separator_makes_one_unreadable_number() {
        assert_eq!(
            readings("共1,,000家企业"),
            ["[a number that cannot be read]"]
        );
    }

    #[test]
    fn a_digit_lost_inside_a_number_damages_the_whole_number() {
        let chars: Vec<char> = "建成4?000余个".chars().collect();
        let runs = number_runs(&chars);
        assert_eq!(runs, [(2, 7)]);
        let Reading::Figure(found) = read(&chars, 2, 7) else {
            panic!("no figure");
        };
        assert!(found.damaged);
        assert_eq!((found.start, found.end), (2, 9));
    }

    /// Each figure in numerals of `text` as its raw text and value.
    fn numerals(text: &str) -> Vec<(String, f64)> {
        let chars: Vec<char> = text.chars().collect();
        numeral_figures(&chars)
            .iter()
            .filter_map(|reading| match reading {
                Reading::Figure(f) => {
                    Some((chars[f.start..f.end].iter().collect(), f.parsed.value))
                }
                Reading::Excused { .. } => None,
            })
            .collect()
    }

    #[test]
    fn figures_written_in_numerals() {
        let found = numerals(
            "参保率提高到百分之九十五，新建站点两千多个，覆盖十余个省份，约三分之一的企业参与，\
             近一半职工受益，投资增长一倍半，惠及三千万人，比上年多二成五，占三成半，逾三千亿件",
        );
        let raws: Vec<&str> = found.iter().map(|(raw, _)| raw.as_str()).collect();
        assert_eq!(
            raws,
            [
                "百分之九十五",
                "两千多个",
                "十余个",
                "三分之一",
                "一半",
                "一倍半",
                "三千万人",
                "二成五",
                "三成半",
                "三千亿件"
            ]
        );
        let values: Vec<f64> = found.iter().map(|(_, value)| *value).collect();
        assert_eq!(
            values,
            [
                95.0,
                2000.0,
                10.0,
                100.0 / 3.0,
                50.0,
                1.5,
                3e7,
                25.0,
                35.0,
                3e11
            ]
        );
    }

    #[test]
    fn numerals_that_count_nothing_are_no_figures() {
        assert!(
            numerals(
                "一个重要方面，三个方面，十年来，党的十八大，五一劳动奖章，千万不要，一些人，\
                 全总十七届执委，十九次代表大会"
            )
            .is_empty()
        );
    }

    #[test]
    fn shares_and_multiples_in_numerals() {
        let raws: Vec<String> = numerals("占三成，增长两倍，一成不变，第三成")
            .into_iter()
            .map(|(raw, _)| raw)
            .collect();
        assert_eq!(raws, ["三成", "两倍"]);
    }

    #[test]
    fn numerals_that_look_like_a_figure_but_cannot_be_read_are_reported() {
        let chars: Vec<char> = "一二三四五六七八九十倍".chars().collect();
        assert!(matches!(
            numeral_figures(&chars).as_slice(),
            [Reading::Excused { .. }]
        ));
    }
}
