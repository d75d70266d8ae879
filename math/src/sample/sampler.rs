//! The adaptive search behind `sample`: a uniform grid, refinement where the curve bends or
//! climbs, and k-section probes that pin down gaps, poles, jumps and kinks.

use super::super::eval::Program;
use super::super::sort::sort_by;
use super::probe::Cut;
use super::Point;

/// Grids wider than this many points are clamped (no screen is that wide).
pub(super) const MAX_RESOLUTION: usize = 16_384;
/// Total points (grid, refinement and probes) allowed per pixel of resolution.
pub(super) const BUDGET_PER_PIXEL: usize = 8;
/// Points the bend/steepness refinement may use per pixel; the rest is kept for probes.
pub(super) const REFINE_PER_PIXEL: usize = 5;
/// Bisection depth of the refinement below the grid spacing (1/64 px).
pub(super) const MAX_DEPTH: u32 = 6;
/// Refine when a midpoint strays this far (px) from the chord of its interval.
pub(super) const BEND_PX: f64 = 0.25;
/// Refine visible steps taller than this (px): they may hide a spike or a jump.
pub(super) const STEEP_PX: f64 = 8.0;
/// Steps taller than this (px) after refinement are probed for a discontinuity.
pub(super) const JUMP_PX: f64 = 3.0;
/// A probed step still taller than this (px) at the finest width is a discontinuity.
pub(super) const CUT_PX: f64 = 1.0;
/// A change of slope (px per px) larger than this, concentrated at one point, is a kink.
pub(super) const KINK_TURN: f64 = 0.3;
/// Two samples next to a break agreeing to within this (px) give a one-sided limit.
pub(super) const LIMIT_PX: f64 = 1.0;
/// Assumed plot height as a fraction of `resolution`, to turn values into pixels.
pub(super) const ASPECT: f64 = 0.6;
/// Probes split their interval into this many parts per pass (one batched evaluation).
pub(super) const SPLIT: usize = 8;
/// Probes stop at this fraction of the interval width (breaks and edges)...
pub(super) const EPS_FRACTION: f64 = 2e-10;
/// ...and kinks at this one: a sample this close to the corner draws it sharp.
pub(super) const KINK_EPS_FRACTION: f64 = 1e-8;
/// Samples sitting on a jump checked per sampling (see `split_at_jump_values`).
pub(super) const MAX_JUMP_VALUES: usize = 32;
/// Guard against any probe that fails to shrink.
pub(super) const MAX_PROBE_PASSES: usize = 64;

/// Value-to-pixel scale used by the heuristics; y grows upwards from the view's bottom.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Scale {
    pub(super) x0: f64,
    pub(super) px: f64,
    pub(super) y0: f64,
    pub(super) py: f64,
    pub(super) height: f64,
}

impl Scale {
    pub(super) fn new((lo, hi): (f64, f64), x_min: f64, span: f64, n: usize) -> Scale {
        let height = ASPECT * n as f64;
        let py = height / (hi - lo);
        Scale {
            x0: x_min,
            px: n as f64 / span,
            y0: lo,
            // A view thinner than f64 can scale (values ~1e-300) is treated as 2 units tall.
            py: if py.is_finite() { py } else { height / 2.0 },
            height,
        }
    }

    pub(super) fn x(&self, x: f64) -> f64 {
        (x - self.x0) * self.px
    }

    /// Pixels above the view's bottom; huge values saturate so differences stay finite.
    pub(super) fn y(&self, y: f64) -> f64 {
        let v = (y - self.y0) * self.py;
        if v.is_finite() {
            v
        } else if v > 0.0 {
            1e300
        } else {
            -1e300
        }
    }

    /// Whether the chord between two values passes within `margin` pixels of the view.
    pub(super) fn near_view(&self, ya: f64, yb: f64, margin: f64) -> bool {
        let (a, b) = (self.y(ya), self.y(yb));
        let top = self.height + margin;
        !((a < -margin && b < -margin) || (a > top && b > top))
    }

    /// Whether the chord between two values crosses the whole view, bottom to top.
    pub(super) fn spans_view(&self, ya: f64, yb: f64) -> bool {
        let (a, b) = (self.y(ya), self.y(yb));
        (a < 0.0 && b > self.height) || (b < 0.0 && a > self.height)
    }
}

/// An interval queued for bisection by the refinement.
#[derive(Clone, Copy, Debug)]
pub(super) struct Candidate {
    pub(super) a: Point,
    pub(super) b: Point,
    pub(super) depth: u32,
    pub(super) score: f64,
}

pub(super) struct Sampler<'p> {
    pub(super) program: &'p Program,
    pub(super) eps: f64,
    pub(super) kink_eps: f64,
    pub(super) budget: usize,
    pub(super) xs: Vec<f64>,
    pub(super) ys: Vec<f64>,
    pub(super) scale: Scale,
}

