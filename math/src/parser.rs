//! A Pratt parser (one `expr_bp` loop with binding powers, after matklad's "Simple but Powerful
//! Pratt Parsing") that reads what students actually type: implicit multiplication (`2x`,
//! `x(x+1)`, `(x+1)(x-1)`), `sin^2(x)`, `|x|`, `√x`, `sin x`, and splits runs of letters such
//! as `xy` or `xsinx` into the names they are made of. It never panics: every failure is a
//! `ParseError` with the span of the culprit, and nesting is bounded.

use super::ast::{Constant, Expr};
use super::error::{ErrorKind, ParseError, MAX_INPUT_BYTES, MAX_NESTING, MAX_TREE_DEPTH};
use super::func::{Func, ALL, LEAKY_SLOPE};
use super::lexer::{tokenize, Tok, Token};

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

/// Drops `y =`, `f(x) =`, `d/dx` or `\frac{d}{dx}` from the front of the tokens; returns the
/// variable they name, if any.
fn strip_wrapper(toks: &mut Vec<Token>) -> Option<String> {
    let ident = |i: usize| match toks.get(i).map(|t| &t.tok) {
        Some(Tok::Ident(s)) => Some(s.as_str()),
        _ => None,
    };
    let is = |i: usize, t: Tok| toks.get(i).is_some_and(|k| k.tok == t);
    let single_letter = |s: &str| s.chars().count() == 1 && s != "e";
    // The name of a function (`y`, `f`), never its variable: `x = 2` is not a function.
    let rest_has = |name: &str, from: usize| {
        toks[from..].iter().any(|t| match &t.tok {
            Tok::Ident(s) => {
                s == name
                    || (s.chars().all(crate::lexer::is_letter)
                        && split_letters(s, 0).iter().any(|(p, _)| p == name))
            }
            _ => false,
        })
    };
    let single_letter = |s: &str| single_letter(s) && s != "x" && !rest_has(s, 2);
    // `y = …`, then perhaps `d/dx` after it.
    if ident(0).is_some_and(single_letter) && is(1, Tok::Equals) {
        toks.drain(..2);
        return strip_leibniz(toks);
    }
    // `f(x) = …`
    if ident(0).is_some_and(single_letter)
        && is(1, Tok::LParen)
        && ident(2).is_some_and(|v| {
            let mut cs = v.chars();
            cs.next().is_some_and(crate::lexer::is_letter)
                && cs.all(|c| c.is_ascii_digit() || c == '_')
        })
        && is(3, Tok::RParen)
        && is(4, Tok::Equals)
    {
        let v = ident(2).map(str::to_string);
        toks.drain(..5);
        return strip_leibniz(toks).or(v);
    }
    strip_leibniz(toks)
}

/// The variable of `dx`, `dt`, `dθ`, `dx_1`, `∂x`, `DX` (the name after its `d`): one
/// letter, perhaps with a subscript, never a word (`dsin`).
fn d_of(s: &str) -> Option<String> {
    let v = s
        .strip_prefix('d')
        .or_else(|| s.strip_prefix('∂'))
        .or_else(|| s.strip_prefix('D'))?;
    let mut cs = v.chars();
    let first = cs.next().filter(|c| crate::lexer::is_letter(*c))?;
    let rest: String = cs.collect();
    let subscript = rest.is_empty()
        || rest.chars().all(|c| c.is_ascii_digit())
        || rest
            .strip_prefix('_')
            .is_some_and(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_digit()));
    (subscript || v == "pi").then(|| format!("{first}{rest}"))
}

