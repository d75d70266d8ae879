//! The chain rule in a neuron: y = σ(wx + b) with sliders **w**, **b** and **x**, drawn as a
//! computational graph (each node's value from the forward pass, each edge's local derivative
//! for the backward pass), their product dy/dx beside a central-difference check, and the
//! engine's own derivation of σ(wx + b). State in the address: `#/neuron?w=2&b=1&x=1`.

#[cfg(target_arch = "wasm32")]
mod page;
#[cfg(target_arch = "wasm32")]
pub use page::use_page;

use crate::learn::neuron::Pass;
use crate::learn::{central_difference, neuron, relative_error};
use crate::plot::format::{decimals, plain, precise, scientific};
use crate::ui::grid::from_address;

/// The seed's neuron: w = 2, b = 1, x = 1 (so z = 3 and dy/dx ≈ 0.090).
pub const START: (f64, f64, f64) = (2.0, 1.0, 1.0);
pub const RANGE: (f64, f64) = (-4.0, 4.0);
pub const STEP: f64 = 0.1;
/// The function the engine derives, w and b its parameters.
pub const FUNCTION: &str = "sigmoid(w x + b)";

/// w, b and x from an address, on the sliders' grid and range; the seed's for anything else.
pub fn from_query(query: &str) -> (f64, f64, f64) {
    let get = |k: &str, d: f64| from_address(query, k, RANGE, STEP).unwrap_or(d);
    (get("w", START.0), get("b", START.1), get("x", START.2))
}

pub fn to_query((w, b, x): (f64, f64, f64)) -> String {
    crate::ui::query::to_query(&[("w", plain(w)), ("b", plain(b)), ("x", plain(x))])
}

/// A value in the readout: six significant digits.
pub fn num(v: f64) -> String {
    short(v, 6)
}

/// A value with `digits` significant digits and a true minus sign (four fit on the graph).
pub fn short(v: f64, digits: usize) -> String {
    precise(v, digits).replace('-', "−")
}

/// The graph in words, for the canvas-free reader.
pub fn describe((w, b, x): (f64, f64, f64), p: &Pass) -> String {
    format!(
        "Forward: x = {} goes to z = wx + b = {} · {} + {} = {}, then to y = σ(z) = {}. \
         Backward: the edge from x to z carries dz/dx = w = {}; the edge from z to y carries dy/dz = σ′(z) = {}.",
        num(x),
        num(w),
        num(x),
        num(b),
        num(p.z),
        num(p.y),
        num(w),
        num(p.dy_dz)
    )
}

/// The chain rule's product and its check: "dy/dx = σ′(z) · w = 0.0451767 · 2 = 0.0903533 ≈ 0.090".
pub fn product((w, _, _): (f64, f64, f64), p: &Pass) -> String {
    format!(
        "dy/dx = dy/dz · dz/dx = σ′(z) · w = {} · {} = {} ≈ {}",
        num(p.dy_dz),
        num(w),
        num(p.dy_dx),
        decimals(p.dy_dx, 3)
    )
}

/// The central difference at x and how far it is from the chain rule's answer.
pub fn check((w, b, x): (f64, f64, f64), p: &Pass) -> String {
    let fd = central_difference(|t| neuron::pass(w, b, t).y, x);
    format!(
        "Check: (y(x + h) − y(x − h)) / 2h with h = 10⁻⁵ gives {}, a relative error of {}.",
        num(fd),
        scientific(relative_error(p.dy_dx, fd), 2)
    )
}

pub const INTRO: &str = "<p>A neuron takes an input x, scales it by a weight w, adds a bias b \
    and squashes the result with the sigmoid: z = wx + b, then y = σ(z). To learn, a network \
    needs to know how y changes when something changes: that is a derivative of a \
    composition, so the chain rule.</p>\
    <p>Draw the neuron as a graph. Going forward, each node gets its value. Going backward, \
    each edge gets the derivative of its output with respect to its input: from x to z that \
    is dz/dx = w, from z to y it is dy/dz = σ′(z) = σ(z)(1 − σ(z)). The chain rule multiplies \
    them along the path.</p>";

pub const OTHERS: &str = "<p>Training does not change x, it changes w and b. The same \
    backward pass gives their derivatives: only the first edge differs. ∂z/∂w = x and \
    ∂z/∂b = 1, so ∂y/∂w = σ′(z)·x and ∂y/∂b = σ′(z). Every factor carries σ′(z), which is \
    never more than ¼: a neuron far from z = 0 passes almost no gradient back.</p>";

pub const ENGINE: &str = "<p>The engine derives dy/dx symbolically, with w and b as \
    constants: the same chain, outer σ(u) and inner u = wx + b.</p>";
