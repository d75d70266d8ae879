//! One neuron y = σ(z), z = wx + b, as a computational graph: the forward pass gives each node
//! its value, the backward pass each edge its local derivative, and the chain rule multiplies
//! them: dy/dx = dy/dz · dz/dx = σ′(z) · w.

use crate::math::func::sigmoid;

/// Every number on the graph for one input.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pass {
    /// z = wx + b.
    pub z: f64,
    /// y = σ(z).
    pub y: f64,
    /// dy/dz = σ′(z) = σ(z)(1 − σ(z)).
    pub dy_dz: f64,
    /// dy/dx = σ′(z) · w.
    pub dy_dx: f64,
    /// ∂y/∂w = σ′(z) · x.
    pub dy_dw: f64,
    /// ∂y/∂b = σ′(z) · 1.
    pub dy_db: f64,
}

/// The forward and backward pass of σ(wx + b).
pub fn pass(w: f64, b: f64, x: f64) -> Pass {
    let z = w * x + b;
    let y = sigmoid(z);
    let dy_dz = y * (1.0 - y);
    Pass {
        z,
        y,
        dy_dz,
        dy_dx: dy_dz * w,
        dy_dw: dy_dz * x,
        dy_db: dy_dz,
    }
}
