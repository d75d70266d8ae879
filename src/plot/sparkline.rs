//! A sparkline: a curve's samples as SVG polyline point lists in a small box, clipped to it in
//! f64 (so a value near an asymptote cannot become a wild line), one list per visible run.
//! Gaps stay gaps: a new list starts wherever the samples break.

use super::geometry::clip_polyline;
use super::transform::{ScreenRect, Transform};
use crate::math::digits::fixed;
use crate::math::sample::Samples;

/// The `points` attributes of the polylines drawing `samples` in a `width` × `height` box
/// showing `x_range` × `y_range` (y up).
pub fn polylines(
    samples: &Samples,
    x_range: (f64, f64),
    y_range: (f64, f64),
    width: f64,
    height: f64,
) -> Vec<String> {
    let mut out = Vec::new();
    let Some(t) = Transform::new(ScreenRect::sized(width, height), x_range, y_range) else {
        return out;
    };
    let rect = t.frame();
    let mut run = Vec::new();
    for segment in &samples.segments {
        let screen = segment.iter().map(|&p| t.screen_from_value(p));
        let _ = clip_polyline(screen, &rect, &mut run, |pts| {
            if pts.len() > 1 {
                let text: Vec<String> = pts
                    .iter()
                    .map(|(x, y)| format!("{},{}", fixed(*x, 1), fixed(*y, 1)))
                    .collect();
                out.push(text.join(" "));
            }
            Ok::<(), ()>(())
        });
    }
    out
}

/// A y range showing f whole and f′ as far as it stays near f's scale: f′ is drawn only up
/// to one of f's heights beyond f's range (a derivative blowing up at a domain edge, as
/// 1/(2√x) at 0 does, would otherwise flatten f into a line).
pub fn shared_y_range(f: (f64, f64), df: (f64, f64)) -> (f64, f64) {
    let span = f.1 - f.0;
    (f.0.min(df.0.max(f.0 - span)), f.1.max(df.1.min(f.1 + span)))
}
