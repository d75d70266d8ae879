//! Derivatives: exact textbook results, the seed's hand calculations, undefined points, the
//! derivation steps, and the LaTeX and MathML printers.
#![cfg(not(target_arch = "wasm32"))]

use slope::math::{
    differentiate, eval_at, explain, parse, to_latex, to_mathml, to_text, Order, Phase, Rule,
};

#[track_caller]
fn check(input: &str, var: &str, expected: &str) {
    let f = parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
    let d = differentiate(&f, var);
    assert_eq!(to_text(&d.result), expected, "d/d{var} {input}");
}

#[track_caller]
fn dx(input: &str, expected: &str) {
    check(input, "x", expected);
}

#[test]
fn table_of_common_derivatives() {
    dx("7", "0");
    dx("x", "1");
    dx("x^2", "2x");
    dx("x^3", "3x^2");
    dx("x^n", "n*x^(n - 1)");
    dx("x^4", "4x^3");
    dx("sqrt(x)", "1/(2sqrt(x))");
    dx("√x", "1/(2sqrt(x))");
    dx("x^(1/2)", "1/(2sqrt(x))");
    dx("1/x", "-1/x^2");
    dx("x^(-1)", "-1/x^2");
    dx("exp(x)", "exp(x)");
    dx("e^x", "exp(x)");
    dx("2^x", "2^x*ln(2)");
    dx("a^x", "a^x*ln(a)");
    dx("ln(x)", "1/x");
    dx("log(x)", "1/x");
    dx("log(x, 2)", "1/(x*ln(2))");
    dx("log10(x)", "1/(x*ln(10))");
    dx("sin(x)", "cos(x)");
    dx("cos(x)", "-sin(x)");
    dx("tan(x)", "sec(x)^2");
    dx("cot(x)", "-csc(x)^2");
    dx("sec(x)", "sec(x)*tan(x)");
    dx("csc(x)", "-cot(x)*csc(x)");
    dx("asin(x)", "1/sqrt(1 - x^2)");
    dx("atan(x)", "1/(x^2 + 1)");
    dx("sinh(x)", "cosh(x)");
    dx("cosh(x)", "sinh(x)");
    dx("sigmoid(x)", "sigmoid(x)(1 - sigmoid(x))");
    dx("tanh(x)", "1 - tanh(x)^2");
    dx("relu(x)", "step(x)");
    dx("leaky_relu(x)", "0.99step(x) + 0.01");
    dx("leaky_relu(x, 0.2)", "0.8step(x) + 0.2");
    dx("softplus(x)", "sigmoid(x)");
    dx("abs(x)", "x/abs(x)");
}

#[test]
fn rules_with_worked_examples() {
    dx("5x^2", "10x");
    dx("-3x^3", "-9x^2");
    dx("x^2 + 3x", "2x + 3");
    dx("x^3 + 2x^2 + 5x + 1", "3x^2 + 4x + 5");
    dx("x^2(x+1)", "3x^2 + 2x");
    dx("(2x + 3)(x^2 - 1)", "6x^2 + 6x - 2");
    dx("(x^2 + 1)^3", "6x(x^2 + 1)^2");
    dx("sqrt(x^2 + 4)", "x/sqrt(x^2 + 4)");
    dx("1/(1 + e^(-x))", "exp(-x)/(exp(-x) + 1)^2");
    dx("sigmoid(2x + 1)", "2sigmoid(2x + 1)(1 - sigmoid(2x + 1))");
    dx("(x^2 + 1)/(x - 1)", "(x^2 - 2x - 1)/(x - 1)^2");
    dx("x^2/3", "2x/3");
    dx("x^2 sin(x)", "2x*sin(x) + x^2*cos(x)");
    dx("sin(x^2)", "2x*cos(x^2)");
    dx("sin(exp(x^2))", "2x*exp(x^2)*cos(exp(x^2))");
    dx("exp(-x^2/2)/sqrt(2pi)", "-x*exp(-x^2/2)/sqrt(2pi)");
    dx("log(1 + exp(x))", "exp(x)/(exp(x) + 1)");
    dx("x^(2/3)", "2/(3x^(1/3))");
}

#[test]
fn variable_exponents() {
    dx("x^x", "x^x(ln(x) + 1)");
    dx("x^sin(x)", "x^sin(x)(sin(x)/x + cos(x)*ln(x))");
    dx("2^(3x)", "3*2^(3x)*ln(2)");
    dx("log(x, x + 1)", "(ln(x + 1)/x - ln(x)/(x + 1))/ln(x + 1)^2");
}

#[test]
fn partial_derivatives() {
    check("2x + 3y + 1", "x", "2");
    check("2x + 3y + 1", "y", "3");
    check("x^2 + 2xy + y^2", "x", "2x + 2y");
    check("x^2 + 2xy + y^2", "y", "2x + 2y");
    check(
        "sigmoid(w*x + b)",
        "w",
        "x*sigmoid(w*x + b)(1 - sigmoid(w*x + b))",
    );
    check("x^2 y^3", "y", "3x^2*y^2");
    check("x^2", "t", "0");
}

