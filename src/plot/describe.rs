//! A plot in words, for a student who cannot see it. The description is the plot for a blind
//! student, so every number in it is a fact about the function, not about pixels: the
//! sampler's findings (the drawn pieces and their breaks, the same ones the plot draws) say
//! where to look, and the function's own program, evaluated at the stated x, says what is
//! there. Zeros are refined by bisection, turning points (where the slope changes sign, never
//! a pole) by golden-section search, limits at breaks from both sides; positions that the
//! function shows to be exact are snapped to 0, whole numbers or simple multiples of π, and
//! heights that are round-off next to the plot's scale read 0. Pure, tested natively
//! (`tests/describe.rs` checks a corpus of functions against a fine grid).
//!
//! [`facts`] finds the facts; [`words`] says them; [`describe_curve`] does both.

use crate::math::eval::Program;
use crate::math::sample::{auto_y_range, BreakKind, Samples};

use super::format::value;

/// At most this many zeros, turning points or breaks are named; beyond that they are counted.
pub const MAX_NAMED: usize = 4;

/// A position on the x axis as it is said: `x` itself and how it reads ("π/2", "0.368").
#[derive(Clone, Debug, PartialEq)]
pub struct Position {
    pub x: f64,
    pub text: String,
}

/// A turning point: where the slope changes sign, with f's value there.
#[derive(Clone, Debug, PartialEq)]
pub struct Turn {
    pub at: Position,
    pub y: f64,
    pub high: bool,
}

/// How the curve meets one end of what is drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum End {
    /// Drawn up to `at`, where f has the value `y` (the edge of the view, or the edge of f's
    /// domain where f is still defined, as √x at 0).
    Value { at: Position, y: f64 },
    /// f is undefined at `at` and runs off the plot next to it (ln x at 0): `up` when it
    /// climbs off the top.
    RunsOff { at: Position, up: bool },
    /// f is undefined at `at` but tends to `y` there.
    Approaches { at: Position, y: f64 },
    /// f is undefined at `at` and has no limit there that the plot shows (x^x·(ln x + 1)
    /// falls slowly, without bound, as x → 0): it keeps falling (or rising) towards it.
    Unsettled { at: Position, falling: bool },
}

/// One interval on which the curve is drawn without a gap in f's domain (breaks do not cut
/// it; places where f is undefined on a whole stretch do).
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    pub from: Position,
    pub to: Position,
    pub from_closed: bool,
    pub to_closed: bool,
}

/// A break the plot draws: a hole, a jump or a vertical asymptote, with the limits that
/// really exist on either side.
#[derive(Clone, Debug, PartialEq)]
pub struct BreakFact {
    pub at: Position,
    pub kind: BreakWord,
    pub left: Option<f64>,
    pub right: Option<f64>,
    /// f's own value at the break (a jump's filled circle).
    pub value: Option<f64>,
}

/// What a break is called.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BreakWord {
    Hole,
    Jump,
    /// f runs off to infinity on at least one side.
    Asymptote,
    /// No limit, and no run to infinity either (sin(1/x) at 0).
    NoLimit,
}

/// A stretch where f is constant (relu for x < 0).
#[derive(Clone, Debug, PartialEq)]
pub struct Flat {
    pub from: Position,
    pub to: Position,
    pub y: f64,
}

/// Everything the description says, as data.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Facts {
    pub pieces: Vec<Piece>,
    /// The whole view is drawn (no gap in the domain).
    pub everywhere: bool,
    pub constant: Option<f64>,
    pub zeros: Vec<Position>,
    /// How many zeros there are in all (more than `zeros` holds when there are many).
    pub zero_count: usize,
    pub turns: Vec<Turn>,
    pub turn_count: usize,
    pub flats: Vec<Flat>,
    pub left: Option<End>,
    pub right: Option<End>,
    pub breaks: Vec<BreakFact>,
    pub break_count: usize,
}

/// The view: its x range, the y range the plot shows, and the tolerances that follow.
struct Scale {
    width: f64,
    y_lo: f64,
    y_hi: f64,
    /// Every sample, in increasing x: the size of the curve near a point.
    points: Vec<(f64, f64)>,
}

