//! Simplification to the form a textbook prints. Two tiers: canonical constructors (`add`,
//! `mul`, `pow`) flatten, fold numbers exactly, collect like terms and like bases as nodes are
//! built; then a few named rewrites — expand, common denominator, common factor — are tried at
//! each level and the smallest result kept (polynomials are always shown expanded, `3x^2 + 2x`
//! rather than `x(3x + 2)`). The result is turned back into an `Expr` with subtraction,
//! division and square roots restored.

use std::cell::Cell;
use std::cmp::Ordering;

use super::ast::{Constant, Expr};
use super::func::Func;
use super::number::Number;

/// Canonical form: n-ary sums and products, no subtraction or division.
#[derive(Clone, Debug, PartialEq)]
enum N {
    Num(Number),
    Const(Constant),
    Var(String),
    Add(Vec<N>),
    Mul(Vec<N>),
    Pow(Box<N>, Box<N>),
    Call(Func, Vec<N>),
}

/// Largest number of terms an expansion may produce before we give up on it.
const MAX_TERMS: usize = 64;
/// Largest integer power of a sum we multiply out.
const MAX_EXPAND_POWER: i64 = 6;

/// Work one `simplify` call may spend, in units of terms and factors handled by the
/// canonical constructors. Ordinary derivatives need a few thousand; when a huge one runs
/// out, the remaining rewrites are skipped and the result is correct but less tidy, so no
/// input can keep the page busy for long. Counted, not timed: the result is the same on
/// every machine.
pub const WORK_BUDGET: usize = 25_000;

thread_local! {
    static WORK_LEFT: Cell<usize> = const { Cell::new(WORK_BUDGET) };
}

/// Takes `units` from the budget; false (and nothing taken) when it cannot pay.
fn spend(units: usize) -> bool {
    WORK_LEFT.with(|w| {
        let left = w.get();
        w.set(left.saturating_sub(units));
        left >= units
    })
}

fn exhausted() -> bool {
    WORK_LEFT.with(|w| w.get() == 0)
}

/// Simplifies an expression.
pub fn simplify(e: &Expr) -> Expr {
    simplify_within(e, WORK_BUDGET).0
}

/// Simplifies within a work budget; also says whether the budget ran out (the result is then
/// still equal to `e`, only less tidy).
pub fn simplify_within(e: &Expr, budget: usize) -> (Expr, bool) {
    // Nested calls (the power rule simplifies its exponent) get their own budget.
    let saved = WORK_LEFT.with(|w| w.replace(budget));
    let out = to_expr(&best(from_expr(e)));
    let ran_out = exhausted();
    WORK_LEFT.with(|w| w.set(saved));
    (out, ran_out)
}

fn num(n: Number) -> N {
    N::Num(n)
}

fn int(i: i64) -> N {
    N::Num(Number::int(i))
}

fn from_expr(e: &Expr) -> N {
    match e {
        Expr::Num(x) => num(Number::from_f64(*x)),
        Expr::Const(c) => N::Const(*c),
        Expr::Var(v) => N::Var(v.clone()),
        Expr::Neg(a) => mul(vec![int(-1), from_expr(a)]),
        Expr::Add(a, b) => add(vec![from_expr(a), from_expr(b)]),
        Expr::Sub(a, b) => add(vec![from_expr(a), mul(vec![int(-1), from_expr(b)])]),
        Expr::Mul(a, b) => mul(vec![from_expr(a), from_expr(b)]),
        Expr::Div(a, b) => mul(vec![from_expr(a), pow(from_expr(b), int(-1))]),
        Expr::Pow(a, b) => pow(from_expr(a), from_expr(b)),
        Expr::Call(f, args) => {
            let args: Vec<N> = args.iter().map(from_expr).collect();
            call(*f, args)
        }
    }
}

fn call(f: Func, mut args: Vec<N>) -> N {
    let Some(first) = args.first().cloned() else {
        return N::Call(f, args);
    };
    match f {
        Func::Exp => return pow(N::Const(Constant::E), first),
        Func::Sqrt => return pow(first, num(Number::rat(1, 2))),
        Func::Log if args.len() == 1 => return call(Func::Ln, args),
        Func::Log if args.get(1) == Some(&N::Const(Constant::E)) => {
            return call(Func::Ln, vec![first])
        }
        _ => {}
    }
    if let N::Num(n) = &first {
        let x = n.to_f64();
        let exact = match f {
            Func::Sin
            | Func::Tan
            | Func::Asin
            | Func::Atan
            | Func::Sinh
            | Func::Tanh
            | Func::Relu
                if x == 0.0 =>
            {
                Some(Number::ZERO)
            }
            Func::Cos | Func::Cosh | Func::Sech if x == 0.0 => Some(Number::ONE),
            Func::Asech if x == 1.0 => Some(Number::ZERO),
            Func::Sigmoid if x == 0.0 => Some(Number::rat(1, 2)),
            Func::Ln if x == 1.0 => Some(Number::ZERO),
            Func::Abs => Some(n.abs()),
            Func::Step if x != 0.0 => Some(if x > 0.0 { Number::ONE } else { Number::ZERO }),
            Func::Sign if !x.is_nan() => Some(Number::int(i64::from(x > 0.0) - i64::from(x < 0.0))),
            // Exact for rationals; a real is floored as the float it is, as programs do.
            Func::Floor | Func::Ceil => match *n {
                Number::Rat(p, q) if f == Func::Floor => Some(Number::int(p.div_euclid(q))),
                Number::Rat(p, q) => Some(Number::int(-(-p).div_euclid(q))),
                Number::Real(r) if r.is_finite() && f == Func::Floor => {
                    Some(Number::from_f64(r.floor()))
                }
                Number::Real(r) if r.is_finite() => Some(Number::from_f64(r.ceil())),
                Number::Real(_) => None,
            },
            _ => None,
        };
        if let Some(v) = exact {
            return num(v);
        }
    }
    match (f, &first) {
        // The real cube root undoes a cube: cbrt(u^3) = u, cbrt(u^6) = u^2.
        (Func::Cbrt, N::Pow(b, e)) if matches!(&**e, N::Num(k) if k.as_integer().is_some_and(|k| k % 3 == 0 && k != 0)) =>
        {
            let k = match &**e {
                N::Num(k) => k.as_integer().unwrap_or(3),
                _ => 3,
            };
            return pow((**b).clone(), int(k / 3));
        }
        (Func::Ln, N::Const(Constant::E)) => return int(1),
        (Func::Ln, N::Pow(b, e)) if **b == N::Const(Constant::E) => return (**e).clone(),
        _ => {}
    }
    if f == Func::LeakyRelu
        && args.len() == 2
        && args[1] == num(Number::Real(super::func::LEAKY_SLOPE))
    {
        args.pop();
    }
    N::Call(f, args)
}

