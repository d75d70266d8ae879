//! The mistakes students make when differentiating, derived from the rules rather than
//! written out for each exercise: a faulty version of a rule (the chain rule without the
//! inner derivative, the product rule as the product of the derivatives, …) is applied at
//! one place where the right derivation uses that rule, the rest is differentiated
//! correctly, and the result is what a student who made exactly that mistake writes.
//! [`diagnose`] finds the one a wrong answer matches and says it in a sentence.

use crate::ast::Expr;
use crate::check::agree_on_points;
use crate::diff::differentiate;
use crate::func::Func;
use crate::print::to_unicode;

/// A faulty rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mistake {
    /// f(u)′ written as f′(u), without · u′.
    ChainNoInner,
    /// (uv)′ written as u′v′.
    ProductOfDerivatives,
    /// (uv)′ written as u′v.
    ProductMissingTerm,
    /// (uv)′ written as uv′.
    ProductMissingFirstTerm,
    /// (u/v)′ written as (uv′ − u′v)/v².
    QuotientSwapped,
    /// (u/v)′ written as (u′v − uv′)/v.
    QuotientNotSquared,
    /// (uⁿ)′ written as n·uⁿ.
    PowerNotLowered,
    /// (uⁿ)′ written as uⁿ⁻¹.
    PowerNotBroughtDown,
    /// (c·u)′ written as u′.
    ConstantDropped,
    /// (aᵘ)′ written without ln a.
    ExponentialWithoutLn,
    /// (aˣ)′ written as x·aˣ⁻¹, the power rule.
    PowerRuleOnExponential,
    /// sin′ = −cos or cos′ = sin.
    TrigSign,
    /// ln′ written as 1.
    LnAsOne,
    /// An antiderivative instead of the derivative.
    Integrated,
}

/// In the order they are tried: where two explain the same answer (for x²·eˣ, u′v′ and
/// u′v are both 2x·eˣ), the first is named.
const ALL: [Mistake; 14] = [
    Mistake::ChainNoInner,
    Mistake::ProductMissingTerm,
    Mistake::ProductMissingFirstTerm,
    Mistake::ProductOfDerivatives,
    Mistake::QuotientSwapped,
    Mistake::QuotientNotSquared,
    Mistake::PowerNotLowered,
    Mistake::PowerNotBroughtDown,
    Mistake::ConstantDropped,
    Mistake::ExponentialWithoutLn,
    Mistake::PowerRuleOnExponential,
    Mistake::TrigSign,
    Mistake::LnAsOne,
    Mistake::Integrated,
];

/// A wrong answer explained.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnosis {
    pub mistake: Mistake,
    /// The part of f where it happened.
    pub at: Expr,
    /// The derivative with the mistake in it (what the student wrote, up to form).
    pub wrong: Expr,
    /// The mistake in a sentence a student understands.
    pub sentence: String,
}

struct Faulty<'a> {
    var: &'a str,
    /// The mistake and the node (in pre-order) where it is made.
    fault: (Mistake, usize),
    next: usize,
    /// The node it was made at, once it was.
    made: Option<Expr>,
}

