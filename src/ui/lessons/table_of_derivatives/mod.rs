//! Table of derivatives: every row of the seed's table, each f derived by the engine when the
//! page renders, with a sparkline of f and f′ and a link to the explorer. Sliders for n (xⁿ)
//! and a (aˣ, logₐ x); their values live in the address: `#/table-of-derivatives?n=3&a=2`.

#[cfg(target_arch = "wasm32")]
mod page;
#[cfg(target_arch = "wasm32")]
pub use page::use_page;

use crate::math::diff::substitute;
use crate::math::{parse, Expr, Study};

/// One row: the function as typed, a short name, a note, and the x range its sketch shows.
pub struct Row {
    pub f: &'static str,
    pub name: &'static str,
    pub note: &'static str,
    pub range: (f64, f64),
}

/// A group of rows under a heading.
pub struct Group {
    pub heading: &'static str,
    pub rows: &'static [Row],
}

const fn row(f: &'static str, name: &'static str, note: &'static str, range: (f64, f64)) -> Row {
    Row {
        f,
        name,
        note,
        range,
    }
}

const WIDE: (f64, f64) = (-3.0, 3.0);
const POSITIVE: (f64, f64) = (0.0, 4.0);
/// Logarithms plunge to −∞ at 0: their sketches start a little to the right.
const LOGARITHMIC: (f64, f64) = (0.25, 4.0);
const TRIG: (f64, f64) = (-4.0, 4.0);

pub const GROUPS: &[Group] = &[
    Group {
        heading: "Powers",
        rows: &[
            row("c", "Constant", "A constant does not change: its rate is 0.", WIDE),
            row("x", "Identity", "The line y = x rises 1 for every 1.", WIDE),
            row("x^2", "Square", "Power rule with n = 2.", WIDE),
            row("x^3", "Cube", "Power rule with n = 3.", WIDE),
            row("x^n", "Power", "Any real n; move the n slider.", WIDE),
            row("sqrt(x)", "Square root", "x^(1/2): power rule with n = ½. No derivative at 0.", POSITIVE),
            row("1/x", "Reciprocal", "x^(−1): power rule with n = −1.", WIDE),
        ],
    },
    Group {
        heading: "Exponentials and logarithms",
        rows: &[
            row("e^x", "Natural exponential", "Its own derivative.", WIDE),
            row("a^x", "Exponential base a", "a > 0; move the a slider. ln a is 1 only for a = e.", WIDE),
            row("ln(x)", "Natural logarithm", "Defined for x > 0.", LOGARITHMIC),
            row("log_a(x)", "Logarithm base a", "log_a x = ln x / ln a.", LOGARITHMIC),
        ],
    },
    Group {
        heading: "Trigonometric functions",
        rows: &[
            row("sin(x)", "Sine", "x in radians.", TRIG),
            row("cos(x)", "Cosine", "Mind the minus sign.", TRIG),
            row("tan(x)", "Tangent", "sec² x = 1 / cos² x.", TRIG),
            row("cot(x)", "Cotangent", "csc² x = 1 / sin² x.", TRIG),
            row("sec(x)", "Secant", "sec x = 1 / cos x.", TRIG),
            row("csc(x)", "Cosecant", "csc x = 1 / sin x.", TRIG),
        ],
    },
    Group {
        heading: "Neural-network functions",
        rows: &[
            row("sigmoid(x)", "Sigmoid", "σ(x) = 1 / (1 + e^(−x)); σ′ = σ(1 − σ) is at most ¼.", WIDE),
            row("tanh(x)", "Hyperbolic tangent", "tanh′ = 1 − tanh², at most 1.", WIDE),
            row("relu(x)", "ReLU", "max(0, x). step(x) is 1 for x > 0 and 0 for x < 0; at 0 there is no derivative (libraries use 0 by convention).", WIDE),
            row("leaky_relu(x)", "Leaky ReLU", "Slope 1 for x > 0 and α = 0.01 for x < 0: 0.99 step(x) + 0.01. No derivative at 0.", WIDE),
        ],
    },
];

/// Where the sliders start, and their ranges and grids.
pub const N_START: f64 = 3.0;
pub const N_RANGE: (f64, f64) = (-3.0, 5.0);
pub const N_STEP: f64 = 0.5;
pub const A_START: f64 = 2.0;
pub const A_RANGE: (f64, f64) = (0.5, 5.0);
pub const A_STEP: f64 = 0.1;
/// The value the constant c is sketched with.
pub const C_VALUE: f64 = 2.0;

