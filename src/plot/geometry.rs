//! Screen-space geometry for drawing: clipping polylines and infinite lines to the plot frame
//! (Liang–Barsky), and cutting polylines into dashes. Clipping happens in f64 before anything
//! is rounded to pixels, so values near an asymptote cannot overflow or wrap into garbage.

use super::transform::ScreenRect;
use crate::math::clamp;

/// A point in screen space (pixels, y down).
pub type ScreenPoint = (f64, f64);

/// Screen coordinates further out than this are pulled in: far enough that clipping to any
/// real frame is unaffected, near enough that the arithmetic stays finite.
const FAR: f64 = 1e9;

/// Pulls a screen point computed from a huge value back to a finite one (NaN stays NaN).
pub fn tame((x, y): ScreenPoint) -> ScreenPoint {
    let tame1 = |v: f64| if v.is_nan() { v } else { clamp(v, -FAR, FAR) };
    (tame1(x), tame1(y))
}

/// The part of the line `p + t·d` with `t` in `[t0, t1]` that lies inside `rect`, as the
/// clipped parameter range, or `None` when it misses the rectangle.
pub fn clip_param(
    p: ScreenPoint,
    d: ScreenPoint,
    rect: &ScreenRect,
    t0: f64,
    t1: f64,
) -> Option<(f64, f64)> {
    let (mut t0, mut t1) = (t0, t1);
    let edges = [
        (-d.0, p.0 - rect.left),
        (d.0, rect.right() - p.0),
        (-d.1, p.1 - rect.top),
        (d.1, rect.bottom() - p.1),
    ];
    for (q, r) in edges {
        if q == 0.0 {
            if r < 0.0 {
                return None;
            }
            continue;
        }
        let t = r / q;
        if q < 0.0 {
            t0 = t0.max(t);
        } else {
            t1 = t1.min(t);
        }
        if t0.is_nan() || t1.is_nan() || t0 > t1 {
            return None;
        }
    }
    Some((t0, t1))
}

/// The visible part of the whole line through `a` and `b` (extended both ways), as its
/// two end points on the frame, or `None` if it misses (or `a` and `b` coincide).
pub fn clip_line(
    a: ScreenPoint,
    b: ScreenPoint,
    rect: &ScreenRect,
) -> Option<(ScreenPoint, ScreenPoint)> {
    let d = (b.0 - a.0, b.1 - a.1);
    let length = d.0.hypot(d.1);
    if !length.is_finite() || length <= 1e-12 {
        return None;
    }
    let (t0, t1) = clip_param(a, d, rect, f64::NEG_INFINITY, f64::INFINITY)?;
    let at = |t: f64| (a.0 + t * d.0, a.1 + t * d.1);
    Some((at(t0), at(t1)))
}

/// Clips a polyline to `rect`, calling `emit` once for every visible run of it (a run ends
/// where the polyline leaves the frame or meets a NaN point). `run` is scratch space.
pub fn clip_polyline<E>(
    points: impl Iterator<Item = ScreenPoint>,
    rect: &ScreenRect,
    run: &mut Vec<ScreenPoint>,
    mut emit: impl FnMut(&[ScreenPoint]) -> Result<(), E>,
) -> Result<(), E> {
    run.clear();
    let mut previous: Option<ScreenPoint> = None;
    // Whether `run` ends at `previous` itself (not at a clipped point before it).
    let mut open = false;
    for p in points {
        let p = tame(p);
        if p.0.is_nan() || p.1.is_nan() {
            flush(run, &mut emit)?;
            previous = None;
            open = false;
            continue;
        }
        if let Some(a) = previous {
            let d = (p.0 - a.0, p.1 - a.1);
            match clip_param(a, d, rect, 0.0, 1.0) {
                Some((t0, t1)) => {
                    let start = (a.0 + t0 * d.0, a.1 + t0 * d.1);
                    let end = (a.0 + t1 * d.0, a.1 + t1 * d.1);
                    if !(open && t0 == 0.0) {
                        flush(run, &mut emit)?;
                        run.push(start);
                    }
                    run.push(end);
                    open = t1 == 1.0;
                }
                None => {
                    flush(run, &mut emit)?;
                    open = false;
                }
            }
        }
        previous = Some(p);
    }
    flush(run, &mut emit)
}

fn flush<E>(
    run: &mut Vec<ScreenPoint>,
    emit: &mut impl FnMut(&[ScreenPoint]) -> Result<(), E>,
) -> Result<(), E> {
    if run.len() >= 2 {
        emit(run)?;
    }
    run.clear();
    Ok(())
}

/// Cuts a polyline into dashes `on` pixels long with `off`-pixel gaps, calling `emit` for
/// each dash (a polyline itself, so dashes turn corners). `dash` is scratch space. Very long
/// lines get a stretched pattern so no more than `MAX_DASHES` dashes are drawn.
pub fn dash_polyline<E>(
    points: &[ScreenPoint],
    on: f64,
    off: f64,
    dash: &mut Vec<ScreenPoint>,
    mut emit: impl FnMut(&[ScreenPoint]) -> Result<(), E>,
) -> Result<(), E> {
    const MAX_DASHES: f64 = 1000.0;
    let total: f64 = points
        .windows(2)
        .map(|w| (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1))
        .sum();
    if !(on > 0.0 && off > 0.0 && total.is_finite()) || points.len() < 2 {
        return emit(points);
    }
    let stretch = (total / (on + off) / MAX_DASHES).max(1.0);
    let (on, period) = (on * stretch, (on + off) * stretch);
    dash.clear();
    dash.push(points[0]);
    let mut phase = 0.0;
    let mut drawing = true;
    for w in points.windows(2) {
        let (a, b) = (w[0], w[1]);
        let length = (b.0 - a.0).hypot(b.1 - a.1);
        if length.is_nan() || length <= 0.0 {
            continue;
        }
        let mut travelled = 0.0;
        while travelled < length {
            let left_in_phase = if drawing { on - phase } else { period - phase };
            let remaining = length - travelled;
            let step = left_in_phase.min(remaining);
            if step.is_nan() || step <= 0.0 {
                break;
            }
            travelled = if step >= remaining {
                length
            } else {
                travelled + step
            };
            phase += step;
            let t = travelled / length;
            let p = (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1));
            if drawing {
                dash.push(p);
                if phase >= on {
                    emit(dash)?;
                    dash.clear();
                    drawing = false;
                }
            } else if phase >= period {
                phase = 0.0;
                drawing = true;
                dash.push(p);
            }
        }
    }
    if drawing && dash.len() >= 2 {
        emit(dash)?;
    }
    Ok(())
}
