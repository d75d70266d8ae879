//! Parsing: friendly input read as students mean it (checked through the canonical echo),
//! and errors with the right kind, message and span.
#![cfg(not(target_arch = "wasm32"))]

use slope::math::{parse, to_text, ErrorKind};

#[track_caller]
fn check(input: &str, echo: &str) {
    match parse(input) {
        Ok(e) => assert_eq!(to_text(&e), echo, "input {input:?}"),
        Err(err) => panic!("{input:?} failed to parse: {err}"),
    }
}

#[track_caller]
fn check_err(input: &str, kind: impl Fn(&ErrorKind) -> bool, span: (usize, usize)) {
    match parse(input) {
        Ok(e) => panic!("{input:?} parsed as {}", to_text(&e)),
        Err(err) => {
            assert!(kind(&err.kind), "{input:?}: unexpected kind {:?}", err.kind);
            assert_eq!(
                err.span,
                span,
                "{input:?}: span of {:?} ({})",
                err.kind,
                err.message()
            );
        }
    }
}

#[test]
fn canonical_syntax() {
    check("x^2", "x^2");
    check("2*x + 1", "2x + 1");
    check("x^3 + 2*x^2 + 5*x + 1", "x^3 + 2x^2 + 5x + 1");
    check("1e-3", "0.001");
    check("0.5", "0.5");
    check("-x^2", "-x^2");
    check("2^3^2", "2^(3^2)");
    check("(2^3)^2", "(2^3)^2");
    check("a - (b - c)", "a - (b - c)");
    check("a/(b*c)", "a/(b*c)");
    check("pi", "pi");
    check("e^x", "e^x");
    check("log(x)", "ln(x)");
    check("log(x, 2)", "log(x, 2)");
    check("log10(x) + log2(x)", "log10(x) + log2(x)");
    check("leaky_relu(x)", "leaky_relu(x)");
    check("leaky_relu(x, 0.2)", "leaky_relu(x, 0.2)");
    check("leaky_relu(x, 0.01)", "leaky_relu(x)");
    check(
        "step(x) + relu(x) + softplus(x)",
        "step(x) + relu(x) + softplus(x)",
    );
    check("asin(x) + acos(x) + atan(x)", "asin(x) + acos(x) + atan(x)");
}

#[test]
fn friendly_input() {
    check("2x", "2x");
    check("3x^2", "3x^2");
    check("2sin(x)", "2sin(x)");
    check("2πx", "2pi*x");
    check("(x+1)(x-1)", "(x + 1)(x - 1)");
    check("x(x+1)", "x(x + 1)");
    check("x**2", "x^2");
    check("x²", "x^2");
    check("x³ + 5x⁴", "x^3 + 5x^4");
    check("x⁻¹", "x^(-1)");
    check("√x", "sqrt(x)");
    check("√(x+1)", "sqrt(x + 1)");
    check("2·x × 3", "2x*3");
    check("x − 1", "x - 1");
    check("σ(x)", "sigmoid(x)");
    check("sin^2(x)", "sin(x)^2");
    check("sin²(x)", "sin(x)^2");
    check("sin^-1(x)", "asin(x)");
    check("arctan(x)", "atan(x)");
    check("|x|", "abs(x)");
    check("|x - 1| + 2|x|", "abs(x - 1) + 2abs(x)");
    check("|x||y|", "abs(x)*abs(y)");
    check("sin x", "sin(x)");
    check("sinx", "sin(x)");
    check("sin 2x", "sin(2x)");
    check("sin x cos x", "sin(x)*cos(x)");
    // However the spaces fall: a bare argument ends before a run that starts with a function
    // (`sinx cosx` was sin(x·cos(x))).
    for text in ["sinx cosx", "sin x cosx", "sinx cos x", "sinxcosx"] {
        check(text, "sin(x)*cos(x)");
    }
    check("lnx sinx", "ln(x)*sin(x)");
    check("sqrt x tanx", "sqrt(x)*tan(x)");
    check("ln x^2", "ln(x^2)");
    check("2xy", "2x*y");
    check("xsin(x)", "x*sin(x)");
    check("x^2 + 2xy + y^2", "x^2 + 2x*y + y^2");
    check("2e^x", "2e^x");
    check("e^-x", "e^(-x)");
    check("x^-2", "x^(-2)");
    check("[x+1]^2", "(x + 1)^2");
    check("ReLU(x)", "relu(x)");
    check("w1*x + b", "w1*x + b");
}

#[test]
fn documented_ambiguities() {
    // Implicit multiplication binds like `*`, left to right: 1/2x is (1/2)·x. The echo shows it.
    check("1/2x", "1/2*x");
    check("1/(2x)", "1/(2x)");
    // A superscript or ^ binds tighter than implicit multiplication.
    check("2x^2", "2x^2");
    check("e^2x", "e^2*x");
}

