//! Every number Slope shows, formatted in one place: axis ticks, readouts, table cells and
//! view ranges. Written the way a textbook prints numbers: no trailing zeros, a true minus
//! sign, and powers of ten as `3×10⁶` — never `3e6`, which reads as "3 times Euler's e".

use crate::math::clamp;
use std::fmt::Write;

use crate::math::digits::{exponential, fixed as exact_fixed};
use crate::math::print::superscript_number;

/// `v` with at most `digits` significant digits as `m×10ⁿ` (`1.2346×10⁻⁷`, `3×10⁶`).
pub fn scientific(v: f64, digits: usize) -> String {
    let s = exponential(v, Some(digits.saturating_sub(1)));
    let (mantissa, exponent) = s.split_once('e').unwrap_or((&s, "0"));
    let mantissa = if mantissa.contains('.') {
        mantissa.trim_end_matches('0').trim_end_matches('.')
    } else {
        mantissa
    };
    let n: i64 = exponent.parse().unwrap_or(0);
    let out = if n == 0 {
        mantissa.to_string()
    } else {
        format!("{mantissa}×10{}", superscript_number(n))
    };
    minus(out)
}

/// 10 to the power n, as a textbook writes it: `10⁻³`, `10²`, `1` for n = 0.
pub fn power_of_ten(n: i32) -> String {
    if n == 0 {
        "1".into()
    } else {
        format!("10{}", superscript_number(i64::from(n)))
    }
}

/// Exactly `decimals` decimals (a column of numbers), a true minus sign, and never a minus on
/// a value that rounds to zero ("0.000", not "−0.000"); NaN as "NaN".
pub fn decimals(v: f64, decimals: usize) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    let s = exact_fixed(v, decimals);
    if s.trim_start_matches('-')
        .bytes()
        .all(|c| c == b'0' || c == b'.')
    {
        s.trim_start_matches('-').to_string()
    } else {
        minus(s)
    }
}

/// A fixed-point number with `decimals` decimals, trailing zeros dropped.
fn fixed(v: f64, decimals: usize) -> String {
    let s = exact_fixed(v, decimals);
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s == "-0" {
        "0".into()
    } else {
        minus(s)
    }
}

fn minus(s: String) -> String {
    s.replace('-', "\u{2212}")
}

/// A tick label: as many decimals as the spacing `step` needs (`0.99995`, `1`, `1.00005`),
/// powers of ten only for huge values or minute spacings.
pub fn tick(value: f64, step: f64, out: &mut String) {
    out.clear();
    if value.abs() < step * 1e-6 || value == 0.0 {
        out.push('0');
        return;
    }
    let decimals = (-step.log10().floor()).max(0.0);
    if value.abs() < 1e6 && decimals <= 8.0 {
        out.push_str(&fixed(value, decimals as usize));
    } else {
        // Significant digits: enough to tell neighbouring ticks apart.
        let digits = clamp(
            value.abs().log10().floor() - step.log10().floor(),
            0.0,
            15.0,
        ) as usize;
        let _ = write!(out, "{}", scientific(value, digits + 1));
    }
}

/// A number as typed in an address or a formula: up to six decimals, no trailing zeros, no
/// minus on zero (`1.5`, `-0.25`, `0`).
pub fn plain(x: f64) -> String {
    let s = exact_fixed(x, 6);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// A value in a readout: up to four decimals, powers of ten outside 10⁻⁴…10⁶.
pub fn value(v: f64) -> String {
    if v.is_nan() {
        return "undefined".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "∞" } else { "−∞" }.into();
    }
    if v != 0.0 && (v.abs() >= 1e6 || v.abs() < 1e-4) {
        scientific(v, 5)
    } else {
        fixed(v, 4)
    }
}

/// A value with `digits` significant digits (the slope readout, the quotient table).
pub fn precise(v: f64, digits: usize) -> String {
    if !v.is_finite() {
        return value(v);
    }
    if v == 0.0 {
        return "0".into();
    }
    let magnitude = v.abs().log10().floor() as i64;
    if !(-5..9).contains(&magnitude) {
        return scientific(v, digits);
    }
    fixed(v, (digits as i64 - 1 - magnitude).clamp(0, 17) as usize)
}

/// `precise` without trailing zeros and with a true minus sign: `6`, `−0.25`, `8.48528`.
pub fn trimmed(v: f64, digits: usize) -> String {
    let s = precise(v, digits);
    let s = if s.contains('.') && !s.contains('×') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        &s
    };
    if s == "-0" {
        "0".into()
    } else {
        s.replace('-', "−")
    }
}

/// An error in a table: two significant digits, exactly `0` when there is none.
pub fn error(e: f64) -> String {
    if !e.is_finite() {
        return "—".into();
    }
    if e == 0.0 {
        return "0".into();
    }
    scientific(e, 2)
}

/// The ends of a view `[a, b]` with enough digits that they differ whenever a < b.
pub fn range(a: f64, b: f64) -> (String, String) {
    let width = (b - a).abs();
    if !(width > 0.0) || !a.is_finite() || !b.is_finite() {
        return (value(a), value(b));
    }
    let magnitude = a.abs().max(b.abs()).max(width);
    // Digits down to a tenth of the width, at least the usual four decimals.
    let decimals = clamp((-width.log10()).ceil() + 1.0, 4.0, 15.0) as usize;
    #[allow(clippy::manual_range_contains)] // NaN is not out of range here, as `contains` would say
    if magnitude >= 1e6 || magnitude < 1e-4 {
        let digits = ((magnitude / width).log10().ceil() as usize + 2).clamp(5, 16);
        return (scientific(a, digits), scientific(b, digits));
    }
    (fixed(a, decimals), fixed(b, decimals))
}

