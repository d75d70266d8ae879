//! Names: splitting runs of letters into known names, and advice and suggestions for names
//! we cannot read.

use super::*;

/// Whether `src` has a run of capitals that is, or starts with, a name we know in lower case
/// (`SIN`, `LN`, `PI`, `SINX`, `THETA`, `ROUND`), as typed with caps lock on.
pub(super) fn has_name_in_capitals(src: &str) -> bool {
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
pub(super) fn split_letters(name: &str, offset: usize) -> Vec<(String, (usize, usize))> {
    let mut names: Vec<&str> = ALL.iter().map(|f| f.name()).collect();
    names.extend(crate::func::ALIASES.iter().map(|(a, _)| *a));
    names.extend(crate::lexer::GREEK_IN_RUNS);
    names.push("pi");
    crate::sort::sort_by(&mut names, |a, b| b.len().cmp(&a.len()));
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
pub(super) const MEANINGS: [(&str, &str); 27] = [
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
pub(super) const ADVICE: [(&str, &str); 11] = [
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

pub(super) fn levenshtein(a: &str, b: &str) -> usize {
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
