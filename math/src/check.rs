//! Is a student's derivative right? The answer is compared with the engine's derivative on
//! the domain of f: first symbolically (their difference simplifies to 0), then at points
//! spread over several scales where f and f′ are defined. A point where they differ is the
//! counterexample, with both values; the nicest such point is chosen (x = −1 before
//! x = −0.37), so a student can check it by hand. Other letters (a in `a x^2`) are
//! constants: each is given a few values, and the answer must hold for all of them.
//!
//! False negatives (a right answer called wrong) are worse than false positives in
//! teaching: agreement is judged with a tolerance that allows for round-off in both
//! formulas, relative for large values and absolute near 0.

use crate::ast::Expr;
use crate::diff::differentiate;
use crate::eval::Program;
use crate::simplify::simplify;

/// Where the two differ, first in the order of [`POINTS`].
#[derive(Clone, Debug, PartialEq)]
pub struct Counterexample {
    pub x: f64,
    /// The values of the other letters there (name, value), if f has any.
    pub constants: Vec<(String, f64)>,
    /// f′(x) by the engine.
    pub expected: f64,
    /// The answer's value (NaN: the answer is not defined there).
    pub got: f64,
}

/// The judgement of an answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// Equal wherever f′ is defined; `holes` lists points where the answer is undefined
    /// though f′ is not (`2x^2/x` at 0): right, with a note.
    Right {
        holes: Vec<f64>,
    },
    Wrong(Counterexample),
    /// f′ is defined at too few of the points to judge (`(-2)^x`, defined at integers only;
    /// `ln(-x^2 - 1)`, nowhere).
    Undecided,
}

/// The points tried, nicest first: small integers, halves, then other scales. None is a
/// round number where many functions have poles or kinks (0), and every scale from 0.01
/// to 100 appears on both sides.
pub const POINTS: [f64; 34] = [
    1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, -3.0, 1.5, -1.5, 0.25, -0.25, 5.0, -5.0, 0.1, -0.1, 10.0,
    -10.0, 0.75, 2.5, -2.5, 0.37, -0.73, 7.3, -13.0, 0.01, 42.0, -100.0, 4.0, 1.25, 6.0, 20.0, 0.6,
    -0.9,
];

/// Values given to other letters, each set tried in turn (two sets: a coincidence at one
/// value does not pass).
const CONSTANTS: [f64; 2] = [1.7, -0.6];

/// At least this many points where f′ is defined are needed to call an answer right.
const ENOUGH: usize = 12;

/// a and b agree, allowing for the round-off of two different formulas.
pub fn agree(a: f64, b: f64) -> bool {
    if a.is_nan() || b.is_nan() {
        return a.is_nan() && b.is_nan();
    }
    if a.is_infinite() || b.is_infinite() {
        return a == b;
    }
    (a - b).abs() <= 1e-9 * (1.0 + a.abs().max(b.abs()))
}

/// The letters other than `var` in the expressions, in order of appearance.
fn letters(exprs: &[&Expr], var: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in exprs.iter().flat_map(|e| e.variables()) {
        if v != var && !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// The points tried, x first and then a value for each other letter (a different one per
/// letter, so a·b is not a²), for each set of constants.
fn grid(letters: usize) -> impl Iterator<Item = Vec<f64>> {
    let sets = if letters == 0 { 1 } else { CONSTANTS.len() };
    (0..sets).flat_map(move |set| {
        POINTS.iter().map(move |&x| {
            let mut p = vec![x];
            p.extend((0..letters).map(|i| CONSTANTS[set] + 0.31 * i as f64));
            p
        })
    })
}

fn compile(exprs: &[&Expr], var: &str, letters: &[String]) -> Vec<Program> {
    let mut names: Vec<&str> = vec![var];
    names.extend(letters.iter().map(String::as_str));
    exprs.iter().map(|e| Program::compile(e, &names)).collect()
}

/// `answer` equals `expected` (a derivative of f) at every point where f and `expected`
/// are defined, and there are enough of those to tell.
pub fn agree_on_points(f: &Expr, expected: &Expr, answer: &Expr, var: &str) -> bool {
    let letters = letters(&[f, answer], var);
    let p = compile(&[f, expected, answer], var, &letters);
    let mut defined = 0;
    for point in grid(letters.len()) {
        let (vf, ve) = (p[0].eval(&point), p[1].eval(&point));
        if !(vf.is_finite() && ve.is_finite()) {
            continue;
        }
        defined += 1;
        if !agree(ve, p[2].eval(&point)) && !is_hole(&p[2], &p[1], &point) {
            return false;
        }
    }
    defined >= ENOUGH / 2
}

/// (x, expected, answer) at every point where f and `expected` are defined (other letters
/// at their first values).
pub fn values_on_points(
    f: &Expr,
    expected: &Expr,
    answer: &Expr,
    var: &str,
) -> Vec<(f64, f64, f64)> {
    let letters = letters(&[f, answer], var);
    let p = compile(&[f, expected, answer], var, &letters);
    grid(letters.len())
        .take(POINTS.len())
        .filter(|point| p[0].eval(point).is_finite() && p[1].eval(point).is_finite())
        .map(|point| (point[0], p[1].eval(&point), p[2].eval(&point)))
        .collect()
}

/// Judges `answer` as the derivative of `f` with respect to `var`.
pub fn judge(f: &Expr, answer: &Expr, var: &str) -> Verdict {
    let derivative = differentiate(f, var).result;
    let letters = letters(&[f, answer], var);
    let p = compile(&[f, &derivative, answer], var, &letters);
    let (pf, pd, pa) = (&p[0], &p[1], &p[2]);
    // Symbolically equal: right without looking further (the points still find holes).
    let same = simplify(&Expr::sub(derivative.clone(), answer.clone())) == Expr::num(0.0);
    let mut defined = 0;
    for point in grid(letters.len()) {
        let (vf, vd) = (pf.eval(&point), pd.eval(&point));
        if !(vf.is_finite() && vd.is_finite()) {
            continue;
        }
        defined += 1;
        let va = pa.eval(&point);
        if !same && !agree(vd, va) && !is_hole(pa, pd, &point) {
            return Verdict::Wrong(Counterexample {
                x: point[0],
                constants: letters
                    .iter()
                    .cloned()
                    .zip(point[1..].iter().copied())
                    .collect(),
                expected: vd,
                got: va,
            });
        }
    }
    // No point where f′ is defined (f is defined at isolated points, or nowhere): there is
    // no derivative to check, even for the engine's own formula.
    if defined == 0 || (defined < ENOUGH && !same) {
        return Verdict::Undecided;
    }
    Verdict::Right {
        holes: holes(pa, pd, letters.len()),
    }
}

/// The answer is undefined at this point only, and agrees with f′ on both sides of it.
fn is_hole(pa: &Program, pd: &Program, point: &[f64]) -> bool {
    if pa.eval(point).is_finite() {
        return false;
    }
    let h = 1e-6 * (1.0 + point[0].abs());
    [-h, h].iter().all(|d| {
        let mut p = point.to_vec();
        p[0] += d;
        agree(pd.eval(&p), pa.eval(&p))
    })
}

/// Round points where the answer has a hole f′ does not: 0 and small integers.
fn holes(pa: &Program, pd: &Program, letters: usize) -> Vec<f64> {
    (-3..=3)
        .map(f64::from)
        .filter(|&x| {
            let mut p = vec![x];
            p.extend((0..letters).map(|i| CONSTANTS[0] + 0.31 * i as f64));
            pd.eval(&p).is_finite() && is_hole(pa, pd, &p)
        })
        .collect()
}
