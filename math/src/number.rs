//! Exact-where-possible numbers for the simplifier: small rationals stay exact (so `x^2/3`
//! differentiates to `2x/3`, not `0.6666…x`), anything else falls back to `f64`.

use std::cmp::Ordering;

/// A rational `num/den` (normalised, `den > 0`) or a real.
#[derive(Clone, Copy, Debug)]
pub enum Number {
    Rat(i64, i64),
    Real(f64),
}

/// The greatest common divisor of |a| and |b| (0 when both are 0).
pub(crate) fn gcd(mut a: i64, mut b: i64) -> i64 {
    a = a.unsigned_abs() as i64;
    b = b.unsigned_abs() as i64;
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

/// Largest magnitude a rational component may have; beyond it we switch to reals so that
/// `checked_*` never has to fail half-way through a sum of products.
const RAT_LIMIT: i64 = 1 << 40;

// `add`, `mul`, `neg` are exact where they can be and say so in their type (`Number`);
// operators would hide that.
#[allow(clippy::should_implement_trait)]
impl Number {
    pub const ZERO: Number = Number::Rat(0, 1);
    pub const ONE: Number = Number::Rat(1, 1);
    pub const MINUS_ONE: Number = Number::Rat(-1, 1);

    pub fn int(n: i64) -> Number {
        Number::rat(n, 1)
    }

    /// Builds `n/d` normalised; falls back to a real when out of exact range.
    pub fn rat(n: i64, d: i64) -> Number {
        if d == 0 {
            return Number::Real(f64::NAN);
        }
        if n.unsigned_abs() > RAT_LIMIT as u64 || d.unsigned_abs() > RAT_LIMIT as u64 {
            return Number::Real(n as f64 / d as f64);
        }
        let g = gcd(n, d).max(1);
        let (mut n, mut d) = (n / g, d / g);
        if d < 0 {
            n = -n;
            d = -d;
        }
        Number::Rat(n, d)
    }

    /// Reads an `f64` exactly when it is an integer of modest size, else as a real.
    pub fn from_f64(x: f64) -> Number {
        if x.is_finite() && x.fract() == 0.0 && x.abs() <= RAT_LIMIT as f64 {
            Number::Rat(x as i64, 1)
        } else {
            Number::Real(x)
        }
    }

    pub fn to_f64(self) -> f64 {
        match self {
            Number::Rat(n, d) => n as f64 / d as f64,
            Number::Real(x) => x,
        }
    }

    pub fn is_zero(self) -> bool {
        self.to_f64() == 0.0
    }

    pub fn is_one(self) -> bool {
        self.to_f64() == 1.0
    }

    pub fn is_negative(self) -> bool {
        self.to_f64() < 0.0
    }

    pub fn is_integer(self) -> bool {
        matches!(self, Number::Rat(_, 1))
    }

    pub fn as_integer(self) -> Option<i64> {
        match self {
            Number::Rat(n, 1) => Some(n),
            _ => None,
        }
    }

    pub fn neg(self) -> Number {
        match self {
            Number::Rat(n, d) => Number::Rat(-n, d),
            Number::Real(x) => Number::Real(-x),
        }
    }

    pub fn abs(self) -> Number {
        if self.is_negative() {
            self.neg()
        } else {
            self
        }
    }

    pub fn add(self, o: Number) -> Number {
        match (self, o) {
            (Number::Rat(a, b), Number::Rat(c, d)) => {
                match (a.checked_mul(d), c.checked_mul(b), b.checked_mul(d)) {
                    (Some(x), Some(y), Some(z)) => match x.checked_add(y) {
                        Some(s) => Number::rat(s, z),
                        None => Number::Real(self.to_f64() + o.to_f64()),
                    },
                    _ => Number::Real(self.to_f64() + o.to_f64()),
                }
            }
            _ => Number::Real(self.to_f64() + o.to_f64()),
        }
    }

    pub fn mul(self, o: Number) -> Number {
        match (self, o) {
            (Number::Rat(a, b), Number::Rat(c, d)) => match (a.checked_mul(c), b.checked_mul(d)) {
                (Some(n), Some(m)) => Number::rat(n, m),
                _ => Number::Real(self.to_f64() * o.to_f64()),
            },
            _ => Number::Real(self.to_f64() * o.to_f64()),
        }
    }

    /// `1/self`; `None` for zero.
    pub fn recip(self) -> Option<Number> {
        if self.is_zero() {
            return None;
        }
        Some(match self {
            Number::Rat(n, d) => Number::rat(d, n),
            Number::Real(x) => Number::Real(1.0 / x),
        })
    }

    /// `self^e` for an integer exponent; `None` for `0^negative`.
    pub fn powi(self, e: i64) -> Option<Number> {
        if e < 0 {
            return self.recip()?.powi(e.checked_neg()?);
        }
        if e > 64 {
            return Some(Number::Real(self.to_f64().powf(e as f64)));
        }
        let mut acc = Number::ONE;
        for _ in 0..e {
            acc = acc.mul(self);
        }
        Some(acc)
    }

    pub fn total_cmp(self, o: Number) -> Ordering {
        self.to_f64().total_cmp(&o.to_f64())
    }

    /// Equality of value (exact for two rationals). NaN equals NaN here, so that terms with
    /// an undefined constant still collect and cancel like any other.
    pub fn same(self, o: Number) -> bool {
        match (self, o) {
            (Number::Rat(a, b), Number::Rat(c, d)) => a == c && b == d,
            _ => {
                let (x, y) = (self.to_f64(), o.to_f64());
                x == y || (x.is_nan() && y.is_nan())
            }
        }
    }
}

impl PartialEq for Number {
    fn eq(&self, o: &Number) -> bool {
        self.same(*o)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rationals_stay_exact() {
        let third = Number::rat(1, 3);
        assert_eq!(third.add(third).add(third), Number::ONE);
        assert_eq!(Number::rat(2, -4), Number::Rat(-1, 2));
        assert_eq!(Number::int(2).powi(-2), Some(Number::Rat(1, 4)));
        assert_eq!(Number::ZERO.recip(), None);
    }

    #[test]
    fn overflow_falls_back_to_reals() {
        let big = Number::int(1 << 39);
        assert!(matches!(big.mul(big), Number::Real(_)));
        assert!(matches!(Number::int(10).powi(30), Some(Number::Real(_))));
    }
}
