//! Loss functions: mean squared error and binary cross-entropy as functions of the prediction
//! p (that is ŷ) for targets y = 1 (solid, with a tangent at p) and y = 0 (dashed); the
//! seed's gradients computed; the clipping ε; and why sigmoid + cross-entropy learns faster
//! than sigmoid + MSE. State in the address: `#/loss-functions?p=0.9`.

#[cfg(target_arch = "wasm32")]
mod page;
#[cfg(target_arch = "wasm32")]
pub use page::use_page;

use crate::learn::xor::{Loss, EPSILON};
use crate::math::func::sigmoid;
use crate::plot::format::{plain, scientific, trimmed};
use crate::ui::grid::from_address;

/// The page opens on the seed's first prediction, ŷ = 0.9.
pub const START: f64 = 0.9;
pub const P_RANGE: (f64, f64) = (0.01, 0.99);
pub const P_STEP: f64 = 0.01;

/// p from an address.
pub fn from_query(query: &str) -> f64 {
    from_address(query, "p", P_RANGE, P_STEP).unwrap_or(START)
}

pub fn to_query(p: f64) -> String {
    crate::ui::query::to_query(&[("p", plain(p))])
}

/// Each loss as the engine reads it (p is the prediction): its name, the function for
/// y = 1 (drawn solid, with the tangent) and for y = 0 (dashed).
pub const FUNCTIONS: [(&str, &str, &str); 2] = [
    ("Squared error", "(p - 1)^2", "p^2"),
    ("Cross-entropy", "-ln(p)", "-ln(1 - p)"),
];

fn num(v: f64) -> String {
    trimmed(v, 6)
}

/// Both losses and their slopes at p, for both targets, in words.
pub fn readout(p: f64) -> String {
    let part = |y: f64| {
        format!(
            "for y = {}, squared error {} (slope {}) and cross-entropy {} (slope {})",
            num(y),
            num(Loss::Mse.of(p, y)),
            num(Loss::Mse.derivative(p, y)),
            num(Loss::CrossEntropy.of(p, y)),
            num(Loss::CrossEntropy.derivative(p, y))
        )
    };
    format!("At p = {}: {}; {}.", num(p), part(1.0), part(0.0))
}

/// The seed's example: y = [1, 0, 1, 0], ŷ = [0.9, 0.1, 0.8, 0.2]; each row y, ŷ, the MSE
/// gradient 2(ŷ − y) and the cross-entropy gradient −y/ŷ + (1 − y)/(1 − ŷ).
pub fn seed_rows() -> Vec<[String; 4]> {
    [(1.0, 0.9), (0.0, 0.1), (1.0, 0.8), (0.0, 0.2)]
        .iter()
        .map(|&(y, p)| {
            [
                num(y),
                num(p),
                num(Loss::Mse.derivative(p, y)),
                num(Loss::CrossEntropy.derivative(p, y)),
            ]
        })
        .collect()
}

/// What the clipping does at ŷ = 0 for y = 1.
pub fn clipping() -> String {
    format!(
        "With ŷ = 0 and y = 1, −ln ŷ would be ∞ and its derivative −1/ŷ a division by zero. Clipped to ε = {}, they are {} and {}: large, but numbers a computer can still subtract.",
        scientific(EPSILON, 1),
        num(Loss::CrossEntropy.of(0.0, 1.0)),
        scientific(Loss::CrossEntropy.derivative(0.0, 1.0), 3)
    )
}

/// For y = 1 and a badly wrong score z: ∂L/∂z through the sigmoid for both losses.
pub fn through_sigmoid(z: f64) -> (f64, f64) {
    let p = sigmoid(z);
    let s = p * (1.0 - p);
    (Loss::Mse.derivative(p, 1.0) * s, p - 1.0)
}

/// The comparison in words, at z = −4.
pub fn slow_mse() -> String {
    let (mse, ce) = through_sigmoid(-4.0);
    format!(
        "Take y = 1 and a confidently wrong score z = −4, so ŷ = σ(−4) = {}. Cross-entropy gives ∂L/∂z = ŷ − y = {}. MSE gives 2(ŷ − y)·σ′(z) = {}, {} times smaller: the extra σ′ factor shrinks the gradient exactly when the prediction is worst, and learning stalls.",
        num(sigmoid(-4.0)),
        num(ce),
        num(mse),
        trimmed(ce / mse, 3)
    )
}

pub const INTRO: &str = "<p>A loss says how wrong a prediction is; its derivative says which \
    way to move the prediction and how hard. Here the prediction p (the ŷ of a network) is \
    a probability between 0 and 1 and the target y is 0 or 1.</p>\
    <p><strong>Mean squared error</strong>: L = (p − y)², with dL/dp = 2(p − y). \
    <strong>Binary cross-entropy</strong>: L = −(y ln p + (1 − y) ln(1 − p)), with \
    dL/dp = −y/p + (1 − y)/(1 − p). For y = 1 that is −ln p with slope −1/p: the more \
    confidently wrong the prediction, the steeper the loss, without limit. Below, solid \
    curves are for y = 1, dashed ones for y = 0.</p>";

pub const PAIRS: &str = "<p>A network's output layer is chosen together with its loss so \
    that the chain rule cancels. With a sigmoid output p = σ(z) and cross-entropy, \
    dL/dp = (p − y)/(p(1 − p)) and dp/dz = σ′(z) = p(1 − p), so ∂L/∂z = p − y. With a \
    softmax output and cross-entropy over several classes the same happens for every \
    score: ∂L/∂zᵢ = pᵢ − yᵢ. With MSE the σ′ factor stays.</p>";
