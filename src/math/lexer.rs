//! Turns the typed text into tokens with byte spans. The friendly spellings students use
//! (`**`, `·`, `×`, `−`, `π`, `σ`, `√`, superscript digits) become the canonical tokens here,
//! so the parser only ever sees one spelling of each thing.

use super::error::{ErrorKind, ParseError};

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Num(f64),
    Ident(String),
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    LParen,
    RParen,
    Comma,
    Pipe,
    Sqrt,
    /// `\sqrt[` in LaTeX: an n-th root whose index follows, closed by `]`.
    Root,
    /// `\frac` in LaTeX: two brace groups follow.
    Frac,
    /// `=`, accepted only in `y = …` and `f(x) = …` at the start.
    Equals,
    /// A run of superscript digits such as `²` or `⁻¹`: an integer exponent.
    Super(i64),
    Eof,
}

impl Tok {
    /// How the token reads in an error message.
    pub fn describe(&self) -> String {
        match self {
            Tok::Num(x) => format!("{x}"),
            Tok::Ident(s) => s.clone(),
            Tok::Plus => "+".into(),
            Tok::Minus => "-".into(),
            Tok::Star => "*".into(),
            Tok::Slash => "/".into(),
            Tok::Caret => "^".into(),
            Tok::LParen => "(".into(),
            Tok::RParen => ")".into(),
            Tok::Comma => ",".into(),
            Tok::Pipe => "|".into(),
            Tok::Sqrt => "√".into(),
            Tok::Root => "\\sqrt[".into(),
            Tok::Frac => "\\frac".into(),
            Tok::Equals => "=".into(),
            Tok::Super(n) => format!("^{n}"),
            Tok::Eof => "end of input".into(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub span: (usize, usize),
}

fn superscript_digit(c: char) -> Option<u32> {
    Some(match c {
        '⁰' => 0,
        '¹' => 1,
        '²' => 2,
        '³' => 3,
        '⁴' => 4,
        '⁵' => 5,
        '⁶' => 6,
        '⁷' => 7,
        '⁸' => 8,
        '⁹' => 9,
        _ => return None,
    })
}

fn ident_start(c: char) -> bool {
    (c.is_alphabetic() || c == '_') && !matches!(c, 'π' | 'σ' | 'ℯ')
}

fn ident_continue(c: char) -> bool {
    c.is_ascii_digit() || ident_start(c)
}

/// Splits `src` into tokens, ending with `Tok::Eof`.
pub fn tokenize(src: &str) -> Result<Vec<Token>, ParseError> {
    let mut out = Vec::new();
    let mut it = src.char_indices().peekable();
    while let Some(&(start, c)) = it.peek() {
        let single = |tok: Tok| Token {
            tok,
            span: (start, start + c.len_utf8()),
        };
        if c.is_whitespace() {
            it.next();
            continue;
        }
        if c.is_ascii_digit() || c == '.' {
            let mut end = start;
            let mut dots = 0;
            while let Some(&(i, d)) = it.peek() {
                if d.is_ascii_digit() {
                    end = i + 1;
                } else if d == '.' {
                    dots += 1;
                    end = i + 1;
                } else {
                    break;
                }
                it.next();
            }
            // An exponent part only when `e` is followed by a digit (or a sign and a digit),
            // so `2e` stays "2 times e" and `2e^x` stays "2 times e^x".
            let rest = &src[end..];
            let exp_len = exponent_len(rest);
            if exp_len > 0 {
                for _ in 0..exp_len {
                    it.next();
                }
                end += exp_len;
            }
            let text = &src[start..end];
            let value: f64 = match text.parse::<f64>() {
                Ok(v) if dots <= 1 && text != "." && v.is_finite() => v,
                Ok(v) if dots <= 1 && !v.is_finite() => {
                    return Err(ParseError::new(
                        ErrorKind::NumberTooLarge(text.into()),
                        (start, end),
                    ))
                }
                _ => {
                    return Err(ParseError::new(
                        ErrorKind::BadNumber(text.into()),
                        (start, end),
                    ))
                }
            };
            out.push(Token {
                tok: Tok::Num(value),
                span: (start, end),
            });
            continue;
        }
        // `∂` only ever starts `∂/∂x`: read it as a name the wrapper rule knows (`∂`, `∂x`).
        if c == '∂' {
            let mut end = start + c.len_utf8();
            it.next();
            while let Some(&(i, d)) = it.peek() {
                if ident_continue(d) {
                    end = i + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            out.push(Token {
                tok: Tok::Ident(src[start..end].to_string()),
                span: (start, end),
            });
            continue;
        }
        if ident_start(c) {
            let mut end = start;
            while let Some(&(i, d)) = it.peek() {
                if ident_continue(d) {
                    end = i + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            out.push(Token {
                tok: Tok::Ident(src[start..end].to_string()),
                span: (start, end),
            });
            continue;
        }
        if superscript_digit(c).is_some() || c == '⁻' || c == '⁺' {
            let mut end = start;
            let mut negative = false;
            let mut value: i64 = 0;
            let mut digits = 0;
            while let Some(&(i, d)) = it.peek() {
                if digits == 0 && (d == '⁻' || d == '⁺') && end == start {
                    negative = d == '⁻';
                } else if let Some(v) = superscript_digit(d) {
                    value = value.saturating_mul(10).saturating_add(v as i64);
                    digits += 1;
                } else {
                    break;
                }
                end = i + d.len_utf8();
                it.next();
            }
            if digits == 0 {
                return Err(ParseError::new(ErrorKind::UnexpectedChar(c), (start, end)));
            }
            out.push(Token {
                tok: Tok::Super(if negative { -value } else { value }),
                span: (start, end),
            });
            continue;
        }
        if c == '\\' {
            let name_len = src[start + 1..]
                .find(|d: char| !d.is_ascii_alphabetic())
                .unwrap_or(src.len() - start - 1);
            // `\,`, `\;`, `\!` and `\ ` are LaTeX spacing: nothing to read.
            if name_len == 0 {
                let next = src[start + 1..].chars().next();
                if matches!(next, Some(',' | ';' | '!' | ' ' | ':')) {
                    it.next();
                    it.next();
                    continue;
                }
                return Err(ParseError::new(
                    ErrorKind::UnexpectedChar(c),
                    (start, start + 1),
                ));
            }
            let end = start + 1 + name_len;
            let command = &src[start + 1..end];
            let span = (start, end);
            for _ in 0..=name_len {
                it.next();
            }
            let tok = match command {
                "frac" | "dfrac" | "tfrac" => Tok::Frac,
                "sqrt" if src[end..].starts_with('[') => {
                    it.next();
                    out.push(Token {
                        tok: Tok::Root,
                        span: (start, end + 1),
                    });
                    continue;
                }
                "sqrt" => Tok::Sqrt,
                "cdot" | "times" | "ast" => Tok::Star,
                "div" => Tok::Slash,
                "pi" => Tok::Ident("pi".into()),
                "sigma" => Tok::Ident("sigmoid".into()),
                // `\left(` and `\right)`: the bracket that follows is what counts.
                "left" | "right" | "mathrm" | "operatorname" => continue,
                f if super::func::Func::from_name(f).is_some() => Tok::Ident(f.into()),
                _ => {
                    return Err(ParseError::new(
                        ErrorKind::UnknownCommand(command.into()),
                        span,
                    ))
                }
            };
            out.push(Token { tok, span });
            continue;
        }
        let tok = match c {
            '+' => Tok::Plus,
            '-' | '−' | '–' => Tok::Minus,
            '*' if src[start..].starts_with("**") => {
                it.next();
                it.next();
                out.push(Token {
                    tok: Tok::Caret,
                    span: (start, start + 2),
                });
                continue;
            }
            '*' | '·' | '×' | '⋅' | '∙' | '∗' => Tok::Star,
            '/' | '÷' | '∕' => Tok::Slash,
            '^' => Tok::Caret,
            // Braces group like brackets, as in LaTeX's `x^{2}` and `\frac{1}{x}`.
            '(' | '[' | '{' => Tok::LParen,
            ')' | ']' | '}' => Tok::RParen,
            '=' => Tok::Equals,
            ',' => Tok::Comma,
            '|' => Tok::Pipe,
            '√' => Tok::Sqrt,
            'π' => Tok::Ident("pi".into()),
            'σ' => Tok::Ident("sigmoid".into()),
            'ℯ' => Tok::Ident("e".into()),
            other => {
                return Err(ParseError::new(
                    ErrorKind::UnexpectedChar(other),
                    (start, start + other.len_utf8()),
                ))
            }
        };
        out.push(single(tok));
        it.next();
    }
    out.push(Token {
        tok: Tok::Eof,
        span: (src.len(), src.len()),
    });
    Ok(out)
}

/// Length in bytes of a numeric exponent part (`e-3`, `E+10`, `e5`) at the start of `rest`.
fn exponent_len(rest: &str) -> usize {
    let b = rest.as_bytes();
    if b.first().is_some_and(|&c| c == b'e' || c == b'E') {
        let mut i = 1;
        if b.get(1).is_some_and(|&c| c == b'+' || c == b'-') {
            i = 2;
        }
        let digits_start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        // `2e5x` is fine, but `2ex`/`2e` are products with e.
        if i > digits_start {
            return i;
        }
    }
    0
}
