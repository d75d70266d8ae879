//! Explaining a derivation: turns the `Step` tree into numbered lines of words and formulas
//! (pre-order, so each rule is named before the derivatives it needs). Lines are data; the
//! CLI prints them as text and the site typesets their formulas as MathML.

use super::ast::Expr;
use super::diff::{Derivation, Rule, Step};
use super::func::Func;
use super::layout::{layout, Layout};
use super::print::{prec, to_text};

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
    /// `name = value`, e.g. `u = x^2 + 1`.
    Equation(String, Expr),
}

/// One line of an explanation.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub rule: Rule,
    /// Nesting level (0 for the outermost rule).
    pub depth: usize,
    pub segments: Vec<Segment>,
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
            Segment::Derivative { var, input, output } => {
                let inner = if prec(input) < 2 {
                    format!("({})", to_text(input))
                } else {
                    to_text(input)
                };
                format!("d/d{var} {inner} = {}", to_text(output))
            }
            Segment::Equation(name, e) => format!("{name} = {}", to_text(e)),
        }
    }

    /// The formula of a math segment, typeset; `None` for plain words.
    pub fn layout(&self) -> Option<Layout> {
        match self {
            Segment::Text(_) => None,
            Segment::Math(e) => Some(layout(e)),
            Segment::Derivative { var, input, output } => {
                let d = Layout::Frac(
                    Box::new(Layout::Ident("d".into())),
                    Box::new(Layout::Row(vec![
                        Layout::Ident("d".into()),
                        Layout::Ident(var.clone()),
                    ])),
                );
                let body = if prec(input) < 2 {
                    Layout::Paren(Box::new(layout(input)))
                } else {
                    layout(input)
                };
                Some(Layout::Row(vec![
                    d,
                    body,
                    Layout::Op("=".into()),
                    layout(output),
                ]))
            }
            Segment::Equation(name, e) => Some(Layout::Row(vec![
                Layout::Ident(name.clone()),
                Layout::Op("=".into()),
                layout(e),
            ])),
        }
    }
}

fn words(s: &str) -> Segment {
    Segment::Text(s.to_string())
}

