//! The canonical text printer: what the CLI prints, what URLs carry, and what the parser must
//! always read back to the same value. Implicit multiplication is used only where it cannot be
//! misread (`2x`, `6x(x^2 + 1)^2`, `sigmoid(x)(1 - sigmoid(x))`); elsewhere it writes `*`.

use super::ast::Expr;
use super::func::Func;

/// Binding strength of an expression's top operator (higher binds tighter).
pub(crate) fn prec(e: &Expr) -> u8 {
    match e {
        Expr::Add(..) | Expr::Sub(..) => 1,
        Expr::Mul(..) | Expr::Div(..) => 2,
        Expr::Neg(_) => 3,
        // −0 prints as `0` (`format_number`), so it is not negative in text.
        Expr::Num(x) if *x < 0.0 => 3,
        Expr::Pow(..) => 4,
        _ => 5,
    }
}

pub(crate) fn is_negative(e: &Expr) -> bool {
    prec(e) == 3
}

/// Formats a number the shortest way that reads back exactly.
pub fn format_number(x: f64) -> String {
    if x == 0.0 {
        return "0".into();
    }
    if x.fract() == 0.0 && x.abs() < 1e15 {
        return format!("{}", x as i64);
    }
    // Overflow while folding constants: written so that it reads back to the same value.
    if !x.is_finite() {
        return if x.is_nan() {
            "(0/0)".into()
        } else if x > 0.0 {
            "(1e308*10)".into()
        } else {
            "(-1e308*10)".into()
        };
    }
    let plain = super::digits::shortest(x);
    let sci = super::digits::exponential(x, None);
    // Plain decimals read best (0.001); scientific only when they get long (1e-12, 6.02e23).
    if plain.len() <= 12 || plain.len() <= sci.len() {
        plain
    } else {
        sci
    }
}

/// Prints `e` in canonical text.
pub fn to_text(e: &Expr) -> String {
    let mut out = String::new();
    write(e, &mut out);
    out
}

/// `prec` for text: a number that overflowed or is undefined is written as the quotient or
/// product it reads back as (`0/0`, `1e308*10`), which binds like one.
fn text_prec(e: &Expr) -> u8 {
    match e {
        Expr::Num(x) if !x.is_finite() => 2,
        _ => prec(e),
    }
}

fn child(e: &Expr, min_prec: u8, out: &mut String) {
    if text_prec(e) < min_prec {
        out.push('(');
        write(e, out);
        out.push(')');
    } else {
        write(e, out);
    }
}

/// A right operand that is negative always gets parentheses: `x - (-y)`, `x^(-1)`.
fn right_child(e: &Expr, min_prec: u8, out: &mut String) {
    let mut inner = String::new();
    child(e, min_prec, &mut inner);
    // Whatever prints with a leading sign (`-y`, `-2*x`) is bracketed on the right of an
    // operator or another sign: `x - (-y)`, `x^(-1)`, `-(-2)`.
    if inner.starts_with('-') {
        out.push('(');
        out.push_str(&inner);
        out.push(')');
    } else {
        out.push_str(&inner);
    }
}

