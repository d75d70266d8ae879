//! Numerical differentiation, for teaching it: difference quotients by the forward, backward
//! and central formulas, the table of them as h shrinks (where truncation error gives way to
//! floating-point round-off), and one-sided slopes where a derivative does not exist.

use super::eval::Program;

/// Which difference quotient.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// (f(x₀+h) − f(x₀))/h
    Forward,
    /// (f(x₀) − f(x₀−h))/h
    Backward,
    /// (f(x₀+h) − f(x₀−h))/2h
    Central,
}

impl Method {
    pub const ALL: [Method; 3] = [Method::Forward, Method::Backward, Method::Central];

    /// The name used in URLs and the UI.
    pub fn name(self) -> &'static str {
        match self {
            Method::Forward => "forward",
            Method::Backward => "backward",
            Method::Central => "central",
        }
    }

    pub fn from_name(s: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.name() == s)
    }

    /// The two x values whose secant this quotient is the slope of.
    pub fn secant_ends(self, x0: f64, h: f64) -> (f64, f64) {
        match self {
            Method::Forward => (x0, x0 + h),
            Method::Backward => (x0 - h, x0),
            Method::Central => (x0 - h, x0 + h),
        }
    }
}

/// A one-variable function that can be evaluated at a handful of points at once.
fn values(f: &Program, xs: &[f64]) -> Vec<f64> {
    let mut out = vec![0.0; xs.len()];
    f.eval_slice(xs, &mut out);
    out
}

/// The difference quotient Q(h) of `f` at `x0` (NaN where f is undefined at an end).
pub fn difference_quotient(f: &Program, x0: f64, h: f64, method: Method) -> f64 {
    let (a, b) = method.secant_ends(x0, h);
    let v = values(f, &[a, b]);
    (v[1] - v[0]) / (b - a)
}

/// One row of the table: the three quotients at one h.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct QuotientRow {
    pub h: f64,
    pub forward: f64,
    pub backward: f64,
    pub central: f64,
}

impl QuotientRow {
    pub fn get(&self, m: Method) -> f64 {
        match m {
            Method::Forward => self.forward,
            Method::Backward => self.backward,
            Method::Central => self.central,
        }
    }
}

/// The quotients for h = 10⁻¹ … 10⁻¹², evaluated in one batch. Each h is applied exactly as
/// a student would compute it in floating point (x₀ + h rounds), so round-off shows.
pub fn quotient_table(f: &Program, x0: f64) -> Vec<QuotientRow> {
    let hs: Vec<f64> = (1..=12).map(|k| 10f64.powi(-k)).collect();
    let mut xs = vec![x0];
    for &h in &hs {
        xs.push(x0 + h);
        xs.push(x0 - h);
    }
    let v = values(f, &xs);
    let f0 = v[0];
    hs.iter()
        .enumerate()
        .map(|(i, &h)| {
            let (plus, minus) = (v[1 + 2 * i], v[2 + 2 * i]);
            QuotientRow {
                h,
                forward: (plus - f0) / h,
                backward: (f0 - minus) / h,
                central: (plus - minus) / (2.0 * h),
            }
        })
        .collect()
}