/// Splits a term into its numeric coefficient and the rest.
fn split_coef(t: &N) -> (Number, N) {
    match t {
        N::Num(n) => (*n, int(1)),
        N::Mul(fs) => match fs.first() {
            Some(N::Num(n)) => {
                let rest: Vec<N> = fs[1..].to_vec();
                (
                    *n,
                    if rest.len() == 1 {
                        rest[0].clone()
                    } else {
                        N::Mul(rest)
                    },
                )
            }
            _ => (Number::ONE, t.clone()),
        },
        _ => (Number::ONE, t.clone()),
    }
}

fn with_coef(c: Number, rest: N) -> N {
    if c.is_one() {
        return rest;
    }
    match rest {
        N::Num(n) => num(c.mul(n)),
        N::Mul(mut fs) => {
            fs.insert(0, num(c));
            N::Mul(fs)
        }
        other => N::Mul(vec![num(c), other]),
    }
}

fn add(terms: Vec<N>) -> N {
    let mut flat = Vec::new();
    for t in terms {
        match t {
            N::Add(ts) => flat.extend(ts),
            t => flat.push(t),
        }
    }
    let mut constant = Number::ZERO;
    let mut groups: Vec<(N, Number)> = Vec::new();
    for t in flat {
        if let N::Num(n) = t {
            constant = constant.add(n);
            continue;
        }
        let (c, rest) = split_coef(&t);
        spend(1 + groups.len());
        match groups.iter_mut().find(|(r, _)| *r == rest) {
            Some(g) => g.1 = g.1.add(c),
            None => groups.push((rest, c)),
        }
    }
    let mut out: Vec<N> = groups
        .into_iter()
        .filter(|(_, c)| !c.is_zero())
        .map(|(r, c)| with_coef(c, r))
        .collect();
    if !constant.is_zero() {
        out.push(num(constant));
    }
    sort_terms(&mut out);
    match out.len() {
        0 => int(0),
        1 => out.pop().unwrap_or(int(0)),
        _ => N::Add(out),
    }
}

fn split_pow(f: &N) -> (N, N) {
    match f {
        N::Pow(b, e) => ((**b).clone(), (**e).clone()),
        other => (other.clone(), int(1)),
    }
}

fn mul(factors: Vec<N>) -> N {
    let mut coef = Number::ONE;
    let mut bases: Vec<(N, N)> = Vec::new();
    let mut stack: Vec<N> = factors;
    stack.reverse();
    while let Some(f) = stack.pop() {
        match f {
            N::Num(n) => coef = coef.mul(n),
            N::Mul(fs) => stack.extend(fs.into_iter().rev()),
            // Inside a product the trig functions are sines and cosines (and the hyperbolic
            // ones sinh and cosh), so that `tan(x)cos(x)` meets as `sin(x)`; `merge_sin_cos`
            // writes tan, cot, sec and csc (tanh, …) back at the end.
            f if sin_cos_form(&f).is_some() => {
                stack.extend(sin_cos_form(&f).unwrap_or_default().into_iter().rev())
            }
            f => {
                let (b, e) = split_pow(&f);
                spend(1 + bases.len());
                match bases.iter_mut().find(|(x, _)| *x == b) {
                    Some(slot) => slot.1 = add(vec![slot.1.clone(), e]),
                    None => bases.push((b, e)),
                }
            }
        }
    }
    if coef.is_zero() {
        return int(0);
    }
    merge_even_powers_into_abs(&mut bases);
    merge_sin_cos(&mut bases);
    let mut out = Vec::new();
    for (b, e) in bases {
        match pow(b, e) {
            N::Num(n) => coef = coef.mul(n),
            N::Mul(fs) => {
                for f in fs {
                    match f {
                        N::Num(n) => coef = coef.mul(n),
                        f => out.push(f),
                    }
                }
            }
            p => out.push(p),
        }
    }
    super::sort::sort_by(&mut out, total_order);
    if !coef.is_one() || out.is_empty() {
        out.insert(0, num(coef));
    }
    match out.len() {
        1 => out.pop().unwrap_or(int(1)),
        _ => N::Mul(out),
    }
}

