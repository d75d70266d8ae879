//! Small SVG charts the training lessons draw: a loss history on a log scale (every epoch
//! kept honest when there are more epochs than pixels: each pixel column shows the lowest
//! and the highest loss that fell in it) and a scatter of points as one path of dots.

use super::transform::{ScreenRect, Transform};
use crate::math::digits::fixed;

/// The points of a polyline drawing `losses` (one per epoch) in a `width` × `height` box,
/// log₁₀ scale from 10^lo at the bottom to 10^hi at the top, and those decades (lo, hi).
/// Losses that are not positive and finite are left out.
pub fn loss_polyline(losses: &[f64], width: f64, height: f64) -> (String, (i32, i32)) {
    let logs: Vec<(usize, f64)> = losses
        .iter()
        .enumerate()
        .filter(|(_, l)| l.is_finite() && **l > 0.0)
        .map(|(i, l)| (i, l.log10()))
        .collect();
    let lo = logs.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let hi = logs.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    if logs.is_empty() {
        return (String::new(), (0, 1));
    }
    let (lo, hi) = (
        lo.floor() as i32,
        (hi.ceil() as i32).max(lo.floor() as i32 + 1),
    );
    let Some(t) = Transform::new(
        ScreenRect::sized(width, height),
        (0.0, width),
        (lo as f64, hi as f64),
    ) else {
        return (String::new(), (lo, hi));
    };
    let last = (losses.len().max(2) - 1) as f64;
    let columns = width.max(1.0) as usize;
    let mut out = String::new();
    let mut column = usize::MAX;
    let (mut min, mut max) = (0.0f64, 0.0f64);
    let flush = |column: usize, min: f64, max: f64, out: &mut String| {
        for v in [max, min] {
            let (x, y) = t.screen_from_value((column as f64 * width / columns as f64, v));
            out.push_str(&format!("{},{} ", fixed(x, 1), fixed(y, 1)));
        }
    };
    for (i, v) in logs {
        let c = ((i as f64 / last) * columns as f64) as usize;
        if c != column {
            if column != usize::MAX {
                flush(column, min, max, &mut out);
            }
            column = c;
            (min, max) = (v, v);
        } else {
            (min, max) = (min.min(v), max.max(v));
        }
    }
    flush(column, min, max, &mut out);
    (out.trim_end().to_string(), (lo, hi))
}

/// An SVG path drawing each value point as a dot (a zero-length line with round caps) where
/// `t` puts it.
pub fn dots(points: impl Iterator<Item = (f64, f64)>, t: &Transform) -> String {
    points
        .map(|p| {
            let (sx, sy) = t.screen_from_value(p);
            format!("M{},{}h0", fixed(sx, 1), fixed(sy, 1))
        })
        .collect()
}
