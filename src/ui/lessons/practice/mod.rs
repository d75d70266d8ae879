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
    /// The counterexample as numbers: x, f′(x) and the answer's value there.
    pub point: Option<(f64, f64, f64)>,
    /// The part of f where the named mistake was made.
    pub slipped: Option<Expr>,
}

/// Functions with more operations than this are judged but not diagnosed: trying every
/// faulty rule at every node grows faster than the square of the size (24 operations nested:
/// 22 ms natively, 39: 86 ms; `cargo run --release --example bench_practice`), and no
/// exercise has more than 12.
pub const DIAGNOSE_MAX_OPS: usize = 24;

/// A value as a student reads it: exactly when that is short (`2`, `−0.25`), else to six
/// significant digits, marked as rounded (`≈ 1.0806`).
fn number(x: f64) -> String {
    let exact = shortest(x);
    if x.is_nan() {
        "undefined".into()
    } else if exact.len() <= 8 || x.is_infinite() {
        exact.replace('-', "−")
    } else {
        format!("≈ {}", crate::plot::format::trimmed(x, 6))
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
        point: None,
        slipped: None,
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
            out.point = Some((c.x, c.expected, c.got));
            let diagnosis = (f.op_count() <= DIAGNOSE_MAX_OPS)
                .then(|| diagnose(f, answer, var))
                .flatten();
            match diagnosis {
                Some(d) => {
                    out.mistake = Some(d.sentence);
                    out.slipped = Some(d.at);
                }
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

/// One exercise's record in a set's progress.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Record {
    /// Checks of a readable answer.
    pub attempts: u32,
    /// Answered right on some check.
    pub right: bool,
    /// Answered right on the first check.
    pub first_try: bool,
    /// Hints and step lists asked for.
    pub hints: u32,
}

/// A set's progress, kept in the browser only (see [`Progress::to_text`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub set: u64,
    pub records: [Record; SET_SIZE],
}

/// The storage format's name: a new format gets a new name, and an old one is ignored.
const FORMAT: &str = "slope-practice-1";

/// Largest count kept: a count past it is not a record of ours.
const MAX_COUNT: u32 = 9999;

impl Progress {
    pub fn new(set: u64) -> Progress {
        Progress {
            set,
            records: [Record::default(); SET_SIZE],
        }
    }

    /// The storage key of a set's progress.
    pub fn key(set: u64) -> String {
        format!("{FORMAT}:set-{set}")
    }

    /// `slope-practice-1 7 a.r.f.h a.r.f.h …`: the format, the set, then per exercise the
    /// attempts, right (0/1), right on the first try (0/1) and hints.
    pub fn to_text(&self) -> String {
        let mut out = format!("{FORMAT} {}", self.set);
        for r in &self.records {
            out.push_str(&format!(
                " {}.{}.{}.{}",
                r.attempts,
                u8::from(r.right),
                u8::from(r.first_try),
                r.hints
            ));
        }
        out
    }

    /// The progress of `set` stored as `text`; anything else (another format, another set,
    /// a damaged record, nothing) is a fresh start.
    pub fn from_text(set: u64, text: Option<&str>) -> Progress {
        text.and_then(|t| Progress::read(set, t))
            .unwrap_or_else(|| Progress::new(set))
    }

    fn read(set: u64, text: &str) -> Option<Progress> {
        let mut words = text.split(' ');
        (words.next()? == FORMAT).then_some(())?;
        (words.next()?.parse::<u64>().ok()? == set).then_some(())?;
        let mut p = Progress::new(set);
        for r in p.records.iter_mut() {
            let fields: Vec<u32> = words
                .next()?
                .split('.')
                .map(|w| w.parse::<u32>().ok().filter(|c| *c <= MAX_COUNT))
                .collect::<Option<_>>()?;
            let [attempts, right, first_try, hints] = fields[..] else {
                return None;
            };
            if right > 1 || first_try > 1 || (first_try == 1 && right == 0) {
                return None;
            }
            *r = Record {
                attempts,
                right: right == 1,
                first_try: first_try == 1,
                hints,
            };
        }
        words.next().is_none().then_some(p)
    }

    /// A check of exercise `n` (1…10): counted, and right once right.
    pub fn checked(&mut self, n: usize, right: bool) {
        if let Some(r) = self.records.get_mut(n.wrapping_sub(1)) {
            r.first_try |= right && r.attempts == 0;
            r.right |= right;
            r.attempts = (r.attempts + 1).min(MAX_COUNT);
        }
    }

    /// A hint asked for on exercise `n`.
    pub fn hinted(&mut self, n: usize) {
        if let Some(r) = self.records.get_mut(n.wrapping_sub(1)) {
            r.hints = (r.hints + 1).min(MAX_COUNT);
        }
    }

    /// Exercises answered right (on the first or a later try): the set's score out of 10.
    pub fn score(&self) -> usize {
        self.records.iter().filter(|r| r.right).count()
    }

    pub fn first_tries(&self) -> usize {
        self.records.iter().filter(|r| r.first_try).count()
    }

    pub fn hints(&self) -> u32 {
        self.records.iter().map(|r| r.hints).sum()
    }

    /// The set's progress in a sentence.
    pub fn summary(&self) -> String {
        format!(
            "Set {}: {} of {SET_SIZE} right, {} on the first try, {} {} used.",
            self.set,
            self.score(),
            self.first_tries(),
            self.hints(),
            if self.hints() == 1 { "hint" } else { "hints" }
        )
    }
}

/// The x range the two derivatives are drawn over: the usual −5…5, widened to show the
/// counterexample.
pub fn plot_range(counterexample: f64) -> (f64, f64) {
    let r = (counterexample.abs() * 1.25).max(5.0);
    (-r, r)
}

/// Where on `columns` + 1 evenly spaced points of [a, b] the answer differs from f′ (one of
/// them undefined, or the values apart beyond round-off), as x intervals: the plot shades
/// them. `expected` and `got` give the two values at x.
pub fn gaps(
    (a, b): (f64, f64),
    columns: usize,
    expected: impl Fn(f64) -> f64,
    got: impl Fn(f64) -> f64,
) -> Vec<(f64, f64)> {
    let step = (b - a) / columns.max(1) as f64;
    let mut out: Vec<(f64, f64)> = Vec::new();
    let mut open: Option<f64> = None;
    for i in 0..=columns {
        let x = a + step * i as f64;
        let (e, g) = (expected(x), got(x));
        let differs = !e.is_nan() && !crate::math::check::agree(e, g);
        match (differs, open) {
            (true, None) => open = Some((x - step / 2.0).max(a)),
            (false, Some(from)) => {
                out.push((from, x - step / 2.0));
                open = None;
            }
            _ => {}
        }
    }
    if let Some(from) = open {
        out.push((from, b));
    }
    out
}

/// The shaded intervals in words, for the plot's description.
pub fn gaps_text(var: &str, gaps: &[(f64, f64)]) -> String {
    if gaps.is_empty() {
        return "Your answer, dashed, matches f′ everywhere drawn.".into();
    }
    let parts: Vec<String> = gaps
        .iter()
        .take(3)
        .map(|(a, b)| {
            let tenths = |x: f64| number((x * 10.0).round() / 10.0 + 0.0);
            format!("{} to {}", tenths(*a), tenths(*b))
        })
        .collect();
    format!(
        "Your answer is dashed; it differs from f′ where shaded: {var} from {}{}.",
        parts.join(", "),
        if gaps.len() > 3 { " and elsewhere" } else { "" }
    )
}