/// Drops one `d/dx`, `dy/dx`, `(d/dx)`, `d(…)/dx` or `\frac{d}{dx}` from the front of the
/// tokens; returns the variable it names.
fn strip_leibniz(toks: &mut Vec<Token>) -> Option<String> {
    let ident = |i: usize| match toks.get(i).map(|t| &t.tok) {
        Some(Tok::Ident(s)) => Some(s.as_str()),
        _ => None,
    };
    let is = |i: usize, t: Tok| toks.get(i).is_some_and(|k| k.tok == t);
    let d = |s: Option<&str>| matches!(s, Some("d" | "∂" | "D"));
    // `ddx …`: d/dx without its slash.
    if let Some(v) = ident(0)
        .and_then(|n| n.strip_prefix("dd"))
        .filter(|v| v.chars().count() == 1)
    {
        let v = v.to_string();
        toks.remove(0);
        return Some(v);
    }
    // `(d/dx) …`
    if is(0, Tok::LParen) && d(ident(1)) && is(2, Tok::Slash) && is(4, Tok::RParen) {
        if let Some(v) = ident(3).and_then(d_of) {
            toks.drain(..5);
            return Some(v);
        }
    }
    // `d(…)/dx`
    if d(ident(0)) && is(1, Tok::LParen) {
        let mut depth = 0;
        let close = toks.iter().enumerate().skip(1).find_map(|(i, t)| {
            match t.tok {
                Tok::LParen => depth += 1,
                Tok::RParen => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(i);
                    }
                }
                _ => {}
            }
            None
        });
        if let Some(k) = close {
            if is(k + 1, Tok::Slash) && is(k + 3, Tok::Eof) {
                if let Some(v) = ident(k + 2).and_then(d_of) {
                    toks.drain(k + 1..k + 3);
                    toks.remove(0);
                    return Some(v);
                }
            }
        }
    }
    // `dy/dx …`, `df/dx …`: what is being differentiated is named, then the function.
    if ident(0).is_some_and(|n| n.chars().count() == 2 && d_of(n).is_some()) && is(1, Tok::Slash) {
        if let Some(v) = ident(2).and_then(d_of) {
            toks.drain(..3);
            return Some(v);
        }
    }
    // `d/d x …`
    if d(ident(0)) && is(1, Tok::Slash) && d(ident(2)) {
        if let Some(v) = ident(3)
            .filter(|v| v.chars().count() == 1)
            .map(str::to_string)
        {
            toks.drain(..4);
            return Some(v);
        }
    }
    // `d/dx …`, `∂/∂x …`
    if d(ident(0)) && is(1, Tok::Slash) {
        if let Some(v) = ident(2).and_then(d_of) {
            toks.drain(..3);
            return Some(v);
        }
    }
    // `\frac{d}{dx} …`, `\frac{dy}{dx} …`, `\frac{\mathrm{d}}{\mathrm{d}x} …`
    let top =
        |s: Option<&str>| d(s) || s.is_some_and(|n| n.chars().count() == 2 && d_of(n).is_some());
    if is(0, Tok::Frac)
        && is(1, Tok::LParen)
        && top(ident(2))
        && is(3, Tok::RParen)
        && is(4, Tok::LParen)
    {
        if is(6, Tok::RParen) {
            if let Some(v) = ident(5).and_then(d_of) {
                toks.drain(..7);
                return Some(v);
            }
        }
        if d(ident(5)) && is(7, Tok::RParen) {
            if let Some(v) = ident(6).map(str::to_string) {
                toks.drain(..8);
                return Some(v);
            }
        }
    }
    None
}

/// Leibniz notation left after the front (`x^2 + d/dx x`, `d^2/dx^2 x^3`, `x^2 dx`) is an
/// error that says what to type, never letters multiplied together.
fn leftover_leibniz(toks: &[Token]) -> Option<ParseError> {
    for (i, t) in toks.iter().enumerate() {
        let Tok::Ident(name) = &t.tok else { continue };
        let prev = |k: usize| i.checked_sub(k).map(|j| &toks[j].tok);
        let next = |k: usize| toks.get(i + k).map(|t| &t.tok);
        // `f(x)g(x)`, `y = f(x)`: a function with no formula to differentiate.
        if matches!(name.as_str(), "f" | "g" | "h")
            && next(1) == Some(&Tok::LParen)
            && matches!(next(2), Some(Tok::Ident(v)) if v.chars().count() == 1)
            && next(3) == Some(&Tok::RParen)
        {
            let end = toks[i + 3].span.1;
            return Some(ParseError::new(
                ErrorKind::AbstractFunction(name.clone()),
                (t.span.0, end),
            ));
        }
        // `d / d…` anywhere: `d/dsin x`.
        if name == "d"
            && next(1) == Some(&Tok::Slash)
            && matches!(next(2), Some(Tok::Ident(n))
                if n.strip_prefix('d').and_then(|r| r.chars().next()).is_some_and(crate::lexer::is_letter))
        {
            return Some(ParseError::new(
                ErrorKind::Leibniz { second: false },
                t.span,
            ));
        }
        let after_slash = prev(1) == Some(&Tok::Slash);
        let last = next(1) == Some(&Tok::Eof) && i > 0;
        let powered = next(1) == Some(&Tok::Caret);
        let grouped = prev(1) == Some(&Tok::LParen) && next(1) == Some(&Tok::RParen);
        // After `/` a `d` takes a whole variable name (`a/dx1`, `a/dθ`): Leibniz too, never a
        // variable called `dx1` (printed `d/dx1`, it would not read back).
        let dv = (name.chars().count() == 2 || after_slash && name.starts_with('d'))
            && d_of(name).is_some();
        if dv && (after_slash || last || powered || grouped) {
            let second = powered;
            let kind = if second {
                ErrorKind::Leibniz { second: true }
            } else {
                ErrorKind::Leibniz { second: false }
            };
            return Some(ParseError::new(kind, t.span));
        }
    }
    None
}

