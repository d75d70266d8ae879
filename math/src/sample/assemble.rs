//! From sorted points and located cuts to drawable segments and the breaks between them.

use super::super::sort::sort_by;
use super::probe::Cut;
use super::sampler::{Sampler, JUMP_PX, LIMIT_PX, MAX_DEPTH, MAX_JUMP_VALUES};
use super::{Break, BreakKind, Point, Samples};

impl Sampler<'_> {
    /// Splits the sorted points into segments at undefined values and cuts, and reports the
    /// breaks: undefined runs no wider than the probe resolution with defined values on both
    /// sides, and located cuts.
    pub(super) fn assemble(&self, points: &[Point], cuts: &[Cut]) -> Samples {
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
        sort_by(&mut breaks, |a, b| a.x.total_cmp(&b.x));
        // Two probes may close in on one pole from either side.
        breaks.dedup_by(|b, a| b.x - a.x <= 4.0 * self.eps);
        Samples { segments, breaks }
    }

    /// A sample that lands exactly on a jump takes the function's value there (`sign(0) = 0`),
    /// between the two sides: the curve would run −1 → 0 → 1 as one vertical stroke, and the
    /// two tall steps beside it hide each other from the jump probes. Where both steps are
    /// tall and stay tall a hair away on either side, the curve is cut there and the point
    /// becomes the jump's value.
    pub(super) fn split_at_jump_values(&self, samples: &mut Samples) {
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
        sort_by(&mut samples.breaks, |a, b| a.x.total_cmp(&b.x));
    }

    /// A break at `x` between the defined samples `l` and `r` (consecutive defined neighbours).
    pub(super) fn make_break(&self, points: &[Point], x: f64, l: usize, r: usize) -> Break {
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
    pub(super) fn limit(&self, near: Point, further: Option<Point>) -> Option<f64> {
        let further = further.filter(|p| p.1.is_finite())?;
        ((near.1 - further.1).abs() * self.scale.py <= LIMIT_PX).then_some(near.1)
    }
}