/// In a product with `|u|`, an even power of `u` is that power of `|u|`: `x^2/|x|` is `|x|`.
/// (And of an odd power `u^(2k+1)` its `u^(2k)`: `x^3/|x|` is `x|x|`, defined at 0.) Also
/// `relu(u) step(u)` is `relu(u)`: the product only differs at u = 0, where both sides tend
/// to 0.
fn merge_even_powers_into_abs(bases: &mut Vec<(N, N)>) {
    let mut i = 0;
    while i < bases.len() {
        let power = match &bases[i].1 {
            N::Num(k) => k.as_integer().filter(|k| *k >= 2),
            _ => None,
        };
        let abs_of = bases.iter().position(|(b, _)| {
            matches!(b, N::Call(Func::Abs, args) if args.len() == 1 && args[0] == bases[i].0)
        });
        match (abs_of, power) {
            (Some(j), Some(k)) => {
                let even = k - k % 2;
                bases[j].1 = add(vec![bases[j].1.clone(), int(even)]);
                if k % 2 == 1 {
                    bases[i].1 = int(1);
                    i += 1;
                } else {
                    bases.remove(i);
                }
            }
            _ => i += 1,
        }
    }
    // relu(u)^a step(u)^b → relu(u)^a: step is 1 wherever relu is not 0.
    let relu_args: Vec<N> = bases
        .iter()
        .filter_map(|(b, e)| match (b, e) {
            (N::Call(Func::Relu, a), N::Num(k)) if k.as_integer().is_some_and(|k| k >= 1) => {
                a.first().cloned()
            }
            _ => None,
        })
        .collect();
    bases.retain(|(b, e)| {
        !matches!((b, e), (N::Call(Func::Step, a), N::Num(k))
            if k.as_integer().is_some_and(|k| k >= 1) && a.first().is_some_and(|u| relu_args.contains(u)))
    });
}

/// The six trigonometric functions, or the six hyperbolic ones: a sine, a cosine and the
/// four quotients of them.
struct Family {
    sin: Func,
    cos: Func,
    tan: Func,
    cot: Func,
    sec: Func,
    csc: Func,
}

const FAMILIES: [Family; 2] = [
    Family {
        sin: Func::Sin,
        cos: Func::Cos,
        tan: Func::Tan,
        cot: Func::Cot,
        sec: Func::Sec,
        csc: Func::Csc,
    },
    Family {
        sin: Func::Sinh,
        cos: Func::Cosh,
        tan: Func::Tanh,
        cot: Func::Coth,
        sec: Func::Sech,
        csc: Func::Csch,
    },
];

/// `tan(u)^k` (also `sec`, `csc`, `cot`, their hyperbolic kin, and integer powers of them)
/// as powers of `sin(u)` and `cos(u)` (or `sinh(u)` and `cosh(u)`).
fn sin_cos_form(f: &N) -> Option<Vec<N>> {
    let (call, k) = match f {
        N::Pow(b, e) => match (&**b, &**e) {
            (N::Call(..), N::Num(k)) if k.is_integer() => (&**b, *k),
            _ => return None,
        },
        N::Call(..) => (f, Number::ONE),
        _ => return None,
    };
    let N::Call(func, args) = call else {
        return None;
    };
    let [u] = args.as_slice() else { return None };
    let (family, sin_power, cos_power) = FAMILIES.iter().find_map(|fam| {
        Some(match *func {
            f if f == fam.tan => (fam, 1, -1),
            f if f == fam.cot => (fam, -1, 1),
            f if f == fam.sec => (fam, 0, -1),
            f if f == fam.csc => (fam, -1, 0),
            _ => return None,
        })
    })?;
    let part = |g: Func, p: i64| {
        let e = Number::int(p).mul(k);
        N::Pow(Box::new(N::Call(g, vec![u.clone()])), Box::new(num(e)))
    };
    let mut out = Vec::new();
    if sin_power != 0 {
        out.push(part(family.sin, sin_power));
    }
    if cos_power != 0 {
        out.push(part(family.cos, cos_power));
    }
    Some(out)
}

/// Powers of `sin(u)` and `cos(u)` in a product, written as a textbook does:
/// `sin/cos` → `tan`, `cos/sin` → `cot`, `1/cos` → `sec`, `1/sin` → `csc` (and the same for
/// `sinh` and `cosh`).
fn merge_sin_cos(bases: &mut Vec<(N, N)>) {
    let integer = |e: &N| match e {
        N::Num(k) => k.as_integer(),
        _ => None,
    };
    let mut i = 0;
    while i < bases.len() {
        let (N::Call(g, args), Some(p)) = (&bases[i].0, integer(&bases[i].1)) else {
            i += 1;
            continue;
        };
        let Some(fam) = FAMILIES.iter().find(|f| *g == f.sin || *g == f.cos) else {
            i += 1;
            continue;
        };
        let (g, arg) = (*g, args.clone());
        let is_sin = g == fam.sin;
        let other = if is_sin { fam.cos } else { fam.sin };
        let partner = bases.iter().position(|(b, e)| {
            matches!(b, N::Call(h, a) if *h == other && *a == arg) && integer(e).is_some()
        });
        let q = partner.and_then(|j| integer(&bases[j].1)).unwrap_or(0);
        let (mut a, mut b) = if is_sin { (p, q) } else { (q, p) };
        let mut named: Vec<(Func, i64)> = Vec::new();
        if a > 0 && b < 0 {
            let t = a.min(-b);
            named.push((fam.tan, t));
            a -= t;
            b += t;
        } else if a < 0 && b > 0 {
            let t = (-a).min(b);
            named.push((fam.cot, t));
            a += t;
            b -= t;
        }
        if b < 0 {
            named.push((fam.sec, -b));
            b = 0;
        }
        if a < 0 {
            named.push((fam.csc, -a));
            a = 0;
        }
        if named.is_empty() {
            i += 1;
            continue;
        }
        // Update this argument's entries in place: sin^a cos^b, then the named functions.
        let (own, theirs) = if is_sin { (a, b) } else { (b, a) };
        let mut remove: Vec<usize> = Vec::new();
        if own == 0 {
            remove.push(i);
        } else {
            bases[i].1 = int(own);
        }
        if let Some(j) = partner {
            if theirs == 0 {
                remove.push(j);
            } else {
                bases[j].1 = int(theirs);
            }
        }
        for (f, power) in named {
            bases.push((N::Call(f, arg.clone()), int(power)));
        }
        super::sort::sort_by(&mut remove, usize::cmp);
        for r in remove.into_iter().rev() {
            bases.remove(r);
        }
        // Entry i is either gone (the next one moved in) or already final.
        if own != 0 {
            i += 1;
        }
    }
}

