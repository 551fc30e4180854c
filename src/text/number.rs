//! Figures written for readers: `8,122.4万` / `1.65億` in Chinese, `81.2 M` in English.
//!
//! # Chinese ([`format_zh`])
//! Values of at least 10⁸ are counted in `亿` (`億`), of at least 10⁴ in `万` (`萬`), as the
//! source does; the mantissa's integer digits are grouped by thousands (`8,122.4万`). A value
//! is never rounded more than to hundredths of its own unit: the mantissa takes as many
//! decimals as that needs and no more (`8,122.4万`, `1.65亿`, but `1.2345万` for 12,345 rather
//! than a rounded `1.23万`). Below 10⁴ a value shows at most 2 decimals, trailing zeros trimmed
//! (`2,650`, `50.9`).
//!
//! # English ([`format_en`])
//! From a million on, values are rounded to 3 significant digits and written in millions,
//! billions or trillions (`81.2 M`, `165 M`, `2.5 B`); a value that rounding changed shows
//! all three digits (`43.0 B` for 429.82亿, `1.00 B` for 999,999,999); below that with thousands separators
//! and at most 2 decimals (`12,000`, `297`, `50.9`). Where there is room (a figure's details,
//! the `figures` table) [`format_en_words`] writes the magnitude out: `81.2 million`.
//!
//! Negative values get a leading `-`; `NaN` and infinities are written as Rust writes them.
//! Magnitudes past 10³⁰, which no figure here reaches, are written in scientific notation.

use crate::data::{Lang, Script};

/// Beyond this magnitude a value is written in scientific notation.
const LARGEST_PLAIN: f64 = 1e30;

/// `value` for a Chinese reader in `script` (see the [module documentation](self)).
pub fn format_zh(value: f64, script: Script) -> String {
    let Some((negative, hundredths)) = hundredths(value) else {
        return fallback(value);
    };
    let (unit_hundredths, unit) = zh_unit(hundredths, script);
    zh_in(negative, hundredths, unit_hundredths, unit)
}

/// The unit a Chinese reader counts `hundredths` (a value in hundredths) in, in hundredths,
/// and its character: 亿 from 10⁸, 万 from 10⁴.
fn zh_unit(hundredths: u128, script: Script) -> (u128, &'static str) {
    match (hundredths, script) {
        (h, Script::Hans) if h >= 10_000_000_000 => (10_000_000_000, "亿"),
        (h, Script::Hant) if h >= 10_000_000_000 => (10_000_000_000, "億"),
        (h, Script::Hans) if h >= 1_000_000 => (1_000_000, "万"),
        (h, Script::Hant) if h >= 1_000_000 => (1_000_000, "萬"),
        _ => (100, ""),
    }
}

/// `hundredths` written in the unit of `unit_hundredths` named `unit`: the mantissa grouped,
/// with as many decimals as the value's hundredths need.
fn zh_in(negative: bool, hundredths: u128, unit_hundredths: u128, unit: &str) -> String {
    let mut out = sign(negative);
    push_grouped(&mut out, hundredths / unit_hundredths);
    push_fraction(&mut out, hundredths % unit_hundredths, unit_hundredths);
    out.push_str(unit);
    out
}

/// `value` for an English reader (see the [module documentation](self)).
pub fn format_en(value: f64) -> String {
    Magnitude::Short.format_en(value)
}

/// `value` for an English reader where there is room to write the magnitude out:
/// `81.2 million`, `2.5 billion`; otherwise as [`format_en`].
pub fn format_en_words(value: f64) -> String {
    Magnitude::Words.format_en(value)
}

/// How English names millions, billions and trillions: `M`, `B`, `T` where columns are few,
/// the words where there is room. Whoever knows the width chooses; Chinese has one way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Magnitude {
    #[default]
    Short,
    Words,
}

impl Magnitude {
    /// The names of millions, billions and trillions.
    const fn names(self) -> [&'static str; 3] {
        match self {
            Self::Short => ["M", "B", "T"],
            Self::Words => ["million", "billion", "trillion"],
        }
    }

