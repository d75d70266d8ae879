//! Where a formula is defined, as far as simplification can change it: denominators must not
//! be 0 and logarithms need positive arguments. Simplifying `(x^2 + 2x + 1)/(x + 1)^2` to `1`
//! or `exp(ln(x))/x` to `1` is right only where the original was defined; `lost` finds those
//! conditions so the last step of a derivation can state them ("for x ≠ -1").

use super::ast::Expr;
use super::func::Func;
use super::print::to_text;
use super::simplify::simplify;

/// A condition for a formula to be defined.
#[derive(Clone, Debug, PartialEq)]
pub enum Condition {
    NonZero(Expr),
    Positive(Expr),
}

/// Most conditions collected from one formula (huge derivatives have hundreds of divisions).
const MAX_CONDITIONS: usize = 8;
/// Largest expression (in operations) a condition is stated about.
const MAX_CONDITION_OPS: usize = 24;

impl Condition {
    fn expr(&self) -> &Expr {
        match self {
            Condition::NonZero(e) | Condition::Positive(e) => e,
        }
    }

    fn implied_by(&self, others: &[Condition]) -> bool {
        others.iter().any(|o| {
            o == self
                || matches!((self, o), (Condition::NonZero(a), Condition::Positive(b)) if a == b)
        })
    }

    /// The condition as a student reads it: `x ≠ -1`, `x > 0`, `sin(x) ≠ 0`.
    pub fn text(&self, var: &str) -> String {
        let e = self.expr();
        if let Some((a, b)) = linear(e, var) {
            let root = to_text(&simplify(&Expr::Num(-b / a)));
            return match self {
                Condition::NonZero(_) => format!("{var} ≠ {root}"),
                Condition::Positive(_) if a > 0.0 => format!("{var} > {root}"),
                Condition::Positive(_) => format!("{var} < {root}"),
            };
        }
        match self {
            Condition::NonZero(_) => format!("{} ≠ 0", to_text(e)),
            Condition::Positive(_) => format!("{} > 0", to_text(e)),
        }
    }
}

/// `a·var + b` when `e` is exactly that (with no other letters).
fn linear(e: &Expr, var: &str) -> Option<(f64, f64)> {
    if e.variables().iter().any(|v| v != var) {
        return None;
    }
    let at = |x: f64| super::eval::eval_at(e, &[(var, x)]);
    let (b, a) = (at(0.0), at(1.0) - at(0.0));
    let exact = a != 0.0
        && a.is_finite()
        && b.is_finite()
        && at(2.0) == 2.0 * a + b
        && at(-3.0) == b - 3.0 * a;
    exact.then_some((a, b))
}

/// The conditions under which `e` is defined (simplified, without repeats).
pub fn conditions(e: &Expr) -> Vec<Condition> {
    let mut out = Vec::new();
    collect(e, &mut out);
    out
}

fn push(c: Condition, out: &mut Vec<Condition>) {
    let e = c.expr();
    // Conditions on huge expressions help no student and cost a simplification each.
    if !e.has_variables() || out.len() >= MAX_CONDITIONS || e.op_count() > MAX_CONDITION_OPS {
        return;
    }
    // Only the bases matter: x^2 ≠ 0 is x ≠ 0, and a product is 0 when a factor is.
    if let Condition::NonZero(e) = &c {
        match e {
            Expr::Pow(b, k) if !k.has_variables() => {
                return push(Condition::NonZero((**b).clone()), out)
            }
            Expr::Mul(a, b) => {
                push(Condition::NonZero((**a).clone()), out);
                return push(Condition::NonZero((**b).clone()), out);
            }
            Expr::Neg(a) => return push(Condition::NonZero((**a).clone()), out),
            Expr::Call(Func::Abs | Func::Sinh | Func::Tanh, args) if args.len() == 1 => {
                return push(Condition::NonZero(args[0].clone()), out)
            }
            // tan(u) is 0 where sin(u) is, cot(u) where cos(u) is (where each is defined,
            // which `collect` states on its own); sec, csc, cosh, sech, csch and coth never are.
            Expr::Call(Func::Tan, args) if args.len() == 1 => {
                return push(
                    Condition::NonZero(Expr::call(Func::Sin, args[0].clone())),
                    out,
                )
            }
            Expr::Call(Func::Cot, args) if args.len() == 1 => {
                return push(
                    Condition::NonZero(Expr::call(Func::Cos, args[0].clone())),
                    out,
                )
            }
            Expr::Call(
                Func::Sec | Func::Csc | Func::Cosh | Func::Sech | Func::Csch | Func::Coth,
                _,
            ) => return,
            _ => {}
        }
    }
    let c = match c {
        Condition::NonZero(e) => Condition::NonZero(simplify(&e)),
        Condition::Positive(e) => Condition::Positive(simplify(&e)),
    };
    if !out.contains(&c) {
        out.push(c);
    }
}