/// The length in bytes of the start of a printed number that holds its first `n` significant
/// digits (sign, leading zeros and the point come along): the part to highlight.
pub fn significant_prefix(text: &str, n: usize) -> usize {
    if n == 0 {
        return 0;
    }
    let mut seen = 0;
    for (i, c) in text.char_indices() {
        if c.is_ascii_digit() && (seen > 0 || c != '0') {
            seen += 1;
            if seen == n {
                return i + c.len_utf8();
            }
        }
        if c == '×' {
            return i;
        }
    }
    text.find('×').unwrap_or(text.len())
}

/// A quotient printed against the exact value it approximates (a cell of the quotient table).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agreement {
    /// The value with up to the table's significant digits.
    pub text: String,
    /// Bytes at the start of `text` that are correct digits (the part to highlight).
    pub correct: usize,
    /// How many digits those are; `None` when the value is exactly the exact one.
    pub digits: Option<usize>,
}

impl Agreement {
    /// The count as the table shows it: `4`, `0`, `exact`.
    pub fn count(&self) -> String {
        match self.digits {
            Some(n) => n.to_string(),
            None => "exact".into(),
        }
    }

    /// What a screen reader hears: `2.0001, 4 correct digits`, `2, exact`.
    pub fn spoken(&self) -> String {
        match self.digits {
            None => format!("{}, exact", self.text),
            Some(n) => format!(
                "{}, {n} correct digit{}",
                self.text,
                if n == 1 { "" } else { "s" }
            ),
        }
    }
}

/// `value` with `digits` significant digits and its correct digits against `exact`: those
/// that are the exact value's digits in the same places (`math::numeric::correct_digits`),
/// so the highlight and the count say the same. 2.0001 against 2 highlights `2.000` (4);
/// 1.99 against 2, nothing. Zeros the short form drops are written out when they are
/// correct (2.5 against 2.5000001 is `2.500000`, 7), so every digit counted is seen.
pub fn agreement(value: f64, exact: f64, digits: usize) -> Agreement {
    let mut text = precise(value, digits);
    if value == exact {
        let correct = text.len();
        return Agreement {
            text,
            correct,
            digits: None,
        };
    }
    let n = crate::math::numeric::correct_digits(value, exact, digits);
    let end = text.find('×').unwrap_or(text.len());
    let mut seen = 0;
    for c in text[..end].chars() {
        if c.is_ascii_digit() && (seen > 0 || c != '0') {
            seen += 1;
        }
    }
    if n > seen {
        let point = if text[..end].contains('.') { "" } else { "." };
        let zeros = format!("{point}{}", "0".repeat(n - seen));
        text.insert_str(end, &zeros);
    }
    Agreement {
        correct: significant_prefix(&text, n),
        text,
        digits: Some(n),
    }
}

/// `v` as a term after another in a formula, its sign as the operation: ` + 1.5`, ` − 1.5`
/// (never `+ −1.5`), its size written by `text`: `format!("ŷ = {w}x{}", signed(b, value))`.
pub fn signed(v: f64, text: impl Fn(f64) -> String) -> String {
    let sign = if v < 0.0 { '−' } else { '+' };
    format!(" {sign} {}", text(v.abs()))
}

/// A step h: short, and powers of ten from 10⁻⁴ down as powers (`10⁻⁷`, `−10⁻⁵`).
pub fn step(h: f64) -> String {
    let e = h.abs().log10();
    if (e - e.round()).abs() < 1e-9 && e.round() <= -4.0 {
        let sign = if h < 0.0 { "−" } else { "" };
        return format!(
            "{sign}10{}",
            crate::math::print::superscript_number(e.round() as i64)
        );
    }
    value(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check_tick(value: f64, step: f64, expected: &str) {
        let mut out = String::new();
        tick(value, step, &mut out);
        assert_eq!(out, expected, "tick {value} with step {step}");
    }

    #[test]
    fn ticks_read_like_a_textbook() {
        check_tick(0.99995, 0.00005, "0.99995");
        check_tick(1.0, 0.00005, "1");
        check_tick(1.00005, 0.00005, "1.00005");
        check_tick(3e6, 1e6, "3×10⁶");
        check_tick(-3e-9, 1e-9, "−3×10⁻⁹");
        for (v, s) in [(0.4, 0.1), (2.0, 1.0), (1e5, 5e4), (1.0, 1e-8)] {
            let mut out = String::new();
            tick(v, s, &mut out);
            assert!(!out.contains('e'), "{v} {s}: {out}");
        }
    }

    #[test]
    fn values_errors_and_ranges() {
        assert_eq!(value(12345678.0), "1.2346×10⁷");
        assert_eq!(value(-0.5), "−0.5");
        assert_eq!(value(f64::NAN), "undefined");
        assert_eq!(error(0.0), "0");
        assert_eq!(error(0.2), "2×10⁻¹");
        assert_eq!(error(1.8e-15), "1.8×10⁻¹⁵");
        assert_eq!(precise(1.0e-12, 3), "1×10⁻¹²");
        let (a, b) = range(-1.0000005, -0.9999995);
        assert_ne!(a, b);
        assert_eq!((a.as_str(), b.as_str()), ("−1.0000005", "−0.9999995"));
        assert_eq!(range(-5.0, 5.0), ("−5".to_string(), "5".to_string()));
    }

    #[test]
    fn significant_prefixes() {
        let t = "−0.9999999006";
        assert_eq!(&t[..significant_prefix(t, 7)], "−0.9999999");
        assert_eq!(&t[..significant_prefix(t, 0)], "");
        assert_eq!(&"5.02"[..significant_prefix("5.02", 2)], "5.0");
        assert_eq!(&"1.5×10⁻⁷"[..significant_prefix("1.5×10⁻⁷", 5)], "1.5");
    }
}