/// n and a from an address (`?n=3&a=2`), on their grids and in range; the start where
/// missing or bad. a = 1 would make logₐ meaningless, so it is skipped upwards.
pub fn from_query(query: &str) -> (f64, f64) {
    let get = |k: &str, range: (f64, f64), step: f64, d: f64| {
        crate::ui::grid::from_address(query, k, range, step).unwrap_or(d)
    };
    let n = get("n", N_RANGE, N_STEP, N_START);
    let a = get("a", A_RANGE, A_STEP, A_START);
    (n, fix_a(a))
}

/// a = 1 is no base for a logarithm (ln 1 = 0): move one step up.
pub fn fix_a(a: f64) -> f64 {
    if (a - 1.0).abs() < A_STEP / 2.0 {
        1.0 + A_STEP
    } else {
        a
    }
}

pub fn to_query(n: f64, a: f64) -> String {
    crate::ui::query::to_query(&[
        ("n", crate::plot::format::plain(n)),
        ("a", crate::plot::format::plain(a)),
    ])
}

/// A row's study, always in x (so `c` is a constant, not the variable).
pub fn study(f: &str) -> Option<Study> {
    parse(f)
        .ok()
        .map(|e| Study::with_variable(e, "x".to_string()))
}

/// The value each of a study's parameters is sketched with.
pub fn parameter_values(s: &Study, n: f64, a: f64) -> Vec<f64> {
    s.parameters
        .iter()
        .map(|p| match p.as_str() {
            "n" => n,
            "a" => a,
            _ => C_VALUE,
        })
        .collect()
}

/// For a row with a slider's letter (n or a), the row with the sliders' values put in
/// (`x^n` at n = 2.5 is `x^2.5`), studied afresh so the engine derives that instance too;
/// `None` for rows without one.
pub fn instance(s: &Study, n: f64, a: f64) -> Option<Study> {
    if !s.parameters.iter().any(|p| p == "n" || p == "a") {
        return None;
    }
    let values = parameter_values(s, n, a);
    let fixed = s
        .parameters
        .iter()
        .zip(values)
        .fold(s.f.clone(), |e, (p, v)| substitute(&e, p, &Expr::Num(v)));
    Some(Study::with_variable(fixed, s.var.clone()))
}

/// The explorer's reading of a row: `c` alone would be read as the variable, so the constant
/// row says which letter it is differentiated by.
pub fn explorer_text(f: &str) -> String {
    match crate::math::Study::parse(f) {
        Ok(s) if s.var != "x" => format!("d/dx {f}"),
        _ => f.to_string(),
    }
}

pub const INTRO: &str = "<p>The derivatives you will meet again and again, each one worked out \
    by Slope's engine as this page opens (none is typed in by hand). The sketch beside each row \
    shows f as a solid line and f′ dashed, on the same scale. Use the sliders to try other \
    powers n and other bases a, and open any row in the explorer to see its steps.</p>";

/// The softmax row: a vector function, so a formula and a pointer instead of a sketch.
pub const SOFTMAX_F: &str = "<math alttext=\"s i equals e to the z i over the sum over j of e to the z j\"><msub><mi>s</mi><mi>i</mi></msub><mo>=</mo>\
    <mfrac><msup><mi>e</mi><msub><mi>z</mi><mi>i</mi></msub></msup><mrow><msub><mo>∑</mo><mi>j</mi></msub><msup><mi>e</mi><msub><mi>z</mi><mi>j</mi></msub></msup></mrow></mfrac></math>";
pub const SOFTMAX_DF: &str = "<math alttext=\"partial s i over partial z j equals s i times, delta i j minus s j\">\
    <mfrac><mrow><mo>∂</mo><msub><mi>s</mi><mi>i</mi></msub></mrow><mrow><mo>∂</mo><msub><mi>z</mi><mi>j</mi></msub></mrow></mfrac><mo>=</mo>\
    <msub><mi>s</mi><mi>i</mi></msub><mo>(</mo><msub><mi>δ</mi><mrow><mi>i</mi><mi>j</mi></mrow></msub><mo>−</mo><msub><mi>s</mi><mi>j</mi></msub><mo>)</mo></math>";
pub const SOFTMAX_NOTE: &str = "Softmax turns a vector of scores z into probabilities s. Its \
    derivative is a matrix, the Jacobian (δᵢⱼ is 1 when i = j, else 0), so no single curve \
    sketches it: its lesson draws the probabilities and the matrix live.";