#[track_caller]
fn value(input: &str, point: &[(&str, f64)]) -> f64 {
    let f = parse(input).unwrap();
    let d = differentiate(&f, point[0].0);
    let names: Vec<&str> = point.iter().map(|p| p.0).collect();
    let coords: Vec<f64> = point.iter().map(|p| p.1).collect();
    let v = d.program(&names).eval(&coords);
    // The tree-walking evaluator agrees wherever f is defined.
    if !eval_at(&f, point).is_nan() {
        assert_eq!(
            v.to_bits(),
            eval_at(&d.result, point).to_bits(),
            "{input} at {point:?}"
        );
    }
    v
}

#[test]
fn seed_hand_calculations() {
    assert_eq!(value("sigmoid(x)", &[("x", 0.0)]), 0.25);
    assert!((value("sigmoid(x)", &[("x", 1.0)]) - 0.196_611_933_241_481_85).abs() < 1e-15);
    assert!((value("tanh(x)", &[("x", 1.0)]) - 0.419_974_341_614_026_1).abs() < 1e-15);
    assert_eq!(value("tanh(x)", &[("x", 0.0)]), 1.0);
    let layer = value("sigmoid(2x + 1)", &[("x", 1.0)]);
    assert!((layer - 0.090_353_319_461_824_4).abs() < 1e-12, "{layer}");
    assert_eq!(value("x^3", &[("x", 1.5)]), 6.75);
    assert_eq!(value("2x^2 + 3x + 1", &[("x", 2.0)]), 11.0);
    assert_eq!(value("x^3 + 2x^2 + 5x + 1", &[("x", 2.0)]), 25.0);
    assert_eq!(value("(x^2 + 1)^3", &[("x", 1.0)]), 24.0);
    assert_eq!(value("relu(x)", &[("x", 2.0)]), 1.0);
    assert_eq!(value("relu(x)", &[("x", -1.0)]), 0.0);
    for (x, y, expected) in [(1.0, 2.0, 6.0), (3.0, -1.0, 4.0)] {
        assert_eq!(value("x^2 + 2xy + y^2", &[("x", x), ("y", y)]), expected);
        assert_eq!(value("x^2 + 2xy + y^2", &[("y", y), ("x", x)]), expected);
    }
    assert_eq!(value("2x + 3y + 1", &[("x", 5.0), ("y", -1.0)]), 2.0);
}

#[test]
fn undefined_where_the_derivative_does_not_exist() {
    for (f, x) in [
        ("abs(x)", 0.0),
        ("relu(x)", 0.0),
        ("sqrt(x)", 0.0),
        ("leaky_relu(x)", 0.0),
        ("x^(2/3)", 0.0),
    ] {
        let v = value(f, &[("x", x)]);
        assert!(v.is_nan(), "d/dx {f} at {x} should be undefined, got {v}");
    }
    assert_eq!(value("abs(x)", &[("x", -2.0)]), -1.0);
    assert_eq!(value("abs(x)", &[("x", 3.0)]), 1.0);
    assert_eq!(value("leaky_relu(x)", &[("x", -3.0)]), 0.01);
    assert!(value("ln(x)", &[("x", -1.0)]).is_nan());
    // The cusp x^(2/3) is defined for negative x: f′(−1) = −2/3.
    assert!((value("x^(2/3)", &[("x", -1.0)]) + 2.0 / 3.0).abs() < 1e-15);
}

#[track_caller]
fn rules(input: &str) -> Vec<&'static str> {
    let d = differentiate(&parse(input).unwrap(), "x");
    explain(&d, Order::Compact)
        .iter()
        .map(|l| l.rule.name())
        .collect()
}

#[test]
fn derivations_name_every_rule() {
    assert_eq!(rules("x^2"), ["Power", "Simplify"]);
    assert_eq!(rules("5x^2"), ["ConstantMultiple", "Power", "Simplify"]);
    assert_eq!(
        rules("x^2 + 3x"),
        ["Sum", "Power", "ConstantMultiple", "Variable", "Simplify"]
    );
    assert_eq!(
        rules("x^2 - 1"),
        ["Difference", "Power", "Constant", "Simplify"]
    );
    assert_eq!(
        rules("x^2(x + 1)"),
        ["Product", "Power", "Sum", "Variable", "Constant", "Simplify"]
    );
    assert_eq!(
        rules("1/(1 + exp(-x))"),
        [
            "Quotient",
            "Constant",
            "Sum",
            "Constant",
            "Chain",
            "Exponential",
            "ConstantMultiple",
            "Variable",
            "Simplify"
        ]
    );
    assert_eq!(
        rules("(x^2 + 1)^3"),
        ["Chain", "Power", "Sum", "Power", "Constant", "Simplify"]
    );
    assert_eq!(rules("sigmoid(x)"), ["Sigmoid", "Simplify"]);
    assert_eq!(
        rules("x^x"),
        ["LogarithmicDifferentiation", "Variable", "Simplify"]
    );
    assert_eq!(rules("2^x"), ["GeneralExponential", "Simplify"]);
    assert_eq!(rules("relu(x)"), ["ReLU", "Simplify"]);
}