const ADD_BP: (u8, u8) = (1, 2);
const MUL_BP: (u8, u8) = (3, 4);
const PREFIX_BP: u8 = 5;
const POW_BP: (u8, u8) = (8, 7);

struct Parser<'a> {
    toks: Vec<Token>,
    pos: usize,
    depth: usize,
    abs_depth: usize,
    /// Inside a bare function argument (`sin x`): stop at explicit operators and function names.
    bare: bool,
    src: &'a str,
}

impl Parser<'_> {
    fn peek(&self) -> &Token {
        &self.toks[self.pos.min(self.toks.len() - 1)]
    }

    fn peek_at(&self, k: usize) -> &Token {
        &self.toks[(self.pos + k).min(self.toks.len() - 1)]
    }

    fn next(&mut self) -> Token {
        let t = self.peek().clone();
        if self.pos < self.toks.len() - 1 {
            self.pos += 1;
        }
        t
    }

    fn prev_text(&self) -> (String, (usize, usize)) {
        if self.pos == 0 {
            return (String::new(), (0, 0));
        }
        let t = &self.toks[self.pos - 1];
        (self.src[t.span.0..t.span.1].to_string(), t.span)
    }

    fn enter(&mut self, span: (usize, usize)) -> Result<(), ParseError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(ParseError::new(ErrorKind::TooDeep, span));
        }
        Ok(())
    }

    fn expr_bp(&mut self, min_bp: u8) -> Result<Expr, ParseError> {
        let span = self.peek().span;
        self.enter(span)?;
        let result = self.expr_bp_inner(min_bp);
        self.depth -= 1;
        result
    }

    fn expr_bp_inner(&mut self, min_bp: u8) -> Result<Expr, ParseError> {
        let mut lhs = self.prefix()?;
        loop {
            let t = self.peek().clone();
            let (op, explicit) = match &t.tok {
                Tok::Plus | Tok::Minus => (t.tok.clone(), true),
                Tok::Star | Tok::Slash => (t.tok.clone(), true),
                Tok::Caret => (Tok::Caret, true),
                // Juxtaposition: `2x`, `x(x+1)`, `2 sin(x)`, `|x||y|` outside an absolute value.
                Tok::Ident(name) => {
                    // A bare argument (`sin x`) ends before another function, and before
                    // `e^…`, which textbooks read as a function too: `sin x e^x` is
                    // sin(x)·e^x.
                    let exponential = name == "e" && self.peek_at(1).tok == Tok::Caret;
                    // So does a run of letters that starts with a function (`sin x cosx`,
                    // read as sin(x)·cos(x), the same as `sinx cosx` and `sin x cos x`).
                    let function = Func::from_name(name).is_some()
                        || name.starts_with("log_")
                        || split_letters(name, 0)
                            .first()
                            .is_some_and(|(p, _)| p.len() > 1 && Func::from_name(p).is_some());
                    if self.bare && (function || exponential) {
                        break;
                    }
                    (Tok::Star, false)
                }
                Tok::LParen | Tok::Sqrt | Tok::Cbrt | Tok::Root | Tok::Frac => (Tok::Star, false),
                Tok::Pipe if self.abs_depth == 0 => (Tok::Star, false),
                Tok::Num(_) => {
                    let prev = &self.toks[self.pos.saturating_sub(1)];
                    if let Tok::Ident(name) = &prev.tok {
                        let span = (prev.span.0, t.span.1);
                        return Err(ParseError::new(
                            ErrorKind::NumberAfterName(
                                name.clone(),
                                self.src[t.span.0..t.span.1].to_string(),
                            ),
                            span,
                        ));
                    }
                    if matches!(prev.tok, Tok::Num(_)) {
                        let span = (prev.span.0, t.span.1);
                        return Err(ParseError::new(
                            ErrorKind::SpacedNumber(self.src[span.0..span.1].to_string()),
                            span,
                        ));
                    }
                    return Err(ParseError::new(
                        ErrorKind::UnexpectedToken(t.tok.describe()),
                        t.span,
                    ));
                }
                _ => break,
            };
            if self.bare && explicit && op != Tok::Caret {
                break;
            }
            let (l_bp, r_bp) = match op {
                Tok::Plus | Tok::Minus => ADD_BP,
                Tok::Star | Tok::Slash => MUL_BP,
                _ => POW_BP,
            };
            if l_bp < min_bp {
                break;
            }
            if explicit {
                self.next();
            }
            let rhs = self.expr_bp(r_bp)?;
            lhs = match op {
                Tok::Plus => Expr::add(lhs, rhs),
                Tok::Minus => Expr::sub(lhs, rhs),
                Tok::Star => Expr::mul(lhs, rhs),
                Tok::Slash => Expr::div(lhs, rhs),
                _ => Expr::pow(lhs, rhs),
            };
        }
        Ok(lhs)
    }

    /// A comma where no argument list is open: `1,5x` is a decimal comma.
    fn comma_error(&self, comma: &Token) -> ParseError {
        let i = self
            .toks
            .iter()
            .position(|t| t.span == comma.span)
            .unwrap_or(0);
        if let (Some(before), Some(after)) = (
            i.checked_sub(1).map(|j| &self.toks[j]),
            self.toks.get(i + 1),
        ) {
            if matches!(before.tok, Tok::Num(_))
                && matches!(after.tok, Tok::Num(_))
                && before.span.1 == comma.span.0
                && comma.span.1 == after.span.0
            {
                let span = (before.span.0, after.span.1);
                return ParseError::new(
                    ErrorKind::DecimalComma(self.src[span.0..span.1].to_string()),
                    span,
                );
            }
        }
        ParseError::new(ErrorKind::UnexpectedToken(",".into()), comma.span)
    }

    fn missing_operand(&self, at: &Token) -> ParseError {
        let (after, span) = self.prev_text();
        if after.is_empty() {
            ParseError::new(ErrorKind::MissingOperand { after }, at.span)
        } else {
            // Point at the operator that lacks its operand (and anything after it).
            let end = if at.tok == Tok::Eof {
                span.1
            } else {
                at.span.1
            };
            ParseError::new(ErrorKind::MissingOperand { after }, (span.0, end))
        }
    }

    fn prefix(&mut self) -> Result<Expr, ParseError> {
        let t = self.next();
        match t.tok {
            Tok::Num(x) => Ok(Expr::Num(x)),
            Tok::Minus => Ok(Expr::neg(self.operand_after(PREFIX_BP, &t)?)),
            Tok::Plus => self.operand_after(PREFIX_BP, &t),
            Tok::Sqrt => Ok(Expr::call(Func::Sqrt, self.operand_after(POW_BP.1, &t)?)),
            Tok::Cbrt => Ok(Expr::call(Func::Cbrt, self.operand_after(POW_BP.1, &t)?)),
            Tok::Root => {
                // `\sqrt[n]{u}`: the index is read up to its `]`.
                let saved = std::mem::replace(&mut self.bare, false);
                let index = self.expr_bp(0);
                self.bare = saved;
                let index = index?;
                self.expect_close(t.span)?;
                let radicand = self.operand_after(POW_BP.1, &t)?;
                Ok(match index {
                    Expr::Num(3.0) => Expr::call(Func::Cbrt, radicand),
                    Expr::Num(2.0) => Expr::call(Func::Sqrt, radicand),
                    n => Expr::pow(radicand, Expr::div(Expr::num(1.0), n)),
                })
            }
            Tok::Frac => {
                // `\frac{a}{b}`: two groups, each in braces.
                let mut parts = Vec::with_capacity(2);
                for _ in 0..2 {
                    let open = self.peek().clone();
                    if open.tok != Tok::LParen {
                        return Err(self.missing_operand(&open));
                    }
                    parts.push(self.prefix()?);
                }
                let b = parts.pop().unwrap_or(Expr::Num(f64::NAN));
                let a = parts.pop().unwrap_or(Expr::Num(f64::NAN));
                Ok(Expr::div(a, b))
            }
            Tok::LParen => {
                let saved = std::mem::replace(&mut self.bare, false);
                let saved_abs = std::mem::replace(&mut self.abs_depth, 0);
                let inner = self.expr_bp(0);
                self.bare = saved;
                self.abs_depth = saved_abs;
                let inner = inner?;
                self.expect_close(t.span)?;
                Ok(inner)
            }
            Tok::Pipe => {
                let saved = std::mem::replace(&mut self.bare, false);
                self.abs_depth += 1;
                let inner = self.expr_bp(0);
                self.abs_depth -= 1;
                self.bare = saved;
                let inner = inner?;
                let close = self.peek().clone();
                if close.tok != Tok::Pipe {
                    return Err(ParseError::new(ErrorKind::UnclosedAbs, t.span));
                }
                self.next();
                Ok(Expr::call(Func::Abs, inner))
            }
            Tok::Ident(name) => self.ident(name, t.span),
            Tok::RParen if self.pos > 0 && self.is_unmatched_close(self.pos - 1) => {
                Err(ParseError::new(ErrorKind::UnmatchedCloseParen, t.span))
            }
            _ => {
                self.pos = self.pos.saturating_sub(usize::from(t.tok != Tok::Eof));
                Err(self.missing_operand(&t))
            }
        }
    }

    /// Parses the operand of a prefix operator, reporting a missing one against `op`.
    fn operand_after(&mut self, bp: u8, op: &Token) -> Result<Expr, ParseError> {
        match self.peek().tok {
            Tok::Eof | Tok::RParen | Tok::Comma | Tok::Star | Tok::Slash | Tok::Caret => {
                let at = self.peek().clone();
                let end = if at.tok == Tok::Eof {
                    op.span.1
                } else {
                    at.span.1
                };
                Err(ParseError::new(
                    ErrorKind::MissingOperand {
                        after: self.src[op.span.0..op.span.1].to_string(),
                    },
                    (op.span.0, end),
                ))
            }
            // `-(u)` counts one level of nesting, as `-u` and `sin(u)` do: the bracket is the
            // level. (Counting both made the printed `-(-(…))` of a typed `--…` too deep to
            // read back.)
            Tok::LParen => self.expr_bp_inner(bp),
            _ => self.expr_bp(bp),
        }
    }

    fn is_unmatched_close(&self, idx: usize) -> bool {
        let mut depth: i64 = 0;
        for t in &self.toks[..=idx] {
            match t.tok {
                Tok::LParen => depth += 1,
                Tok::RParen => depth -= 1,
                _ => {}
            }
        }
        depth < 0
    }

    fn expect_close(&mut self, open: (usize, usize)) -> Result<(), ParseError> {
        let t = self.peek().clone();
        match t.tok {
            Tok::RParen => {
                self.next();
                Ok(())
            }
            Tok::Eof => Err(ParseError::new(ErrorKind::UnclosedParen, open)),
            Tok::Pipe => Err(ParseError::new(ErrorKind::UnclosedParen, open)),
            Tok::Comma => Err(self.comma_error(&t)),
            other => Err(ParseError::new(
                ErrorKind::UnexpectedToken(other.describe()),
                t.span,
            )),
        }
    }

    fn ident(&mut self, name: String, span: (usize, usize)) -> Result<Expr, ParseError> {
        // `Sin x`, `Ln(x)`, `PI`: a name that is known in lower case is read in lower case, and
        // so is a run that starts with one, typed capitalised or in capitals (`Sinx`, `SINX`).
        // Any other capital is a letter of its own: `piE` is π·E, `Ex` is E·x.
        let name =
            if name.chars().any(|c| c.is_ascii_uppercase()) && Func::from_name(&name).is_none() {
                let lower = name.to_ascii_lowercase();
                let known = |n: &str| Func::from_name(n).is_some() || n == "pi";
                let candidate = if name.chars().any(|c| c.is_ascii_lowercase()) {
                    let mut chars = name.chars();
                    chars
                        .next()
                        .map(|c| c.to_ascii_lowercase())
                        .into_iter()
                        .chain(chars)
                        .collect()
                } else {
                    lower.clone()
                };
                let starts_known = split_letters(&candidate, 0)
                    .first()
                    .is_some_and(|(p, _)| p.len() > 1 && known(p));
                if known(&lower) {
                    lower
                } else if starts_known {
                    candidate
                } else {
                    name
                }
            } else {
                name
            };
        if name.starts_with('∂') {
            return Err(ParseError::new(
                ErrorKind::UnexpectedChar('∂'),
                (span.0, span.0 + 3),
            ));
        }
        // `log_2(x)`, `log_10 x`, `log_b(x)`: the base written as a subscript.
        if let Some(base) = name.strip_prefix("log_") {
            let base_expr = match super::decimal::parse_decimal(base) {
                Some(b) if b.is_finite() => Some(Expr::Num(b)),
                _ if base == "e" => Some(Expr::Const(Constant::E)),
                _ if base == "pi" || base == "π" => Some(Expr::Const(Constant::Pi)),
                _ if super::lexer::greek(base).is_some() => {
                    Some(Expr::var(super::lexer::greek(base).unwrap_or(base)))
                }
                _ if base.chars().count() == 1 && base.chars().all(crate::lexer::is_letter) => {
                    Some(Expr::var(base))
                }
                _ => None,
            };
            if let Some(b) = base_expr {
                // The base goes on the logarithm, also under a power: `log_2^2 x`.
                fn with_base(e: Expr, b: Expr) -> Expr {
                    match e {
                        Expr::Call(Func::Ln, mut args) => {
                            args.push(b);
                            Expr::Call(Func::Log, args)
                        }
                        Expr::Pow(l, p) => Expr::Pow(Box::new(with_base(*l, b)), p),
                        other => other,
                    }
                }
                return Ok(with_base(self.call(Func::Log, span)?, b));
            }
        }
        if let Some(g) = super::lexer::greek(&name) {
            return Ok(Expr::Var(g.to_string()));
        }
        match name.as_str() {
            "pi" => return Ok(Expr::Const(Constant::Pi)),
            "e" => return Ok(Expr::Const(Constant::E)),
            _ => {}
        }
        if let Some(f) = Func::from_name(&name) {
            return self.call(f, span);
        }
        let followed_by_paren = self.peek().tok == Tok::LParen;
        // A name students use for a function we spell differently (`tg x`, `sen x`, `round`)
        // is never split into letters.
        // A run that starts with such a name of four letters or more (`sincx`, `cosecx`),
        // longer than any function it could start with, is refused too.
        let split = split_letters(&name, 0);
        let first_piece = split.first().map_or(0, |p| p.0.len());
        // ...unless it is simply functions written together (`sincos x`).
        let all_functions = split.len() > 1
            && split
                .iter()
                .all(|(p, _)| p.len() > 1 && Func::from_name(p).is_some());
        let named = MEANINGS
            .iter()
            .map(|(n, _)| *n)
            .chain(ADVICE.iter().map(|(n, _)| *n))
            .find(|n| {
                *n == name
                    || (!all_functions
                        && n.len() >= 4
                        && n.len() > first_piece
                        && name.starts_with(n))
            });
        if let Some(known) = named {
            let name = known.to_string();
            let span = (span.0, span.0 + name.len());
            return Err(ParseError::new(
                ErrorKind::UnknownFunction {
                    suggestion: suggest(&name),
                    name,
                },
                span,
            ));
        }
        if name.chars().all(crate::lexer::is_letter) && name.chars().count() > 1 {
            let pieces = split_letters(&name, span.0);
            // `xsin`, `2xycos`: at most two names before the function.
            let last_is_func = pieces
                .last()
                .is_some_and(|(s, _)| Func::from_name(s).is_some())
                && pieces.len() <= 3;
            // Before a bracket a run of letters is a function name, unless it ends in one
            // (`xsin(x)`) or is two plain letters (`xy(x+1)`, `ax(x+1)`).
            let two_letters =
                pieces.len() <= 2 && pieces.iter().all(|(p, _)| Func::from_name(p).is_none());
            if followed_by_paren && !last_is_func && !two_letters {
                return Err(ParseError::new(
                    ErrorKind::UnknownFunction {
                        suggestion: suggest(&name),
                        name,
                    },
                    span,
                ));
            }
            // Replace this token by its pieces and read them as if typed separately.
            let at = self.pos - 1;
            let toks: Vec<Token> = pieces
                .into_iter()
                .map(|(s, sp)| Token {
                    tok: Tok::Ident(s),
                    span: sp,
                })
                .collect();
            self.toks.splice(at..=at, toks);
            self.pos = at;
            let t = self.next();
            return match t.tok {
                Tok::Ident(first) => self.ident(first, t.span),
                other => Err(ParseError::new(
                    ErrorKind::UnexpectedToken(other.describe()),
                    t.span,
                )),
            };
        }
        if followed_by_paren && name.chars().count() > 1 {
            return Err(ParseError::new(
                ErrorKind::UnknownFunction {
                    suggestion: suggest(&name),
                    name,
                },
                span,
            ));
        }
        Ok(Expr::Var(name))
    }

    fn call(&mut self, f: Func, name_span: (usize, usize)) -> Result<Expr, ParseError> {
        // `sin^2(x)`, `sin²(x)`: a power written on the function name; `sin^-1(x)` is arcsin.
        let mut power: Option<f64> = None;
        let kinds: Vec<Tok> = (0..5).map(|k| self.peek_at(k).tok.clone()).collect();
        let taken = match kinds.as_slice() {
            [Tok::Caret, Tok::Num(n), ..] => {
                power = Some(*n);
                2
            }
            [Tok::Caret, Tok::Minus, Tok::Num(n), ..] => {
                power = Some(-n);
                3
            }
            [Tok::Caret, Tok::LParen, Tok::Num(n), Tok::RParen, ..] => {
                power = Some(*n);
                4
            }
            [Tok::Caret, Tok::LParen, Tok::Num(p), Tok::Slash, Tok::Num(q)]
                if self.peek_at(5).tok == Tok::RParen && *q != 0.0 =>
            {
                power = Some(p / q);
                6
            }
            [Tok::Caret, Tok::LParen, Tok::Minus, Tok::Num(n), Tok::RParen] => {
                power = Some(-n);
                5
            }
            _ => 0,
        };
        for _ in 0..taken {
            self.next();
        }
        // `sin^-1(x)` is arcsin, as in every textbook; any other negative power on a
        // function name is refused rather than guessed (`sin^-2(x)`, `ln^-1(x)`).
        let f = match power {
            Some(p) if p < 0.0 => {
                let end = self.toks[self.pos.saturating_sub(1)].span.1;
                match f.inverse() {
                    Some(inv) if p == -1.0 => {
                        power = None;
                        inv
                    }
                    _ => {
                        return Err(ParseError::new(
                            ErrorKind::AmbiguousPower {
                                name: f.name(),
                                power: super::digits::shortest(p),
                            },
                            (name_span.0, end),
                        ))
                    }
                }
            }
            _ => f,
        };
        let args = if self.peek().tok == Tok::LParen {
            let open = self.next();
            let saved = std::mem::replace(&mut self.bare, false);
            let saved_abs = std::mem::replace(&mut self.abs_depth, 0);
            let args = self.arguments(open.span);
            self.bare = saved;
            self.abs_depth = saved_abs;
            args?
        } else {
            // A bare argument: `sin x`, `sin 2x`, `ln x^2`.
            match self.peek().tok {
                Tok::Num(_)
                | Tok::Ident(_)
                | Tok::Sqrt
                | Tok::Cbrt
                | Tok::Root
                | Tok::Frac
                | Tok::Pipe
                | Tok::Minus => {}
                _ => {
                    let at = self.peek().clone();
                    let end = if at.tok == Tok::Eof {
                        name_span.1
                    } else {
                        at.span.1
                    };
                    return Err(ParseError::new(
                        ErrorKind::MissingOperand {
                            after: self.src[name_span.0..name_span.1].to_string(),
                        },
                        (name_span.0, end),
                    ));
                }
            }
            let saved = std::mem::replace(&mut self.bare, true);
            let arg = self.expr_bp(MUL_BP.0);
            self.bare = saved;
            vec![arg?]
        };
        let (lo, hi) = f.arity();
        if args.len() > hi {
            // `sin(0,5x)`: a decimal comma, not a second argument.
            let start = self
                .toks
                .iter()
                .position(|t| t.span.0 >= name_span.1)
                .unwrap_or(0);
            if let Some(c) = self.toks[start..self.pos].iter().find(|t| {
                t.tok == Tok::Comma
                    && matches!(self.comma_error(t).kind, ErrorKind::DecimalComma(_))
            }) {
                return Err(self.comma_error(c));
            }
        }
        if args.len() < lo || args.len() > hi {
            let end = self.toks[self.pos.saturating_sub(1)].span.1;
            let expected = if lo == hi {
                format!("{lo} argument{}", if lo == 1 { "" } else { "s" })
            } else {
                format!("{lo} or {hi} arguments")
            };
            return Err(ParseError::new(
                ErrorKind::WrongArity {
                    name: f.name(),
                    expected,
                    got: args.len(),
                },
                (name_span.0, end),
            ));
        }
        let mut args = args;
        // `log(x)` is the natural logarithm; the echo says so by printing `ln(x)`.
        let f = if f == Func::Log && args.len() == 1 {
            Func::Ln
        } else {
            f
        };
        if f == Func::LeakyRelu && args.len() == 2 && args[1] == Expr::Num(LEAKY_SLOPE) {
            args.pop();
        }
        let call = Expr::Call(f, args);
        Ok(match power {
            Some(p) => Expr::pow(call, Expr::num(p)),
            None => call,
        })
    }

    fn arguments(&mut self, open: (usize, usize)) -> Result<Vec<Expr>, ParseError> {
        let mut args = Vec::new();
        if self.peek().tok == Tok::RParen {
            self.next();
            return Ok(args);
        }
        loop {
            args.push(self.expr_bp(0)?);
            let t = self.peek().clone();
            match t.tok {
                Tok::Comma => {
                    self.next();
                }
                Tok::RParen => {
                    self.next();
                    return Ok(args);
                }
                Tok::Eof | Tok::Pipe => {
                    return Err(ParseError::new(ErrorKind::UnclosedParen, open))
                }
                other => {
                    return Err(ParseError::new(
                        ErrorKind::UnexpectedToken(other.describe()),
                        t.span,
                    ))
                }
            }
        }
    }
}

