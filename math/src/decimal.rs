//! Decimal text to the nearest `f64` (round half to even), the same answer as `str::parse`
//! but without its 17 KB of power tables, which weigh on the site's download: a typed number
//! is read exactly by one IEEE operation when it is short (Clinger's fast path), otherwise
//! approximated and then corrected by comparing exact big integers against the midpoints
//! between neighbouring doubles.

use std::cmp::Ordering;

/// Powers of ten that are exact in `f64`.
const EXACT_POWERS: usize = 23;

/// Reads `[+-]digits[.digits][(e|E)[+-]digits]` (at least one digit before the exponent) as
/// the nearest double: ±∞ beyond the largest finite one, ±0 below the smallest. `None` for
/// anything else.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let negative = match bytes.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    // Significant digits (no leading zeros) and the power of ten of the last one.
    let mut digits: Vec<u8> = Vec::new();
    let mut exponent: i64 = 0;
    let (mut seen_digit, mut seen_dot) = (false, false);
    while i < bytes.len() {
        match bytes[i] {
            d @ b'0'..=b'9' => {
                seen_digit = true;
                if !(digits.is_empty() && d == b'0') {
                    digits.push(d - b'0');
                }
                if seen_dot {
                    exponent -= 1;
                }
            }
            b'.' if !seen_dot => seen_dot = true,
            _ => break,
        }
        i += 1;
    }
    if !seen_digit {
        return None;
    }
    if i < bytes.len() {
        if !matches!(bytes[i], b'e' | b'E') {
            return None;
        }
        i += 1;
        let sign = match bytes.get(i) {
            Some(b'-') => {
                i += 1;
                -1
            }
            Some(b'+') => {
                i += 1;
                1
            }
            _ => 1,
        };
        let start = i;
        let mut e: i64 = 0;
        while let Some(d @ b'0'..=b'9') = bytes.get(i) {
            e = (e * 10 + (d - b'0') as i64).min(1 << 40);
            i += 1;
        }
        if i == start || i != bytes.len() {
            return None;
        }
        exponent += sign * e;
    }
    while digits.last() == Some(&0) {
        digits.pop();
        exponent += 1;
    }
    let magnitude = magnitude(&digits, exponent);
    Some(if negative { -magnitude } else { magnitude })
}

/// The nearest double to `digits × 10^exponent` (digits without leading or trailing zeros).
fn magnitude(digits: &[u8], exponent: i64) -> f64 {
    let n = digits.len() as i64;
    if n == 0 || n + exponent < -343 {
        return 0.0;
    }
    if n + exponent > 310 {
        return f64::INFINITY;
    }
    let leading = |k: usize| digits[..k].iter().fold(0u64, |w, d| w * 10 + *d as u64);
    let ten = |k: i64| (0..k).fold(1.0f64, |p, _| p * 10.0);
    // Both factors exact, so one correctly rounded operation.
    if n <= 15 && exponent.unsigned_abs() < EXACT_POWERS as u64 {
        let w = leading(digits.len()) as f64;
        return if exponent >= 0 {
            w * ten(exponent)
        } else {
            w / ten(-exponent)
        };
    }
    // Within a few units in the last place: the first 19 digits, scaled in two steps so
    // that no intermediate overflows or underflows early.
    let k = digits.len().min(19);
    let e = exponent + (digits.len() - k) as i64;
    let mut z = leading(k) as f64 * 10f64.powi((e / 2) as i32) * 10f64.powi((e - e / 2) as i32);
    if z.is_infinite() {
        z = f64::MAX;
    }
    let exact = Big::from_digits(digits);
    for _ in 0..64 {
        let (m, k) = decompose(z);
        // Above z: the midpoint (2m + 1)·2^(k−1).
        match compare(&exact, exponent, 2 * m + 1, k - 1) {
            Ordering::Greater => {
                z = next_up(z);
                if z.is_infinite() {
                    return z;
                }
                continue;
            }
            Ordering::Equal if m % 2 == 1 => return next_up(z),
            _ => {}
        }
        if m == 0 {
            return z;
        }
        // Below z: half way to the previous double, which is closer at a power of two.
        let (lower, shift) = if m == 1 << 52 && k > -1074 {
            (4 * m - 1, k - 2)
        } else {
            (2 * m - 1, k - 1)
        };
        match compare(&exact, exponent, lower, shift) {
            Ordering::Less => z = next_down(z),
            Ordering::Equal if m % 2 == 1 => return next_down(z),
            _ => return z,
        }
    }
    z
}

/// `z = m·2^k` with m an integer (subnormals included).
pub(crate) fn decompose(z: f64) -> (u64, i64) {
    let bits = z.to_bits();
    let (exp, frac) = ((bits >> 52) & 0x7ff, bits & ((1 << 52) - 1));
    if exp == 0 {
        (frac, -1074)
    } else {
        (frac | 1 << 52, exp as i64 - 1075)
    }
}