/// The explanation of a whole derivation, ending with the simplification.
pub fn explain(d: &Derivation) -> Vec<Line> {
    let mut lines = Vec::new();
    walk(&d.root, &d.var, 0, &mut lines);
    if !d.complete {
        lines.push(Line {
            rule: Rule::Unfinished,
            depth: 0,
            segments: vec![words(&format!(
                "Stopped after {} rule applications: this derivative is too large to show.",
                super::diff::MAX_STEPS
            ))],
        });
        return lines;
    }
    let mut segments = vec![
        words("Simplify: "),
        Segment::Derivative {
            var: d.var.clone(),
            input: d.root.input.clone(),
            output: d.result.clone(),
        },
    ];
    if let Some(w) = where_it_holds(d) {
        segments.push(words(&format!(" ({w})")));
    }
    lines.push(Line {
        rule: Rule::Simplify,
        depth: 0,
        segments,
    });
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

fn walk(s: &Step, var: &str, depth: usize, out: &mut Vec<Line>) {
    out.push(Line {
        rule: s.rule,
        depth,
        segments: describe(s, var),
    });
    for (i, c) in s.children.iter().enumerate() {
        // Two identical sub-derivatives (`x^x` needs d/dx x twice) are explained once.
        if s.children[..i].contains(c) {
            continue;
        }
        let child_var = if s.rule == Rule::Chain && std::ptr::eq(c, &s.children[0]) {
            s.inner
                .as_ref()
                .map(|(u, _)| u.clone())
                .unwrap_or_else(|| var.to_string())
        } else {
            var.to_string()
        };
        walk(c, &child_var, depth + 1, out);
    }
}

fn describe(s: &Step, var: &str) -> Vec<Segment> {
    let deriv = Segment::Derivative {
        var: var.to_string(),
        input: s.input.clone(),
        output: s.output.clone(),
    };
    let operands = || match &s.input {
        Expr::Add(a, b) | Expr::Sub(a, b) | Expr::Mul(a, b) | Expr::Div(a, b) | Expr::Pow(a, b) => {
            Some(((**a).clone(), (**b).clone()))
        }
        _ => None,
    };
    match s.rule {
        Rule::Constant => vec![words("Constant rule: "), deriv, words(&format!(" (it does not change with {var})"))],
        Rule::Variable => vec![words("Variable rule: "), deriv],
        Rule::Power => vec![words("Power rule, bring the exponent down and lower it by one: "), deriv],
        Rule::ConstantMultiple => {
            let constant = match &s.input {
                Expr::Neg(_) => Expr::Num(-1.0),
                Expr::Mul(a, b) => {
                    if a.contains_var(var) {
                        (**b).clone()
                    } else {
                        (**a).clone()
                    }
                }
                Expr::Div(_, b) => Expr::div(Expr::Num(1.0), (**b).clone()),
                other => other.clone(),
            };
            vec![words("Constant multiple rule, keep the factor "), Segment::Math(constant), words(": "), deriv]
        }
        Rule::Sum => vec![words("Sum rule, differentiate term by term: "), deriv],
        Rule::Difference => vec![words("Difference rule, differentiate term by term: "), deriv],
        Rule::Product => {
            let (u, v) = operands().unwrap_or((Expr::Num(1.0), Expr::Num(1.0)));
            vec![
                words("Product rule (uv)′ = u′v + uv′ with "),
                Segment::Equation("u".into(), u),
                words(" and "),
                Segment::Equation("v".into(), v),
                words(": "),
                deriv,
            ]
        }
        Rule::Quotient => {
            let (u, v) = operands().unwrap_or((Expr::Num(1.0), Expr::Num(1.0)));
            vec![
                words("Quotient rule (u/v)′ = (u′v − uv′)/v² with "),
                Segment::Equation("u".into(), u),
                words(" and "),
                Segment::Equation("v".into(), v),
                words(": "),
                deriv,
            ]
        }
        Rule::Chain => {
            let (u, inner) = s.inner.clone().unwrap_or_else(|| ("u".into(), s.input.clone()));
            let outer = s.children.first().map(|c| c.input.clone()).unwrap_or(Expr::var(&u));
            vec![
                words("Chain rule with inner function "),
                Segment::Equation(u.clone(), inner),
                words(" and outer function "),
                Segment::Math(outer),
                words(&format!(": multiply the outer derivative (at {u}) by d{u}/d{var}: ")),
                deriv,
            ]
        }
        Rule::Exponential => vec![words("Exponential rule, e^x is its own derivative: "), deriv],
        Rule::GeneralExponential => vec![words("Exponential rule, d/dx a^x = a^x ln(a): "), deriv],
        Rule::LogarithmicDifferentiation => vec![
            words("Logarithmic differentiation: the variable is in the base and the exponent, so write u^v = e^(v ln(u)) and differentiate: "),
            deriv,
        ],
        Rule::ChangeOfBase => vec![words("Change of base, rewrite with natural logarithms first: "), deriv],
        Rule::Rewrite => {
            let rewritten = s.children.first().map(|c| c.input.clone()).unwrap_or_else(|| s.input.clone());
            vec![
                words("Rewrite "),
                Segment::Math(s.input.clone()),
                words(" as "),
                Segment::Math(rewritten),
                words(" and differentiate that: "),
                deriv,
            ]
        }
        Rule::Function(f) => {
            let mut v = vec![words(&format!("{}: ", s.rule.title())), deriv];
            match f {
                Func::Abs | Func::Relu | Func::LeakyRelu | Func::Step | Func::Sign => {
                    v.push(words(" (undefined where the argument is 0)"))
                }
                Func::Floor | Func::Ceil => {
                    v.push(words(" (undefined where the argument is a whole number)"))
                }
                Func::Max | Func::Min => {
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
