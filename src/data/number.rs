//! Reading a figure as printed (`8122.4万件`, `12余萬人次`, `6.3个百分点`) into a value, a unit
//! and what the unit measures. Pure; shared by the import and the validator.
//!
//! # Grammar
//! `number [hedge] [multiplier] [hedge] unit`, nothing else:
//! - `number`: ASCII digits with at most one `.` and optional `,` grouping by threes
//!   (`1,000`, `2038.04`); or a whole number in Chinese numerals below ten thousand (`三`,
//!   `十二`, `两千`), where a `成` or `倍` may take a half or a tenth more (`三成半`, `二成五`,
//!   `一倍半`); or a percentage or fraction in words (`百分之九十五`, `三分之一`, `一半`),
//!   read as per cent;
//! - `multiplier`: `千` (10³), `万`/`萬` (10⁴) or `亿`/`億` (10⁸), or two of them compounded
//!   (`万亿`, 10¹²); the value is the number times it, computed from the decimal digits so
//!   that `8122.4万` is exactly 81,224,000;
//! - `hedge`: `余`/`餘` or `多` ("more than"), before or after the multiplier
//!   (`12余万`, `5万多`, `2亿多人`);
//! - `unit`: one of [`UNITS`], possibly empty (`1.65亿`): a counter (`件`, `人次`) or the noun
//!   for the people counted when the text prints it right after the number (`3亿会员`,
//!   `30万员工`).
//!
//! # Units and measures
//! The unit says what a figure counts, and so which figures may share a chart:
//! - `人`, `名` and the nouns for people (`会员`, `就业人员`, `员工`, `职工`, `农民工`,
//!   `劳动者`) → [`Measure::People`];
//! - `人次` → [`Measure::PersonTimes`] (one person counted once per occasion: in English
//!   "people counted each time");
//! - `元` (after any multiplier: `亿元` is 10⁸ `元`) → [`Measure::Money`];
//! - `%` → [`Measure::Percent`], and so is `成` (tenths: `三成` is 30 %, and its unit is
//!   written `%`, so that no reader sees "30成");
//!   `个百分点` → [`Measure::PercentagePoints`];
//! - every other counter (`件`, `个`, `家`, `项`, `届`, `场次`, `户`, `年` …) and no unit at all
//!   → [`Measure::Count`].

use std::fmt;

use super::model::{Measure, Qualifier};

/// A counter: its simplified and traditional forms, its English name and what it measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub hans: &'static str,
    pub hant: &'static str,
    pub en: &'static str,
    pub measure: Measure,
    /// The power of ten the unit multiplies by: 1 for `成` (a tenth, counted in %), else 0.
    pub exponent: i32,
}

const fn unit(hans: &'static str, hant: &'static str, en: &'static str, measure: Measure) -> Unit {
    Unit {
        hans,
        hant,
        en,
        measure,
        exponent: 0,
    }
}