impl Scale {
    fn span(&self) -> f64 {
        self.y_hi - self.y_lo
    }

    /// Two heights differ by no more than round-off: relative to their own size and to the
    /// plot's (a sample range that includes 10²³ beside a pole does not make 12 and 13 equal).
    fn same(&self, a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-10 * (a.abs() + b.abs()) + 1e-300
    }

    /// Two heights are one value (a flat stretch): equal but for the last digits.
    fn flat(&self, a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12 * (a.abs() + b.abs()) + 1e-300
    }

    /// Heights that are round-off next to the size of the curve around x read 0: the
    /// largest |f| sampled within 0.2% of the view (so 10²³ beside a pole far away, or the
    /// plot's whole range, never rounds a real 0.04 to 0).
    fn zero(&self, x: f64) -> f64 {
        let r = 0.002 * self.width;
        let from = self.points.partition_point(|p| p.0 < x - r);
        let to = self.points.partition_point(|p| p.0 <= x + r);
        1e-10
            * self.points[from..to]
                .iter()
                .fold(0.0f64, |m, p| m.max(p.1.abs()))
    }

    fn height(&self, x: f64, y: f64) -> f64 {
        if y.abs() < self.zero(x) {
            0.0
        } else {
            y
        }
    }

    /// How x is said (see [`position`]).
    fn position(&self, x: f64, tol: f64, exact: impl Fn(f64) -> bool) -> Position {
        say(x, self.width, tol, exact)
    }
}

/// How a position found on a plot `width` wide is said: snapped to a whole number or a
/// simple multiple of π within `tol` when `exact` agrees that the snapped point has the
/// property found (a zero is a zero there too), else rounded to a ten-thousandth of the view.
fn say(x: f64, width: f64, tol: f64, exact: impl Fn(f64) -> bool) -> Position {
    for (c, text) in candidates(x) {
        if (c - x).abs() <= tol && exact(c) {
            return Position { x: c, text };
        }
    }
    let step = 10f64.powf((width / 1e4).log10().floor());
    let rounded = (x / step).round() * step;
    Position {
        x,
        text: value(if rounded == 0.0 { 0.0 } else { rounded }),
    }
}

/// Where `g` changes sign (a zero of f′ at a turn, of f″ at an inflection point), said as
/// [`facts`] says positions on a view of `x_range`: `x` located by bisection to within about
/// 10⁻⁹ of the view, snapped where g changes sign around the exact value too.
pub fn sign_change(x: f64, x_range: (f64, f64), g: impl Fn(f64) -> f64) -> Position {
    let width = (x_range.1 - x_range.0).abs();
    let d = 1e-6 * width;
    say(x, width, 1e-8 * width, |c| {
        let (l, r) = (g(c - d), g(c + d));
        l * r < 0.0 && (g(x - d) * l > 0.0)
    })
}

