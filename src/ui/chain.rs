//! The chain rule as stretched number lines: a small step Δx on the x line becomes a step
//! Δu = g(x + Δx) − g(x) on the u line and Δy = f(u + Δu) − f(u) on the y line; the stretch
//! factors Δu/Δx and Δy/Δu tend to g′(x) and f′(u), and they multiply. Pure numbers for the
//! picture and its readout; the functions are the chain-rule lesson's first example,
//! (x² + 1)³ = f(g(x)) with g(x) = x² + 1 and f(u) = u³, read by the engine.

use crate::math::Study;
use crate::plot::format::value;

pub const INNER: &str = "x^2 + 1";
pub const OUTER: &str = "u^3";
pub const COMPOSITE: &str = "(x^2 + 1)^3";
pub const AT: f64 = 1.0;
/// The Δx slider's range.
pub const DX_RANGE: (f64, f64) = (1e-3, 0.1);

/// The three steps.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Steps {
    pub u: f64,
    pub y: f64,
    pub dx: f64,
    pub du: f64,
    pub dy: f64,
}

impl Steps {
    pub fn new(inner: &Study, outer: &Study, x: f64, dx: f64) -> Steps {
        let u = inner.f_at(x);
        let du = inner.f_at(x + dx) - u;
        let y = outer.f_at(u);
        Steps {
            u,
            y,
            dx,
            du,
            dy: outer.f_at(u + du) - y,
        }
    }
}

/// The readout: both stretches, their product, and the limits the rule gives.
pub fn readout(inner: &Study, outer: &Study, composite: &Study, x: f64, dx: f64) -> String {
    let s = Steps::new(inner, outer, x, dx);
    format!(
        "At x = {}, u = x² + 1 = {} and y = u³ = {}. A step Δx = {} becomes Δu = {} (stretched \
         ×{}) and then Δy = {} (stretched ×{}): ×{} in all. As Δx → 0 the stretches tend to \
         du/dx = {} and dy/du = {}, and dy/dx = {} · {} = {}.",
        value(x),
        value(s.u),
        value(s.y),
        value(dx),
        value(s.du),
        value(s.du / s.dx),
        value(s.dy),
        value(s.dy / s.du),
        value(s.dy / s.dx),
        value(inner.df_at(x)),
        value(outer.df_at(s.u)),
        value(inner.df_at(x)),
        value(outer.df_at(s.u)),
        value(composite.df_at(x))
    )
}