/// The units a figure may carry. The English is the counted noun a reader expects; where a
/// classifier counts anything (个, 件, 项, 家), it is a general noun (things, organisations)
/// that the import replaces by the noun its label ends in when it knows it, and an annotation
/// by the right one.
pub const UNITS: [Unit; 56] = [
    unit("", "", "", Measure::Count),
    unit(
        "个百分点",
        "個百分點",
        "percentage points",
        Measure::PercentagePoints,
    ),
    unit("%", "%", "%", Measure::Percent),
    unit("元", "元", "yuan", Measure::Money),
    unit(
        "人次",
        "人次",
        "people counted each time",
        Measure::PersonTimes,
    ),
    unit("人", "人", "people", Measure::People),
    unit("名", "名", "people", Measure::People),
    unit("会员", "會員", "members", Measure::People),
    unit("就业人员", "就業人員", "employed people", Measure::People),
    unit("员工", "員工", "employees", Measure::People),
    unit("职工", "職工", "workers", Measure::People),
    unit("农民工", "農民工", "migrant workers", Measure::People),
    unit("劳动者", "勞動者", "workers", Measure::People),
    unit("件次", "件次", "cases", Measure::Count),
    unit("件", "件", "things", Measure::Count),
    unit("个", "個", "things", Measure::Count),
    unit("家", "家", "organisations", Measure::Count),
    unit("项", "項", "things", Measure::Count),
    unit("届", "屆", "editions", Measure::Count),
    unit("季", "季", "seasons", Measure::Count),
    unit("场次", "場次", "events", Measure::Count),
    unit("场", "場", "events", Measure::Count),
    unit("户", "戶", "households", Measure::Count),
    unit("期", "期", "classes", Measure::Count),
    unit("次", "次", "occasions", Measure::Count),
    unit("轮", "輪", "rounds", Measure::Count),
    unit("份", "份", "documents", Measure::Count),
    unit("支", "支", "teams", Measure::Count),
    unit("批", "批", "batches", Measure::Count),
    unit("年", "年", "years", Measure::Count),
    unit("所", "所", "institutions", Measure::Count),
    unit("座", "座", "buildings", Measure::Count),
    Unit {
        exponent: 1,
        ..unit("成", "成", "%", Measure::Percent)
    },
    unit("倍", "倍", "times", Measure::Count),
    unit("位", "位", "people", Measure::People),
    unit("美元", "美元", "US dollars", Measure::Money),
    unit("条", "條", "things", Measure::Count),
    unit("篇", "篇", "articles", Measure::Count),
    unit("部", "部", "works", Measure::Count),
    unit("台", "臺", "machines", Measure::Count),
    unit("辆", "輛", "vehicles", Measure::Count),
    unit("套", "套", "sets", Measure::Count),
    unit("种", "種", "kinds", Measure::Count),
    unit("类", "類", "kinds", Measure::Count),
    unit("本", "本", "volumes", Measure::Count),
    unit("门", "門", "courses", Measure::Count),
    unit("处", "處", "sites", Measure::Count),
    unit("间", "間", "rooms", Measure::Count),
    unit("亩", "畝", "mu", Measure::Count),
    unit("公里", "公里", "kilometres", Measure::Count),
    unit("吨", "噸", "tonnes", Measure::Count),
    unit("平方米", "平方米", "square metres", Measure::Count),
    unit("标箱", "標箱", "TEU", Measure::Count),
    unit("天", "天", "days", Measure::Count),
    unit("小时", "小時", "hours", Measure::Count),
    unit("岁", "歲", "years of age", Measure::Count),
];

/// Chinese numerals and their values; `十`, `百` and `千` multiply what comes before them.
const NUMERALS: [(char, u64); 16] = [
    ('零', 0),
    ('〇', 0),
    ('一', 1),
    ('二', 2),
    ('两', 2),
    ('兩', 2),
    ('三', 3),
    ('四', 4),
    ('五', 5),
    ('六', 6),
    ('七', 7),
    ('八', 8),
    ('九', 9),
    ('十', 10),
    ('百', 100),
    ('千', 1000),
];

/// The value of Chinese numerals for a whole number below ten thousand (`十二`, `三百五十`,
/// `两千`).
fn numeral_value(numerals: &str) -> Option<u64> {
    let (mut total, mut digit) = (0, None);
    for c in numerals.chars() {
        let value = NUMERALS.iter().find(|(n, _)| *n == c)?.1;
        if value >= 10 {
            total += digit.take().unwrap_or(1) * value;
        } else if digit.replace(value).is_some() {
            return None;
        }
    }
    Some(total + digit.unwrap_or(0))
}

/// The value of one numeral digit (`五` → 5), for the digits after a point or a share.
fn numeral_digit(c: char) -> Option<u64> {
    NUMERALS
        .iter()
        .find(|(n, value)| *n == c && *value < 10)
        .map(|(_, value)| *value)
}

/// Whether `c` is a Chinese numeral.
pub fn is_numeral(c: char) -> bool {
    NUMERALS.iter().any(|(n, _)| *n == c)
}

/// Splits off the leading Chinese numerals.
fn split_numerals(raw: &str) -> (&str, &str) {
    let end = raw
        .char_indices()
        .find(|&(_, c)| !is_numeral(c))
        .map_or(raw.len(), |(at, _)| at);
    raw.split_at(end)
}

/// The unit a share written `成` is counted in: tenths are written as per cent.
const PER_CENT: &str = "%";

