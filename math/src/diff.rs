//! Differentiation that records its reasoning. `differentiate` returns a `Derivation`: a tree
//! of `Step`s, one per rule applied (input, output and the steps it needed), plus the raw and
//! simplified results. The chain rule is applied in exactly one place (`chain`), around the
//! function table's local derivatives.

use std::cell::Cell;
use std::rc::Rc;

use super::ast::{Constant, Expr};
use super::func::Func;
use super::simplify::{simplify, simplify_within, WORK_BUDGET};

/// The rule a step applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    Constant,
    Variable,
    Power,
    ConstantMultiple,
    Sum,
    Difference,
    Product,
    Quotient,
    Chain,
    /// `e^x`.
    Exponential,
    /// `a^x` for a constant base `a`.
    GeneralExponential,
    /// `u^v` with the variable in both: differentiate `e^(v ln u)`.
    LogarithmicDifferentiation,
    /// `log(u, b)` with the variable in the base: rewrite as `ln(u)/ln(b)`.
    ChangeOfBase,
    /// Rewrite into a form the other rules cover, then differentiate that:
    /// `leaky_relu(u, a)` with the variable in the slope becomes `relu(u) - a relu(-u)`.
    Rewrite,
    /// One of the table's elementary functions (sin, ln, sigmoid, relu, …).
    Function(Func),
    /// The final clean-up into textbook form.
    Simplify,
    /// A part left undone because the derivative grew too large.
    Unfinished,
}

impl Rule {
    /// The rule's name as shown to students and in `--json`.
    pub fn name(self) -> &'static str {
        match self {
            Rule::Constant => "Constant",
            Rule::Variable => "Variable",
            Rule::Power => "Power",
            Rule::ConstantMultiple => "ConstantMultiple",
            Rule::Sum => "Sum",
            Rule::Difference => "Difference",
            Rule::Product => "Product",
            Rule::Quotient => "Quotient",
            Rule::Chain => "Chain",
            Rule::Exponential => "Exponential",
            Rule::GeneralExponential => "GeneralExponential",
            Rule::LogarithmicDifferentiation => "LogarithmicDifferentiation",
            Rule::ChangeOfBase => "ChangeOfBase",
            Rule::Rewrite => "Rewrite",
            Rule::Simplify => "Simplify",
            Rule::Unfinished => "Unfinished",
            Rule::Function(f) => match f {
                Func::Sin => "Sine",
                Func::Cos => "Cosine",
                Func::Tan => "Tangent",
                Func::Cot => "Cotangent",
                Func::Sec => "Secant",
                Func::Csc => "Cosecant",
                Func::Asin => "Arcsine",
                Func::Acos => "Arccosine",
                Func::Atan => "Arctangent",
                Func::Sinh => "HyperbolicSine",
                Func::Cosh => "HyperbolicCosine",
                Func::Tanh => "Tanh",
                Func::Coth => "HyperbolicCotangent",
                Func::Sech => "HyperbolicSecant",
                Func::Csch => "HyperbolicCosecant",
                Func::Exp => "Exponential",
                Func::Ln | Func::Log | Func::Log10 | Func::Log2 => "Logarithm",
                Func::Sqrt => "SquareRoot",
                Func::Abs => "AbsoluteValue",
                Func::Sigmoid => "Sigmoid",
                Func::Relu => "ReLU",
                Func::Softplus => "Softplus",
                Func::LeakyRelu => "LeakyReLU",
                Func::Step => "Step",
                Func::Asinh => "InverseHyperbolicSine",
                Func::Acosh => "InverseHyperbolicCosine",
                Func::Atanh => "InverseHyperbolicTangent",
                Func::Acot => "Arccotangent",
                Func::Asec => "Arcsecant",
                Func::Acsc => "Arccosecant",
                Func::Acoth => "InverseHyperbolicCotangent",
                Func::Asech => "InverseHyperbolicSecant",
                Func::Acsch => "InverseHyperbolicCosecant",
                Func::Cbrt => "CubeRoot",
                Func::Sign => "Sign",
                Func::Floor => "Floor",
                Func::Ceil => "Ceiling",
                Func::Max => "Max",
                Func::Min => "Min",
            },
        }
    }

    /// A human title: "Chain rule", "Sigmoid rule".
    pub fn title(self) -> String {
        let spaced: String = match self {
            Rule::ConstantMultiple => "Constant multiple".into(),
            Rule::GeneralExponential => "Exponential (base a)".into(),
            Rule::LogarithmicDifferentiation => "Logarithmic differentiation".into(),
            Rule::ChangeOfBase => "Change of base".into(),
            Rule::Function(Func::Sinh) => "Hyperbolic sine".into(),
            Rule::Function(Func::Cosh) => "Hyperbolic cosine".into(),
            Rule::Function(Func::Sqrt) => "Square root".into(),
            Rule::Function(Func::Abs) => "Absolute value".into(),
            Rule::Function(Func::LeakyRelu) => "Leaky ReLU".into(),
            Rule::Function(Func::Asinh) => "Inverse hyperbolic sine".into(),
            Rule::Function(Func::Acosh) => "Inverse hyperbolic cosine".into(),
            Rule::Function(Func::Atanh) => "Inverse hyperbolic tangent".into(),
            Rule::Function(Func::Coth) => "Hyperbolic cotangent".into(),
            Rule::Function(Func::Sech) => "Hyperbolic secant".into(),
            Rule::Function(Func::Csch) => "Hyperbolic cosecant".into(),
            Rule::Function(Func::Acoth) => "Inverse hyperbolic cotangent".into(),
            Rule::Function(Func::Asech) => "Inverse hyperbolic secant".into(),
            Rule::Function(Func::Acsch) => "Inverse hyperbolic cosecant".into(),
            Rule::Function(Func::Cbrt) => "Cube root".into(),
            other => other.name().into(),
        };
        if self == Rule::Simplify {
            spaced
        } else {
            format!("{spaced} rule")
        }
    }
}

