//! Activation functions: sigmoid, tanh, ReLU, leaky ReLU (slope **α** below zero) and softplus,
//! each plotted with its derivative under a draggable point **x** with its tangent; the seed's
//! hand values computed live (and where the seed's rounding goes wrong); the engine's
//! derivations of σ and tanh from their definitions; and a **Layers n** slider multiplying n
//! derivatives, to show why σ′ ≤ ¼ makes gradients vanish. State in the address:
//! `#/activation-functions?g=sigmoid&x=1&alpha=0.1&n=10`.

#[cfg(target_arch = "wasm32")]
mod page;
#[cfg(target_arch = "wasm32")]
pub use page::use_page;

use crate::math::print::superscript_number;
use crate::math::Study;
use crate::plot::format::{plain, precise, scientific};
use crate::plot::view::View;
use crate::ui::grid::from_address;

/// The activations, in the page's order: address key, name in the menu, symbol in readouts.
pub const KINDS: [(&str, &str, &str); 5] = [
    ("sigmoid", "Sigmoid σ", "σ"),
    ("tanh", "tanh", "tanh"),
    ("relu", "ReLU", "ReLU"),
    ("leaky", "Leaky ReLU", "LeakyReLU"),
    ("softplus", "Softplus", "softplus"),
];
pub const VIEW: View = View {
    x_min: -5.0,
    x_max: 5.0,
};
pub const X_STEP: f64 = 0.05;
pub const ALPHA_RANGE: (f64, f64) = (0.0, 0.5);
pub const ALPHA_STEP: f64 = 0.01;
pub const LAYERS: (f64, f64) = (1.0, 30.0);

/// The page's state: which activation (index into `KINDS`), the point, leaky ReLU's α and
/// the number of stacked layers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct State {
    pub kind: usize,
    pub x: f64,
    pub alpha: f64,
    pub layers: f64,
}

impl Default for State {
    fn default() -> State {
        State {
            kind: 0,
            x: 1.0,
            alpha: 0.1,
            layers: 10.0,
        }
    }
}

pub fn from_query(query: &str) -> State {
    let d = State::default();
    let get = |k: &str, range: (f64, f64), step: f64, default: f64| {
        from_address(query, k, range, step).unwrap_or(default)
    };
    State {
        kind: crate::ui::query::get(query, "g")
            .and_then(|g| KINDS.iter().position(|k| k.0 == g))
            .unwrap_or(d.kind),
        x: get("x", (VIEW.x_min, VIEW.x_max), X_STEP, d.x),
        alpha: get("alpha", ALPHA_RANGE, ALPHA_STEP, d.alpha),
        layers: get("n", LAYERS, 1.0, d.layers),
    }
}

pub fn to_query(s: &State) -> String {
    crate::ui::query::to_query(&[
        ("g", KINDS[s.kind].0.to_string()),
        ("x", plain(s.x)),
        ("alpha", plain(s.alpha)),
        ("n", plain(s.layers)),
    ])
}

/// The function the engine derives and plots.
pub fn function(s: &State) -> String {
    match KINDS[s.kind].0 {
        "leaky" => format!("leaky_relu(x, {})", plain(s.alpha)),
        "sigmoid" => "sigmoid(x)".into(),
        other => format!("{other}(x)"),
    }
}

fn six(v: f64) -> String {
    precise(v, 6).replace('-', "−")
}

/// What the point says: the value and the slope, or why there is no slope.
pub fn readout(study: &Study, s: &State) -> String {
    let g = KINDS[s.kind].2;
    let x = six(s.x);
    let (y, dy) = (study.f_at(s.x), study.df_at(s.x));
    if dy.is_finite() {
        return format!(
            "{g}({x}) = {} and {g}′({x}) = {}: the slope of the tangent.",
            six(y),
            six(dy)
        );
    }
    let (left, right) = (study.df_at(s.x - 1e-9), study.df_at(s.x + 1e-9));
    format!(
        "{g}({x}) = {}, but {g}′({x}) does not exist: the slope is {} from the left and {} from the right. Libraries pick {} here by convention.",
        six(y),
        six(left),
        six(right),
        six(left)
    )
}

