//! The Pratt loop: binding powers, prefix and infix operators, implicit multiplication,
//! names and calls. Over 600 lines because `ident` and `call` read every way students write
//! a function name (`sin^2 x`, `sinx`, `log_2(x)`) and say why a reading fails.

use super::names::{split_letters, suggest, ADVICE, MEANINGS};
use super::*;

pub(super) const ADD_BP: (u8, u8) = (1, 2);
pub(super) const MUL_BP: (u8, u8) = (3, 4);
pub(super) const PREFIX_BP: u8 = 5;
pub(super) const POW_BP: (u8, u8) = (8, 7);

pub(super) struct Parser<'a> {
    pub(super) toks: Vec<Token>,
    pub(super) pos: usize,
    pub(super) depth: usize,
    pub(super) abs_depth: usize,
    /// Inside a bare function argument (`sin x`): stop at explicit operators and function names.
    pub(super) bare: bool,
    pub(super) src: &'a str,
}

impl Parser<'_> {
    pub(super) fn peek(&self) -> &Token {
        &self.toks[self.pos.min(self.toks.len() - 1)]
    }

    pub(super) fn peek_at(&self, k: usize) -> &Token {
        &self.toks[(self.pos + k).min(self.toks.len() - 1)]
    }

    pub(super) fn next(&mut self) -> Token {
        let t = self.peek().clone();
        if self.pos < self.toks.len() - 1 {
            self.pos += 1;
        }
        t
    }

    pub(super) fn prev_text(&self) -> (String, (usize, usize)) {
        if self.pos == 0 {
            return (String::new(), (0, 0));
        }
        let t = &self.toks[self.pos - 1];
        (self.src[t.span.0..t.span.1].to_string(), t.span)
    }

    pub(super) fn enter(&mut self, span: (usize, usize)) -> Result<(), ParseError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(ParseError::new(ErrorKind::TooDeep, span));
        }
        Ok(())
    }

    pub(super) fn expr_bp(&mut self, min_bp: u8) -> Result<Expr, ParseError> {
        let span = self.peek().span;
        self.enter(span)?;
        let result = self.expr_bp_inner(min_bp);
        self.depth -= 1;
        result
    }

    pub(super) fn expr_bp_inner(&mut self, min_bp: u8) -> Result<Expr, ParseError> {
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
    pub(super) fn comma_error(&self, comma: &Token) -> ParseError {
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

    pub(super) fn missing_operand(&self, at: &Token) -> ParseError {
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

    pub(super) fn prefix(&mut self) -> Result<Expr, ParseError> {
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
    pub(super) fn operand_after(&mut self, bp: u8, op: &Token) -> Result<Expr, ParseError> {
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

    pub(super) fn is_unmatched_close(&self, idx: usize) -> bool {
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

    pub(super) fn expect_close(&mut self, open: (usize, usize)) -> Result<(), ParseError> {
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

    pub(super) fn ident(&mut self, name: String, span: (usize, usize)) -> Result<Expr, ParseError> {
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
            let base_expr = match crate::decimal::parse_decimal(base) {
                Some(b) if b.is_finite() => Some(Expr::Num(b)),
                _ if base == "e" => Some(Expr::Const(Constant::E)),
                _ if base == "pi" || base == "π" => Some(Expr::Const(Constant::Pi)),
                _ if crate::lexer::greek(base).is_some() => {
                    Some(Expr::var(crate::lexer::greek(base).unwrap_or(base)))
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
        if let Some(g) = crate::lexer::greek(&name) {
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

    pub(super) fn call(&mut self, f: Func, name_span: (usize, usize)) -> Result<Expr, ParseError> {
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
                                power: crate::digits::shortest(p),
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

    pub(super) fn arguments(&mut self, open: (usize, usize)) -> Result<Vec<Expr>, ParseError> {
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