/// Whether `src` has a run of capitals that is, or starts with, a name we know in lower case
/// (`SIN`, `LN`, `PI`, `SINX`, `THETA`, `ROUND`), as typed with caps lock on.
fn has_name_in_capitals(src: &str) -> bool {
    src.split(|c: char| !c.is_ascii_uppercase())
        .filter(|run| run.len() > 1)
        .any(|run| {
            let lower = run.to_ascii_lowercase();
            split_letters(&lower, 0).iter().any(|(p, _)| p.len() > 1)
                || advice(&lower).is_some()
                || MEANINGS.iter().any(|(n, _)| *n == lower)
        })
}

/// Splits a run of letters into known names (longest first) and single-letter variables:
/// `xy` → x, y; `xsinx` → x, sin, x; `pix` → pi, x.
fn split_letters(name: &str, offset: usize) -> Vec<(String, (usize, usize))> {
    let mut names: Vec<&str> = ALL.iter().map(|f| f.name()).collect();
    names.extend(super::func::ALIASES.iter().map(|(a, _)| *a));
    names.extend(super::lexer::GREEK_IN_RUNS);
    names.push("pi");
    super::sort::sort_by(&mut names, |a, b| b.len().cmp(&a.len()));
    let mut out = Vec::new();
    let mut i = 0;
    while i < name.len() {
        let rest = &name[i..];
        let piece = names
            .iter()
            .find(|n| {
                rest.starts_with(**n) && n.chars().all(crate::lexer::is_letter) && n.len() > 1
            })
            .map(|n| n.to_string())
            .unwrap_or_else(|| rest.chars().next().map(String::from).unwrap_or_default());
        let len = piece.len().max(1);
        out.push((piece, (offset + i, offset + i + len)));
        i += len;
    }
    out
}

