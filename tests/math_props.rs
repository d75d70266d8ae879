#![cfg(not(target_arch = "wasm32"))]
//! Property tests for the math core (`slope::math`).
//!
//! * Derivatives are checked numerically against central finite differences, with a checker
//!   that respects conditioning (two step sizes; points where the two disagree, where `f` is
//!   undefined nearby or huge are skipped) and that is itself tested against deliberately wrong
//!   derivatives.
//! * One property per differentiation rule family, with generators aimed at that rule and, where
//!   one exists, an independent closed-form oracle.
//! * Simplification preserves value; printing round-trips through the parser; nothing panics on
//!   arbitrary input or arbitrary trees; MathML never lets user text become markup.
//!
//! Case counts are modest so the file runs in a few seconds in debug; set `PROPTEST_CASES` to
//! run every property longer (`PROPTEST_RNG_SEED` replays a run). Failures are not persisted
//! (no regression files are written). The last section pins down bugs these properties found:
//! fixed ones are regression tests, open ones are `#[ignore = "bug: …"]` (run them with
//! `cargo test --test math_props -- --ignored`). Generators leave out the few shapes those open
//! bugs make fail (see `derivative_known_undefined`), so the properties stay green and sharp.

use std::cell::Cell;
use std::fmt::Debug;
use std::time::Duration;

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::{TestCaseError, TestCaseResult, TestRunner};

use slope::math::diff::substitute;
use slope::math::func::{sigmoid, ALL, LEAKY_SLOPE};
use slope::math::layout::math_element;
use slope::math::{
    differentiate, eval_at, explain, parse, simplify, to_latex, to_mathml, to_text, to_unicode,
    Constant, Expr, Func, Kept, Order, Phase, Program, Rule, Segment, Step,
};

// ---------------------------------------------------------------------------------------------
// Running properties

/// `PROPTEST_CASES` overrides every property's case count.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

