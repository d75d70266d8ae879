//! What students wrap around a function: `f(x) =`, `y =`, `d/dx`, `d/dx (…)`, `dy/dx =`;
//! stripped before parsing, with the variable they name.

use super::names::split_letters;
use super::*;

/// Drops `y =`, `f(x) =`, `d/dx` or `\frac{d}{dx}` from the front of the tokens; returns the
/// variable they name, if any.
pub(super) fn strip_wrapper(toks: &mut Vec<Token>) -> Option<String> {
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
pub(super) fn d_of(s: &str) -> Option<String> {
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
pub(super) fn strip_leibniz(toks: &mut Vec<Token>) -> Option<String> {
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
pub(super) fn leftover_leibniz(toks: &[Token]) -> Option<ParseError> {
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