    /// `value` for an English reader, its magnitude named this way.
    pub fn format_en(self, value: f64) -> String {
        format_en_with(value, self.names())
    }
}

/// [`format_en`] with `names` for millions, billions and trillions.
fn format_en_with(value: f64, names: [&str; 3]) -> String {
    let Some((negative, hundredths)) = hundredths(value) else {
        return fallback(value);
    };
    let mut out = sign(negative);
    let whole = (hundredths + 50) / 100;
    if whole < 1_000_000 {
        push_grouped(&mut out, hundredths / 100);
        push_fraction(&mut out, hundredths % 100, 100);
        return out;
    }
    let (rounded, digits) = three_significant(whole);
    let (unit_digits, unit) = en_unit(digits, names);
    en_in(&mut out, hundredths, rounded, digits, unit_digits);
    out.push(' ');
    out.push_str(unit);
    out
}

/// `whole` rounded to 3 significant digits, and how many digits that has: counted again when
/// rounding carries over (999,999,999 becomes 1.00 B). Numbers of 3 digits or fewer stay.
fn three_significant(whole: u128) -> (u128, u32) {
    if whole < 1000 {
        return (whole, whole.checked_ilog10().map_or(1, |d| d + 1));
    }
    let mut digits = whole.ilog10() + 1;
    let mut scale = 10u128.pow(digits - 3);
    let mut significant = (whole + scale / 2) / scale;
    if significant == 1000 {
        significant = 100;
        digits += 1;
        scale *= 10;
    }
    (significant * scale, digits)
}

/// The power of ten and the name a number of `digits` digits is written in, from millions on.
fn en_unit(digits: u32, names: [&str; 3]) -> (u32, &str) {
    match digits {
        ..=9 => (6, names[0]),
        10..=12 => (9, names[1]),
        _ => (12, names[2]),
    }
}

/// Appends `rounded` (3 significant digits of a value of `hundredths`, with `digits` digits)
/// in units of 10^`unit_digits`: exact values without trailing zeros, rounded ones with all
/// three significant digits.
fn en_in(out: &mut String, hundredths: u128, rounded: u128, digits: u32, unit_digits: u32) {
    let unit_value = 10u128.pow(unit_digits);
    push_grouped(out, rounded / unit_value);
    if rounded * 100 == hundredths {
        push_fraction(out, rounded % unit_value, unit_value);
    } else {
        // Rounded: its three significant digits are all shown, trailing zeros too, so that
        // 42,982,000,000 reads 43.0 B and not as if it were 43 B exactly.
        let decimals = (unit_digits + 3).saturating_sub(digits);
        push_digits(out, rounded % unit_value, unit_value, decimals);
    }
}

/// The unit a set of values is written in together, so that they compare at a glance (a
/// chart's bars): the unit its largest value would be written in alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    /// The unit as a power of ten: 0, 4 (万) or 8 (亿) in Chinese; 0, 6, 9 or 12 in English.
    power: u32,
    /// How English names the unit.
    magnitude: Magnitude,
}

impl Scale {
    /// The scale for values up to `largest` in absolute value, for `lang`.
    pub fn for_largest(largest: f64, lang: Lang) -> Self {
        let power = match (hundredths(largest), lang) {
            (None, _) => 0,
            (Some((_, h)), Lang::Zh) => zh_unit(h, Script::Hans).0.ilog10() - 2,
            (Some((_, h)), Lang::En) => {
                let whole = (h + 50) / 100;
                if whole < 1_000_000 {
                    0
                } else {
                    en_unit(three_significant(whole).1, ["", "", ""]).0
                }
            }
        };
        Self {
            power,
            magnitude: Magnitude::Short,
        }
    }

    /// This scale with English magnitudes named `magnitude`: `0.29 million` beside `29 million`.
    #[must_use]
    pub fn named(self, magnitude: Magnitude) -> Self {
        Self { magnitude, ..self }
    }

