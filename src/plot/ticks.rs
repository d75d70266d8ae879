//! Axis ticks at "nice" values (1, 2 or 5 times a power of ten) and their labels, written the
//! way a textbook would: no trailing zeros, a true minus sign, powers of ten for very large
//! or very small numbers.

/// Evenly spaced tick values `k·step` for `k` in `first..=last`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ticks {
    pub step: f64,
    pub first: i64,
    pub last: i64,
}

/// Ticks beyond this count are never produced, whatever the input.
const MAX_TICKS: i64 = 200;

impl Ticks {
    /// About `target` ticks inside `[lo, hi]` (no ticks for an unusable range).
    pub fn new(lo: f64, hi: f64, target: usize) -> Ticks {
        let none = Ticks {
            step: 1.0,
            first: 1,
            last: 0,
        };
        let raw = (hi - lo) / target.max(1) as f64;
        if !(raw.is_finite() && raw > 0.0) {
            return none;
        }
        let magnitude = 10f64.powf(raw.log10().floor());
        let step = magnitude
            * match raw / magnitude {
                n if n <= 1.0 => 1.0,
                n if n <= 2.0 => 2.0,
                n if n <= 5.0 => 5.0,
                _ => 10.0,
            };
        // At least two labelled ticks: a lone `0` does not tell a scale. Step down the 1-2-5
        // ladder until two fit (a narrow phone plot of -0.7…0.9 gets -0.5, 0, 0.5).
        let mut step = step;
        for _ in 0..3 {
            if (hi / step).floor() - (lo / step).ceil() >= 1.0 {
                break;
            }
            // 10 → 5 → 2 → 1: from a 5 the next rung is 2, otherwise half.
            let mantissa = step / 10f64.powf(step.log10().floor());
            step *= if (mantissa - 5.0).abs() < 1e-9 {
                0.4
            } else {
                0.5
            };
        }
        let (first, last) = ((lo / step).ceil(), (hi / step).floor());
        if !(first.is_finite() && last.is_finite() && step > 0.0) || last - first > MAX_TICKS as f64
        {
            return none;
        }
        Ticks {
            step,
            first: first as i64,
            last: last as i64,
        }
    }

    /// The tick values, smallest first.
    pub fn values(&self) -> impl Iterator<Item = f64> + '_ {
        (self.first..=self.last).map(move |k| k as f64 * self.step)
    }

    /// Writes the label for tick value `value` into `out` (cleared first).
    pub fn label(&self, value: f64, out: &mut String) {
        format_tick(value, self.step, out)
    }
}

/// Formats a tick value given the tick spacing, which decides how many digits matter.
pub fn format_tick(value: f64, step: f64, out: &mut String) {
    super::format::tick(value, step, out)
}
