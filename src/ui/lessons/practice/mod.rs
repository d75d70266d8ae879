//! Practice: the student types the derivative of a function — one of a seeded set of ten,
//! or one typed by them or a teacher — and Slope says whether it is right and, when it is
//! not, where it differs and which rule went wrong. Exercises by rule and difficulty come
//! from a seed in the address (`#/practice?set=7&n=3`), so a teacher can share "set 7" and
//! every student gets the same ten functions. Answers are judged by `math::check` and
//! explained by `math::mistake`; this module turns that into words (tested natively), the
//! page (`page.rs`) shows them.

#[cfg(target_arch = "wasm32")]
mod page;
#[cfg(target_arch = "wasm32")]
pub use page::use_page;

use crate::learn::rng::Rng;
use crate::math::check::{judge, Verdict};
use crate::math::digits::shortest;
use crate::math::mistake::{diagnose, hint};
use crate::math::{to_unicode, Expr, Study};
use crate::ui::query;

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

/// The rule's name as the course's lessons say it.
pub fn rule_name(rule: Rule) -> &'static str {
    match rule {
        Rule::Power => "Power rule",
        Rule::ConstantMultiple => "Constant multiple rule",
        Rule::Sum => "Sum rule",
        Rule::Product => "Product rule",
        Rule::Quotient => "Quotient rule",
        Rule::Chain => "Chain rule",
        Rule::ExpLog => "Exponentials and logarithms",
        Rule::Trig => "Trigonometric functions",
        Rule::Activation => "Activation functions",
    }
}

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

/// The set a page opens on when the address names none.
pub const FIRST_SET: u64 = 1;

/// Largest set number (a seed a teacher can say aloud).
pub const MAX_SET: u64 = 9999;

/// Where the page is: the set, the exercise (1…10) and, when typed, a function of one's own.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub set: u64,
    pub n: usize,
    pub own: Option<String>,
}

impl Place {
    /// From the address (`?set=7&n=3`, `?f=x^2`); anything unreadable is the first set.
    pub fn from_query(q: &str) -> Place {
        let set = query::get(q, "set")
            .and_then(|s| s.trim().parse::<u64>().ok())
            .filter(|s| (1..=MAX_SET).contains(s))
            .unwrap_or(FIRST_SET);
        let n = query::get(q, "n")
            .and_then(|s| s.trim().parse::<usize>().ok())
            .filter(|n| (1..=SET_SIZE).contains(n))
            .unwrap_or(1);
        let own = query::get(q, "f").filter(|f| !f.trim().is_empty());
        Place { set, n, own }
    }

    pub fn to_query(&self) -> String {
        let mut pairs = vec![("set", self.set.to_string()), ("n", self.n.to_string())];
        if let Some(f) = &self.own {
            pairs.push(("f", f.clone()));
        }
        query::to_query(&pairs)
    }

    /// The function to differentiate: one's own, or the set's exercise.
    pub fn function(&self) -> String {
        match &self.own {
            Some(f) => f.clone(),
            None => set(self.set)[self.n - 1].2.clone(),
        }
    }
}

/// A set number from a number in [0, 1) (the page's "New set").
pub fn set_from(u: f64) -> u64 {
    (1 + (u * MAX_SET as f64) as u64).min(MAX_SET)
}

/// What the page says about one answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Feedback {
    pub right: bool,
    /// The verdict in one sentence (the `Verdict` status region).
    pub verdict: String,
    /// Where the answer and f′ differ, with both values.
    pub counterexample: Option<String>,
    /// The mistake named, when one explains the answer.
    pub mistake: Option<String>,
    /// What else can be said, with the rule to start with, when no mistake explains it.
    pub hint: Option<String>,
    /// Points to note on a right answer (a hole where f′ has none).
    pub note: Option<String>,
}

/// Functions with more operations than this are judged but not diagnosed: trying every
/// faulty rule at every node grows with the square of the size, and no exercise is near it.
pub const DIAGNOSE_MAX_OPS: usize = 40;

fn number(x: f64) -> String {
    if x.is_nan() {
        "undefined".into()
    } else {
        shortest(x).replace('-', "−")
    }
}

/// Judges `answer` as the derivative of the study's function, in words.
pub fn feedback(study: &Study, answer: &Expr) -> Feedback {
    let (f, var) = (&study.f, study.var.as_str());
    let mut out = Feedback {
        right: false,
        verdict: String::new(),
        counterexample: None,
        mistake: None,
        hint: None,
        note: None,
    };
    match judge(f, answer, var) {
        Verdict::Right { holes } => {
            out.right = true;
            out.verdict = "Right: that is the derivative.".into();
            if !holes.is_empty() {
                let at: Vec<String> = holes.iter().map(|x| number(*x)).collect();
                out.note = Some(format!(
                    "Your form is undefined at {var} = {} where f′ is defined: simplify it to cover that point too.",
                    at.join(", ")
                ));
            }
        }
        Verdict::Undecided => {
            out.verdict =
                "Cannot judge: f is defined at too few points to compare derivatives.".into();
        }
        Verdict::Wrong(c) => {
            out.verdict = "Not quite: your answer differs from the derivative.".into();
            let mut at = format!("{var} = {}", number(c.x));
            for (name, v) in &c.constants {
                at.push_str(&format!(", {name} = {}", number(*v)));
            }
            out.counterexample = Some(format!(
                "At {at}: f′ is {}, your answer gives {}.",
                number(c.expected),
                number(c.got)
            ));
            let diagnosis = (f.op_count() <= DIAGNOSE_MAX_OPS)
                .then(|| diagnose(f, answer, var))
                .flatten();
            match diagnosis {
                Some(d) => out.mistake = Some(d.sentence),
                None => out.hint = Some(hint(f, answer, var).sentence),
            }
        }
    }
    out
}

/// "Your answer, read as f′(x) = …": what the parser made of the answer.
pub fn read_as(var: &str, answer: &Expr) -> String {
    format!("f′({var}) = {}", to_unicode(answer))
}