    /// `value` written in this scale, as [`format_zh`] or [`format_en`] write it otherwise:
    /// `0.9万` beside `7.3万`, `0.29 M` beside `29 M`. A value under a thousandth of the
    /// scale's unit is written as it would be alone (`12` beside `4.99 M`, not `0.0000120 M`):
    /// its bar already shows how small it is, and so many zeros cannot be read at a glance.
    pub fn format(self, value: f64, lang: Lang, script: Script) -> String {
        if self.power > 0 && value.abs() < 10f64.powf(f64::from(self.power) - 3.0) {
            return match lang {
                Lang::Zh => format_zh(value, script),
                Lang::En => self.magnitude.format_en(value),
            };
        }
        let Some((negative, hundredths)) = hundredths(value) else {
            return fallback(value);
        };
        match lang {
            Lang::Zh => {
                let unit = match (self.power, script) {
                    (8, Script::Hans) => "亿",
                    (8, Script::Hant) => "億",
                    (4, Script::Hans) => "万",
                    (4, Script::Hant) => "萬",
                    _ => "",
                };
                zh_in(negative, hundredths, 100 * 10u128.pow(self.power), unit)
            }
            Lang::En if self.power == 0 => self.magnitude.format_en(value),
            Lang::En => {
                let mut out = sign(negative);
                let (rounded, digits) = three_significant((hundredths + 50) / 100);
                en_in(&mut out, hundredths, rounded, digits, self.power);
                let [millions, billions, trillions] = self.magnitude.names();
                let name = match self.power {
                    6 => millions,
                    9 => billions,
                    _ => trillions,
                };
                out.push(' ');
                out.push_str(name);
                out
            }
        }
    }
}

/// The sign of `value` and its magnitude in hundredths, rounded; `None` when it is not finite
/// or too large for plain notation. A value that rounds to 0 has no sign.
fn hundredths(value: f64) -> Option<(bool, u128)> {
    if !value.is_finite() || value.abs() >= LARGEST_PLAIN {
        return None;
    }
    let hundredths = (value.abs() * 100.0).round() as u128;
    Some((value < 0.0 && hundredths > 0, hundredths))
}

fn fallback(value: f64) -> String {
    if value.is_finite() {
        format!("{value:e}")
    } else {
        value.to_string()
    }
}

fn sign(negative: bool) -> String {
    if negative { "-".into() } else { String::new() }
}

/// Appends `n` with a `,` between each group of three digits.
fn push_grouped(out: &mut String, n: u128) {
    let digits = n.to_string();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
}

/// Appends `.` and the first `count` digits of `remainder / unit` (`unit` a power of ten),
/// trailing zeros kept, and zeros past its last digit when `count` asks for more; nothing
/// when `count` is 0.
fn push_digits(out: &mut String, remainder: u128, unit: u128, count: u32) {
    if count == 0 {
        return;
    }
    let width = unit.ilog10() as usize;
    let count = count as usize;
    let digits = format!("{remainder:0width$}");
    out.push('.');
    out.push_str(&digits[..count.min(width)]);
    out.extend(std::iter::repeat_n('0', count.saturating_sub(width)));
}