impl Sampler<'_> {
    /// Evaluates the function at every `self.xs` into `self.ys`; non-finite values become NaN.
    pub(super) fn evaluate(&mut self) {
        self.ys.clear();
        self.ys.resize(self.xs.len(), 0.0);
        self.program.eval_slice(&self.xs, &mut self.ys);
        for y in &mut self.ys {
            if !y.is_finite() {
                *y = f64::NAN;
            }
        }
    }

    /// The uniform grid of `n + 1` points; `x_min + span·i/n` hits 0 exactly on symmetric
    /// ranges, where many functions of interest are undefined.
    pub(super) fn grid(&mut self, x_min: f64, x_max: f64, n: usize) -> Vec<Point> {
        let span = x_max - x_min;
        self.xs.clear();
        for i in 0..=n {
            let x = if i == n {
                x_max
            } else {
                x_min + span * (i as f64 / n as f64)
            };
            // A range only a few ulps wide cannot hold n distinct points.
            if self.xs.last().is_none_or(|&last| x > last) {
                self.xs.push(x);
            }
        }
        self.evaluate();
        self.xs
            .iter()
            .copied()
            .zip(self.ys.iter().copied())
            .collect()
    }

    /// Bisects grid intervals where the curve bends or visible steps are tall, level by level
    /// (one batched evaluation per level), up to `MAX_DEPTH` and until `cap` points in all;
    /// intervals already cut at a pole are left alone. Returns the new points, unsorted.
    pub(super) fn refine(&mut self, grid: &[Point], cuts: &[Cut], cap: usize) -> Vec<Point> {
        let s = self.scale;
        let margin = 0.5 * s.height;
        let finite = |p: Point| p.1.is_finite();
        // Deviation of each grid point from the chord of its neighbours (px).
        let bend = |i: usize| -> f64 {
            if i == 0 || i + 1 >= grid.len() {
                return 0.0;
            }
            let (a, m, b) = (grid[i - 1], grid[i], grid[i + 1]);
            if !(finite(a) && finite(m) && finite(b)) {
                return 0.0;
            }
            let t = (m.0 - a.0) / (b.0 - a.0);
            (s.y(m.1) - (s.y(a.1) + t * (s.y(b.1) - s.y(a.1)))).abs()
        };
        let mut candidates = Vec::new();
        for i in 0..grid.len().saturating_sub(1) {
            let (a, b) = (grid[i], grid[i + 1]);
            let visible = finite(a) && finite(b) && s.near_view(a.1, b.1, margin);
            if !visible || is_cut(cuts, a.0, b.0) {
                continue;
            }
            let step = (s.y(b.1) - s.y(a.1)).abs();
            let score = (bend(i).max(bend(i + 1)) / BEND_PX).max(step / STEEP_PX);
            if score > 1.0 {
                candidates.push(Candidate {
                    a,
                    b,
                    depth: 0,
                    score,
                });
            }
        }

        let mut added = Vec::new();
        while !candidates.is_empty() {
            let room = cap.saturating_sub(grid.len() + added.len());
            if room == 0 {
                break;
            }
            if candidates.len() > room {
                // The best `room` of them (a full sort: a few hundred items, small code).
                sort_by(&mut candidates, |p, q| q.score.total_cmp(&p.score));
                candidates.truncate(room);
            }
            // Midpoints that do not fall strictly inside (ulp-wide intervals) are dropped.
            candidates.retain(|c| {
                let m = c.a.0 + 0.5 * (c.b.0 - c.a.0);
                m > c.a.0 && m < c.b.0
            });
            self.xs.clear();
            self.xs
                .extend(candidates.iter().map(|c| c.a.0 + 0.5 * (c.b.0 - c.a.0)));
            self.evaluate();
            let mut next = Vec::new();
            for (c, (&x, &y)) in candidates.iter().zip(self.xs.iter().zip(&self.ys)) {
                let m = (x, y);
                added.push(m);
                if !y.is_finite() || c.depth + 1 >= MAX_DEPTH {
                    continue;
                }
                let bend = (s.y(y) - 0.5 * (s.y(c.a.1) + s.y(c.b.1))).abs() / BEND_PX;
                for (a, b) in [(c.a, m), (m, c.b)] {
                    if !s.near_view(a.1, b.1, margin) {
                        continue;
                    }
                    let score = bend.max((s.y(b.1) - s.y(a.1)).abs() / STEEP_PX);
                    if score > 1.0 {
                        next.push(Candidate {
                            a,
                            b,
                            depth: c.depth + 1,
                            score,
                        });
                    }
                }
            }
            candidates = next;
        }
        added
    }
}

/// Merges `extra` (any order) into the sorted `base`, dropping repeated x values.
pub(super) fn merge(base: Vec<Point>, mut extra: Vec<Point>) -> Vec<Point> {
    if extra.is_empty() {
        return base;
    }
    sort_by(&mut extra, |p, q| p.0.total_cmp(&q.0));
    let mut out: Vec<Point> = Vec::with_capacity(base.len() + extra.len());
    let (mut i, mut j) = (0, 0);
    while i < base.len() || j < extra.len() {
        let from_base = j >= extra.len() || (i < base.len() && base[i].0 <= extra[j].0);
        let p = if from_base {
            i += 1;
            base[i - 1]
        } else {
            j += 1;
            extra[j - 1]
        };
        if out.last().is_none_or(|last| p.0 > last.0) {
            out.push(p);
        }
    }
    out
}

/// Whether a cut separates the samples at `a` and `b` (consecutive, `a < b`).
pub(super) fn is_cut(cuts: &[Cut], a: f64, b: f64) -> bool {
    let i = cuts.partition_point(|c| c.at < a);
    i < cuts.len() && cuts[i].at < b
}