/// A share in per cent from a mantissa and its decimals.
fn per_cent(mantissa: u64, shift: i32) -> ParsedNumber {
    ParsedNumber {
        value: scaled(mantissa, shift),
        unit: PER_CENT.to_owned(),
        measure: Measure::Percent,
        hedge: None,
    }
}

/// `百分之九十五`, `百分之三点五`: a percentage in words.
fn parse_percentage(raw: &str) -> Option<ParsedNumber> {
    let words = raw.strip_prefix("百分之")?;
    let (whole, fraction) = words.split_once('点').unwrap_or((words, ""));
    let mut mantissa = numeral_value(whole).filter(|_| !whole.is_empty())?;
    for c in fraction.chars() {
        mantissa = mantissa * 10 + numeral_digit(c)?;
    }
    Some(per_cent(
        mantissa,
        -i32::try_from(fraction.chars().count()).ok()?,
    ))
}

/// `三分之一`, `一半`: a fraction, as per cent.
fn parse_fraction(raw: &str) -> Option<ParsedNumber> {
    if raw == "一半" {
        return Some(per_cent(50, 0));
    }
    let (whole, part) = raw.split_once("分之")?;
    let (whole, part) = (numeral_value(whole)?, numeral_value(part)?);
    (whole > 0 && !raw.starts_with('百') && part > 0 && part < whole).then(|| ParsedNumber {
        value: (part * 100) as f64 / whole as f64,
        ..per_cent(0, 0)
    })
}

/// Reads a number in Chinese numerals with what may follow it: `三成`, `二成五`, `三成半`
/// (shares in tenths), `两倍`, `一倍半` (multiples), `两千多个`, `十余个`, `三千万人`
/// (counts with a hedge, a multiplier and any unit).
fn parse_numerals(raw: &str) -> Option<ParsedNumber> {
    if let Some(parsed) = parse_percentage(raw).or_else(|| parse_fraction(raw)) {
        return Some(parsed);
    }
    let (numerals, rest) = split_numerals(raw);
    let value = numeral_value(numerals).filter(|_| !numerals.is_empty())?;
    let (hedged_before, rest) = take_hedge(rest);
    let (exponent, rest) = take_multiplier(rest);
    let (hedged_after, rest) = take_hedge(rest);
    let hedge = (hedged_before || hedged_after).then_some(Qualifier::MoreThan);
    // A half or a tenth more after a share or a multiple: 三成半, 二成五, 一倍半.
    let (tenths, written) = match rest.chars().next() {
        Some(mark @ ('成' | '倍')) => {
            let (written, more) = rest.split_at(mark.len_utf8());
            let extra = match more {
                "" => 0,
                "半" => 5,
                digit if mark == '成' && digit.chars().count() == 1 => {
                    numeral_digit(digit.chars().next()?)?
                }
                _ => return None,
            };
            (Some(value * 10 + extra), written)
        }
        _ => (None, rest),
    };
    let unit = find_unit(written)?;
    let tenths_exponent = if tenths.is_some() { -1 } else { 0 };
    Some(ParsedNumber {
        value: scaled(
            tenths.unwrap_or(value),
            exponent + unit.exponent + tenths_exponent,
        ),
        unit: written_unit(unit, written).to_owned(),
        measure: unit.measure,
        hedge,
    })
}

/// The unit a figure is written with: as the text has it, but tenths (`成`) in per cent.
fn written_unit<'a>(unit: &Unit, as_written: &'a str) -> &'a str {
    if unit.exponent == 0 {
        as_written
    } else {
        PER_CENT
    }
}

/// The unit written `text`, in either script.
pub fn find_unit(text: &str) -> Option<&'static Unit> {
    UNITS
        .iter()
        .find(|unit| unit.hans == text || unit.hant == text)
}

/// A figure as read from its raw text.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedNumber {
    /// The number times its multiplier.
    pub value: f64,
    /// The unit as the raw text writes it (in the raw text's script), possibly empty.
    pub unit: String,
    pub measure: Measure,
    /// [`Qualifier::MoreThan`] when the raw text itself hedges (`余`, `多`).
    pub hedge: Option<Qualifier>,
}