/// How many of the first `shown` significant digits of `approx` (rounded to `shown` of them,
/// as a table prints it) are the digits of `exact` in the same places, `exact` rounded at the
/// same last place: 2.0001 against 2 has 4 (2.000), 1.99 against 2 has none (1.99 against
/// 2.00), and so has −0.9999999 against −1 (the digits 9999999 are not those of 1.0000000),
/// however small its error. Equal values have all `shown`; a nonzero value against 0 has none.
pub fn correct_digits(approx: f64, exact: f64, shown: usize) -> usize {
    if !(approx.is_finite() && exact.is_finite()) || shown == 0 {
        return 0;
    }
    if approx == exact {
        return shown;
    }
    if approx == 0.0 || exact == 0.0 || (approx < 0.0) != (exact < 0.0) {
        return 0;
    }
    let (a, place) = leading_digits(approx, shown);
    // Where exact's first digit is, against approx's: above it, approx's first digit (which is
    // not 0) stands where exact has a 0.
    let (_, first) = leading_digits(exact, 17);
    let below = place - first;
    if below < 0 || below >= shown as i64 {
        return 0;
    }
    let keep = shown - below as usize;
    let (mut b, at) = leading_digits(exact, keep);
    // Rounding carried into a new first digit (0.99996 → 1.0000): one more place above.
    let mut zeros = below as usize;
    if at > first {
        if zeros == 0 {
            return 0;
        }
        b.push(0);
        zeros -= 1;
    }
    let aligned = std::iter::repeat_n(0, zeros).chain(b);
    a.iter().zip(aligned).take_while(|(x, y)| **x == *y).count()
}

/// The first `n` significant digits of |v| (rounded) and the power of ten of the first one:
/// 0.0199 with n = 3 is ([1, 9, 9], −2).
fn leading_digits(v: f64, n: usize) -> (Vec<u8>, i64) {
    let s = crate::digits::exponential(v.abs(), Some(n.saturating_sub(1)));
    let (mantissa, exponent) = s.split_once('e').unwrap_or((&s, "0"));
    let digits = mantissa
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect();
    (digits, exponent.parse().unwrap_or(0))
}

/// Where a one-sided slope goes as h → 0 from one side.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Limit {
    Finite(f64),
    PlusInfinity,
    MinusInfinity,
    /// f is undefined on that side, or the quotients do not settle.
    Unknown,
}

/// The slopes from the left and from the right at `x0`: lim Q(h) as h → 0⁻ and h → 0⁺, taken
/// from forward quotients at shrinking h (stopping well before round-off takes over).
pub fn one_sided_slopes(f: &Program, x0: f64) -> (Limit, Limit) {
    let scale = x0.abs().max(1.0);
    let hs = [1e-4, 1e-5, 1e-6, 1e-7].map(|h| h * scale);
    let side = |sign: f64| -> Limit {
        let qs: Vec<f64> = hs
            .iter()
            .map(|&h| difference_quotient(f, x0, sign * h, Method::Forward))
            .collect();
        if qs.iter().any(|q| !q.is_finite()) {
            return Limit::Unknown;
        }
        let (last, prev) = (qs[3], qs[2]);
        // Growing by a steady factor as h shrinks tenfold: heading for infinity.
        let growing = qs.windows(2).all(|w| w[1].abs() > 1.5 * w[0].abs()) && last.abs() > 10.0;
        if growing {
            return if last > 0.0 {
                Limit::PlusInfinity
            } else {
                Limit::MinusInfinity
            };
        }
        if (last - prev).abs() <= 1e-4 * (1.0 + last.abs()) {
            Limit::Finite(round_limit(last))
        } else {
            Limit::Unknown
        }
    };
    (side(-1.0), side(1.0))
}

