//! The named rewrites tried at each level (expand, common denominator, polynomial
//! cancellation, common factor, Pythagoras) and `best`, which keeps the smallest result.

use super::canon::{add, call, int, mul, num, pow, split_coef, split_pow};
use super::order::monomial_degree;
use super::to_expr::to_expr;
use super::*;

pub(super) fn is_polynomial(n: &Canon) -> bool {
    match n {
        Canon::Add(ts) => ts.iter().all(|t| monomial_degree(t).is_some()),
        other => monomial_degree(other).is_some(),
    }
}

/// Multiplies out products of sums and small integer powers of sums (not in denominators).
pub(super) fn expand(n: &Canon) -> Option<Canon> {
    match n {
        Canon::Add(ts) => {
            let parts: Option<Vec<Canon>> = ts.iter().map(expand).collect();
            let out = add(parts?);
            (term_count(&out) <= MAX_TERMS).then_some(out)
        }
        Canon::Mul(fs) => {
            let mut acc: Vec<Canon> = vec![int(1)];
            for f in fs {
                let f = expand(f)?;
                let terms = match f {
                    Canon::Add(ts) => ts,
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
                    Canon::Add(ts) => ts,
                    other => vec![other],
                };
            }
            Some(add(acc))
        }
        Canon::Pow(b, e) => match (&**b, &**e) {
            (Canon::Add(_), Canon::Num(k))
                if k.as_integer()
                    .is_some_and(|k| (2..=MAX_EXPAND_POWER).contains(&k)) =>
            {
                let k = k.as_integer().unwrap_or(1);
                expand(&Canon::Mul(vec![(**b).clone(); k as usize]))
            }
            _ => Some(n.clone()),
        },
        other => Some(other.clone()),
    }
}

/// Nodes in the tree, the measure of the work of copying or comparing it.
pub(super) fn node_count(n: &Canon) -> usize {
    match n {
        Canon::Num(_) | Canon::Const(_) | Canon::Var(_) => 1,
        Canon::Add(xs) | Canon::Mul(xs) | Canon::Call(_, xs) => {
            1 + xs.iter().map(node_count).sum::<usize>()
        }
        Canon::Pow(b, e) => 1 + node_count(b) + node_count(e),
    }
}

pub(super) fn term_count(n: &Canon) -> usize {
    match n {
        Canon::Add(ts) => ts.len(),
        _ => 1,
    }
}