#[test]
fn errors_have_kind_and_span() {
    check_err("", |k| matches!(k, ErrorKind::Empty), (0, 0));
    check_err("   ", |k| matches!(k, ErrorKind::Empty), (0, 3));
    check_err(
        "x $ 2",
        |k| matches!(k, ErrorKind::UnexpectedChar('$')),
        (2, 3),
    );
    check_err(
        "2*",
        |k| matches!(k, ErrorKind::MissingOperand { .. }),
        (1, 2),
    );
    check_err(
        "x + ",
        |k| matches!(k, ErrorKind::MissingOperand { .. }),
        (2, 3),
    );
    check_err(
        "*2",
        |k| matches!(k, ErrorKind::MissingOperand { .. }),
        (0, 1),
    );
    check_err("(x + 1", |k| matches!(k, ErrorKind::UnclosedParen), (0, 1));
    check_err("sin((x)", |k| matches!(k, ErrorKind::UnclosedParen), (3, 4));
    check_err(
        "x + 1)",
        |k| matches!(k, ErrorKind::UnmatchedCloseParen),
        (5, 6),
    );
    check_err(")", |k| matches!(k, ErrorKind::UnmatchedCloseParen), (0, 1));
    check_err("|x", |k| matches!(k, ErrorKind::UnclosedAbs), (0, 1));
    check_err(
        "sine(x)",
        |k| {
            matches!(
                k,
                ErrorKind::UnknownFunction {
                    suggestion: Some("sin"),
                    ..
                }
            )
        },
        (0, 4),
    );
    check_err(
        "2 + cosine(x)",
        |k| {
            matches!(
                k,
                ErrorKind::UnknownFunction {
                    suggestion: Some("cos"),
                    ..
                }
            )
        },
        (4, 10),
    );
    check_err(
        "sqr(x)",
        |k| {
            matches!(
                k,
                ErrorKind::UnknownFunction {
                    suggestion: Some("sqrt"),
                    ..
                }
            )
        },
        (0, 3),
    );
    check_err(
        "sin(x, 2)",
        |k| matches!(k, ErrorKind::WrongArity { got: 2, .. }),
        (0, 9),
    );
    check_err(
        "log()",
        |k| matches!(k, ErrorKind::WrongArity { got: 0, .. }),
        (0, 5),
    );
    check_err("1.2.3", |k| matches!(k, ErrorKind::BadNumber(_)), (0, 5));
    check_err(
        "x 2",
        |k| matches!(k, ErrorKind::NumberAfterName(..)),
        (0, 3),
    );
    check_err(
        "sin",
        |k| matches!(k, ErrorKind::MissingOperand { .. }),
        (0, 3),
    );
}

#[test]
fn messages_are_written_for_students() {
    let msg = |s: &str| parse(s).unwrap_err().message();
    assert_eq!(
        msg("sine(x)"),
        "Unknown function 'sine' — did you mean 'sin'?"
    );
    assert_eq!(msg("(x + 1"), "This '(' is never closed: add a ')'.");
    assert_eq!(msg("x + 1)"), "This ')' has no matching '('.");
    assert!(msg("2*").contains("after '*'"), "{}", msg("2*"));
    assert!(
        msg("sin(x, 2)").contains("takes 1 argument"),
        "{}",
        msg("sin(x, 2)")
    );
}

#[test]
fn limits_are_errors_not_crashes() {
    // A 1 MB input is refused by length before any work is done.
    let huge = "x+".repeat(500_000) + "x";
    check_err(
        &huge,
        |k| matches!(k, ErrorKind::TooLong { .. }),
        (1000, huge.len()),
    );
    // 100 000 nested parentheses: also over the length limit.
    let deep = "(".repeat(100_000) + "x" + &")".repeat(100_000);
    check_err(
        &deep,
        |k| matches!(k, ErrorKind::TooLong { .. }),
        (1000, deep.len()),
    );
    // Within the length limit, nesting is bounded too (on a small stack, as in wasm).
    let nested = "(".repeat(400) + "x" + &")".repeat(400);
    let powers = "x^".repeat(300) + "x";
    let signs = "-".repeat(500) + "x";
    let calls = "sin(".repeat(150) + "x" + &")".repeat(150);
    let handle = std::thread::Builder::new()
        .stack_size(1024 * 1024)
        .spawn(move || {
            [nested, powers, signs, calls]
                .iter()
                .map(|s| parse(s).map(|_| ()).map_err(|e| e.kind))
                .collect::<Vec<_>>()
        })
        .unwrap();
    for result in handle
        .join()
        .expect("parsing must not overflow a small stack")
    {
        assert_eq!(result, Err(ErrorKind::TooDeep));
    }
    // Just under the limits still parses.
    let ok = "(".repeat(60) + "x" + &")".repeat(60);
    assert!(parse(&ok).is_ok());
}

#[test]
fn spans_are_byte_offsets_in_unicode_input() {
    // "π·x + ?" — the '?' is at byte 8 (π and · are two bytes each).
    check_err(
        "π·x + ?",
        |k| matches!(k, ErrorKind::UnexpectedChar('?')),
        (8, 9),
    );
}

