//! Explaining a derivation: turns the `Step` tree into numbered lines of words and formulas.
//! Two orders: as a textbook writes it (name the parts of a rule, differentiate each, combine
//! them, simplify) and compact (top-down: each rule with its result, then the derivatives it
//! needed). Every line knows the sub-expression of the function it acts on, so a page can
//! point at it. Lines are data; the CLI prints them as text and the site typesets their
//! formulas as MathML.

use super::ast::Expr;
use super::diff::{Derivation, Kept, Rule, Step};
use super::func::Func;
use super::layout::{layout, Layout};
use super::print::{prec, to_text};
use super::simplify::simplify;
use super::speech::to_speech;

/// The order of an explanation's lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// As a textbook writes it: name the parts, differentiate each, combine, simplify.
    Textbook,
    /// Top-down: each rule with its result first, then the derivatives it needed.
    Compact,
}

/// How derivatives are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Notation {
    /// d/dx, u′: a function of one variable.
    #[default]
    Ordinary,
    /// ∂/∂x, ∂u/∂x: a function of several variables, the others held constant. Only the
    /// derivation's own variable is partial; a chain rule's outer function still has d/du.
    Partial,
}

/// What a line does for its rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// The whole rule in one line (a rule that needs no other derivative, every rule in the
    /// compact order, the simplification).
    Whole,
    /// Names the parts the rule needs the derivatives of (textbook order).
    Parts,
    /// Puts the parts' derivatives together (textbook order).
    Combine,
}

/// A piece of an explanation line.
#[derive(Clone, Debug, PartialEq)]
pub enum Segment {
    Text(String),
    Math(Expr),
    /// `d/d(var) input = output`.
    Derivative {
        var: String,
        input: Expr,
        output: Expr,
    },
    /// `∂/∂(var) input = output`: a partial derivative, the other letters held constant.
    Partial {
        var: String,
        input: Expr,
        output: Expr,
    },
    /// `name = value`, e.g. `u = x^2 + 1`.
    Equation(String, Expr),
}

/// One line of an explanation.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub rule: Rule,
    pub phase: Phase,
    /// Nesting level (0 for the outermost rule).
    pub depth: usize,
    pub segments: Vec<Segment>,
    /// Where in the function the line acts: operand indices from its root (see
    /// `Expr::at_path`). A derivative in a chain rule's own variable (`d/du u^3`) points at
    /// the whole composition.
    pub at: Vec<usize>,
}

impl Line {
    /// The line in plain canonical text.
    pub fn text(&self) -> String {
        self.segments.iter().map(Segment::text).collect()
    }
}

impl Segment {
    pub fn text(&self) -> String {
        match self {
            Segment::Text(t) => t.clone(),
            Segment::Math(e) => to_text(e),
            Segment::Derivative { var, input, output } => derivative_text("d", var, input, output),
            Segment::Partial { var, input, output } => derivative_text("∂", var, input, output),
            Segment::Equation(name, e) => format!("{name} = {}", to_text(e)),
        }
    }

    /// The segment as a screen reader should say it.
    pub fn speech(&self) -> String {
        match self {
            Segment::Text(t) => t.clone(),
            Segment::Math(e) => to_speech(e),
            Segment::Derivative { var, input, output } => format!(
                "the derivative of {} with respect to {var} is {}",
                to_speech(input),
                to_speech(output)
            ),
            Segment::Partial { var, input, output } => format!(
                "the partial derivative of {} with respect to {var} is {}",
                to_speech(input),
                to_speech(output)
            ),
            Segment::Equation(name, e) => {
                let name = match partial_name(name) {
                    Some((u, var)) => {
                        format!("the partial derivative of {u} with respect to {var}")
                    }
                    None => name.replace('′', " prime"),
                };
                format!("{name} equals {}", to_speech(e))
            }
        }
    }

