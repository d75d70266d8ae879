//! Back to an `Expr`: subtraction, division and roots restored.

use super::canon::num;
use super::*;

pub(super) fn number_expr(n: Number) -> Expr {
    match n {
        Number::Rat(p, 1) => Expr::Num(p as f64),
        Number::Rat(p, q) => Expr::div(Expr::Num(p as f64), Expr::Num(q as f64)),
        Number::Real(x) => Expr::Num(x),
    }
}

/// Splits a canonical node into sign and magnitude, for printing `a - b` and `-x`.
pub(super) fn signed(n: &Canon) -> (bool, Expr) {
    match n {
        Canon::Num(k) if k.is_negative() => (true, number_expr(k.neg())),
        Canon::Mul(fs) => match fs.first() {
            Some(Canon::Num(k)) if k.is_negative() => {
                let mut rest = fs.clone();
                rest[0] = num(k.neg());
                (true, product_expr(&rest))
            }
            _ => (false, product_expr(fs)),
        },
        other => (false, to_expr(other)),
    }
}

pub(super) fn to_expr(n: &Canon) -> Expr {
    match n {
        Canon::Num(k) if k.is_negative() => Expr::neg(number_expr(k.neg())),
        Canon::Num(k) => number_expr(*k),
        Canon::Const(c) => Expr::Const(*c),
        Canon::Var(v) => Expr::Var(v.clone()),
        Canon::Add(ts) => {
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
        Canon::Mul(fs) => {
            let (neg, e) = signed(n);
            let _ = fs;
            if neg {
                Expr::neg(e)
            } else {
                e
            }
        }
        Canon::Pow(..) => product_expr(std::slice::from_ref(n)),
        Canon::Call(f, args) => Expr::Call(*f, args.iter().map(to_expr).collect()),
    }
}

/// A power as it is printed: `e^u` as `exp(u)`, `u^(1/2)` as `sqrt(u)`.
pub(super) fn power_expr(b: &Canon, e: &Canon) -> Expr {
    if *b == Canon::Const(Constant::E) {
        return Expr::call(Func::Exp, to_expr(e));
    }
    if let Canon::Num(Number::Rat(1, 2)) = e {
        return Expr::call(Func::Sqrt, to_expr(b));
    }
    if let Canon::Num(Number::Rat(p, 2)) = e {
        if *p > 0 {
            return Expr::pow(Expr::call(Func::Sqrt, to_expr(b)), Expr::Num(*p as f64));
        }
    }
    Expr::pow(to_expr(b), to_expr(e))
}

/// A product of non-negative coefficient and factors, with negative powers moved below a
/// fraction bar: `2x/3`, `x/sqrt(x^2 + 4)`, `1/x^2`.
pub(super) fn product_expr(fs: &[Canon]) -> Expr {
    let mut coef = Number::ONE;
    let mut top: Vec<Expr> = Vec::new();
    let mut bottom: Vec<Expr> = Vec::new();
    for f in fs {
        match f {
            Canon::Num(k) => coef = coef.mul(*k),
            Canon::Pow(b, e) => match &**e {
                Canon::Num(k) if k.is_negative() => {
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
