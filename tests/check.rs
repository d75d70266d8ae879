//! The derivative checker (`math::check`) on a corpus of (function, answer, verdict)
//! triples: textbook forms that must be right, the usual mistakes that must be wrong, and
//! the traps other checkers fall into (both numerator and denominator negated, answers
//! near poles, functions defined almost nowhere, constants written as letters). The test
//! reports false negatives (right called wrong) and false positives (wrong called right);
//! both must be 0.

use slope::math::check::{judge, Verdict};
use slope::math::parse;

/// R: right, W: wrong, U: cannot be judged (f defined at too few points).
const CORPUS: &[(&str, &str, char)] = &[
    // Power rule and its equivalent forms.
    ("x^2", "2x", 'R'),
    ("x^2", "2*x", 'R'),
    ("x^2", "x+x", 'R'),
    ("x^2", "2x^1", 'R'),
    ("x^2", "(x^2)*2/x", 'R'),
    ("x^2", "x^2", 'W'),
    ("x^2", "2", 'W'),
    ("x^2", "x", 'W'),
    ("x^3", "3x^2", 'R'),
    ("x^3", "3*x*x", 'R'),
    ("x^3", "x^2", 'W'),
    ("x^3", "3x^3", 'W'),
    ("x^3", "3x", 'W'),
    ("x^5", "5x^4", 'R'),
    ("x^5", "4x^5", 'W'),
    ("1/x", "-1/x^2", 'R'),
    ("1/x", "-x^(-2)", 'R'),
    ("1/x", "1/(-x^2)", 'R'),
    ("1/x", "-1/-x^2", 'W'),
    ("1/x", "ln(x)", 'W'),
    ("1/x", "1/x^2", 'W'),
    ("sqrt(x)", "1/(2sqrt(x))", 'R'),
    ("sqrt(x)", "0.5x^(-1/2)", 'R'),
    ("sqrt(x)", "sqrt(x)/(2x)", 'R'),
    ("sqrt(x)", "1/sqrt(x)", 'W'),
    ("sqrt(x)", "(1/2)x^(1/2)", 'W'),
    ("x^(1/3)", "1/(3x^(2/3))", 'R'),
    ("sqrt(x^2)", "x/abs(x)", 'R'),
    ("sqrt(x^2)", "sign(x)", 'R'),
    ("sqrt(x^2)", "1", 'W'),
    ("abs(x)", "x/abs(x)", 'R'),
    ("abs(x)", "1", 'W'),
    // Constant multiple and sum rules.
    ("5x^2", "10x", 'R'),
    ("5x^2", "2x", 'W'),
    ("5x^2", "5x", 'W'),
    ("3x^2 + 2x + 1", "6x + 2", 'R'),
    ("3x^2 + 2x + 1", "2(3x + 1)", 'R'),
    ("3x^2 + 2x + 1", "6x + 3", 'W'),
    ("3x^2 + 2x + 1", "6x", 'W'),
    ("7", "0", 'R'),
    ("7", "7", 'W'),
    ("pi x", "pi", 'R'),
    ("pi x", "3.14159", 'W'),
    // Product rule.
    ("x sin(x)", "sin(x) + x cos(x)", 'R'),
    ("x sin(x)", "x cos(x) + sin(x)", 'R'),
    ("x sin(x)", "cos(x)", 'W'),
    ("x sin(x)", "x cos(x)", 'W'),
    ("x^2 sin(x)", "2x sin(x) + x^2 cos(x)", 'R'),
    ("x^2 sin(x)", "x(2sin(x) + x cos(x))", 'R'),
    ("x^2 sin(x)", "2x cos(x)", 'W'),
    ("x e^x", "e^x (x + 1)", 'R'),
    ("x e^x", "e^x", 'W'),
    ("x ln(x)", "ln(x) + 1", 'R'),
    ("x ln(x)", "1", 'W'),
    // Quotient rule, with the traps: both parts negated, the order swapped.
    ("x/(x+1)", "1/(x+1)^2", 'R'),
    ("x/(x+1)", "((x+1) - x)/(x+1)^2", 'R'),
    ("x/(x+1)", "(-1)/(-(x+1)^2)", 'R'),
    ("x/(x+1)", "-1/(x+1)^2", 'W'),
    ("x/(x+1)", "1/(x+1)", 'W'),
    ("(x^2+1)/(x-1)", "(x^2 - 2x - 1)/(x-1)^2", 'R'),
    ("(x^2+1)/(x-1)", "(-x^2 + 2x + 1)/(-(x-1)^2)", 'R'),
    ("(x^2+1)/(x-1)", "(-x^2 + 2x + 1)/(x-1)^2", 'W'),
    ("(x^2+1)/(x-1)", "(x^2 - 2x - 1)/(x-1)", 'W'),
    ("sin(x)/x", "(x cos(x) - sin(x))/x^2", 'R'),
    ("sin(x)/x", "(sin(x) - x cos(x))/x^2", 'W'),
    ("tan(x)", "sec(x)^2", 'R'),
    ("tan(x)", "1/cos(x)^2", 'R'),
    ("tan(x)", "1 + tan(x)^2", 'R'),
    ("tan(x)", "-1/cos(x)^2", 'W'),
    ("tan(x)", "sec(x)", 'W'),
    // Chain rule.
    ("sin(x^2)", "2x cos(x^2)", 'R'),
    ("sin(x^2)", "cos(x^2)", 'W'),
    ("sin(x^2)", "cos(2x)", 'W'),
    ("sin(x)^2", "sin(2x)", 'R'),
    ("sin(x)^2", "2sin(x)cos(x)", 'R'),
    ("sin(x)^2", "2sin(x)", 'W'),
    ("sin(x)^2", "cos(x)^2", 'W'),
    ("(2x+1)^3", "6(2x+1)^2", 'R'),
    ("(2x+1)^3", "3(2x+1)^2", 'W'),
    ("e^(3x)", "3e^(3x)", 'R'),
    ("e^(3x)", "e^(3x)", 'W'),
    ("e^(x^2)", "2x e^(x^2)", 'R'),
    ("e^(x^2)", "x^2 e^(x^2 - 1)", 'W'),
    ("ln(x^2 + 1)", "2x/(x^2+1)", 'R'),
    ("ln(x^2 + 1)", "1/(x^2+1)", 'W'),
    ("sqrt(1 - x^2)", "-x/sqrt(1 - x^2)", 'R'),
    ("sqrt(1 - x^2)", "x/sqrt(1 - x^2)", 'W'),
    // Exponentials, logarithms, trigonometry.
    ("e^x", "e^x", 'R'),
    ("e^x", "x e^(x-1)", 'W'),
    ("2^x", "2^x ln(2)", 'R'),
    ("2^x", "2^x", 'W'),
    ("2^x", "x*2^(x-1)", 'W'),
    ("ln(x)", "1/x", 'R'),
    ("ln(x)", "1/abs(x)", 'R'),
    ("ln(x)", "1", 'W'),
    ("ln(x)", "ln(x)/x", 'W'),
    ("ln(abs(x))", "1/x", 'R'),
    ("log10(x)", "1/(x ln(10))", 'R'),
    ("log10(x)", "1/x", 'W'),
    ("cos(x)", "-sin(x)", 'R'),
    ("cos(x)", "sin(x)", 'W'),
    ("sin(x)", "cos(x)", 'R'),
    ("sin(x)", "-cos(x)", 'W'),
    ("atan(x)", "1/(1+x^2)", 'R'),
    ("atan(x)", "1/(1-x^2)", 'W'),
    ("asin(x)", "1/sqrt(1-x^2)", 'R'),
    ("cosh(x)", "sinh(x)", 'R'),
    ("cosh(x)", "-sinh(x)", 'W'),
    // Activations.
    ("sigmoid(x)", "sigmoid(x)(1 - sigmoid(x))", 'R'),
    ("sigmoid(x)", "e^(-x)/(1+e^(-x))^2", 'R'),
    ("sigmoid(x)", "sigmoid(x)", 'W'),
    ("tanh(x)", "1 - tanh(x)^2", 'R'),
    ("tanh(x)", "1/cosh(x)^2", 'R'),
    ("tanh(x)", "1 + tanh(x)^2", 'W'),
    ("softplus(x)", "sigmoid(x)", 'R'),
    ("sigmoid(2x+1)", "2sigmoid(2x+1)(1 - sigmoid(2x+1))", 'R'),
    ("sigmoid(2x+1)", "sigmoid(2x+1)(1 - sigmoid(2x+1))", 'W'),
    // Constants written as letters.
    ("a x^2", "2a x", 'R'),
    ("a x^2", "2x", 'W'),
    ("a x^2", "a x", 'W'),
    ("sin(k x)", "k cos(k x)", 'R'),
    ("sin(k x)", "cos(k x)", 'W'),
    ("a x + b", "a", 'R'),
    ("a x + b", "a + b", 'W'),
    ("e^(c x)", "c e^(c x)", 'R'),
    // Answers with a pole where f′ has one too, and functions defined almost nowhere.
    ("1/(x-2)", "-1/(x-2)^2", 'R'),
    ("1/(x-2)", "1/(x-2)^2", 'W'),
    ("ln(x-1)", "1/(x-1)", 'R'),
    ("(-2)^x", "(-2)^x ln(-2)", 'U'),
    ("ln(-x^2 - 1)", "2x/(x^2+1)", 'U'),
    // Issue 23's traps. Numerator and denominator both negated (right), or only one (wrong).
    ("1/x", "(-1)/(x^2)", 'R'),
    ("(x+1)/(x-1)", "(-2)/((x-1)^2)", 'R'),
    ("(x+1)/(x-1)", "2/(-(x-1)^2)", 'R'),
    ("(x+1)/(x-1)", "2/(x-1)^2", 'W'),
    ("(x+1)/(x-1)", "(-2)/(-(x-1)^2)", 'W'),
    ("(1-x)/(1+x)", "-2/(1+x)^2", 'R'),
    ("(1-x)/(1+x)", "2/(-(1+x)^2)", 'R'),
    ("(1-x)/(1+x)", "-2/(1+x)", 'W'),
    // Answers near poles, where f′ is huge and round-off large.
    ("1/(x-1)^2", "-2/(x-1)^3", 'R'),
    ("1/(x-1)^2", "2/(x-1)^3", 'W'),
    ("1/x^2", "-2/x^3", 'R'),
    ("1/x^2", "-2x^(-3)", 'R'),
    ("1/x^2", "-2/x^2", 'W'),
    ("1/(x^2-4)", "-2x/(x^2-4)^2", 'R'),
    ("1/(x^2-4)", "2x/(x^2-4)^2", 'W'),
    ("tan(2x)", "2/cos(2x)^2", 'R'),
    ("tan(2x)", "2sec(2x)^2", 'R'),
    ("tan(2x)", "1/cos(2x)^2", 'W'),
    ("1/(x-0.001)", "-1/(x-0.001)^2", 'R'),
    ("1/(x-0.001)", "1/(x-0.001)^2", 'W'),
    ("1/(x-0.001)", "-1/(x-0.0011)^2", 'W'),
    ("ln(x-1)", "1/(1-x)", 'W'),
    // Domains of powers: defined on part of the line, or at isolated points only.
    ("x^x", "x^x (ln(x) + 1)", 'R'),
    ("x^x", "x x^(x-1)", 'W'),
    ("x^(1/3)", "x^(-2/3)/3", 'R'),
    ("x^(1/3)", "x^(-2/3)", 'W'),
    ("sqrt(x-2)", "1/(2sqrt(x-2))", 'R'),
    ("sqrt(x-2)", "1/sqrt(x-2)", 'W'),
    ("sqrt(-x)", "-1/(2sqrt(-x))", 'R'),
    ("sqrt(-x)", "1/(2sqrt(-x))", 'W'),
    ("(-3)^x", "(-3)^x ln(3)", 'U'),
    ("sqrt(-x^2)", "0", 'U'),
    // Constants hidden as letters: right for every value, not only for 1.
    ("a^x", "a^x ln(a)", 'R'),
    ("a^x", "x a^(x-1)", 'W'),
    ("a^x", "a^x", 'W'),
    ("x^n", "n x^(n-1)", 'R'),
    ("x^n", "n x^n", 'W'),
    ("x^n", "x^(n-1)", 'W'),
    ("e^(k x)", "e^(k x)", 'W'),
    ("a sin(b x)", "a b cos(b x)", 'R'),
    ("a sin(b x)", "a cos(b x)", 'W'),
    ("a sin(b x)", "b cos(b x)", 'W'),
    ("c", "0", 'R'),
    ("c x", "c", 'R'),
    ("c x", "1", 'W'),
    ("x/a", "1/a", 'R'),
    ("x/a", "a", 'W'),
    ("m x + q", "m", 'R'),
    ("m x + q", "q", 'W'),
    // ln|x| against ln x, on both sides of 0.
    ("ln(abs(x))", "1/abs(x)", 'W'),
    ("ln(x^2)", "2/x", 'R'),
    ("ln(x^2)", "2/abs(x)", 'W'),
    ("ln(abs(2x))", "1/x", 'R'),
    ("ln(-x)", "1/x", 'R'),
    ("ln(-x)", "-1/x", 'W'),
    ("ln(x)", "1/x + 0*ln(-x)", 'R'),
    // Textbook exercises in other forms.
    ("x^4 - 3x^2", "4x^3 - 6x", 'R'),
    ("x^4 - 3x^2", "2x(2x^2 - 3)", 'R'),
    ("x^4 - 3x^2", "4x^3 - 3x", 'W'),
    ("x^(-2)", "-2x^(-3)", 'R'),
    ("x^(-2)", "-2x^(-1)", 'W'),
    ("x^(3/2)", "1.5 sqrt(x)", 'R'),
    ("x^(3/2)", "(3/2)x^(1/2)", 'R'),
    ("x^(3/2)", "x^(1/2)", 'W'),
    ("e^x sin(x)", "e^x (sin(x) + cos(x))", 'R'),
    ("e^x sin(x)", "e^x cos(x)", 'W'),
    ("sin(x) cos(x)", "cos(2x)", 'R'),
    ("sin(x) cos(x)", "cos(x)^2 - sin(x)^2", 'R'),
    ("sin(x) cos(x)", "-sin(x) cos(x)", 'W'),
    ("sin(x)^3", "3sin(x)^2 cos(x)", 'R'),
    ("sin(x)^3", "3sin(x)^2", 'W'),
    ("cos(x)^2", "-sin(2x)", 'R'),
    ("cos(x)^2", "-2cos(x)sin(x)", 'R'),
    ("cos(x)^2", "2cos(x)sin(x)", 'W'),
    ("e^(-x)", "-e^(-x)", 'R'),
    ("e^(-x)", "e^(-x)", 'W'),
    ("x^2 e^(-x)", "x(2 - x)e^(-x)", 'R'),
    ("x^2 e^(-x)", "(2x + x^2)e^(-x)", 'W'),
    ("sqrt(4x^2 + 1)", "4x/sqrt(4x^2 + 1)", 'R'),
    ("sqrt(4x^2 + 1)", "1/(2sqrt(4x^2 + 1))", 'W'),
    ("ln(cos(x))", "-tan(x)", 'R'),
    ("ln(cos(x))", "tan(x)", 'W'),
    ("ln(cos(x))", "1/cos(x)", 'W'),
    ("2^(3x)", "3ln(2)*2^(3x)", 'R'),
    ("2^(3x)", "3*2^(3x)", 'W'),
    ("sec(x)", "sec(x) tan(x)", 'R'),
    ("sec(x)", "sin(x)/cos(x)^2", 'R'),
    ("sec(x)", "-sec(x) tan(x)", 'W'),
    ("asin(x)", "-1/sqrt(1 - x^2)", 'W'),
    ("acos(x)", "-1/sqrt(1 - x^2)", 'R'),
    ("tanh(3x)", "3(1 - tanh(3x)^2)", 'R'),
    ("tanh(3x)", "3/cosh(3x)^2", 'R'),
    ("tanh(3x)", "1 - tanh(3x)^2", 'W'),
    ("softplus(2x)", "2sigmoid(2x)", 'R'),
    ("softplus(2x)", "sigmoid(2x)", 'W'),
    (
        "x sigmoid(x)",
        "sigmoid(x) + x sigmoid(x)(1 - sigmoid(x))",
        'R',
    ),
    ("x sigmoid(x)", "sigmoid(x)(1 - sigmoid(x))", 'W'),
    // Large and small scales: the tolerance is relative, and small terms still count.
    ("x^2 + 1000000", "2x", 'R'),
    ("0.000001 x^2", "0.000002 x", 'R'),
    ("0.000001 x^2", "0.000001 x", 'W'),
    ("1000 x^3", "3000 x^2", 'R'),
    ("1000 x^3", "3000 x^2 + 1", 'W'),
];

