//! Average and instantaneous rate of change: f(x) = x³ with two points a and b, the secant's
//! slope (the average rate on [a, b]) and, as b is brought to a, the tangent's slope 3a² (the
//! instantaneous rate). State in the address: `#/rate-of-change?a=1&b=2`.

#[cfg(target_arch = "wasm32")]
mod page;
#[cfg(target_arch = "wasm32")]
pub use page::use_page;

use crate::plot::view::View;

pub const FUNCTION: &str = "x^3";
/// Where the page opens (the seed's interval).
pub const START: (f64, f64) = (1.0, 2.0);
/// What the plot shows, and the range of the sliders.
pub const VIEW: View = View {
    x_min: -1.0,
    x_max: 2.5,
};
/// Slider grid.
pub const STEP: f64 = 0.01;

/// a and b from an address (`?a=1&b=2`), within the view; the start where missing or bad.
pub fn from_query(query: &str) -> (f64, f64) {
    // Any point of the view, not only the sliders' grid (a link may carry a = 1.2345).
    let get = |k: &str, d: f64| {
        crate::ui::grid::from_address(query, k, (VIEW.x_min, VIEW.x_max), 0.0).unwrap_or(d)
    };
    (get("a", START.0), get("b", START.1))
}

pub fn to_query(a: f64, b: f64) -> String {
    crate::ui::query::to_query(&[
        ("a", crate::plot::format::plain(a)),
        ("b", crate::plot::format::plain(b)),
    ])
}

pub const INTRO: &str = "<p>How fast does f change? Over an interval, the answer is an \
    <strong>average</strong>: the change in f divided by the change in x, which is the slope of \
    the secant through the two ends. At a single point, it is the <strong>instantaneous</strong> \
    rate: what the average becomes as the interval shrinks to nothing, the slope of the \
    tangent. That limit is the derivative.</p>";

pub const OUTRO: &str = "<p>Drag a or b (on the plot or with the sliders), or press \
    <em>Bring b to a</em>. As b closes in on a, the secant swings onto the tangent and the \
    average rate settles on f′(a). It never gets there by substitution (b = a gives 0 / 0), only \
    as a limit: that is why derivatives need limits at all.</p>";