fn write(e: &Expr, out: &mut String) {
    match e {
        Expr::Num(x) if !x.is_finite() => {
            // Bracketed by `child` where needed, so that it reads back as printed.
            let bracketed = format_number(*x);
            out.push_str(&bracketed[1..bracketed.len() - 1]);
        }
        Expr::Num(x) => out.push_str(&format_number(*x)),
        Expr::Const(c) => out.push_str(c.name()),
        Expr::Var(v) => out.push_str(v),
        Expr::Neg(a) => {
            out.push('-');
            right_child(a, 2, out);
        }
        Expr::Add(a, b) => {
            child(a, 1, out);
            out.push_str(" + ");
            right_child(b, 2, out);
        }
        Expr::Sub(a, b) => {
            child(a, 1, out);
            out.push_str(" - ");
            right_child(b, 2, out);
        }
        Expr::Mul(..) => {
            // One product, left to right, as it reads back: a product on the right continues
            // it (`2sigmoid(u)(1 - sigmoid(u))`, not `2(sigmoid(u)(1 - sigmoid(u)))`).
            let mut factors = Vec::new();
            push_factors(e, &mut factors);
            let mut left = String::new();
            child(factors[0], 2, &mut left);
            for (k, f) in factors.iter().enumerate().skip(1) {
                let mut right = String::new();
                right_child(f, 3, &mut right);
                // Only the first join has a lone factor on its left.
                let before = if k == 1 { factors[0] } else { e };
                if !can_juxtapose(before, &left, &right) {
                    left.push('*');
                }
                left.push_str(&right);
            }
            out.push_str(&left);
        }
        Expr::Div(a, b) => {
            child(a, 2, out);
            out.push('/');
            right_child(b, 3, out);
        }
        Expr::Pow(a, b) => {
            child(a, 5, out);
            out.push('^');
            // `2^(x^2)`, not `2^x^2`: the same value, but students read it wrongly.
            right_child(b, 5, out);
        }
        Expr::Call(f, args) => {
            // Print what the parser reads back: one-argument `log` is `ln`, and the default
            // leaky slope is left out.
            let (name, args) = match (f, args.as_slice()) {
                (Func::Log, [_]) => (Func::Ln.name(), &args[..]),
                (Func::LeakyRelu, [u, Expr::Num(a)]) if *a == crate::func::LEAKY_SLOPE => {
                    (f.name(), std::slice::from_ref(u))
                }
                _ => (f.name(), &args[..]),
            };
            out.push_str(name);
            out.push('(');
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write(a, out);
            }
            out.push(')');
        }
    }
}

/// The factors of a product as written left to right: the left operand's, then the right
/// operand's when it continues the product (`continues_product`), else the right operand.
fn push_factors<'a>(e: &'a Expr, out: &mut Vec<&'a Expr>) {
    match e {
        Expr::Mul(a, b) => {
            push_factors(a, out);
            if continues_product(b) {
                push_factors(b, out);
            } else {
                out.push(b);
            }
        }
        other => out.push(other),
    }
}

/// Whether a product on the right of `·` needs no brackets: `u·(v·w)` is `u·v·w`, the same
/// value read left to right, unless it starts with a coefficient (`x(2y)`), a sign
/// (`2(-3x)`) or a quotient (`x(1/y·z)`), which would run into the factor before it.
pub(crate) fn continues_product(e: &Expr) -> bool {
    let Expr::Mul(first, _) = e else {
        return false;
    };
    let mut first: &Expr = first;
    while let Expr::Mul(a, _) = first {
        first = a;
    }
    !matches!(first, Expr::Num(_) | Expr::Div(..)) && !is_negative(first)
}

/// A display form for plain-text places (aria labels, titles): canonical text with `·`,
/// `−`, `π`, `√` and superscript digits, e.g. `2x² − 3·sin(x)`. Not meant to be parsed back.
pub fn to_unicode(e: &Expr) -> String {
    unicode_text(&rewrite_calls(&to_text(e)))
}

/// `abs(u)` → `|u|` and `exp(u)` → `e^(u)`, as the formula panel typesets them. One pass
/// (each call's inside is read once per level of nesting), so a 60 000-character f″ takes
/// milliseconds, not seconds.
fn rewrite_calls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev: Option<char> = None;
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        // A coefficient may stand right before a name: `3exp(x)`.
        let word_start = !prev.is_some_and(|p| crate::lexer::is_letter(p) || p == '_');
        let name = ["abs(", "exp("]
            .into_iter()
            .find(|n| word_start && text[i..].starts_with(n));
        // `sin(x)^2` → `sin²(x)`, as textbooks write powers of trigonometric functions.
        let power_of = TEXTBOOK_POWERS.into_iter().find(|n| {
            word_start && text[i..].starts_with(n) && text[i + n.len()..].starts_with('(')
        });
        if let Some(name) = power_of {
            let open = i + name.len();
            if let Some(close) = matching_paren(text, open) {
                let digits: String = text[close + 1..]
                    .strip_prefix('^')
                    .unwrap_or("")
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                let after = close + 2 + digits.len();
                if !digits.is_empty() && !text[after..].starts_with('.') {
                    out.push_str(name);
                    out.extend(digits.chars().map(superscript));
                    out.push('(');
                    out.push_str(&rewrite_calls(&text[open + 1..close]));
                    out.push(')');
                    prev = Some(')');
                    i = after;
                    continue;
                }
            }
        }
        if word_start && text[i..].starts_with("sigmoid(") {
            out.push('σ');
            prev = Some('σ');
            i += "sigmoid".len();
            continue;
        }
        if let Some(name) = name {
            let open = i + name.len() - 1;
            let Some(close) = matching_paren(text, open) else {
                out.push_str(&text[i..]);
                return out;
            };
            let inner = rewrite_calls(&text[open + 1..close]);
            if name == "abs(" {
                out.push('|');
                out.push_str(&inner);
                out.push('|');
            } else {
                out.push_str("e^(");
                out.push_str(&inner);
                out.push(')');
            }
            prev = Some(')');
            i = close + 1;
            continue;
        }
        out.push(c);
        prev = Some(c);
        i += c.len_utf8();
    }
    out
}