/// Cleans a numerically found limit: values within 1e-6 of a simple fraction are that fraction.
fn round_limit(v: f64) -> f64 {
    for q in [1.0, 2.0, 3.0, 4.0, 5.0, 8.0, 10.0] {
        let r = (v * q).round() / q;
        if (v - r).abs() < 1e-6 * (1.0 + v.abs()) {
            return r;
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse;

    fn program(src: &str) -> Program {
        Program::compile(&parse(src).unwrap(), &["x"])
    }

    #[test]
    fn quotients_approach_the_derivative() {
        let f = program("x^2");
        assert_eq!(difference_quotient(&f, 1.0, 0.5, Method::Forward), 2.5);
        assert_eq!(difference_quotient(&f, 1.0, 0.5, Method::Backward), 1.5);
        assert_eq!(difference_quotient(&f, 1.0, 0.5, Method::Central), 2.0);
        assert_eq!(difference_quotient(&f, 1.0, -0.5, Method::Forward), 1.5);
    }

    #[test]
    fn table_shows_truncation_then_round_off() {
        let rows = quotient_table(&program("sin(x)"), 1.0);
        let exact = 1f64.cos();
        let err = |r: &QuotientRow, m| (r.get(m) - exact).abs();
        assert_eq!(rows.len(), 12);
        // Forward error shrinks like h, central like h².
        assert!(err(&rows[2], Method::Central) < err(&rows[2], Method::Forward) / 100.0);
        assert!(err(&rows[1], Method::Forward) / err(&rows[2], Method::Forward) > 8.0);
        assert!(err(&rows[1], Method::Central) / err(&rows[2], Method::Central) > 80.0);
        // Below 1e-8 round-off makes things worse again.
        assert!(err(&rows[11], Method::Forward) > err(&rows[7], Method::Forward));
    }

    #[test]
    #[allow(clippy::approx_constant)] // π's first digits, on purpose
    fn correct_digits_are_the_exact_values_digits_in_the_same_places() {
        let pi = std::f64::consts::PI;
        let cases = [
            // 1.99 against 2.00: not one digit is 2's.
            (1.99, 2.0, 0),
            (2.0001, 2.0, 4),
            (1.9999, 2.0, 0),
            // Tiny error, yet 0.9999999 has none of the digits of 1.0000000.
            (-0.9999999006, -1.0, 0),
            (-1.0000001, -1.0, 7),
            (3.14159, pi, 6),
            (3.1416, pi, 4),
            (2.0, 2.0, 13),
            (0.0, 0.0, 13),
            // Near 0: a nonzero value has no digit of 0; small values keep their digits.
            (1e-9, 0.0, 0),
            (0.0, 1e-9, 0),
            (1.0000001e-6, 1e-6, 7),
            (0.0199, 0.02, 0),
            (0.0201, 0.02, 2),
            // Signs: a value on the other side of 0 has none.
            (-2.0001, -2.0, 4),
            (2.0001, -2.0, 0),
            (-0.001, 0.001, 0),
            // The exact value is rounded at the last place shown: 0.99996 to 1.0000 (5
            // digits), so 1.0000 agrees; with more places shown it does not.
            (1.0, 0.99996, 0),
            (1.00001, 0.999996, 0),
            (12.5, 12.46, 2),
            (1e20 + 1e7, 1e20, 13),
            (1.2345e20, 1.2346e20, 4),
            (f64::NAN, 1.0, 0),
            (1.0, f64::INFINITY, 0),
        ];
        for (approx, exact, expected) in cases {
            assert_eq!(
                correct_digits(approx, exact, 13),
                expected,
                "{approx} against {exact}"
            );
        }
        // Rounded at the last place shown, 0.99996 is 1.0000 and 1.0000 agrees with it.
        assert_eq!(correct_digits(1.0, 0.99996, 5), 5);
        assert_eq!(correct_digits(1.0, 0.99996, 6), 0);
        assert_eq!(correct_digits(12.5, 12.46, 3), 3);
    }

    #[test]
    fn one_sided_slopes_at_kinks_and_cusps() {
        assert_eq!(
            one_sided_slopes(&program("abs(x)"), 0.0),
            (Limit::Finite(-1.0), Limit::Finite(1.0))
        );
        assert_eq!(
            one_sided_slopes(&program("relu(x)"), 0.0),
            (Limit::Finite(0.0), Limit::Finite(1.0))
        );
        assert_eq!(
            one_sided_slopes(&program("x^(2/3)"), 0.0),
            (Limit::MinusInfinity, Limit::PlusInfinity)
        );
        assert_eq!(
            one_sided_slopes(&program("sqrt(x)"), 0.0),
            (Limit::Unknown, Limit::PlusInfinity)
        );
        assert_eq!(
            one_sided_slopes(&program("x^2"), 1.0),
            (Limit::Finite(2.0), Limit::Finite(2.0))
        );
    }
}