/// Names students reach for that mean one of ours.
const MEANINGS: [(&str, &str); 27] = [
    ("sine", "sin"),
    ("cosine", "cos"),
    ("tangent", "tan"),
    ("root", "sqrt"),
    ("squareroot", "sqrt"),
    ("cuberoot", "cbrt"),
    ("signum", "sign"),
    ("heaviside", "step"),
    ("logistic", "sigmoid"),
    ("sig", "sigmoid"),
    ("lg", "log10"),
    ("lb", "log2"),
    ("int", "floor"),
    ("maximum", "max"),
    ("minimum", "min"),
    ("absolute", "abs"),
    ("tg", "tan"),
    ("ctg", "cot"),
    ("cotan", "cot"),
    ("cosec", "csc"),
    ("sen", "sin"),
    ("arctg", "atan"),
    ("arcctg", "acot"),
    ("sh", "sinh"),
    ("ch", "cosh"),
    ("th", "tanh"),
    ("leaky", "leaky_relu"),
];

/// Advice for names students reach for that have no function of ours.
const ADVICE: [(&str, &str); 11] = [
    (
        "round",
        "there is no rounding function; floor(x + 1/2) rounds to the nearest whole number.",
    ),
    (
        "trunc",
        "there is no truncation function; use floor(x) for x ≥ 0 or ceil(x) for x ≤ 0.",
    ),
    (
        "softmax",
        "softmax takes a whole vector, not one number; for one input try sigmoid(x).",
    ),
    ("sinc", "write it out: sin(x)/x."),
    ("exponential", "write e^x or exp(x)."),
    (
        "mod",
        "there is no remainder function; x - floor(x) is the fractional part.",
    ),
    ("swish", "write x*sigmoid(x)."),
    (
        "gelu",
        "there is no gelu; x*sigmoid(1.702x) is very close to it.",
    ),
    ("elu", "there is no elu; leaky_relu(x, a) is the nearest."),
    ("selu", "there is no selu; leaky_relu(x, a) is the nearest."),
    ("frac", "write a/b (or \\frac{a}{b})."),
];

