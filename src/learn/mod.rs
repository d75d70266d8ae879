//! The neural-network half of the course, as pure Rust (no Yew, no drawing): softmax and its
//! Jacobian, one neuron's forward and backward pass, linear regression by gradient descent,
//! a 2-H-1 network learning XOR, the seeded generator behind their data and weights, and the checks a student can run on them
//! (central differences, relative errors). Every gradient here has a native test against a
//! central difference.

pub mod neuron;
pub mod regression;
pub mod rng;
pub mod softmax;
pub mod xor;

/// The central difference (f(x + h) − f(x − h)) / 2h: error of order h², and h = 10⁻⁵ keeps
/// round-off (about 10⁻¹⁶/h) below it for functions of size 1.
pub fn central_difference(f: impl Fn(f64) -> f64, x: f64) -> f64 {
    const H: f64 = 1e-5;
    (f(x + H) - f(x - H)) / (2.0 * H)
}

/// |a − b| / max(|a|, |b|), the relative error a gradient check reports (0 when both are 0).
pub fn relative_error(a: f64, b: f64) -> f64 {
    let scale = a.abs().max(b.abs());
    if scale == 0.0 {
        0.0
    } else {
        (a - b).abs() / scale
    }
}