/// One rule application: `d/d(var) input = output`, justified by `children`.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub rule: Rule,
    pub input: Expr,
    /// The derivative as the rule gives it (lightly tidied, not simplified).
    pub output: Expr,
    /// The parts' derivatives: each child's `input` is the part it differentiates (u then v;
    /// the chain rule's outer function in its own variable, then the inner function).
    pub children: Vec<Step>,
    /// What the rule chose that no child shows.
    pub kept: Kept,
}

/// A rule's own record beyond its children (SymPy Gamma's `ChainRule(inner, outer, …)`),
/// made where the rule is chosen so that an explanation states it instead of working it out
/// again.
#[derive(Clone, Debug, PartialEq)]
pub enum Kept {
    Nothing,
    /// The factor the constant multiple rule keeps (−1 for a negation, 1/c for a division).
    Factor(Expr),
    /// The name the chain rule gives its inner function (its outer child's variable).
    Name(String),
}

/// The whole story of one derivative.
#[derive(Clone, Debug, PartialEq)]
pub struct Derivation {
    pub var: String,
    pub root: Step,
    /// The simplified derivative (NaN, undefined, when the derivation was not complete).
    pub result: Expr,
    /// False when the derivative grew too large to finish (see `MAX_STEPS`).
    pub complete: bool,
    /// False when the simplifier's work budget ran out: the result is right but less tidy
    /// than it could be (see `simplify::WORK_BUDGET`).
    pub fully_simplified: bool,
    /// Where the simplified result equals the derivative as the rules gave it, when that is
    /// narrower than where the result is defined: `(x^2 - 1)/(x + 1)` has f′ = 1 for x ≠ -1.
    pub conditions: Vec<super::domain::Condition>,
}

/// Most rule applications one derivative may take. Ordinary functions need a few dozen; a
/// pathological input whose derivative doubles at every level of nesting stops here instead
/// of hanging the page.
pub const MAX_STEPS: usize = 2000;

/// Functions up to this size are checked for being undefined everywhere (a simplification of
/// the function itself; larger ones are not worth the time).
const NOWHERE_CHECK_OPS: usize = 60;