/// Negative integer powers among a term's factors: its denominator.
pub(super) fn denominator(t: &Canon) -> Vec<(Canon, Number)> {
    let factors: Vec<Canon> = match t {
        Canon::Mul(fs) => fs.clone(),
        other => vec![other.clone()],
    };
    factors
        .into_iter()
        .filter_map(|f| match f {
            Canon::Pow(b, e) => match *e {
                Canon::Num(k @ Number::Rat(..)) if k.is_negative() => Some((*b, k.neg())),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// Brings a sum over a common denominator, numerator expanded: `(x^2 - 2x - 1)/(x - 1)^2`.
pub(super) fn together(n: &Canon, rounds: u8) -> Option<Canon> {
    let Canon::Add(ts) = n else { return None };
    if exhausted() {
        return None;
    }
    let mut lcd: Vec<(Canon, Number)> = Vec::new();
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
            let g = crate::number::gcd(lcm, q).max(1);
            lcm = match (lcm / g).checked_mul(q) {
                Some(v) if v <= 1 << 20 => v,
                _ => return None,
            };
        }
    }
    if lcd.is_empty() {
        return None;
    }
    let mut scale: Vec<Canon> = lcd.iter().map(|(b, k)| pow(b.clone(), num(*k))).collect();
    scale.push(int(lcm));
    let numerator_terms: Vec<Canon> = ts
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
pub(super) fn together_inside(n: &Canon, rounds: u8) -> Option<Canon> {
    let over = |f: &Canon| match f {
        Canon::Add(_) => together(f, rounds),
        Canon::Pow(b, e) if matches!(**b, Canon::Add(_)) => {
            together(b, rounds).map(|t| pow(t, (**e).clone()))
        }
        _ => None,
    };
    match n {
        Canon::Mul(fs) => {
            let mut changed = false;
            let new: Vec<Canon> = fs
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
        Canon::Pow(..) => over(n),
        _ => None,
    }
}

/// A sum with every `sin(u)^k` (k ≥ 2) written `sin(u)^(k-2) (1 - cos(u)^2)` (or the same
/// with sine and cosine swapped), multiplied out: `1 + cos^2 - sin^2` → `2cos^2`.
pub(super) fn pythagoras(n: &Canon, which: Func) -> Option<Canon> {
    let Canon::Add(ts) = n else { return None };
    let other = if which == Func::Sin {
        Func::Cos
    } else {
        Func::Sin
    };
    let mut changed = false;
    let mut rewrite = |f: &Canon| -> Canon {
        if let Canon::Pow(b, e) = f {
            if let (Canon::Call(g, args), Canon::Num(k)) = (&**b, &**e) {
                if *g == which && k.as_integer().is_some_and(|k| k >= 2) {
                    changed = true;
                    let k = k.as_integer().unwrap_or(2);
                    let one_minus = add(vec![
                        int(1),
                        mul(vec![int(-1), pow(Canon::Call(other, args.clone()), int(2))]),
                    ]);
                    return mul(vec![pow((**b).clone(), int(k - 2)), one_minus]);
                }
            }
        }
        f.clone()
    };
    let terms: Vec<Canon> = ts
        .iter()
        .map(|t| match t {
            Canon::Mul(fs) => Canon::Mul(fs.iter().map(&mut rewrite).collect()),
            other => rewrite(other),
        })
        .collect();
    if !changed {
        return None;
    }
    expand(&add(terms))
}

/// True when a float (not an exact rational) appears anywhere in `n`.
pub(super) fn has_real(n: &Canon) -> bool {
    match n {
        Canon::Num(Number::Real(_)) => true,
        Canon::Num(_) | Canon::Const(_) | Canon::Var(_) => false,
        Canon::Add(xs) | Canon::Mul(xs) | Canon::Call(_, xs) => xs.iter().any(has_real),
        Canon::Pow(b, e) => has_real(b) || has_real(e),
    }
}

/// A polynomial in one variable with exact coefficients, lowest degree first.
pub(super) fn polynomial(n: &Canon) -> Option<(String, Vec<Number>)> {
    let terms: Vec<&Canon> = match n {
        Canon::Add(ts) => ts.iter().collect(),
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
            Canon::Num(_) => (None, 0),
            Canon::Var(v) => (Some(v.clone()), 1),
            Canon::Pow(b, e) => match (&**b, &**e) {
                (Canon::Var(v), Canon::Num(k)) => (
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

pub(super) fn from_polynomial(var: &str, coefs: &[Number]) -> Canon {
    add(coefs
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.is_zero())
        .map(|(k, c)| {
            mul(vec![
                num(*c),
                pow(Canon::Var(var.to_string()), int(k as i64)),
            ])
        })
        .collect())
}

/// `p / d` when `d` divides `p` exactly.
pub(super) fn divide_exactly(p: &[Number], d: &[Number]) -> Option<Vec<Number>> {
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
pub(super) fn cancel_polynomials(n: &Canon) -> Option<Canon> {
    let Canon::Mul(fs) = n else { return None };
    let top = fs.iter().position(|f| matches!(f, Canon::Add(_)))?;
    let (var, mut p) = polynomial(&fs[top])?;
    let mut rest: Vec<Canon> = Vec::new();
    let mut changed = false;
    for (i, f) in fs.iter().enumerate() {
        if i == top {
            continue;
        }
        let Canon::Pow(b, e) = f else {
            rest.push(f.clone());
            continue;
        };
        let (Some((v, d)), Canon::Num(k)) = (polynomial(b), &**e) else {
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
pub(super) fn factor_common(n: &Canon, rounds: u8) -> Option<Canon> {
    let Canon::Add(ts) = n else { return None };
    if exhausted() {
        return None;
    }
    let split: Vec<(Number, Vec<(Canon, Canon)>)> = ts
        .iter()
        .map(|t| {
            let (c, rest) = split_coef(t);
            let fs = match rest {
                Canon::Mul(fs) => fs,
                Canon::Num(_) => vec![],
                other => vec![other],
            };
            (c, fs.iter().map(split_pow).collect())
        })
        .collect();
    // A base is common when every term has it: with a positive numeric exponent (take the
    // smallest), or with the very same symbolic exponent (`e^(-x)`).
    let mut common: Vec<Canon> = Vec::new();
    if let Some((_, first)) = split.first() {
        for (b, e) in first {
            let rest = &split[1..];
            match e {
                Canon::Num(e0) if !e0.is_negative() => {
                    let mut min = *e0;
                    let everywhere = rest.iter().all(|(_, fs)| {
                        fs.iter().any(|(b2, e2)| match e2 {
                            Canon::Num(k) if b2 == b && !k.is_negative() => {
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
                Canon::Num(_) => {}
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
    let inverse: Vec<Canon> = outside.iter().map(|f| pow(f.clone(), int(-1))).collect();
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

pub(super) fn cost(n: &Canon) -> usize {
    to_expr(n).op_count()
}

/// How many operations a common factor must save before we prefer `x(2sin(x) + x cos(x))`
/// to the textbook's `2x sin(x) + x^2 cos(x)`.
pub(super) const FACTOR_MARGIN: usize = 2;

/// How many rewrites may nest at one node: a common denominator or factor may tidy the sum
/// it builds once more (`x(2(x + 1) + x)` → `x(3x + 2)`), but never recursively, which keeps
/// the work linear in the size of the tree (continued fractions were exponential).
pub(super) const ROUNDS: u8 = 1;

/// The smallest of the forms we know how to reach, chosen bottom-up.
pub(super) fn best(n: Canon) -> Canon {
    let n = match n {
        Canon::Add(ts) => add(ts.into_iter().map(best).collect()),
        Canon::Mul(fs) => mul(fs.into_iter().map(best).collect()),
        Canon::Pow(b, e) => pow(best(*b), best(*e)),
        Canon::Call(f, args) => call(f, args.into_iter().map(best).collect()),
        other => other,
    };
    best_top(n, ROUNDS)
}

/// The smallest form of `n` reachable by rewriting at its top only (its parts are already
/// in their best form); `rounds` bounds how deep rewrites may call each other.
pub(super) fn best_top(n: Canon, rounds: u8) -> Canon {
    // Rewriting copies and compares the node a few times over: pay for its size up front.
    if !spend(node_count(&n)) {
        return n;
    }
    // Polynomial sums are shown expanded, like a textbook (`3x^2 + 2x`); other forms compete
    // on size.
    let expanded = expand(&n);
    let mut candidates = Vec::new();
    match expanded {
        Some(x)
            if matches!(n, Canon::Add(_)) && matches!(x, Canon::Add(_)) && is_polynomial(&x) =>
        {
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
    let mut factored: Vec<Canon> = [Func::Sin, Func::Cos]
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
        let cancelled: Vec<Canon> = candidates.iter().filter_map(cancel_polynomials).collect();
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