/// A value of σ′, tanh′ or ReLU′ as the engine computes it.
fn slope(f: &str, x: f64) -> f64 {
    Study::parse(f).map(|s| s.df_at(x)).unwrap_or(f64::NAN)
}

/// The seed's hand-worked values next to the engine's: (what, engine, the tutorial's).
pub fn hand_values() -> Vec<(&'static str, String, &'static str)> {
    let at = |f, x| six(slope(f, x));
    vec![
        ("σ′(0)", at("sigmoid(x)", 0.0), "0.25"),
        ("σ′(1)", at("sigmoid(x)", 1.0), "≈ 0.197"),
        ("tanh′(0)", at("tanh(x)", 0.0), "1"),
        ("tanh′(1)", at("tanh(x)", 1.0), "≈ 0.419"),
        ("ReLU′(2)", at("relu(x)", 2.0), "1"),
        ("ReLU′(−1)", at("relu(x)", -1.0), "0"),
    ]
}

/// Why the tutorial's tanh′(1) ≈ 0.419 is off in the last digit: it squares a rounded tanh(1).
pub fn tanh_rounding() -> String {
    let t = 1f64.tanh();
    let rounded = (t * 1000.0).round() / 1000.0;
    format!(
        "Why the tutorial gets 0.419: it rounds tanh(1) to {} first, and 1 − {}² = {}, which \
         reads 0.419. Unrounded, tanh(1) = {} and 1 − tanh²(1) = {}, which is 0.420 to three \
         places. Rounding too early cost the last digit.",
        plain(rounded),
        plain(rounded),
        six(1.0 - rounded * rounded),
        six(t),
        six(1.0 - t * t)
    )
}

/// The gradient through n stacked layers: n slopes multiplied.
pub fn vanishing(study: &Study, s: &State) -> String {
    let n = s.layers;
    let g = KINDS[s.kind].2;
    let power = |v: f64| {
        let p = v.powf(n);
        if p != 0.0 && p.abs() < 1e-4 {
            scientific(p, 3)
        } else {
            six(p)
        }
    };
    let many = if n == 1.0 { "" } else { "s" };
    format!(
        "Through {} layer{many} the gradient is a product of {} slope{many}. Sigmoid slopes are \
         at most ¼, so at best (¼){} = {}. With {g} at x = {}, each slope is {} and the product is {}.",
        plain(n),
        plain(n),
        superscript_number(n as i64),
        power(0.25),
        six(s.x),
        six(study.df_at(s.x)),
        power(study.df_at(s.x))
    )
}

pub const INTRO: &str = "<p>A neuron adds up its inputs and passes the sum through an \
    <strong>activation function</strong>, which bends it: without the bend, a stack of layers \
    would be one straight-line map. Training moves weights along derivatives, so an \
    activation's derivative decides how well a network learns. Choose one, and move x: the \
    dashed tangent's slope is the derivative, which the second plot draws.</p>";

pub const HAND: &str = "<p>The tutorial this course grew from works some values out by \
    hand. The engine computes them here:</p>";

pub const DEFINITIONS: &str = "<p>The engine can also start from the definitions. For the \
    sigmoid, σ(x) = 1/(1 + e^(−x)), it finds e^(−x)/(e^(−x) + 1)². Split that as \
    1/(1 + e^(−x)) times e^(−x)/(1 + e^(−x)): the first factor is σ(x) and the second is \
    1 − σ(x), so σ′ = σ(1 − σ). For tanh x = (eˣ − e^(−x))/(eˣ + e^(−x)) it finds \
    4/(eˣ + e^(−x))², which is 1/cosh²x, and since cosh²x − sinh²x = 1 that is \
    1 − tanh²x.</p>";

pub const VANISHING: &str = "<p>In a deep network the chain rule multiplies one activation \
    derivative per layer. σ′ is never more than ¼ (at x = 0), so the product shrinks at \
    least fourfold per layer and the first layers barely learn: the <em>vanishing \
    gradient</em>. tanh′ reaches 1 at 0, and ReLU′ is exactly 1 wherever the input is \
    positive, which is why deep networks prefer them.</p>";
