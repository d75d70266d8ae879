//! Adaptive sampling of a compiled one-variable function, for honest plots. A uniform grid
//! (about one point per pixel) is evaluated in batches, refined where the curve bends or
//! climbs steeply, and then gaps, poles, jumps and kinks are pinned down by repeated k-section,
//! so lines are split exactly where the function is undefined or discontinuous and are never
//! joined by false vertical strokes. `auto_y_range` picks a y range that ignores values
//! running off to infinity next to a gap.

use super::eval::Program;

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

/// Grids wider than this many points are clamped (no screen is that wide).
const MAX_RESOLUTION: usize = 16_384;
/// Total points (grid, refinement and probes) allowed per pixel of resolution.
const BUDGET_PER_PIXEL: usize = 8;
/// Points the bend/steepness refinement may use per pixel; the rest is kept for probes.
const REFINE_PER_PIXEL: usize = 5;
/// Bisection depth of the refinement below the grid spacing (1/64 px).
const MAX_DEPTH: u32 = 6;
/// Refine when a midpoint strays this far (px) from the chord of its interval.
const BEND_PX: f64 = 0.25;
/// Refine visible steps taller than this (px): they may hide a spike or a jump.
const STEEP_PX: f64 = 8.0;
/// Steps taller than this (px) after refinement are probed for a discontinuity.
const JUMP_PX: f64 = 3.0;
/// A probed step still taller than this (px) at the finest width is a discontinuity.
const CUT_PX: f64 = 1.0;
/// A change of slope (px per px) larger than this, concentrated at one point, is a kink.
const KINK_TURN: f64 = 0.3;
/// Two samples next to a break agreeing to within this (px) give a one-sided limit.
const LIMIT_PX: f64 = 1.0;
/// Assumed plot height as a fraction of `resolution`, to turn values into pixels.
const ASPECT: f64 = 0.6;
/// Probes split their interval into this many parts per pass (one batched evaluation).
const SPLIT: usize = 8;
/// Probes stop at this fraction of the interval width (breaks and edges)...
const EPS_FRACTION: f64 = 2e-10;
/// ...and kinks at this one: a sample this close to the corner draws it sharp.
const KINK_EPS_FRACTION: f64 = 1e-8;
/// Samples sitting on a jump checked per sampling (see `split_at_jump_values`).
const MAX_JUMP_VALUES: usize = 32;
/// Guard against any probe that fails to shrink.
const MAX_PROBE_PASSES: usize = 64;
/// The core of the y range lies between these weighted quantiles of the samples.
const CORE_QUANTILE: f64 = 0.05;
/// A tail next to a gap reaching further than this many core heights is an asymptote.
const TAIL_ALLOWANCE: f64 = 1.0;
/// Padding added above and below the y range, as a fraction of its height.
const PAD: f64 = 0.08;

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

/// Value-to-pixel scale used by the heuristics; y grows upwards from the view's bottom.
#[derive(Clone, Copy, Debug, Default)]
struct Scale {
    x0: f64,
    px: f64,
    y0: f64,
    py: f64,
    height: f64,
}