#[test]
fn step_text_reads_like_the_worked_examples() {
    let d = differentiate(&parse("(x^2 + 1)^3").unwrap(), "x");
    let text: Vec<String> = explain(&d, Order::Compact)
        .iter()
        .map(|l| format!("{}{}", "  ".repeat(l.depth), l.text()))
        .collect();
    assert_eq!(
        text,
        [
            "Chain rule with inner function u = x^2 + 1 and outer function u^3: multiply the outer derivative (at u) by du/dx: d/dx (x^2 + 1)^3 = 3(x^2 + 1)^2(2x)",
            "  Power rule, bring the exponent down and lower it by one: d/du u^3 = 3u^2",
            "  Sum rule, differentiate term by term: d/dx (x^2 + 1) = 2x",
            "    Power rule, bring the exponent down and lower it by one: d/dx x^2 = 2x",
            "    Constant rule: d/dx 1 = 0 (it does not change with x)",
            "Simplify: d/dx (x^2 + 1)^3 = 6x(x^2 + 1)^2",
        ]
    );
    let d = differentiate(&parse("x^2(x + 1)").unwrap(), "x");
    let first = explain(&d, Order::Compact)[0].text();
    assert_eq!(
        first,
        "Product rule (uv)′ = u′v + uv′ with u = x^2 and v = x + 1: d/dx x^2(x + 1) = 2x(x + 1) + x^2"
    );
}

/// Textbook order: name the parts, differentiate each, combine, simplify; each line points at
/// the part of f it acts on.
#[test]
fn textbook_order_names_parts_then_combines() {
    let f = parse("(2x + 3)(x^2 - 1)").unwrap();
    let d = differentiate(&f, "x");
    let lines = explain(&d, Order::Textbook);
    let text: Vec<String> = lines
        .iter()
        .map(|l| format!("{}{}", "  ".repeat(l.depth), l.text()))
        .collect();
    assert_eq!(
        text,
        [
            "Product rule (uv)′ = u′v + uv′, name the parts: u = 2x + 3 and v = x^2 - 1.",
            "  Sum rule: differentiate the terms 2x and 3 one at a time.",
            "    Constant multiple rule: keep the factor 2 and differentiate x.",
            "      Variable rule: d/dx x = 1",
            "    Constant multiple rule, multiply by 2: d/dx 2x = 2",
            "    Constant rule: d/dx 3 = 0 (it does not change with x)",
            "  Sum rule, add the derivatives: d/dx (2x + 3) = 2",
            "  Difference rule: differentiate x^2 and 1 one at a time.",
            "    Power rule, bring the exponent down and lower it by one: d/dx x^2 = 2x",
            "    Constant rule: d/dx 1 = 0 (it does not change with x)",
            "  Difference rule, subtract the derivatives: d/dx (x^2 - 1) = 2x",
            "Product rule, combine u′v + uv′ with u′ = 2 and v′ = 2x: d/dx (2x + 3)(x^2 - 1) = 2(x^2 - 1) + (2x + 3)(2x)",
            "Simplify: d/dx (2x + 3)(x^2 - 1) = 6x^2 + 6x - 2",
        ]
    );
    let phases: Vec<Phase> = lines.iter().map(|l| l.phase).collect();
    assert_eq!(phases[0], Phase::Parts);
    assert_eq!(phases[11], Phase::Combine);
    // Where each acts: the whole, u, u's 2x, its x, …, v's x^2.
    let at = |i: usize| to_text(f.at_path(&lines[i].at).unwrap());
    assert_eq!(
        (0..lines.len()).map(at).collect::<Vec<_>>(),
        [
            "(2x + 3)(x^2 - 1)",
            "2x + 3",
            "2x",
            "x",
            "2x",
            "3",
            "2x + 3",
            "x^2 - 1",
            "x^2",
            "1",
            "x^2 - 1",
            "(2x + 3)(x^2 - 1)",
            "(2x + 3)(x^2 - 1)",
        ]
    );

    let f = parse("sigmoid(2x + 1)").unwrap();
    let d = differentiate(&f, "x");
    let lines = explain(&d, Order::Textbook);
    assert_eq!(
        lines[0].text(),
        "Chain rule, name the parts: outer sigmoid(u), inner u = 2x + 1."
    );
    // The outer derivative is in u: it points at the whole composition.
    assert_eq!(
        lines[1].text(),
        "Sigmoid rule: d/du sigmoid(u) = sigmoid(u)(1 - sigmoid(u))"
    );
    assert_eq!(lines[1].at, Vec::<usize>::new());
    assert_eq!(to_text(f.at_path(&lines[2].at).unwrap()), "2x + 1");
    assert_eq!(
        lines[lines.len() - 2].text(),
        "Chain rule, put u = 2x + 1 into the outer derivative and multiply by du/dx = 2: d/dx sigmoid(2x + 1) = 2sigmoid(2x + 1)(1 - sigmoid(2x + 1))"
    );
}