/// A run of letters before a bracket is a function name unless it ends in one (after at most
/// two names) or is two plain letters: both sides of that boundary.
#[test]
fn letter_runs_before_a_bracket() {
    check("xsin(x)", "x*sin(x)");
    check("2xcos(x)", "2x*cos(x)");
    check("xy(x+1)", "x*y(x + 1)");
    check("ax(x+1)", "a*x(x + 1)");
    check("2xy", "2x*y");
    check("xyz", "x*y*z");
    let unknown = |name: &'static str| move |k: &ErrorKind| matches!(k, ErrorKind::UnknownFunction { name: n, .. } if n == name);
    check_err("round(x)", unknown("round"), (0, 5));
    check_err("softmax(x)", unknown("softmax"), (0, 7));
    check_err("xyz(x)", unknown("xyz"), (0, 3));
    check_err("2 + abc(x)", unknown("abc"), (4, 7));
    // Digits end a name: `floor2(x)` is floor(2x), as `sin2x` is sin(2x).
    check("floor2(x)", "floor(2x)");
}

#[test]
fn functions_students_reach_for() {
    check("floor(x) + ceil(x)", "floor(x) + ceil(x)");
    check("ceiling(x)", "ceil(x)");
    check("max(x, 1 - x)", "max(x, 1 - x)");
    check("min(x^2, 1)", "min(x^2, 1)");
    check("sign(x) + sgn(x)", "sign(x) + sign(x)");
    check("cbrt(x)", "cbrt(x)");
    check(
        "arcsinh(x) + acosh(x) + artanh(x)",
        "asinh(x) + acosh(x) + atanh(x)",
    );
    check(
        "arccot(x) + asec(x) + acsc(x)",
        "acot(x) + asec(x) + acsc(x)",
    );
    // f^-1 is the inverse function wherever the table has it, never 1/f.
    check("sin^-1(x)", "asin(x)");
    check("sinh^-1(x)", "asinh(x)");
    check("cosh⁻¹(x)", "acosh(x)");
    check("tanh^(-1)(x)", "atanh(x)");
    check("cot^-1 x", "acot(x)");
    check("sec^-1(x) + csc^-1(x)", "asec(x) + acsc(x)");
    check("sin^2(x)", "sin(x)^2");
    check_err(
        "sin^-2(x)",
        |k| matches!(k, ErrorKind::AmbiguousPower { name: "sin", .. }),
        (0, 6),
    );
    check_err(
        "ln^-1(x)",
        |k| matches!(k, ErrorKind::AmbiguousPower { name: "ln", .. }),
        (0, 5),
    );
    check_err(
        "max(x)",
        |k| matches!(k, ErrorKind::WrongArity { .. }),
        (0, 6),
    );
}

#[test]
fn suggestions_come_from_meaning() {
    let suggestion = |input: &str| match parse(input) {
        Err(e) => match e.kind {
            ErrorKind::UnknownFunction { suggestion, .. } => suggestion,
            other => panic!("{input}: {other:?}"),
        },
        Ok(e) => panic!("{input} parsed as {}", to_text(&e)),
    };
    assert_eq!(suggestion("sine(x)"), Some("sin"));
    assert_eq!(suggestion("signum(x)"), Some("sign"));
    assert_eq!(suggestion("root(x)"), Some("sqrt"));
    assert_eq!(suggestion("heaviside(x)"), Some("step"));
    assert_eq!(suggestion("sigmod(x)"), Some("sigmoid"));
    // Short names take one edit at most: `mean` is not `min`.
    assert_eq!(suggestion("mean(x)"), None);
    assert_eq!(suggestion("round(x)"), None);
    let msg = |input: &str| parse(input).unwrap_err().message();
    assert!(
        msg("round(x)").contains("floor(x + 1/2)"),
        "{}",
        msg("round(x)")
    );
    assert!(
        msg("softmax(x)").contains("vector"),
        "{}",
        msg("softmax(x)")
    );
    assert!(
        msg("max(x)").contains("takes 2 arguments"),
        "{}",
        msg("max(x)")
    );
}