    /// The formula of a math segment, typeset; `None` for plain words.
    pub fn layout(&self) -> Option<Layout> {
        match self {
            Segment::Text(_) => None,
            Segment::Math(e) => Some(layout(e)),
            Segment::Derivative { var, input, output } => {
                Some(derivative_layout("d", var, input, output))
            }
            Segment::Partial { var, input, output } => {
                Some(derivative_layout("∂", var, input, output))
            }
            Segment::Equation(name, e) => {
                let name = match partial_name(name) {
                    Some((u, var)) => fraction("∂", Layout::Ident(u.into()), var),
                    None => Layout::Ident(name.clone()),
                };
                Some(Layout::Row(vec![name, Layout::Op("=".into()), layout(e)]))
            }
        }
    }
}

/// `d/dx input = output` (or with `∂`) as text, the input bracketed where it needs it.
fn derivative_text(d: &str, var: &str, input: &Expr, output: &Expr) -> String {
    let inner = if prec(input) < 2 {
        format!("({})", to_text(input))
    } else {
        to_text(input)
    };
    format!("{d}/{d}{var} {inner} = {}", to_text(output))
}

/// `d top / d var` (or with `∂`) as a fraction.
fn fraction(d: &str, top: Layout, var: &str) -> Layout {
    let top = match top {
        Layout::Ident(t) if t.is_empty() => Layout::Ident(d.into()),
        t => Layout::Row(vec![Layout::Ident(d.into()), t]),
    };
    Layout::Frac(
        Box::new(top),
        Box::new(Layout::Row(vec![
            Layout::Ident(d.into()),
            Layout::Ident(var.into()),
        ])),
    )
}

fn derivative_layout(d: &str, var: &str, input: &Expr, output: &Expr) -> Layout {
    let body = if prec(input) < 2 {
        Layout::Paren(Box::new(layout(input)))
    } else {
        layout(input)
    };
    Layout::Row(vec![
        fraction(d, Layout::Ident(String::new()), var),
        body,
        Layout::Op("=".into()),
        layout(output),
    ])
}

/// `∂u/∂x` split into its function and variable.
fn partial_name(name: &str) -> Option<(&str, &str)> {
    let (top, bottom) = name.strip_prefix('∂')?.split_once('/')?;
    Some((top, bottom.strip_prefix('∂')?))
}

/// How a line writes derivatives: the notation, and the derivation's own variable (the only
/// one whose derivatives are partial).
#[derive(Clone, Copy)]
struct Style<'a> {
    notation: Notation,
    of: &'a str,
}

impl Style<'_> {
    fn partial(self, var: &str) -> bool {
        self.notation == Notation::Partial && var == self.of
    }

    /// The derivative of the part `u` with respect to `var`: `u′` or `∂u/∂x`.
    fn prime(self, u: &str, var: &str) -> String {
        if self.partial(var) {
            format!("∂{u}/∂{var}")
        } else {
            format!("{u}′")
        }
    }

    /// `du/dx`, or `∂u/∂x`: the inner function's derivative in a chain rule.
    fn ratio(self, u: &str, var: &str) -> String {
        if self.partial(var) {
            format!("∂{u}/∂{var}")
        } else {
            format!("d{u}/d{var}")
        }
    }

    /// A rule's formula with its primes written in this style: `(uv)′ = u′v + uv′` or
    /// `∂(uv)/∂x = (∂u/∂x)v + u(∂v/∂x)`. `{u'}` and `{v'}` stand for the parts' derivatives,
    /// `{'}` for the whole's (`(uv){'}`).
    fn formula(self, template: &str, var: &str) -> String {
        if !self.partial(var) {
            return template
                .replace("{u'}", "u′")
                .replace("{v'}", "v′")
                .replace("{'}", "′");
        }
        let mut out = template
            .replace("{u'}", &format!("({})", self.prime("u", var)))
            .replace("{v'}", &format!("({})", self.prime("v", var)));
        // The whole: `(uv){'}` becomes `∂(uv)/∂x`.
        while let Some(at) = out.find("{'}") {
            let open = out[..at].rfind('(').unwrap_or(0);
            let whole = out[open..at].to_string();
            out.replace_range(open..at + 3, &format!("∂{whole}/∂{var}"));
        }
        out
    }

    /// `d/dx input = output`, or `∂/∂x …` for a partial derivative.
    fn derivative(self, var: &str, input: Expr, output: Expr) -> Segment {
        let var = var.to_string();
        if self.partial(&var) {
            Segment::Partial { var, input, output }
        } else {
            Segment::Derivative { var, input, output }
        }
    }
}

