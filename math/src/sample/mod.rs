//! Adaptive sampling of a compiled one-variable function, for honest plots. A uniform grid
//! (about one point per pixel) is evaluated in batches, refined where the curve bends or
//! climbs steeply, and then gaps, poles, jumps and kinks are pinned down by repeated k-section,
//! so lines are split exactly where the function is undefined or discontinuous and are never
//! joined by false vertical strokes. `auto_y_range` picks a y range that ignores values
//! running off to infinity next to a gap.
//!
//! `sampler` holds the adaptive search (grid, refinement, probes), `y_range` the robust
//! choice of the visible y range; this file is the public face: the types and `sample`.

mod assemble;
mod probe;
mod sampler;
mod y_range;

use super::eval::Program;
use sampler::{
    merge, Sampler, Scale, BUDGET_PER_PIXEL, EPS_FRACTION, KINK_EPS_FRACTION, MAX_RESOLUTION,
    REFINE_PER_PIXEL,
};
use y_range::{estimate_view, grid_core, pad, padded_range};

/// A point `(x, y)` in value space.
type Point = (f64, f64);

/// The sampled curve, ready to draw.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Samples {
    /// Polyline pieces; a new piece starts after every gap (undefined values, asymptotes,
    /// jumps). Every point is finite and x increases strictly within and across pieces.
    pub segments: Vec<Vec<(f64, f64)>>,
    /// Points where the function has an isolated undefined point or a jump between two
    /// defined pieces, in increasing x. Domain edges (where one side is undefined on a whole
    /// interval, as for `ln(x)` at 0) are not breaks.
    pub breaks: Vec<Break>,
}

/// A point of discontinuity: where it is and the one-sided limits on either side.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Break {
    /// Where the break is, to within about 1e-9 of the sampled interval's width.
    pub x: f64,
    /// The limit from the left, or `None` when there is none (the function runs off to
    /// infinity, or oscillates).
    pub left: Option<f64>,
    /// The limit from the right, or `None` when there is none.
    pub right: Option<f64>,
    /// What kind of break this is.
    pub kind: BreakKind,
    /// The function's own value at `x`, where it has one (`floor(1) = 1` at its jump; never
    /// for a hole). Drawn as a filled circle.
    pub value: Option<f64>,
}

/// How the function misbehaves at a [`Break`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BreakKind {
    /// Both one-sided limits exist and differ: `x/abs(x)` or `step(x)` at 0.
    Jump,
    /// Both one-sided limits exist and agree, but the function is undefined right there:
    /// `sin(x)/x` at 0 (found only when a sample lands on the point exactly).
    Removable,
    /// At least one side has no limit, almost always because the function runs off to
    /// infinity: `1/x` at 0, `tan(x)` at π/2 (also `sin(1/x)` at 0, which oscillates).
    Pole,
}

/// Marks the points `xs` as undefined on already sampled curve: every segment that runs
/// through one is split there, and a break with the two ends as one-sided limits is added (an
/// open circle). Used for f′ at the breaks of f: a derivative cannot exist where its function
/// jumps or has a hole, even where the derivative's own formula is defined (`floor(x)` has
/// f′ = 0 between the integers and none at them).
pub fn exclude_points(samples: &mut Samples, xs: &[f64]) {
    for &x in xs {
        let Some(k) = samples
            .segments
            .iter()
            .position(|seg| seg.len() >= 2 && seg[0].0 < x && x < seg[seg.len() - 1].0)
        else {
            continue;
        };
        let seg = samples.segments.remove(k);
        let split = seg.partition_point(|p| p.0 < x);
        let (left, right): (Vec<Point>, Vec<Point>) = {
            let mut l = seg[..split].to_vec();
            let r: Vec<Point> = seg[split..].iter().copied().filter(|p| p.0 > x).collect();
            l.retain(|p| p.0 < x);
            (l, r)
        };
        if left.is_empty() || right.is_empty() {
            samples.segments.insert(k, seg);
            continue;
        }
        // One-sided limits: the nearest samples, carried on to x along the last chord.
        let (yl, step_l) = towards(x, &left[left.len().saturating_sub(2)..]);
        let (yr, step_r) = towards(x, &right[..right.len().min(2)]);
        // Sides that meet to within the curve's own change over one sample are one value.
        let kind = if (yl - yr).abs() <= step_l + step_r + 1e-12 * (1.0 + yl.abs() + yr.abs()) {
            BreakKind::Removable
        } else {
            BreakKind::Jump
        };
        samples.segments.insert(k, right);
        samples.segments.insert(k, left);
        samples.breaks.push(Break {
            x,
            left: Some(yl),
            right: Some(yr),
            kind,
            value: None,
        });
    }
    super::sort::sort_by(&mut samples.breaks, |a, b| a.x.total_cmp(&b.x));
}