/// What students paste or write around a function, and LaTeX.
#[test]
fn wrappers_and_latex() {
    check("y = x^2", "x^2");
    check("f(x) = x^2", "x^2");
    check("g(t) = t^2 + 1", "t^2 + 1");
    check("d/dx x^2", "x^2");
    check("d/dx (x^2)", "x^2");
    check("d/dx[x^2 + 1]", "x^2 + 1");
    check("\\frac{d}{dx} x^3", "x^3");
    check("\\frac{1}{x}", "1/x");
    check("\\frac{x+1}{x-1}", "(x + 1)/(x - 1)");
    check("x^{2}", "x^2");
    check("e^{2x}", "e^(2x)");
    check("\\sqrt{x}", "sqrt(x)");
    check("\\sqrt[3]{x}", "cbrt(x)");
    check("\\sqrt[4]{x}", "x^(1/4)");
    check("\\sin x", "sin(x)");
    check("\\sin^{2} x", "sin(x)^2");
    check("x \\cdot e^x", "x*e^x");
    check("\\left( x + 1 \\right)^2", "(x + 1)^2");
    check("\\ln x", "ln(x)");
    check("\\pi x", "pi*x");
    check("2\\,x", "2x");
    check_err(
        "\\int x",
        |k| matches!(k, ErrorKind::UnknownCommand(c) if c == "int"),
        (0, 4),
    );
    check_err("x = 2", |k| *k == ErrorKind::Equation, (2, 3));
    check_err("x^2 = y", |k| *k == ErrorKind::Equation, (4, 5));
    check_err(
        "1,5x",
        |k| matches!(k, ErrorKind::DecimalComma(t) if t == "1,5"),
        (0, 3),
    );
    check_err("(2,5)", |k| matches!(k, ErrorKind::DecimalComma(_)), (1, 4));
    assert_eq!(
        parse("3,25x").unwrap_err().message(),
        "Use a point for decimals: 3.25."
    );
    // A comma inside a function's brackets still separates arguments.
    check("max(1,5x)", "max(1, 5x)");
}

/// Capitals: function names are read in lower case; all-capital input is read in lower case.
#[test]
fn capitals() {
    check("Sin x", "sin(x)");
    check("SIN(X)", "sin(x)");
    check("Ln(x) + COS(x)", "ln(x) + cos(x)");
    check("Sinx", "sin(x)");
    check("PI x", "pi*x");
    // A capital letter among lower-case ones is a name of its own; all-capital input with
    // a name in it is caps lock.
    check("A x^2", "A*x^2");
    check("LN X + A", "ln(x) + a");
    check("EXP(X)", "exp(x)");
    check("PI R^2", "pi*r^2");
    check("SINX", "sin(x)");
    // Capital letters alone are letters too, E as well: Slope prints f′ of `E x` as `E`,
    // which must read back as the letter E, not as Euler's number.
    check("X^11", "X^11");
    check("E", "E");
    check("E^X", "E^X");
    check("A X^2 + E", "A*X^2 + E");
    check("EX", "E*X");
    // A capital inside a run is a letter of its own, after a known name too.
    check("piE", "pi*E");
    check("varphiE", "φ*E");
    check("Ex", "E*x");
    check("xE", "x*E");
    check("E^x", "E^x");
    check("SinE", "sin(E)");
    // `d/d` with no variable after it is a quotient of letters (as printed), not Leibniz.
    check("d/d", "d/d");
    // After `/`, `d` and a variable name is Leibniz notation in the wrong place, never a
    // variable `dx1` (the fuzzer's `Deltad/dx1e`, printed `…d/dx1*e`, which would not read back).
    check_err(
        "a/dx1",
        |k| *k == ErrorKind::Leibniz { second: false },
        (2, 5),
    );
    check_err(
        "Deltad/dx1e",
        |k| *k == ErrorKind::Leibniz { second: false },
        (7, 10),
    );
    check("d/dx1 x1^2", "x1^2");
    check("ReLU(x)", "relu(x)");
}

/// The variable a student names is the variable.
#[test]
fn the_named_variable() {
    let var = |s: &str| slope::math::parser::read(s).unwrap().variable;
    assert_eq!(var("d/dt t^2"), Some("t".into()));
    assert_eq!(var("f(u) = u^2"), Some("u".into()));
    assert_eq!(var("y = x^2"), None);
    assert_eq!(var("x^2"), None);
}

/// More of what students write, read as meant or refused with the fix — never guessed.
#[test]
fn more_student_habits() {
    check("dy/dx x^2", "x^2");
    check("df/dx (x^3)", "x^3");
    check("∂/∂x x^2", "x^2");
    check("log_2(x)", "log(x, 2)");
    check("log_2 x", "log(x, 2)");
    check("log_b(x)", "log(x, b)");
    let unknown = |name: &'static str, meant: &'static str| move |k: &ErrorKind| matches!(k, ErrorKind::UnknownFunction { name: n, suggestion: Some(s) } if n == name && *s == meant);
    // Names from other countries' textbooks: never a product of letters, bracket or not.
    check_err("tg(x)", unknown("tg", "tan"), (0, 2));
    check_err("ctg x", unknown("ctg", "cot"), (0, 3));
    check_err("sen(x)", unknown("sen", "sin"), (0, 3));
    check_err("cosec x", unknown("cosec", "csc"), (0, 5));
    let msg = |input: &str| parse(input).unwrap_err().message();
    assert!(
        msg("y' = x^2").starts_with("No prime needed"),
        "{}",
        msg("y' = x^2")
    );
    assert!(msg("sin(30°)").contains("radians"), "{}", msg("sin(30°)"));
    assert!(msg("x^½").contains("(1/2)"), "{}", msg("x^½"));
    assert_eq!(
        msg("1 000x"),
        "Two numbers in a row: write 1000 without a space, or put * between them."
    );
    check_err("∂x", |k| *k == ErrorKind::UnexpectedChar('∂'), (0, 3));
}

