//! Numerical and symbolic differentiation: difference quotients against the rules, the error
//! against h (truncation, then round-off), the cusp where a central difference lies, and when
//! to use which. Every number on the page is computed when it renders.

#[cfg(target_arch = "wasm32")]
mod page;
#[cfg(target_arch = "wasm32")]
pub use page::numerical_and_symbolic;

use crate::math::numeric::{difference_quotient, one_sided_slopes, Limit, Method};
use crate::math::Study;

/// The seed's functions: one to approximate numerically, one to derive by the rules.
pub const NUMERIC_EXAMPLE: &str = "2x^2 + 3x + 1";
pub const NUMERIC_AT: f64 = 1.0;
pub const SYMBOLIC_EXAMPLE: &str = "x^3 + 2x^2 + 5x + 1";
/// The cusp: x^(2/3) at 0, where the central quotient is exactly 0 for every h.
pub const CUSP: &str = "x^(2/3)";
pub const CUSP_H: f64 = 1e-3;

/// What the cusp warning shows: the central quotient, the forward one, and the one-sided
/// limits of the slope at 0.
pub struct Cusp {
    pub central: f64,
    pub forward: f64,
    pub left: Limit,
    pub right: Limit,
}

pub fn cusp() -> Option<Cusp> {
    let s = Study::parse(CUSP).ok()?;
    let (left, right) = one_sided_slopes(&s.f_program, 0.0);
    Some(Cusp {
        central: difference_quotient(&s.f_program, 0.0, CUSP_H, Method::Central),
        forward: difference_quotient(&s.f_program, 0.0, CUSP_H, Method::Forward),
        left,
        right,
    })
}

pub const INTRO: &str = "<p>A computer can find a derivative in two ways. \
    <strong>Numerically</strong>: evaluate f at two nearby points and divide, exactly as the \
    secant does. <strong>Symbolically</strong>: apply the rules to the formula, as you would \
    on paper. Slope does both on every page; here they meet.</p>";

pub const QUOTIENTS: &str = "<p>Two of the quotients in the table below (backward mirrors forward):</p>\
    <math display=\"block\" alttext=\"forward: f of x plus h minus f of x, over h\"><mtext>forward</mtext><mspace width=\"0.5em\"/>\
    <mfrac><mrow><mi>f</mi><mo>(</mo><mi>x</mi><mo>+</mo><mi>h</mi><mo>)</mo><mo>−</mo><mi>f</mi><mo>(</mo><mi>x</mi><mo>)</mo></mrow><mi>h</mi></mfrac></math>\
    <math display=\"block\" alttext=\"central: f of x plus h minus f of x minus h, over 2 h\"><mtext>central</mtext><mspace width=\"0.5em\"/>\
    <mfrac><mrow><mi>f</mi><mo>(</mo><mi>x</mi><mo>+</mo><mi>h</mi><mo>)</mo><mo>−</mo><mi>f</mi><mo>(</mo><mi>x</mi><mo>−</mo><mi>h</mi><mo>)</mo></mrow><mrow><mn>2</mn><mi>h</mi></mrow></mfrac></math>\
    <p>The forward quotient's error shrinks in step with h: ten times smaller h, ten times \
    smaller error. The central quotient's error shrinks with h²: its two sides cancel the f″ \
    term and leave one in f‴. A parabola has f‴ = 0, so its central quotient is exact up to \
    rounding, as the table shows.</p>";

pub const ROUND_OFF: &str = "<p>So why not take h tiny? A computer keeps about 16 significant \
    digits. With h = 10<sup>−10</sup>, f(x + h) and f(x) agree in their first ten digits, and \
    their difference keeps only the last six, mostly rounding noise. Dividing by h magnifies \
    that noise ten billion times. Below h ≈ 10<sup>−8</sup> this round-off error is larger \
    than the truncation error that a smaller h removes, and the error grows again: the \
    V shape in the error plot. Usually the best h is about 10<sup>−8</sup> forward and \
    10<sup>−5</sup> central; the parabola's central quotient, exact, does best at large h.</p>";

pub const WHEN: &str = "<ul>\
    <li><strong>Symbolic</strong> when you have a formula: the result is exact, holds for every \
    x at once, and shows <em>why</em> (the steps). Its cost is that the formula can grow large.</li>\
    <li><strong>Numerical</strong> when f is a black box: a simulation, measured data, a program \
    you cannot see into. Use the central quotient with h near 10<sup>−5</sup>, and expect about \
    ten correct digits, not sixteen.</li>\
    <li><strong>Both</strong> to check one with the other: machine-learning code checks its \
    gradients exactly this way (a \"gradient check\").</li></ul>";