impl Faulty<'_> {
    /// The derivative of e, with the fault where its node is reached.
    fn d(&mut self, e: &Expr) -> Expr {
        use Expr as E;
        let here = self.next;
        self.next += 1;
        let var = self.var;
        let faulty = |m: Mistake, s: &Self| s.fault == (m, here) && s.made.is_none();
        if !e.contains_var(var) {
            return E::num(0.0);
        }
        match e {
            E::Var(_) => E::num(1.0),
            E::Neg(a) => E::neg(self.d(a)),
            E::Add(a, b) => E::add(self.d(a), self.d(b)),
            E::Sub(a, b) => E::sub(self.d(a), self.d(b)),
            E::Mul(a, b) => {
                let (da, db) = (self.d(a), self.d(b));
                let (ca, cb) = (!a.contains_var(var), !b.contains_var(var));
                if ca || cb {
                    if faulty(Mistake::ConstantDropped, self) {
                        self.made = Some(e.clone());
                        return if ca { db } else { da };
                    }
                    if ca {
                        E::mul((**a).clone(), db)
                    } else {
                        E::mul(da, (**b).clone())
                    }
                } else if faulty(Mistake::ProductOfDerivatives, self) {
                    self.made = Some(e.clone());
                    E::mul(da, db)
                } else if faulty(Mistake::ProductMissingTerm, self) {
                    self.made = Some(e.clone());
                    E::mul(da, (**b).clone())
                } else if faulty(Mistake::ProductMissingFirstTerm, self) {
                    self.made = Some(e.clone());
                    E::mul((**a).clone(), db)
                } else {
                    E::add(E::mul(da, (**b).clone()), E::mul((**a).clone(), db))
                }
            }
            E::Div(a, b) => {
                let (da, db) = (self.d(a), self.d(b));
                if !b.contains_var(var) {
                    if faulty(Mistake::ConstantDropped, self) {
                        self.made = Some(e.clone());
                        return da;
                    }
                    E::div(da, (**b).clone())
                } else {
                    let left = E::mul(da, (**b).clone());
                    let right = E::mul((**a).clone(), db);
                    let square = E::pow((**b).clone(), E::num(2.0));
                    if faulty(Mistake::QuotientSwapped, self) {
                        self.made = Some(e.clone());
                        E::div(E::sub(right, left), square)
                    } else if faulty(Mistake::QuotientNotSquared, self) {
                        self.made = Some(e.clone());
                        E::div(E::sub(left, right), (**b).clone())
                    } else {
                        E::div(E::sub(left, right), square)
                    }
                }
            }
            E::Pow(a, n) if !n.contains_var(var) => {
                let da = self.d(a);
                let lowered = E::sub((**n).clone(), E::num(1.0));
                let inner = |outer: Expr| E::mul(outer, da.clone());
                if faulty(Mistake::PowerNotLowered, self) {
                    self.made = Some(e.clone());
                    inner(E::mul((**n).clone(), e.clone()))
                } else if faulty(Mistake::PowerNotBroughtDown, self) {
                    self.made = Some(e.clone());
                    inner(E::pow((**a).clone(), lowered))
                } else if faulty(Mistake::ChainNoInner, self) && !matches!(**a, E::Var(_)) {
                    self.made = Some(e.clone());
                    E::mul((**n).clone(), E::pow((**a).clone(), lowered))
                } else {
                    inner(E::mul((**n).clone(), E::pow((**a).clone(), lowered)))
                }
            }
            E::Pow(c, u) if !c.contains_var(var) => {
                let du = self.d(u);
                let ln = E::call(Func::Ln, (**c).clone());
                if faulty(Mistake::ExponentialWithoutLn, self) {
                    self.made = Some(e.clone());
                    E::mul(e.clone(), du)
                } else if faulty(Mistake::PowerRuleOnExponential, self) {
                    self.made = Some(e.clone());
                    E::mul(
                        (**u).clone(),
                        E::pow((**c).clone(), E::sub((**u).clone(), E::num(1.0))),
                    )
                } else if faulty(Mistake::ChainNoInner, self) && !matches!(**u, E::Var(_)) {
                    self.made = Some(e.clone());
                    E::mul(e.clone(), ln)
                } else {
                    E::mul(E::mul(e.clone(), ln), du)
                }
            }
            E::Call(f, args) if args.len() == 1 => {
                let u = &args[0];
                let du = self.d(u);
                let outer = if faulty(Mistake::TrigSign, self) && matches!(f, Func::Sin | Func::Cos)
                {
                    self.made = Some(e.clone());
                    match f {
                        Func::Sin => E::neg(E::call(Func::Cos, u.clone())),
                        _ => E::call(Func::Sin, u.clone()),
                    }
                } else if faulty(Mistake::LnAsOne, self) && *f == Func::Ln {
                    self.made = Some(e.clone());
                    E::num(1.0)
                } else {
                    f.local_derivative(u, None)
                };
                if faulty(Mistake::ChainNoInner, self) && !matches!(u, E::Var(_)) {
                    self.made = Some(e.clone());
                    outer
                } else {
                    E::mul(outer, du)
                }
            }
            // Everything else (x^x, two-argument functions): the engine's, without faults.
            _ => differentiate(e, var).result,
        }
    }
}