fn words(s: &str) -> Segment {
    Segment::Text(s.to_string())
}

impl Phase {
    /// The phase's name, as the page marks each step (`data-phase`) and `--json` writes it.
    pub fn name(self) -> &'static str {
        match self {
            Phase::Whole => "Whole",
            Phase::Parts => "Parts",
            Phase::Combine => "Combine",
        }
    }
}

/// The explanation of a whole derivation, ending with the simplification.
pub fn explain(d: &Derivation, order: Order) -> Vec<Line> {
    explain_in(d, order, Notation::Ordinary)
}

/// `explain` in a notation: `Notation::Partial` writes ∂/∂x and ∂u/∂x for a function of
/// several variables.
pub fn explain_in(d: &Derivation, order: Order, notation: Notation) -> Vec<Line> {
    let mut lines = Vec::new();
    let f = d.function();
    let w = Style {
        notation,
        of: &d.var,
    };
    match order {
        Order::Textbook => textbook(&d.root, &d.var, 0, Vec::new(), f, w, &mut lines),
        Order::Compact => compact(&d.root, &d.var, 0, Vec::new(), f, w, &mut lines),
    }
    let whole = |rule, segments| Line {
        rule,
        phase: Phase::Whole,
        depth: 0,
        segments,
        at: Vec::new(),
    };
    if !d.complete {
        lines.push(whole(
            Rule::Unfinished,
            vec![words(&format!(
                "Stopped after {} rule applications: this derivative is too large to show.",
                super::diff::MAX_STEPS
            ))],
        ));
        return lines;
    }
    let mut segments = vec![
        words("Simplify: "),
        w.derivative(&d.var, d.root.input.clone(), d.result.clone()),
    ];
    if let Some(w) = where_it_holds(d) {
        segments.push(words(&format!(" ({w})")));
    }
    lines.push(whole(Rule::Simplify, segments));
    lines
}

/// "for x ≠ -1" when the simplified derivative holds on less than where it is defined.
pub fn where_it_holds(d: &Derivation) -> Option<String> {
    if d.conditions.is_empty() {
        return None;
    }
    let parts: Vec<String> = d.conditions.iter().map(|c| c.text(&d.var)).collect();
    Some(format!("for {}", parts.join(" and ")))
}

fn line(s: &Step, phase: Phase, depth: usize, at: &[usize], segments: Vec<Segment>) -> Line {
    Line {
        rule: s.rule,
        phase,
        depth,
        segments,
        at: at.to_vec(),
    }
}

fn compact(
    s: &Step,
    var: &str,
    depth: usize,
    at: Vec<usize>,
    f: &Expr,
    w: Style,
    out: &mut Vec<Line>,
) {
    out.push(line(s, Phase::Whole, depth, &at, describe(s, var, w)));
    for (c, child_var, child_at) in needed(s, var, &at, f) {
        compact(c, &child_var, depth + 1, child_at, f, w, out);
    }
}

fn textbook(
    s: &Step,
    var: &str,
    depth: usize,
    at: Vec<usize>,
    f: &Expr,
    w: Style,
    out: &mut Vec<Line>,
) {
    if s.children.is_empty() {
        out.push(line(s, Phase::Whole, depth, &at, describe(s, var, w)));
        return;
    }
    out.push(line(s, Phase::Parts, depth, &at, parts(s, var, w)));
    for (c, child_var, child_at) in needed(s, var, &at, f) {
        textbook(c, &child_var, depth + 1, child_at, f, w, out);
    }
    out.push(line(s, Phase::Combine, depth, &at, combine(s, var, w)));
}

