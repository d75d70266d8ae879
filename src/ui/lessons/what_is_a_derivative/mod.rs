//! What is a derivative: a car's position s(t) and its speed s′(t) scrubbed together by one
//! time slider (the tangent's slope on s is the speed read off s′), then the limit definition
//! with the two-point secant widget on x². State in the address:
//! `#/what-is-a-derivative?t=2&a=1&b=2`.

#[cfg(target_arch = "wasm32")]
mod page;
#[cfg(target_arch = "wasm32")]
pub use page::use_page;

use crate::math::Study;
use crate::plot::format::{plain, value};
use crate::plot::overlay::Overlay;
use crate::plot::view::View;

/// The car's position in metres after t seconds: it pulls away, reaches its top speed of
/// 9 m/s at t = 3 and brakes to a stop at t = 6, 36 m on.
pub const POSITION: &str = "3t^2 - t^3/3";
pub const TIME: View = View {
    x_min: 0.0,
    x_max: 6.0,
};
pub const T_STEP: f64 = 0.05;
pub const START_T: f64 = 2.0;
/// The limit definition's example: x², from a = 1 and b = 2.
pub const SECANT_F: &str = "x^2";
pub const SECANT_VIEW: View = View {
    x_min: -1.0,
    x_max: 2.5,
};
pub const SECANT_STEP: f64 = 0.01;
pub const SECANT_START: (f64, f64) = (1.0, 2.0);

/// t, a and b from an address, on their grids and in range; the start where missing or bad.
pub fn from_query(query: &str) -> (f64, f64, f64) {
    let get = |k: &str, view: View, step: f64, d: f64| {
        crate::ui::grid::from_address(query, k, (view.x_min, view.x_max), step).unwrap_or(d)
    };
    (
        get("t", TIME, T_STEP, START_T),
        get("a", SECANT_VIEW, SECANT_STEP, SECANT_START.0),
        get("b", SECANT_VIEW, SECANT_STEP, SECANT_START.1),
    )
}

pub fn to_query(t: f64, a: f64, b: f64) -> String {
    crate::ui::query::to_query(&[("t", plain(t)), ("a", plain(a)), ("b", plain(b))])
}

/// The speedometer: where the car is and how fast it goes at t.
pub fn speedometer(s: &Study, t: f64) -> String {
    format!(
        "At t = {} s the car is at s({}) = {} m and moving at s′({}) = {} m/s: the slope of the tangent.",
        value(t),
        value(t),
        value(s.f_at(t)),
        value(t),
        value(s.df_at(t))
    )
}

/// On the position plot: the tangent at t and the car's point (draggable).
pub fn position_overlay(s: &Study, t: f64) -> Overlay {
    Overlay::tangent(t, s.f_at(t), s.df_at(t))
}

/// On the speed plot: the speed at t.
pub fn speed_overlay(s: &Study, t: f64) -> Overlay {
    Overlay::point(t, s.df_at(t))
}

pub const INTRO: &str = "<p>A derivative measures how fast something changes. Picture a car: \
    its <strong>position</strong> s(t), in metres, changes with the time t, in seconds. How \
    fast it changes is the car's <strong>speed</strong>, and the speed is the derivative of the \
    position: s′(t). Move the time below. On the position graph, the speed is the slope of the \
    dashed tangent line: steep while the car is fast, flat when it stops.</p>";

pub const LIMIT: &str = "<p>How do we get a slope at a single instant, when a slope needs two \
    points? Take a second point a little later, at x + h, work out the slope of the line \
    through both (a <em>secant</em>), and let h shrink to zero:</p>\
    <math display=\"block\" alttext=\"f prime of x equals the limit as h goes to 0 of, f of x plus h minus f of x, over h\">\
    <msup><mi>f</mi><mo>′</mo></msup><mo>(</mo><mi>x</mi><mo>)</mo><mo>=</mo>\
    <munder><mo movablelimits=\"true\">lim</mo><mrow><mi>h</mi><mo>→</mo><mn>0</mn></mrow></munder>\
    <mfrac><mrow><mi>f</mi><mo>(</mo><mi>x</mi><mo>+</mo><mi>h</mi><mo>)</mo><mo>−</mo><mi>f</mi><mo>(</mo><mi>x</mi><mo>)</mo></mrow><mi>h</mi></mfrac></math>\
    <p>Try it on f(x) = x² below, with x = a and h = b − a. Press <em>Bring b to a</em>: as h \
    shrinks, the secant swings onto the tangent and its slope settles on f′(a) = 2a.</p>";

pub const OUTRO: &str = "<p>Doing this at every x gives a new function, the derivative f′: \
    for x², f′(x) = 2x. The rest of the course shows how to find derivatives without limits, \
    with a handful of rules, and the explorer does it for any function you type, step by \
    step.</p>";