/// An antiderivative of the simplest forms (xⁿ, sin x, cos x), for "you integrated".
fn antiderivative(f: &Expr, var: &str) -> Option<Expr> {
    use Expr as E;
    match f {
        E::Pow(x, n) if matches!(&**x, E::Var(v) if v == var) && !n.contains_var(var) => {
            let up = E::add((**n).clone(), E::num(1.0));
            Some(E::div(E::pow((**x).clone(), up.clone()), up))
        }
        E::Call(Func::Sin, a) if matches!(&a[0], E::Var(v) if v == var) => {
            Some(E::neg(E::call(Func::Cos, a[0].clone())))
        }
        E::Call(Func::Cos, a) if matches!(&a[0], E::Var(v) if v == var) => {
            Some(E::call(Func::Sin, a[0].clone()))
        }
        _ => None,
    }
}

/// Every derivative of f with one mistake in it, with where it was made.
pub fn mistakes(f: &Expr, var: &str) -> Vec<(Mistake, Expr, Expr)> {
    let mut out = Vec::new();
    let nodes = {
        let mut probe = Faulty {
            var,
            fault: (Mistake::Integrated, usize::MAX),
            next: 0,
            made: None,
        };
        probe.d(f);
        probe.next
    };
    for node in 0..nodes {
        for m in ALL {
            let mut faulty = Faulty {
                var,
                fault: (m, node),
                next: 0,
                made: None,
            };
            let wrong = faulty.d(f);
            if let Some(at) = faulty.made {
                out.push((m, at, wrong));
            }
        }
    }
    // Last: cos x → sin x is a sign slip before it is an antiderivative.
    if let Some(a) = antiderivative(f, var) {
        out.push((Mistake::Integrated, f.clone(), a));
    }
    out
}

/// The mistake a wrong answer matches, if one does (and differs from the right derivative).
pub fn diagnose(f: &Expr, answer: &Expr, var: &str) -> Option<Diagnosis> {
    let right = differentiate(f, var).result;
    mistakes(f, var)
        .into_iter()
        .filter(|(_, _, wrong)| !agree_on_points(f, &right, wrong, var))
        .find(|(_, _, wrong)| agree_on_points(f, wrong, answer, var))
        .map(|(mistake, at, wrong)| Diagnosis {
            sentence: sentence(mistake, &at, var),
            mistake,
            at,
            wrong,
        })
}

/// The mistake at `at`, in words.
fn sentence(m: Mistake, at: &Expr, var: &str) -> String {
    let part = to_unicode(at);
    let inside = match at {
        Expr::Call(_, args) => args.first().cloned(),
        Expr::Pow(a, n) if !n.contains_var(var) => Some((**a).clone()),
        Expr::Pow(_, u) => Some((**u).clone()),
        _ => None,
    };
    match m {
        Mistake::ChainNoInner => {
            let (u, du) = inside
                .map(|u| (to_unicode(&u), to_unicode(&differentiate(&u, var).result)))
                .unwrap_or_default();
            format!("In the chain rule for {part} you did not multiply by the derivative of the inside, {u} → {du}.")
        }
        Mistake::ProductOfDerivatives => format!("In the product rule for {part} you multiplied the two derivatives. The rule is (uv)′ = u′v + uv′: each factor takes its turn."),
        Mistake::ProductMissingTerm | Mistake::ProductMissingFirstTerm => format!("In the product rule for {part} a term is missing. The rule is (uv)′ = u′v + uv′, both terms."),
        Mistake::QuotientSwapped => format!("In the quotient rule for {part} the top is the wrong way round, so the sign is flipped. It is (u′v − uv′)/v²: the derivative of the top comes first."),
        Mistake::QuotientNotSquared => format!("In the quotient rule for {part} the bottom must be squared: (u/v)′ = (u′v − uv′)/v²."),
        Mistake::PowerNotLowered => format!("In the power rule for {part} you brought the exponent down but did not lower it by one."),
        Mistake::PowerNotBroughtDown => format!("In the power rule for {part} you lowered the exponent but did not bring it down in front."),
        Mistake::ConstantDropped => format!("The constant factor in {part} went missing: a constant multiple stays in the derivative, (c·u)′ = c·u′."),
        Mistake::ExponentialWithoutLn => format!("{part} is an exponential with base other than e: its derivative needs the factor ln of the base, (aᵘ)′ = aᵘ·ln a·u′."),
        Mistake::PowerRuleOnExponential => format!("{part} has the variable in the exponent, so it is an exponential, not a power: the power rule does not apply. (aˣ)′ = aˣ·ln a."),
        Mistake::TrigSign => format!("The sign in the derivative of {part} is wrong: (sin x)′ = cos x, but (cos x)′ = −sin x."),
        Mistake::LnAsOne => format!("The derivative of {part}: (ln x)′ is 1/x, not 1."),
        Mistake::Integrated => "That is an antiderivative of f: you integrated. Differentiating goes the other way, for example (xⁿ)′ = n·xⁿ⁻¹.".to_string(),
    }
}