/// Why a raw text is not a figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    /// It does not start with a digit.
    NoNumber { raw: String },
    /// The digits are malformed (two points, misplaced grouping).
    BadNumber { raw: String, number: String },
    /// What follows the number is no known unit.
    UnknownUnit { raw: String, unit: String },
    /// The number has more significant digits than can be computed exactly.
    TooLong { raw: String },
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoNumber { raw } => write!(f, "\"{raw}\" does not start with a number"),
            Self::BadNumber { raw, number } => write!(
                f,
                "\"{raw}\": \"{number}\" is not a number (one decimal point at most, \
                 commas only between groups of three digits)"
            ),
            Self::UnknownUnit { raw, unit } => {
                write!(f, "\"{raw}\": \"{unit}\" is not a known unit")
            }
            Self::TooLong { raw } => write!(f, "\"{raw}\": the number has too many digits"),
        }
    }
}

impl std::error::Error for NumberError {}

/// Splits off the leading number: ASCII digits with `.` and `,` inside.
fn split_number(raw: &str) -> (&str, &str) {
    let end = raw
        .char_indices()
        .take_while(|&(_, c)| c.is_ascii_digit() || c == '.' || c == ',')
        .map(|(i, c)| i + c.len_utf8())
        .last()
        .unwrap_or(0);
    // A trailing mark belongs to the sentence, not to the number.
    let number = raw[..end].trim_end_matches(['.', ',']);
    raw.split_at(number.len())
}

/// The number's digits as an integer and how many of them are decimals.
fn digits(raw: &str, number: &str) -> Result<(u64, i32), NumberError> {
    let bad = || NumberError::BadNumber {
        raw: raw.to_owned(),
        number: number.to_owned(),
    };
    let (whole, fraction) = match number.split_once('.') {
        Some((whole, fraction)) => (whole, fraction),
        None => (number, ""),
    };
    let mut groups = whole.split(',');
    let first = groups.next().unwrap_or_default();
    let grouped = whole.contains(',');
    let well_grouped = groups.all(|group| group.len() == 3)
        && !first.is_empty()
        && (!grouped || first.len() <= 3)
        && !fraction.contains([',', '.'])
        && (!number.contains('.') || !fraction.is_empty());
    if !well_grouped {
        return Err(bad());
    }
    let all_digits: String = whole
        .chars()
        .filter(char::is_ascii_digit)
        .chain(fraction.chars())
        .collect();
    // Exactly representable integers only, so the value is computed without rounding.
    let too_long = || NumberError::TooLong {
        raw: raw.to_owned(),
    };
    let mantissa = all_digits.parse::<u64>().map_err(|_| too_long())?;
    if mantissa > 1 << 53 {
        return Err(too_long());
    }
    let decimals = i32::try_from(fraction.len()).map_err(|_| too_long())?;
    Ok((mantissa, decimals))
}

/// `mantissa × 10^shift`, rounded once: powers of ten up to 10²² are exact.
fn scaled(mantissa: u64, shift: i32) -> f64 {
    let mantissa = mantissa as f64;
    if shift >= 0 {
        mantissa * 10f64.powi(shift)
    } else {
        mantissa / 10f64.powi(-shift)
    }
}

/// Takes a hedge (`余`, `餘`, `多`) off the front of `rest`.
fn take_hedge(rest: &str) -> (bool, &str) {
    ["余", "餘", "多"]
        .iter()
        .find_map(|hedge| rest.strip_prefix(hedge))
        .map_or((false, rest), |after| (true, after))
}

/// Takes the multipliers off the front of `rest`: their power of ten. They compound when each
/// is larger than the one before (`万亿` 10¹², `千万` 10⁷, `千亿` 10¹¹).
fn take_multiplier(mut rest: &str) -> (i32, &str) {
    let mut total = 0;
    let mut last = 0;
    while let Some((exponent, after)) = [("千", 3), ("万", 4), ("萬", 4), ("亿", 8), ("億", 8)]
        .iter()
        .find_map(|(multiplier, exponent)| rest.strip_prefix(multiplier).map(|r| (*exponent, r)))
        .filter(|&(exponent, _)| exponent > last)
    {
        total += exponent;
        last = exponent;
        rest = after;
    }
    (total, rest)
}

