//! The product rule as area: a rectangle with sides u(x) and v(x) grows by two strips and a
//! corner when x grows by Δx. Pure numbers for the picture and its readout; the functions
//! are the product-rule lesson's first example, x²(x + 1), read by the engine.

use crate::math::Study;
use crate::plot::format::value;

/// The sides and the example's point.
pub const U: &str = "x^2";
pub const V: &str = "x + 1";
pub const PRODUCT: &str = "x^2(x + 1)";
pub const AT: f64 = 1.0;
/// The Δx slider's range.
pub const DX_RANGE: (f64, f64) = (1e-3, 0.5);

/// The rectangle at x and its growth over Δx.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pieces {
    pub u: f64,
    pub v: f64,
    pub du: f64,
    pub dv: f64,
}

impl Pieces {
    pub fn new(u: &Study, v: &Study, x: f64, dx: f64) -> Pieces {
        let (u0, v0) = (u.f_at(x), v.f_at(x));
        Pieces {
            u: u0,
            v: v0,
            du: u.f_at(x + dx) - u0,
            dv: v.f_at(x + dx) - v0,
        }
    }

    /// The growth of the area: the strip v·Δu, the strip u·Δv and the corner Δu·Δv.
    pub fn parts(&self) -> [f64; 3] {
        [self.v * self.du, self.u * self.dv, self.du * self.dv]
    }
}

/// The readout: the three pieces, their sum divided by Δx, and the limit the rule gives.
pub fn readout(u: &Study, v: &Study, product: &Study, x: f64, dx: f64) -> String {
    let p = Pieces::new(u, v, x, dx);
    let [a, b, c] = p.parts();
    format!(
        "At x = {}, u = x² = {} and v = x + 1 = {}. With Δx = {}: ΔA = v·Δu + u·Δv + Δu·Δv = {} + {} + {}. Divided by Δx: {} + {} + {} = {}. \
         As Δx → 0 the corner's share vanishes and this tends to u′v + uv′ = {} · {} + {} · {} = {}, \
         which is f′({}) for f = uv.",
        value(x),
        value(p.u),
        value(p.v),
        value(dx),
        value(a),
        value(b),
        value(c),
        value(a / dx),
        value(b / dx),
        value(c / dx),
        value((a + b + c) / dx),
        value(u.df_at(x)),
        value(p.v),
        value(p.u),
        value(v.df_at(x)),
        value(product.df_at(x)),
        value(x)
    )
}
