//! A Pratt parser (one `expr_bp` loop with binding powers, after matklad's "Simple but Powerful
//! Pratt Parsing") that reads what students actually type: implicit multiplication (`2x`,
//! `x(x+1)`, `(x+1)(x-1)`), `sin^2(x)`, `|x|`, `√x`, `sin x`, and splits runs of letters such
//! as `xy` or `xsinx` into the names they are made of. It never panics: every failure is a
//! `ParseError` with the span of the culprit, and nesting is bounded.

mod names;
mod pratt;
mod wrapper;

use crate::ast::{Constant, Expr};
use crate::error::{ErrorKind, ParseError, MAX_INPUT_BYTES, MAX_NESTING, MAX_TREE_DEPTH};
use crate::func::{Func, ALL, LEAKY_SLOPE};
use crate::lexer::{tokenize, Tok, Token};
pub use names::{advice, suggest};
use names::{has_name_in_capitals, split_letters};
use pratt::Parser;
use wrapper::{leftover_leibniz, strip_wrapper};

/// What the student typed, read: the function and, when they named it (`d/dt t^2`,
/// `f(t) = t^2`), the variable they meant.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub expr: Expr,
    pub variable: Option<String>,
}

/// Parses a whole input into an expression.
pub fn parse(src: &str) -> Result<Expr, ParseError> {
    read(src).map(|r| r.expr)
}

/// Parses a whole input, also reading what students write around a function: `y = …`,
/// `f(x) = …`, `d/dx …` and `\frac{d}{dx} …` at the start are understood and dropped.
/// Typed all in capitals (`SIN(X)`), the input is read in lower case.
pub fn read(src: &str) -> Result<Reading, ParseError> {
    let reading = read_styled(src)?;
    // What is accepted prints as text that reads back (the echo, a link, a copied answer).
    // Printing writes `p(ab)c` as `p*a*b*c`, one chain, which can be deeper than what was
    // typed: a large input is accepted only if its printed text is not too deep. (Each level
    // of nesting or of a chain takes an operation, so under MAX_NESTING operations the
    // printed text cannot be too deep.)
    if reading.expr.op_count() + 1 >= MAX_NESTING.min(MAX_TREE_DEPTH) {
        if let Err(e) = read_plain(&crate::print::to_text(&reading.expr)) {
            if e.kind == ErrorKind::TooDeep {
                return Err(ParseError::new(ErrorKind::TooDeep, (0, src.len())));
            }
        }
    }
    Ok(reading)
}

/// `read` without the check of its printed text.
fn read_styled(src: &str) -> Result<Reading, ParseError> {
    if src.len() > MAX_INPUT_BYTES {
        // Underline everything past the limit, starting on a character boundary.
        let mut start = MAX_INPUT_BYTES;
        while !src.is_char_boundary(start) {
            start -= 1;
        }
        return Err(ParseError::new(
            ErrorKind::TooLong { len: src.len() },
            (start, src.len()),
        ));
    }
    // Styled letters and digits (𝑥², 𝐱, 𝟐) are the plain ones: read the plain text, and
    // point errors back at what was typed.
    if src.chars().any(|c| crate::lexer::plain(c).is_some()) {
        let mut plain = String::with_capacity(src.len());
        let mut at = Vec::with_capacity(src.len() + 1);
        for (i, c) in src.char_indices() {
            let p = crate::lexer::plain(c).unwrap_or(c);
            plain.push(p);
            at.extend(std::iter::repeat_n(i, p.len_utf8()));
        }
        at.push(src.len());
        return read_plain(&plain).map_err(|mut e| {
            e.span = (at[e.span.0.min(plain.len())], at[e.span.1.min(plain.len())]);
            e
        });
    }
    read_plain(src)
}

/// `read` of text without styled letters.
fn read_plain(src: &str) -> Result<Reading, ParseError> {
    if src.trim().is_empty() {
        return Err(ParseError::new(ErrorKind::Empty, (0, src.len())));
    }
    // All capitals with a name in them (`SIN(X)`, `LN X`, `PI R^2`) is caps lock: read it in
    // lower case. Capital letters alone (`E^X`, `A X^2`) are letters of their own, E too:
    // what Slope prints never has two capitals side by side, so it reads back as printed.
    let shouting = !src.chars().any(|c| c.is_ascii_lowercase()) && has_name_in_capitals(src);
    let lowered;
    let src = if shouting {
        lowered = src.to_ascii_lowercase();
        lowered.as_str()
    } else {
        src
    };
    let mut toks = tokenize(src)?;
    let variable = strip_wrapper(&mut toks);
    // `d/dx * x^2`: the operator was written as a product.
    if variable.is_some() && toks.first().is_some_and(|t| t.tok == Tok::Star) {
        toks.remove(0);
    }
    if let Some(c @ ("e" | "pi" | "π")) = variable.as_deref() {
        return Err(ParseError::new(
            ErrorKind::ConstantVariable(c.to_string()),
            (0, src.len().min(4)),
        ));
    }
    // `d/dx` or `y =` with nothing after it.
    if toks.first().is_some_and(|t| t.tok == Tok::Eof) {
        return Err(ParseError::new(ErrorKind::Empty, (0, src.len())));
    }
    if let Some(e) = leftover_leibniz(&toks) {
        return Err(e);
    }
    if let Some(t) = toks.iter().find(|t| t.tok == Tok::Equals) {
        // `y = x^2 + y`: the name on the left is on the right too.
        if let (Some(Tok::Ident(name)), Some(Tok::Equals)) =
            (toks.first().map(|t| &t.tok), toks.get(1).map(|t| &t.tok))
        {
            let on_right = toks[2..].iter().any(|k| match &k.tok {
                Tok::Ident(s) => {
                    s == name
                        || (s.chars().all(crate::lexer::is_letter)
                            && split_letters(s, 0).iter().any(|(p, _)| p == name))
                }
                _ => false,
            });
            if name.chars().count() == 1 && on_right {
                return Err(ParseError::new(
                    ErrorKind::ImplicitEquation(name.clone()),
                    t.span,
                ));
            }
        }
        return Err(ParseError::new(ErrorKind::Equation, t.span));
    }
    let mut p = Parser {
        toks,
        pos: 0,
        depth: 0,
        abs_depth: 0,
        bare: false,
        src,
    };
    let e = p.expr_bp(0)?;
    let t = p.peek().clone();
    match t.tok {
        // Long chains (`x+x+…+x`) nest without parentheses; every later pass recurses
        // through the tree, so its depth is bounded too (wasm's stack is small).
        Tok::Eof if e.depth() > MAX_TREE_DEPTH => {
            Err(ParseError::new(ErrorKind::TooDeep, (0, src.len())))
        }
        Tok::Eof => Ok(Reading { expr: e, variable }),
        Tok::Comma => Err(p.comma_error(&t)),
        Tok::RParen => Err(ParseError::new(ErrorKind::UnmatchedCloseParen, t.span)),
        Tok::Pipe => Err(ParseError::new(
            ErrorKind::UnexpectedToken("|".into()),
            t.span,
        )),
        other => Err(ParseError::new(
            ErrorKind::UnexpectedToken(other.describe()),
            t.span,
        )),
    }
}

/// Parses a variable name (for `--var` and the UI's variable picker).
pub fn parse_variable(name: &str) -> Result<String, ParseError> {
    let span = (0, name.len());
    match parse(name) {
        Ok(Expr::Var(v)) => Ok(v),
        _ => Err(ParseError::new(
            ErrorKind::ExpectedVariable(name.to_string()),
            span,
        )),
    }
}