/// What a review turned up: inputs that used to be read as something else without a word.
#[test]
fn names_with_digits_greek_letters_and_superscripts() {
    // Digits end a function's name: `sin2x` is sin(2x), not a variable called sin2x.
    check("sin2x", "sin(2x)");
    check("3sin2x", "3sin(2x)");
    check("sin(2x)cos3x", "sin(2x)*cos(3x)");
    check("ln3x - ln x", "ln(3x) - ln(x)");
    check("log_2x", "log(x, 2)");
    check("\\log_2 x", "log(x, 2)");
    check("\\log_{10}x", "log(x, 10)");
    check("log_{2}(x)", "log(x, 2)");
    // A single letter keeps its subscript: x1, w_2, v_0 are variables.
    check("v_0t - 4.9t^2", "v_0*t - 4.9t^2");
    check("w1x + b", "w1*x + b");
    check("x_1^2", "x_1^2");
    check_err(
        "e2x",
        |k| matches!(k, ErrorKind::NumberAfterName(..)),
        (0, 2),
    );
    check_err("1_000", |k| *k == ErrorKind::UnexpectedChar('_'), (1, 2));
    // Greek letters spelled out are one letter.
    check("sin(theta)", "sin(θ)");
    check("\\theta^2 + alpha", "θ^2 + α");
    // Superscripts are exponents, whole: eˣ, xⁿ, x²⁺¹ = x³.
    check("eˣ", "e^x");
    check("2ˣ", "2^x");
    check("xⁿ", "x^n");
    check("x²⁺¹", "x^(2 + 1)");
    check("e⁻ˣ", "e^(-x)");
    check("x¹ᐟ²", "x^(1/2)");
    check("ⅇ^x", "e^x");
    // Roots and brackets written other ways.
    check("sqrt[3](x)", "cbrt(x)");
    check("∛x", "cbrt(x)");
    check("\\lfloor x \\rfloor", "floor(x)");
    check("\\lvert x \\rvert", "abs(x)");
    check("\\operatorname{sin}(x)", "sin(x)");
    check("\\mathrm{ln}(x)", "ln(x)");
    check("\\frac12 x", "1/2*x");
    // A bare argument stops before e^…, as it does before a function.
    check("sin x e^x", "sin(x)*e^x");
    check("ln x e^x", "ln(x)*e^x");
}

#[test]
fn leibniz_notation_anywhere() {
    check("d(x^2)/dx", "x^2");
    check("(d/dx) x^2", "x^2");
    check("d/d x x^2", "x^2");
    check("y = d/dx x^2", "x^2");
    check("\\frac{dy}{dx} x^2", "x^2");
    check("\\frac{\\mathrm{d}}{\\mathrm{d}x} x^2", "x^2");
    let leibniz = |second: bool| move |k: &ErrorKind| *k == ErrorKind::Leibniz { second };
    check_err("d/dx d/dx x^3", leibniz(false), (5, 6));
    check_err("d/dx sin(x) + d/dx cos(x)", leibniz(false), (14, 15));
    check_err("d^2/dx^2 x^3", leibniz(true), (4, 6));
    check_err("x^2 dx", leibniz(false), (4, 6));
    check_err("d/dx", |k| *k == ErrorKind::Empty, (0, 4));
    check_err(
        "y = x^2 + y",
        |k| matches!(k, ErrorKind::ImplicitEquation(n) if n == "y"),
        (2, 3),
    );
    check_err(
        "y = xy",
        |k| matches!(k, ErrorKind::ImplicitEquation(_)),
        (2, 3),
    );
    check_err(
        "sin(0,5x)",
        |k| matches!(k, ErrorKind::DecimalComma(_)),
        (4, 7),
    );
    let unknown = |name: &'static str| move |k: &ErrorKind| matches!(k, ErrorKind::UnknownFunction { name: n, .. } if n == name);
    check_err("sinc x", unknown("sinc"), (0, 4));
    check_err("gelux", unknown("gelu"), (0, 4));
    check_err("sh(x)", unknown("sh"), (0, 2));
    check_err("swish(x)", unknown("swish"), (0, 5));
}