/// What to tell a student about a name we do not know, when there is more to say than
/// "did you mean".
pub fn advice(name: &str) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase();
    ADVICE.iter().find(|(n, _)| *n == lower).map(|(_, a)| *a)
}

/// The function a mistyped name most likely meant: a name with that meaning (`signum`,
/// `root`), one it starts with (`sine`, `cosine`), or one within a small edit distance
/// (`sqr`, `sigmod`) — one edit for short names, two for long ones.
pub fn suggest(name: &str) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase();
    if let Some(f) = Func::from_name(&lower) {
        return Some(f.name());
    }
    if let Some((_, f)) = MEANINGS.iter().find(|(n, _)| *n == lower) {
        return Some(f);
    }
    if advice(&lower).is_some() || lower.chars().count() < 3 {
        return None;
    }
    let prefix = ALL
        .iter()
        .map(|f| f.name())
        .filter(|n| n.len() >= 2 && lower.starts_with(n))
        .max_by_key(|n| n.len());
    if prefix.is_some() {
        return prefix;
    }
    let (best, dist) = ALL
        .iter()
        .map(|f| (f.name(), levenshtein(&lower, f.name())))
        .min_by_key(|&(_, d)| d)?;
    let allowed = if lower.chars().count() <= 4 { 1 } else { 2 };
    (dist <= allowed).then_some(best)
}

fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}
