//! Ordering: the order terms and factors are printed in.

use super::canon::split_coef;
use super::*;

pub(super) fn kind_rank(n: &Canon) -> u8 {
    match n {
        Canon::Num(_) => 0,
        Canon::Const(Constant::Pi) => 1,
        Canon::Var(_) => 2,
        Canon::Const(Constant::E) => 3,
        // `2^x` is an exponential: it goes with `e^x`, after the variables (`2x*2^(x^2)`).
        Canon::Pow(b, _) if matches!(**b, Canon::Num(_)) => 3,
        Canon::Pow(b, _) => kind_rank(b),
        Canon::Call(..) => 5,
        Canon::Mul(_) => 6,
        Canon::Add(_) => 7,
    }
}

pub(super) fn total_order(a: &Canon, b: &Canon) -> Ordering {
    kind_rank(a).cmp(&kind_rank(b)).then_with(|| match (a, b) {
        (Canon::Num(x), Canon::Num(y)) => x.total_cmp(*y),
        (Canon::Var(x), Canon::Var(y)) => x.cmp(y),
        (Canon::Const(x), Canon::Const(y)) => x.cmp(y),
        (Canon::Pow(b1, e1), Canon::Pow(b2, e2)) => {
            total_order(b1, b2).then_with(|| total_order(e1, e2))
        }
        (Canon::Pow(b1, _), other) => total_order(b1, other).then(Ordering::Greater),
        (other, Canon::Pow(b2, _)) => total_order(other, b2).then(Ordering::Less),
        (Canon::Call(f, xs), Canon::Call(g, ys)) => {
            f.name().cmp(g.name()).then_with(|| seq_order(xs, ys))
        }
        (Canon::Add(xs), Canon::Add(ys)) | (Canon::Mul(xs), Canon::Mul(ys)) => seq_order(xs, ys),
        _ => Ordering::Equal,
    })
}

pub(super) fn seq_order(xs: &[Canon], ys: &[Canon]) -> Ordering {
    for (x, y) in xs.iter().zip(ys) {
        let o = total_order(x, y);
        if o != Ordering::Equal {
            return o;
        }
    }
    xs.len().cmp(&ys.len())
}

/// Total degree when a term is a monomial (a coefficient times integer powers of variables).
pub(super) fn monomial_degree(t: &Canon) -> Option<i64> {
    match t {
        Canon::Num(_) => Some(0),
        Canon::Var(_) => Some(1),
        Canon::Pow(b, e) => match (&**b, &**e) {
            (Canon::Var(_), Canon::Num(n)) if n.as_integer().is_some_and(|k| k > 0) => {
                n.as_integer()
            }
            _ => None,
        },
        Canon::Mul(fs) => fs.iter().map(monomial_degree).sum(),
        _ => None,
    }
}

/// Monomials by falling degree, then other terms, then the constant: `x^2 + 1`,
/// `ln(x) + 1`. (A leading negative term is moved back when printing: `1 - tanh(x)^2`.)
pub(super) fn sort_terms(terms: &mut [Canon]) {
    let key = |t: &Canon| -> (u8, i64) {
        match (t, monomial_degree(t)) {
            (Canon::Num(_), _) => (3, 0),
            (_, Some(d)) => (1, -d),
            (_, None) => (2, 0),
        }
    };
    crate::sort::sort_by(terms, |a, b| {
        key(a)
            .cmp(&key(b))
            .then_with(|| total_order(&split_coef(a).1, &split_coef(b).1))
    });
}