/// Parts of a function up to this size are checked for being a constant in disguise.
const CONSTANT_CHECK_OPS: usize = 24;

impl Derivation {
    /// The function that was differentiated.
    pub fn function(&self) -> &Expr {
        &self.root.input
    }

    /// The derivative compiled for fast evaluation, undefined wherever the function is.
    pub fn program(&self, vars: &[&str]) -> super::eval::Program {
        super::eval::Program::compile_guarded(&self.result, self.function(), vars)
    }
}

/// Differentiates `e` with respect to `var` (other variables are constants).
pub fn differentiate(e: &Expr, var: &str) -> Derivation {
    let budget = Rc::new(Cell::new(MAX_STEPS));
    let mut cx = Context {
        var,
        budget: budget.clone(),
    };
    let root = cx.diff(e);
    let complete = budget.get() > 0;
    // A function that is undefined everywhere (`1/(x - x)`) has no derivative anywhere.
    let nowhere = e.op_count() <= NOWHERE_CHECK_OPS
        && e.has_variables()
        && values_at_points(e, var).all(f64::is_nan)
        && simplify(e).constant_value().is_some_and(f64::is_nan);
    let (result, ran_out) = if nowhere {
        (Expr::Num(f64::NAN), false)
    } else if complete {
        simplify_within(&root.output, WORK_BUDGET)
    } else {
        (Expr::Num(f64::NAN), false)
    };
    let conditions = if complete {
        let mut rewrites = Vec::new();
        rewrite_conditions(&root, &mut rewrites);
        super::domain::stated(e, &root.output, &result, &rewrites)
    } else {
        Vec::new()
    };
    Derivation {
        var: var.to_string(),
        root,
        result,
        complete,
        fully_simplified: !ran_out,
        conditions,
    }
}

struct Context<'a> {
    var: &'a str,
    /// Rule applications left, shared with the chain rule's inner contexts.
    budget: Rc<Cell<usize>>,
}

fn step(rule: Rule, input: &Expr, output: Expr, children: Vec<Step>) -> Step {
    Step {
        rule,
        input: input.clone(),
        output,
        children,
        kept: Kept::Nothing,
    }
}

/// A constant multiple step: `factor` kept, `part` differentiated.
fn constant_multiple(e: &Expr, factor: Expr, part: Step, output: Expr) -> Step {
    Step {
        kept: Kept::Factor(factor),
        ..step(Rule::ConstantMultiple, e, output, vec![part])
    }
}

fn is_num(e: &Expr, v: f64) -> bool {
    matches!(e, Expr::Num(x) if *x == v)
}

// Light tidying as steps are written: folds 0 and 1 so `2x·1 + x^2·0` reads `2x`.
pub(crate) fn mk_neg(a: Expr) -> Expr {
    match a {
        Expr::Num(x) => Expr::Num(-x),
        Expr::Neg(inner) => *inner,
        other => Expr::neg(other),
    }
}

pub(crate) fn mk_add(a: Expr, b: Expr) -> Expr {
    match (&a, &b) {
        _ if is_num(&a, 0.0) => b,
        _ if is_num(&b, 0.0) => a,
        (Expr::Num(x), Expr::Num(y)) => Expr::Num(x + y),
        (_, Expr::Neg(inner)) => Expr::sub(a.clone(), (**inner).clone()),
        _ => Expr::add(a, b),
    }
}

pub(crate) fn mk_sub(a: Expr, b: Expr) -> Expr {
    match (&a, &b) {
        _ if is_num(&b, 0.0) => a,
        _ if is_num(&a, 0.0) => mk_neg(b),
        (Expr::Num(x), Expr::Num(y)) => Expr::Num(x - y),
        (_, Expr::Neg(inner)) => Expr::add(a.clone(), (**inner).clone()),
        _ => Expr::sub(a, b),
    }
}