impl Scale {
    fn new((lo, hi): (f64, f64), x_min: f64, span: f64, n: usize) -> Scale {
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

    fn x(&self, x: f64) -> f64 {
        (x - self.x0) * self.px
    }

    /// Pixels above the view's bottom; huge values saturate so differences stay finite.
    fn y(&self, y: f64) -> f64 {
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
    fn near_view(&self, ya: f64, yb: f64, margin: f64) -> bool {
        let (a, b) = (self.y(ya), self.y(yb));
        let top = self.height + margin;
        !((a < -margin && b < -margin) || (a > top && b > top))
    }

    /// Whether the chord between two values crosses the whole view, bottom to top.
    fn spans_view(&self, ya: f64, yb: f64) -> bool {
        let (a, b) = (self.y(ya), self.y(yb));
        (a < 0.0 && b > self.height) || (b < 0.0 && a > self.height)
    }
}

/// An interval queued for bisection by the refinement.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    a: Point,
    b: Point,
    depth: u32,
    score: f64,
}

/// What a probe is looking for inside its interval.
#[derive(Clone, Copy, Debug)]
enum Target {
    /// The boundary between defined and undefined values (exactly one end is finite).
    Edge,
    /// A jump or a pole (both ends finite, a tall step between them).
    Jump,
    /// A corner; `first` is the turn (px per px) that raised the suspicion.
    Kink { first: f64 },
    /// A local extreme far outside the core values, maybe a pole: follows the highest
    /// (`sense` = 1) or lowest (−1) sample; `spread` is how far (px) its neighbours differ
    /// from it, which shrinks to nothing at a bounded peak and stays large at a pole.
    Peak {
        sense: f64,
        peak: Point,
        spread: f64,
    },
}

/// One interval being narrowed down by k-section; `rank` and `score` order probes when the
/// point budget runs short.
#[derive(Clone, Copy, Debug)]
struct Probe {
    target: Target,
    lo: Point,
    hi: Point,
    rank: u8,
    score: f64,
}

/// A place where consecutive samples must not be joined: between the sample at `at` and the
/// next one. `x` is where the discontinuity is; `located` is false when the budget ran out
/// before it was pinned down (no break is reported then).
#[derive(Clone, Copy, Debug)]
struct Cut {
    at: f64,
    x: f64,
    located: bool,
}

/// What a probe does after one pass.
enum Next {
    Continue(Probe),
    Split(Probe, Probe),
    Done,
}

struct Sampler<'p> {
    program: &'p Program,
    eps: f64,
    kink_eps: f64,
    budget: usize,
    xs: Vec<f64>,
    ys: Vec<f64>,
    scale: Scale,
}

