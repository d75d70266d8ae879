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
    /// `∛`: the cube root of what follows.
    Cbrt,
    /// `\sqrt[` in LaTeX: an n-th root whose index follows, closed by `]`.
    Root,
    /// `\frac` in LaTeX: two brace groups follow.
    Frac,
    /// `=`, accepted only in `y = …` and `f(x) = …` at the start.
    Equals,
    Eof,
}

impl Tok {
    /// How the token reads in an error message.
    pub fn describe(&self) -> String {
        match self {
            Tok::Num(x) => super::digits::shortest(*x),
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
            Tok::Cbrt => "∛".into(),
            Tok::Root => "\\sqrt[".into(),
            Tok::Frac => "\\frac".into(),
            Tok::Equals => "=".into(),
            Tok::Eof => "end of input".into(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub span: (usize, usize),
}

/// The plain character a superscript stands for (`²` → `2`, `ˣ` → `x`, `ᐟ` → `/`).
fn superscript(c: char) -> Option<char> {
    Some(match c {
        '⁰' => '0',
        '¹' => '1',
        '²' => '2',
        '³' => '3',
        '⁴' => '4',
        '⁵' => '5',
        '⁶' => '6',
        '⁷' => '7',
        '⁸' => '8',
        '⁹' => '9',
        '⁺' => '+',
        '⁻' => '-',
        '⁽' => '(',
        '⁾' => ')',
        'ᐟ' => '/',
        'ˣ' => 'x',
        'ⁿ' => 'n',
        'ᵗ' => 't',
        'ʸ' => 'y',
        'ᵃ' => 'a',
        'ᵇ' => 'b',
        'ᵏ' => 'k',
        'ⁱ' => 'i',
        'ᵐ' => 'm',
        'ᵘ' => 'u',
        'ᵛ' => 'v',
        'ʷ' => 'w',
        'ᶻ' => 'z',
        'ᵉ' => 'e',
        'ᶜ' => 'c',
        'ʰ' => 'h',
        'ᵖ' => 'p',
        'ʳ' => 'r',
        'ˢ' => 's',
        'ᵈ' => 'd',
        'ᵍ' => 'g',
        'ʲ' => 'j',
        'ˡ' => 'l',
        'ᵒ' => 'o',
        'ᶠ' => 'f',
        _ => return None,
    })
}

/// The plain digit of a subscript digit (`₂` → `2`).
fn subscript_digit(c: char) -> Option<char> {
    ('₀'..='₉')
        .contains(&c)
        .then(|| char::from(b'0' + (c as u32 - '₀' as u32) as u8))
}

/// The length of one variable name at the start of `rest`: a Greek name, or a letter with its
/// subscript (`x`, `x1`, `w_2`).
fn variable_len(rest: &str) -> Option<usize> {
    let run = rest
        .find(|c: char| !is_letter(c))
        .map_or(rest, |n| &rest[..n]);
    if let Some(g) = GREEK_IN_RUNS
        .iter()
        .chain(["mu", "nu", "xi", "pi"].iter())
        .find(|g| run.starts_with(**g))
    {
        return Some(g.len());
    }
    let c = rest.chars().next().filter(|c| is_letter(*c))?;
    let after = &rest[c.len_utf8()..];
    let digits = |s: &str| s.find(|d: char| !d.is_ascii_digit()).unwrap_or(s.len());
    match after.strip_prefix('_') {
        Some(sub) if digits(sub) > 0 => Some(c.len_utf8() + 1 + digits(sub)),
        _ => Some(c.len_utf8() + digits(after)),
    }
}

/// Names of functions that contain digits or `_`.
const NAMES_WITH_DIGITS: [&str; 3] = ["leaky_relu", "log10", "log2"];

/// The length in bytes of the name starting `rest`. Digits and `_` continue a name only after
/// a single letter (`x1`, `w_2`, `v_0`: variables), in `log_2`/`log_b` (a base) and in the
/// function names that have them (`log10`, `leaky_relu`). Otherwise a name is its letters, so
/// `sin2x` is `sin 2x` and `ln3x` is `ln 3x`, never a variable called `sin2x`.
fn ident_len(rest: &str) -> usize {
    let run = rest
        .find(|c: char| !ident_continue(c))
        .map_or(rest, |n| &rest[..n]);
    if let Some(after) = run.strip_prefix("log_") {
        return match log_base(after) {
            Some((_, used)) => 4 + used,
            None => 3,
        };
    }
    if let Some(name) = NAMES_WITH_DIGITS.iter().find(|n| run.starts_with(**n)) {
        return name.len();
    }
    let letters = run.find(|c: char| !is_letter(c)).unwrap_or(run.len());
    let first = run.chars().next().map_or(0, char::len_utf8);
    if letters != first || run.starts_with('e') {
        return letters;
    }
    // A single letter with a subscript: digits, or `_` and digits or one letter.
    let suffix = &run[letters..];
    let digits = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    match suffix.strip_prefix('_') {
        Some(after) if digits(after) > 0 => letters + 1 + digits(after),
        Some(after) => match after.chars().next().filter(|c| is_letter(*c)) {
            Some(c) => letters + 1 + c.len_utf8(),
            None => letters,
        },
        None => letters + digits(suffix),
    }
}

/// A logarithm's base after `log_`: `2`, `10`, `b` or `{10}`; with the bytes it takes.
fn log_base(after: &str) -> Option<(String, usize)> {
    if let Some(inner) = after.strip_prefix('{') {
        let close = inner.find('}')?;
        let base = inner[..close].trim();
        let ok = !base.is_empty()
            && (base.chars().all(|c| c.is_ascii_digit() || c == '.')
                || (base.chars().count() == 1 && base.chars().all(is_letter)));
        return ok.then(|| (base.to_string(), close + 2));
    }
    let digits = after
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(after.len());
    if digits > 0 {
        return Some((after[..digits].to_string(), digits));
    }
    // `log_pi`, `log_theta`: a named base.
    let run = after
        .find(|c: char| !is_letter(c))
        .map_or(after, |n| &after[..n]);
    if let Some(name) = ["pi"]
        .iter()
        .chain(GREEK_IN_RUNS.iter())
        .find(|n| run.starts_with(**n))
    {
        return Some((greek(name).unwrap_or(name).to_string(), name.len()));
    }
    let c = after.chars().next().filter(|c| is_letter(*c))?;
    Some((c.to_string(), c.len_utf8()))
}

/// Greek letters spelled out (`theta`, `alpha`) are one letter each, never `t·h·e·t·a`.
pub(crate) fn greek(name: &str) -> Option<&'static str> {
    Some(match name {
        "alpha" => "α",
        "beta" => "β",
        "gamma" => "γ",
        "delta" => "δ",
        "Delta" => "Δ",
        "epsilon" | "varepsilon" => "ε",
        "zeta" => "ζ",
        "eta" => "η",
        "theta" | "vartheta" => "θ",
        "Theta" => "Θ",
        "kappa" => "κ",
        "lambda" => "λ",
        "mu" => "μ",
        "nu" => "ν",
        "xi" => "ξ",
        "rho" => "ρ",
        "tau" => "τ",
        "phi" | "varphi" => "φ",
        "chi" => "χ",
        "psi" => "ψ",
        "omega" => "ω",
        _ => return None,
    })
}

/// Greek names long enough to be recognised inside a run of letters (`sintheta`, `alphax`);
/// the two-letter ones (`mu`, `nu`, `xi`) only count on their own.
pub(crate) const GREEK_IN_RUNS: [&str; 17] = [
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "kappa", "lambda", "rho",
    "tau", "phi", "chi", "psi", "omega", "varphi",
];

/// The plain letter or digit a mathematical alphanumeric symbol is a style of: 𝑥 (italic,
/// what copying from a PDF or Word gives), 𝐱, 𝒙, 𝗑, 𝚡, ℎ, 𝛼 and 𝟐 are x, x, x, x, x, h, α
/// and 2. `None` for every other character. The letters are plain in meaning too: a bold
/// 𝐱 is not a vector here, there being none.
pub fn plain(c: char) -> Option<char> {
    const GREEK: [char; 58] = [
        'Α', 'Β', 'Γ', 'Δ', 'Ε', 'Ζ', 'Η', 'Θ', 'Ι', 'Κ', 'Λ', 'Μ', 'Ν', 'Ξ', 'Ο', 'Π', 'Ρ', 'ϴ',
        'Σ', 'Τ', 'Υ', 'Φ', 'Χ', 'Ψ', 'Ω', '∇', 'α', 'β', 'γ', 'δ', 'ε', 'ζ', 'η', 'θ', 'ι', 'κ',
        'λ', 'μ', 'ν', 'ξ', 'ο', 'π', 'ρ', 'ς', 'σ', 'τ', 'υ', 'φ', 'χ', 'ψ', 'ω', '∂', 'ϵ', 'ϑ',
        'ϰ', 'ϕ', 'ϱ', 'ϖ',
    ];
    let n = c as u32;
    let letter = |i: u32| {
        char::from(if i < 26 {
            b'A' + i as u8
        } else {
            b'a' + (i - 26) as u8
        })
    };
    match n {
        // Thirteen styles of A–Z a–z (bold, italic, …, monospace).
        0x1D400..=0x1D6A3 => Some(letter((n - 0x1D400) % 52)),
        0x1D6A4 => Some('i'),
        0x1D6A5 => Some('j'),
        // Five styles of the Greek alphabet with ∇, ∂ and the variant forms.
        0x1D6A8..=0x1D7C9 => Some(GREEK[((n - 0x1D6A8) % 58) as usize]),
        // Five styles of 0–9.
        0x1D7CE..=0x1D7FF => Some(char::from(b'0' + ((n - 0x1D7CE) % 10) as u8)),
        // The styled letters Unicode had before the block, which fill its holes.
        _ => match c {
            'ℎ' => Some('h'),
            'ℊ' => Some('g'),
            'ℴ' => Some('o'),
            'ℬ' => Some('B'),
            'ℰ' => Some('E'),
            'ℱ' => Some('F'),
            'ℋ' | 'ℌ' | 'ℍ' => Some('H'),
            'ℐ' | 'ℑ' => Some('I'),
            'ℒ' => Some('L'),
            'ℳ' => Some('M'),
            'ℛ' | 'ℜ' | 'ℝ' => Some('R'),
            'ℭ' | 'ℂ' => Some('C'),
            'ℨ' | 'ℤ' => Some('Z'),
            'ℕ' => Some('N'),
            'ℙ' => Some('P'),
            'ℚ' => Some('Q'),
            _ => None,
        },
    }
}

/// The letters a name may be made of: Latin a–z, A–Z and the Greek alphabet (with the
/// variant forms ϑ ϕ ϖ ϱ ϵ); styled letters (𝑥) are made plain before this (`plain`).
/// Anything else (é) is refused with its span rather than read as a letter of its own; and
/// the test is small, where Unicode's alphabetic table would add kilobytes to the download.
pub fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{391}'..='\u{3A9}' | '\u{3B1}'..='\u{3C9}') && c != '\u{3A2}'
        || matches!(c, 'ϑ' | 'ϕ' | 'ϖ' | 'ϱ' | 'ϵ')
}

fn ident_start(c: char) -> bool {
    is_letter(c) && !matches!(c, 'π' | 'σ' | 'ℯ' | 'ⅇ') && superscript(c).is_none()
}

fn ident_continue(c: char) -> bool {
    c.is_ascii_digit() || c == '_' || ident_start(c)
}

/// Splits `src` into tokens, ending with `Tok::Eof`.
pub fn tokenize(src: &str) -> Result<Vec<Token>, ParseError> {
    let mut out = Vec::new();
    let mut it = src.char_indices().peekable();
    // Brace depth, and the depths whose closing brace belongs to `\mathrm{…}` and the like
    // (their braces only wrap a name: `\mathrm{d}`, `\operatorname{sech}`).
    let mut depth = 0usize;
    let mut unwrap: Vec<usize> = Vec::new();
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
            let value: f64 = match super::decimal::parse_decimal(text) {
                Some(v) if dots <= 1 && v.is_finite() => v,
                Some(_) if dots <= 1 => {
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
        // A run of superscripts (`²`, `⁻¹`, `ˣ`, `²⁺¹`) is an exponent: `^(…)`.
        if superscript(c).is_some() {
            let mut end = start;
            let mut plain = String::new();
            while let Some(&(i, d)) = it.peek() {
                match superscript(d) {
                    Some(p) => {
                        // A digit after a letter is a power on it (`eˣ²` is e^(x^2)): a
                        // superscript cannot carry a superscript of its own.
                        if p.is_ascii_digit() && plain.ends_with(|c: char| c.is_ascii_alphabetic())
                        {
                            plain.push('^');
                        }
                        plain.push(p);
                        end = i + d.len_utf8();
                        it.next();
                    }
                    None => break,
                }
            }
            let span = (start, end);
            let inner = tokenize(&plain).map_err(|e| ParseError::new(e.kind, span))?;
            // `³√x`: the index of a root, `\sqrt[3]{x}`; otherwise `^(…)`.
            let root = src[end..].starts_with('√');
            let span = if root {
                it.next();
                (start, end + '√'.len_utf8())
            } else {
                span
            };
            let opening: &[Tok] = if root {
                &[Tok::Root]
            } else {
                &[Tok::Caret, Tok::LParen]
            };
            out.extend(opening.iter().map(|tok| Token {
                tok: tok.clone(),
                span,
            }));
            out.extend(
                inner
                    .into_iter()
                    .filter(|t| t.tok != Tok::Eof)
                    .map(|t| Token { tok: t.tok, span }),
            );
            out.push(Token {
                tok: Tok::RParen,
                span,
            });
            continue;
        }
        if ident_start(c) {
            let mut len = ident_len(&src[start..]);
            // After `/`, `dxsin x` is `dx sin x`: a `d` takes one variable name only.
            let after_d = &src[start + c.len_utf8()..];
            let names_function = super::func::ALL
                .iter()
                .any(|f| f.name().len() > 1 && after_d.starts_with(f.name()));
            if out.last().is_some_and(|t| t.tok == Tok::Slash) && c == 'd' && !names_function {
                if let Some(v) = variable_len(after_d) {
                    len = 1 + v;
                }
            }
            let end = start + len;
            while it.peek().is_some_and(|&(i, _)| i < end) {
                it.next();
            }
            let name = &src[start..end];
            // `log_{2}(x)`: a base in braces.
            if name == "log" && src[end..].starts_with("_{") {
                if let Some((base, used)) = log_base(&src[end + 1..]) {
                    let stop = end + 1 + used;
                    while it.peek().is_some_and(|&(i, _)| i < stop) {
                        it.next();
                    }
                    out.push(Token {
                        tok: Tok::Ident(format!("log_{base}")),
                        span: (start, stop),
                    });
                    continue;
                }
            }
            // `sqrt[3](x)`: an n-th root, as `\sqrt[3]{x}`.
            if name == "sqrt" && src[end..].starts_with('[') {
                it.next();
                out.push(Token {
                    tok: Tok::Root,
                    span: (start, end + 1),
                });
                continue;
            }
            let mut name = greek(name)
                .map(String::from)
                .unwrap_or_else(|| name.to_string());
            // `d/dθ`: the variable after a `d` may be a Greek name too.
            if let Some(g) = name.strip_prefix('d').and_then(greek) {
                name = format!("d{g}");
            }
            let mut end = end;
            // Subscripts: `x_{1}`, `x₁`, `log₂`.
            let single = name.chars().count() == 1 || name == "log";
            if single && src[end..].starts_with("_{") {
                if let Some((sub, used)) = log_base(&src[end + 1..]) {
                    let stop = end + 1 + used;
                    while it.peek().is_some_and(|&(i, _)| i < stop) {
                        it.next();
                    }
                    name = format!("{name}_{sub}");
                    end = stop;
                }
            }
            let digits: String = src[end..].chars().map_while(subscript_digit).collect();
            if single && !digits.is_empty() {
                let stop = end
                    + src[end..]
                        .chars()
                        .take(digits.len())
                        .map(char::len_utf8)
                        .sum::<usize>();
                while it.peek().is_some_and(|&(i, _)| i < stop) {
                    it.next();
                }
                name = format!("{name}_{digits}");
                end = stop;
            }
            out.push(Token {
                tok: Tok::Ident(name),
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
            let push = |out: &mut Vec<Token>, tok: Tok| out.push(Token { tok, span });
            match command {
                "mathrm" | "operatorname" | "text" | "mathit" | "textrm"
                    if src[end..].starts_with('{') =>
                {
                    it.next();
                    depth += 1;
                    unwrap.push(depth);
                    continue;
                }
                // `\frac12`, `\frac1x`, `\frac 12`: one character each, as LaTeX reads it.
                "frac" | "dfrac" | "tfrac" => {
                    let args: Vec<(usize, char)> = src[end..]
                        .char_indices()
                        .filter(|(_, c)| !c.is_whitespace())
                        .take(2)
                        .collect();
                    let simple = |c: char| c.is_ascii_digit() || c.is_ascii_alphabetic();
                    if let [(_, a), (j, b)] = args[..] {
                        if simple(a) && simple(b) {
                            let arg = |c: char| {
                                if c.is_ascii_digit() {
                                    Tok::Num(f64::from(c as u8 - b'0'))
                                } else {
                                    Tok::Ident(c.to_string())
                                }
                            };
                            for tok in [
                                Tok::Frac,
                                Tok::LParen,
                                arg(a),
                                Tok::RParen,
                                Tok::LParen,
                                arg(b),
                                Tok::RParen,
                            ] {
                                push(&mut out, tok);
                            }
                            let stop = end + j + 1;
                            while it.peek().is_some_and(|&(i, _)| i < stop) {
                                it.next();
                            }
                            continue;
                        }
                    }
                }
                "log" if src[end..].starts_with('_') => {
                    if let Some((base, used)) = log_base(&src[end + 1..]) {
                        let stop = end + 1 + used;
                        while it.peek().is_some_and(|&(i, _)| i < stop) {
                            it.next();
                        }
                        out.push(Token {
                            tok: Tok::Ident(format!("log_{base}")),
                            span: (start, stop),
                        });
                        continue;
                    }
                }
                "lfloor" | "lceil" => {
                    let name = if command == "lfloor" { "floor" } else { "ceil" };
                    push(&mut out, Tok::Ident(name.into()));
                    push(&mut out, Tok::LParen);
                    continue;
                }
                "rfloor" | "rceil" => {
                    push(&mut out, Tok::RParen);
                    continue;
                }
                "lvert" | "rvert" | "vert" | "mid" => {
                    push(&mut out, Tok::Pipe);
                    continue;
                }
                g if greek(g).is_some() => {
                    push(&mut out, Tok::Ident(greek(g).unwrap_or_default().into()));
                    continue;
                }
                _ => {}
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
            '{' => {
                depth += 1;
                Tok::LParen
            }
            '}' if unwrap.last() == Some(&depth) => {
                unwrap.pop();
                depth -= 1;
                it.next();
                continue;
            }
            '}' => {
                depth = depth.saturating_sub(1);
                Tok::RParen
            }
            '(' | '[' => Tok::LParen,
            ')' | ']' => Tok::RParen,
            '=' => Tok::Equals,
            ',' => Tok::Comma,
            '|' => Tok::Pipe,
            '√' => Tok::Sqrt,
            'π' => Tok::Ident("pi".into()),
            'σ' => Tok::Ident("sigmoid".into()),
            'ℯ' | 'ⅇ' => Tok::Ident("e".into()),
            '∛' => Tok::Cbrt,
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