/// The second review's finds: names glued to what follows, bases, capitals, abstract
/// functions.
#[test]
fn glued_names_bases_and_abstract_functions() {
    check("d/dxsin x", "sin(x)");
    check("dy/dxsin(x)", "sin(x)");
    check("d/dxx^2", "x^2");
    check("d/dx*x^2", "x^2");
    check("ddx x^2", "x^2");
    check("arctanx", "atan(x)");
    check("sgnx", "sign(x)");
    check("sintheta", "sin(θ)");
    check("eta x + Delta", "η*x + Δ");
    check("E^X", "E^X");
    check("log_2^2 x", "log(x, 2)^2");
    check("log_e x", "log(x, e)");
    check("log_pi x", "log(x, pi)");
    check("sin x log_2 x", "sin(x)*log(x, 2)");
    check("eˣ²", "e^(x^2)");
    check("e⁻ˣ²", "e^(-x^2)");
    check("x_{1}^2", "x_1^2");
    check("x₁^2", "x_1^2");
    check("log₂x", "log(x, 2)");
    check("sin^(1/2)(x)", "sin(x)^0.5");
    check("\\sin\\frac{x}{2}", "sin(x/2)");
    check("\\frac1x", "1/x");
    check("³√x", "cbrt(x)");
    let var = |s: &str| slope::math::parser::read(s).unwrap().variable;
    assert_eq!(var("d/dtheta sin(theta)"), Some("θ".into()));
    assert_eq!(var("d/dw1 w1^2"), Some("w1".into()));
    assert_eq!(var("d/dx_1 x_1^2"), Some("x_1".into()));
    check_err(
        "d/dsin x",
        |k| *k == ErrorKind::Leibniz { second: false },
        (0, 1),
    );
    check_err(
        "\\frac{d^2}{dx^2} x^3",
        |k| *k == ErrorKind::Leibniz { second: true },
        (11, 13),
    );
    check_err(
        "d/de e^x",
        |k| matches!(k, ErrorKind::ConstantVariable(c) if c == "e"),
        (0, 4),
    );
    check_err(
        "f(x)g(x)",
        |k| matches!(k, ErrorKind::AbstractFunction(f) if f == "f"),
        (0, 4),
    );
    check_err(
        "y = f(x)",
        |k| matches!(k, ErrorKind::AbstractFunction(_)),
        (4, 8),
    );
    check_err(
        "leaky relu(x)",
        |k| matches!(k, ErrorKind::UnknownFunction { .. }),
        (0, 5),
    );
}

/// Names are made of Latin and Greek letters (styled ones made plain) only: other letters
/// are refused at their position, never read as a variable that merely looks like x.
#[test]
fn letters_outside_latin_and_greek_are_refused_where_they_stand() {
    for (input, at) in [("é + 1", 0), ("2𝑥 + ж", 8), ("x + ж", 4)] {
        let err = slope::math::parse(input).expect_err(input);
        assert_eq!(err.span.0, at, "{input}: {err:?}");
    }
    for ok in ["θ^2", "sin(φ)", "ϑ + 1", "Ω x"] {
        assert!(slope::math::parse(ok).is_ok(), "{ok}");
    }
}

/// Every Latin letter, Greek letter and Greek name, and the constants, as a student can type
/// them alone.
fn letter_atoms() -> Vec<String> {
    let mut atoms: Vec<String> = ('a'..='z').chain('A'..='Z').map(String::from).collect();
    atoms.extend(
        ('\u{391}'..='\u{3A9}')
            .chain('\u{3B1}'..='\u{3C9}')
            .chain(['ϑ', 'ϕ', 'ϖ', 'ϱ', 'ϵ'])
            .filter(|c| slope::math::lexer::is_letter(*c))
            .map(String::from),
    );
    for name in [
        "alpha",
        "beta",
        "gamma",
        "delta",
        "Delta",
        "epsilon",
        "varepsilon",
        "zeta",
        "eta",
        "theta",
        "vartheta",
        "Theta",
        "kappa",
        "lambda",
        "mu",
        "nu",
        "xi",
        "rho",
        "tau",
        "phi",
        "varphi",
        "chi",
        "psi",
        "omega",
        "pi",
        "sigma",
        "π",
        "e",
        "ℯ",
    ] {
        atoms.push(name.into());
    }
    atoms
}

/// What Slope prints for a reading reads back as itself: `t = print(parse(s))` parses, and
/// prints as `t` again. Returns the reason when not.
fn round_trip(s: &str) -> Result<(), String> {
    let Ok(first) = parse(s) else {
        return Ok(());
    };
    let t = to_text(&first);
    let again =
        parse(&t).map_err(|e| format!("{s:?} printed as {t:?}, which does not parse: {e}"))?;
    if to_text(&again) != t {
        return Err(format!(
            "{s:?} printed as {t:?}, which reads back as {:?}",
            to_text(&again)
        ));
    }
    // The same value too, every letter its own (E is not e).
    let mut names = first.variables();
    names.extend(again.variables());
    let env: Vec<(&str, f64)> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), 0.3 + 0.1 * i as f64))
        .collect();
    let (v, w) = (
        slope::math::eval_at(&first, &env),
        slope::math::eval_at(&again, &env),
    );
    if !(v == w || (v - w).abs() <= 1e-12 * v.abs() || v.is_nan() && w.is_nan()) {
        return Err(format!(
            "{s:?} printed as {t:?} reads back with another value: {v} ≠ {w}"
        ));
    }
    Ok(())
}

