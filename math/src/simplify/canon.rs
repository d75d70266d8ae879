//! The canonical constructors: sums and products flattened, numbers folded exactly, like
//! terms and like bases collected as each node is built.

use super::order::{sort_terms, total_order};
use super::*;

pub(super) fn num(n: Number) -> Canon {
    Canon::Num(n)
}

pub(super) fn int(i: i64) -> Canon {
    Canon::Num(Number::int(i))
}

pub(super) fn from_expr(e: &Expr) -> Canon {
    match e {
        Expr::Num(x) => num(Number::from_f64(*x)),
        Expr::Const(c) => Canon::Const(*c),
        Expr::Var(v) => Canon::Var(v.clone()),
        Expr::Neg(a) => mul(vec![int(-1), from_expr(a)]),
        Expr::Add(a, b) => add(vec![from_expr(a), from_expr(b)]),
        Expr::Sub(a, b) => add(vec![from_expr(a), mul(vec![int(-1), from_expr(b)])]),
        Expr::Mul(a, b) => mul(vec![from_expr(a), from_expr(b)]),
        Expr::Div(a, b) => mul(vec![from_expr(a), pow(from_expr(b), int(-1))]),
        Expr::Pow(a, b) => pow(from_expr(a), from_expr(b)),
        Expr::Call(f, args) => {
            let args: Vec<Canon> = args.iter().map(from_expr).collect();
            call(*f, args)
        }
    }
}

pub(super) fn call(f: Func, mut args: Vec<Canon>) -> Canon {
    let Some(first) = args.first().cloned() else {
        return Canon::Call(f, args);
    };
    match f {
        Func::Exp => return pow(Canon::Const(Constant::E), first),
        Func::Sqrt => return pow(first, num(Number::rat(1, 2))),
        Func::Log if args.len() == 1 => return call(Func::Ln, args),
        Func::Log if args.get(1) == Some(&Canon::Const(Constant::E)) => {
            return call(Func::Ln, vec![first])
        }
        _ => {}
    }
    if let Canon::Num(n) = &first {
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
        (Func::Cbrt, Canon::Pow(b, e)) if matches!(&**e, Canon::Num(k) if k.as_integer().is_some_and(|k| k % 3 == 0 && k != 0)) =>
        {
            let k = match &**e {
                Canon::Num(k) => k.as_integer().unwrap_or(3),
                _ => 3,
            };
            return pow((**b).clone(), int(k / 3));
        }
        (Func::Ln, Canon::Const(Constant::E)) => return int(1),
        (Func::Ln, Canon::Pow(b, e)) if **b == Canon::Const(Constant::E) => return (**e).clone(),
        _ => {}
    }
    if f == Func::LeakyRelu
        && args.len() == 2
        && args[1] == num(Number::Real(crate::func::LEAKY_SLOPE))
    {
        args.pop();
    }
    Canon::Call(f, args)
}

/// Splits a term into its numeric coefficient and the rest.
pub(super) fn split_coef(t: &Canon) -> (Number, Canon) {
    match t {
        Canon::Num(n) => (*n, int(1)),
        Canon::Mul(fs) => match fs.first() {
            Some(Canon::Num(n)) => {
                let rest: Vec<Canon> = fs[1..].to_vec();
                (
                    *n,
                    if rest.len() == 1 {
                        rest[0].clone()
                    } else {
                        Canon::Mul(rest)
                    },
                )
            }
            _ => (Number::ONE, t.clone()),
        },
        _ => (Number::ONE, t.clone()),
    }
}

pub(super) fn with_coef(c: Number, rest: Canon) -> Canon {
    if c.is_one() {
        return rest;
    }
    match rest {
        Canon::Num(n) => num(c.mul(n)),
        Canon::Mul(mut fs) => {
            fs.insert(0, num(c));
            Canon::Mul(fs)
        }
        other => Canon::Mul(vec![num(c), other]),
    }
}