pub(crate) fn mk_mul(a: Expr, b: Expr) -> Expr {
    match (&a, &b) {
        _ if is_num(&a, 0.0) || is_num(&b, 0.0) => Expr::Num(0.0),
        _ if is_num(&a, 1.0) => b,
        _ if is_num(&b, 1.0) => a,
        _ if is_num(&a, -1.0) => mk_neg(b),
        _ if is_num(&b, -1.0) => mk_neg(a),
        (Expr::Num(x), Expr::Num(y)) => Expr::Num(x * y),
        (Expr::Num(x), Expr::Mul(c, rest)) if matches!(**c, Expr::Num(_)) => {
            let Expr::Num(y) = **c else {
                return Expr::mul(a, b);
            };
            Expr::mul(Expr::Num(x * y), (**rest).clone())
        }
        (Expr::Neg(x), _) => mk_neg(mk_mul((**x).clone(), b)),
        (_, Expr::Neg(y)) => mk_neg(mk_mul(a, (**y).clone())),
        (_, Expr::Num(_)) => Expr::mul(b, a),
        _ => Expr::mul(a, b),
    }
}

pub(crate) fn mk_div(a: Expr, b: Expr) -> Expr {
    match (&a, &b) {
        _ if is_num(&a, 0.0) => Expr::Num(0.0),
        _ if is_num(&b, 1.0) => a,
        // `x/x` in a step reads `1` (the derivative is guarded where the function is not).
        _ if a == b && !matches!(a, Expr::Num(_)) => Expr::Num(1.0),
        (Expr::Mul(p, q), _) if **p == b => (**q).clone(),
        (Expr::Mul(p, q), _) if **q == b => (**p).clone(),
        (Expr::Neg(x), _) => mk_neg(mk_div((**x).clone(), b)),
        _ => Expr::div(a, b),
    }
}

pub(crate) fn mk_pow(a: Expr, b: Expr) -> Expr {
    match (&a, &b) {
        _ if is_num(&b, 1.0) => a,
        _ if is_num(&b, 0.0) => Expr::Num(1.0),
        _ => Expr::pow(a, b),
    }
}

/// Replaces every occurrence of variable `name` with `with`.
pub fn substitute(e: &Expr, name: &str, with: &Expr) -> Expr {
    let s = |x: &Expr| substitute(x, name, with);
    match e {
        Expr::Var(v) if v == name => with.clone(),
        Expr::Num(_) | Expr::Const(_) | Expr::Var(_) => e.clone(),
        Expr::Neg(a) => Expr::neg(s(a)),
        Expr::Add(a, b) => Expr::add(s(a), s(b)),
        Expr::Sub(a, b) => Expr::sub(s(a), s(b)),
        Expr::Mul(a, b) => Expr::mul(s(a), s(b)),
        Expr::Div(a, b) => Expr::div(s(a), s(b)),
        Expr::Pow(a, b) => Expr::pow(s(a), s(b)),
        Expr::Call(f, args) => Expr::Call(*f, args.iter().map(s).collect()),
    }
}

/// `e` as written at a few points of `var` (other letters held at one value): a quick,
/// numerical look before the simplifier is asked whether `e` is constant or undefined.
fn values_at_points<'e>(e: &'e Expr, var: &'e str) -> impl Iterator<Item = f64> + 'e {
    #[allow(clippy::approx_constant)] // Points, not constants: 2.718 is just past e.
    const POINTS: [f64; 4] = [0.577_215_664_9, 1.324_717_957_2, -0.754_877_666_2, 2.718];
    const OTHERS: f64 = 0.831_4;
    POINTS.into_iter().map(move |x| {
        let at = |name: &str| if name == var { x } else { OTHERS };
        super::eval::eval_as_written(e, &at)
    })
}

/// True when `e` takes two clearly different values at two of those points: then it is no
/// constant. Undefined values prove nothing, nor do values equal up to round-off.
fn varies(e: &Expr, var: &str) -> bool {
    let mut seen: Option<f64> = None;
    for y in values_at_points(e, var).filter(|y| y.is_finite()) {
        match seen {
            None => seen = Some(y),
            Some(s) if (y - s).abs() > 1e-9 * s.abs().max(y.abs()).max(1.0) => return true,
            Some(_) => {}
        }
    }
    false
}