/// An exact `p`-th root of a rational, if there is one.
fn exact_root(n: Number, q: i64) -> Option<Number> {
    let Number::Rat(a, b) = n else { return None };
    if a < 0 || q > 8 {
        return None;
    }
    let root = |v: i64| -> Option<i64> {
        let r = (v as f64).powf(1.0 / q as f64).round() as i64;
        (r.checked_pow(q as u32) == Some(v)).then_some(r)
    };
    Some(Number::rat(root(a)?, root(b)?))
}

fn pow(b: N, e: N) -> N {
    if let N::Num(en) = &e {
        if en.is_zero() {
            return int(1);
        }
        if en.is_one() {
            return b;
        }
    }
    match (&b, &e) {
        (N::Num(bn), _) if bn.is_one() => return int(1),
        // 0/0 and 1/0 are undefined, never 0.
        (N::Num(bn), N::Num(en)) if bn.is_zero() && en.is_negative() => {
            return num(Number::Real(f64::NAN))
        }
        // |u|^2 = u^2 for real u (any even power).
        (N::Call(Func::Abs, args), N::Num(en))
            if args.len() == 1 && en.as_integer().is_some_and(|k| k % 2 == 0) =>
        {
            return pow(args[0].clone(), e.clone());
        }
        // e^(ln u) = u (where ln u is defined: the derivation states it).
        (N::Const(Constant::E), N::Call(Func::Ln, args)) if args.len() == 1 => {
            return args[0].clone();
        }
        (N::Num(bn), N::Num(en)) => {
            if let Some(k) = en.as_integer() {
                if let Some(v) = bn.powi(k) {
                    if v.to_f64().is_finite() {
                        return num(v);
                    }
                }
            } else if let (Number::Rat(p, q), Number::Rat(..)) = (en, bn) {
                if let Some(r) = exact_root(*bn, *q) {
                    if let Some(v) = r.powi(*p) {
                        return num(v);
                    }
                }
            } else if let Number::Real(x) = bn {
                let v = x.powf(en.to_f64());
                if v.is_finite() {
                    return num(Number::Real(v));
                }
            }
            if bn.is_zero() && !en.is_negative() {
                return int(0);
            }
        }
        (N::Pow(bb, be), N::Num(en)) if en.is_integer() => {
            return pow((**bb).clone(), mul(vec![(**be).clone(), e.clone()]));
        }
        (N::Mul(fs), N::Num(en)) if en.is_integer() => {
            return mul(fs.iter().map(|f| pow(f.clone(), e.clone())).collect());
        }
        _ => {}
    }
    N::Pow(Box::new(b), Box::new(e))
}

// ---------------------------------------------------------------------------------------------
// Ordering: the order terms and factors are printed in.

fn kind_rank(n: &N) -> u8 {
    match n {
        N::Num(_) => 0,
        N::Const(Constant::Pi) => 1,
        N::Var(_) => 2,
        N::Const(Constant::E) => 3,
        // `2^x` is an exponential: it goes with `e^x`, after the variables (`2x*2^(x^2)`).
        N::Pow(b, _) if matches!(**b, N::Num(_)) => 3,
        N::Pow(b, _) => kind_rank(b),
        N::Call(..) => 5,
        N::Mul(_) => 6,
        N::Add(_) => 7,
    }
}

fn total_order(a: &N, b: &N) -> Ordering {
    kind_rank(a).cmp(&kind_rank(b)).then_with(|| match (a, b) {
        (N::Num(x), N::Num(y)) => x.total_cmp(*y),
        (N::Var(x), N::Var(y)) => x.cmp(y),
        (N::Const(x), N::Const(y)) => x.cmp(y),
        (N::Pow(b1, e1), N::Pow(b2, e2)) => total_order(b1, b2).then_with(|| total_order(e1, e2)),
        (N::Pow(b1, _), other) => total_order(b1, other).then(Ordering::Greater),
        (other, N::Pow(b2, _)) => total_order(other, b2).then(Ordering::Less),
        (N::Call(f, xs), N::Call(g, ys)) => f.name().cmp(g.name()).then_with(|| seq_order(xs, ys)),
        (N::Add(xs), N::Add(ys)) | (N::Mul(xs), N::Mul(ys)) => seq_order(xs, ys),
        _ => Ordering::Equal,
    })
}

fn seq_order(xs: &[N], ys: &[N]) -> Ordering {
    for (x, y) in xs.iter().zip(ys) {
        let o = total_order(x, y);
        if o != Ordering::Equal {
            return o;
        }
    }
    xs.len().cmp(&ys.len())
}

/// Total degree when a term is a monomial (a coefficient times integer powers of variables).
fn monomial_degree(t: &N) -> Option<i64> {
    match t {
        N::Num(_) => Some(0),
        N::Var(_) => Some(1),
        N::Pow(b, e) => match (&**b, &**e) {
            (N::Var(_), N::Num(n)) if n.as_integer().is_some_and(|k| k > 0) => n.as_integer(),
            _ => None,
        },
        N::Mul(fs) => fs.iter().map(monomial_degree).sum(),
        _ => None,
    }
}

