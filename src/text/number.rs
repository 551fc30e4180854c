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

use crate::data::Script;

/// Beyond this magnitude a value is written in scientific notation.
const LARGEST_PLAIN: f64 = 1e30;

/// `value` for a Chinese reader in `script` (see the [module documentation](self)).
pub fn format_zh(value: f64, script: Script) -> String {
    let Some((negative, hundredths)) = hundredths(value) else {
        return fallback(value);
    };
    let (unit_hundredths, unit) = match (hundredths, script) {
        (h, Script::Hans) if h >= 10_000_000_000 => (10_000_000_000, "亿"),
        (h, Script::Hant) if h >= 10_000_000_000 => (10_000_000_000, "億"),
        (h, Script::Hans) if h >= 1_000_000 => (1_000_000, "万"),
        (h, Script::Hant) if h >= 1_000_000 => (1_000_000, "萬"),
        _ => (100, ""),
    };
    let mut out = sign(negative);
    push_grouped(&mut out, hundredths / unit_hundredths);
    push_fraction(&mut out, hundredths % unit_hundredths, unit_hundredths);
    out.push_str(unit);
    out
}

/// `value` for an English reader (see the [module documentation](self)).
pub fn format_en(value: f64) -> String {
    format_en_with(value, ["M", "B", "T"])
}

/// `value` for an English reader where there is room to write the magnitude out:
/// `81.2 million`, `2.5 billion`; otherwise as [`format_en`].
pub fn format_en_words(value: f64) -> String {
    format_en_with(value, ["million", "billion", "trillion"])
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
    // Round to 3 significant digits, counting the digits again when rounding carries over
    // (999,999,999 becomes 1.00 B).
    let mut digits = whole.ilog10() + 1;
    let mut scale = 10u128.pow(digits - 3);
    let mut significant = (whole + scale / 2) / scale;
    if significant == 1000 {
        significant = 100;
        digits += 1;
        scale *= 10;
    }
    let (unit_digits, unit) = match digits {
        ..=9 => (6, names[0]),
        10..=12 => (9, names[1]),
        _ => (12, names[2]),
    };
    let rounded = significant * scale;
    let unit_value = 10u128.pow(unit_digits);
    push_grouped(&mut out, rounded / unit_value);
    if rounded * 100 == hundredths {
        push_fraction(&mut out, rounded % unit_value, unit_value);
    } else {
        // Rounded: its three significant digits are all shown, trailing zeros too, so that
        // 42,982,000,000 reads 43.0 B and not as if it were 43 B exactly.
        let integer_digits = digits - unit_digits;
        push_digits(
            &mut out,
            rounded % unit_value,
            unit_value,
            3 - integer_digits,
        );
    }
    out.push(' ');
    out.push_str(unit);
    out
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
/// trailing zeros kept; nothing when `count` is 0.
fn push_digits(out: &mut String, remainder: u128, unit: u128, count: u32) {
    if count == 0 {
        return;
    }
    let width = unit.ilog10() as usize;
    let digits = format!("{remainder:0width$}");
    out.push('.');
    out.push_str(&digits[..count as usize]);
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
}