/// The functions the simplifier writes as sines and cosines inside products.
const TRIG: [Func; 12] = [
    Func::Sin,
    Func::Cos,
    Func::Tan,
    Func::Cot,
    Func::Sec,
    Func::Csc,
    Func::Sinh,
    Func::Cosh,
    Func::Tanh,
    Func::Coth,
    Func::Sech,
    Func::Csch,
];

/// Numbers and trigonometric (or hyperbolic) functions combined by products, quotients and
/// constant powers.
fn trig_only(e: &Expr) -> bool {
    match e {
        Expr::Num(_) | Expr::Const(_) => true,
        Expr::Neg(a) => trig_only(a),
        Expr::Mul(a, b) | Expr::Div(a, b) => trig_only(a) && trig_only(b),
        Expr::Pow(b, k) => !k.has_variables() && trig_only(b),
        Expr::Call(f, args) => TRIG.contains(f) && args.len() == 1,
        _ => false,
    }
}

/// Whether a tan, cot, sec or csc (or tanh, …) is among the factors of a product or quotient.
fn names_reciprocal_trig(e: &Expr) -> bool {
    match e {
        Expr::Neg(a) | Expr::Pow(a, _) => names_reciprocal_trig(a),
        Expr::Mul(a, b) | Expr::Div(a, b) => names_reciprocal_trig(a) || names_reciprocal_trig(b),
        Expr::Call(f, _) => {
            !matches!(f, Func::Sin | Func::Cos | Func::Sinh | Func::Cosh) && TRIG.contains(f)
        }
        _ => false,
    }
}

/// The factors of a product or quotient, above and below the fraction bar.
fn factors<'e>(e: &'e Expr, above: bool, top: &mut Vec<&'e Expr>, bottom: &mut Vec<&'e Expr>) {
    match e {
        Expr::Mul(a, b) => {
            factors(a, above, top, bottom);
            factors(b, above, top, bottom);
        }
        Expr::Div(a, b) => {
            factors(a, above, top, bottom);
            factors(b, !above, top, bottom);
        }
        _ if above => top.push(e),
        _ => bottom.push(e),
    }
}

/// A constant multiple of a power of one trigonometric (or hyperbolic) function.
fn one_function(e: &Expr) -> bool {
    match e {
        Expr::Call(f, args) => TRIG.contains(f) && args.len() == 1,
        Expr::Pow(b, k) => matches!(**k, Expr::Num(_)) && one_function(b),
        Expr::Neg(a) => one_function(a),
        Expr::Mul(c, a) | Expr::Div(a, c) => !c.has_variables() && one_function(a),
        _ => false,
    }
}

/// The parts of f differentiated in another form (`Rewrite` steps outside the chain rule's
/// outer functions), before and after: `tan(x)cos(x)` as `sin(x)` holds for `cos(x) ≠ 0`.
fn rewrite_conditions(s: &Step, out: &mut Vec<(Expr, Expr)>) {
    match (s.rule, s.children.as_slice()) {
        (Rule::Rewrite, [c]) => out.push((s.input.clone(), c.input.clone())),
        (Rule::Chain, [_outer, inner]) => return rewrite_conditions(inner, out),
        _ => {}
    }
    s.children.iter().for_each(|c| rewrite_conditions(c, out));
}

/// A name for the inner function that does not clash with the expression's variables.
fn fresh_name(e: &Expr, var: &str) -> String {
    let used = e.variables();
    let free = |n: &str| n != var && !used.iter().any(|u| u == n);
    ["u", "v", "w", "z", "s", "t"]
        .iter()
        .map(|n| n.to_string())
        .chain((1..).map(|i| format!("u_{i}")))
        .find(|n| free(n))
        .unwrap_or_default()
}