/// The derivatives a step needed, each with its variable and where it acts in `f`. Two
/// identical ones (`x^x` needs d/dx x twice) are explained once.
fn needed<'a>(
    s: &'a Step,
    var: &str,
    at: &[usize],
    f: &Expr,
) -> Vec<(&'a Step, String, Vec<usize>)> {
    let here = f.at_path(at);
    let mut out = Vec::new();
    for (i, c) in s.children.iter().enumerate() {
        if s.children[..i].contains(c) {
            continue;
        }
        let (child_var, child_at) = match (&s.kept, i) {
            // The outer function's derivative is in the chain rule's own variable.
            (Kept::Name(u), 0) => (u.clone(), at.to_vec()),
            _ => (var.to_string(), locate(here, at, &c.input, i)),
        };
        out.push((c, child_var, child_at));
    }
    out
}

/// Where `part` sits below `here` (at path `at`): the `i`-th operand when it is that one,
/// else the nearest copy of it, else `here` itself (a rewritten form is not in `f`).
fn locate(here: Option<&Expr>, at: &[usize], part: &Expr, i: usize) -> Vec<usize> {
    let Some(here) = here else {
        return at.to_vec();
    };
    let ops = here.operands();
    let found = if ops.get(i) == Some(&part) {
        Some(vec![i])
    } else {
        find(here, part)
    };
    let mut path = at.to_vec();
    path.extend(found.unwrap_or_default());
    path
}

/// The path to the first copy of `part` inside `e`, breadth first.
fn find(e: &Expr, part: &Expr) -> Option<Vec<usize>> {
    let mut queue = std::collections::VecDeque::from([(e, Vec::new())]);
    while let Some((x, path)) = queue.pop_front() {
        if x == part {
            return Some(path);
        }
        for (i, o) in x.operands().into_iter().enumerate() {
            let mut p = path.clone();
            p.push(i);
            queue.push_back((o, p));
        }
    }
    None
}

/// Textbook order: what a rule needs, before its parts are differentiated.
fn parts(s: &Step, var: &str, w: Style) -> Vec<Segment> {
    // `intro a and b outro`, the parts named (`u = …`) when `names` are given.
    let two = |intro: &str, names: Option<[&str; 2]>, [a, b]: [&Step; 2], outro: &str| {
        let part = |i: usize, c: &Step| match names {
            Some(n) => Segment::Equation(n[i].into(), c.input.clone()),
            None => Segment::Math(c.input.clone()),
        };
        vec![
            words(intro),
            part(0, a),
            words(" and "),
            part(1, b),
            words(outro),
        ]
    };
    let pair = |intro: &str, uv| two(&w.formula(intro, var), Some(["u", "v"]), uv, ".");
    match (s.rule, &s.kept, &s.children[..]) {
        (Rule::Sum, _, [a, b]) => two(
            "Sum rule: differentiate the terms ",
            None,
            [a, b],
            " one at a time.",
        ),
        (Rule::Difference, _, [a, b]) => two(
            "Difference rule: differentiate ",
            None,
            [a, b],
            " one at a time.",
        ),
        (Rule::ConstantMultiple, Kept::Factor(c), [rest]) => vec![
            words("Constant multiple rule: keep the factor "),
            Segment::Math(c.clone()),
            words(" and differentiate "),
            Segment::Math(rest.input.clone()),
            words("."),
        ],
        (Rule::Product, _, [u, v]) => pair(
            "Product rule (uv){'} = {u'}v + u{v'}, name the parts: ",
            [u, v],
        ),
        (Rule::Quotient, _, [u, v]) => pair(
            "Quotient rule (u/v){'} = ({u'}v − u{v'})/v², name the parts: ",
            [u, v],
        ),
        (Rule::LogarithmicDifferentiation, _, [u, v]) => pair(
            "Logarithmic differentiation: the variable is in the base and the exponent, so write u^v = e^(v ln(u)) with ",
            [u, v],
        ),
        (Rule::Chain, Kept::Name(u), [outer, inner]) => vec![
            words("Chain rule, name the parts: outer "),
            Segment::Math(outer.input.clone()),
            words(", inner "),
            Segment::Equation(u.clone(), inner.input.clone()),
            words("."),
        ],
        (Rule::ChangeOfBase | Rule::Rewrite, _, [to]) => vec![
            words(&format!("{}: write ", s.rule.title())),
            Segment::Math(s.input.clone()),
            words(" as "),
            Segment::Math(to.input.clone()),
            words("."),
        ],
        (Rule::Function(f @ (Func::Max | Func::Min)), _, [u, v]) => {
            let larger = if f == Func::Max { "larger" } else { "smaller" };
            two(
                &format!("{}: where one of ", s.rule.title()),
                None,
                [u, v],
                &format!(" is the {larger}, the derivative is that one's."),
            )
        }
        (Rule::Function(Func::Max | Func::Min), _, [u]) => vec![
            words(&format!("{}: both arguments are ", s.rule.title())),
            Segment::Math(u.input.clone()),
            words("."),
        ],
        // No rule makes another shape (tests/math_props.rs checks every record).
        _ => describe(s, var, w),
    }
}

