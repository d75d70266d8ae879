//! Doubles to decimal text, the same text as the standard library's `{}`, `{:.N}`, `{:e}` and
//! `{:.Ne}` give, without its formatting code and tables (about 15 KB of WebAssembly before
//! compression): every finite double is an exact decimal, so we write that decimal out with
//! big integers and round the digit string (half to even, as `format!` does). The shortest
//! form is the fewest significant digits that read back to the same double, checked with
//! `decimal::parse_decimal`. Slow next to `format!` (microseconds, not nanoseconds), which is
//! nothing for the few dozen numbers a page shows. A proptest pins every form to `format!`.

use super::decimal::{decompose, parse_decimal, Big};

/// `|x|` as exact decimal digits `d` (no leading zeros; `[0]` for 0) and a scale `s`:
/// `|x| = d × 10^(−s)`. Finite `x` only.
fn exact(x: f64) -> (Vec<u8>, i64) {
    let (m, k) = decompose(x.abs());
    let mut n = Big(vec![m as u32, (m >> 32) as u32]);
    let scale = if k >= 0 {
        n.shl(k as u32);
        0
    } else {
        // m·2^k = m·5^(−k) / 10^(−k).
        let mut e = -k;
        while e > 0 {
            let step = e.min(13);
            n.mul_add(5u32.pow(step as u32), 0);
            e -= step;
        }
        -k
    };
    (n.decimal_digits(), scale)
}

/// The first `keep` digits of `d`, rounded on the rest (an exact half to even, or up when
/// `!even`); one digit longer when the rounding carries out (`999` → `1000`).
fn round(d: &[u8], keep: usize, even: bool) -> Vec<u8> {
    if keep >= d.len() {
        let mut out = d.to_vec();
        out.resize(keep, 0);
        return out;
    }
    let mut out = d[..keep].to_vec();
    let rest = &d[keep..];
    let up = match rest[0] {
        0..=4 => false,
        5 if even && rest[1..].iter().all(|&r| r == 0) => out.last().is_some_and(|l| l % 2 == 1),
        _ => true,
    };
    if up {
        increment(&mut out);
    }
    out
}

/// Adds one in the last place.
fn increment(d: &mut Vec<u8>) {
    for digit in d.iter_mut().rev() {
        if *digit == 9 {
            *digit = 0;
        } else {
            *digit += 1;
            return;
        }
    }
    d.insert(0, 1);
}

fn text(d: &[u8]) -> String {
    d.iter().map(|&c| char::from(b'0' + c)).collect()
}

/// NaN and the infinities as `format!` writes them.
fn special(x: f64) -> Option<String> {
    if x.is_nan() {
        Some("NaN".into())
    } else if x.is_infinite() {
        Some(if x > 0.0 { "inf" } else { "-inf" }.into())
    } else {
        None
    }
}

fn sign(x: f64) -> &'static str {
    if x.is_sign_negative() {
        "-"
    } else {
        ""
    }
}

/// `format!("{x:.decimals$}")`.
pub fn fixed(x: f64, decimals: usize) -> String {
    if let Some(s) = special(x) {
        return s;
    }
    let mut all = match quick_fixed(x, decimals) {
        Some(n) => n.to_string(),
        None => {
            let (d, scale) = exact(x);
            // Digits up to the last decimal kept: those before the point plus `decimals`.
            let keep = d.len() as i64 - scale + decimals as i64;
            if keep < 0 {
                String::new()
            } else {
                text(&round(&d, keep as usize, true))
            }
        }
    };
    if all.len() <= decimals {
        all = "0".repeat(decimals + 1 - all.len()) + &all;
    }
    let (int, frac) = all.split_at(all.len() - decimals);
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    if decimals == 0 {
        format!("{}{int}", sign(x))
    } else {
        format!("{}{int}.{frac}", sign(x))
    }
}

/// `|x|·10^decimals` rounded to an integer, when one multiplication settles it: the product
/// is off by at most half an ulp, so unless it lands that close to a half the rounding goes
/// the same way as for the exact product. Plot labels take this path on every redraw.
fn quick_fixed(x: f64, decimals: usize) -> Option<u64> {
    let y = x.abs() * 10f64.powi(i32::try_from(decimals).ok().filter(|d| *d <= 22)?);
    let frac = y - y.floor();
    let margin = y * f64::EPSILON;
    (y < (1u64 << 52) as f64 && (frac - 0.5).abs() > margin).then(|| y.round() as u64)
}

/// The fewest significant digits of `|x|` (not 0) that read back to `|x|`, and the power of
/// ten of the first: `|x| ≈ 0.d₁d₂… × 10^point`.
fn shortest_digits(x: f64) -> (Vec<u8>, i64) {
    let (d, scale) = exact(x);
    let point = d.len() as i64 - scale;
    let target = x.abs();
    for p in 1..=17usize {
        // Between two equally near candidates `format!` takes the upper one.
        let nearest = round(&d, p, false);
        // With the interval around x lopsided (at a power of two) the nearest p-digit decimal
        // may miss while the one on the other side reads back.
        let mut down = d[..p.min(d.len())].to_vec();
        down.resize(p, 0);
        let mut up = down.clone();
        increment(&mut up);
        for candidate in [nearest, down, up] {
            // A carry made it one digit longer: the point moves with it.
            let at = point + candidate.len() as i64 - p as i64;
            let reads = format!("0.{}e{at}", text(&candidate));
            if parse_decimal(&reads) == Some(target) {
                let mut c = candidate;
                while c.len() > 1 && c.last() == Some(&0) {
                    c.pop();
                }
                return (c, at);
            }
        }
    }
    (d, point)
}

/// `format!("{x}")`: the shortest digits that read back, positional (never an exponent).
pub fn shortest(x: f64) -> String {
    if let Some(s) = special(x) {
        return s;
    }
    if x == 0.0 {
        return format!("{}0", sign(x));
    }
    let (d, point) = shortest_digits(x);
    let digits = text(&d);
    let body = if point <= 0 {
        format!("0.{}{digits}", "0".repeat((-point) as usize))
    } else if point as usize >= digits.len() {
        format!("{digits}{}", "0".repeat(point as usize - digits.len()))
    } else {
        let (a, b) = digits.split_at(point as usize);
        format!("{a}.{b}")
    };
    format!("{}{body}", sign(x))
}

/// `format!("{x:e}")` (shortest digits) or, with `Some(n)`, `format!("{x:.n$e}")` (n digits
/// after the point, rounded half to even).
pub fn exponential(x: f64, decimals: Option<usize>) -> String {
    if let Some(s) = special(x) {
        return s;
    }
    let (d, point) = if x == 0.0 {
        (vec![0], 1)
    } else if let Some(n) = decimals {
        let (d, scale) = exact(x);
        let r = round(&d, n + 1, true);
        let point = d.len() as i64 - scale + (r.len() as i64 - (n as i64 + 1));
        (r[..n + 1].to_vec(), point)
    } else {
        shortest_digits(x)
    };
    let mut digits = text(&d);
    if let Some(n) = decimals {
        digits.truncate(n + 1);
        while digits.len() < n + 1 {
            digits.push('0');
        }
    }
    let (first, rest) = digits.split_at(1);
    let dot = if rest.is_empty() { "" } else { "." };
    format!("{}{first}{dot}{rest}e{}", sign(x), point - 1)
}