/// The fuzzer's `varphiE` (φ·E printed `φ*E`, read back as φ·e): print∘parse is a fixpoint
/// for every letter and Greek name alone and beside every other one, glued (`Ex`, `xE`,
/// `piE`), spaced, multiplied, as a power (`E^x`), before a bracket and with a coefficient.
#[test]
fn every_letter_and_greek_name_reads_back_as_printed() {
    let atoms = letter_atoms();
    let mut failures = Vec::new();
    let mut tried = 0;
    for a in &atoms {
        for form in [
            a.clone(),
            format!("2{a}"),
            format!("{a}^2"),
            format!("sin({a})"),
            format!("{a}(x + 1)"),
        ] {
            tried += 1;
            failures.extend(round_trip(&form).err());
        }
        for b in &atoms {
            for form in [
                format!("{a}{b}"),
                format!("{a} {b}"),
                format!("{a}*{b}"),
                format!("{a}^{b}"),
                format!("{a}({b})"),
                format!("2{a}{b}^2"),
                format!("{a}/{b}"),
            ] {
                tried += 1;
                failures.extend(round_trip(&form).err());
            }
        }
    }
    let few = [
        "x", "e", "E", "X", "pi", "P", "I", "phi", "varphi", "Delta", "s", "S", "N", "n",
    ];
    for a in few {
        for b in few {
            for c in few {
                tried += 1;
                failures.extend(round_trip(&format!("{a}{b}{c}")).err());
            }
        }
    }
    assert!(tried > 100_000, "only {tried} inputs");
    assert!(
        failures.is_empty(),
        "{} of {tried}:\n{}",
        failures.len(),
        failures[..failures.len().min(40)].join("\n")
    );
}

/// What Slope prints for any formula in letters reads back as that formula: each letter the
/// parser makes (every Latin and Greek letter, `e`, `π`) alone and in a product, sum, power,
/// quotient and call with each other one — `E` printed alone (f′ of `E x`) is the letter E,
/// not Euler's number.
#[test]
fn every_printed_letter_reads_back_as_itself() {
    use slope::math::{Expr, Func};
    let mut leaves: Vec<Expr> = Vec::new();
    for a in letter_atoms() {
        if let Ok(e) = parse(&a) {
            if matches!(e, Expr::Var(_) | Expr::Const(_)) && !leaves.contains(&e) {
                leaves.push(e);
            }
        }
    }
    assert!(leaves.len() > 100, "{leaves:?}");
    let b = |e: &Expr| Box::new(e.clone());
    let mut failures = Vec::new();
    let mut check = |e: Expr| {
        let t = to_text(&e);
        match parse(&t) {
            Ok(back) if back == e => {}
            Ok(back) => failures.push(format!("{e:?} printed {t:?} reads as {back:?}")),
            Err(err) => failures.push(format!("{e:?} printed {t:?} does not parse: {err}")),
        }
    };
    for x in &leaves {
        check(x.clone());
        check(Expr::Mul(Box::new(Expr::Num(2.0)), b(x)));
        check(Expr::Neg(b(x)));
        check(Expr::Call(Func::Sin, vec![x.clone()]));
        for y in &leaves {
            check(Expr::Mul(b(x), b(y)));
            check(Expr::Add(b(x), b(y)));
            check(Expr::Pow(b(x), b(y)));
            check(Expr::Div(b(x), b(y)));
        }
    }
    assert!(
        failures.is_empty(),
        "{}:\n{}",
        failures.len(),
        failures[..failures.len().min(40)].join("\n")
    );
}

/// A product on the right of a product is printed as the one product it reads back as:
/// `2σ(u)(1 − σ(u))` as textbooks write it, not `2(σ(u)(1 − σ(u)))` (the Chain rule page's
/// σ(2x+1)′). Brackets stay where the inner product starts with a coefficient, a sign or a
/// quotient, and the text reads back to a tree that prints the same.
#[test]
fn a_product_inside_a_product_has_no_brackets() {
    use slope::math::{to_latex, Expr, Func};
    let b = Box::new;
    let s = Expr::call(Func::Sigmoid, parse("2x + 1").unwrap());
    let one_minus = Expr::Sub(b(Expr::Num(1.0)), b(s.clone()));
    let e = Expr::Mul(b(Expr::Num(2.0)), b(Expr::Mul(b(s.clone()), b(one_minus))));
    assert_eq!(to_text(&e), "2sigmoid(2x + 1)(1 - sigmoid(2x + 1))");
    assert_eq!(
        to_latex(&e),
        "2 \\sigma \\left(2 x + 1\\right) \\left(1 - \\sigma \\left(2 x + 1\\right)\\right)"
    );
    let mul = |a: &str, c: &str| Expr::Mul(b(parse(a).unwrap()), b(parse(c).unwrap()));
    for (a, c, printed) in [
        ("x", "sin(x)*y", "x*sin(x)*y"),
        ("sin(x)", "cos(x)*tan(x)", "sin(x)*cos(x)*tan(x)"),
        ("x + 1", "(x - 1)(x + 2)", "(x + 1)(x - 1)(x + 2)"),
        ("3", "x*y*z", "3x*y*z"),
        // A coefficient, a sign or a quotient first: the brackets stay.
        ("x", "2y", "x(2y)"),
        ("2", "-3x", "2(-3x)"),
        ("x", "(1/y)*z", "x(1/y*z)"),
    ] {
        let e = mul(a, c);
        assert_eq!(to_text(&e), printed, "{a} times {c}");
        let back = parse(printed).unwrap();
        assert_eq!(to_text(&back), printed, "{printed} reads back as printed");
        let at = [("x", 0.7), ("y", -1.3), ("z", 2.1)];
        let (v, w) = (
            slope::math::eval_at(&e, &at),
            slope::math::eval_at(&back, &at),
        );
        assert!((v - w).abs() < 1e-12, "{printed}: {v} ≠ {w}");
    }
}