impl Context<'_> {
    fn depends(&self, e: &Expr) -> bool {
        e.contains_var(self.var)
    }

    /// True when `e` mentions the variable but simplifies to a finite constant: `(x - x)·x`,
    /// `sqrt(floor(1/4)·x)`. The rules would differentiate such a part into 0/0 or 0·∞ (the
    /// chain rule through `sqrt(0)`), so it takes the constant rule. Only small parts are
    /// simplified, so the check stays cheap; larger ones are rare and keep the rules.
    fn constant_in_disguise(&self, e: &Expr) -> bool {
        !matches!(e, Expr::Var(_))
            && e.op_count() <= CONSTANT_CHECK_OPS
            && !varies(e, self.var)
            && simplify(e).constant_value().is_some_and(f64::is_finite)
    }

    /// A product or quotient whose trigonometric factors are one function, or a constant:
    /// `tan(x)cos(x)` is `sin(x)`, `x sin(x)/tan(x)` is `x cos(x)`, `x sec(x)cos(x)` is `x`,
    /// `tanh(x)cosh(x)` is `sinh(x)`. Differentiated in that form, the derivative reads as a
    /// textbook's (`cos(x)`, not `sec(x) - sin(x)tan(x)`); where f itself is undefined
    /// (`cos(x) = 0` here) the derivation says so (`rewrite_conditions`) and the derivative
    /// program is guarded. Only when a tan, cot, sec or csc (or tanh, …) cancels:
    /// `sin(x)/cos(x)` keeps the quotient rule.
    fn trig_factors_merged(&self, e: &Expr) -> Option<Expr> {
        let (Expr::Mul(a, b) | Expr::Div(a, b)) = e else {
            return None;
        };
        if !(self.depends(a) && self.depends(b) && names_reciprocal_trig(e)) {
            return None;
        }
        let (mut top, mut bottom) = (Vec::new(), Vec::new());
        factors(e, true, &mut top, &mut bottom);
        let is_trig = |f: &Expr| trig_only(f) && self.depends(f);
        let trig_top: Vec<&Expr> = top.iter().copied().filter(|f| is_trig(f)).collect();
        let trig_bottom: Vec<&Expr> = bottom.iter().copied().filter(|f| is_trig(f)).collect();
        if trig_top.len() + trig_bottom.len() < 2 {
            return None;
        }
        let product = |v: &[&Expr]| v.iter().map(|f| (*f).clone()).reduce(Expr::mul);
        let trig = match (product(&trig_top), product(&trig_bottom)) {
            (Some(t), Some(b)) => Expr::div(t, b),
            (Some(t), None) => t,
            (None, Some(b)) => Expr::div(Expr::num(1.0), b),
            (None, None) => return None,
        };
        let merged = simplify(&trig);
        let one = one_function(&merged) || merged.constant_value().is_some_and(f64::is_finite);
        if !one || merged.op_count() >= trig.op_count() {
            return None;
        }
        let others = |v: &[&Expr]| {
            v.iter()
                .filter(|f| !is_trig(f))
                .map(|f| (*f).clone())
                .collect::<Vec<Expr>>()
        };
        let numerator = others(&top).into_iter().chain([merged]).reduce(mk_mul)?;
        Some(match others(&bottom).into_iter().reduce(mk_mul) {
            Some(d) => mk_div(numerator, d),
            None => numerator,
        })
    }

    fn is_var(&self, e: &Expr) -> bool {
        matches!(e, Expr::Var(v) if v == self.var)
    }

    fn diff(&mut self, e: &Expr) -> Step {
        let left = self.budget.get();
        if left == 0 {
            return step(Rule::Unfinished, e, Expr::Num(f64::NAN), vec![]);
        }
        self.budget.set(left - 1);
        if !self.depends(e) {
            // An undefined constant (`0/0`, `ln(0)`) has no derivative either.
            let undefined = e.constant_value().is_some_and(f64::is_nan);
            let out = Expr::Num(if undefined { f64::NAN } else { 0.0 });
            return step(Rule::Constant, e, out, vec![]);
        }
        if self.constant_in_disguise(e) {
            return step(Rule::Constant, e, Expr::Num(0.0), vec![]);
        }
        if let Some(merged) = self.trig_factors_merged(e) {
            let inner = self.diff(&merged);
            let out = inner.output.clone();
            return step(Rule::Rewrite, e, out, vec![inner]);
        }
        match e {
            Expr::Var(_) => step(Rule::Variable, e, Expr::Num(1.0), vec![]),
            Expr::Num(_) | Expr::Const(_) => step(Rule::Constant, e, Expr::Num(0.0), vec![]),
            Expr::Neg(a) => {
                let inner = self.diff(a);
                let out = mk_neg(inner.output.clone());
                constant_multiple(e, Expr::Num(-1.0), inner, out)
            }
            Expr::Add(a, b) => {
                let (da, db) = (self.diff(a), self.diff(b));
                let out = mk_add(da.output.clone(), db.output.clone());
                step(Rule::Sum, e, out, vec![da, db])
            }
            Expr::Sub(a, b) => {
                let (da, db) = (self.diff(a), self.diff(b));
                let out = mk_sub(da.output.clone(), db.output.clone());
                step(Rule::Difference, e, out, vec![da, db])
            }
            Expr::Mul(a, b) if !self.depends(a) => {
                let db = self.diff(b);
                let out = mk_mul((**a).clone(), db.output.clone());
                constant_multiple(e, (**a).clone(), db, out)
            }
            Expr::Mul(a, b) if !self.depends(b) => {
                let da = self.diff(a);
                let out = mk_mul((**b).clone(), da.output.clone());
                constant_multiple(e, (**b).clone(), da, out)
            }
            Expr::Mul(a, b) => {
                let (da, db) = (self.diff(a), self.diff(b));
                let out = mk_add(
                    mk_mul(da.output.clone(), (**b).clone()),
                    mk_mul((**a).clone(), db.output.clone()),
                );
                step(Rule::Product, e, out, vec![da, db])
            }
            Expr::Div(a, b) if !self.depends(b) => {
                let da = self.diff(a);
                let out = mk_div(da.output.clone(), (**b).clone());
                let factor = Expr::div(Expr::Num(1.0), (**b).clone());
                constant_multiple(e, factor, da, out)
            }
            Expr::Div(a, b) => {
                let (da, db) = (self.diff(a), self.diff(b));
                let numerator = mk_sub(
                    mk_mul(da.output.clone(), (**b).clone()),
                    mk_mul((**a).clone(), db.output.clone()),
                );
                let out = mk_div(numerator, mk_pow((**b).clone(), Expr::Num(2.0)));
                step(Rule::Quotient, e, out, vec![da, db])
            }
            Expr::Pow(base, exp) => self.power(e, base, exp),
            Expr::Call(f, args) => self.function(e, *f, args),
        }
    }

    fn power(&mut self, e: &Expr, base: &Expr, exp: &Expr) -> Step {
        match (self.depends(base), self.depends(exp)) {
            (true, false) if self.is_var(base) => {
                let lowered = simplify(&Expr::sub(exp.clone(), Expr::Num(1.0)));
                let out = mk_mul(simplify(exp), mk_pow(base.clone(), lowered));
                step(Rule::Power, e, out, vec![])
            }
            (true, false) => self.chain(e, base, |u| Expr::pow(u, exp.clone())),
            // 0^x is 0 wherever it is defined (x > 0): a constant.
            (false, true) if base.constant_value() == Some(0.0) => {
                step(Rule::Constant, e, Expr::Num(0.0), vec![])
            }
            // So is a base that only cancels to 0, `(x - x)^x`.
            (true, true) if simplify(base).constant_value() == Some(0.0) => {
                step(Rule::Constant, e, Expr::Num(0.0), vec![])
            }
            (false, true) if self.is_var(exp) => {
                if *base == Expr::Const(Constant::E) {
                    step(Rule::Exponential, e, e.clone(), vec![])
                } else {
                    let out = mk_mul(e.clone(), Expr::call(Func::Ln, base.clone()));
                    step(Rule::GeneralExponential, e, out, vec![])
                }
            }
            (false, true) => self.chain(e, exp, |u| Expr::pow(base.clone(), u)),
            _ => {
                // d/dx u^v = u^v (v' ln u + v u'/u)
                let (du, dv) = (self.diff(base), self.diff(exp));
                let out = mk_mul(
                    e.clone(),
                    mk_add(
                        mk_mul(dv.output.clone(), Expr::call(Func::Ln, base.clone())),
                        mk_div(mk_mul(exp.clone(), du.output.clone()), base.clone()),
                    ),
                );
                step(Rule::LogarithmicDifferentiation, e, out, vec![du, dv])
            }
        }
    }

    fn function(&mut self, e: &Expr, f: Func, args: &[Expr]) -> Step {
        let Some(arg) = args.first() else {
            return step(Rule::Constant, e, Expr::Num(0.0), vec![]);
        };
        let second = args.get(1);
        if let (Func::Max | Func::Min, Some(v)) = (f, second) {
            return self.max_min(e, f, arg, v);
        }
        if second.is_some_and(|b| self.depends(b)) {
            // The variable is in the base of a logarithm or the slope of a leaky ReLU.
            let b = second.cloned().unwrap_or(Expr::Num(1.0));
            let (rule, rewritten) = match f {
                Func::Log => (
                    Rule::ChangeOfBase,
                    Expr::div(Expr::call(Func::Ln, arg.clone()), Expr::call(Func::Ln, b)),
                ),
                _ => (
                    Rule::Rewrite,
                    Expr::sub(
                        Expr::call(Func::Relu, arg.clone()),
                        Expr::mul(b, Expr::call(Func::Relu, Expr::neg(arg.clone()))),
                    ),
                ),
            };
            let inner = self.diff(&rewritten);
            let out = inner.output.clone();
            return step(rule, e, out, vec![inner]);
        }
        if self.is_var(arg) {
            let out = f.local_derivative(arg, second);
            return step(Rule::Function(f), e, out, vec![]);
        }
        self.chain(e, arg, |u| {
            let mut new_args = vec![u];
            new_args.extend(second.cloned());
            Expr::Call(f, new_args)
        })
    }

    /// `max(u, v)` is u where u > v and v where v > u, so its derivative is u′ there and v′
    /// here; where u = v it has a corner (undefined, as `step` is at 0).
    fn max_min(&mut self, e: &Expr, f: Func, u: &Expr, v: &Expr) -> Step {
        // `max(u, u)` is u, also when written differently (`max(x^2, x*x)`: the corner rule
        // would give step(0), undefined everywhere).
        if u == v || simplify(&Expr::sub(u.clone(), v.clone())).constant_value() == Some(0.0) {
            let du = self.diff(u);
            let out = du.output.clone();
            return step(Rule::Function(f), e, out, vec![du]);
        }
        let (du, dv) = (self.diff(u), self.diff(v));
        let (u_wins, v_wins) = if f == Func::Max {
            (
                Expr::sub(u.clone(), v.clone()),
                Expr::sub(v.clone(), u.clone()),
            )
        } else {
            (
                Expr::sub(v.clone(), u.clone()),
                Expr::sub(u.clone(), v.clone()),
            )
        };
        let out = mk_add(
            mk_mul(du.output.clone(), Expr::call(Func::Step, u_wins)),
            mk_mul(dv.output.clone(), Expr::call(Func::Step, v_wins)),
        );
        step(Rule::Function(f), e, out, vec![du, dv])
    }

    /// The chain rule, the one place it is applied: `d/dx outer(inner) = outer'(inner) · inner'`.
    fn chain(&mut self, e: &Expr, inner: &Expr, outer: impl Fn(Expr) -> Expr) -> Step {
        let u = fresh_name(e, self.var);
        let outer_of_u = outer(Expr::var(&u));
        let outer_step = {
            let mut cx = Context {
                var: &u,
                budget: self.budget.clone(),
            };
            cx.diff(&outer_of_u)
        };
        let inner_step = self.diff(inner);
        let outer_at_inner = substitute(&outer_step.output, &u, inner);
        let out = mk_mul(outer_at_inner, inner_step.output.clone());
        Step {
            kept: Kept::Name(u),
            ..step(Rule::Chain, e, out, vec![outer_step, inner_step])
        }
    }
}
