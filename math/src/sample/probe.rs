//! The probes: repeated k-section of an interval that may hide a gap, a pole, a jump or a
//! kink, until it is located to the float resolution or shown to be smooth.

use super::super::sort::sort_by;
use super::sampler::{
    is_cut, Sampler, CUT_PX, JUMP_PX, KINK_TURN, LIMIT_PX, MAX_PROBE_PASSES, SPLIT,
};
use super::y_range::TAIL_ALLOWANCE;
use super::Point;

/// What a probe is looking for inside its interval.
#[derive(Clone, Copy, Debug)]
pub(super) enum Target {
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
pub(super) struct Probe {
    pub(super) target: Target,
    pub(super) lo: Point,
    pub(super) hi: Point,
    pub(super) rank: u8,
    pub(super) score: f64,
}

/// A place where consecutive samples must not be joined: between the sample at `at` and the
/// next one. `x` is where the discontinuity is; `located` is false when the budget ran out
/// before it was pinned down (no break is reported then).
#[derive(Clone, Copy, Debug)]
pub(super) struct Cut {
    pub(super) at: f64,
    pub(super) x: f64,
    pub(super) located: bool,
}

/// What a probe does after one pass.
pub(super) enum Next {
    Continue(Probe),
    Split(Probe, Probe),
    Done,
}

impl Sampler<'_> {
    /// Grid points that stand far outside the core values `[lo, hi]` as a local maximum or
    /// minimum: a pole without a sign change, or just a tall peak. Neighbouring suspects
    /// (the two sides of a pole) are merged.
    pub(super) fn find_peaks(&self, grid: &[Point], lo: f64, hi: f64) -> Vec<Probe> {
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
    pub(super) fn find_probes(&self, points: &[Point], cuts: &[Cut]) -> Vec<Probe> {
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
    pub(super) fn probe(
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
            sort_by(&mut active, by_priority);
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
    pub(super) fn step(&self, p: &Probe, q: &[Point; SPLIT + 1]) -> Next {
        let s = self.scale;
        let keep = |lo: Point, hi: Point, target: Target| Probe {
            target,
            lo,
            hi,
            ..*p
        };
        // An undefined island inside a jump or a peak: find both of its edges.
        let island = || {
            let undefined = |j: &usize| !q[*j].1.is_finite();
            let first = (1..SPLIT).find(undefined)?;
            let last = (1..SPLIT).rev().find(undefined).unwrap_or(first);
            Some(Next::Split(
                keep(q[first - 1], q[first], Target::Edge),
                keep(q[last], q[last + 1], Target::Edge),
            ))
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
                if let Some(edges) = island() {
                    return edges;
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
                if let Some(edges) = island() {
                    return edges;
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
    pub(super) fn hair(&self, x: f64) -> f64 {
        if x != 0.0 && x.abs() < 1000.0 * self.eps {
            (1e-9 * x.abs()).min(self.eps)
        } else {
            self.eps
        }
    }

    /// How narrow a jump probe may get: [`Sampler::hair`] on one side of 0; a step across 0
    /// (1/x, sign x) keeps `eps`.
    pub(super) fn jump_eps(&self, p: &Probe) -> f64 {
        if p.lo.0 * p.hi.0 > 0.0 {
            self.hair(p.lo.0.abs().max(p.hi.0.abs()))
        } else {
            self.eps
        }
    }

    /// A probe narrowed down as far as it goes: a step still tall here is a discontinuity,
    /// and so is a peak still rising.
    pub(super) fn finish(&self, p: &Probe, cuts: &mut Vec<Cut>) {
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
    pub(super) fn give_up(&self, p: &Probe, cuts: &mut Vec<Cut>) {
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
}