/// Runs a property with shrinking but without failure persistence (no files are written).
fn check<S>(name: &str, default_cases: u32, strategy: S, test: impl Fn(S::Value) -> TestCaseResult)
where
    S: Strategy,
    S::Value: Debug,
{
    let config = ProptestConfig {
        cases: cases(default_cases),
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    let mut runner = TestRunner::new(config);
    if let Err(e) = runner.run(&strategy, test) {
        panic!("property `{name}` failed: {e}");
    }
}

fn fail(msg: String) -> TestCaseResult {
    Err(TestCaseError::fail(msg))
}

/// Counts how many sample points a numeric property actually compared, so a property that
/// skips (almost) everything fails loudly instead of passing vacuously.
#[derive(Default)]
struct Tally {
    compared: Cell<u64>,
    skipped: Cell<u64>,
}

impl Tally {
    fn compare(&self) {
        self.compared.set(self.compared.get() + 1);
    }

    fn skip(&self) {
        self.skipped.set(self.skipped.get() + 1);
    }

    fn assert_compared_at_least(&self, name: &str, fraction: f64) {
        let (c, s) = (self.compared.get(), self.skipped.get());
        let total = (c + s).max(1);
        assert!(
            c as f64 >= fraction * total as f64,
            "{name}: only {c} of {total} sample points were compared (the rest were skipped)"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Evaluation helpers

fn eval1(e: &Expr, var: &str, v: f64, fixed: &[(&str, f64)]) -> f64 {
    let mut env: Vec<(&str, f64)> = fixed.iter().filter(|(n, _)| *n != var).copied().collect();
    env.push((var, v));
    eval_at(e, &env)
}

/// Equal as values: both NaN, or equal to a relative tolerance (infinities must match).
fn same_value(a: f64, b: f64, rel: f64) -> bool {
    if a.is_nan() || b.is_nan() {
        return a.is_nan() && b.is_nan();
    }
    if a == b {
        return true;
    }
    if !a.is_finite() || !b.is_finite() {
        return false;
    }
    (a - b).abs() <= rel * a.abs().max(b.abs()).max(1e-300)
}

/// Close in value when both are finite: relative to the magnitude, with an absolute floor.
fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * (1.0 + a.abs().max(b.abs()))
}

/// A first-order running error bound: `(value, m)` where rounding makes the computed value
/// differ from the exact one by roughly `ε·m` at most. `m` is large where an expression
/// cancels (`a − b` with `a ≈ b`) or where a function amplifies errors (`exp` of something
/// big), so tolerances built from it respect the conditioning of the expression.
fn error_scale(e: &Expr, env: &[(&str, f64)]) -> (f64, f64) {
    let go = |a: &Expr| error_scale(a, env);
    // Values always come from the crate's evaluator (its conventions: x/0 and 0^-1 are NaN…).
    let v = eval_at(e, env);
    let m = match e {
        Expr::Num(_) | Expr::Const(_) | Expr::Var(_) => v.abs(),
        Expr::Neg(a) => go(a).1,
        Expr::Add(a, b) | Expr::Sub(a, b) => go(a).1 + go(b).1 + v.abs(),
        Expr::Mul(a, b) => {
            let ((va, ma), (vb, mb)) = (go(a), go(b));
            ma * vb.abs() + va.abs() * mb + v.abs()
        }
        Expr::Div(a, b) => {
            let ((_, ma), (vb, mb)) = (go(a), go(b));
            (ma + v.abs() * mb) / vb.abs() + v.abs()
        }
        Expr::Pow(a, b) => {
            let ((va, ma), (vb, mb)) = (go(a), go(b));
            let d_base = if ma == 0.0 { 0.0 } else { (vb * v / va).abs() };
            let d_exp = if mb == 0.0 {
                0.0
            } else {
                (v * va.abs().ln()).abs()
            };
            d_base * ma + d_exp * mb + v.abs()
        }
        Expr::Call(f, args) => match args.first() {
            None => v.abs(),
            Some(first) => {
                let (u, mu) = go(first);
                let (b, mb) = args.get(1).map(go).unwrap_or((f64::NAN, 0.0));
                let slope = oracle_derivative(*f, u, args.get(1).map(|_| b)).abs();
                let from_u = if mu == 0.0 { 0.0 } else { slope * mu };
                from_u + mb + v.abs()
            }
        },
    };
    (v, m)
}

/// Rounding tolerance for comparing two computations of the same quantity.
fn rounding_tolerance(scales: &[f64]) -> f64 {
    1e-12 * scales.iter().sum::<f64>()
}

// ---------------------------------------------------------------------------------------------
// The finite-difference checker

#[derive(Debug, PartialEq)]
enum Verdict {
    Agree,
    Skip(&'static str),
    Disagree(String),
}

/// Compares a claimed derivative `df` of `f` at `x` with central differences at two step sizes.
///
/// Points are skipped when `f` is not finite near `x`, when `|f|` is huge, or when the two
/// difference quotients disagree (a kink, a jump, or an ill-conditioned point). Otherwise the
/// claimed derivative must be finite and match the finer quotient to within
/// `1e-4·(1 + |f′|)` plus a multiple of the quotients' spread (their own error estimate) plus a
/// rounding floor. At a smooth point the spread is tiny, so a wrong derivative fails.
fn fd_check(f: &dyn Fn(f64) -> f64, df: &dyn Fn(f64) -> f64, x: f64, f_scale: f64) -> Verdict {
    let scale = x.abs().max(1.0);
    let (h1, h2) = (1e-4 * scale, 1e-5 * scale);
    let s = [f(x), f(x - h1), f(x + h1), f(x - h2), f(x + h2)];
    if s.iter().any(|v| !v.is_finite()) {
        return Verdict::Skip("f is not finite near x");
    }
    let fmax = s.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    if fmax > 1e6 {
        return Verdict::Skip("|f| is huge near x");
    }
    if !f_scale.is_finite() {
        return Verdict::Skip("f is infinitely ill-conditioned at x");
    }
    let d1 = (s[2] - s[1]) / (2.0 * h1);
    let d2 = (s[4] - s[3]) / (2.0 * h2);
    let spread = (d1 - d2).abs();
    if spread > 1e-3 * (1.0 + d2.abs()) {
        return Verdict::Skip("difference quotients disagree (kink or ill-conditioned)");
    }
    // One-sided quotients differ by about h·f″ at a smooth point, by the jump in f′ at a kink
    // (which central differences alone cannot see when the kink is exactly at x).
    let (forward, backward) = ((s[4] - s[0]) / h2, (s[0] - s[3]) / h2);
    if (forward - backward).abs() > 1e-2 * (1.0 + d2.abs()) {
        return Verdict::Skip("one-sided quotients disagree (kink at x)");
    }
    let d = df(x);
    if !d.is_finite() {
        // A formula can be undefined at an isolated point where f is smooth (0·∞ after the
        // chain rule, e.g. (x^3)^(1/3) at 0), or where f is exactly constant nearby because an
        // inner function sits on a flat piece or has overflowed (sqrt(relu(x)) for x < 0,
        // 1/sinh(1000 + x)). Undefined on a neighbourhood where f varies is a bug.
        if df(x - h1).is_finite() && df(x + h1).is_finite() {
            return Verdict::Skip("f′ undefined at an isolated point");
        }
        if s.iter().all(|v| *v == s[0]) {
            return Verdict::Skip("f is locally constant and f′ is 0·∞");
        }
        return Verdict::Disagree(format!(
            "f′ = {d} but f is smooth here (difference quotients {d1}, {d2})"
        ));
    }
    // f′ itself changing by much of its size across the stencil means f oscillates faster
    // than h resolves (sin(sinh(e^x)) at x = 2.8 turns through thousands of radians within
    // ±h): the quotients then alias to any value, however well they agree with each other.
    let (left, right) = (df(x - h1), df(x + h1));
    if (right - left).abs() > 0.1 * (1.0 + d.abs()) {
        return Verdict::Skip("f′ varies within the stencil (f oscillates faster than h)");
    }
    let rounding = 1e-13 * fmax.max(f_scale) / h2;
    let tol = 1e-4 * (1.0 + d.abs()) + 4.0 * spread + rounding;
    if (d - d2).abs() <= tol {
        Verdict::Agree
    } else {
        Verdict::Disagree(format!(
            "f′ = {d} but difference quotients give {d2} (h = {h2:e}) and {d1} (h = {h1:e}); tolerance {tol:e}"
        ))
    }
}

/// Checks the symbolic derivative `de` of `e` with respect to `var` at every point.
fn check_against_fd(
    e: &Expr,
    de: &Expr,
    var: &str,
    fixed: &[(&str, f64)],
    points: &[f64],
    tally: &Tally,
) -> TestCaseResult {
    check_fd_where_defined(e, de, var, fixed, points, tally, false)
}

/// As `check_against_fd`; with `allow_undefined`, points where `de` is not finite are skipped
/// (for the unsimplified derivative, whose formulas can be 0·∞ where the simplified one is not,
/// e.g. `asin(x/x)`; the two are compared directly where both are defined).
fn check_fd_where_defined(
    e: &Expr,
    de: &Expr,
    var: &str,
    fixed: &[(&str, f64)],
    points: &[f64],
    tally: &Tally,
    allow_undefined: bool,
) -> TestCaseResult {
    let f = |t: f64| eval1(e, var, t, fixed);
    let df = |t: f64| eval1(de, var, t, fixed);
    for &t in points {
        let mut env: Vec<(&str, f64)> = fixed.iter().filter(|(n, _)| *n != var).copied().collect();
        env.push((var, t));
        let f_scale = error_scale(e, &env).1;
        let undefined = !df(t).is_finite();
        if undefined && (allow_undefined || negative_base_power_at(e, &env)) {
            tally.skip();
            continue;
        }
        // A step-like function whose argument crosses a jump inside the stencil: difference
        // quotients then measure the staircase's average rise (floor(1/x^3) near 0), not the
        // derivative, which is 0 between the jumps.
        if jump_within(e, &env, var, t, 2e-4 * t.abs().max(1.0)) {
            tally.skip();
            continue;
        }
        // A formula whose intermediate values overflow f64 (asinh(x^(10^x)) at 2.7 squares
        // 1e198) cannot be evaluated faithfully; that is floating point, not the rules.
        if overflows(de, &env) || overflows(e, &env) {
            tally.skip();
            continue;
        }
        match fd_check(&f, &df, t, f_scale) {
            Verdict::Agree => tally.compare(),
            Verdict::Skip(_) => tally.skip(),
            Verdict::Disagree(why) => {
                return fail(format!(
                    "d/d{var} {}  =  {}  is wrong at {var} = {t:?} (fixed {fixed:?}): {why}",
                    to_text(e),
                    to_text(de)
                ))
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// An independent oracle: f′(u) for every function in the table, written out in f64.

fn oracle_derivative(f: Func, u: f64, b: Option<f64>) -> f64 {
    let nonzero = |v: f64| if u == 0.0 { f64::NAN } else { v };
    match f {
        Func::Sin => u.cos(),
        Func::Cos => -u.sin(),
        Func::Tan => 1.0 / (u.cos() * u.cos()),
        Func::Cot => -1.0 / (u.sin() * u.sin()),
        Func::Sec => u.sin() / (u.cos() * u.cos()),
        Func::Csc => -u.cos() / (u.sin() * u.sin()),
        Func::Asin => 1.0 / (1.0 - u * u).sqrt(),
        Func::Acos => -1.0 / (1.0 - u * u).sqrt(),
        Func::Atan => 1.0 / (1.0 + u * u),
        Func::Sinh => u.cosh(),
        Func::Cosh => u.sinh(),
        Func::Tanh => 1.0 / (u.cosh() * u.cosh()),
        Func::Coth => -1.0 / (u.sinh() * u.sinh()),
        Func::Sech => -u.sinh() / (u.cosh() * u.cosh()),
        Func::Csch => -u.cosh() / (u.sinh() * u.sinh()),
        Func::Exp => u.exp(),
        Func::Ln => 1.0 / u,
        Func::Log => 1.0 / (u * b.unwrap_or(std::f64::consts::E).ln()),
        Func::Log10 => 1.0 / (u * 10f64.ln()),
        Func::Log2 => 1.0 / (u * 2f64.ln()),
        Func::Sqrt => 0.5 / u.sqrt(),
        Func::Abs => nonzero(u.signum()),
        Func::Sigmoid => sigmoid(u) * (1.0 - sigmoid(u)),
        Func::Relu => nonzero(if u > 0.0 { 1.0 } else { 0.0 }),
        Func::Softplus => sigmoid(u),
        Func::LeakyRelu => nonzero(if u > 0.0 {
            1.0
        } else {
            b.unwrap_or(LEAKY_SLOPE)
        }),
        Func::Step => nonzero(0.0),
        Func::Asinh => 1.0 / (u * u + 1.0).sqrt(),
        Func::Acosh => 1.0 / (u * u - 1.0).sqrt(),
        Func::Atanh => 1.0 / (1.0 - u * u),
        Func::Acot => -1.0 / (1.0 + u * u),
        Func::Asec => 1.0 / (u.abs() * (u * u - 1.0).sqrt()),
        Func::Acsc => -1.0 / (u.abs() * (u * u - 1.0).sqrt()),
        Func::Acoth => 1.0 / (1.0 - u * u),
        Func::Asech => -1.0 / (u * (1.0 - u * u).sqrt()),
        Func::Acsch => -1.0 / (u.abs() * (1.0 + u * u).sqrt()),
        Func::Cbrt => 1.0 / (3.0 * u.cbrt() * u.cbrt()),
        Func::Sign => nonzero(0.0),
        Func::Floor | Func::Ceil => {
            if u.fract() == 0.0 {
                f64::NAN
            } else {
                0.0
            }
        }
        // With respect to the first argument, the second held at b.
        Func::Max | Func::Min => {
            let b = b.unwrap_or(0.5);
            let first_wins = if f == Func::Max { u > b } else { u < b };
            if u == b {
                f64::NAN
            } else if first_wins {
                1.0
            } else {
                0.0
            }
        }
    }
}

/// Where the oracle's function is defined and differentiable (away from its singular points).
fn oracle_domain(f: Func, u: f64, b: Option<f64>) -> bool {
    let away = |p: f64| (u - p).abs() > 1e-3;
    let base_ok = b.is_none_or(|b| b > 0.0 && b != 1.0)
        || matches!(f, Func::LeakyRelu | Func::Max | Func::Min);
    base_ok
        && match f {
            Func::Asin | Func::Acos => u.abs() < 0.999,
            Func::Ln | Func::Log | Func::Log10 | Func::Log2 | Func::Sqrt => u > 1e-3,
            Func::Abs | Func::Relu | Func::LeakyRelu | Func::Step | Func::Sign | Func::Cbrt => {
                away(0.0)
            }
            Func::Acosh => u > 1.001,
            Func::Atanh => u.abs() < 0.999,
            Func::Acoth => u.abs() > 1.001,
            Func::Asech => u > 1e-3 && u < 0.999,
            Func::Acsch => away(0.0),
            Func::Coth | Func::Csch => away(0.0) && u.abs() < 50.0,
            Func::Asec | Func::Acsc => u.abs() > 1.001,
            Func::Floor | Func::Ceil => (u - u.round()).abs() > 1e-3,
            Func::Max | Func::Min => (u - b.unwrap_or(0.5)).abs() > 1e-3,
            Func::Tan | Func::Sec => u.cos().abs() > 1e-3,
            Func::Cot | Func::Csc => u.sin().abs() > 1e-3,
            Func::Sinh | Func::Cosh | Func::Sech | Func::Exp => u.abs() < 50.0,
            _ => true,
        }
}

// ---------------------------------------------------------------------------------------------
// Generators

const X: &[&str] = &["x"];
const XY: &[&str] = &["x", "y"];

fn small_number() -> impl Strategy<Value = Expr> {
    prop_oneof![
        3 => (-3i32..=5).prop_map(|n| Expr::num(n as f64)),
        1 => select(vec![0.5, 1.5, 0.25, 2.5, 0.1]).prop_map(Expr::num),
    ]
}

/// Exponents that keep powers well defined often: small integers and simple fractions.
fn exponent() -> impl Strategy<Value = Expr> {
    prop_oneof![
        4 => (-3i32..=4).prop_map(|n| Expr::num(n as f64)),
        2 => select(vec![(1, 2), (1, 3), (2, 3), (3, 2), (-1, 2), (5, 3)])
            .prop_map(|(p, q)| Expr::div(Expr::num(p as f64), Expr::num(q as f64))),
        1 => select(vec![0.5, 1.5, 2.5, -0.5]).prop_map(Expr::num),
        1 => Just(Expr::neg(Expr::num(2.0))),
        1 => Just(Expr::Const(Constant::Pi)),
    ]
}

/// Constant positive bases for `a^u`.
fn positive_base() -> impl Strategy<Value = Expr> {
    prop_oneof![
        3 => select(vec![2.0, 3.0, 0.5, 10.0, 1.5]).prop_map(Expr::num),
        1 => Just(Expr::Const(Constant::E)),
        1 => Just(Expr::Const(Constant::Pi)),
    ]
}

/// A constant second argument: a logarithm base or a leaky-ReLU slope.
fn second_argument() -> impl Strategy<Value = Option<Expr>> {
    prop::option::of(select(vec![2.0, 10.0, 0.5, 3.0, 0.2]).prop_map(Expr::num))
}

fn call_with(f: Func, arg: Expr, second: Option<Expr>) -> Expr {
    match (f, second) {
        (Func::Log | Func::LeakyRelu, Some(b)) => Expr::Call(f, vec![arg, b]),
        (Func::Max | Func::Min, b) => Expr::Call(f, vec![arg, b.unwrap_or(Expr::num(0.5))]),
        _ => Expr::call(f, arg),
    }
}

fn function_call(inner: BoxedStrategy<Expr>) -> impl Strategy<Value = Expr> {
    (select(ALL.to_vec()), inner, second_argument()).prop_map(|(f, a, b)| call_with(f, a, b))
}

/// Random expressions in `vars`: numbers, the variables, pi, e, the five operators (powers
/// mostly with simple exponents) and every function in the table; at most `depth` levels of
/// operators.
fn expr_in(vars: &'static [&'static str], depth: u32) -> BoxedStrategy<Expr> {
    let leaf = prop_oneof![
        3 => small_number(),
        5 => select(vars).prop_map(Expr::var),
        1 => Just(Expr::Const(Constant::Pi)),
        1 => Just(Expr::Const(Constant::E)),
    ];
    leaf.prop_recursive(depth, 24, 2, |inner| {
        prop_oneof![
            1 => inner.clone().prop_map(Expr::neg),
            3 => (inner.clone(), inner.clone()).prop_map(|(a, b)| Expr::add(a, b)),
            2 => (inner.clone(), inner.clone()).prop_map(|(a, b)| Expr::sub(a, b)),
            3 => (inner.clone(), inner.clone()).prop_map(|(a, b)| Expr::mul(a, b)),
            2 => (inner.clone(), inner.clone()).prop_map(|(a, b)| Expr::div(a, b)),
            2 => (inner.clone(), exponent()).prop_map(|(a, n)| Expr::pow(a, n)),
            1 => (positive_base(), inner.clone()).prop_map(|(b, a)| Expr::pow(b, a)),
            1 => (inner.clone(), inner.clone()).prop_map(|(a, b)| Expr::pow(a, b)),
            4 => function_call(inner),
        ]
    })
    .prop_filter("derivative known to be undefined on flat pieces", |e| {
        !derivative_known_undefined(e)
    })
    .boxed()
}

/// Expressions that depend on `x` (so the rule under test is really exercised).
fn expr_of_x(depth: u32) -> impl Strategy<Value = Expr> {
    expr_in(X, depth).prop_filter("depends on x", |e| e.contains_var("x"))
}

/// True when the symbolic derivative of `e` may be undefined (0·∞, 0·NaN) on a whole interval
/// where `e` is smooth, through shapes the rules cannot see past:
///
/// * `relu`/`step` inside a function or a power: they are constant on a half-line, where an
///   outer function can be singular (`sqrt(relu(x))` = 0 for x < 0, but `1/(2sqrt(0))·0`) or
///   a power undefined (`x^relu(x)` = 1 for x < 0, but `ln(x)·step(x)` = NaN·0);
/// * a power whose base cancels to 0 (`(x - x)^x` = 0 for x > 0, but `0^x ln(0)`); `0^u` with
///   a literal constant base is fine;
/// * a power whose constant base rounds to exactly 1 (`sigmoid(pi^4)^ln(x)`): `1^u` is 1 even
///   where `u` is undefined (IEEE `pow`, and the simplifier agrees), but `f′ = 1^u ln(1) u′`
///   is not;
/// * a power with a huge constant exponent, which the simplifier spreads over a quotient so
///   that both halves overflow (`(x/pi)^1000` → `x^1000/pi^1000`, ∞/∞ at x = 2.7).
///
/// See `derivatives_through_flat_pieces` and `zero_base_that_cancels`. The numeric properties
/// leave such expressions out until these are fixed. (Powers over a negative base are handled
/// at the point instead: see `negative_base_power_at`.)
fn derivative_known_undefined(e: &Expr) -> bool {
    fn flat_inside(e: &Expr, inside: bool) -> bool {
        match e {
            Expr::Call(Func::Relu | Func::Step, _) if inside => true,
            Expr::Call(_, args) => args.iter().any(|a| flat_inside(a, true)),
            Expr::Pow(a, b) => flat_inside(a, true) || flat_inside(b, true),
            Expr::Num(_) | Expr::Const(_) | Expr::Var(_) => false,
            Expr::Neg(a) => flat_inside(a, inside),
            Expr::Add(a, b) | Expr::Sub(a, b) | Expr::Mul(a, b) | Expr::Div(a, b) => {
                flat_inside(a, inside) || flat_inside(b, inside)
            }
        }
    }
    let mut bad_power = false;
    visit(e, &mut |n| {
        if let Expr::Pow(a, b) = n {
            let varying = !b.variables().is_empty();
            bad_power |= varying && simplify(a).constant_value() == Some(0.0);
            bad_power |= varying && a.constant_value() == Some(1.0);
            bad_power |= b.constant_value().is_some_and(|v| v.abs() > 16.0);
        }
    });
    bad_power || flat_inside(e, false) || jump_of_inexact_constant(e)
}

/// A jump function (floor, ceil, sign, step) of something holding a constant that floats and
/// exact arithmetic disagree on: `floor(0.1^(-2))` is floor(100) = 100 to the simplifier (so
/// f′ of `x·floor(0.1^(-2))` is 100) but floor(99.99999999999999) = 99 in floats (so f is
/// 99x). The open bug `jump_of_inexact_constant_disagrees_with_its_derivative`.
fn jump_of_inexact_constant(e: &Expr) -> bool {
    let mut found = false;
    visit(e, &mut |n| {
        if let Expr::Call(Func::Floor | Func::Ceil | Func::Sign | Func::Step, args) = n {
            for a in args {
                visit(a, &mut |c| {
                    if !matches!(c, Expr::Num(_) | Expr::Const(_)) && c.variables().is_empty() {
                        let exact = simplify(c).constant_value();
                        found |= exact.is_some_and(|v| v != eval_at(c, &[]));
                    }
                });
            }
        }
    });
    found
}

/// True when `e` holds a power `u^v` with a varying exponent whose base is negative at `env`.
/// Such a power is defined on an interval only where `v` is locally constant (`x^relu(x)`,
/// `(-pi)^(abs(x) + x)`, or `(x^5)^tanh(10x)` once tanh has rounded to -1), and there the
/// logarithmic-differentiation formula holds `v′ ln(u)` = 0·NaN: an undefined derivative at
/// such a point is the known gap of `derivatives_through_flat_pieces`, not a new failure.
fn negative_base_power_at(e: &Expr, env: &[(&str, f64)]) -> bool {
    let mut found = false;
    visit(e, &mut |n| {
        if let Expr::Pow(a, b) = n {
            found |= !b.variables().is_empty() && eval_at(a, env) < 0.0;
        }
    });
    found
}

/// Calls `f` on every node of `e`.
/// True when some subexpression of `e` is infinite at `env` (an overflow on the way).
fn overflows(e: &Expr, env: &[(&str, f64)]) -> bool {
    let mut any = false;
    visit(e, &mut |n| any |= eval_at(n, env).is_infinite());
    any
}

/// True when the argument of a `floor`, `ceil`, `sign` or `step` in `e` reaches a jump between
/// `t - h` and `t + h`.
fn jump_within(e: &Expr, env: &[(&str, f64)], var: &str, t: f64, h: f64) -> bool {
    let mut crosses = false;
    visit(e, &mut |n| {
        let Expr::Call(f, args) = n else { return };
        let Some(u) = args.first() else { return };
        if !matches!(f, Func::Floor | Func::Ceil | Func::Sign | Func::Step) {
            return;
        }
        let at = |x: f64| {
            let env: Vec<(&str, f64)> = env
                .iter()
                .map(|(n, v)| (*n, if *n == var { x } else { *v }))
                .collect();
            eval_at(u, &env)
        };
        let (a, b) = (at(t - h), at(t + h));
        crosses |= match f {
            Func::Floor | Func::Ceil => a.floor() != b.floor() || a.ceil() != b.ceil(),
            _ => a.signum() != b.signum() || a == 0.0 || b == 0.0,
        };
    });
    crosses
}

/// True when the argument of a `floor`, `ceil`, `sign` or `step` in `e` that holds a variable
/// is within round-off of a jump at `env`: there a float evaluation may land on either side
/// (`ceil(x - (x + 2))` is ceil(-2) = -2 exactly, as the simplifier says, but
/// ceil(-1.9999999999999998) = -1 in floats at some x), so a reference computed from floats
/// says nothing about the engine's exact answer.
fn jump_in_round_off(e: &Expr, env: &[(&str, f64)]) -> bool {
    let mut near = false;
    visit(e, &mut |n| {
        let Expr::Call(f, args) = n else { return };
        let Some(u) = args.first() else { return };
        if !matches!(f, Func::Floor | Func::Ceil | Func::Sign | Func::Step)
            || u.variables().is_empty()
        {
            return;
        }
        let (a, scale) = (eval_at(u, env), error_scale(u, env).1);
        let jump = match f {
            Func::Floor | Func::Ceil => a.round(),
            _ => 0.0,
        };
        near |= (a - jump).abs() <= rounding_tolerance(&[scale]).max(1e-12 * (1.0 + a.abs()));
    });
    near
}

fn visit(e: &Expr, f: &mut impl FnMut(&Expr)) {
    f(e);
    match e {
        Expr::Num(_) | Expr::Const(_) | Expr::Var(_) => {}
        Expr::Neg(a) => visit(a, f),
        Expr::Add(a, b) | Expr::Sub(a, b) | Expr::Mul(a, b) | Expr::Div(a, b) | Expr::Pow(a, b) => {
            visit(a, f);
            visit(b, f);
        }
        Expr::Call(_, args) => args.iter().for_each(|a| visit(a, f)),
    }
}

fn points(n: usize) -> impl Strategy<Value = Vec<f64>> {
    vec(-3.0f64..3.0, n)
}

fn positive_points(n: usize) -> impl Strategy<Value = Vec<f64>> {
    vec(0.05f64..3.0, n)
}

// ---------------------------------------------------------------------------------------------
// 0. The checker itself: it must reject wrong derivatives.

type F1 = fn(f64) -> f64;
type F2 = fn(f64, f64) -> f64;

#[test]
fn fd_checker_rejects_wrong_derivatives_and_accepts_right_ones() {
    let grid: Vec<f64> = (0..121).map(|i| -3.0 + i as f64 * 0.05 + 0.0123).collect();
    let verdicts = |f: &dyn Fn(f64) -> f64, df: &dyn Fn(f64) -> f64| {
        let (mut agree, mut disagree, mut skip) = (0, 0, 0);
        for &x in &grid {
            match fd_check(f, df, x, 0.0) {
                Verdict::Agree => agree += 1,
                Verdict::Disagree(_) => disagree += 1,
                Verdict::Skip(_) => skip += 1,
            }
        }
        (agree, disagree, skip)
    };

    // Right derivatives are accepted everywhere they can be checked.
    let right: [(F1, F1); 4] = [
        (|x| x.sin(), |x| x.cos()),
        (|x| (x * x + 1.0).ln(), |x| 2.0 * x / (x * x + 1.0)),
        (|x| x.abs(), |x| x.signum()),
        (|x| (3.0 * x).exp(), |x| 3.0 * (3.0 * x).exp()),
    ];
    for (f, df) in right {
        let (agree, disagree, _) = verdicts(&f, &df);
        assert_eq!(disagree, 0);
        assert!(agree > 100);
    }

    // d/dx sin = sin is caught almost everywhere; so is a 0.1% error and a missing chain factor.
    let wrong: [(F1, F1); 4] = [
        (|x| x.sin(), |x| x.sin()),
        (|x| x.sin(), |x| 1.001 * x.cos()),
        (|x| (2.0 * x).sin(), |x| (2.0 * x).cos()),
        (|x| x * x.exp(), |x| x.exp()),
    ];
    for (i, (f, df)) in wrong.into_iter().enumerate() {
        let (agree, disagree, skip) = verdicts(&f, &df);
        assert!(
            disagree >= 60,
            "wrong derivative #{i} not caught: {agree} agree, {disagree} disagree, {skip} skipped"
        );
    }

    // A derivative that is NaN on a whole neighbourhood where f is smooth is wrong.
    assert!(matches!(
        fd_check(&|x: f64| x * x, &|_| f64::NAN, 1.3, 0.0),
        Verdict::Disagree(_)
    ));
    // A function oscillating faster than the stencil resolves is skipped, not judged: the
    // quotients agree with each other on a meaningless value. Found by `rule_quotient`.
    let f = |x: f64| x.exp().sinh().sin() / 3f64.powf(6.0 * x);
    let df = |x: f64| {
        let inner = x.exp() * x.exp().sinh().cos() * x.exp().cosh();
        (inner - 6.0 * 3f64.ln() * x.exp().sinh().sin()) / 3f64.powf(6.0 * x)
    };
    assert!(matches!(
        fd_check(&f, &df, 2.8066317441500077, 0.0),
        Verdict::Skip(_)
    ));
    // Kinks and poles are skipped, not judged.
    assert!(matches!(
        fd_check(&|x: f64| x.abs(), &|_| 0.5, 0.0, 0.0),
        Verdict::Skip(_)
    ));
    assert!(matches!(
        fd_check(&|x: f64| 1.0 / x, &|_| 0.0, 0.0, 0.0),
        Verdict::Skip(_)
    ));
}

/// The same, end to end: mutating a correct symbolic derivative must make the check fail.
#[test]
fn fd_check_catches_mutated_symbolic_derivatives() {
    let xs: Vec<f64> = (0..40).map(|i| -2.9 + i as f64 * 0.147).collect();
    for src in [
        "sin(x)",
        "x^3 - 2x",
        "exp(x)/(1 + x^2)",
        "sigmoid(2x)",
        "atan(x)sqrt(x^2 + 1)",
    ] {
        let e = parse(src).unwrap();
        let d = differentiate(&e, "x").result;
        let tally = Tally::default();
        assert!(
            check_against_fd(&e, &d, "x", &[], &xs, &tally).is_ok(),
            "{src}"
        );
        let mutants = [
            Expr::mul(Expr::num(1.01), d.clone()),
            Expr::add(d.clone(), Expr::num(0.01)),
            Expr::mul(d.clone(), Expr::var("x")),
            e.clone(),
        ];
        for m in mutants {
            let tally = Tally::default();
            assert!(
                check_against_fd(&e, &m, "x", &[], &xs, &tally).is_err(),
                "mutant {} of d/dx {src} was not caught",
                to_text(&m)
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 1. Random expressions: the symbolic derivative matches finite differences.

#[test]
fn derivative_matches_finite_differences() {
    let tally = Tally::default();
    check(
        "derivative ≈ finite differences",
        384,
        (expr_of_x(4), points(8)),
        |(e, xs)| {
            let d = differentiate(&e, "x");
            check_against_fd(&e, &d.result, "x", &[], &xs, &tally)
        },
    );
    tally.assert_compared_at_least("derivative ≈ finite differences", 0.5);
}

/// The unsimplified derivative (as the rules produce it) is also right.
#[test]
fn unsimplified_derivative_matches_finite_differences() {
    let tally = Tally::default();
    check(
        "raw derivative ≈ finite differences",
        256,
        (expr_of_x(4), points(6)),
        |(e, xs)| {
            let d = differentiate(&e, "x");
            check_fd_where_defined(&e, &d.root.output, "x", &[], &xs, &tally, true)
        },
    );
    tally.assert_compared_at_least("raw derivative ≈ finite differences", 0.5);
}

// ---------------------------------------------------------------------------------------------
// 2. One property per rule family.

/// Each rule's record — its children's inputs and what it keeps (`Step::kept`) — is the
/// rule's own choice: the parts put back together are the step's input, and a kept factor
/// is free of the variable. Explanations state the record without working it out again.
#[test]
fn rule_records_name_what_the_children_differentiate() {
    fn agree(s: &Step, var: &str) -> TestCaseResult {
        let inputs: Vec<&Expr> = s.children.iter().map(|c| &c.input).collect();
        let operands = s.input.operands();
        let text = to_text(&s.input);
        match (&s.kept, s.rule, &inputs[..]) {
            (Kept::Factor(factor), Rule::ConstantMultiple, [rest]) => {
                prop_assert!(
                    !factor.contains_var(var),
                    "{text} keeps {}",
                    to_text(factor)
                );
                let rebuilt = match &s.input {
                    Expr::Neg(a) => **a == **rest && *factor == Expr::Num(-1.0),
                    Expr::Mul(a, b) => {
                        [&**a, &**b] == [factor, *rest] || [&**a, &**b] == [*rest, factor]
                    }
                    Expr::Div(a, b) => {
                        **a == **rest && *factor == Expr::div(Expr::Num(1.0), (**b).clone())
                    }
                    _ => false,
                };
                prop_assert!(
                    rebuilt,
                    "{text} is not {} times {}",
                    to_text(factor),
                    to_text(rest)
                );
            }
            (Kept::Name(u), Rule::Chain, [outer, inner]) => {
                prop_assert_eq!(&substitute(outer, u, inner), &s.input, "{}", text);
                agree(&s.children[0], u)?;
                return agree(&s.children[1], var);
            }
            (Kept::Nothing, _, []) => {}
            (Kept::Nothing, Rule::Rewrite | Rule::ChangeOfBase, [_]) => {}
            (Kept::Nothing, Rule::Function(Func::Max | Func::Min), [u]) => {
                prop_assert_eq!(operands[0], *u, "{}", text)
            }
            (
                Kept::Nothing,
                Rule::Sum
                | Rule::Difference
                | Rule::Product
                | Rule::Quotient
                | Rule::LogarithmicDifferentiation
                | Rule::Function(Func::Max | Func::Min),
                [u, v],
            ) => prop_assert_eq!(&operands[..2], &[*u, *v], "{}", text),
            (kept, rule, _) => {
                prop_assert!(
                    false,
                    "{text}: {rule:?} with {kept:?} and {} children",
                    inputs.len()
                )
            }
        }
        s.children.iter().try_for_each(|c| agree(c, var))
    }
    check("rule records", 512, expr_of_x(4), |e| {
        agree(&differentiate(&e, "x").root, "x")
    });
}

/// `x^n` for small integers and fractions: the derivative is `n x^(n-1)` exactly, on x > 0
/// for every exponent and on x < 0 for integers and odd-denominator fractions (real roots).
#[test]
fn rule_power() {
    let exponents = prop_oneof![
        (-5i32..=6).prop_map(|n| (n, 1)),
        ((-5i32..=7), (2i32..=5)).prop_map(|(p, q)| (p, q)),
    ];
    let as_expr = prop_oneof![Just(0u8), Just(1u8)];
    check(
        "power rule",
        256,
        (exponents, as_expr, vec(-3.0f64..3.0, 6)),
        |((p, q), form, xs)| {
            let n = p as f64 / q as f64;
            let exponent = if q == 1 {
                Expr::num(p as f64)
            } else if form == 0 {
                Expr::div(Expr::num(p as f64), Expr::num(q as f64))
            } else {
                Expr::num(n)
            };
            let e = Expr::pow(Expr::var("x"), exponent);
            let d = differentiate(&e, "x");
            for &x in &xs {
                let real_root = q == 1 || q % 2 == 1;
                if x.abs() < 1e-3 || (x < 0.0 && !real_root) {
                    continue;
                }
                let want = n * real_power(x, p - q, q);
                let got = eval_at(&d.result, &[("x", x)]);
                if !same_value(got, want, 1e-9) {
                    return fail(format!(
                        "d/dx {} = {} gives {got} at x = {x}, expected {want}",
                        to_text(&e),
                        to_text(&d.result)
                    ));
                }
            }
            Ok(())
        },
    );
}

/// `x^(p/q)` as the evaluator defines it: real odd roots of negative numbers.
fn real_power(x: f64, p: i32, q: i32) -> f64 {
    if q == 1 {
        return x.powi(p);
    }
    if x < 0.0 {
        if q % 2 == 0 {
            return f64::NAN;
        }
        let m = x.abs().powf(p as f64 / q as f64);
        return if p % 2 != 0 { -m } else { m };
    }
    x.powf(p as f64 / q as f64)
}

/// Evaluates the crate's derivative of a sub-expression (`g′`) at a point.
fn deriv_at(g: &Expr, x: f64) -> f64 {
    eval_at(&differentiate(g, "x").result, &[("x", x)])
}

/// Asserts the derivative of `e` equals `want(x)` (built from the parts' values and their
/// derivatives) wherever both are finite, and that it also matches finite differences.
fn check_rule(
    rule: &str,
    e: &Expr,
    xs: &[f64],
    tally: &Tally,
    want: impl Fn(f64) -> f64,
) -> TestCaseResult {
    let d = differentiate(e, "x");
    for &x in xs {
        let env = [("x", x)];
        if jump_in_round_off(e, &env) {
            tally.skip();
            continue;
        }
        let (got, expected) = (eval_at(&d.result, &env), want(x));
        let tol = 1e-7 * (1.0 + expected.abs())
            + rounding_tolerance(&[
                error_scale(&d.result, &env).1,
                error_scale(&d.root.output, &env).1,
            ]);
        if got.is_finite() && expected.is_finite() && expected.abs() < 1e8 && tol.is_finite() {
            if (got - expected).abs() > tol {
                return fail(format!(
                    "{rule}: d/dx {} = {} gives {got} at x = {x:?}, the rule gives {expected}",
                    to_text(e),
                    to_text(&d.result)
                ));
            }
            tally.compare();
        } else {
            tally.skip();
        }
    }
    check_against_fd(e, &d.result, "x", &[], xs, &Tally::default())
}

/// Constant factors: numbers, pi, e and constant expressions such as sqrt(2), ln(3), -3, 1/3.
fn constant_factor() -> impl Strategy<Value = Expr> {
    prop_oneof![
        select(vec![2.0, -3.0, 0.5, 7.0, 1e-3, 1e3]).prop_map(Expr::num),
        Just(Expr::Const(Constant::Pi)),
        Just(Expr::Const(Constant::E)),
        Just(Expr::call(Func::Sqrt, Expr::num(2.0))),
        Just(Expr::call(Func::Ln, Expr::num(3.0))),
        Just(Expr::neg(Expr::num(3.0))),
        Just(Expr::div(Expr::num(1.0), Expr::num(3.0))),
        Just(Expr::pow(Expr::Const(Constant::Pi), Expr::num(2.0))),
    ]
}

#[test]
fn rule_constant_multiple() {
    let tally = Tally::default();
    check(
        "constant multiple rule",
        256,
        (constant_factor(), expr_of_x(3), 0u8..4, points(6)),
        |(c, g, form, xs)| {
            let cv = c.constant_value().unwrap();
            let e = match form {
                0 => Expr::mul(c, g.clone()),
                1 => Expr::mul(g.clone(), c),
                2 => Expr::div(g.clone(), c),
                _ => Expr::neg(g.clone()),
            };
            check_rule("constant multiple", &e, &xs, &tally, |x| {
                let dg = deriv_at(&g, x);
                match form {
                    0 | 1 => cv * dg,
                    2 => dg / cv,
                    _ => -dg,
                }
            })
        },
    );
    tally.assert_compared_at_least("constant multiple rule", 0.5);
}

#[test]
fn rule_sum_and_difference() {
    let tally = Tally::default();
    check(
        "sum and difference rules",
        256,
        (expr_of_x(3), expr_of_x(3), any::<bool>(), points(6)),
        |(g, h, plus, xs)| {
            let e = if plus {
                Expr::add(g.clone(), h.clone())
            } else {
                Expr::sub(g.clone(), h.clone())
            };
            check_rule("sum/difference", &e, &xs, &tally, |x| {
                let (dg, dh) = (deriv_at(&g, x), deriv_at(&h, x));
                if plus {
                    dg + dh
                } else {
                    dg - dh
                }
            })
        },
    );
    tally.assert_compared_at_least("sum and difference rules", 0.5);
}

#[test]
fn rule_product() {
    let tally = Tally::default();
    check(
        "product rule",
        256,
        (expr_of_x(3), expr_of_x(3), points(6)),
        |(g, h, xs)| {
            let e = Expr::mul(g.clone(), h.clone());
            check_rule("product", &e, &xs, &tally, |x| {
                let (gv, hv) = (eval_at(&g, &[("x", x)]), eval_at(&h, &[("x", x)]));
                deriv_at(&g, x) * hv + gv * deriv_at(&h, x)
            })
        },
    );
    tally.assert_compared_at_least("product rule", 0.5);
}

#[test]
fn rule_quotient() {
    let tally = Tally::default();
    check(
        "quotient rule",
        256,
        (expr_of_x(3), expr_of_x(3), points(6)),
        |(g, h, xs)| {
            let e = Expr::div(g.clone(), h.clone());
            check_rule("quotient", &e, &xs, &tally, |x| {
                let (gv, hv) = (eval_at(&g, &[("x", x)]), eval_at(&h, &[("x", x)]));
                (deriv_at(&g, x) * hv - gv * deriv_at(&h, x)) / (hv * hv)
            })
        },
    );
    tally.assert_compared_at_least("quotient rule", 0.5);
}

/// `F(g(x))` for every function `F` in the table: `F′(g) · g′` with `F′` from the independent
/// oracle above.
#[test]
fn rule_chain() {
    let tally = Tally::default();
    check(
        "chain rule",
        384,
        (
            select(ALL.to_vec()),
            expr_of_x(2),
            second_argument(),
            points(6),
        ),
        |(f, g, second, xs)| {
            let b = second.as_ref().and_then(Expr::constant_value);
            let b = match f {
                Func::Log | Func::LeakyRelu => b,
                Func::Max | Func::Min => b.or(Some(0.5)),
                _ => None,
            };
            let e = call_with(f, g.clone(), second);
            check_rule("chain", &e, &xs, &tally, |x| {
                let u = eval_at(&g, &[("x", x)]);
                if !oracle_domain(f, u, b) {
                    return f64::NAN;
                }
                oracle_derivative(f, u, b) * deriv_at(&g, x)
            })
        },
    );
    tally.assert_compared_at_least("chain rule", 0.5);
}

/// Each function of the table applied to `x` itself: exactly the oracle.
#[test]
fn rule_elementary_functions() {
    check(
        "elementary functions",
        256,
        (select(ALL.to_vec()), second_argument(), points(8)),
        |(f, second, xs)| {
            let b = second.as_ref().and_then(Expr::constant_value);
            let b = match f {
                Func::Log | Func::LeakyRelu => b,
                Func::Max | Func::Min => b.or(Some(0.5)),
                _ => None,
            };
            let e = call_with(f, Expr::var("x"), second);
            let d = differentiate(&e, "x");
            for &x in &xs {
                if !oracle_domain(f, x, b) {
                    continue;
                }
                let (got, want) = (eval_at(&d.result, &[("x", x)]), oracle_derivative(f, x, b));
                if !same_value(got, want, 1e-9) && !close(got, want, 1e-12) {
                    return fail(format!(
                        "d/dx {} = {} gives {got} at x = {x}, expected {want}",
                        to_text(&e),
                        to_text(&d.result)
                    ));
                }
            }
            Ok(())
        },
    );
}

/// `a^x`, `a^g(x)`, `e^g(x)` and `exp(g(x))`.
#[test]
fn rule_exponential() {
    let tally = Tally::default();
    check(
        "exponential rules",
        256,
        (positive_base(), expr_of_x(3), 0u8..4, points(6)),
        |(a, g, form, xs)| {
            let av = a.constant_value().unwrap();
            let x = Expr::var("x");
            let e = match form {
                0 => Expr::pow(a, x),
                1 => Expr::pow(a, g.clone()),
                2 => Expr::pow(Expr::Const(Constant::E), g.clone()),
                _ => Expr::call(Func::Exp, g.clone()),
            };
            check_rule("exponential", &e, &xs, &tally, |x| match form {
                0 => av.powf(x) * av.ln(),
                1 => av.powf(eval_at(&g, &[("x", x)])) * av.ln() * deriv_at(&g, x),
                _ => eval_at(&g, &[("x", x)]).exp() * deriv_at(&g, x),
            })
        },
    );
    tally.assert_compared_at_least("exponential rules", 0.5);
}

/// Logarithmic differentiation: `x^x`, `x^sin(x)` and `u^v` with both depending on x, on x > 0.
#[test]
fn rule_logarithmic_differentiation() {
    let x = || Expr::var("x");
    let fixed = [
        (
            Expr::pow(x(), x()),
            (|x: f64| x.powf(x) * (x.ln() + 1.0)) as fn(f64) -> f64,
        ),
        (Expr::pow(x(), Expr::call(Func::Sin, x())), |x: f64| {
            x.powf(x.sin()) * (x.cos() * x.ln() + x.sin() / x)
        }),
        (Expr::pow(Expr::call(Func::Sin, x()), x()), |x: f64| {
            x.sin().powf(x) * (x.sin().ln() + x * x.cos() / x.sin())
        }),
    ];
    let tally = Tally::default();
    check(
        "logarithmic differentiation (closed forms)",
        128,
        (select(vec![0usize, 1, 2]), positive_points(6)),
        |(i, xs)| check_rule("log differentiation", &fixed[i].0, &xs, &tally, fixed[i].1),
    );
    tally.assert_compared_at_least("logarithmic differentiation (closed forms)", 0.5);

    // u^v in general, with a positive base so the power is defined.
    let positive = prop_oneof![
        expr_of_x(2).prop_map(|g| Expr::add(Expr::pow(g, Expr::num(2.0)), Expr::num(1.0))),
        expr_of_x(2).prop_map(|g| Expr::call(Func::Exp, g)),
        expr_of_x(2).prop_map(|g| Expr::call(Func::Sigmoid, g)),
        Just(Expr::var("x")),
    ];
    let tally = Tally::default();
    check(
        "logarithmic differentiation (u^v)",
        256,
        (positive, expr_of_x(2), positive_points(6)),
        |(u, v, xs)| {
            let e = Expr::pow(u.clone(), v.clone());
            check_rule("log differentiation", &e, &xs, &tally, |x| {
                let (uv, vv) = (eval_at(&u, &[("x", x)]), eval_at(&v, &[("x", x)]));
                uv.powf(vv) * (deriv_at(&v, x) * uv.ln() + vv * deriv_at(&u, x) / uv)
            })
        },
    );
    tally.assert_compared_at_least("logarithmic differentiation (u^v)", 0.5);
}

/// `log(x, b)`, `log(g, b)`, `log10`, `log2`, `log(b, x)` (variable in the base: change of base)
/// and `log(g, h)` with the variable in both.
#[test]
fn rule_logarithm_with_base() {
    let tally = Tally::default();
    let base = select(vec![2.0, 10.0, 0.5, 3.0, std::f64::consts::E]);
    check(
        "logarithm rules",
        256,
        (base, expr_of_x(2), expr_of_x(2), 0u8..6, positive_points(6)),
        |(b, g, h, form, xs)| {
            let (x, bn) = (Expr::var("x"), Expr::num(b));
            let e = match form {
                0 => Expr::Call(Func::Log, vec![x, bn]),
                1 => Expr::Call(Func::Log, vec![g.clone(), bn]),
                2 => Expr::call(Func::Log10, g.clone()),
                3 => Expr::call(Func::Log2, g.clone()),
                4 => Expr::Call(Func::Log, vec![bn, x]),
                _ => Expr::Call(Func::Log, vec![g.clone(), h.clone()]),
            };
            check_rule("logarithm", &e, &xs, &tally, |x| {
                let (gv, dg) = (eval_at(&g, &[("x", x)]), deriv_at(&g, x));
                match form {
                    0 => 1.0 / (x * b.ln()),
                    1 if gv > 0.0 => dg / (gv * b.ln()),
                    2 if gv > 0.0 => dg / (gv * 10f64.ln()),
                    3 if gv > 0.0 => dg / (gv * 2f64.ln()),
                    4 => -b.ln() / (x * x.ln() * x.ln()),
                    5 => {
                        let (hv, dh) = (eval_at(&h, &[("x", x)]), deriv_at(&h, x));
                        if gv > 0.0 && hv > 0.0 {
                            (dg / gv * hv.ln() - gv.ln() * dh / hv) / (hv.ln() * hv.ln())
                        } else {
                            f64::NAN
                        }
                    }
                    _ => f64::NAN,
                }
            })
        },
    );
    tally.assert_compared_at_least("logarithm rules", 0.5);
}

/// Partial derivatives: expressions in x and y differentiated with respect to y (x fixed)
/// match finite differences in y; d/dx of the same expression matches differences in x.
#[test]
fn rule_partial_derivatives() {
    let tally = Tally::default();
    let with_y = expr_in(XY, 4).prop_filter("depends on y", |e| e.contains_var("y"));
    check(
        "partial derivatives",
        256,
        (with_y, vec((-3.0f64..3.0, -3.0f64..3.0), 6)),
        |(e, pts)| {
            let dy = differentiate(&e, "y");
            let dx = differentiate(&e, "x");
            for (x, y) in pts {
                check_against_fd(&e, &dy.result, "y", &[("x", x)], &[y], &tally)?;
                check_against_fd(&e, &dx.result, "x", &[("y", y)], &[x], &Tally::default())?;
            }
            Ok(())
        },
    );
    tally.assert_compared_at_least("partial derivatives", 0.5);

    // A few closed forms.
    let cases: [(&str, F2); 4] = [
        ("x^2 y^3", |x, y| 3.0 * x * x * y * y),
        ("x^y", |x, y| x.powf(y) * x.ln()),
        ("y^x", |x, y| x * y.powf(x - 1.0)),
        ("sin(x y) + y/x", |x, y| x * (x * y).cos() + 1.0 / x),
    ];
    for (src, want) in cases {
        let d = differentiate(&parse(src).unwrap(), "y");
        for (x, y) in [(0.7, 1.3), (2.1, 0.4), (1.5, 2.5)] {
            let got = eval_at(&d.result, &[("x", x), ("y", y)]);
            assert!(
                same_value(got, want(x, y), 1e-12),
                "d/dy {src} at ({x}, {y}): {got}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 3. Simplification preserves value.

/// Both orders of the step list explain the same rule applications, each once, with the
/// same derivatives; in textbook order every rule that needs parts names them first and
/// combines them last, nested like the derivation; and every step points at the part of f it
/// differentiates (the page highlights it), except inside a chain rule's outer derivative (in
/// its own variable) and a rewritten form, which point at the whole they stand for.
#[test]
fn step_orders_agree_and_point_at_what_they_differentiate() {
    check("step list orders", 384, expr_in(&["x", "y"], 4), |e| {
        let d = differentiate(&e, "x");
        let textbook = explain(&d, Order::Textbook);
        let compact = explain(&d, Order::Compact);
        let derivative = |l: &slope::math::Line| {
            l.segments.iter().find_map(|s| match s {
                Segment::Derivative { var, input, output } => {
                    Some((l.rule, var.clone(), input.clone(), output.clone()))
                }
                _ => None,
            })
        };
        // The same derivatives, in some order.
        let key = |v: Vec<_>| {
            let mut v: Vec<String> = v.into_iter().map(|x| format!("{x:?}")).collect();
            v.sort();
            v
        };
        let from_compact = key(compact.iter().map(derivative).collect());
        let from_textbook = key(textbook
            .iter()
            .filter(|l| l.phase != Phase::Parts)
            .map(derivative)
            .collect());
        prop_assert_eq!(from_compact, from_textbook, "{}", to_text(&e));
        // Parts … Combine nest like brackets, at one depth and place.
        let mut open: Vec<&slope::math::Line> = Vec::new();
        // Steps deeper than this stand for something not in f (`None`: none do).
        let mut elsewhere: Option<usize> = None;
        for l in &textbook {
            let Some(here) = e.at_path(&l.at) else {
                return fail(format!("{} points outside {}", l.text(), to_text(&e)));
            };
            if elsewhere.is_some_and(|d| l.depth <= d) {
                elsewhere = None;
            }
            match l.phase {
                Phase::Parts => {
                    open.push(l);
                    if matches!(l.rule, Rule::Rewrite | Rule::ChangeOfBase) {
                        elsewhere = elsewhere.or(Some(l.depth));
                    }
                }
                Phase::Combine => {
                    let p = open.pop();
                    prop_assert!(
                        p.is_some_and(|p| p.rule == l.rule && p.depth == l.depth && p.at == l.at),
                        "{} closes nothing in {}",
                        l.text(),
                        to_text(&e)
                    );
                }
                Phase::Whole => {}
            }
            match derivative(l) {
                Some((_, var, input, _))
                    if var == "x" && elsewhere.is_none() && l.rule != Rule::Simplify =>
                {
                    prop_assert_eq!(
                        &input,
                        here,
                        "{} highlights {} in {}",
                        l.text(),
                        to_text(here),
                        to_text(&e)
                    );
                }
                // A derivative in the chain rule's variable (and any steps below it).
                Some((_, var, ..)) if var != "x" && elsewhere.is_none() => {
                    elsewhere = Some(l.depth);
                }
                _ => {}
            }
        }
        prop_assert!(open.is_empty(), "unclosed rules in {}", to_text(&e));
        Ok(())
    });
}

/// Marking the part a step acts on changes nothing but the mark, and always shows one.
#[test]
fn every_step_target_is_marked_exactly_once() {
    use slope::math::layout::{layout, layout_marked, Layout};
    fn strip(l: &Layout, marks: &mut usize) -> Layout {
        let b = |x: &Layout, marks: &mut usize| Box::new(strip(x, marks));
        match l {
            Layout::Mark(a) => {
                *marks += 1;
                strip(a, marks)
            }
            Layout::Row(v) => Layout::Row(v.iter().map(|x| strip(x, marks)).collect()),
            Layout::Frac(a, c) => Layout::Frac(b(a, marks), b(c, marks)),
            Layout::Sup(a, c) => Layout::Sup(b(a, marks), b(c, marks)),
            Layout::Sub(a, c) => Layout::Sub(b(a, marks), b(c, marks)),
            Layout::Root(a, c) => Layout::Root(b(a, marks), b(c, marks)),
            Layout::Sqrt(a) => Layout::Sqrt(b(a, marks)),
            Layout::Paren(a) => Layout::Paren(b(a, marks)),
            Layout::Fence(f, a) => Layout::Fence(*f, b(a, marks)),
            other => other.clone(),
        }
    }
    check("marked layouts", 256, expr_of_x(4), |e| {
        let d = differentiate(&e, "x");
        let plain = layout(&e);
        for l in explain(&d, Order::Textbook) {
            let target = e.at_path(&l.at).expect("steps point inside f");
            let mut marks = 0;
            prop_assert_eq!(&strip(&layout_marked(&e, target), &mut marks), &plain);
            prop_assert_eq!(
                marks,
                1,
                "{} marks for {} in {}",
                marks,
                l.text(),
                to_text(&e)
            );
        }
        Ok(())
    });
}

#[test]
fn simplified_derivative_equals_unsimplified() {
    let tally = Tally::default();
    check(
        "simplify(f′) = f′",
        384,
        (expr_of_x(4), points(8)),
        |(e, xs)| {
            let d = differentiate(&e, "x");
            for &x in &xs {
                let env = [("x", x)];
                let (raw, m_raw) = error_scale(&d.root.output, &env);
                let (simple, m_simple) = error_scale(&d.result, &env);
                let tol = 1e-9 * (1.0 + raw.abs()) + rounding_tolerance(&[m_raw, m_simple]);
                if !(raw.is_finite() && simple.is_finite() && tol.is_finite()) {
                    tally.skip();
                    continue;
                }
                tally.compare();
                if (raw - simple).abs() > tol {
                    return fail(format!(
                    "simplification changed the value of d/dx {} at x = {x:?}: raw {} = {raw}, simplified {} = {simple}",
                    to_text(&e),
                    to_text(&d.root.output),
                    to_text(&d.result)
                ));
                }
            }
            Ok(())
        },
    );
    tally.assert_compared_at_least("simplify(f′) = f′", 0.5);
}

#[test]
fn simplify_preserves_value() {
    let tally = Tally::default();
    check(
        "simplify(e) = e",
        384,
        (expr_in(XY, 4), points(6), points(6)),
        |(e, xs, ys)| {
            let s = simplify(&e);
            for (&x, &y) in xs.iter().zip(&ys) {
                let env = [("x", x), ("y", y)];
                let ((a, ma), (b, mb)) = (error_scale(&e, &env), error_scale(&s, &env));
                let tol = 1e-9 * (1.0 + a.abs()) + rounding_tolerance(&[ma, mb]);
                if !(a.is_finite() && b.is_finite() && tol.is_finite()) {
                    tally.skip();
                    continue;
                }
                tally.compare();
                if (a - b).abs() > tol {
                    return fail(format!(
                    "simplify changed the value of {} at (x, y) = ({x:?}, {y:?}): {a} vs {} = {b}",
                    to_text(&e),
                    to_text(&s)
                ));
                }
            }
            Ok(())
        },
    );
    tally.assert_compared_at_least("simplify(e) = e", 0.5);
}

// ---------------------------------------------------------------------------------------------
// 4. Printing round-trips through the parser.

/// Variable names the parser can produce: single letters (not `e`) and names with digits or
/// underscores.
const RT_VARS: &[&str] = &["x", "y", "t", "x1", "u_1"];

fn rt_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => (-5i32..=12).prop_map(|n| n as f64),
        2 => select(vec![0.5, 0.1, 2.5, 1e-7, 1e20, 123456.789, 1.0 / 3.0, 6.02e23, 1e15, 1e16, 0.001]),
        1 => select(vec![-0.5, -2.5, -1e-7, -1e20]),
        1 => -1e6f64..1e6,
    ]
}

/// Random trees in the shape the parser, differentiator and simplifier produce (including
/// negative literals, every function with a valid number of arguments, any powers).
fn rt_expr() -> BoxedStrategy<Expr> {
    let leaf = prop_oneof![
        3 => rt_number().prop_map(Expr::num),
        4 => select(RT_VARS).prop_map(Expr::var),
        1 => Just(Expr::Const(Constant::Pi)),
        1 => Just(Expr::Const(Constant::E)),
    ];
    leaf.prop_recursive(5, 32, 3, |inner| {
        let second = prop::option::of(prop_oneof![
            select(vec![2.0, 10.0, 0.2, 0.5, LEAKY_SLOPE]).prop_map(Expr::num),
            inner.clone(),
        ]);
        prop_oneof![
            1 => inner.clone().prop_map(Expr::neg),
            2 => (inner.clone(), inner.clone()).prop_map(|(a, b)| Expr::add(a, b)),
            2 => (inner.clone(), inner.clone()).prop_map(|(a, b)| Expr::sub(a, b)),
            3 => (inner.clone(), inner.clone()).prop_map(|(a, b)| Expr::mul(a, b)),
            2 => (inner.clone(), inner.clone()).prop_map(|(a, b)| Expr::div(a, b)),
            2 => (inner.clone(), inner.clone()).prop_map(|(a, b)| Expr::pow(a, b)),
            3 => (select(ALL.to_vec()), inner.clone(), second)
                .prop_map(|(f, a, b)| call_with(f, a, b)),
        ]
    })
    .boxed()
}

fn rt_env() -> impl Strategy<Value = Vec<f64>> {
    vec(-3.0f64..3.0, RT_VARS.len())
}

fn env_of(values: &[f64]) -> Vec<(&'static str, f64)> {
    RT_VARS
        .iter()
        .copied()
        .zip(values.iter().copied())
        .collect()
}

/// `parse(to_text(e))` succeeds and has the value of `e`.
fn reparse_same_value(e: &Expr, envs: &[Vec<f64>]) -> TestCaseResult {
    let text = to_text(e);
    let back = match parse(&text) {
        Ok(b) => b,
        Err(err) => {
            return fail(format!(
                "to_text gave {text:?} which does not parse: {} (tree {e:?})",
                err.message()
            ))
        }
    };
    for values in envs {
        let env = env_of(values);
        let ((a, ma), (b, mb)) = (error_scale(e, &env), error_scale(&back, &env));
        // Printing may re-associate `y*(y*x)` as `y*y*x`: the same number up to rounding,
        // which matters only where the expression cancels (`y*y*x - x*y*y`).
        let rounding =
            a.is_finite() && b.is_finite() && (a - b).abs() <= rounding_tolerance(&[ma, mb]);
        if !same_value(a, b, 1e-9) && !rounding {
            return fail(format!(
                "{text:?} reads back as {:?} with a different value at {env:?}: {a} vs {b} (tree {e:?})",
                to_text(&back)
            ));
        }
    }
    Ok(())
}

#[test]
fn text_round_trips_with_the_same_value() {
    check(
        "parse(to_text(e)) = e",
        512,
        (rt_expr(), vec(rt_env(), 4)),
        |(e, envs)| reparse_same_value(&e, &envs),
    );
}

/// Canonical text is a fixpoint of print ∘ parse: `to_text(parse(to_text(e))) == to_text(e)`
/// for any tree of the shapes the parser, differentiator and simplifier produce. (This used to
/// fail for `Neg(Mul(2, x))`, printed `-2x` but re-printed `-2*x` after parsing, and for
/// `log(u)`/`leaky_relu(u, 0.01)`, which the parser normalises.)
#[test]
fn text_is_a_fixpoint_after_one_round() {
    check("print ∘ parse ∘ print = print", 512, rt_expr(), |e| {
        let text = to_text(&e);
        let back = parse(&text).map_err(|err| {
            TestCaseError::fail(format!("{text:?} does not parse: {}", err.message()))
        })?;
        prop_assert_eq!(to_text(&back), text, "tree {:?}", e);
        Ok(())
    });
}

/// Derivatives and simplified expressions print to text that reads back to the same value
/// and is stable under print ∘ parse.
#[test]
fn derivative_text_round_trips() {
    check(
        "parse(to_text(f′)) = f′",
        384,
        (expr_in(XY, 4), vec(rt_env(), 4)),
        |(e, envs)| {
            let d = differentiate(&e, "x");
            reparse_same_value(&d.result, &envs)?;
            reparse_same_value(&d.root.output, &envs)?;
            reparse_same_value(&simplify(&e), &envs)?;
            let once = to_text(&parse(&to_text(&d.result)).unwrap());
            let twice = to_text(&parse(&once).unwrap());
            prop_assert_eq!(twice, once);
            Ok(())
        },
    );
}

// ---------------------------------------------------------------------------------------------
// The compiled evaluator agrees with the tree evaluator.

#[test]
fn compiled_program_agrees_with_eval_at() {
    check(
        "Program = eval_at",
        256,
        (expr_in(X, 4), vec(-3.0f64..3.0, 1..300)),
        |(e, xs)| {
            let p = Program::compile(&e, &["x"]);
            let mut out = vec![0.0; xs.len()];
            p.eval_slice(&xs, &mut out);
            for (&x, &got) in xs.iter().zip(&out) {
                let (want, scale) = error_scale(&e, &[("x", x)]);
                let near =
                    (got - want).abs() <= 1e-12 * (1.0 + want.abs()) + rounding_tolerance(&[scale]);
                if !same_value(got, want, 1e-12) && !near {
                    return fail(format!(
                        "{}: compiled {got} vs eval_at {want} at x = {x:?}",
                        to_text(&e)
                    ));
                }
            }
            prop_assert!(same_value(p.eval(&[xs[0]]), out[0], 0.0));
            Ok(())
        },
    );
}

// ---------------------------------------------------------------------------------------------
// 5. Nothing panics, whatever comes in.

const PIECES: &[&str] = &[
    "0",
    "1",
    "2",
    "7",
    "9",
    ".",
    "x",
    "y",
    "z",
    "e",
    "E",
    "a",
    "t",
    "u",
    "_",
    "+",
    "-",
    "*",
    "/",
    "^",
    "(",
    ")",
    "[",
    "]",
    "|",
    ",",
    "√",
    "π",
    "²",
    "³",
    "·",
    "×",
    "−",
    "σ",
    "⁻",
    "¹",
    " ",
    "**",
    "sin",
    "cos",
    "tan",
    "cot",
    "sec",
    "csc",
    "asin",
    "arcsin",
    "acos",
    "atan",
    "sinh",
    "cosh",
    "tanh",
    "coth",
    "sech",
    "csch",
    "asech",
    "exp",
    "ln",
    "log",
    "log10",
    "log2",
    "sqrt",
    "abs",
    "sigmoid",
    "relu",
    "ReLU",
    "softplus",
    "leaky_relu",
    "step",
    "pi",
    "xy",
    "xsinx",
    "e5",
    "e-",
    "1e999",
    "ℯ",
    "÷",
    "⋅",
    "–",
    "⁰",
    "sin^2",
    "sin^-1",
    "0.01",
    "1e-400",
];

fn fuzz_input() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => select(PIECES).prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ];
    vec(piece, 0..30).prop_map(|ps| ps.concat().chars().take(60).collect())
}

/// Every stage of the pipeline on one expression; returns nothing, must not panic.
fn pipeline(e: &Expr) {
    let _ = (to_text(e), to_latex(e), to_mathml(e), to_unicode(e));
    let _ = (e.depth(), e.op_count());
    let _ = e.constant_value();
    let s = simplify(e);
    let _ = (to_text(&s), to_latex(&s), to_mathml(&s));
    let mut vars = e.variables();
    vars.truncate(2);
    if vars.is_empty() {
        vars.push("x".to_string());
    }
    let xs = [-2.5, -1.0, -0.0, 0.0, 0.5, 1.0, 3.0, f64::NAN, 1e300];
    for var in &vars {
        let d = differentiate(e, var);
        let _ = (
            to_text(&d.result),
            to_latex(&d.result),
            to_mathml(&d.result),
        );
        let _ = to_unicode(&d.result);
        let _ = to_text(&d.root.output);
        for line in explain(&d, Order::Textbook) {
            let _ = line.text();
            for seg in &line.segments {
                if let Some(l) = seg.layout() {
                    let _ = math_element(&l);
                }
            }
        }
        let p = Program::compile(&d.result, &[var.as_str()]);
        let mut out = [0.0; 9];
        p.eval_slice(&xs, &mut out);
        let _ = eval_at(&d.result, &[(var, 0.5)]);
    }
    let names: Vec<&str> = vars.iter().map(String::as_str).collect();
    let p = Program::compile(e, &names);
    let mut out = [0.0; 9];
    p.eval_slice(&xs, &mut out);
    let _ = p.eval(&[1.0, 2.0]);
    let _ = p.eval(&[]);
    p.eval_batch(&[&xs, &xs], &mut out);
}

/// A parse error's span lies inside the input, on character boundaries (the CLI and the UI
/// slice the input with it).
fn check_span(src: &str, span: (usize, usize)) -> TestCaseResult {
    let (a, b) = span;
    prop_assert!(
        a <= b && b <= src.len(),
        "span {:?} out of range for {:?}",
        span,
        src
    );
    prop_assert!(
        src.is_char_boundary(a) && src.is_char_boundary(b),
        "span {:?} splits a character in {:?}",
        span,
        src
    );
    Ok(())
}

#[test]
fn random_text_never_panics() {
    check("no panic on random input", 512, fuzz_input(), |src| {
        match parse(&src) {
            Ok(e) => pipeline(&e),
            Err(err) => {
                let _ = (err.message(), err.to_string());
                check_span(&src, err.span)?;
            }
        }
        Ok(())
    });
}

/// Literals for arbitrary trees: NaN, infinities, the extremes, negative, zero of both signs,
/// subnormal, tiny, large and fractional values.
fn weird_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        -1e6f64..1e6,
        select(vec![
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            5e-324,
            -5e-324,
            -0.0,
            0.0,
            1.0,
            -1.0,
            0.5,
            0.01,
            1.0 / 3.0,
            2.0 / 3.0,
            64.0,
            65.0,
            -64.0,
            1e15,
            9007199254740993.0,
            1099511627776.0,
            123456.789,
        ]),
        (-10i32..10).prop_map(|n| n as f64),
    ]
}

fn weird_name() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(vec!["x", "y", "u", "v", "u_1", "e", "pi", "sin", ""]).prop_map(String::from),
        1 => select(vec![
            "<script>alert(1)</script>",
            "a&b",
            "\"'",
            "x<y",
            "&amp;",
            "\\",
            "{}",
            "]]>",
            "<!--",
        ])
        .prop_map(String::from),
        1 => "\\PC{0,8}",
    ]
}

/// Arbitrary trees, including ones the parser never builds: NaN and huge literals, strange
/// names, calls with zero or too many arguments.
fn weird_expr() -> impl Strategy<Value = Expr> {
    let leaf = prop_oneof![
        2 => weird_number().prop_map(Expr::num),
        3 => weird_name().prop_map(Expr::Var),
        1 => Just(Expr::Const(Constant::Pi)),
        1 => Just(Expr::Const(Constant::E)),
    ];
    leaf.prop_recursive(8, 48, 3, |inner| {
        prop_oneof![
            1 => inner.clone().prop_map(Expr::neg),
            1 => (inner.clone(), inner.clone()).prop_map(|(a, b)| Expr::add(a, b)),
            1 => (inner.clone(), inner.clone()).prop_map(|(a, b)| Expr::sub(a, b)),
            1 => (inner.clone(), inner.clone()).prop_map(|(a, b)| Expr::mul(a, b)),
            1 => (inner.clone(), inner.clone()).prop_map(|(a, b)| Expr::div(a, b)),
            1 => (inner.clone(), inner.clone()).prop_map(|(a, b)| Expr::pow(a, b)),
            2 => (select(ALL.to_vec()), vec(inner, 0..4)).prop_map(|(f, args)| Expr::Call(f, args)),
        ]
    })
}

#[derive(Clone, Copy, Debug)]
enum Wrap {
    Neg,
    Call(Func),
    PowBy(f64),
    Times(f64),
    Plus(f64),
    Extra(Func),
}

/// Deep trees (up to 30 levels): a chain of unary wrappers around a weird tree.
fn deep_expr() -> impl Strategy<Value = Expr> {
    let wrap = prop_oneof![
        Just(Wrap::Neg),
        select(ALL.to_vec()).prop_map(Wrap::Call),
        weird_number().prop_map(Wrap::PowBy),
        weird_number().prop_map(Wrap::Times),
        weird_number().prop_map(Wrap::Plus),
        select(ALL.to_vec()).prop_map(Wrap::Extra),
    ];
    (weird_expr(), vec(wrap, 0..30)).prop_map(|(e, ws)| {
        ws.into_iter().fold(e, |e, w| match w {
            Wrap::Neg => Expr::neg(e),
            Wrap::Call(f) => Expr::call(f, e),
            Wrap::PowBy(n) => Expr::pow(e, Expr::num(n)),
            Wrap::Times(n) => Expr::mul(Expr::num(n), e),
            Wrap::Plus(n) => Expr::add(e, Expr::num(n)),
            // Constant extra arguments: a variable one makes differentiation rewrite the call
            // (as for `leaky_relu(u, x)`), doubling the tree per level (see
            // `nested_fractions_differentiate_quickly`).
            Wrap::Extra(f) => Expr::Call(f, vec![e, Expr::num(2.0), Expr::num(3.0)]),
        })
    })
}

#[test]
fn random_trees_never_panic() {
    check("no panic on random trees", 256, weird_expr(), |e| {
        pipeline(&e);
        Ok(())
    });
}

#[test]
fn deep_trees_never_panic() {
    check("no panic on deep trees", 96, deep_expr(), |e| {
        pipeline(&e);
        Ok(())
    });
}

/// Long inputs (up to the 1000-byte limit) either parse and go through the whole pipeline or
/// are rejected with a well-formed error (the parser bounds nesting and chain length). Runs on
/// a thread with a big stack; `long_flat_input_fits_the_default_stack` checks the default one.
#[test]
fn long_inputs_never_panic() {
    let inputs: Vec<String> = [
        ("x", "+"),
        ("x", "-"),
        ("x", "*"),
        ("sin(x)", "*"),
        ("(x+1)", "/"),
    ]
    .iter()
    .flat_map(|(unit, sep)| {
        [200, 600, 1000].map(|limit| {
            let mut s = unit.to_string();
            while s.len() + sep.len() + unit.len() <= limit {
                s.push_str(sep);
                s.push_str(unit);
            }
            s
        })
    })
    .collect();
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            for s in &inputs {
                match parse(s) {
                    Ok(e) => pipeline(&e),
                    Err(err) => check_span(s, err.span).unwrap(),
                }
            }
            let too_long = "x+".repeat(600);
            assert!(parse(&too_long).is_err());
        })
        .unwrap()
        .join()
        .unwrap();
}

// ---------------------------------------------------------------------------------------------
// 6. MathML: user text never becomes markup.

const MATHML_TAGS: &[&str] = &[
    "math", "mrow", "mi", "mn", "mo", "mtext", "mfrac", "msup", "msub", "msqrt", "mroot",
];
const ENTITIES: &[&str] = &[
    "&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&#x2061;", "&#x2062;",
];

/// Checks that `m` is well-formed MathML made only of known elements, with every `<`, `>`, `&`
/// and quote in text escaped; returns the unescaped text of the `<mi>` elements.
fn check_mathml(m: &str) -> Result<Vec<String>, String> {
    if m.to_ascii_lowercase().contains("<script") {
        return Err("contains <script".into());
    }
    let mut stack: Vec<&str> = Vec::new();
    let mut identifiers = Vec::new();
    let mut text = String::new();
    let mut rest = m;
    while let Some(c) = rest.chars().next() {
        match c {
            '<' => {
                let end = rest.find('>').ok_or("unterminated tag")?;
                let tag = &rest[1..end];
                if tag.contains('<') {
                    return Err(format!("'<' inside tag {tag:?}"));
                }
                if let Some(name) = tag.strip_prefix('/') {
                    if stack.pop() != Some(name) {
                        return Err(format!("unbalanced </{name}>"));
                    }
                    if name == "mi" {
                        identifiers.push(std::mem::take(&mut text));
                    }
                } else {
                    let name = match tag {
                        "math xmlns=\"http://www.w3.org/1998/Math/MathML\"" => "math",
                        "mo fence=\"true\"" => "mo",
                        t => t,
                    };
                    let known = MATHML_TAGS.iter().find(|t| **t == name);
                    stack.push(known.ok_or(format!("unknown element <{tag}>"))?);
                    text.clear();
                }
                rest = &rest[end + 1..];
            }
            '&' => {
                let e = ENTITIES
                    .iter()
                    .find(|e| rest.starts_with(**e))
                    .ok_or_else(|| {
                        let at: String = rest.chars().take(12).collect();
                        format!("raw '&' in text at {at:?}")
                    })?;
                text.push_str(match *e {
                    "&amp;" => "&",
                    "&lt;" => "<",
                    "&gt;" => ">",
                    "&quot;" => "\"",
                    "&#39;" => "'",
                    _ => "",
                });
                rest = &rest[e.len()..];
            }
            '>' | '"' | '\'' => return Err(format!("raw {c:?} in text")),
            c => {
                text.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    if !stack.is_empty() {
        return Err(format!("unclosed elements {stack:?}"));
    }
    if !m.starts_with("<math") {
        return Err("does not start with <math".into());
    }
    Ok(identifiers)
}

#[test]
fn mathml_escapes_user_text() {
    // Trees with hostile variable names: each name must come out intact, as text.
    let names = vec(weird_name(), 1..4);
    check(
        "MathML escapes names",
        256,
        (names, expr_in(X, 2)),
        |(names, shape)| {
            let mut e = shape;
            for n in &names {
                e = Expr::add(e, Expr::mul(Expr::var(n), Expr::var("x")));
            }
            let ids = check_mathml(&to_mathml(&e)).map_err(TestCaseError::fail)?;
            for n in names.iter().filter(|n| !n.is_empty()) {
                prop_assert!(
                    ids.contains(n),
                    "{:?} missing from identifiers {:?}",
                    n,
                    ids
                );
            }
            let d = differentiate(&e, "x");
            check_mathml(&to_mathml(&d.result)).map_err(TestCaseError::fail)?;
            for line in explain(&d, Order::Textbook) {
                for seg in &line.segments {
                    if let Some(l) = seg.layout() {
                        check_mathml(&math_element(&l)).map_err(TestCaseError::fail)?;
                    }
                }
            }
            Ok(())
        },
    );
    // Typed input, hostile or not.
    check("MathML of parsed input", 256, fuzz_input(), |src| {
        if let Ok(e) = parse(&src) {
            check_mathml(&to_mathml(&e)).map_err(TestCaseError::fail)?;
            let d = differentiate(&e, "x");
            check_mathml(&to_mathml(&d.result)).map_err(TestCaseError::fail)?;
        }
        Ok(())
    });
    // The checker itself rejects markup.
    assert!(check_mathml("<math><mi><script>x</script></mi></math>").is_err());
    assert!(check_mathml("<math><mi>a&b</mi></math>").is_err());
    assert!(check_mathml("<math><mi>a<b</mi></math>").is_err());
    assert!(check_mathml(
        "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mi>a&lt;b</mi></math>"
    )
    .is_ok());
}

// ---------------------------------------------------------------------------------------------
// Bugs found by these properties, pinned down as minimal cases. Fixed ones stay as regression
// tests; open ones are `#[ignore = "bug: …"]`.

/// Non-finite numbers appear when folding overflows (`1e200*1e200`, `1e308*10 - 1e308*10`)
/// and in hand-built trees. They used to print as `inf`/`nan`, which read back as the
/// product of variables `i·n·f`.
#[test]
fn non_finite_literals_round_trip() {
    let x = || Expr::var("x");
    for v in [f64::INFINITY, f64::NEG_INFINITY, f64::NAN] {
        let n = || Expr::num(v);
        for e in [
            n(),
            Expr::mul(n(), x()),
            Expr::add(x(), n()),
            Expr::pow(x(), n()),
            Expr::call(Func::Sin, n()),
        ] {
            let text = to_text(&e);
            let back = parse(&text).unwrap_or_else(|err| panic!("{text:?}: {}", err.message()));
            let (a, b) = (eval_at(&e, &[("x", 1.5)]), eval_at(&back, &[("x", 1.5)]));
            assert!(
                same_value(a, b, 0.0),
                "{text:?} reads back as {:?}: {a} vs {b}",
                to_text(&back)
            );
        }
    }
    // Reached from typed input: 1e200·1e200 overflows while the simplifier folds it.
    let d = differentiate(&parse("1e200*1e200*x^2").unwrap(), "x");
    let text = to_text(&d.result);
    let back = parse(&text).unwrap_or_else(|err| panic!("{text:?}: {}", err.message()));
    let (a, b) = (
        eval_at(&d.result, &[("x", 1.0)]),
        eval_at(&back, &[("x", 1.0)]),
    );
    assert!(
        same_value(a, b, 0.0),
        "{text:?} reads back as {:?}",
        to_text(&back)
    );
}

/// The chain rule's fresh name for the inner function (`u`, `v`, `w`, `z`, `s`, `t`, then
/// `u_1`) used to clash with a user variable `u_1`, which then got differentiated and
/// substituted: d/dx log(x^2, u_1 + …) came out in terms of `x^2 + …` in the base.
#[test]
fn chain_rule_fresh_name_does_not_capture_user_variables() {
    let e = parse("log(x^2, u_1 + u + v + w + z + s + t)").unwrap();
    let d = differentiate(&e, "x");
    let env = [
        ("x", 1.5),
        ("u_1", 2.0),
        ("u", 1.0),
        ("v", 1.0),
        ("w", 1.0),
        ("z", 1.0),
        ("s", 1.0),
        ("t", 1.0),
    ];
    // log(x^2, B) = 2 ln(x)/ln(B): d/dx = 2/(x ln B) with B = 8.
    let want = 2.0 / (1.5 * 8f64.ln());
    let got = eval_at(&d.result, &env);
    assert!(
        close(got, want, 1e-9),
        "d/dx = {} gives {got}, expected {want}",
        to_text(&d.result)
    );
}

/// `relu` of an undefined value used to be 0 (`f64::max` returns the other operand when one is
/// NaN), so `relu(ln(x))` was drawn as 0 for x ≤ 0 where it is undefined, while its derivative
/// `step(ln(x))/x` is (rightly) undefined there. Every other function propagates NaN.
#[test]
fn relu_of_undefined_is_undefined() {
    let e = parse("relu(ln(x))").unwrap();
    assert!(
        eval_at(&e, &[("x", -1.0)]).is_nan(),
        "eval_at gives {}",
        eval_at(&e, &[("x", -1.0)])
    );
    let mut out = [0.0];
    Program::compile(&e, &["x"]).eval_slice(&[-1.0], &mut out);
    assert!(out[0].is_nan(), "Program gives {}", out[0]);
}

/// `0^x` is 0 for x > 0, so its derivative is 0; the exponential rule used to give
/// `0^x ln(0)`, undefined everywhere.
#[test]
fn zero_base_exponential() {
    for src in ["0^x", "0^(x^2 + 1)", "(1 - 1)^x"] {
        let d = differentiate(&parse(src).unwrap(), "x");
        let got = eval_at(&d.result, &[("x", 1.5)]);
        assert_eq!(got, 0.0, "d/dx {src} = {}", to_text(&d.result));
    }
}

/// A base that only cancels to 0 (`(x - x)^x`, i.e. `0^x`) still goes through logarithmic
/// differentiation: `0^x (ln(0) + x·0/0)`, simplified to `0^x ln(0)`, undefined for every x,
/// while the function is 0 for x > 0. Contrived, but the same shape as `zero_base_exponential`.
#[test]
fn zero_base_that_cancels() {
    let d = differentiate(&parse("(x - x)^x").unwrap(), "x");
    let got = eval_at(&d.result, &[("x", 1.5)]);
    assert_eq!(got, 0.0, "d/dx (x - x)^x = {}", to_text(&d.result));
}

/// The compiled program and `eval_at` used to disagree on `x^y` when `y` is a variable that
/// happens to be an odd-denominator fraction: eval_at took the real odd root, the program NaN.
#[test]
fn program_and_eval_at_agree_on_variable_exponents() {
    let e = parse("x^y").unwrap();
    let p = Program::compile(&e, &["x", "y"]);
    let mut out = [0.0];
    p.eval_batch(&[&[-8.0], &[1.0 / 3.0]], &mut out);
    let want = eval_at(&e, &[("x", -8.0), ("y", 1.0 / 3.0)]);
    assert!(
        same_value(out[0], want, 1e-12),
        "program {} vs eval_at {want}",
        out[0]
    );
}

/// A parse error's span must be on character boundaries (the CLI slices the input with it);
/// the too-long error's span used to start at byte 1000 even inside a multi-byte character.
#[test]
fn too_long_error_span_is_on_a_char_boundary() {
    let src = format!("{}é", "x".repeat(999));
    let err = parse(&src).unwrap_err();
    assert!(
        src.is_char_boundary(err.span.0) && src.is_char_boundary(err.span.1),
        "span {:?} of {:?}",
        err.span,
        err.kind
    );
}

/// The longest left-nested chain the parser accepts (`x+x+…+x`, up to the 1000-byte limit)
/// must differentiate on a 2 MiB stack, the default for spawned threads and test threads, in
/// a debug build. Without a bound on chain length, ~225 terms overflowed it in `differentiate`
/// (the recursion is as deep as the chain). When this fails, it aborts the test process.
#[test]
fn long_flat_input_fits_the_default_stack() {
    for sep in ["+", "*", "/", "-"] {
        let longest = (1..=500)
            .rev()
            .map(|n| vec!["x"; n].join(sep))
            .find(|s| parse(s).is_ok())
            .unwrap();
        std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || {
                let e = parse(&longest).unwrap();
                let d = differentiate(&e, "x");
                let _ = (
                    explain(&d, Order::Textbook),
                    to_text(&d.result),
                    to_mathml(&d.result),
                    simplify(&e),
                );
                let _ = Program::compile(&d.result, &["x"]).eval(&[1.5]);
            })
            .unwrap()
            .join()
            .unwrap();
    }
}

/// Where `relu` or `step` is constant (a half-line), an outer function that is singular at that
/// constant, or a power over a negative base, makes the chain rule produce 0·∞ or 0·NaN: the
/// derivative is undefined on the whole half-line although the function is smooth there.
/// `x - sqrt(relu(x))` is `x` for x < 0 (derivative 1) but `1 - step(x)/(2sqrt(relu(x)))`
/// is 0/0; `x^relu(x)` is 1 for x < 0 (derivative 0) but its log-differentiation formula has
/// `ln(x)·step(x)` = NaN·0; likewise `(-1)^relu(x)` and `(-pi)^(abs(x) + x)` with `ln(-1)`,
/// `ln(-pi)`. (The same happens where floating point makes an exponent constant, as in
/// `x^tanh(100x)` for x < 0 once tanh has rounded to -1; that one is arguably undefined anyway.)
///
/// Fixed in the derivative's compiled program (what the page, the CLI and the readouts use):
/// a factor that is constant on a whole interval where it is 0 makes its product 0 there.
/// `eval_at` on the bare formula still gives 0·∞; it is not what a student sees.
#[test]
fn derivatives_through_flat_pieces() {
    for (src, want) in [
        ("x - sqrt(relu(x))", 1.0),
        ("x^relu(x)", 0.0),
        ("(-1)^relu(x)", 0.0),
        ("(-pi)^(abs(x) + x)", 0.0),
    ] {
        let d = differentiate(&parse(src).unwrap(), "x");
        let got = d.program(&["x"]).eval(&[-0.6]);
        assert_eq!(got, want, "d/dx {src} = {} at x = -0.6", to_text(&d.result));
    }
    // Where the flat factor is not 0 the formula is used as it is, and f's own domain and the
    // genuine singular points are kept: `sqrt(relu(x))` has no derivative at 0.
    let d = differentiate(&parse("x - sqrt(relu(x))").unwrap(), "x");
    let p = d.program(&["x"]);
    assert_eq!(p.eval(&[0.25]), 0.0);
    assert!(p.eval(&[0.0]).is_nan());
    // floor is flat between whole numbers too: sqrt(x floor(x)) - x is -x on (0, 1).
    let d = differentiate(&parse("sqrt(x*floor(x)) - x").unwrap(), "x");
    assert_eq!(
        d.program(&["x"]).eval(&[0.5]),
        -1.0,
        "{}",
        to_text(&d.result)
    );
    let d = differentiate(&parse("step(x)*ln(x)").unwrap(), "x");
    assert!(
        d.program(&["x"]).eval(&[-1.0]).is_nan(),
        "f itself is undefined there"
    );
}

/// Runs `f` on a helper thread and fails if it has not finished within `limit` (the thread is
/// left behind: a hung computation cannot be stopped from outside).
fn finishes_within<T: Send + 'static>(
    limit: Duration,
    f: impl FnOnce() -> T + Send + 'static,
) -> Option<T> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            let _ = tx.send(f());
        })
        .unwrap();
    rx.recv_timeout(limit).ok()
}

/// A NaN constant (typed as `1e308*10 - 1e308*10`, or `0*(1e308*10)`; before literals were
/// bounded, `1e999-1e999`) made the simplifier run forever: NaN ≠ NaN, so `(x + nan)` never
/// cancelled against itself and `together` and `best` kept calling each other.
/// `differentiate` simplifies, so it hung too.
#[test]
fn nan_constants_simplify_in_bounded_time() {
    let x = Expr::var("x");
    let nan_tree = Expr::add(
        Expr::div(Expr::num(1.0), Expr::add(x.clone(), Expr::num(f64::NAN))),
        Expr::num(1.0),
    );
    let ln_tree = Expr::mul(
        x.clone(),
        Expr::call(Func::Ln, Expr::add(x, Expr::num(f64::NAN))),
    );
    for (src, e) in [
        ("x*ln(x+1e308*10-1e308*10)", None),
        ("1/(x+1e308*10-1e308*10)+1", None),
        ("1/(x+0*(1e308*10))+1", None),
        ("1/(x + NaN) + 1 (tree)", Some(nan_tree)),
        ("x*ln(x + NaN) (tree)", Some(ln_tree)),
    ] {
        let e = e.unwrap_or_else(|| parse(src).unwrap());
        let e2 = e.clone();
        assert!(
            finishes_within(Duration::from_secs(60), move || simplify(&e2)).is_some(),
            "simplify({src}) did not finish in 60 s"
        );
        assert!(
            finishes_within(Duration::from_secs(60), move || differentiate(&e, "x")).is_some(),
            "differentiate({src}) did not finish in 60 s"
        );
    }
}

/// Nested inputs used to take time exponential in their depth in the simplifier (every level
/// re-simplified the levels below through `together`/`factor_common`): a 37-character
/// continued fraction took ~25 s to differentiate in a release build, one more level hours.
/// These are hang detectors, not speed tests: each takes well under a second, the bound is 60 s.
#[test]
fn nested_inputs_differentiate_quickly() {
    let cases = [
        ("1/(x+@)", 6),
        ("x/(1+@)", 6),
        ("1/(@+1)", 12),
        ("sqrt(@+x)", 10),
        ("ln(@+x)", 8),
        ("sigmoid(@*x)", 6),
        ("x^(@)", 10),
        ("log(@, x)", 10),
        ("@^x", 10),
    ];
    for (template, depth) in cases {
        let src = nest(template, depth);
        let e = parse(&src).unwrap();
        let done = finishes_within(Duration::from_secs(60), move || differentiate(&e, "x"));
        assert!(
            done.is_some(),
            "differentiate({src}) did not finish in 60 s"
        );
    }
}

fn nest(template: &str, depth: usize) -> String {
    let mut src = "x".to_string();
    for _ in 0..depth {
        src = template.replace('@', &src);
    }
    src
}

/// `leaky_relu(u, a)` with the variable in the slope is differentiated as
/// `relu(u) - a·relu(-u)`, which holds `u` twice, so nesting doubles the work per level:
/// `leaky_relu(…leaky_relu(x, x)…, x)` 12 deep (181 characters) takes ~15 s in a release
/// build, and every further level about twice as long.
/// Since `MAX_STEPS`, such runaway derivatives stop and are reported as unfinished.
#[test]
fn nested_leaky_relu_with_variable_slope_differentiates_quickly() {
    let src = nest("leaky_relu(@, x)", 12);
    let e = parse(&src).unwrap();
    let done = finishes_within(Duration::from_secs(60), move || differentiate(&e, "x"));
    assert!(
        done.is_some(),
        "differentiate({src}) did not finish in 60 s"
    );
}

/// Decimal text as `[sign]digits[.digits][e[sign]digits]`, across every scale a double has.
fn decimal_text() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["", "-", "+"]),
        "[0-9]{1,25}",
        prop::option::of("[0-9]{0,25}"),
        prop::option::of(-360i32..360),
    )
        .prop_map(|(sign, int, frac, exp)| {
            let mut s = format!("{sign}{int}");
            if let Some(f) = frac {
                s.push('.');
                s.push_str(&f);
            }
            if let Some(e) = exp {
                s.push_str(&format!("e{e}"));
            }
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20000))]

    /// Our decimal reader gives the standard library's double, bit for bit.
    #[test]
    fn decimal_text_reads_as_the_nearest_double(s in decimal_text()) {
        let ours = slope::math::decimal::parse_decimal(&s).map(f64::to_bits);
        prop_assert_eq!(ours, s.parse::<f64>().ok().map(f64::to_bits), "{}", s);
    }

    /// Every double printed in full (shortest and 17 digits) reads back as itself.
    #[test]
    fn printed_doubles_read_back(bits in any::<u64>()) {
        let x = f64::from_bits(bits >> 1);
        prop_assume!(x.is_finite());
        for s in [format!("{x:e}"), format!("{x:.16e}"), format!("{x}")] {
            prop_assert_eq!(slope::math::decimal::parse_decimal(&s).map(f64::to_bits), Some(x.to_bits()), "{}", s);
        }
    }
}

