//! Parse errors as values: a kind whose message is written for a student, and the byte span
//! of the culprit so the UI can underline it.

use std::fmt;

/// Longest input we accept, in bytes.
pub const MAX_INPUT_BYTES: usize = 1000;
/// Deepest nesting (parentheses, function calls, powers, signs) we accept.
pub const MAX_NESTING: usize = 64;
/// Deepest expression tree we accept, counting chains such as `x+x+…+x` (one level a term).
pub const MAX_TREE_DEPTH: usize = 128;

#[derive(Clone, Debug, PartialEq)]
pub enum ErrorKind {
    Empty,
    TooLong {
        len: usize,
    },
    TooDeep,
    UnexpectedChar(char),
    UnexpectedToken(String),
    MissingOperand {
        after: String,
    },
    UnclosedParen,
    UnmatchedCloseParen,
    UnclosedAbs,
    UnknownFunction {
        name: String,
        suggestion: Option<&'static str>,
    },
    WrongArity {
        name: &'static str,
        expected: String,
        got: usize,
    },
    BadNumber(String),
    /// Two numbers side by side, `1 000`.
    SpacedNumber(String),
    /// A number right after a name, `e2x`, `x 2`: the name and the number as typed.
    NumberAfterName(String, String),
    /// A decimal comma, `1,5`: the fix is a point.
    DecimalComma(String),
    /// A LaTeX command we do not read, such as `\int`.
    UnknownCommand(String),
    /// `=` anywhere but after `y` or `f(x)` at the start.
    Equation,
    /// `f(x)g(x)`: a function named but not given.
    AbstractFunction(String),
    /// `d/de …`: a constant named as the variable.
    ConstantVariable(String),
    /// `y = x^2 + y`: the name on the left appears on the right.
    ImplicitEquation(String),
    /// `d/dx` or `dx` anywhere but at the start; `second` for `d^2/dx^2`.
    Leibniz {
        second: bool,
    },
    /// `sin^-2(x)`, `ln^-1(x)`: a negative power on a function name that is not a known
    /// inverse. `name` is the function, `power` the exponent as typed.
    AmbiguousPower {
        name: &'static str,
        power: String,
    },
    NumberTooLarge(String),
    ExpectedVariable(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ParseError {
    pub kind: ErrorKind,
    /// Byte range `[start, end)` of the culprit in the input.
    pub span: (usize, usize),
}

impl ParseError {
    pub fn new(kind: ErrorKind, span: (usize, usize)) -> ParseError {
        ParseError { kind, span }
    }

    /// The message shown to the student.
    pub fn message(&self) -> String {
        match &self.kind {
            ErrorKind::Empty => "Type a function of x, for example x^2 or sin(x).".into(),
            ErrorKind::TooLong { len } => {
                format!("That is {len} characters long; the limit is {MAX_INPUT_BYTES}.")
            }
            ErrorKind::TooDeep => format!(
                "The expression is nested too deeply (more than {MAX_NESTING} levels of brackets, \
                 or more than {MAX_TREE_DEPTH} terms in a row)."
            ),
            ErrorKind::UnexpectedChar('\'' | '′' | '’') => {
                "No prime needed: type the function itself (x^2), and Slope finds its derivative."
                    .into()
            }
            ErrorKind::UnexpectedChar('°') => {
                "Slope works in radians: write pi/6 for 30°, or x*pi/180 for x degrees.".into()
            }
            ErrorKind::UnexpectedChar(c @ ('½' | '¼' | '¾' | '⅓' | '⅔')) => {
                let (p, q) = match c {
                    '½' => (1, 2),
                    '¼' => (1, 4),
                    '¾' => (3, 4),
                    '⅓' => (1, 3),
                    _ => (2, 3),
                };
                format!("Write the fraction with a slash: ({p}/{q}).")
            }
            ErrorKind::UnexpectedChar(c) => format!("'{c}' is not something I can read here."),
            ErrorKind::UnexpectedToken(t) => format!("Unexpected '{t}' here."),
            ErrorKind::NumberAfterName(name, n) => format!(
                "A number right after '{name}' is unclear: write {n}{name} for the product, or {name}^({n}…) with brackets for a power."
            ),
            ErrorKind::SpacedNumber(t) => format!(
                "Two numbers in a row: write {} without a space, or put * between them.",
                t.replace(' ', "")
            ),
            ErrorKind::MissingOperand { after } if after.is_empty() => {
                "Something is missing at the start: expected a number, variable or function.".into()
            }
            ErrorKind::MissingOperand { after } => {
                format!("Missing something after '{after}': expected a number, variable or '('.")
            }
            ErrorKind::UnclosedParen => "This '(' is never closed: add a ')'.".into(),
            ErrorKind::UnmatchedCloseParen => "This ')' has no matching '('.".into(),
            ErrorKind::UnclosedAbs => "This '|' is never closed: add another '|'.".into(),
            ErrorKind::UnknownFunction {
                name,
                suggestion: Some(s),
            } => {
                format!("Unknown function '{name}' — did you mean '{s}'?")
            }
            ErrorKind::UnknownFunction {
                name,
                suggestion: None,
            } => match super::parser::advice(name) {
                Some(a) => format!("Unknown function '{name}': {a}"),
                None => format!("Unknown function '{name}'."),
            },
            ErrorKind::WrongArity {
                name,
                expected,
                got,
            } => {
                let s = if *got == 1 { "" } else { "s" };
                format!("'{name}' takes {expected}, but was given {got} argument{s}.")
            }
            ErrorKind::BadNumber(t) => format!("'{t}' is not a number I can read."),
            ErrorKind::DecimalComma(t) => {
                format!("Use a point for decimals: {}.", t.replace(',', "."))
            }
            ErrorKind::UnknownCommand(c) => {
                format!("'\\{c}' is a LaTeX command I cannot read here.")
            }
            ErrorKind::AbstractFunction(name) => format!(
                "Slope needs a formula for {name}: type the function itself, such as x^2 sin(x), not {name}(x)."
            ),
            ErrorKind::ConstantVariable(c) => format!(
                "{c} is a constant, not a variable: write d/dx, or d/dt for t."
            ),
            ErrorKind::ImplicitEquation(name) => format!(
                "{name} is on both sides: type {name} = (something without {name}), or just that something."
            ),
            ErrorKind::Leibniz { second: true } => {
                "Slope finds the first derivative: type the function alone (x^3), and read its derivative below.".into()
            }
            ErrorKind::Leibniz { second: false } => {
                "Write d/dx only at the start (d/dx x^2), or just the function: Slope finds the derivative.".into()
            }
            ErrorKind::Equation => {
                "Type just the function, such as x^2 (y = … and f(x) = … at the start are fine)."
                    .into()
            }
            ErrorKind::AmbiguousPower { name, power } if power == "-1" => format!(
                "'{name}^-1' has no inverse function here: for 1/{name}(x) write {name}(x)^-1."
            ),
            ErrorKind::AmbiguousPower { name, power } => format!(
                "'{name}^{power}' is ambiguous: write {name}(x)^{power} for the power of {name}(x)."
            ),
            ErrorKind::NumberTooLarge(t) => {
                format!("'{t}' is too large: numbers must stay below about 1.8e308.")
            }
            ErrorKind::ExpectedVariable(t) => format!("'{t}' is not a variable name."),
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (at bytes {}..{})",
            self.message(),
            self.span.0,
            self.span.1
        )
    }
}

impl std::error::Error for ParseError {}