/// The exact values a position may be snapped to, nearest kinds first: the whole number
/// nearest x, then kπ/d for d = 1, 2, 3, 4, 6.
fn candidates(x: f64) -> Vec<(f64, String)> {
    let mut out = Vec::new();
    let n = x.round();
    if n.abs() < 1e9 {
        out.push((n + 0.0, value(n + 0.0)));
    }
    for d in [1i64, 2, 3, 4, 6] {
        let k = (x * d as f64 / std::f64::consts::PI).round() as i64;
        if k == 0 || k.abs() > 48 {
            continue;
        }
        let g = gcd(k.unsigned_abs(), d as u64) as i64;
        let (k, d) = (k / g, d / g);
        let sign = if k < 0 { "−" } else { "" };
        let k_text = match k.abs() {
            1 => String::new(),
            m => m.to_string(),
        };
        let text = if d == 1 {
            format!("{sign}{k_text}π")
        } else {
            format!("{sign}{k_text}π/{d}")
        };
        out.push((k as f64 * std::f64::consts::PI / d as f64, text));
    }
    out
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// `p` at every x of `xs`: one batched evaluation (a program evaluated point by point costs
/// its whole set-up each time).
fn eval_all(p: &Program, xs: &[f64]) -> Vec<f64> {
    let mut out = vec![0.0; xs.len()];
    p.eval_slice(xs, &mut out);
    out
}

/// The zeros of `p` in brackets `(a, p(a), b)` where p changes sign, all at once by
/// bisection, to 10⁻¹⁴ of the view (or as far as p stays defined).
fn bisect_all(p: &Program, brackets: &mut [(f64, f64, f64)], width: f64) -> Vec<f64> {
    for _ in 0..48 {
        let live: Vec<usize> = (0..brackets.len())
            .filter(|&i| brackets[i].2 - brackets[i].0 > 1e-14 * width)
            .collect();
        if live.is_empty() {
            break;
        }
        let mids: Vec<f64> = live
            .iter()
            .map(|&i| 0.5 * (brackets[i].0 + brackets[i].2))
            .collect();
        for (&i, (&m, fm)) in live.iter().zip(mids.iter().zip(eval_all(p, &mids))) {
            let (a, fa, b) = &mut brackets[i];
            if fm == 0.0 || !fm.is_finite() {
                (*a, *b) = (m, m);
            } else if fm.signum() == fa.signum() {
                (*a, *fa) = (m, fm);
            } else {
                *b = m;
            }
        }
    }
    brackets.iter().map(|&(a, _, b)| 0.5 * (a + b)).collect()
}

/// A turn to refine: the bracket [a, b] around the extreme sample `best`, and which way.
#[derive(Clone, Copy)]
struct Candidate {
    a: f64,
    b: f64,
    best: (f64, f64),
    high: bool,
}

/// The highest (or lowest) point of `p` in each candidate's bracket by golden-section
/// search, all at once, to 10⁻⁹ of the view; only defined values count, and the result is
/// never worse than the best sample.
fn extrema_all(p: &Program, cands: &[Candidate], width: f64) -> Vec<(f64, f64)> {
    let better = |c: &Candidate, y: f64, than: f64| if c.high { y > than } else { y < than };
    let r = 0.5 * (5f64.sqrt() - 1.0);
    let mut best: Vec<(f64, f64)> = cands.iter().map(|c| c.best).collect();
    // Each search: its interval [a, b] and the interior points c < d with their values.
    let mut state: Vec<[f64; 6]> = cands
        .iter()
        .map(|k| {
            let (c, d) = (k.b - r * (k.b - k.a), k.a + r * (k.b - k.a));
            [k.a, k.b, c, d, f64::NAN, f64::NAN]
        })
        .collect();
    let xs: Vec<f64> = state.iter().flat_map(|s| [s[2], s[3]]).collect();
    let ys = eval_all(p, &xs);
    for (i, s) in state.iter_mut().enumerate() {
        (s[4], s[5]) = (ys[2 * i], ys[2 * i + 1]);
    }
    let mut live: Vec<usize> = (0..cands.len()).collect();
    for _ in 0..60 {
        live.retain(|&i| {
            let s = &state[i];
            s[4].is_finite() && s[5].is_finite() && s[1] - s[0] > 1e-9 * width
        });
        if live.is_empty() {
            break;
        }
        let mut next = Vec::with_capacity(live.len());
        for &i in &live {
            let k = &cands[i];
            let [a, b, c, d, fc, fd] = state[i];
            for (x, y) in [(c, fc), (d, fd)] {
                if better(k, y, best[i].1) {
                    best[i] = (x, y);
                }
            }
            state[i] = if better(k, fc, fd) {
                // Keep [a, d]: d moves to c, a new c.
                let c2 = d - r * (d - a);
                next.push(c2);
                [a, d, c2, c, f64::NAN, fc]
            } else {
                let d2 = c + r * (b - c);
                next.push(d2);
                [c, b, d, d2, fd, f64::NAN]
            };
        }
        for (&i, y) in live.iter().zip(eval_all(p, &next)) {
            let s = &mut state[i];
            if s[4].is_nan() {
                s[4] = y;
            } else {
                s[5] = y;
            }
        }
    }
    best
}

/// The limit of `p` at `x` from one side (`dir` = −1 left, +1 right), if it exists, to the
/// precision a description prints: p at x ± 10⁻ᵏ of the view for k = 2 … 12 must settle (the
/// steps between neighbours shrink to round-off); the value where they are smallest is the
/// limit, and a limit within its own uncertainty of 0 is 0 (x·ln x at 0⁺). A run to infinity
/// or an oscillation has none.
fn limit(p: &Program, x: f64, dir: f64, width: f64) -> Option<f64> {
    let xs: Vec<f64> = (2..=12).map(|k| x + dir * width * 10f64.powi(-k)).collect();
    let vs = eval_all(p, &xs);
    if vs.iter().any(|v| !v.is_finite()) {
        return None;
    }
    // Closer points agree better until round-off takes over: stop at the best agreement.
    let steps: Vec<f64> = vs.windows(2).map(|w| (w[1] - w[0]).abs()).collect();
    let k = (0..steps.len())
        .find(|&k| k + 1 == steps.len() || steps[k + 1] >= steps[k])
        .unwrap_or(0);
    let step = steps[k];
    let v = vs[k + 1];
    if step > 1e-6 * (1.0 + v.abs()) {
        return None;
    }
    Some(if v.abs() <= 10.0 * step { 0.0 } else { v })
}

/// Finds what a plot of `samples` (drawn from `program` over `x_range`) shows.
pub fn facts(samples: &Samples, program: &Program, x_range: (f64, f64)) -> Facts {
    let (lo, hi) = (x_range.0.min(x_range.1), x_range.0.max(x_range.1));
    let width = (hi - lo).max(f64::MIN_POSITIVE);
    // A single defined point is not drawn, so it is not described.
    let segs: Vec<&[(f64, f64)]> = samples
        .segments
        .iter()
        .filter(|s| s.len() >= 2)
        .map(|s| s.as_slice())
        .collect();
    if segs.is_empty() {
        return Facts::default();
    }
    let (y_lo, y_hi) = auto_y_range(samples, lo, hi);
    let span = (y_hi - y_lo)
        .abs()
        .max(y_lo.abs())
        .max(y_hi.abs())
        .max(1e-300);
    let scale = Scale {
        width,
        y_lo,
        y_hi: y_lo + span.max(y_hi - y_lo),
        points: segs.iter().flat_map(|s| s.iter().copied()).collect(),
    };
    let f = |x: f64| eval_all(program, &[x])[0];
    let mut out = Facts::default();

    // Pieces of the domain: segments joined across the breaks between them.
    let has_break_between = |a: f64, b: f64| {
        samples
            .breaks
            .iter()
            .any(|k| k.x >= a - 1e-9 * width && k.x <= b + 1e-9 * width)
    };
    let edge = |x: f64| (x - lo).abs() <= 1e-9 * width || (x - hi).abs() <= 1e-9 * width;
    // A domain edge found at x (on the drawn side) is at c when f is defined all the way
    // from x to c: c lies beyond x, away from the drawn side `inward`.
    let edge_position = |x: f64, inward: f64| {
        if edge(x) {
            let x = if (x - lo).abs() < (x - hi).abs() {
                lo
            } else {
                hi
            };
            return Position { x, text: value(x) };
        }
        scale.position(x, 1e-7 * width, |c| {
            c == x
                || ((x - c) * inward > 0.0
                    && f(0.5 * (c + x)).is_finite()
                    && f(c + 0.01 * (x - c)).is_finite())
        })
    };
    let mut start = segs[0][0].0;
    for (i, seg) in segs.iter().enumerate() {
        let end = seg[seg.len() - 1].0;
        let next = segs.get(i + 1).map(|s| s[0].0);
        if next.is_some_and(|n| has_break_between(end, n)) {
            continue;
        }
        let (from, to) = (edge_position(start, 1.0), edge_position(end, -1.0));
        out.pieces.push(Piece {
            from_closed: f(from.x).is_finite(),
            to_closed: f(to.x).is_finite(),
            from,
            to,
        });
        if let Some(n) = next {
            start = n;
        }
    }
    out.everywhere =
        out.pieces.len() == 1 && edge(segs[0][0].0) && edge(segs[segs.len() - 1].last().unwrap().0);

    // The ends of what is drawn.
    // `inward` points from the end into the drawn curve.
    // `near` is the drawn end and `next` the sample beside it.
    let end_at = |near: (f64, f64), next: f64, pos: Position, inward: f64| -> End {
        let y = f(pos.x);
        if y.is_finite() {
            End::Value {
                y: scale.height(pos.x, y),
                at: pos,
            }
        } else if near.1 > scale.y_hi + scale.span() {
            End::RunsOff { at: pos, up: true }
        } else if near.1 < scale.y_lo - scale.span() {
            End::RunsOff { at: pos, up: false }
        } else {
            match limit(program, pos.x, inward, width) {
                Some(y) => End::Approaches {
                    y: scale.height(pos.x, y),
                    at: pos,
                },
                None => End::Unsettled {
                    at: pos,
                    falling: near.1 < next,
                },
            }
        }
    };
    let (first, last) = (segs[0][0], *segs[segs.len() - 1].last().unwrap());
    let (after_first, before_last) = (
        segs[0][1].1,
        segs[segs.len() - 1][segs[segs.len() - 1].len() - 2].1,
    );
    out.left = Some(end_at(first, after_first, edge_position(first.0, 1.0), 1.0));
    out.right = Some(end_at(last, before_last, edge_position(last.0, -1.0), -1.0));

    // Flat stretches, zeros and turning points, piece by piece.
    let min_flat = 0.01 * width;
    let mut zeros: Vec<f64> = Vec::new();
    let mut brackets: Vec<(f64, f64, f64)> = Vec::new();
    let mut turns: Vec<(f64, f64, bool, f64, f64)> = Vec::new(); // sample, high, bracket
    for seg in &segs {
        let seg_turns = turns.len();
        let mut run_start = 0;
        let mut last_dir = 0.0;
        let mut last_move = 0usize; // index where the last non-flat window started
        for i in 0..seg.len() {
            // Flat runs.
            let flat_next = i + 1 < seg.len() && scale.flat(seg[i + 1].1, seg[run_start].1);
            if !flat_next {
                if seg[i].0 - seg[run_start].0 >= min_flat && i > run_start {
                    out.flats.push(Flat {
                        from: scale.position(seg[run_start].0, 0.0, |_| false),
                        to: scale.position(seg[i].0, 0.0, |_| false),
                        y: scale.height(seg[run_start].0, seg[run_start].1),
                    });
                }
                run_start = i + 1;
            }
            if i + 1 >= seg.len() {
                break;
            }
            let ((x0, y0), (x1, y1)) = (seg[i], seg[i + 1]);
            // Zeros: a sample at 0 (not inside a flat run at 0), or a sign change.
            if y0 == 0.0 && !(i > 0 && seg[i - 1].1 == 0.0) {
                zeros.push(x0);
            } else if y0 != 0.0 && y1 != 0.0 && y0.signum() != y1.signum() {
                brackets.push((x0, y0, x1));
            }
            if scale.same(y0, y1) {
                continue;
            }
            let dir = (y1 - y0).signum();
            if last_dir != 0.0 && dir != last_dir {
                let flat_between = seg[i].0 - seg[last_move + 1].0 >= min_flat;
                if !flat_between {
                    let a = seg[last_move].0;
                    let b = x1;
                    // The extreme sample between the two moves.
                    let k = (last_move + 1..=i)
                        .max_by(|&p, &q| {
                            let (yp, yq) = (seg[p].1, seg[q].1);
                            if last_dir > 0.0 {
                                yp.total_cmp(&yq)
                            } else {
                                yq.total_cmp(&yp)
                            }
                        })
                        .unwrap_or(i);
                    turns.push((seg[k].0, seg[k].1, last_dir > 0.0, a, b));
                }
            }
            last_dir = dir;
            last_move = i;
        }
        // A wiggle whose rise or fall spans less than a hundred-thousandth of the view is
        // round-off (1 − cos x near 0), not a turn anyone could see or the function has.
        let found = &mut turns[seg_turns..];
        let keep: Vec<bool> = (0..found.len())
            .map(|k| {
                let before = if k == 0 { seg[0].0 } else { found[k - 1].0 };
                let after = found.get(k + 1).map_or(seg[seg.len() - 1].0, |t| t.0);
                found[k].0 - before >= 1e-5 * width && after - found[k].0 >= 1e-5 * width
            })
            .collect();
        let mut k = 0;
        turns.retain(|_| {
            k += 1;
            k <= seg_turns || keep[k - 1 - seg_turns]
        });
        if let Some(&(x, y)) = seg.last() {
            if y == 0.0 && seg[seg.len() - 2].1 != 0.0 {
                zeros.push(x);
            }
        }
    }
    out.constant = (out.pieces.len() == 1
        && segs.len() == 1
        && segs[0].iter().all(|p| scale.flat(p.1, segs[0][0].1)))
    .then(|| {
        let mid = 0.5 * (segs[0][0].0 + segs[0][segs[0].len() - 1].0);
        scale.height(mid, f(mid))
    });
    if out.constant.is_some() {
        out.flats.clear();
    }

    zeros.extend(bisect_all(program, &mut brackets, width));
    // Next to a break the samples are round-off (1 − cos x over x² at 0): what is found
    // there is the break, described below, not a zero or a turn of the function.
    let near_break = |x: f64| {
        samples
            .breaks
            .iter()
            .any(|b| (b.x - x).abs() <= 1e-4 * width)
    };
    zeros.retain(|&z| !near_break(z));
    turns.retain(|t| !near_break(t.0));
    // Turning points refined on the function itself; a touch of zero is a zero too.
    out.turn_count = turns.len();
    // Past the named ones, only lows above 0 and highs below it can touch 0 (|sin x|).
    let picked: Vec<usize> = (0..turns.len())
        .filter(|&k| {
            let (_, y, high, _, _) = turns[k];
            k <= MAX_NAMED || (y >= 0.0) != high
        })
        .collect();
    let cands: Vec<Candidate> = picked
        .iter()
        .map(|&k| {
            let (x, y, high, a, b) = turns[k];
            Candidate {
                a,
                b,
                best: (x, y),
                high,
            }
        })
        .collect();
    for (&k, (x, y)) in picked.iter().zip(extrema_all(program, &cands, width)) {
        let high = turns[k].2;
        let at = scale.position(x, 1e-6 * width, |c| {
            let v = f(c);
            v.is_finite() && (scale.same(v, y) || if high { v >= y } else { v <= y })
        });
        let y = scale.height(at.x, if at.x == x { y } else { f(at.x) });
        if y == 0.0 {
            zeros.push(at.x);
        }
        if k <= MAX_NAMED {
            out.turns.push(Turn { at, y, high });
        }
    }

    // Breaks, with the limits that exist and the value at a jump.
    for b in &samples.breaks {
        let at = match b.kind {
            BreakKind::Jump if b.value.is_some() => Position {
                x: b.x,
                text: scale.position(b.x, 0.0, |_| false).text,
            },
            // A jump is at c if f has its two sides there (|sin x|′ at the float π is −1,
            // but its sides are −1 and 1); the sampler pins it to 10⁻⁹ of the view.
            BreakKind::Jump => scale.position(b.x, 1e-9 * width, |c| {
                let close = |l: Option<f64>, side: Option<f64>| match (l, side) {
                    (Some(l), Some(s)) => (l - s).abs() <= 1e-6 * (1.0 + s.abs()),
                    _ => false,
                };
                close(limit(program, c, -1.0, width), b.left)
                    && close(limit(program, c, 1.0, width), b.right)
            }),
            _ => scale.position(b.x, 1e-7 * width, |c| {
                let v = f(c);
                !v.is_finite() || (b.kind == BreakKind::Pole && v.abs() > 1e12 * scale.span())
            }),
        };
        if !(lo..=hi).contains(&at.x) {
            continue;
        }
        let side = |dir: f64| limit(program, at.x, dir, width).map(|v| scale.height(at.x, v));
        let (left, right) = (side(-1.0), side(1.0));
        let blows_up = |dir: f64| {
            let v = f(at.x + dir * 1e-7 * width);
            !v.is_finite() || v.abs() > 1e3 * scale.span() + scale.y_hi.abs().max(scale.y_lo.abs())
        };
        let kind = match b.kind {
            BreakKind::Removable => BreakWord::Hole,
            BreakKind::Jump => BreakWord::Jump,
            BreakKind::Pole if blows_up(-1.0) || blows_up(1.0) => BreakWord::Asymptote,
            BreakKind::Pole => BreakWord::NoLimit,
        };
        let value = b.value.map(|v| scale.height(at.x, v));
        if value == Some(0.0) {
            zeros.push(at.x);
        }
        let (left, right) = match kind {
            BreakWord::Asymptote | BreakWord::NoLimit => (None, None),
            _ => (left, right),
        };
        out.breaks.push(BreakFact {
            at,
            kind,
            left,
            right,
            value,
        });
    }
    out.break_count = out.breaks.len();
    out.breaks.truncate(MAX_NAMED + 1);

    // Zeros in order, one per place, said exactly where they are exact.
    crate::math::sort::sort_by(&mut zeros, |a, b| a.total_cmp(b));
    zeros.dedup_by(|a, b| (*a - *b).abs() <= 1e-6 * width);
    zeros.retain(|&z| {
        !out.flats
            .iter()
            .any(|fl| fl.y == 0.0 && z >= fl.from.x && z <= fl.to.x)
    });
    out.zero_count = zeros.len();
    out.zeros = zeros
        .iter()
        .take(MAX_NAMED + 1)
        .map(|&z| {
            let tol = 1e-7 * width;
            scale.position(z, tol, |c| f(c).abs() <= scale.zero(c))
        })
        .collect();
    out.zeros.dedup_by(|a, b| a.text == b.text);
    out
}

/// Lists `items` as "a, b and c".
fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The facts in sentences; heights are called `f` when the variable itself is y (a slice of
/// f(x, y)), else y.
pub fn words(facts: &Facts, x_range: (f64, f64), var: &str) -> String {
    let h = if var == "y" { "f" } else { "y" };
    if facts.pieces.is_empty() {
        return format!(
            "Undefined everywhere on {} ≤ {var} ≤ {}.",
            value(x_range.0),
            value(x_range.1)
        );
    }
    let at = |p: &Position| format!("{var} = {}", p.text);
    let mut s = Vec::new();
    if !facts.everywhere {
        let pieces: Vec<String> = facts
            .pieces
            .iter()
            .map(|p| {
                format!(
                    "{} {} {var} {} {}",
                    p.from.text,
                    if p.from_closed { "≤" } else { "<" },
                    if p.to_closed { "≤" } else { "<" },
                    p.to.text
                )
            })
            .collect();
        if pieces.len() > 3 {
            s.push(format!(
                "Drawn in {} separate pieces (undefined in between), the first from {} to {}.",
                pieces.len(),
                at(&facts.pieces[0].from),
                at(&facts.pieces[0].to)
            ));
        } else {
            s.push(format!(
                "Drawn only for {} (undefined elsewhere in view).",
                list(&pieces)
            ));
        }
    }
    if let Some(c) = facts.constant {
        s.push(format!("Constant at {h} = {}.", value(c)));
    } else {
        let zeros: Vec<String> = facts.zeros.iter().map(at).collect();
        let flat_at_zero = facts.flats.iter().any(|fl| fl.y == 0.0);
        s.push(match facts.zero_count {
            0 if flat_at_zero => String::new(),
            0 => "Never crosses zero here.".to_string(),
            1 => format!("Has a zero at {}.", zeros[0]),
            n if n > MAX_NAMED => format!("Has {n} zeros, the first at {}.", zeros[0]),
            _ => format!("Has zeros at {}.", list(&zeros)),
        });
        let turns: Vec<String> = facts
            .turns
            .iter()
            .map(|t| {
                format!(
                    "{} ({} point, {h} = {})",
                    at(&t.at),
                    if t.high { "a high" } else { "a low" },
                    value(t.y)
                )
            })
            .collect();
        match facts.turn_count {
            0 => {}
            1 => s.push(format!("Has a turning point at {}.", turns[0])),
            n if n > MAX_NAMED => s.push(format!(
                "Has {n} turning points, the first at {}.",
                turns[0]
            )),
            _ => s.push(format!("Has turning points at {}.", list(&turns))),
        }
        let flat = |fl: &Flat| {
            format!(
                "at {h} = {} from {} to {}",
                value(fl.y),
                at(&fl.from),
                at(&fl.to)
            )
        };
        match facts.flats.len() {
            0 => {}
            n if n > MAX_NAMED => s.push(format!(
                "Flat on {n} stretches, the first {}.",
                flat(&facts.flats[0])
            )),
            _ => s.extend(facts.flats.iter().map(|fl| format!("Flat {}.", flat(fl)))),
        }
        let end = |e: &End| match e {
            End::Value { at: p, y } => format!("{h} = {} at {}", value(*y), at(p)),
            End::RunsOff { at: p, up } => format!(
                "near {} it {} the plot",
                at(p),
                if *up {
                    "rises off the top of"
                } else {
                    "falls off the bottom of"
                }
            ),
            End::Approaches { at: p, y } => format!(
                "it approaches {h} = {} near {} (undefined at {} itself)",
                value(*y),
                at(p),
                at(p)
            ),
            End::Unsettled { at: p, falling } => format!(
                "undefined at {}, and it keeps {} as it nears it, with no limit in view",
                at(p),
                if *falling { "falling" } else { "rising" }
            ),
        };
        if let (Some(l), Some(r)) = (&facts.left, &facts.right) {
            s.push(format!("Left end: {}. Right end: {}.", end(l), end(r)));
        }
    }
    let breaks: Vec<String> = facts
        .breaks
        .iter()
        .map(|b| {
            let num = |v: Option<f64>| match v {
                Some(v) => format!("{h} = {}", value(v)),
                None => "no limit".into(),
            };
            match b.kind {
                BreakWord::Hole => match b.left.or(b.right) {
                    Some(v) => format!(
                        "a hole at {} (the curve tends to {h} = {} there)",
                        at(&b.at),
                        value(v)
                    ),
                    None => format!("a hole at {}", at(&b.at)),
                },
                BreakWord::Jump => {
                    let there = b
                        .value
                        .map(|v| format!("; {h} = {} at {} itself", value(v), at(&b.at)))
                        .unwrap_or_default();
                    format!(
                        "a jump at {} (from {} on the left to {} on the right{there})",
                        at(&b.at),
                        num(b.left),
                        num(b.right)
                    )
                }
                BreakWord::Asymptote => format!("a vertical asymptote at {}", at(&b.at)),
                BreakWord::NoLimit => {
                    format!("no limit at {} (it oscillates there)", at(&b.at))
                }
            }
        })
        .collect();
    match facts.break_count {
        0 => {}
        n if n > MAX_NAMED => s.push(format!(
            "It has {n} breaks (holes, jumps or asymptotes), the first {}.",
            breaks[0]
        )),
        _ => s.push(format!("It has {}.", list(&breaks))),
    }
    s.retain(|t| !t.is_empty());
    s.join(" ")
}

/// The shape of a sampled curve over `x_range` in a few sentences: "Has zeros at x = −1 and
/// x = 1. Has a turning point at x = 0 (a low point, y = −1). Left end: y = 8 at x = −3. Right
/// end: y = 8 at x = 3."
pub fn describe_curve(
    samples: &Samples,
    program: &Program,
    x_range: (f64, f64),
    var: &str,
) -> String {
    words(&facts(samples, program, x_range), x_range, var)
}

/// The error plot of the numerical-differentiation table in words: for each quotient, its
/// smallest error |Q(h) − f′(x₀)| over the table's steps and the h where it falls, which is
/// what the picture shows (where each line bottoms out). An error of exactly 0 is said as
/// such: a log scale cannot draw it.
pub fn quotient_errors(rows: &[crate::math::numeric::QuotientRow], exact: f64) -> String {
    use super::format::{precise, step};
    use crate::math::numeric::Method;
    let mut parts = Vec::new();
    let mut zero = false;
    for m in Method::ALL {
        let best = rows
            .iter()
            .map(|r| (r.h, (r.get(m) - exact).abs()))
            .filter(|(_, e)| e.is_finite())
            .min_by(|a, b| a.1.total_cmp(&b.1));
        parts.push(match best {
            Some((h, e)) => {
                zero |= e == 0.0;
                format!("{} {} at h = {}", m.name(), precise(e, 2), step(h))
            }
            None => format!("{} not computable", m.name()),
        });
    }
    let tail = if zero {
        " (an error of 0 is exact, and off the log scale)"
    } else {
        ""
    };
    format!("Smallest errors: {}{tail}.", parts.join(", "))
}