/// Found by `rule_quotient`: ceil(x − (x + 2)) is ceil(−2) = −2 to the simplifier, so the
/// derivative of ceil(x − (x + 2))/x is 2/x², right; but at x = 0.9902877471945157 floats give
/// x − (x + 2) = −1.9999999999999998 and ceil of it −1, so a reference from floats said 1/x².
/// The rule checks skip a point where a jump function's varying argument is within round-off
/// of its jump.
#[test]
fn a_jump_argument_in_round_off_is_not_a_reference() {
    let x = 0.9902877471945157;
    let u = parse("x - (x + 2)").unwrap();
    assert_ne!(
        eval_at(&u, &[("x", x)]),
        -2.0,
        "the case needs the round-off it was found with"
    );
    let f = parse("ceil(x - (x + 2))/x").unwrap();
    assert_eq!(to_text(&differentiate(&f, "x").result), "2/x^2");
    assert!(jump_in_round_off(&f, &[("x", x)]));
    assert!(!jump_in_round_off(
        &parse("ceil(x)/x").unwrap(),
        &[("x", x)]
    ));
    assert!(!jump_in_round_off(
        &parse("sign(x - 1)").unwrap(),
        &[("x", x)]
    ));
}

/// Found by `derivative_matches_finite_differences`: the simplifier folds 0.1^(−2) to 100,
/// plain float evaluation to 99.99999999999999, and a jump function amplifies the
/// difference: f = x·floor(0.1^(−2)) evaluated as 99x while f′ = floor(100) = 100. Programs
/// now fold constant parts the way the simplifier does.
#[test]
fn jump_of_inexact_constant_agrees_with_its_derivative() {
    for text in [
        "x*floor(0.1^(-2))",
        "x*ceil(0.1*3*10)",
        "x*sign(0.1+0.2-0.3)",
        "x*floor(sqrt(2)^2)",
    ] {
        let f = parse(text).unwrap();
        let d = differentiate(&f, "x");
        let program = slope::math::Program::compile(&f, &["x"]);
        let slope = program.eval(&[1.0]) - program.eval(&[0.0]);
        assert_eq!(slope, eval_at(&d.result, &[("x", 0.5)]), "{text}");
        if text == "x*floor(0.1^(-2))" {
            assert_eq!(slope, 100.0);
        }
    }
}