/// Pins each jump to the round x it is at and records the function's value there: a jump
/// located at 0.99999999997 by bisection is the jump of `floor(x)` at 1, where floor is 1.
/// Only a round x within a hair of the located one, where the function's value lies between
/// its one-sided limits, is taken; holes and poles keep no value.
pub fn attach_values(samples: &mut Samples, program: &Program, x_min: f64, x_max: f64) {
    let hair = 1e-7 * (x_max - x_min);
    let near = 1e-9 * (x_max - x_min);
    for b in samples
        .breaks
        .iter_mut()
        .filter(|b| b.kind == BreakKind::Jump)
    {
        let round = (0..=12).find_map(|k| {
            let scale = 10f64.powi(k);
            let c = (b.x * scale).round() / scale + 0.0;
            ((c - b.x).abs() <= hair).then_some(c)
        });
        let Some(c) = round else { continue };
        let v = program.eval(&[c]);
        // The value must be one of the sides or between them (`sign(0) = 0`), and the jump
        // must be at c: just left of c the left side, just right of it the right side
        // (`sign(x − 10⁻⁷)` jumps at 10⁻⁷, not at the rounder 0 beside it).
        let (before, after) = (program.eval(&[c - near]), program.eval(&[c + near]));
        let between = match (b.left, b.right) {
            (Some(l), Some(r)) => {
                let tol = 1e-9 * (1.0 + v.abs());
                let side = |y: f64, own: f64, other: f64| (y - own).abs() < (y - other).abs();
                v >= l.min(r) - tol
                    && v <= l.max(r) + tol
                    && side(before, l, r)
                    && side(after, r, l)
            }
            _ => false,
        };
        if v.is_finite() && between {
            b.x = c;
            b.value = Some(v);
        }
    }
}

/// The value at `x` continued from the one or two samples nearest to it, and how much the
/// curve changes between those samples.
fn towards(x: f64, near: &[Point]) -> (f64, f64) {
    match near {
        [(xa, ya), (xb, yb)] => {
            let y = ya + (yb - ya) * (x - xa) / (xb - xa);
            if y.is_finite() {
                (y, (yb - ya).abs())
            } else {
                (
                    if (x - xa).abs() < (x - xb).abs() {
                        *ya
                    } else {
                        *yb
                    },
                    0.0,
                )
            }
        }
        [(_, y)] => (*y, 0.0),
        _ => (f64::NAN, 0.0),
    }
}

/// Samples `program` (compiled with one variable) on `[x_min, x_max]` for a plot about
/// `resolution` pixels wide. Returns no segments for an empty, reversed or non-finite range,
/// for `resolution == 0`, and when the function is undefined everywhere on the grid.
///
/// At most about `8 × resolution` points are evaluated, in a few dozen batched calls.
pub fn sample(program: &Program, x_min: f64, x_max: f64, resolution: usize) -> Samples {
    let span = x_max - x_min;
    let valid = x_min.is_finite() && x_max.is_finite() && span.is_finite() && span > 0.0;
    if resolution == 0 || !valid || !(resolution as f64 / span).is_finite() {
        return Samples::default();
    }
    let n = resolution.min(MAX_RESOLUTION);
    let magnitude = x_min.abs().max(x_max.abs());
    let float_floor = 8.0 * f64::EPSILON * magnitude;
    let mut sampler = Sampler {
        program,
        eps: (span * EPS_FRACTION).max(float_floor),
        kink_eps: (span * KINK_EPS_FRACTION).max(float_floor),
        budget: BUDGET_PER_PIXEL * n + 64,
        xs: Vec::with_capacity(n + 1),
        ys: Vec::with_capacity(n + 1),
        scale: Scale::default(),
    };

    let grid = sampler.grid(x_min, x_max, n);
    if grid.iter().all(|p| !p.1.is_finite()) {
        return Samples::default();
    }
    // Poles without a sign change (1/x², ln|x|) must be found before the view is estimated,
    // or their huge values would stretch it; they are probed against the grid's core values.
    let (core_lo, core_hi) = grid_core(&grid);
    sampler.scale = Scale::new(pad((core_lo, core_hi)), x_min, span, n);
    let mut cuts = Vec::new();
    let mut probed = Vec::new();
    let peaks = sampler.find_peaks(&grid, core_lo, core_hi);
    sampler.probe(peaks, grid.len(), &mut probed, &mut cuts);
    let grid = merge(grid, std::mem::take(&mut probed));
    super::sort::sort_by(&mut cuts, |a, b| a.at.total_cmp(&b.at));

    let view = estimate_view(&grid, &cuts, core_lo, core_hi, x_min, x_max);
    sampler.scale = Scale::new(view, x_min, span, n);
    let refined = sampler.refine(&grid, &cuts, REFINE_PER_PIXEL * n + 32);
    let points = merge(grid, refined);
    let probes = sampler.find_probes(&points, &cuts);
    sampler.probe(probes, points.len(), &mut probed, &mut cuts);
    let points = merge(points, probed);
    super::sort::sort_by(&mut cuts, |a, b| a.at.total_cmp(&b.at));
    let mut samples = sampler.assemble(&points, &cuts);
    sampler.split_at_jump_values(&mut samples);
    samples
}

/// A y range that shows the interesting part of `samples` on `[x_min, x_max]`: the weighted
/// 5–95 % quantiles of the finite values, widened to every value except tails that run away
/// towards a gap (asymptotes, `ln` near 0), then padded by 8 %. Constant functions get ±1;
/// the result is always finite with `lo < hi`, and `(-1, 1)` when there is nothing to show.
pub fn auto_y_range(samples: &Samples, x_min: f64, x_max: f64) -> (f64, f64) {
    padded_range(&samples.segments, x_min, x_max)
}