/// Textbook order: the rule put together from its parts' derivatives.
fn combine(s: &Step, var: &str, w: Style) -> Vec<Segment> {
    let deriv = derivative(s, var, w);
    let primes = |intro: &str, du: &Step, dv: &Step| {
        vec![
            words(&w.formula(intro, var)),
            Segment::Equation(w.prime("u", var), du.output.clone()),
            words(" and "),
            Segment::Equation(w.prime("v", var), dv.output.clone()),
            words(": "),
            deriv.clone(),
        ]
    };
    match (s.rule, &s.kept, &s.children[..]) {
        (Rule::Sum, ..) => vec![words("Sum rule, add the derivatives: "), deriv],
        (Rule::Difference, ..) => vec![words("Difference rule, subtract the derivatives: "), deriv],
        (Rule::ConstantMultiple, Kept::Factor(c), _) => vec![
            words("Constant multiple rule, multiply by "),
            Segment::Math(c.clone()),
            words(": "),
            deriv,
        ],
        (Rule::Product, _, [du, dv]) => primes("Product rule, combine {u'}v + u{v'} with ", du, dv),
        (Rule::Quotient, _, [du, dv]) => {
            primes("Quotient rule, combine ({u'}v − u{v'})/v² with ", du, dv)
        }
        (Rule::LogarithmicDifferentiation, _, [du, dv]) => primes(
            "Logarithmic differentiation, combine u^v ({v'} ln(u) + v {u'}/u) with ",
            du,
            dv,
        ),
        (Rule::Chain, Kept::Name(u), [_, inner]) => vec![
            words("Chain rule, put "),
            Segment::Equation(u.clone(), inner.input.clone()),
            words(&format!(
                " into the outer derivative and multiply by {} = ",
                w.ratio(u, var)
            )),
            Segment::Math(inner.output.clone()),
            words(": "),
            deriv,
        ],
        (Rule::ChangeOfBase | Rule::Rewrite, ..) => {
            vec![words(&format!("{}: ", s.rule.title())), deriv]
        }
        _ => describe(s, var, w),
    }
}

fn derivative(s: &Step, var: &str, w: Style) -> Segment {
    w.derivative(var, s.input.clone(), s.output.clone())
}