/// Found by `compiled_program_agrees_with_eval_at` when constants were first folded by the
/// simplifier: x⁰ = 1 turned the undefined ((−π)^(3/2))⁰ into 1. A constant part keeps the
/// float value's definedness; both evaluators fold alike.
#[test]
fn folding_a_constant_never_defines_what_is_undefined() {
    for text in ["((-pi)^(3/2))^0 + x", "x*sqrt(-1)^0", "x + 0*ln(-2)"] {
        let f = parse(text).unwrap();
        let program = slope::math::Program::compile(&f, &["x"]);
        assert!(program.eval(&[1.0]).is_nan(), "{text}");
        assert!(eval_at(&f, &[("x", 1.0)]).is_nan(), "{text}");
    }
}

/// Our small sort is the standard library's stable sort: same order, ties kept in place.
#[test]
fn sort_is_a_stable_sort() {
    check(
        "sort_by",
        512,
        vec((0u8..8, any::<u16>()), 0..300),
        |items| {
            let mut ours = items.clone();
            slope::math::sort::sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = items;
            std.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std);
            Ok(())
        },
    );
}

/// Our decimal printing is `format!`'s, digit for digit: shortest (`{}`), fixed (`{:.N}`) and
/// exponential (`{:e}`, `{:.Ne}`), for any double and for the round ones pages show.
#[test]
fn printing_doubles_matches_format() {
    use slope::math::digits::{exponential, fixed, shortest};
    let doubles = prop_oneof![
        any::<u64>().prop_map(f64::from_bits),
        (-100_000i64..100_000, 0u32..8).prop_map(|(k, e)| k as f64 / 10f64.powi(e as i32)),
        (-1074i32..1024).prop_map(|e| 2f64.powi(e)),
        (1u64..1 << 53, -30i32..30).prop_map(|(m, e)| m as f64 * 10f64.powi(e)),
        Just(0.5),
        Just(-0.0),
        Just(2.5),
        Just(0.125),
        Just(f64::MAX),
        Just(f64::MIN_POSITIVE),
        Just(5e-324),
    ];
    check("digits", 4096, (doubles, 0usize..10), |(x, n)| {
        prop_assert_eq!(shortest(x), format!("{x}"));
        prop_assert_eq!(fixed(x, n), format!("{x:.n$}"));
        prop_assert_eq!(exponential(x, None), format!("{x:e}"));
        prop_assert_eq!(exponential(x, Some(n)), format!("{x:.n$e}"));
        Ok(())
    });
    for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        assert_eq!(shortest(x), format!("{x}"));
        assert_eq!(fixed(x, 2), format!("{x:.2}"));
        assert_eq!(exponential(x, None), format!("{x:e}"));
    }
}