/// Reads a figure as printed (see the [module documentation](self)).
pub fn parse_raw(raw: &str) -> Result<ParsedNumber, NumberError> {
    let (number, rest) = split_number(raw);
    if number.is_empty() {
        if let Some(parsed) = parse_numerals(raw) {
            return Ok(parsed);
        }
        return Err(NumberError::NoNumber {
            raw: raw.to_owned(),
        });
    }
    let (mantissa, decimals) = digits(raw, number)?;
    let (hedged_before, rest) = take_hedge(rest);
    let (exponent, rest) = take_multiplier(rest);
    let (hedged_after, rest) = take_hedge(rest);
    let unit = find_unit(rest).ok_or_else(|| NumberError::UnknownUnit {
        raw: raw.to_owned(),
        unit: rest.to_owned(),
    })?;
    Ok(ParsedNumber {
        value: scaled(mantissa, exponent + unit.exponent - decimals),
        unit: written_unit(unit, rest).to_owned(),
        measure: unit.measure,
        hedge: (hedged_before || hedged_after).then_some(Qualifier::MoreThan),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parsed(raw: &str) -> ParsedNumber {
        parse_raw(raw).unwrap_or_else(|error| panic!("{error}"))
    }

    /// The value is computed exactly (one rounding at most), so it must match to the bit.
    fn assert_value(raw: &str, expected: f64) {
        let value = parsed(raw).value;
        assert_eq!(
            value.to_bits(),
            expected.to_bits(),
            "{raw}: {value} != {expected}"
        );
    }

    #[test]
    fn applies_multipliers_exactly() {
        assert_value("8122.4万件", 81_224_000.0);
        assert_value("2038.04万人次", 20_380_400.0);
        assert_value("1.65亿", 165_000_000.0);
        assert_value("11.67億元", 1_167_000_000.0);
        assert_value("1,000人", 1000.0);
        assert_value("58.3%", 58.3);
    }

    #[test]
    fn reads_units_and_measures_in_both_scripts() {
        let medals = parsed("2245個");
        assert_eq!(
            (medals.unit.as_str(), medals.measure),
            ("個", Measure::Count)
        );
        assert_eq!(parsed("4115万元").measure, Measure::Money);
        assert_eq!(parsed("4115万元").unit, "元");
        assert_eq!(parsed("91人次").measure, Measure::PersonTimes);
        assert_eq!(parsed("46名").measure, Measure::People);
        assert_eq!(parsed("6.3个百分点").measure, Measure::PercentagePoints);
        assert_eq!(parsed("6.3個百分點").unit, "個百分點");
        assert_eq!(parsed("26%").measure, Measure::Percent);
        assert_eq!(parsed("3屆").measure, Measure::Count);
        assert_eq!(parsed("1.65亿").unit, "");
    }

    #[test]
    fn reads_the_noun_for_the_people_counted_as_the_unit() {
        let members = parsed("3亿会员");
        assert_eq!(
            (members.unit.as_str(), members.measure),
            ("会员", Measure::People)
        );
        assert_value("3億會員", 300_000_000.0);
        assert_eq!(parsed("7.5亿就业人员").measure, Measure::People);
        assert_value("7.5億就業人員", 750_000_000.0);
        assert_eq!(parsed("30万员工").unit, "员工");
        assert_eq!(parsed("5万多劳动者").hedge, Some(Qualifier::MoreThan));
        // Only the noun itself: words between the number and the noun are no unit.
        assert!(matches!(
            parse_raw("800万新就业形态劳动者"),
            Err(NumberError::UnknownUnit { .. })
        ));
    }

    #[test]
    fn reads_hedges_before_and_after_the_multiplier() {
        assert_eq!(parsed("12余万人次").hedge, Some(Qualifier::MoreThan));
        assert_value("12餘萬人次", 120_000.0);
        assert_eq!(parsed("5万多").hedge, Some(Qualifier::MoreThan));
        assert_value("2亿多人", 200_000_000.0);
        assert_eq!(parsed("90多个").hedge, Some(Qualifier::MoreThan));
        assert_eq!(parsed("90个").hedge, None);
    }

    #[test]
    fn reads_shares_and_multiples_in_chinese_numerals() {
        assert_value("三成", 30.0);
        assert_eq!(parsed("三成").measure, Measure::Percent);
        // Tenths are counted and written in %, so that 三成 never reads as 30成.
        assert_eq!(parsed("三成").unit, "%");
        assert_eq!(parsed("4成").unit, "%");
        assert_value("二成五", 25.0);
        assert_value("三成半", 35.0);
        assert_value("一倍半", 1.5);
        assert_eq!(parsed("一倍半").unit, "倍");
        assert_value("百分之九十五", 95.0);
        assert_eq!(parsed("百分之九十五").unit, "%");
        assert_value("百分之三点五", 3.5);
        assert_value("三分之一", 100.0 / 3.0);
        assert_value("一半", 50.0);
        assert_value("两千多个", 2000.0);
        assert_eq!(parsed("两千多个").hedge, Some(Qualifier::MoreThan));
        assert_value("十余个", 10.0);
        assert_value("三千万人", 3e7);
        assert_eq!(parsed("三千万人").measure, Measure::People);
        assert_value("三千亿件", 3e11);
        assert_value("一百二十家", 120.0);
        assert_value("两倍", 2.0);
        assert_value("兩倍", 2.0);
        assert_value("十二倍", 12.0);
        assert_value("二十倍", 20.0);
        assert_value("4成", 40.0);
        assert_value("3千人", 3000.0);
        // Multipliers compound when each is larger than the one before.
        assert_value("1.2万亿元", 1.2e12);
        assert_eq!(parsed("126萬億元").measure, Measure::Money);
        assert_value("3千万人", 3e7);
        assert_value("2千亿元", 2e11);
        for refused in [
            "三三成",
            "成",
            "五一",
            "千万不要",
            "三成员",
            "百分之",
            "一二三倍",
        ] {
            assert!(parse_raw(refused).is_err(), "{refused}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_figure() {
        assert!(matches!(
            parse_raw("?650个"),
            Err(NumberError::NoNumber { .. })
        ));
        assert!(matches!(parse_raw("年"), Err(NumberError::NoNumber { .. })));
        assert!(matches!(
            parse_raw("1.2.3个"),
            Err(NumberError::BadNumber { .. })
        ));
        assert!(matches!(
            parse_raw("10,00人"),
            Err(NumberError::BadNumber { .. })
        ));
        assert!(matches!(
            parse_raw("1000,000人"),
            Err(NumberError::BadNumber { .. })
        ));
        assert!(matches!(
            parse_raw("12斤"),
            Err(NumberError::UnknownUnit { .. })
        ));
        assert!(matches!(
            parse_raw("99999999999999999999个"),
            Err(NumberError::TooLong { .. })
        ));
        let message = parse_raw("12斤").unwrap_err().to_string();
        assert!(message.contains("斤"), "{message}");
    }

    #[test]
    fn every_unit_is_found_in_both_scripts() {
        for unit in &UNITS {
            assert_eq!(find_unit(unit.hans), Some(unit));
            assert_eq!(find_unit(unit.hant).map(|u| u.hans), Some(unit.hans));
        }
    }

    proptest! {
        #![proptest_config(crate::proptest_config::proptest_config(256))]

        #[test]
        fn value_is_the_decimal_times_the_multiplier(
            whole in 0u64..100_000,
            fraction in proptest::option::of(0u32..100),
            multiplier in 0usize..5,
            unit in 0usize..UNITS.len(),
            hant in any::<bool>(),
        ) {
            let unit = &UNITS[unit];
            let (word, factor) = [("", 1.0), ("万", 1e4), ("萬", 1e4), ("亿", 1e8), ("億", 1e8)][multiplier];
            let number = match fraction {
                Some(f) => format!("{whole}.{f:02}"),
                None => whole.to_string(),
            };
            let written = if hant { unit.hant } else { unit.hans };
            let parsed = parse_raw(&format!("{number}{word}{written}")).unwrap();
            let expected = number.parse::<f64>().unwrap() * factor * 10f64.powi(unit.exponent);
            prop_assert!((parsed.value - expected).abs() <= expected * 1e-12);
            prop_assert_eq!(parsed.unit, written_unit(unit, written));
            prop_assert_eq!(parsed.measure, unit.measure);
            prop_assert_eq!(parsed.hedge, None);
        }

        #[test]
        fn never_panics(raw in "[0-9.,万亿余多个人次%a-z]{0,12}") {
            let _ = parse_raw(&raw);
        }
    }
}