#[test]
fn the_corpus_is_judged_without_false_negatives_or_positives() {
    assert!(CORPUS.len() >= 200, "{} triples", CORPUS.len());
    let mut false_negatives = Vec::new();
    let mut false_positives = Vec::new();
    let mut other = Vec::new();
    for &(f, answer, expected) in CORPUS {
        let read = |t: &str| parse(t).unwrap_or_else(|e| panic!("{t}: {e:?}"));
        let verdict = judge(&read(f), &read(answer), "x");
        let got = match verdict {
            Verdict::Right { .. } => 'R',
            Verdict::Wrong(_) => 'W',
            Verdict::Undecided => 'U',
        };
        match (expected, got) {
            (e, g) if e == g => {}
            ('R', 'W') => false_negatives.push((f, answer, verdict)),
            ('W', 'R') => false_positives.push((f, answer, verdict)),
            _ => other.push((f, answer, verdict)),
        }
    }
    println!(
        "{} triples: {} false negatives, {} false positives, {} other",
        CORPUS.len(),
        false_negatives.len(),
        false_positives.len(),
        other.len()
    );
    assert!(
        false_negatives.is_empty() && false_positives.is_empty() && other.is_empty(),
        "false negatives {false_negatives:#?}\nfalse positives {false_positives:#?}\nother {other:#?}"
    );
}