/// Functions whose powers are written on the name: sin²(x), tanh²(x).
const TEXTBOOK_POWERS: [&str; 12] = [
    "sinh", "cosh", "tanh", "sech", "csch", "coth", "sin", "cos", "tan", "sec", "csc", "cot",
];

/// The byte index of the `)` matching the `(` at `open`.
fn matching_paren(s: &str, open: usize) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in s[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i);
                }
            }
            _ => {}
        }
    }
    None
}

/// A superscript form of a whole exponent (`3x` → `³ˣ`), if every character has one.
fn superscript_text(s: &str) -> Option<String> {
    s.chars()
        .map(|c| match c {
            '0'..='9' | '-' => Some(superscript(c)),
            '+' => Some('⁺'),
            '(' => Some('⁽'),
            ')' => Some('⁾'),
            'x' => Some('ˣ'),
            'n' => Some('ⁿ'),
            't' => Some('ᵗ'),
            'a' => Some('ᵃ'),
            'b' => Some('ᵇ'),
            'k' => Some('ᵏ'),
            'y' => Some('ʸ'),
            _ => None,
        })
        .collect()
}

fn unicode_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    // The byte index of every character (and of the end), so slicing is O(1).
    let at_byte: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let word_start = i == 0 || !(crate::lexer::is_letter(chars[i - 1]) || chars[i - 1] == '_');
        // `e^(3x)` → `e³ˣ`, `x^n` → `xⁿ` when the whole exponent has superscript letters.
        if c == '^' && chars.get(i + 1) == Some(&'(') {
            let at = at_byte[i + 1];
            // Only a short exponent has a superscript form: look no further for its `)`.
            let window = &text[..at_byte[(i + 1 + SUPERSCRIPT_LONGEST).min(chars.len())]];
            if let Some(close) = matching_paren(window, at) {
                if let Some(sup) = superscript_text(&text[at + 1..close]) {
                    out.push_str(&sup);
                    i += 1 + text[at..=close].chars().count();
                    continue;
                }
            }
        }
        // `x^x(ln(x) + 1)` is xˣ times the bracket (the text brackets a longer exponent).
        if c == '^'
            && chars.get(i + 1).is_some_and(|c| c.is_ascii_alphabetic())
            && !chars
                .get(i + 2)
                .is_some_and(|c| (crate::lexer::is_letter(*c) || c.is_ascii_digit()) || *c == '_')
        {
            if let Some(sup) = superscript_text(&chars[i + 1].to_string()) {
                out.push_str(&sup);
                i += 2;
                continue;
            }
        }
        if c == '^' && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
            let digits: String = chars[i + 1..]
                .iter()
                .take_while(|d| d.is_ascii_digit())
                .collect();
            let next = chars.get(i + 1 + digits.len());
            if next.is_none_or(|n| *n != '.') {
                out.extend(digits.chars().map(superscript));
                i += 1 + digits.len();
                continue;
            }
        }
        if word_start
            && text[at_byte[i]..].starts_with("pi")
            && !chars
                .get(i + 2)
                .is_some_and(|n| crate::lexer::is_letter(*n) || n.is_ascii_digit())
        {
            out.push('π');
            i += 2;
            continue;
        }
        if word_start && text[at_byte[i]..].starts_with("sqrt(") {
            out.push('√');
            i += 4;
            continue;
        }
        out.push(match c {
            '*' => '·',
            '-' => '−',
            other => other,
        });
        i += 1;
    }
    out
}

