//! Practice (issue 12): exercises by rule and difficulty from a seed, so a teacher can share
//! "set 7" and every student gets the same ten functions. The answers are judged by
//! `math::check` and explained by `math::mistake`. Pure Rust with native tests; the page
//! itself is not on the site yet (the 300 KB budget, see the notes).

use crate::learn::rng::Rng;

/// What an exercise practises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    Power,
    ConstantMultiple,
    Sum,
    Product,
    Quotient,
    Chain,
    ExpLog,
    Trig,
    Activation,
}

pub const RULES: [Rule; 9] = [
    Rule::Power,
    Rule::ConstantMultiple,
    Rule::Sum,
    Rule::Product,
    Rule::Quotient,
    Rule::Chain,
    Rule::ExpLog,
    Rule::Trig,
    Rule::Activation,
];

/// How many exercises a set has.
pub const SET_SIZE: usize = 10;

/// The templates per rule, easiest first (difficulty 1, 2, 3): `{a}`, `{b}`, `{c}` are
/// coefficients 2…9, `{n}` and `{m}` exponents 2…6 (with m ≠ n).
fn templates(rule: Rule) -> [&'static [&'static str]; 3] {
    match rule {
        Rule::Power => [
            &["x^{n}"],
            &["x^(-{n})", "1/x^{n}"],
            &["x^(1/{n})", "x^({m}/{n})"],
        ],
        Rule::ConstantMultiple => [
            &["{a}x^{n}"],
            &["{a}sin(x)", "{a}e^x"],
            &["x^{n}/{a}", "-{a}cos(x)"],
        ],
        Rule::Sum => [
            &["x^{n} + {a}x"],
            &["{a}x^{n} - {b}x^{m} + {c}"],
            &["{a}x^{n} + {b}sin(x) - {c}/x"],
        ],
        Rule::Product => [
            &["x sin(x)", "x e^x"],
            &["x^{n} cos(x)", "{a}x^{n} e^x"],
            &["x^{n} ln(x)", "e^x sin(x)"],
        ],
        Rule::Quotient => [
            &["x/(x + {a})"],
            &["(x^2 + {a})/(x - {b})"],
            &["sin(x)/x^{n}", "e^x/(x^2 + {a})"],
        ],
        Rule::Chain => [
            &["({a}x + {b})^{n}"],
            &["sin({a}x^{n})", "e^({a}x^2)"],
            &["sqrt({a}x^2 + {b})", "sin(x)^{n}", "ln(cos(x))"],
        ],
        Rule::ExpLog => [
            &["e^({a}x)", "ln({a}x)"],
            &["{a}^x", "x e^x"],
            &["ln(x^2 + {a})", "x^{n} e^(-x)"],
        ],
        Rule::Trig => [
            &["sin(x) + cos(x)"],
            &["tan({a}x)", "sin(x) cos(x)"],
            &["sin(x)^{n}", "cos({a}x^2)"],
        ],
        Rule::Activation => [
            &["sigmoid(x)", "tanh(x)"],
            &["tanh({a}x)", "softplus({a}x)"],
            &["sigmoid({a}x + {b})", "x sigmoid(x)"],
        ],
    }
}

/// One exercise: a function text, as a textbook prints it.
pub fn exercise(rule: Rule, difficulty: u8, rng: &mut Rng) -> String {
    let options = templates(rule)[usize::from(difficulty.clamp(1, 3) - 1)];
    let template = options[rng.int(0, options.len() as i64 - 1) as usize];
    let n = rng.int(2, 6);
    let m = (n - 2 + rng.int(1, 4)) % 5 + 2; // 2…6, never n
    template
        .replace("{a}", &rng.int(2, 9).to_string())
        .replace("{b}", &rng.int(2, 9).to_string())
        .replace("{c}", &rng.int(2, 9).to_string())
        .replace("{n}", &n.to_string())
        .replace("{m}", &m.to_string())
}

/// The set for a seed: ten exercises, every rule, difficulty rising from 1 to 3.
pub fn set(seed: u64) -> Vec<(Rule, u8, String)> {
    let mut rng = Rng::new(seed);
    let start = rng.int(0, RULES.len() as i64 - 1) as usize;
    (0..SET_SIZE)
        .map(|i| {
            let rule = RULES[(start + i) % RULES.len()];
            let difficulty = 1 + (3 * i / SET_SIZE) as u8;
            (rule, difficulty, exercise(rule, difficulty, &mut rng))
        })
        .collect()
}