/// d/dx √(x²) = x/|x|: `1` is wrong, and the counterexample is x = −1 with both values.
#[test]
fn a_wrong_answer_comes_with_the_nicest_counterexample() {
    let v = judge(&parse("sqrt(x^2)").unwrap(), &parse("1").unwrap(), "x");
    let Verdict::Wrong(c) = v else {
        panic!("{v:?}")
    };
    assert_eq!((c.x, c.expected, c.got), (-1.0, -1.0, 1.0));
    let v = judge(&parse("a x^2").unwrap(), &parse("2x").unwrap(), "x");
    let Verdict::Wrong(c) = v else {
        panic!("{v:?}")
    };
    assert_eq!(c.constants.len(), 1);
    assert_eq!(c.constants[0].0, "a");
}

/// (x²)·2/x is 2x with a hole at 0: right, and the hole is named.
#[test]
fn a_right_answer_with_a_hole_says_where() {
    let v = judge(&parse("x^2").unwrap(), &parse("(x^2)*2/x").unwrap(), "x");
    assert_eq!(v, Verdict::Right { holes: vec![0.0] });
    let v = judge(&parse("x^2").unwrap(), &parse("2x").unwrap(), "x");
    assert_eq!(v, Verdict::Right { holes: vec![] });
}

mod mistakes {
    use slope::math::mistake::{diagnose, Mistake};
    use slope::math::parse;