fn collect(e: &Expr, out: &mut Vec<Condition>) {
    match e {
        Expr::Num(_) | Expr::Const(_) | Expr::Var(_) => {}
        Expr::Neg(a) => collect(a, out),
        Expr::Add(a, b) | Expr::Sub(a, b) | Expr::Mul(a, b) => {
            collect(a, out);
            collect(b, out);
        }
        Expr::Div(a, b) => {
            collect(a, out);
            collect(b, out);
            push(Condition::NonZero((**b).clone()), out);
        }
        Expr::Pow(b, k) => {
            collect(b, out);
            collect(k, out);
            if k.constant_value().is_some_and(|k| k < 0.0) {
                push(Condition::NonZero((**b).clone()), out);
            }
        }
        Expr::Call(f, args) => {
            args.iter().for_each(|a| collect(a, out));
            match (f, args.first()) {
                (Func::Ln | Func::Log | Func::Log10 | Func::Log2, Some(u)) => {
                    push(Condition::Positive(u.clone()), out)
                }
                (Func::Tan | Func::Sec, Some(u)) => {
                    push(Condition::NonZero(Expr::call(Func::Cos, u.clone())), out)
                }
                (Func::Cot | Func::Csc, Some(u)) => {
                    push(Condition::NonZero(Expr::call(Func::Sin, u.clone())), out)
                }
                // 1/tanh(u), 1/sinh(u) and asinh(1/u): sinh(u) is 0 only at u = 0.
                (Func::Coth | Func::Csch | Func::Acsch, Some(u)) => {
                    push(Condition::NonZero(u.clone()), out)
                }
                _ => {}
            }
        }
    }
}

/// Where a simplified derivative holds, when that is narrower than where it is defined: the
/// conditions of the raw derivative `raw` that the simplified `result` lost and that the
/// function `f` itself has (a derivative exists only where its function does). A condition
/// only the raw formula had (`x/|x|` inside the derivative of `x|x|`) is not one. `rewrites`
/// are parts of `f` the derivation differentiated in another form (`tan(x)cos(x)` as
/// `sin(x)`): what they lost is lost too.
pub fn stated(f: &Expr, raw: &Expr, result: &Expr, rewrites: &[(Expr, Expr)]) -> Vec<Condition> {
    let of_f = conditions(f);
    let mut out: Vec<Condition> = Vec::new();
    let found = rewrites
        .iter()
        .flat_map(|(before, after)| lost(before, after))
        .chain(lost(raw, result));
    for c in found {
        if c.implied_by(&of_f) && !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// The conditions of `before` that `after` no longer has: where `after` = `before` holds.
pub fn lost(before: &Expr, after: &Expr) -> Vec<Condition> {
    let kept = conditions(after);
    let lost: Vec<Condition> = conditions(before)
        .into_iter()
        .filter(|c| !c.implied_by(&kept))
        .collect();
    // `x > 0` already says `x ≠ 0`.
    lost.iter()
        .filter(|c| {
            !matches!(c, Condition::NonZero(_))
                || !c.implied_by(
                    &lost
                        .iter()
                        .filter(|o| *o != *c)
                        .cloned()
                        .collect::<Vec<_>>(),
                )
        })
        .cloned()
        .collect()
}

/// Points in `[lo, hi]` where a denominator of `f` (a function of `var` alone) is 0: the
/// candidates for holes a sampler can step over, such as 0 for `sin(x)/x` and -1 for
/// `(x^2 - 1)/(x + 1)`. Linear denominators give exact roots; others are found where they
/// change sign or touch 0 on a fine grid, refined by bisection.
pub fn denominator_zeros(f: &Expr, var: &str, lo: f64, hi: f64) -> Vec<f64> {
    let mut out: Vec<f64> = Vec::new();
    if !(lo < hi) || !lo.is_finite() || !hi.is_finite() {
        return out;
    }
    for c in conditions(f) {
        let Condition::NonZero(d) = c else { continue };
        if d.variables().iter().any(|v| v != var) {
            continue;
        }
        if let Some((a, b)) = linear(&d, var) {
            let r = -b / a;
            if lo < r && r < hi {
                out.push(r);
            }
            continue;
        }
        let program = super::eval::Program::compile(&d, &[var]);
        const N: usize = 512;
        let xs: Vec<f64> = (0..=N)
            .map(|i| lo + (hi - lo) * i as f64 / N as f64)
            .collect();
        let mut ys = vec![0.0; xs.len()];
        program.eval_slice(&xs, &mut ys);
        let scale = ys
            .iter()
            .filter(|y| y.is_finite())
            .fold(0.0f64, |m, y| m.max(y.abs()));
        for i in 0..N {
            let (mut a, mut b, ya, yb) = (xs[i], xs[i + 1], ys[i], ys[i + 1]);
            if ya == 0.0 {
                out.push(a);
                continue;
            }
            // A sign change between two finite values: a zero, or a pole of d (rejected below).
            if !(ya.is_finite() && yb.is_finite() && ya.signum() != yb.signum() && yb != 0.0) {
                continue;
            }
            let mut fa = ya;
            for _ in 0..80 {
                let m = 0.5 * (a + b);
                let fm = program.eval(&[m]);
                if !fm.is_finite() || m <= a || m >= b {
                    break;
                }
                if fm.signum() == fa.signum() {
                    a = m;
                    fa = fm;
                } else {
                    b = m;
                }
            }
            let r = if program.eval(&[a]).abs() <= program.eval(&[b]).abs() {
                a
            } else {
                b
            };
            if program.eval(&[r]).abs() <= 1e-9 * scale.max(1.0) {
                out.push(r);
            }
        }
    }
    super::sort::sort_by(&mut out, f64::total_cmp);
    out.dedup_by(|a, b| (*a - *b).abs() <= 1e-12 * (hi - lo));
    out
}
