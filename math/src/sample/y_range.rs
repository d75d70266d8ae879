//! The y range a plot shows: robust weighted quantiles of the samples, widened to every
//! value except tails running away towards a gap, then padded.

use super::super::sort::sort_by;
use super::probe::Cut;
use super::sampler::is_cut;
use super::Point;

/// The core of the y range lies between these weighted quantiles of the samples.
pub(super) const CORE_QUANTILE: f64 = 0.05;
/// A tail next to a gap reaching further than this many core heights is an asymptote.
pub(super) const TAIL_ALLOWANCE: f64 = 1.0;
/// Padding added above and below the y range, as a fraction of its height.
pub(super) const PAD: f64 = 0.08;

/// The 5 % and 95 % quantiles of the grid's finite values (the grid is uniform, so plain
/// quantiles are x-weighted); the caller ensures there is at least one.
pub(super) fn grid_core(grid: &[Point]) -> (f64, f64) {
    let mut ys: Vec<f64> = grid.iter().map(|p| p.1).filter(|y| y.is_finite()).collect();
    if ys.is_empty() {
        return (-1.0, 1.0);
    }
    let lo = select_quantile(&mut ys, CORE_QUANTILE);
    (lo, select_quantile(&mut ys, 1.0 - CORE_QUANTILE))
}

/// The view the heuristics aim for, from the grid (plus peak probes): split at gaps, at
/// cuts, and where a step leaps far across the core values `[lo, hi]` (a pole, so far
/// unconfirmed), then the same rule as `auto_y_range`.
pub(super) fn estimate_view(
    grid: &[Point],
    cuts: &[Cut],
    lo: f64,
    hi: f64,
    x_min: f64,
    x_max: f64,
) -> (f64, f64) {
    let reach = 2.0 * (hi - lo).max(hi.abs().max(lo.abs()) * 1e-9);
    let mut slices: Vec<&[Point]> = Vec::new();
    let mut start: Option<usize> = None;
    for i in 0..grid.len() {
        let y = grid[i].1;
        if !y.is_finite() {
            if let Some(s) = start.take() {
                slices.push(&grid[s..i]);
            }
            continue;
        }
        match start {
            None => start = Some(i),
            Some(s) => {
                let previous = grid[i - 1].1;
                let leap = (previous > hi + reach && y < lo - reach)
                    || (previous < lo - reach && y > hi + reach);
                if leap || is_cut(cuts, grid[i - 1].0, grid[i].0) {
                    slices.push(&grid[s..i]);
                    start = Some(i);
                }
            }
        }
    }
    if let Some(s) = start {
        slices.push(&grid[s..]);
    }
    pad(robust_range(&slices, x_min, x_max).unwrap_or((-1.0, 1.0)))
}

/// The `q` quantile of `values` (unweighted; sorts them).
pub(super) fn select_quantile(values: &mut [f64], q: f64) -> f64 {
    let k = ((values.len() - 1) as f64 * q).round() as usize;
    sort_by(values, f64::total_cmp);
    values[k]
}

pub(super) fn padded_range<S: AsRef<[Point]>>(
    segments: &[S],
    x_min: f64,
    x_max: f64,
) -> (f64, f64) {
    match robust_range(segments, x_min, x_max) {
        Some(range) => pad(range),
        None => (-1.0, 1.0),
    }
}

/// Pads `[lo, hi]` by `PAD` of its height; a (nearly) constant range gets ±1 instead.
pub(super) fn pad((lo, hi): (f64, f64)) -> (f64, f64) {
    let mid = 0.5 * lo + 0.5 * hi;
    let span = hi - lo;
    // lo and hi are finite, so span is never NaN.
    if span <= 1e-9 * lo.abs().max(hi.abs()) {
        let half = (mid.abs() * 1e-6).max(1.0);
        return (mid - half, mid + half);
    }
    let (a, b) = (lo - PAD * span, hi + PAD * span);
    if a.is_finite() && b.is_finite() {
        (a, b)
    } else {
        (lo, hi)
    }
}

/// Unpadded robust bounds of the finite values, or `None` when there are none. Each sample
/// is weighted by the width of x it stands for, so dense refinement near a pole does not
/// skew the quantiles.
pub(super) fn robust_range<S: AsRef<[Point]>>(
    segments: &[S],
    x_min: f64,
    x_max: f64,
) -> Option<(f64, f64)> {
    let mut weighted: Vec<(f64, f64)> = Vec::new();
    for segment in segments {
        let s = segment.as_ref();
        for (i, &(x, y)) in s.iter().enumerate() {
            if !(x.is_finite() && y.is_finite()) {
                continue;
            }
            let left = if i > 0 { x - s[i - 1].0 } else { 0.0 };
            let right = if i + 1 < s.len() { s[i + 1].0 - x } else { 0.0 };
            let w = 0.5 * (left + right);
            weighted.push((y, if w.is_finite() && w > 0.0 { w } else { 0.0 }));
        }
    }
    if weighted.is_empty() {
        return None;
    }
    let mut total: f64 = weighted.iter().map(|p| p.1).sum();
    if !(total.is_finite() && total > 0.0) {
        weighted.iter_mut().for_each(|p| p.1 = 1.0);
        total = weighted.len() as f64;
    }
    sort_by(&mut weighted, |a, b| a.0.total_cmp(&b.0));
    let quantile = |q: f64| {
        let target = q * total;
        let mut sum = 0.0;
        for &(y, w) in &weighted {
            sum += w;
            if sum >= target {
                return y;
            }
        }
        weighted[weighted.len() - 1].0
    };
    let (core_lo, core_hi) = (quantile(CORE_QUANTILE), quantile(1.0 - CORE_QUANTILE));
    let core_span = core_hi - core_lo;
    let allowance = TAIL_ALLOWANCE
        * if core_span > 0.0 {
            core_span
        } else {
            core_hi.abs().max(1.0)
        };
    // Segment ends this close to the plot's edges are cut by the window, not by a gap.
    let x_tol = (x_max - x_min).abs() * 1e-6;
    let (mut lo, mut hi) = (core_lo, core_hi);
    for segment in segments {
        let s = segment.as_ref();
        let (Some(first), Some(last)) = (s.first(), s.last()) else {
            continue;
        };
        let head = if first.0 > x_min + x_tol {
            runaway_tail(s.iter(), core_lo, core_hi, allowance)
        } else {
            0
        };
        let tail = if last.0 < x_max - x_tol {
            runaway_tail(s.iter().rev(), core_lo, core_hi, allowance)
        } else {
            0
        };
        let end = s.len().saturating_sub(tail);
        for &(_, y) in s.iter().take(end).skip(head) {
            if y.is_finite() {
                lo = lo.min(y);
                hi = hi.max(y);
            }
        }
    }
    Some((lo, hi))
}

/// The number of points at the start of `points` that run away from the core `[lo, hi]`
/// on one side — counted only when they reach further than `allowance` beyond it.
pub(super) fn runaway_tail<'a>(
    points: impl Iterator<Item = &'a Point>,
    lo: f64,
    hi: f64,
    allowance: f64,
) -> usize {
    let mut count = 0;
    let mut side = 0i8;
    let mut reach = 0.0f64;
    for &(_, y) in points {
        let s = if y > hi {
            1
        } else if y < lo {
            -1
        } else {
            0
        };
        if s == 0 || (side != 0 && s != side) {
            break;
        }
        side = s;
        count += 1;
        reach = reach.max(if s > 0 { y - hi } else { lo - y });
    }
    if reach > allowance {
        count
    } else {
        0
    }
}