/// What can be said of a wrong answer that no mistake explains, and the next step.
#[derive(Clone, Debug, PartialEq)]
pub struct Hint {
    /// The answer is k times the derivative (k = −1: the sign is wrong).
    pub factor: Option<f64>,
    /// The points of `check::POINTS` where the answer is right (x values, in order).
    pub right_at: Vec<f64>,
    /// The rule to start with: the first of the derivation ("Product rule").
    pub first_rule: String,
    /// The facts and the next step, in sentences.
    pub sentence: String,
}

/// The hint for a wrong answer: right up to a constant factor or the sign, right at some
/// points, and which rule to start with.
pub fn hint(f: &Expr, answer: &Expr, var: &str) -> Hint {
    let derivation = differentiate(f, var);
    let values = crate::check::values_on_points(f, &derivation.result, answer, var);
    let ratios: Vec<f64> = values
        .iter()
        .filter(|(_, d, _)| d.abs() > 1e-9)
        .map(|(_, d, a)| a / d)
        .collect();
    let factor = ratios.first().copied().filter(|k| {
        k.is_finite()
            && !crate::check::agree(*k, 1.0)
            && ratios.len() >= 3
            && ratios.iter().all(|r| crate::check::agree(*r, *k))
    });
    let right_at: Vec<f64> = values
        .iter()
        .filter(|(_, d, a)| crate::check::agree(*d, *a))
        .map(|(x, _, _)| *x)
        .collect();
    let first_rule = derivation.root.rule.title();
    let fact = match factor {
        Some(k) if crate::check::agree(k, -1.0) => {
            "Your answer is the derivative with the wrong sign: look for a minus sign that went missing or one too many.".to_string()
        }
        Some(k) => format!(
            "Your answer is {} times the derivative: a constant factor is off.",
            crate::digits::shortest(k)
        ),
        None if !right_at.is_empty() => {
            let at: Vec<String> = right_at.iter().take(3).map(|x| crate::digits::shortest(*x)).collect();
            format!("Your answer is right at x = {} but not everywhere.", at.join(", "))
        }
        None => "Your answer differs from the derivative everywhere we looked.".to_string(),
    };
    Hint {
        sentence: format!("{fact} Start with the {}.", mid_sentence(&first_rule)),
        factor,
        right_at,
        first_rule,
    }
}

/// A title inside a sentence: its first letter in lower case ("Product rule" → "product
/// rule", "Leaky ReLU" → "leaky ReLU"). ASCII only: the titles are, and full Unicode case
/// mapping would bring its tables into the site.
fn mid_sentence(title: &str) -> String {
    let mut chars = title.chars();
    match chars.next() {
        Some(c) => c.to_ascii_lowercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}