    /// Each mistake class, recognised on at least two functions.
    const CASES: &[(&str, &str, Mistake)] = &[
        ("sin(x^2)", "cos(x^2)", Mistake::ChainNoInner),
        ("(2x+1)^3", "3(2x+1)^2", Mistake::ChainNoInner),
        ("e^(3x)", "e^(3x)", Mistake::ChainNoInner),
        ("x sin(x)", "cos(x)", Mistake::ProductOfDerivatives),
        ("x^2 e^x", "2x e^x", Mistake::ProductMissingTerm),
        ("x^2 ln(x)", "2x/x", Mistake::ProductOfDerivatives),
        ("x^2 sin(x)", "2x sin(x)", Mistake::ProductMissingTerm),
        ("x sin(x)", "x cos(x)", Mistake::ProductMissingFirstTerm),
        (
            "x^3 e^(2x)",
            "2x^3 e^(2x)",
            Mistake::ProductMissingFirstTerm,
        ),
        ("x/(x+1)", "-1/(x+1)^2", Mistake::QuotientSwapped),
        (
            "sin(x)/x",
            "(sin(x) - x cos(x))/x^2",
            Mistake::QuotientSwapped,
        ),
        ("x/(x+1)", "1/(x+1)", Mistake::QuotientNotSquared),
        ("x^2/(x-1)", "(x^2 - 2x)/(x-1)", Mistake::QuotientNotSquared),
        ("x^3", "3x^3", Mistake::PowerNotLowered),
        ("x^5 + x", "5x^5 + 1", Mistake::PowerNotLowered),
        ("x^3", "x^2", Mistake::PowerNotBroughtDown),
        ("x^4 + 2x", "x^3 + 2", Mistake::PowerNotBroughtDown),
        ("5x^2", "2x", Mistake::ConstantDropped),
        ("3sin(x)", "cos(x)", Mistake::ConstantDropped),
        ("2^x", "2^x", Mistake::ExponentialWithoutLn),
        ("3^(2x)", "2*3^(2x)", Mistake::ExponentialWithoutLn),
        ("2^x", "x*2^(x-1)", Mistake::PowerRuleOnExponential),
        ("10^x", "x*10^(x-1)", Mistake::PowerRuleOnExponential),
        ("cos(x)", "sin(x)", Mistake::TrigSign),
        ("x + sin(x)", "1 - cos(x)", Mistake::TrigSign),
        ("ln(x)", "1", Mistake::LnAsOne),
        ("x^2 + ln(x)", "2x + 1", Mistake::LnAsOne),
        ("x^2", "x^3/3", Mistake::Integrated),
        ("x^4", "x^5/5", Mistake::Integrated),
    ];

