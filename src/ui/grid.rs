//! Slider grids that land exactly on round values: a step from the 1-2-5 ladder, and values
//! snapped to whole multiples of it, computed so that 100 steps of 0.01 from 1 give exactly
//! 0, not 1.39e-16 (where a kink verdict would vanish). Pure, so it is tested natively.
use crate::math::clamp;
use crate::math::decimal::parse_decimal;

/// The largest 1, 2 or 5 times a power of ten that is at most `span / steps` (a slider over
/// `span` with about `steps` positions).
pub fn nice_step(span: f64, steps: f64) -> f64 {
    let raw = span / steps;
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    let m = raw / magnitude;
    let nice = if m >= 5.0 {
        5.0
    } else if m >= 2.0 {
        2.0
    } else {
        1.0
    };
    snap(nice * magnitude, nice * magnitude)
}

/// A slider's value from an address: parameter `name` of `query` read as a decimal, held to
/// `lo..=hi` and snapped to `step` (not snapped when `step` is 0); `None` when it is missing
/// or not a finite number, so the page uses its start value instead.
pub fn from_address(query: &str, name: &str, (lo, hi): (f64, f64), step: f64) -> Option<f64> {
    crate::ui::query::get(query, name)
        .and_then(|v| parse_decimal(v.trim()))
        .filter(|v| v.is_finite())
        .map(|v| snap(clamp(v, lo, hi), step))
}

/// `v` moved to the nearest whole multiple of `step`, as the double closest to that decimal
/// (`k / 100` rather than `k * 0.01`).
pub fn snap(v: f64, step: f64) -> f64 {
    if !(v.is_finite() && step.is_finite() && step > 0.0) {
        return v;
    }
    let inverse = 1.0 / step;
    let out = if step < 1.0 && (inverse - inverse.round()).abs() < 1e-9 * inverse {
        let inverse = inverse.round();
        (v * inverse).round() / inverse
    } else {
        (v / step).round() * step
    };
    if out == 0.0 {
        0.0
    } else {
        out
    }
}

/// The value of a logarithmic slider at position `v` (log₁₀ of the value): three significant
/// digits, so it reads as typed (`0.00316`, not `0.0031622776601683794`), and the ends exactly
/// `lo` and `hi` (the h slider's top is 2, not 10^0.30 = 1.9953).
pub fn log_slider_value(v: f64, lo: f64, hi: f64) -> f64 {
    let raw = 10f64.powf(v);
    if !raw.is_finite() || raw >= hi * (1.0 - 1e-3) {
        return hi;
    }
    if raw <= lo * (1.0 + 1e-3) {
        return lo;
    }
    clamp(
        parse_decimal(&crate::math::digits::exponential(raw, Some(2))).unwrap_or(raw),
        lo,
        hi,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_nice() {
        assert_eq!(nice_step(10.0, 1000.0), 0.01);
        assert_eq!(nice_step(12.5, 1000.0), 0.01);
        assert_eq!(nice_step(30.0, 1000.0), 0.02);
        assert_eq!(nice_step(0.007, 1000.0), 0.000005);
        assert_eq!(nice_step(f64::NAN, 1000.0), 1.0);
    }

    #[test]
    fn ten_big_steps_land_on_zero() {
        // From x0 = 1, Shift+Left ten times (ten steps of 0.01 each) lands on 0 exactly.
        let step = nice_step(10.0, 1000.0);
        let mut x = 1.0;
        for _ in 0..10 {
            x = snap(x - 10.0 * step, step);
        }
        assert_eq!(x, 0.0);
        assert!(!x.is_sign_negative());
        let mut x = -0.3;
        for _ in 0..3 {
            x = snap(x + 0.1, 0.1);
        }
        assert_eq!(x, 0.0);
        assert_eq!(snap(0.30000000000000004, 0.1), 0.3);
        assert_eq!(snap(2.0 + 1e-12, 0.5), 2.0);
        assert_eq!(snap(7.0, 2.0), 8.0);
    }

    #[test]
    fn log_sliders_read_as_typed() {
        assert_eq!(log_slider_value(2f64.log10() - 0.001, 1e-12, 2.0), 2.0);
        assert_eq!(log_slider_value(0.30, 1e-12, 2.0), 2.0);
        assert_eq!(log_slider_value(-3.0, 1e-12, 2.0), 0.001);
        assert_eq!(log_slider_value(-2.5, 1e-12, 2.0), 0.00316);
        assert_eq!(log_slider_value(-12.0, 1e-12, 2.0), 1e-12);
        assert_eq!(log_slider_value(-13.0, 1e-12, 2.0), 1e-12);
    }

    #[test]
    fn every_grid_point_prints_short() {
        let step = nice_step(10.0, 1000.0);
        for k in -500..=500 {
            let v = snap(k as f64 * step, step);
            assert!(format!("{v}").len() <= 5, "{k}: {v}");
        }
    }
}