/// The longest bracketed exponent written in superscript characters (`e^(-x)` → `e⁻ˣ`).
const SUPERSCRIPT_LONGEST: usize = 24;

fn superscript(d: char) -> char {
    match d {
        '0' => '⁰',
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '4' => '⁴',
        '5' => '⁵',
        '6' => '⁶',
        '7' => '⁷',
        '8' => '⁸',
        '9' => '⁹',
        '-' => '⁻',
        other => other,
    }
}

/// An integer in superscript digits, e.g. `-12` → `⁻¹²` (for `10⁻¹²`).
pub fn superscript_number(n: i64) -> String {
    n.to_string().chars().map(superscript).collect()
}

/// Whether `left right` reads back as the product `left * right`.
fn can_juxtapose(a: &Expr, left: &str, right: &str) -> bool {
    let Some(r0) = right.chars().next() else {
        return false;
    };
    let right_letter = crate::lexer::is_letter(r0);
    // `2e5` would read as a number, so a factor starting `e<digit>` needs a `*`.
    let looks_exponent = {
        let b = right.as_bytes();
        matches!(b.first(), Some(b'e' | b'E'))
            && b.get(1)
                .is_some_and(|c| c.is_ascii_digit() || *c == b'+' || *c == b'-')
    };
    // A number, or a negated one (`-2x` reads as (-2)·x, the same value).
    let number = match a {
        Expr::Num(x) => x.is_finite(),
        Expr::Neg(inner) => matches!(**inner, Expr::Num(x) if x >= 0.0 && x.is_finite()),
        _ => false,
    };
    if number {
        return (right_letter || r0 == '(') && !looks_exponent;
    }
    if r0 != '(' {
        return false;
    }
    // `x(x+1)` reads as a product only when the name before `(` is not a function name or a
    // longer identifier.
    let tail: String = left
        .chars()
        .rev()
        .take_while(|c| crate::lexer::is_letter(*c) || c.is_ascii_digit() || *c == '_' || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let ident = tail.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    ident.is_empty()
        || ident.chars().count() == 1
        || ident == "pi"
        || Func::from_name(ident).is_none() && ident == "e"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_back_exactly() {
        for x in [0.1, 1e-7, 1e300, 2.5, 123456789.0, 1.0 / 3.0, -0.75] {
            let s = format_number(x);
            assert_eq!(s.parse::<f64>().unwrap(), x, "{s}");
        }
        assert_eq!(format_number(3.0), "3");
    }

    #[test]
    fn unicode_display_form() {
        let show = |s: &str| to_unicode(&crate::parse(s).unwrap());
        assert_eq!(show("x^2"), "x²");
        assert_eq!(show("2x^10 - 3*sin(x)"), "2x¹⁰ − 3sin(x)");
        assert_eq!(show("sqrt(x)*pi"), "√(x)·π");
        assert_eq!(show("x^2.5"), "x^2.5");
        assert_eq!(show("x^(-1)"), "x⁻¹");
        // As the formula panel typesets them: |u| and e to a power.
        assert_eq!(show("abs(x - 2)"), "|x − 2|");
        assert_eq!(show("3exp(3x)"), "3e³ˣ");
        assert_eq!(show("x^n"), "xⁿ");
        assert_eq!(show("exp(-x^2/2)"), "e^(−x²/2)");
        assert_eq!(show("abs(exp(x))"), "|eˣ|");
        assert_eq!(show("exp(abs(x))*abs(exp(-x) - 1)"), "e^(|x|)·|e⁻ˣ − 1|");
        // Byte positions after a two-byte letter; a long exponent stays on the line.
        assert_eq!(show("α*pi + sqrt(α)"), "α·π + √(α)");
        assert_eq!(
            show("2^(x + 123456789 + 10000000)"),
            "2^(x + 123456789 + 10000000)"
        );
        assert_eq!(show("α^(2x) + pi"), "α²ˣ + π");
    }
}