#[test]
fn latex_printer() {
    let latex = |s: &str| to_latex(&parse(s).unwrap());
    assert_eq!(latex("x^2"), "{x}^{2}");
    assert_eq!(latex("1/(2sqrt(x))"), "\\frac{1}{2 \\sqrt{x}}");
    assert_eq!(latex("sin(x)^2"), "\\sin ^{2}\\left(x\\right)");
    assert_eq!(
        latex("sigmoid(x)(1 - sigmoid(x))"),
        "\\sigma \\left(x\\right) \\left(1 - \\sigma \\left(x\\right)\\right)"
    );
    assert_eq!(latex("exp(-x)"), "{e}^{-x}");
    assert_eq!(latex("log(x, 2)"), "{\\log }_{2}\\left(x\\right)");
    assert_eq!(latex("abs(x) + pi"), "\\left|x\\right| + \\pi ");
    assert_eq!(latex("x_1*2"), "\\mathrm{x\\_1} \\cdot 2");
    assert_eq!(latex("cbrt(x)"), "\\sqrt[3]{x}");
    assert_eq!(
        latex("floor(x) + ceil(x)"),
        "\\left\\lfloor x\\right\\rfloor  + \\left\\lceil x\\right\\rceil "
    );
    // What the LaTeX printer writes, the parser reads back.
    for f in [
        "cbrt(x)",
        "abs(x - 1)",
        "sqrt(x + 1)/x",
        "e^(2x)",
        "sin(x)^2",
    ] {
        let e = parse(f).unwrap();
        assert_eq!(to_text(&parse(&to_latex(&e)).unwrap()), to_text(&e), "{f}");
    }
}

#[test]
fn mathml_printer_builds_escaped_trees() {
    let ml = |s: &str| to_mathml(&parse(s).unwrap());
    assert_eq!(
        ml("x^2"),
        "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><msup><mrow><mi>x</mi></mrow><mrow><mn>2</mn></mrow></msup></math>"
    );
    let frac = ml("1/x");
    assert!(
        frac.contains("<mfrac><mrow><mn>1</mn></mrow><mrow><mi>x</mi></mrow></mfrac>"),
        "{frac}"
    );
    let sqrt = ml("sqrt(x)");
    assert!(
        sqrt.contains("<msqrt><mrow><mi>x</mi></mrow></msqrt>"),
        "{sqrt}"
    );
    let sin = ml("sin(x)");
    assert!(sin.contains("<mi>sin</mi><mo>&#x2061;</mo>"), "{sin}");
    // Nothing typed can become markup: the only text that reaches the output is escaped.
    let tricky = slope::math::Expr::Var("<script>alert(1)</script>&".into());
    let out = to_mathml(&tricky);
    assert!(!out.contains("<script"), "{out}");
    assert!(
        out.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;"),
        "{out}"
    );
}