/// A number that overflowed or is undefined prints as the text it reads back as, bracketed
/// only where its neighbours need it (the fuzzer's `1/0`, whose f′ printed `(0/0)`).
#[test]
fn undefined_and_overflowed_numbers_read_back_as_printed() {
    use slope::math::Expr;
    let b = Box::new;
    let x = || b(Expr::var("x"));
    for (e, printed) in [
        (Expr::Num(f64::NAN), "0/0"),
        (Expr::Num(f64::INFINITY), "1e308*10"),
        (Expr::Num(f64::NEG_INFINITY), "-1e308*10"),
        (Expr::Mul(b(Expr::Num(f64::NAN)), x()), "0/0*x"),
        (Expr::Mul(b(Expr::Num(f64::INFINITY)), x()), "1e308*10*x"),
        (Expr::Mul(x(), b(Expr::Num(f64::NAN))), "x(0/0)"),
        (
            Expr::Mul(b(Expr::Num(2.0)), b(Expr::Num(f64::NAN))),
            "2(0/0)",
        ),
        (Expr::Pow(b(Expr::Num(f64::NAN)), x()), "(0/0)^x"),
        (
            Expr::Add(x(), b(Expr::Num(f64::NEG_INFINITY))),
            "x + (-1e308*10)",
        ),
        (Expr::Neg(b(Expr::Num(f64::INFINITY))), "-1e308*10"),
    ] {
        assert_eq!(to_text(&e), printed);
        let back = parse(printed).unwrap();
        assert_eq!(to_text(&back), printed, "{printed} reads back as printed");
    }
}

/// Styled letters, what copying from a PDF or Word gives, are the plain ones: 𝑥² is x², and
/// an error after one still underlines what was typed.
#[test]
fn mathematical_italic_and_bold_letters_are_plain_letters() {
    check("𝑥²", "x^2");
    check("sin 𝑥 + 𝟐𝐱", "sin(x) + 2x");
    check("𝑒^𝑥", "e^x");
    check("ℎ(𝑥) = 𝑎𝑥 + 𝑏", "a*x + b");
    check("𝛼𝑡", "α*t");
    check("𝜋𝑟^2", "pi*r^2");
    check("𝗌𝗂𝗇(𝗑)", "sin(x)");
    // "𝑥 + é": the é is refused where it stands in the text as typed (byte 7).
    check_err(
        "𝑥 + é",
        |k| matches!(k, ErrorKind::UnexpectedChar('é')),
        (7, 9),
    );
    check_err(
        "𝑥 + ",
        |k| matches!(k, ErrorKind::MissingOperand { .. }),
        (5, 6),
    );
}

/// Plot titles use the page's typography: xˣ, sec²(x), σ, superscript exponents — and a
/// power that is not a whole number stays on the bracket.
#[test]
fn titles_are_typeset_as_textbooks_write_them() {
    use slope::math::{differentiate, to_unicode};
    let f = |s: &str| to_unicode(&parse(s).unwrap());
    let df = |s: &str| to_unicode(&differentiate(&parse(s).unwrap(), "x").result);
    assert_eq!(df("x^x"), "xˣ(ln(x) + 1)");
    assert_eq!(df("tan(x)"), "sec²(x)");
    assert_eq!(f("sec(x)^2"), "sec²(x)");
    assert_eq!(df("tanh(x)"), "1 − tanh²(x)");
    assert_eq!(df("sigmoid(2x+1)"), "2σ(2x + 1)(1 − σ(2x + 1))");
    assert_eq!(f("sin(x)^2.5"), "sin(x)^2.5");
    assert_eq!(f("sin(x^2)^3"), "sin³(x²)");
    assert_eq!(f("2^x (x+1)"), "2ˣ(x + 1)");
    assert_eq!(f("e^(-x)"), "e⁻ˣ");
}