fn next_up(z: f64) -> f64 {
    f64::from_bits(z.to_bits() + 1)
}

fn next_down(z: f64) -> f64 {
    f64::from_bits(z.to_bits() - 1)
}

/// `digits × 10^e` against `m × 2^k`, exactly.
fn compare(digits: &Big, e: i64, m: u64, k: i64) -> Ordering {
    let mut a = digits.clone();
    let mut b = Big(vec![m as u32, (m >> 32) as u32]);
    if e >= 0 {
        a.mul_pow10(e as u32);
    } else {
        b.mul_pow10((-e) as u32);
    }
    if k >= 0 {
        b.shl(k as u32);
    } else {
        a.shl((-k) as u32);
    }
    a.cmp(&b)
}

/// A non-negative big integer, little-endian 32-bit limbs.
#[derive(Clone)]
pub(crate) struct Big(pub(crate) Vec<u32>);

impl Big {
    fn from_digits(digits: &[u8]) -> Big {
        let mut b = Big(vec![0]);
        for d in digits {
            b.mul_add(10, *d as u32);
        }
        b
    }

    pub(crate) fn mul_add(&mut self, m: u32, add: u32) {
        let mut carry = add as u64;
        for limb in &mut self.0 {
            let v = *limb as u64 * m as u64 + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow10(&mut self, mut e: u32) {
        while e > 0 {
            let step = e.min(9);
            self.mul_add(10u32.pow(step), 0);
            e -= step;
        }
    }

    pub(crate) fn shl(&mut self, bits: u32) {
        let (words, bits) = ((bits / 32) as usize, bits % 32);
        if bits > 0 {
            self.mul_add(1 << bits, 0);
        }
        self.0.splice(0..0, std::iter::repeat_n(0, words));
    }

    /// Divides by `d` in place, returning the remainder.
    fn div_rem(&mut self, d: u32) -> u32 {
        let mut rem = 0u64;
        for limb in self.0.iter_mut().rev() {
            let v = rem << 32 | *limb as u64;
            *limb = (v / d as u64) as u32;
            rem = v % d as u64;
        }
        rem as u32
    }

    /// The decimal digits (0–9, most significant first; `[0]` for zero). Consumes the value.
    pub(crate) fn decimal_digits(mut self) -> Vec<u8> {
        let mut out = Vec::new();
        while self.0.iter().any(|l| *l != 0) {
            let mut chunk = self.div_rem(1_000_000_000);
            for _ in 0..9 {
                out.push((chunk % 10) as u8);
                chunk /= 10;
            }
        }
        while out.len() > 1 && out.last() == Some(&0) {
            out.pop();
        }
        if out.is_empty() {
            out.push(0);
        }
        out.reverse();
        out
    }

    fn cmp(&self, other: &Big) -> Ordering {
        let trim = |v: &[u32]| v.len() - v.iter().rev().take_while(|l| **l == 0).count();
        let (a, b) = (&self.0[..trim(&self.0)], &other.0[..trim(&other.0)]);
        a.len()
            .cmp(&b.len())
            .then_with(|| a.iter().rev().cmp(b.iter().rev()))
    }
}

#[cfg(test)]
mod tests {
    use super::parse_decimal;

    #[test]
    fn hard_cases_round_like_the_standard_library() {
        for s in [
            "0", "-0", "0.1", "1e23", "9007199254740993", "2.2250738585072011e-308",
            "2.2250738585072012e-308", "2.2250738585072014e-308", "4.9406564584124654e-324",
            "2.4703282292062327e-324", "2.4703282292062328e-324", "1.7976931348623157e308",
            "1.7976931348623158e308", "1.7976931348623159e308", "8.98846567431158e307",
            "123456789012345678901234567890", "0.000000000000000000000000000001234", "1e-400",
            "1e400", "7.038531e-26", "3.0517578125e-05", "1.00000000000000011102230246251565404236316680908203125",
            "1.00000000000000011102230246251565404236316680908203124",
            "1.00000000000000011102230246251565404236316680908203126", ".5", "5.", "+3",
            "1e-7", "2.5e+3", "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
        ] {
            assert_eq!(
                parse_decimal(s).map(f64::to_bits),
                s.parse::<f64>().ok().map(f64::to_bits),
                "{s}"
            );
        }
        for bad in [
            "", ".", "-", "e5", "1e", "1e+", "1.2.3", "1x", "--1", " 1", "1 ",
        ] {
            assert_eq!(parse_decimal(bad), None, "{bad:?}");
        }
    }
}