/// Monomials by falling degree, then other terms, then the constant: `x^2 + 1`,
/// `ln(x) + 1`. (A leading negative term is moved back when printing: `1 - tanh(x)^2`.)
fn sort_terms(terms: &mut [N]) {
    let key = |t: &N| -> (u8, i64) {
        match (t, monomial_degree(t)) {
            (N::Num(_), _) => (3, 0),
            (_, Some(d)) => (1, -d),
            (_, None) => (2, 0),
        }
    };
    super::sort::sort_by(terms, |a, b| {
        key(a)
            .cmp(&key(b))
            .then_with(|| total_order(&split_coef(a).1, &split_coef(b).1))
    });
}

// ---------------------------------------------------------------------------------------------
// Rewrites tried at each level.

fn is_polynomial(n: &N) -> bool {
    match n {
        N::Add(ts) => ts.iter().all(|t| monomial_degree(t).is_some()),
        other => monomial_degree(other).is_some(),
    }
}

/// Multiplies out products of sums and small integer powers of sums (not in denominators).
fn expand(n: &N) -> Option<N> {
    match n {
        N::Add(ts) => {
            let parts: Option<Vec<N>> = ts.iter().map(expand).collect();
            let out = add(parts?);
            (term_count(&out) <= MAX_TERMS).then_some(out)
        }
        N::Mul(fs) => {
            let mut acc: Vec<N> = vec![int(1)];
            for f in fs {
                let f = expand(f)?;
                let terms = match f {
                    N::Add(ts) => ts,
                    other => vec![other],
                };
                let mut next = Vec::new();
                for a in &acc {
                    if exhausted() {
                        return None;
                    }
                    for t in &terms {
                        next.push(mul(vec![a.clone(), t.clone()]));
                    }
                }
                if next.len() > MAX_TERMS * 4 {
                    return None;
                }
                acc = match add(next) {
                    N::Add(ts) => ts,
                    other => vec![other],
                };
            }
            Some(add(acc))
        }
        N::Pow(b, e) => match (&**b, &**e) {
            (N::Add(_), N::Num(k))
                if k.as_integer()
                    .is_some_and(|k| (2..=MAX_EXPAND_POWER).contains(&k)) =>
            {
                let k = k.as_integer().unwrap_or(1);
                expand(&N::Mul(vec![(**b).clone(); k as usize]))
            }
            _ => Some(n.clone()),
        },
        other => Some(other.clone()),
    }
}

/// Nodes in the tree, the measure of the work of copying or comparing it.
fn node_count(n: &N) -> usize {
    match n {
        N::Num(_) | N::Const(_) | N::Var(_) => 1,
        N::Add(xs) | N::Mul(xs) | N::Call(_, xs) => 1 + xs.iter().map(node_count).sum::<usize>(),
        N::Pow(b, e) => 1 + node_count(b) + node_count(e),
    }
}

fn term_count(n: &N) -> usize {
    match n {
        N::Add(ts) => ts.len(),
        _ => 1,
    }
}