fn describe(s: &Step, var: &str, w: Style) -> Vec<Segment> {
    let deriv = derivative(s, var, w);
    match s.rule {
        // A part that mentions the variable but simplifies to a constant: `(x - x)·x`.
        Rule::Constant if s.input.contains_var(var) && !simplify(&s.input).has_variables() => vec![
            words("Constant rule: "),
            deriv,
            words(" (it simplifies to "),
            Segment::Math(simplify(&s.input)),
            words(&format!(", which does not change with {var})")),
        ],
        Rule::Constant => vec![words("Constant rule: "), deriv, words(&format!(" (it does not change with {var})"))],
        Rule::Variable => vec![words("Variable rule: "), deriv],
        Rule::Power => vec![words("Power rule, bring the exponent down and lower it by one: "), deriv],
        Rule::ConstantMultiple => match &s.kept {
            Kept::Factor(c) => vec![words("Constant multiple rule, keep the factor "), Segment::Math(c.clone()), words(": "), deriv],
            _ => vec![words("Constant multiple rule: "), deriv],
        },
        Rule::Sum => vec![words("Sum rule, differentiate term by term: "), deriv],
        Rule::Difference => vec![words("Difference rule, differentiate term by term: "), deriv],
        Rule::Product | Rule::Quotient => {
            let formula = match s.rule {
                Rule::Product => "Product rule (uv){'} = {u'}v + u{v'} with ",
                _ => "Quotient rule (u/v){'} = ({u'}v − u{v'})/v² with ",
            };
            let mut v = vec![words(&w.formula(formula, var))];
            if let [u, v_] = &s.children[..] {
                v.extend([
                    Segment::Equation("u".into(), u.input.clone()),
                    words(" and "),
                    Segment::Equation("v".into(), v_.input.clone()),
                    words(": "),
                ]);
            }
            v.push(deriv);
            v
        }
        Rule::Chain => match (&s.kept, &s.children[..]) {
            (Kept::Name(u), [outer, inner]) => vec![
                words("Chain rule with inner function "),
                Segment::Equation(u.clone(), inner.input.clone()),
                words(" and outer function "),
                Segment::Math(outer.input.clone()),
                words(&format!(": multiply the outer derivative (at {u}) by {}: ", w.ratio(u, var))),
                deriv,
            ],
            _ => vec![words("Chain rule: "), deriv],
        },
        Rule::Exponential => vec![words("Exponential rule, e^x is its own derivative: "), deriv],
        // Stated in the step's own variable on a page of several variables: ∂/∂x a^x, or
        // d/du a^u inside a chain rule.
        Rule::GeneralExponential if w.notation == Notation::Partial => {
            let d = if w.partial(var) { "∂" } else { "d" };
            vec![
                words(&format!("Exponential rule, {d}/{d}{var} a^{var} = a^{var} ln(a): ")),
                deriv,
            ]
        }
        Rule::GeneralExponential => vec![words("Exponential rule, d/dx a^x = a^x ln(a): "), deriv],
        Rule::LogarithmicDifferentiation => vec![
            words("Logarithmic differentiation: the variable is in the base and the exponent, so write u^v = e^(v ln(u)) and differentiate: "),
            deriv,
        ],
        Rule::ChangeOfBase => vec![words("Change of base, rewrite with natural logarithms first: "), deriv],
        Rule::Rewrite => match &s.children[..] {
            [to] => vec![
                words("Rewrite "),
                Segment::Math(s.input.clone()),
                words(" as "),
                Segment::Math(to.input.clone()),
                words(" and differentiate that: "),
                deriv,
            ],
            _ => vec![words("Rewrite: "), deriv],
        },
        Rule::Function(f) => {
            let mut v = vec![words(&format!("{}: ", s.rule.title())), deriv];
            match f {
                Func::Abs | Func::Relu | Func::LeakyRelu | Func::Step | Func::Sign => {
                    v.push(words(" (undefined where the argument is 0)"))
                }
                Func::Floor | Func::Ceil => {
                    v.push(words(" (undefined where the argument is a whole number)"))
                }
                Func::Max | Func::Min if s.children.len() == 2 => {
                    v.push(words(" (undefined where the two arguments are equal)"))
                }
                _ => {}
            }
            v
        }
        Rule::Simplify => vec![deriv],
        Rule::Unfinished => vec![words(
            "Not differentiated: this derivative grows too large to finish (its size doubles with every level of nesting).",
        )],
    }
}
