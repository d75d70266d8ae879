//! Two points a and b on a curve: the secant through them (its slope the average rate of
//! change on [a, b]), the tangent at a (the instantaneous rate f′(a)), and the numbers that
//! make them. Pure, shared by the lessons that bring b to a.

use crate::math::Study;
use crate::plot::format::value;
use crate::plot::overlay::{Ink, Overlay, OverlayLine, OverlayPoint};

/// "Bring b to a" stops this far from a: the average rate needs two different points.
pub const CLOSEST: f64 = 1e-3;

/// The average rate (f(b) − f(a)) / (b − a), `None` when a = b.
pub fn average(s: &Study, a: f64, b: f64) -> Option<f64> {
    (a != b).then(|| (s.f_at(b) - s.f_at(a)) / (b - a))
}

/// The readout in words: both rates, with the numbers that make them.
pub fn readout(s: &Study, a: f64, b: f64) -> (String, String) {
    let avg = match average(s, a, b) {
        Some(r) => format!(
            "Average rate on [{}, {}]: (f(b) − f(a)) / (b − a) = ({} − {}) / ({}) = {}",
            value(a.min(b)),
            value(a.max(b)),
            value(s.f_at(b)),
            value(s.f_at(a)),
            value(b - a),
            value(r)
        ),
        None => "a and b are the same point: an average rate needs two different points.".into(),
    };
    let inst = format!(
        "Instantaneous rate at a = {}: f′({}) = {}",
        value(a),
        value(a),
        value(s.df_at(a))
    );
    (avg, inst)
}

/// The secant through (a, f(a)) and (b, f(b)), the tangent at a, and both points (draggable).
pub fn overlay(s: &Study, a: f64, b: f64) -> Overlay {
    let (fa, fb) = (s.f_at(a), s.f_at(b));
    let mut o = Overlay::default();
    o.lines.push(OverlayLine {
        through: [(a, fa), (a + 1.0, fa + s.df_at(a))],
        ink: Ink::Tangent,
        dashed: true,
    });
    if a != b {
        o.lines.push(OverlayLine {
            through: [(a, fa), (b, fb)],
            ink: Ink::Secant,
            dashed: false,
        });
    }
    o.points.push(OverlayPoint {
        at: (b, fb),
        ink: Ink::Secant,
        radius: 6.0,
    });
    o.points.push(OverlayPoint {
        at: (a, fa),
        ink: Ink::Tangent,
        radius: 6.0,
    });
    o.handles = vec![(a, fa), (b, fb)];
    o
}