    #[test]
    fn each_mistake_is_recognised_on_two_functions() {
        let mut failed = Vec::new();
        for &(f, answer, mistake) in CASES {
            let d = diagnose(&parse(f).unwrap(), &parse(answer).unwrap(), "x");
            if d.as_ref().map(|d| d.mistake) != Some(mistake) {
                failed.push((f, answer, mistake, d));
            }
        }
        assert!(failed.is_empty(), "{failed:#?}");
        for m in CASES.iter().map(|c| c.2) {
            assert!(CASES.iter().filter(|c| c.2 == m).count() >= 2, "{m:?}");
        }
    }

    /// The chain rule's sentence names the inside and its derivative, as the example.
    #[test]
    fn the_sentence_says_where() {
        let d = diagnose(
            &parse("sin(x^2)").unwrap(),
            &parse("cos(x^2)").unwrap(),
            "x",
        )
        .unwrap();
        assert_eq!(
            d.sentence,
            "In the chain rule for sin(x²) you did not multiply by the derivative of the inside, x² → 2x."
        );
    }

    /// An answer no mistake explains gets what is known and where to start.
    #[test]
    fn a_hint_says_what_is_known_and_where_to_start() {
        use slope::math::mistake::hint;
        let h = hint(
            &parse("x^2 sin(x)").unwrap(),
            &parse("-2x sin(x) - x^2 cos(x)").unwrap(),
            "x",
        );
        assert_eq!(h.factor, Some(-1.0));
        assert_eq!(
            h.sentence,
            "Your answer is the derivative with the wrong sign: look for a minus sign that went missing or one too many. Start with the product rule."
        );
        let h = hint(&parse("x^3").unwrap(), &parse("6x^2").unwrap(), "x");
        assert_eq!(h.factor, Some(2.0));
        assert!(
            h.sentence
                .starts_with("Your answer is 2 times the derivative"),
            "{}",
            h.sentence
        );
        // x² + 1 and 2x meet at x = 1 only ((x − 1)² = 0): right there, not everywhere.
        let h = hint(&parse("x^2").unwrap(), &parse("x^2 + 1").unwrap(), "x");
        assert_eq!((h.factor, h.right_at.clone()), (None, vec![1.0]));
        assert!(
            h.sentence
                .starts_with("Your answer is right at x = 1 but not everywhere."),
            "{}",
            h.sentence
        );
    }

    /// A right answer is never diagnosed: every right triple of the corpus.
    #[test]
    fn no_mistake_is_found_in_a_right_answer() {
        for &(f, answer, verdict) in super::CORPUS {
            if verdict == 'R' {
                let d = diagnose(&parse(f).unwrap(), &parse(answer).unwrap(), "x");
                assert!(d.is_none(), "{f}, {answer}: {d:?}");
            }
        }
    }
}