#[test]
fn derivative_results_round_trip_through_the_parser() {
    for f in [
        "x^2(x+1)",
        "1/x",
        "sigmoid(x)",
        "(x^2+1)^3",
        "x^x",
        "exp(-x^2/2)/sqrt(2*pi)",
        "atan(x)*x^5",
        "x^(2/3)",
    ] {
        let d = differentiate(&parse(f).unwrap(), "x").result;
        let text = to_text(&d);
        let back = parse(&text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert_eq!(to_text(&back), text);
        for x in [0.3, 1.7, 2.9] {
            let (a, b) = (eval_at(&d, &[("x", x)]), eval_at(&back, &[("x", x)]));
            assert!((a - b).abs() <= 1e-12 * a.abs().max(1.0), "{f}: {a} vs {b}");
        }
    }
}

#[test]
fn rule_titles() {
    assert_eq!(Rule::Chain.title(), "Chain rule");
    assert_eq!(Rule::ConstantMultiple.title(), "Constant multiple rule");
    assert_eq!(Rule::Simplify.title(), "Simplify");
}

#[test]
fn the_largest_accepted_inputs_fit_a_small_stack() {
    // Whatever parses must also differentiate, simplify, print and evaluate on a 1 MiB stack,
    // wasm's default (the site is a release build; measured need: 256 KiB). Debug builds'
    // frames are ~16x larger, so they get 8 MiB.
    let chain = vec!["x"; 127].join("+");
    let products = vec!["sin(x)"; 100].join("*");
    let fractions = "1/(x+".repeat(20) + "x" + &")".repeat(20);
    let powers = "(".repeat(30) + "x" + &"+1)^2".repeat(30);
    let inputs = [chain, products, fractions, powers];
    for src in &inputs {
        assert!(parse(src).is_ok(), "{src} should be accepted");
    }
    let too_long = vec!["x"; 130].join("+");
    assert!(parse(&too_long).is_err(), "130 terms in a row are refused");
    let handle = std::thread::Builder::new()
        .stack_size(if cfg!(debug_assertions) {
            8 << 20
        } else {
            1 << 20
        })
        .spawn(move || {
            for src in &inputs {
                let d = differentiate(&parse(src).unwrap(), "x");
                let text = to_text(&d.result);
                let _ = (
                    to_latex(&d.result),
                    to_mathml(&d.result),
                    explain(&d, Order::Textbook),
                );
                let _ = d.program(&["x"]).eval(&[0.5]);
                assert!(!text.is_empty());
            }
        })
        .unwrap();
    handle.join().expect("no stack overflow");
}

#[test]
fn runaway_derivatives_stop_instead_of_hanging() {
    // Each level doubles the derivative (the slope is the variable too): 2^40 steps unbounded.
    let src = "leaky_relu(".repeat(40) + "x" + &", x)".repeat(40);
    let d = differentiate(&parse(&src).unwrap(), "x");
    assert!(!d.complete);
    assert!(
        eval_at(&d.result, &[("x", 1.0)]).is_nan(),
        "an unfinished derivative is undefined"
    );
    let lines = explain(&d, Order::Textbook);
    assert_eq!(lines.last().unwrap().rule, Rule::Unfinished);
    // Ordinary functions are nowhere near the limit.
    assert!(
        differentiate(
            &parse("sin(x)^2*cos(3x) + x^x + sigmoid(2x+1)").unwrap(),
            "x"
        )
        .complete
    );
}

/// f′ does not exist at a jump or a corner, even where f is defined there.
#[test]
fn no_derivative_at_jumps_and_corners() {
    use slope::math::Study;
    let at = |f: &str, x: f64| Study::parse(f).unwrap().df_at(x);
    for f in ["floor(x)", "ceil(x)", "floor(2x) + x"] {
        assert!(at(f, 1.0).is_nan(), "{f} at 1");
        assert!(at(f, -2.0).is_nan(), "{f} at -2");
    }
    assert_eq!(at("floor(x)", 1.5), 0.0);
    assert_eq!(at("floor(2x) + x", 1.25), 1.0);
    assert!(at("floor(2x) + x", 1.5).is_nan());
    assert!(at("sign(x)", 0.0).is_nan());
    assert_eq!(at("sign(x)", -3.0), 0.0);
    assert_eq!(at("x sign(x)", -3.0), -1.0);
    assert!(at("max(x, x^2)", 0.0).is_nan());
    assert!(at("max(x, x^2)", 1.0).is_nan());
    assert_eq!(at("max(x, x^2)", 0.5), 1.0);
    assert_eq!(at("max(x, x^2)", 2.0), 4.0);
    assert_eq!(at("min(x, x^2)", 2.0), 1.0);
    assert_eq!(at("cbrt(x)", 8.0), 1.0 / 12.0);
    assert_eq!(Study::parse("cbrt(x)").unwrap().f_at(-8.0), -2.0);
    assert!(at("cbrt(x)", 0.0).is_nan());
}

/// Huge derivatives stop simplifying when the engine's counted work budget runs out (no
/// clock involved), and the untidy result is still the right derivative.
#[test]
fn simplification_is_bounded_by_a_work_budget() {
    let chain: Vec<String> = (1..=40).map(|i| format!("(x+{i})")).collect();
    let chain = chain.join("/");
    let f = parse(&chain).unwrap();
    let d = differentiate(&f, "x");
    assert!(d.complete && !d.fully_simplified);
    for x in [0.5, 2.0, 7.25] {
        let h = 1e-6;
        let fd = (eval_at(&f, &[("x", x + h)]) - eval_at(&f, &[("x", x - h)])) / (2.0 * h);
        let exact = eval_at(&d.result, &[("x", x)]);
        assert!(
            (exact - fd).abs() <= 1e-6 * fd.abs().max(1e-300),
            "{x}: {exact} vs {fd}"
        );
    }
    // Ordinary functions are nowhere near the budget.
    for f in [
        "x^2 sin(x)",
        "(x^2 + 1)^3",
        "sigmoid(2x + 1)",
        "x^x",
        "(x+1)/(x-1)",
    ] {
        assert!(
            differentiate(&parse(f).unwrap(), "x").fully_simplified,
            "{f}"
        );
    }
}

/// What a textbook prints (issue 7 §3).
#[test]
fn textbook_forms() {
    dx("ln|x|", "1/x");
    dx("x|x|", "2abs(x)");
    dx("|x|^2", "2x");
    dx("atan(1/x)", "-1/(x^2 + 1)");
    dx("ln(cos(x))", "-tan(x)");
    dx("ln(sin(x))", "cot(x)");
    dx("(x^2-1)/(x+1)", "1");
    dx("x^2/(x+1)^2", "2x/(x + 1)^3");
    dx("exp(ln(x))", "1");
    dx("(x^3 - 1)/(x - 1)", "2x + 1");
    dx("sin(x)cos(x)tan(x)", "2cos(x)*sin(x)");
    dx("cos(x)^2 + sin(x)^2", "0");
    dx("1/cos(x)", "sec(x)*tan(x)");
    dx("x*tan(x)", "tan(x) + x*sec(x)^2");
    // The product rule's own form stays when an identity would save little.
    dx("sin(x)cos(x)", "cos(x)^2 - sin(x)^2");
    // The course's forms stay.
    dx("sigmoid(x)", "sigmoid(x)(1 - sigmoid(x))");
    dx("tanh(x)", "1 - tanh(x)^2");
    dx("x^2(x + 1)", "3x^2 + 2x");
    // Exact integers, never floats, however many factors.
    let many: Vec<String> = (1..=26).map(|i| format!("(x+{i})")).collect();
    let d = to_text(&differentiate(&parse(&many.join("*")).unwrap(), "x").result);
    assert!(!d.contains('e') && !d.contains('.'), "{d}");
}

/// Brackets a student needs: `2^(x^2)` is not printed `2^x^2`.
#[test]
fn powers_of_powers_keep_their_brackets() {
    let t = |s: &str| to_text(&parse(s).unwrap());
    assert_eq!(t("2^(x^2)"), "2^(x^2)");
    assert_eq!(t("2^x^2"), "2^(x^2)");
    assert_eq!(t("(2^x)^2"), "(2^x)^2");
    dx("2^(x^2)", "2x*2^(x^2)*ln(2)");
}

/// Where the simplified derivative holds only on part of the domain, the last step says so.
#[test]
fn the_last_step_states_where_a_cancellation_holds() {
    let last = |s: &str| {
        let d = differentiate(&parse(s).unwrap(), "x");
        explain(&d, Order::Textbook).last().unwrap().text()
    };
    assert!(
        last("(x^2-1)/(x+1)").ends_with("= 1 (for x ≠ -1)"),
        "{}",
        last("(x^2-1)/(x+1)")
    );
    assert!(
        last("exp(ln(x))").ends_with("= 1 (for x > 0)"),
        "{}",
        last("exp(ln(x))")
    );
    assert!(!last("x^2").contains("for"), "{}", last("x^2"));
    // 0/0 is undefined, never 0.
    assert!(eval_at(&slope::math::simplify(&parse("0/0").unwrap()), &[]).is_nan());
    assert!(eval_at(
        &slope::math::simplify(&parse("x*0/0").unwrap()),
        &[("x", 1.0)]
    )
    .is_nan());
}

/// Undefined in, undefined out; and no false "no derivative" where a simplification shows
/// one exists.
#[test]
fn values_at_the_edges() {
    use slope::math::Study;
    let at = |f: &str, x: f64| {
        let s = Study::parse(f).unwrap();
        (s.f_at(x), s.df_at(x))
    };
    for f in ["ln(x)^0", "1^ln(x)", "sqrt(x)^0*x"] {
        let (v, d) = at(f, -1.0);
        assert!(v.is_nan() && d.is_nan(), "{f} at -1: {v}, {d}");
    }
    for f in ["0/0", "ln(0)", "1/(x-x)"] {
        let d = differentiate(&parse(f).unwrap(), "x");
        assert!(
            d.result.constant_value().is_some_and(f64::is_nan),
            "{f}: {}",
            to_text(&d.result)
        );
    }
    dx("max(x, x)", "1");
    dx("abs(x)^3", "3x*abs(x)");
    dx("relu(x)^2", "2relu(x)");
    dx("cbrt(x^3)", "1");
    assert_eq!(at("abs(x)^3", 0.0).1, 0.0);
    assert_eq!(at("relu(x)^2", 0.0).1, 0.0);
    // A bounded jump factor times 0: the derivative exists there (both sides tend to 0).
    for f in ["x*relu(x)", "max(0, x)^2", "leaky_relu(x)^2"] {
        assert_eq!(at(f, 0.0).1, 0.0, "{f}");
    }
    // A genuine corner keeps its missing derivative.
    for f in ["abs(x)", "relu(x)", "relu(x)*sign(x)", "leaky_relu(x)"] {
        assert!(at(f, 0.0).1.is_nan(), "{f}");
    }
}

/// A part that mentions x but is a constant (`(x - x)·x`, `floor(1/4)·x` = 0·x) takes the
/// constant rule, and the step says what it simplifies to. The rules alone gave 0/0 through
/// `sqrt(0)`: f′ = 1 - floor(0.25)/(2sqrt(x floor(0.25))), undefined everywhere while f = x.
/// Found by `rule_sum_and_difference`.
#[test]
fn a_constant_in_disguise_takes_the_constant_rule() {
    check("x - sqrt(floor(0.25)*x)", "x", "1");
    check("sqrt((x - x)*x)", "x", "0");
    check("x^2 + cbrt((x - x)*sin(x))", "x", "2x");
    let d = differentiate(&parse("sqrt((x - x)*x)").unwrap(), "x");
    assert_eq!(d.root.rule, Rule::Constant);
    let first = &explain(&d, Order::Textbook)[0];
    let text = first.text();
    assert!(text.contains("it simplifies to 0"), "{text}");
    // Jump functions of exact numbers are folded exactly: floor(7/2) = 3, ceil(-7/2) = -3.
    check("x*floor(7/2) + x*ceil(-7/2) + x*sign(-2/3)", "x", "-1");
}

/// Found by an audit against a 100-digit evaluator: cot and csc at 0 gave ∞ (1/tan 0), which
/// later functions turned into numbers (`atan(cot x)` = π/2 at 0, `1/cot x` = 0 with slope 1)
/// where f is undefined. And `max(u, v)` with u − v = 0 written differently gave step(0),
/// undefined everywhere.
#[test]
fn reciprocal_trig_at_its_poles_and_max_of_equal_parts() {
    use slope::math::Study;
    for f in ["1/cot(x)", "atan(cot(x))", "tanh(cot x)", "e^(-csc(x)^2)"] {
        let s = Study::parse(f).unwrap();
        assert!(s.f_at(0.0).is_nan() && s.df_at(0.0).is_nan(), "{f} at 0");
        assert!(
            s.f_at(1.0).is_finite() && s.df_at(1.0).is_finite(),
            "{f} at 1"
        );
    }
    check("max(x^2, x*x)", "x", "2x");
    check("min(2x, x + x)", "x", "2");
}

/// The hyperbolic secant, cosecant and cotangent and their inverses, with the textbook's
/// derivatives.
#[test]
fn reciprocal_hyperbolic_functions_and_their_inverses() {
    dx("sech(x)", "-sech(x)*tanh(x)");
    dx("csch(x)", "-coth(x)*csch(x)");
    dx("coth(x)", "-csch(x)^2");
    dx("asech(x)", "-1/(x*sqrt(1 - x^2))");
    dx("acsch(x)", "-1/(abs(x)*sqrt(x^2 + 1))");
    dx("acoth(x)", "1/(1 - x^2)");
    // The chain rule around them, and the names students type for the inverses.
    dx("sech(2x)", "-2sech(2x)*tanh(2x)");
    dx("coth(x^2)", "-2x*csch(x^2)^2");
    for (typed, canonical) in [
        ("sech^-1(x)", "asech(x)"),
        ("csch⁻¹(x)", "acsch(x)"),
        ("coth^-1(x)", "acoth(x)"),
        (
            "arsech(x) + arcsch(x) + arcoth(x)",
            "asech(x) + acsch(x) + acoth(x)",
        ),
        (
            "arcsech(x) + arccsch(x) + arccoth(x)",
            "asech(x) + acsch(x) + acoth(x)",
        ),
        ("sechx", "sech(x)"),
        ("Coth x", "coth(x)"),
    ] {
        assert_eq!(to_text(&parse(typed).unwrap()), canonical, "{typed}");
    }
    let rule = |f: &str| differentiate(&parse(f).unwrap(), "x").root.rule.title();
    assert_eq!(rule("sech(x)"), "Hyperbolic secant rule");
    assert_eq!(rule("acoth(x)"), "Inverse hyperbolic cotangent rule");
    assert_eq!(
        slope::math::to_speech(&parse("sech(x) + acsch(x)").unwrap()),
        "hyperbolic secant of x plus inverse hyperbolic cosecant of x"
    );
    let ml = to_mathml(&parse("asech(x)*coth(x)^2").unwrap());
    assert!(ml.contains("<mi>arsech</mi>"), "{ml}");
    assert!(
        ml.contains("<msup><mrow><mi>coth</mi></mrow><mrow><mn>2</mn></mrow></msup>"),
        "{ml}"
    );
}

/// Each new derivative agrees with a central difference of its function at points across
/// its domain (the formulas compiled as the site compiles them).
#[test]
fn reciprocal_hyperbolic_derivatives_match_central_differences() {
    use slope::math::Study;
    let cases: [(&str, &[f64]); 6] = [
        ("sech(x)", &[-3.0, -0.7, 0.0, 0.4, 2.5]),
        ("csch(x)", &[-3.0, -0.7, 0.4, 2.5]),
        ("coth(x)", &[-3.0, -0.7, 0.4, 2.5]),
        ("asech(x)", &[0.05, 0.3, 0.6, 0.95]),
        ("acsch(x)", &[-3.0, -0.7, 0.4, 2.5]),
        ("acoth(x)", &[-4.0, -1.3, 1.2, 3.0]),
    ];
    for (f, xs) in cases {
        let s = Study::parse(f).unwrap();
        for &x in xs {
            let h = 1e-6 * x.abs().max(1e-2);
            let central = (s.f_at(x + h) - s.f_at(x - h)) / (2.0 * h);
            let exact = s.df_at(x);
            assert!(
                (exact - central).abs() <= 1e-6 * exact.abs().max(1.0),
                "d/dx {f} at {x}: {exact} but the central difference is {central}"
            );
        }
    }
}

/// Outside their domains, and at the poles of coth and csch, the functions and their
/// derivatives are undefined (NaN), never ±∞ or a number.
#[test]
fn reciprocal_hyperbolic_functions_are_undefined_outside_their_domains() {
    use slope::math::Study;
    let undefined: [(&str, &[f64]); 6] = [
        ("coth(x)", &[0.0]),
        ("csch(x)", &[0.0]),
        ("acsch(x)", &[0.0]),
        ("asech(x)", &[-0.5, 0.0, 1.5]),
        ("acoth(x)", &[-1.0, -0.5, 0.0, 0.5, 1.0]),
        ("atan(coth(x)) + 1/csch(x)", &[0.0]),
    ];
    for (f, xs) in undefined {
        let s = Study::parse(f).unwrap();
        for &x in xs {
            assert!(s.f_at(x).is_nan(), "{f} at {x} is {}", s.f_at(x));
            assert!(s.df_at(x).is_nan(), "{f}′ at {x} is {}", s.df_at(x));
        }
    }
    // sech is defined everywhere; asech at its right end, without a derivative there.
    let sech = Study::parse("sech(x)").unwrap();
    assert_eq!(sech.f_at(0.0), 1.0);
    assert!(sech.f_at(800.0) == 0.0 && sech.df_at(0.0) == 0.0);
    let asech = Study::parse("asech(x)").unwrap();
    assert_eq!(asech.f_at(1.0), 0.0);
    assert!(asech.df_at(1.0).is_nan());
    // The hole of f′ for a function with csch in it is stated where it simplifies away.
    let d = differentiate(&parse("x*csch(x)*sinh(x)").unwrap(), "x");
    assert_eq!(to_text(&d.result), "1");
    assert_eq!(
        slope::math::explain::where_it_holds(&d).as_deref(),
        Some("for x ≠ 0")
    );
}

/// A product or quotient of trigonometric functions that is one of them is differentiated
/// as that one: the textbook's `cos(x)` for tan(x)cos(x), not `sec(x) - sin(x)tan(x)`; the
/// points where f is undefined are stated and stay undefined in f′.
#[test]
fn trigonometric_factors_that_are_one_function() {
    use slope::math::{Program, Study};
    dx("tan(x)*cos(x)", "cos(x)");
    dx("sin(x)/tan(x)", "-sin(x)");
    dx("cot(x)*sin(x)", "-sin(x)");
    dx("tan(x)/sin(x)", "sec(x)*tan(x)");
    dx("sec(x)*cos(x)", "0");
    dx("3tan(2x)cos(2x)", "6cos(2x)");
    dx("-tan(x)cos(x)", "-cos(x)");
    // With other factors beside them: the trigonometric ones merge, the rest keeps its rule.
    dx("x*tan(x)*cos(x)", "sin(x) + x*cos(x)");
    dx("x*sec(x)*cos(x)", "1");
    dx("e^x*cot(x)*sin(x)", "exp(x)(cos(x) - sin(x))");
    dx("sin(x)/(x*tan(x))", "(-cos(x) - x*sin(x))/x^2");
    // The hyperbolic functions are sinh and cosh inside products too.
    dx("tanh(x)*cosh(x)", "cosh(x)");
    dx("sech(x)*sinh(x)", "1 - tanh(x)^2");
    dx("1/coth(x)", "sech(x)^2");
    dx("1/sinh(x)", "-coth(x)*csch(x)");
    dx("x/tanh(x)", "x + coth(x) - x*coth(x)^2");
    let d = differentiate(&parse("tan(x)*cos(x)").unwrap(), "x");
    assert_eq!(d.root.rule, Rule::Rewrite);
    assert_eq!(to_text(&d.root.children[0].input), "sin(x)");
    let holds = |f: &str| {
        let d = differentiate(&parse(f).unwrap(), "x");
        slope::math::explain::where_it_holds(&d)
    };
    assert_eq!(holds("tan(x)*cos(x)").as_deref(), Some("for cos(x) ≠ 0"));
    assert_eq!(
        holds("sin(x)/tan(x)").as_deref(),
        Some("for cos(x) ≠ 0 and sin(x) ≠ 0")
    );
    let s = Study::parse("tan(x)*cos(x)").unwrap();
    assert_eq!(s.df_at(0.5), 0.5f64.cos());
    // f′ = -sin(x) is 0 at 0 as a formula; f is undefined there, and so is f′ on the page.
    for f in ["sin(x)/tan(x)", "cot(x)*sin(x)"] {
        let s = Study::parse(f).unwrap();
        let d = differentiate(&parse(f).unwrap(), "x");
        assert_eq!(Program::compile(&d.result, &["x"]).eval(&[0.0]), 0.0, "{f}");
        assert!(s.f_at(0.0).is_nan() && s.df_at(0.0).is_nan(), "{f}");
        assert_eq!(s.df_at(1.0), -(1.0f64.sin()), "{f}");
    }
    // sin and cos alone are the definition of tan: the quotient rule stays (it is how tan′ is
    // first found).
    let d = differentiate(&parse("sin(x)/cos(x)").unwrap(), "x");
    assert_eq!(d.root.rule, Rule::Quotient);
    assert_eq!(to_text(&d.result), "sec(x)^2");
    // A product that does not reduce to one function keeps the product rule.
    let d = differentiate(&parse("sin(x)*tan(x)").unwrap(), "x");
    assert_eq!(d.root.rule, Rule::Product);
}