/// Appends `.` and the digits of `remainder / unit` (`unit` a power of ten), without trailing
/// zeros; nothing when the remainder is 0.
fn push_fraction(out: &mut String, remainder: u128, unit: u128) {
    if remainder == 0 {
        return;
    }
    let width = unit.ilog10() as usize;
    let digits = format!("{remainder:0width$}");
    out.push('.');
    out.push_str(digits.trim_end_matches('0'));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_forms() {
        let cases: &[(f64, &str, &str)] = &[
            (81_224_000.0, "8,122.4万", "8,122.4萬"),
            (165_000_000.0, "1.65亿", "1.65億"),
            (297.0, "297", "297"),
            (2650.0, "2,650", "2,650"),
            (50.9, "50.9", "50.9"),
            (0.0, "0", "0"),
            (9_999.0, "9,999", "9,999"),
            (10_000.0, "1万", "1萬"),
            (12_345.0, "1.2345万", "1.2345萬"),
            (300_000.0, "30万", "30萬"),
            (2_800_000_000.0, "28亿", "28億"),
            (123_456_789_000.0, "1,234.56789亿", "1,234.56789億"),
            (0.125, "0.13", "0.13"),
            (1.23456, "1.23", "1.23"),
            (-4_500_000.0, "-450万", "-450萬"),
            (-0.001, "0", "0"),
            // rounding to hundredths carries into the next unit
            (99_999_999.999, "1亿", "1億"),
        ];
        for &(value, hans, hant) in cases {
            assert_eq!(format_zh(value, Script::Hans), hans, "{value}");
            assert_eq!(format_zh(value, Script::Hant), hant, "{value}");
        }
    }

    #[test]
    fn english_forms() {
        let cases: &[(f64, &str)] = &[
            (81_224_000.0, "81.2 M"),
            (165_000_000.0, "165 M"),
            (2_500_000_000.0, "2.5 B"),
            (12_000.0, "12,000"),
            (297.0, "297"),
            (50.9, "50.9"),
            (999_999.0, "999,999"),
            (999_999.5, "1.00 M"),
            (1_000_000.0, "1 M"),
            (1_234_567.0, "1.23 M"),
            (999_999_999.0, "1.00 B"),
            (42_982_000_000.0, "43.0 B"),
            (2_789_000_000.0, "2.79 B"),
            (20_000_000.0, "20 M"),
            (3_000_000_000_000.0, "3 T"),
            (-81_224_000.0, "-81.2 M"),
            (0.004, "0"),
        ];
        for &(value, expected) in cases {
            assert_eq!(format_en(value), expected, "{value}");
        }
    }

    #[test]
    fn a_scale_writes_every_value_in_the_unit_of_the_largest() {
        let zh = Scale::for_largest(73_000.0, Lang::Zh);
        assert_eq!(zh.format(9_000.0, Lang::Zh, Script::Hans), "0.9万");
        assert_eq!(zh.format(73_000.0, Lang::Zh, Script::Hant), "7.3萬");
        assert_eq!(zh.format(3_361.0, Lang::Zh, Script::Hans), "0.3361万");
        let yi = Scale::for_largest(292_510_000.0, Lang::Zh);
        assert_eq!(yi.format(84_000_000.0, Lang::Zh, Script::Hans), "0.84亿");
        assert_eq!(yi.format(262_610_000.0, Lang::Zh, Script::Hans), "2.6261亿");
        let plain = Scale::for_largest(30.0, Lang::Zh);
        assert_eq!(plain.format(2.0, Lang::Zh, Script::Hans), "2");
        assert_eq!(plain.format(21.1, Lang::Zh, Script::Hans), "21.1");

        let m = Scale::for_largest(29_000_000.0, Lang::En);
        assert_eq!(m.format(29_000_000.0, Lang::En, Script::Hans), "29 M");
        assert_eq!(m.format(290_000.0, Lang::En, Script::Hans), "0.29 M");
        assert_eq!(m.format(262_610_000.0, Lang::En, Script::Hans), "263 M");
        // Rounding shows its three significant digits, as format_en does.
        assert_eq!(m.format(1_234_567.0, Lang::En, Script::Hans), "1.23 M");
        assert_eq!(m.format(298_700.0, Lang::En, Script::Hans), "0.299 M");
        let b = Scale::for_largest(1.2e12, Lang::En);
        assert_eq!(b.format(1.2e12, Lang::En, Script::Hans), "1.2 T");
        assert_eq!(b.format(2_809_000.0, Lang::En, Script::Hans), "2.81 M");
        let plain = Scale::for_largest(73_000.0, Lang::En);
        assert_eq!(plain.format(9_000.0, Lang::En, Script::Hans), "9,000");
        // The largest alone is written as format_* writes it.
        for value in [9_000.0, 73_000.0, 1.86e8, 2.0e8, 1.2e12, 999_999_999.0] {
            for script in [Script::Hans, Script::Hant] {
                let zh = Scale::for_largest(value, Lang::Zh);
                assert_eq!(zh.format(value, Lang::Zh, script), format_zh(value, script));
            }
            let en = Scale::for_largest(value, Lang::En);
            assert_eq!(en.format(value, Lang::En, Script::Hans), format_en(value));
        }
        assert_eq!(
            Scale::for_largest(f64::NAN, Lang::En).format(f64::NAN, Lang::En, Script::Hans),
            "NaN"
        );
    }

    #[test]
    fn values_that_are_not_figures_do_not_panic() {
        assert_eq!(format_en_words(81_224_000.0), "81.2 million");
        assert_eq!(format_en_words(2_500_000_000.0), "2.5 billion");
        assert_eq!(format_en_words(3_000_000_000_000.0), "3 trillion");
        assert_eq!(format_en_words(12_000.0), "12,000");
        assert_eq!(format_en(f64::NAN), "NaN");
        assert_eq!(format_zh(f64::INFINITY, Script::Hans), "inf");
        assert_eq!(format_en(-f64::INFINITY), "-inf");
        assert_eq!(format_zh(1e40, Script::Hant), "1e40");
        assert_eq!(format_en(f64::MAX), "1.7976931348623157e308");
    }

    #[test]
    fn a_scale_named_in_words_writes_the_magnitude_out() {
        let m = Scale::for_largest(29_000_000.0, Lang::En).named(Magnitude::Words);
        assert_eq!(m.format(29_000_000.0, Lang::En, Script::Hans), "29 million");
        assert_eq!(m.format(290_000.0, Lang::En, Script::Hans), "0.29 million");
        assert_eq!(m.format(12.3, Lang::En, Script::Hans), "12.3");
        let b = Scale::for_largest(4.3e9, Lang::En).named(Magnitude::Words);
        assert_eq!(b.format(5.7e9, Lang::En, Script::Hans), "5.7 billion");
        // Chinese has one way to write them.
        let yi = Scale::for_largest(2e8, Lang::Zh).named(Magnitude::Words);
        assert_eq!(yi.format(1.86e8, Lang::Zh, Script::Hans), "1.86亿");
        for value in [81_224_000.0, 2.5e9, 3e12, 12_000.0] {
            assert_eq!(Magnitude::Words.format_en(value), format_en_words(value));
            assert_eq!(Magnitude::Short.format_en(value), format_en(value));
        }
    }

    #[test]
    fn a_value_under_a_thousandth_of_the_scale_is_written_as_alone() {
        let m = Scale::for_largest(29_000_000.0, Lang::En);
        assert_eq!(m.format(12.3, Lang::En, Script::Hans), "12.3");
        assert_eq!(m.format(999.0, Lang::En, Script::Hans), "999");
        assert_eq!(m.format(1_500.0, Lang::En, Script::Hans), "0.0015 M");
        assert_eq!(m.format(29_000.0, Lang::En, Script::Hans), "0.029 M");
        let yi = Scale::for_largest(292_510_000.0, Lang::Zh);
        assert_eq!(yi.format(12.0, Lang::Zh, Script::Hans), "12");
        assert_eq!(yi.format(3_000.0, Lang::Zh, Script::Hant), "3,000");
        assert_eq!(yi.format(120_000.0, Lang::Zh, Script::Hans), "0.0012亿");
    }

    proptest::proptest! {
        #![proptest_config(crate::proptest_config::proptest_config(512))]

        /// Any value beside any largest one is written, in both languages and scripts, and
        /// reads back as a number of the scale's unit.
        #[test]
        fn a_scale_writes_any_value(largest in 0.0f64..2e13, share in 0.0f64..=1.0) {
            let value = largest * share;
            for lang in [Lang::Zh, Lang::En] {
                let scale = Scale::for_largest(largest, lang);
                for script in [Script::Hans, Script::Hant] {
                    let text = scale.format(value, lang, script);
                    proptest::prop_assert!(
                        text.starts_with(|c: char| c.is_ascii_digit()),
                        "{value} beside {largest}: {text}"
                    );
                }
            }
        }
    }
}