impl Sampler<'_> {
    /// Evaluates the function at every `self.xs` into `self.ys`; non-finite values become NaN.
    fn evaluate(&mut self) {
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
    fn grid(&mut self, x_min: f64, x_max: f64, n: usize) -> Vec<Point> {
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
    fn refine(&mut self, grid: &[Point], cuts: &[Cut], cap: usize) -> Vec<Point> {
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
                super::sort::sort_by(&mut candidates, |p, q| q.score.total_cmp(&p.score));
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

    /// Grid points that stand far outside the core values `[lo, hi]` as a local maximum or
    /// minimum: a pole without a sign change, or just a tall peak. Neighbouring suspects
    /// (the two sides of a pole) are merged.
    fn find_peaks(&self, grid: &[Point], lo: f64, hi: f64) -> Vec<Probe> {
        let allowance = TAIL_ALLOWANCE * if hi > lo { hi - lo } else { hi.abs().max(1.0) };
        let mut peaks: Vec<(usize, Probe)> = Vec::new();
        for i in 1..grid.len().saturating_sub(1) {
            let (a, m, b) = (grid[i - 1], grid[i], grid[i + 1]);
            if !(a.1.is_finite() && m.1.is_finite() && b.1.is_finite()) {
                continue;
            }
            let (sense, beyond) = if m.1 >= a.1 && m.1 >= b.1 {
                (1.0, m.1 - hi)
            } else if m.1 <= a.1 && m.1 <= b.1 {
                (-1.0, lo - m.1)
            } else {
                continue;
            };
            if beyond <= allowance {
                continue;
            }
            let probe = Probe {
                target: Target::Peak {
                    sense,
                    peak: m,
                    spread: f64::INFINITY,
                },
                lo: a,
                hi: b,
                rank: 3,
                score: beyond,
            };
            match peaks.last_mut() {
                Some((j, last)) if *j + 1 >= i => {
                    if beyond > last.score {
                        *j = i;
                        *last = probe;
                    }
                }
                _ => peaks.push((i, probe)),
            }
        }
        peaks.into_iter().map(|(_, p)| p).collect()
    }

    /// Finds intervals worth a closer look: defined/undefined boundaries, tall steps that
    /// may be jumps or poles, and sharp turns that may be kinks.
    fn find_probes(&self, points: &[Point], cuts: &[Cut]) -> Vec<Probe> {
        let s = self.scale;
        let n = points.len();
        let mut probes = Vec::new();
        // Slope (px per px) of each interval between finite points, NaN elsewhere.
        let mut slope = vec![f64::NAN; n.saturating_sub(1)];
        for i in 0..n.saturating_sub(1) {
            let (a, b) = (points[i], points[i + 1]);
            match (a.1.is_finite(), b.1.is_finite()) {
                (true, true) => {}
                (false, false) => continue,
                _ => {
                    probes.push(Probe {
                        target: Target::Edge,
                        lo: a,
                        hi: b,
                        rank: 2,
                        score: 0.0,
                    });
                    continue;
                }
            }
            slope[i] = (s.y(b.1) - s.y(a.1)) / (s.x(b.0) - s.x(a.0));
        }
        // A jump or a pole shows as a tall step much steeper than the steps beside it
        // (a steep but smooth stretch has neighbours about as steep); a step across the whole
        // view is always checked. Far off-screen steps on one side of the view are invisible.
        let steepness = |i: Option<usize>| match i.and_then(|i| slope.get(i)) {
            Some(v) if v.is_finite() => v.abs(),
            _ => 0.0,
        };
        for i in 0..n.saturating_sub(1) {
            let (a, b) = (points[i], points[i + 1]);
            if !(a.1.is_finite() && b.1.is_finite()) {
                continue;
            }
            let step = (s.y(b.1) - s.y(a.1)).abs();
            if step <= JUMP_PX || !s.near_view(a.1, b.1, 10.0 * s.height) {
                continue;
            }
            let beside = steepness(i.checked_sub(1)).max(steepness(Some(i + 1)));
            let across = s.spans_view(a.1, b.1);
            if (across || steepness(Some(i)) > 2.0 * beside) && !is_cut(cuts, a.0, b.0) {
                probes.push(Probe {
                    target: Target::Jump,
                    lo: a,
                    hi: b,
                    rank: if across { 3 } else { 2 },
                    score: step,
                });
            }
        }
        // Turn at point i: the change of slope there (0 where undefined).
        let turn = |i: usize| -> f64 {
            if i == 0 || i + 1 >= n {
                return 0.0;
            }
            let t = (slope[i] - slope[i - 1]).abs();
            if t.is_finite() {
                t
            } else {
                0.0
            }
        };
        for i in 1..n.saturating_sub(1) {
            let t = turn(i);
            // A kink is a turn that stands out: a local maximum, much larger than the turns
            // two points away (smooth curves turn gradually).
            let around = turn(i.saturating_sub(2)).max(turn(i + 2));
            if !(t > KINK_TURN && t >= turn(i - 1) && t > turn(i + 1) && t > 3.0 * around) {
                continue;
            }
            let (a, m, b) = (points[i - 1], points[i], points[i + 1]);
            let short = (s.y(m.1) - s.y(a.1)).abs() <= JUMP_PX
                && (s.y(b.1) - s.y(m.1)).abs() <= JUMP_PX
                && s.x(b.0) - s.x(a.0) <= 2.5;
            if short && s.near_view(a.1, b.1, 0.5 * s.height) {
                probes.push(Probe {
                    target: Target::Kink { first: t },
                    lo: a,
                    hi: b,
                    rank: 1,
                    score: t,
                });
            }
        }
        probes
    }

    /// Narrows every probe down by k-section, all probes sharing one batched evaluation per
    /// pass, within the point budget (`existing` points are already spent). Evaluated points
    /// go to `added`; discontinuities found (or suspected when the budget ran out) go to `cuts`.
    fn probe(
        &mut self,
        mut active: Vec<Probe>,
        existing: usize,
        added: &mut Vec<Point>,
        cuts: &mut Vec<Cut>,
    ) {
        let by_priority =
            |p: &Probe, q: &Probe| q.rank.cmp(&p.rank).then(q.score.total_cmp(&p.score));
        let mut running = Vec::with_capacity(active.len());
        let interior = SPLIT - 1;
        for _ in 0..MAX_PROBE_PASSES {
            if active.is_empty() {
                break;
            }
            super::sort::sort_by(&mut active, by_priority);
            let room = self.budget.saturating_sub(existing + added.len());
            let fits = room / interior;
            if active.len() > fits {
                for p in active.drain(fits..) {
                    self.give_up(&p, cuts);
                }
            }
            self.xs.clear();
            running.clear();
            for p in active.drain(..) {
                let eps = match p.target {
                    Target::Kink { .. } => self.kink_eps,
                    Target::Jump => self.jump_eps(&p),
                    _ => self.eps,
                };
                let width = p.hi.0 - p.lo.0;
                let start = self.xs.len();
                let mut previous = p.lo.0;
                let mut divisible = width > eps;
                for j in 1..SPLIT {
                    let x = p.lo.0 + width * (j as f64 / SPLIT as f64);
                    divisible &= x > previous && x < p.hi.0;
                    self.xs.push(x);
                    previous = x;
                }
                if divisible {
                    running.push(p);
                } else {
                    self.xs.truncate(start);
                    self.finish(&p, cuts);
                }
            }
            if running.is_empty() {
                break;
            }
            self.evaluate();
            for (k, p) in running.iter().enumerate() {
                let start = k * interior;
                let new = self.xs[start..start + interior]
                    .iter()
                    .zip(&self.ys[start..]);
                let mut q = [p.hi; SPLIT + 1];
                q[0] = p.lo;
                for (slot, (&x, &y)) in q[1..SPLIT].iter_mut().zip(new) {
                    *slot = (x, y);
                }
                added.extend_from_slice(&q[1..SPLIT]);
                match self.step(p, &q) {
                    Next::Continue(p) => active.push(p),
                    Next::Split(a, b) => {
                        active.push(a);
                        active.push(b);
                    }
                    Next::Done => {}
                }
            }
        }
        for p in active {
            self.give_up(&p, cuts);
        }
    }

    /// One k-section step: picks the sub-interval to keep looking in, or stops.
    fn step(&self, p: &Probe, q: &[Point; SPLIT + 1]) -> Next {
        let s = self.scale;
        let keep = |lo: Point, hi: Point, target: Target| Probe {
            target,
            lo,
            hi,
            ..*p
        };
        match p.target {
            Target::Edge => {
                let left_defined = q[0].1.is_finite();
                let j = (1..=SPLIT)
                    .find(|&j| q[j].1.is_finite() != left_defined)
                    .unwrap_or(SPLIT);
                Next::Continue(keep(q[j - 1], q[j], Target::Edge))
            }
            Target::Jump => {
                let undefined = |j: &usize| !q[*j].1.is_finite();
                if let Some(first) = (1..SPLIT).find(undefined) {
                    // An undefined island inside the step: find both of its edges.
                    let last = (1..SPLIT).rev().find(undefined).unwrap_or(first);
                    return Next::Split(
                        keep(q[first - 1], q[first], Target::Edge),
                        keep(q[last], q[last + 1], Target::Edge),
                    );
                }
                let whole = (s.y(p.hi.1) - s.y(p.lo.1)).abs();
                let (j, tallest) = (0..SPLIT)
                    .map(|j| (j, (s.y(q[j + 1].1) - s.y(q[j].1)).abs()))
                    .fold((0, -1.0), |best, c| if c.1 > best.1 { c } else { best });
                // A continuous function's steps shrink with the interval; a jump's or a
                // pole's do not.
                if tallest < 0.5 * whole || tallest < CUT_PX {
                    Next::Done
                } else {
                    Next::Continue(keep(q[j], q[j + 1], Target::Jump))
                }
            }
            Target::Peak { sense, .. } => {
                let undefined = |j: &usize| !q[*j].1.is_finite();
                if let Some(first) = (1..SPLIT).find(undefined) {
                    let last = (1..SPLIT).rev().find(undefined).unwrap_or(first);
                    return Next::Split(
                        keep(q[first - 1], q[first], Target::Edge),
                        keep(q[last], q[last + 1], Target::Edge),
                    );
                }
                let j = (0..=SPLIT)
                    .max_by(|&i, &k| (sense * q[i].1).total_cmp(&(sense * q[k].1)))
                    .unwrap_or(0);
                let (lo, hi) = (q[j.saturating_sub(1)], q[(j + 1).min(SPLIT)]);
                let spread = (s.y(lo.1) - s.y(q[j].1))
                    .abs()
                    .max((s.y(hi.1) - s.y(q[j].1)).abs());
                // Around a bounded peak the values flatten out as we close in; next to a pole
                // they keep running away.
                if spread < 0.01 {
                    return Next::Done;
                }
                let target = Target::Peak {
                    sense,
                    peak: q[j],
                    spread,
                };
                Next::Continue(keep(lo, hi, target))
            }
            Target::Kink { first } => {
                if q.iter().any(|p| !p.1.is_finite()) {
                    return Next::Done;
                }
                let h = s.x(q[1].0) - s.x(q[0].0);
                let (j, turn) = (1..SPLIT)
                    .map(|j| {
                        let before = s.y(q[j].1) - s.y(q[j - 1].1);
                        let after = s.y(q[j + 1].1) - s.y(q[j].1);
                        (j, ((after - before) / h).abs())
                    })
                    .fold((1, -1.0), |best, c| if c.1 > best.1 { c } else { best });
                // A corner keeps its full turn however close we look; a smooth bend's
                // turn shrinks with the spacing.
                if turn < 0.3 * first {
                    Next::Done
                } else {
                    Next::Continue(keep(q[j - 1], q[j + 1], Target::Kink { first }))
                }
            }
        }
    }

    /// The finest width to look at next to x. Within a thousand `eps` of 0 (but not at 0),
    /// `eps` is coarse next to x itself, and a continuous climb there (−ln x as x → 0⁺: its
    /// value grows by ln 2 every time x halves) still looks like a jump at that width: there
    /// it is 10⁻⁹ of |x|, where the climb shows as continuous.
    fn hair(&self, x: f64) -> f64 {
        if x != 0.0 && x.abs() < 1000.0 * self.eps {
            (1e-9 * x.abs()).min(self.eps)
        } else {
            self.eps
        }
    }

    /// How narrow a jump probe may get: [`Sampler::hair`] on one side of 0; a step across 0
    /// (1/x, sign x) keeps `eps`.
    fn jump_eps(&self, p: &Probe) -> f64 {
        if p.lo.0 * p.hi.0 > 0.0 {
            self.hair(p.lo.0.abs().max(p.hi.0.abs()))
        } else {
            self.eps
        }
    }

    /// A probe narrowed down as far as it goes: a step still tall here is a discontinuity,
    /// and so is a peak still rising.
    fn finish(&self, p: &Probe, cuts: &mut Vec<Cut>) {
        let s = self.scale;
        let cut = |a: Point, b: Point| Cut {
            at: a.0,
            x: a.0 + 0.5 * (b.0 - a.0),
            located: true,
        };
        match p.target {
            Target::Jump if (s.y(p.hi.1) - s.y(p.lo.1)).abs() > CUT_PX => {
                cuts.push(cut(p.lo, p.hi));
            }
            Target::Peak { peak, spread, .. } if spread > LIMIT_PX => {
                // The pole is next to the peak, on the side that crosses the view or, failing
                // that, the side further from it.
                let centre = 0.5 * s.height;
                let away = |p: Point| s.y(p.1) - centre;
                let crosses = |p: Point| away(p) * away(peak) < 0.0;
                let left = if peak.0 <= p.lo.0 {
                    false
                } else if peak.0 >= p.hi.0 {
                    true
                } else if crosses(p.lo) != crosses(p.hi) {
                    crosses(p.lo)
                } else {
                    away(p.lo).abs() > away(p.hi).abs()
                };
                cuts.push(if left {
                    cut(p.lo, peak)
                } else {
                    cut(peak, p.hi)
                });
            }
            _ => {}
        }
    }

    /// A probe the budget could not pay for: a step across the whole view is treated as an
    /// asymptote (a sign change with a huge jump), since drawing it would be a false line.
    fn give_up(&self, p: &Probe, cuts: &mut Vec<Cut>) {
        let unconfirmed = Cut {
            at: p.lo.0,
            x: p.lo.0 + 0.5 * (p.hi.0 - p.lo.0),
            located: false,
        };
        match p.target {
            Target::Jump if self.scale.spans_view(p.lo.1, p.hi.1) => cuts.push(unconfirmed),
            // An unchecked far-out peak is more likely a pole than a feature worth the view.
            Target::Peak { peak, .. } => cuts.push(Cut {
                at: peak.0,
                ..unconfirmed
            }),
            _ => {}
        }
    }

    /// Splits the sorted points into segments at undefined values and cuts, and reports the
    /// breaks: undefined runs no wider than the probe resolution with defined values on both
    /// sides, and located cuts.
    fn assemble(&self, points: &[Point], cuts: &[Cut]) -> Samples {
        let mut segments = Vec::new();
        let mut current: Vec<Point> = Vec::new();
        let mut c = 0;
        for &p in points {
            if !p.1.is_finite() {
                if !current.is_empty() {
                    segments.push(std::mem::take(&mut current));
                }
                continue;
            }
            if let Some(&(previous, _)) = current.last() {
                while c < cuts.len() && cuts[c].at < previous {
                    c += 1;
                }
                if c < cuts.len() && cuts[c].at < p.0 {
                    segments.push(std::mem::take(&mut current));
                }
            }
            current.push(p);
        }
        if !current.is_empty() {
            segments.push(current);
        }

        let mut breaks = Vec::new();
        let mut i = 0;
        while i < points.len() {
            if points[i].1.is_finite() {
                i += 1;
                continue;
            }
            let start = i;
            while i < points.len() && !points[i].1.is_finite() {
                i += 1;
            }
            if start == 0 || i == points.len() {
                continue;
            }
            let (l, r) = (start - 1, i);
            if points[r].0 - points[l].0 > 4.0 * self.eps {
                continue;
            }
            let x = if i - start == 1 {
                points[start].0
            } else {
                points[l].0 + 0.5 * (points[r].0 - points[l].0)
            };
            breaks.push(self.make_break(points, x, l, r));
        }
        for cut in cuts.iter().filter(|c| c.located) {
            if let Ok(l) = points.binary_search_by(|p| p.0.total_cmp(&cut.at)) {
                if l + 1 < points.len() && points[l + 1].1.is_finite() {
                    breaks.push(self.make_break(points, cut.x, l, l + 1));
                }
            }
        }
        super::sort::sort_by(&mut breaks, |a, b| a.x.total_cmp(&b.x));
        // Two probes may close in on one pole from either side.
        breaks.dedup_by(|b, a| b.x - a.x <= 4.0 * self.eps);
        Samples { segments, breaks }
    }

    /// A sample that lands exactly on a jump takes the function's value there (`sign(0) = 0`),
    /// between the two sides: the curve would run −1 → 0 → 1 as one vertical stroke, and the
    /// two tall steps beside it hide each other from the jump probes. Where both steps are
    /// tall and stay tall a hair away on either side, the curve is cut there and the point
    /// becomes the jump's value.
    fn split_at_jump_values(&self, samples: &mut Samples) {
        let s = self.scale;
        let tall = |a: f64, b: f64| (s.y(b) - s.y(a)).abs() > JUMP_PX;
        let finest = 4.0 / f64::from(1u32 << MAX_DEPTH);
        // Candidates: a sample between two tall steps at the finest spacing. A wildly
        // oscillating curve can have many; only the first few are checked (one batch).
        let mut found: Vec<(usize, usize)> = Vec::new();
        'segments: for (k, seg) in samples.segments.iter().enumerate() {
            for i in 1..seg.len().saturating_sub(1) {
                let (a, m, b) = (seg[i - 1], seg[i], seg[i + 1]);
                if s.x(b.0) - s.x(a.0) <= finest && tall(a.1, m.1) && tall(m.1, b.1) {
                    found.push((k, i));
                    if found.len() == MAX_JUMP_VALUES {
                        break 'segments;
                    }
                }
            }
        }
        if found.is_empty() {
            return;
        }
        let xs: Vec<f64> = found
            .iter()
            .flat_map(|&(k, i)| {
                let m = samples.segments[k][i].0;
                [m - self.hair(m), m + self.hair(m)]
            })
            .collect();
        let mut ys = vec![0.0; xs.len()];
        self.program.eval_slice(&xs, &mut ys);
        // Split from the back so earlier indices stay valid.
        for (n, &(k, i)) in found.iter().enumerate().rev() {
            let seg = &samples.segments[k];
            // A neighbouring candidate, split off already, may have taken this one's right side.
            if i == 0 || i + 1 >= seg.len() {
                continue;
            }
            let (a, m, b) = (seg[i - 1], seg[i], seg[i + 1]);
            let (left, right) = (ys[2 * n], ys[2 * n + 1]);
            let confirmed = left.is_finite()
                && right.is_finite()
                && !tall(a.1, left)
                && !tall(right, b.1)
                && tall(left, m.1)
                && tall(m.1, right);
            if !confirmed {
                continue;
            }
            let seg = samples.segments.remove(k);
            samples.segments.insert(k, seg[i + 1..].to_vec());
            samples.segments.insert(k, seg[..i].to_vec());
            samples.breaks.push(Break {
                x: m.0,
                left: Some(a.1),
                right: Some(b.1),
                kind: BreakKind::Jump,
                value: Some(m.1),
            });
        }
        super::sort::sort_by(&mut samples.breaks, |a, b| a.x.total_cmp(&b.x));
    }

    /// A break at `x` between the defined samples `l` and `r` (consecutive defined neighbours).
    fn make_break(&self, points: &[Point], x: f64, l: usize, r: usize) -> Break {
        let outer_left = l.checked_sub(1).map(|k| points[k]);
        let left = self.limit(points[l], outer_left);
        let right = self.limit(points[r], points.get(r + 1).copied());
        let kind = match (left, right) {
            (Some(a), Some(b)) if (a - b).abs() * self.scale.py <= LIMIT_PX => BreakKind::Removable,
            (Some(_), Some(_)) => BreakKind::Jump,
            _ => BreakKind::Pole,
        };
        Break {
            x,
            left,
            right,
            kind,
            value: None,
        }
    }

    /// The one-sided limit at `near` (the sample closest to the break), checked against the
    /// next sample further out: values that still change are running off to infinity.
    fn limit(&self, near: Point, further: Option<Point>) -> Option<f64> {
        let further = further.filter(|p| p.1.is_finite())?;
        ((near.1 - further.1).abs() * self.scale.py <= LIMIT_PX).then_some(near.1)
    }
}

/// Merges `extra` (any order) into the sorted `base`, dropping repeated x values.
fn merge(base: Vec<Point>, mut extra: Vec<Point>) -> Vec<Point> {
    if extra.is_empty() {
        return base;
    }
    super::sort::sort_by(&mut extra, |p, q| p.0.total_cmp(&q.0));
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

/// The 5 % and 95 % quantiles of the grid's finite values (the grid is uniform, so plain
/// quantiles are x-weighted); the caller ensures there is at least one.
fn grid_core(grid: &[Point]) -> (f64, f64) {
    let mut ys: Vec<f64> = grid.iter().map(|p| p.1).filter(|y| y.is_finite()).collect();
    if ys.is_empty() {
        return (-1.0, 1.0);
    }
    let lo = select_quantile(&mut ys, CORE_QUANTILE);
    (lo, select_quantile(&mut ys, 1.0 - CORE_QUANTILE))
}

/// Whether a cut separates the samples at `a` and `b` (consecutive, `a < b`).
fn is_cut(cuts: &[Cut], a: f64, b: f64) -> bool {
    let i = cuts.partition_point(|c| c.at < a);
    i < cuts.len() && cuts[i].at < b
}

/// The view the heuristics aim for, from the grid (plus peak probes): split at gaps, at
/// cuts, and where a step leaps far across the core values `[lo, hi]` (a pole, so far
/// unconfirmed), then the same rule as `auto_y_range`.
fn estimate_view(
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
fn select_quantile(values: &mut [f64], q: f64) -> f64 {
    let k = ((values.len() - 1) as f64 * q).round() as usize;
    super::sort::sort_by(values, f64::total_cmp);
    values[k]
}

fn padded_range<S: AsRef<[Point]>>(segments: &[S], x_min: f64, x_max: f64) -> (f64, f64) {
    match robust_range(segments, x_min, x_max) {
        Some(range) => pad(range),
        None => (-1.0, 1.0),
    }
}

/// Pads `[lo, hi]` by `PAD` of its height; a (nearly) constant range gets ±1 instead.
fn pad((lo, hi): (f64, f64)) -> (f64, f64) {
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
fn robust_range<S: AsRef<[Point]>>(segments: &[S], x_min: f64, x_max: f64) -> Option<(f64, f64)> {
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
    super::sort::sort_by(&mut weighted, |a, b| a.0.total_cmp(&b.0));
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
fn runaway_tail<'a>(
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