pub(super) fn add(terms: Vec<Canon>) -> Canon {
    let mut flat = Vec::new();
    for t in terms {
        match t {
            Canon::Add(ts) => flat.extend(ts),
            t => flat.push(t),
        }
    }
    let mut constant = Number::ZERO;
    let mut groups: Vec<(Canon, Number)> = Vec::new();
    for t in flat {
        if let Canon::Num(n) = t {
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
    let mut out: Vec<Canon> = groups
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
        _ => Canon::Add(out),
    }
}

pub(super) fn split_pow(f: &Canon) -> (Canon, Canon) {
    match f {
        Canon::Pow(b, e) => ((**b).clone(), (**e).clone()),
        other => (other.clone(), int(1)),
    }
}

pub(super) fn mul(factors: Vec<Canon>) -> Canon {
    let mut coef = Number::ONE;
    let mut bases: Vec<(Canon, Canon)> = Vec::new();
    let mut stack: Vec<Canon> = factors;
    stack.reverse();
    while let Some(f) = stack.pop() {
        match f {
            Canon::Num(n) => coef = coef.mul(n),
            Canon::Mul(fs) => stack.extend(fs.into_iter().rev()),
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
            Canon::Num(n) => coef = coef.mul(n),
            Canon::Mul(fs) => {
                for f in fs {
                    match f {
                        Canon::Num(n) => coef = coef.mul(n),
                        f => out.push(f),
                    }
                }
            }
            p => out.push(p),
        }
    }
    crate::sort::sort_by(&mut out, total_order);
    if !coef.is_one() || out.is_empty() {
        out.insert(0, num(coef));
    }
    match out.len() {
        1 => out.pop().unwrap_or(int(1)),
        _ => Canon::Mul(out),
    }
}

/// In a product with `|u|`, an even power of `u` is that power of `|u|`: `x^2/|x|` is `|x|`.
/// (And of an odd power `u^(2k+1)` its `u^(2k)`: `x^3/|x|` is `x|x|`, defined at 0.) Also
/// `relu(u) step(u)` is `relu(u)`: the product only differs at u = 0, where both sides tend
/// to 0.
pub(super) fn merge_even_powers_into_abs(bases: &mut Vec<(Canon, Canon)>) {
    let mut i = 0;
    while i < bases.len() {
        let power = match &bases[i].1 {
            Canon::Num(k) => k.as_integer().filter(|k| *k >= 2),
            _ => None,
        };
        let abs_of = bases.iter().position(|(b, _)| {
            matches!(b, Canon::Call(Func::Abs, args) if args.len() == 1 && args[0] == bases[i].0)
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
    let relu_args: Vec<Canon> = bases
        .iter()
        .filter_map(|(b, e)| match (b, e) {
            (Canon::Call(Func::Relu, a), Canon::Num(k))
                if k.as_integer().is_some_and(|k| k >= 1) =>
            {
                a.first().cloned()
            }
            _ => None,
        })
        .collect();
    bases.retain(|(b, e)| {
        !matches!((b, e), (Canon::Call(Func::Step, a), Canon::Num(k))
            if k.as_integer().is_some_and(|k| k >= 1) && a.first().is_some_and(|u| relu_args.contains(u)))
    });
}

/// The six trigonometric functions, or the six hyperbolic ones: a sine, a cosine and the
/// four quotients of them.
pub(super) struct Family {
    sin: Func,
    cos: Func,
    tan: Func,
    cot: Func,
    sec: Func,
    csc: Func,
}

pub(super) const FAMILIES: [Family; 2] = [
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
pub(super) fn sin_cos_form(f: &Canon) -> Option<Vec<Canon>> {
    let (call, k) = match f {
        Canon::Pow(b, e) => match (&**b, &**e) {
            (Canon::Call(..), Canon::Num(k)) if k.is_integer() => (&**b, *k),
            _ => return None,
        },
        Canon::Call(..) => (f, Number::ONE),
        _ => return None,
    };
    let Canon::Call(func, args) = call else {
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
        Canon::Pow(Box::new(Canon::Call(g, vec![u.clone()])), Box::new(num(e)))
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
pub(super) fn merge_sin_cos(bases: &mut Vec<(Canon, Canon)>) {
    let integer = |e: &Canon| match e {
        Canon::Num(k) => k.as_integer(),
        _ => None,
    };
    let mut i = 0;
    while i < bases.len() {
        let (Canon::Call(g, args), Some(p)) = (&bases[i].0, integer(&bases[i].1)) else {
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
            matches!(b, Canon::Call(h, a) if *h == other && *a == arg) && integer(e).is_some()
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
            bases.push((Canon::Call(f, arg.clone()), int(power)));
        }
        crate::sort::sort_by(&mut remove, usize::cmp);
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
pub(super) fn exact_root(n: Number, q: i64) -> Option<Number> {
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

pub(super) fn pow(b: Canon, e: Canon) -> Canon {
    if let Canon::Num(en) = &e {
        if en.is_zero() {
            return int(1);
        }
        if en.is_one() {
            return b;
        }
    }
    match (&b, &e) {
        (Canon::Num(bn), _) if bn.is_one() => return int(1),
        // 0/0 and 1/0 are undefined, never 0.
        (Canon::Num(bn), Canon::Num(en)) if bn.is_zero() && en.is_negative() => {
            return num(Number::Real(f64::NAN))
        }
        // |u|^2 = u^2 for real u (any even power).
        (Canon::Call(Func::Abs, args), Canon::Num(en))
            if args.len() == 1 && en.as_integer().is_some_and(|k| k % 2 == 0) =>
        {
            return pow(args[0].clone(), e.clone());
        }
        // e^(ln u) = u (where ln u is defined: the derivation states it).
        (Canon::Const(Constant::E), Canon::Call(Func::Ln, args)) if args.len() == 1 => {
            return args[0].clone();
        }
        (Canon::Num(bn), Canon::Num(en)) => {
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
        (Canon::Pow(bb, be), Canon::Num(en)) if en.is_integer() => {
            return pow((**bb).clone(), mul(vec![(**be).clone(), e.clone()]));
        }
        (Canon::Mul(fs), Canon::Num(en)) if en.is_integer() => {
            return mul(fs.iter().map(|f| pow(f.clone(), e.clone())).collect());
        }
        _ => {}
    }
    Canon::Pow(Box::new(b), Box::new(e))
}