/// Negative integer powers among a term's factors: its denominator.
fn denominator(t: &N) -> Vec<(N, Number)> {
    let factors: Vec<N> = match t {
        N::Mul(fs) => fs.clone(),
        other => vec![other.clone()],
    };
    factors
        .into_iter()
        .filter_map(|f| match f {
            N::Pow(b, e) => match *e {
                N::Num(k @ Number::Rat(..)) if k.is_negative() => Some((*b, k.neg())),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// Brings a sum over a common denominator, numerator expanded: `(x^2 - 2x - 1)/(x - 1)^2`.
fn together(n: &N, rounds: u8) -> Option<N> {
    let N::Add(ts) = n else { return None };
    if exhausted() {
        return None;
    }
    let mut lcd: Vec<(N, Number)> = Vec::new();
    for t in ts {
        for (b, k) in denominator(t) {
            match lcd.iter_mut().find(|(x, _)| *x == b) {
                Some(slot) => {
                    if k.total_cmp(slot.1) == Ordering::Greater {
                        slot.1 = k
                    }
                }
                None => lcd.push((b, k)),
            }
        }
    }
    // Numeric denominators too: `1 + ln(x)/2` becomes `(2 + ln(x))/2`.
    let mut lcm: i64 = 1;
    for t in ts {
        if let (Number::Rat(_, q), _) = split_coef(t) {
            let g = super::number::gcd(lcm, q).max(1);
            lcm = match (lcm / g).checked_mul(q) {
                Some(v) if v <= 1 << 20 => v,
                _ => return None,
            };
        }
    }
    if lcd.is_empty() {
        return None;
    }
    let mut scale: Vec<N> = lcd.iter().map(|(b, k)| pow(b.clone(), num(*k))).collect();
    scale.push(int(lcm));
    let numerator_terms: Vec<N> = ts
        .iter()
        .map(|t| {
            mul(std::iter::once(t.clone())
                .chain(scale.iter().cloned())
                .collect())
        })
        .collect();
    let numerator = add(numerator_terms);
    if exhausted() {
        return None;
    }
    let numerator = best_top(numerator, rounds);
    let mut factors = vec![numerator, num(Number::rat(1, lcm))];
    factors.extend(lcd.into_iter().map(|(b, k)| pow(b, num(k.neg()))));
    Some(mul(factors))
}

/// A product or power whose sums are brought over a common denominator first: the
/// denominators may then cancel against the rest, `x^-2 (1 + x^-2)^-1` → `(x^2 + 1)^-1`.
fn together_inside(n: &N, rounds: u8) -> Option<N> {
    let over = |f: &N| match f {
        N::Add(_) => together(f, rounds),
        N::Pow(b, e) if matches!(**b, N::Add(_)) => {
            together(b, rounds).map(|t| pow(t, (**e).clone()))
        }
        _ => None,
    };
    match n {
        N::Mul(fs) => {
            let mut changed = false;
            let new: Vec<N> = fs
                .iter()
                .map(|f| match over(f) {
                    Some(t) => {
                        changed = true;
                        t
                    }
                    None => f.clone(),
                })
                .collect();
            changed.then(|| mul(new))
        }
        N::Pow(..) => over(n),
        _ => None,
    }
}

/// A sum with every `sin(u)^k` (k ≥ 2) written `sin(u)^(k-2) (1 - cos(u)^2)` (or the same
/// with sine and cosine swapped), multiplied out: `1 + cos^2 - sin^2` → `2cos^2`.
fn pythagoras(n: &N, which: Func) -> Option<N> {
    let N::Add(ts) = n else { return None };
    let other = if which == Func::Sin {
        Func::Cos
    } else {
        Func::Sin
    };
    let mut changed = false;
    let mut rewrite = |f: &N| -> N {
        if let N::Pow(b, e) = f {
            if let (N::Call(g, args), N::Num(k)) = (&**b, &**e) {
                if *g == which && k.as_integer().is_some_and(|k| k >= 2) {
                    changed = true;
                    let k = k.as_integer().unwrap_or(2);
                    let one_minus = add(vec![
                        int(1),
                        mul(vec![int(-1), pow(N::Call(other, args.clone()), int(2))]),
                    ]);
                    return mul(vec![pow((**b).clone(), int(k - 2)), one_minus]);
                }
            }
        }
        f.clone()
    };
    let terms: Vec<N> = ts
        .iter()
        .map(|t| match t {
            N::Mul(fs) => N::Mul(fs.iter().map(&mut rewrite).collect()),
            other => rewrite(other),
        })
        .collect();
    if !changed {
        return None;
    }
    expand(&add(terms))
}

/// True when a float (not an exact rational) appears anywhere in `n`.
fn has_real(n: &N) -> bool {
    match n {
        N::Num(Number::Real(_)) => true,
        N::Num(_) | N::Const(_) | N::Var(_) => false,
        N::Add(xs) | N::Mul(xs) | N::Call(_, xs) => xs.iter().any(has_real),
        N::Pow(b, e) => has_real(b) || has_real(e),
    }
}

/// A polynomial in one variable with exact coefficients, lowest degree first.
fn polynomial(n: &N) -> Option<(String, Vec<Number>)> {
    let terms: Vec<&N> = match n {
        N::Add(ts) => ts.iter().collect(),
        other => vec![other],
    };
    let mut var: Option<String> = None;
    let mut coefs: Vec<Number> = Vec::new();
    for t in terms {
        let (c, rest) = split_coef(t);
        if matches!(c, Number::Real(_)) {
            return None;
        }
        let (v, k) = match &rest {
            N::Num(_) => (None, 0),
            N::Var(v) => (Some(v.clone()), 1),
            N::Pow(b, e) => match (&**b, &**e) {
                (N::Var(v), N::Num(k)) => (
                    Some(v.clone()),
                    k.as_integer().filter(|k| (1..=64).contains(k))?,
                ),
                _ => return None,
            },
            _ => return None,
        };
        if let Some(v) = v {
            if var.get_or_insert_with(|| v.clone()) != &v {
                return None;
            }
        }
        let k = k as usize;
        if coefs.len() <= k {
            coefs.resize(k + 1, Number::ZERO);
        }
        coefs[k] = coefs[k].add(c);
    }
    Some((var?, coefs))
}

fn from_polynomial(var: &str, coefs: &[Number]) -> N {
    add(coefs
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.is_zero())
        .map(|(k, c)| mul(vec![num(*c), pow(N::Var(var.to_string()), int(k as i64))]))
        .collect())
}

/// `p / d` when `d` divides `p` exactly.
fn divide_exactly(p: &[Number], d: &[Number]) -> Option<Vec<Number>> {
    let lead = d.last().filter(|c| !c.is_zero())?.recip()?;
    if d.len() < 2 || p.len() < d.len() {
        return None;
    }
    let mut rem = p.to_vec();
    let mut q = vec![Number::ZERO; p.len() - d.len() + 1];
    for i in (0..q.len()).rev() {
        let c = rem[i + d.len() - 1].mul(lead);
        q[i] = c;
        for (j, dj) in d.iter().enumerate() {
            rem[i + j] = rem[i + j].add(c.mul(*dj).neg());
        }
    }
    let exact = rem.iter().all(|c| c.is_zero()) && q.iter().all(|c| !matches!(c, Number::Real(_)));
    exact.then_some(q)
}

/// Cancels polynomial denominators that divide a polynomial numerator exactly:
/// `(x^2 + 2x + 1)/(x + 1)^2` → `1`. (Valid where the denominator is not 0; the derivation
/// says so in its last step.)
fn cancel_polynomials(n: &N) -> Option<N> {
    let N::Mul(fs) = n else { return None };
    let top = fs.iter().position(|f| matches!(f, N::Add(_)))?;
    let (var, mut p) = polynomial(&fs[top])?;
    let mut rest: Vec<N> = Vec::new();
    let mut changed = false;
    for (i, f) in fs.iter().enumerate() {
        if i == top {
            continue;
        }
        let N::Pow(b, e) = f else {
            rest.push(f.clone());
            continue;
        };
        let (Some((v, d)), N::Num(k)) = (polynomial(b), &**e) else {
            rest.push(f.clone());
            continue;
        };
        let Some(mut k) = k.as_integer().filter(|k| *k < 0 && v == var) else {
            rest.push(f.clone());
            continue;
        };
        while k < 0 {
            match divide_exactly(&p, &d) {
                Some(q) => {
                    p = q;
                    k += 1;
                    changed = true;
                }
                None => break,
            }
        }
        rest.push(pow((**b).clone(), int(k)));
    }
    if !changed {
        return None;
    }
    rest.push(from_polynomial(&var, &p));
    Some(mul(rest))
}

/// Pulls factors shared by every term out of a sum: `2x e^x + x^2 e^x` → `x e^x (x + 2)`.
fn factor_common(n: &N, rounds: u8) -> Option<N> {
    let N::Add(ts) = n else { return None };
    if exhausted() {
        return None;
    }
    let split: Vec<(Number, Vec<(N, N)>)> = ts
        .iter()
        .map(|t| {
            let (c, rest) = split_coef(t);
            let fs = match rest {
                N::Mul(fs) => fs,
                N::Num(_) => vec![],
                other => vec![other],
            };
            (c, fs.iter().map(split_pow).collect())
        })
        .collect();
    // A base is common when every term has it: with a positive numeric exponent (take the
    // smallest), or with the very same symbolic exponent (`e^(-x)`).
    let mut common: Vec<N> = Vec::new();
    if let Some((_, first)) = split.first() {
        for (b, e) in first {
            let rest = &split[1..];
            match e {
                N::Num(e0) if !e0.is_negative() => {
                    let mut min = *e0;
                    let everywhere = rest.iter().all(|(_, fs)| {
                        fs.iter().any(|(b2, e2)| match e2 {
                            N::Num(k) if b2 == b && !k.is_negative() => {
                                if k.total_cmp(min) == Ordering::Less {
                                    min = *k;
                                }
                                true
                            }
                            _ => false,
                        })
                    });
                    if everywhere && !min.is_zero() {
                        common.push(pow(b.clone(), num(min)));
                    }
                }
                N::Num(_) => {}
                symbolic => {
                    if rest
                        .iter()
                        .all(|(_, fs)| fs.iter().any(|(b2, e2)| b2 == b && e2 == symbolic))
                    {
                        common.push(pow(b.clone(), symbolic.clone()));
                    }
                }
            }
        }
    }
    // A shared sign: factor out -1 when every term is negative.
    let all_negative = split.iter().all(|(c, _)| c.is_negative());
    if common.is_empty() && !all_negative {
        return None;
    }
    let mut outside = common;
    if all_negative {
        outside.push(int(-1));
    }
    let inverse: Vec<N> = outside.iter().map(|f| pow(f.clone(), int(-1))).collect();
    let inner = add(ts
        .iter()
        .map(|t| {
            mul(std::iter::once(t.clone())
                .chain(inverse.iter().cloned())
                .collect())
        })
        .collect());
    outside.push(best_top(inner, rounds));
    Some(mul(outside))
}

fn cost(n: &N) -> usize {
    to_expr(n).op_count()
}

/// How many operations a common factor must save before we prefer `x(2sin(x) + x cos(x))`
/// to the textbook's `2x sin(x) + x^2 cos(x)`.
const FACTOR_MARGIN: usize = 2;

/// How many rewrites may nest at one node: a common denominator or factor may tidy the sum
/// it builds once more (`x(2(x + 1) + x)` → `x(3x + 2)`), but never recursively, which keeps
/// the work linear in the size of the tree (continued fractions were exponential).
const ROUNDS: u8 = 1;

/// The smallest of the forms we know how to reach, chosen bottom-up.
fn best(n: N) -> N {
    let n = match n {
        N::Add(ts) => add(ts.into_iter().map(best).collect()),
        N::Mul(fs) => mul(fs.into_iter().map(best).collect()),
        N::Pow(b, e) => pow(best(*b), best(*e)),
        N::Call(f, args) => call(f, args.into_iter().map(best).collect()),
        other => other,
    };
    best_top(n, ROUNDS)
}

/// The smallest form of `n` reachable by rewriting at its top only (its parts are already
/// in their best form); `rounds` bounds how deep rewrites may call each other.
fn best_top(n: N, rounds: u8) -> N {
    // Rewriting copies and compares the node a few times over: pay for its size up front.
    if !spend(node_count(&n)) {
        return n;
    }
    // Polynomial sums are shown expanded, like a textbook (`3x^2 + 2x`); other forms compete
    // on size.
    let expanded = expand(&n);
    let mut candidates = Vec::new();
    match expanded {
        Some(x) if matches!(n, N::Add(_)) && matches!(x, N::Add(_)) && is_polynomial(&x) => {
            candidates.push(x)
        }
        Some(x) => {
            candidates.push(n.clone());
            if x != n {
                candidates.push(x);
            }
        }
        None => candidates.push(n.clone()),
    }
    // Forms that trade the rules' own shape for an identity (a common factor, sin² + cos² = 1)
    // must save more than a little to win.
    let mut factored: Vec<N> = [Func::Sin, Func::Cos]
        .iter()
        .filter_map(|w| pythagoras(&n, *w))
        .collect();
    if rounds > 0 {
        factored.extend(factor_common(&n, rounds - 1));
        for c in candidates.clone() {
            if let Some(t) = together(&c, rounds - 1) {
                candidates.push(t);
            }
            if c != n {
                factored.extend(factor_common(&c, rounds - 1));
            }
        }
        candidates.extend(together_inside(&n, rounds - 1));
        let cancelled: Vec<N> = candidates.iter().filter_map(cancel_polynomials).collect();
        candidates.extend(cancelled);
    }
    // Never trade exact numbers for floats: a product of many linear factors expanded would
    // have coefficients past i64 (`3.4e20x^51`); it stays factored.
    if !has_real(&n) {
        candidates.retain(|c| !has_real(c));
        if candidates.is_empty() {
            candidates.push(n.clone());
        }
    }
    // Ties go to the earlier candidate: the form closest to what the rules produced.
    let mut best = candidates.swap_remove(0);
    let mut best_cost = cost(&best);
    for c in candidates {
        let k = cost(&c);
        if k < best_cost {
            best = c;
            best_cost = k;
        }
    }
    for c in factored {
        let k = cost(&c) + FACTOR_MARGIN;
        if k <= best_cost {
            best = c;
            best_cost = k;
        }
    }
    best
}

// ---------------------------------------------------------------------------------------------
// Back to an `Expr`: subtraction, division and roots restored.

fn number_expr(n: Number) -> Expr {
    match n {
        Number::Rat(p, 1) => Expr::Num(p as f64),
        Number::Rat(p, q) => Expr::div(Expr::Num(p as f64), Expr::Num(q as f64)),
        Number::Real(x) => Expr::Num(x),
    }
}

/// Splits a canonical node into sign and magnitude, for printing `a - b` and `-x`.
fn signed(n: &N) -> (bool, Expr) {
    match n {
        N::Num(k) if k.is_negative() => (true, number_expr(k.neg())),
        N::Mul(fs) => match fs.first() {
            Some(N::Num(k)) if k.is_negative() => {
                let mut rest = fs.clone();
                rest[0] = num(k.neg());
                (true, product_expr(&rest))
            }
            _ => (false, product_expr(fs)),
        },
        other => (false, to_expr(other)),
    }
}

fn to_expr(n: &N) -> Expr {
    match n {
        N::Num(k) if k.is_negative() => Expr::neg(number_expr(k.neg())),
        N::Num(k) => number_expr(*k),
        N::Const(c) => Expr::Const(*c),
        N::Var(v) => Expr::Var(v.clone()),
        N::Add(ts) => {
            let mut parts: Vec<(bool, Expr)> = ts.iter().map(signed).collect();
            // Lead with a positive term where there is one: `1 - x`, not `-x + 1`.
            if parts.first().is_some_and(|p| p.0) {
                if let Some(i) = parts.iter().position(|p| !p.0) {
                    let p = parts.remove(i);
                    parts.insert(0, p);
                }
            }
            let mut it = parts.into_iter();
            let Some((neg, first)) = it.next() else {
                return Expr::Num(0.0);
            };
            let mut acc = if neg { Expr::neg(first) } else { first };
            for (neg, e) in it {
                acc = if neg {
                    Expr::sub(acc, e)
                } else {
                    Expr::add(acc, e)
                };
            }
            acc
        }
        N::Mul(fs) => {
            let (neg, e) = signed(n);
            let _ = fs;
            if neg {
                Expr::neg(e)
            } else {
                e
            }
        }
        N::Pow(..) => product_expr(std::slice::from_ref(n)),
        N::Call(f, args) => Expr::Call(*f, args.iter().map(to_expr).collect()),
    }
}

/// A power as it is printed: `e^u` as `exp(u)`, `u^(1/2)` as `sqrt(u)`.
fn power_expr(b: &N, e: &N) -> Expr {
    if *b == N::Const(Constant::E) {
        return Expr::call(Func::Exp, to_expr(e));
    }
    if let N::Num(Number::Rat(1, 2)) = e {
        return Expr::call(Func::Sqrt, to_expr(b));
    }
    if let N::Num(Number::Rat(p, 2)) = e {
        if *p > 0 {
            return Expr::pow(Expr::call(Func::Sqrt, to_expr(b)), Expr::Num(*p as f64));
        }
    }
    Expr::pow(to_expr(b), to_expr(e))
}

/// A product of non-negative coefficient and factors, with negative powers moved below a
/// fraction bar: `2x/3`, `x/sqrt(x^2 + 4)`, `1/x^2`.
fn product_expr(fs: &[N]) -> Expr {
    let mut coef = Number::ONE;
    let mut top: Vec<Expr> = Vec::new();
    let mut bottom: Vec<Expr> = Vec::new();
    for f in fs {
        match f {
            N::Num(k) => coef = coef.mul(*k),
            N::Pow(b, e) => match &**e {
                N::Num(k) if k.is_negative() => {
                    let k = k.neg();
                    bottom.push(if k.is_one() {
                        to_expr(b)
                    } else {
                        power_expr(b, &num(k))
                    });
                }
                _ => top.push(power_expr(b, e)),
            },
            other => top.push(to_expr(other)),
        }
    }
    let (numerator_coef, denominator_coef) = match coef {
        Number::Rat(p, q) => (Number::int(p), Number::int(q)),
        real => (real, Number::ONE),
    };
    if !numerator_coef.is_one() || top.is_empty() {
        top.insert(0, number_expr(numerator_coef));
    }
    if !denominator_coef.is_one() {
        bottom.insert(0, number_expr(denominator_coef));
    }
    let product = |v: Vec<Expr>| v.into_iter().reduce(Expr::mul);
    let numerator = product(top).unwrap_or(Expr::Num(1.0));
    match product(bottom) {
        Some(d) => Expr::div(numerator, d),
        None => numerator,
    }
}
