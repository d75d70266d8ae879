//! Softmax and its Jacobian: three or four scores on sliders **z1** … **z4**, the
//! probabilities as bars, the Jacobian ∂sᵢ/∂zⱼ = sᵢ(δᵢⱼ − sⱼ) as a colour-coded table whose
//! rows sum to 0, and a shift c added to every score that breaks the formula as written (past
//! e^709.78) but not the stable form. State in the address: `#/softmax?z=2,1,0.1&c=0`.

#[cfg(target_arch = "wasm32")]
mod page;
#[cfg(target_arch = "wasm32")]
pub use page::use_page;

use crate::math::clamp;
use crate::math::decimal::parse_decimal;
use crate::plot::format::{decimals, plain};
use crate::ui::grid::snap;

/// The page opens on these scores (a classic example: one clear winner).
pub const START: [f64; 3] = [2.0, 1.0, 0.1];
pub const Z_RANGE: (f64, f64) = (-5.0, 5.0);
pub const Z_STEP: f64 = 0.1;
/// The shift added to every score, up to well past the overflow.
pub const SHIFT_RANGE: (f64, f64) = (0.0, 1000.0);
pub const SHIFT_STEP: f64 = 5.0;
/// How many scores the page shows: three or four.
pub const SIZES: (usize, usize) = (3, 4);

/// The page's state: the scores and the shift.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub z: Vec<f64>,
    pub shift: f64,
}

impl Default for State {
    fn default() -> State {
        State {
            z: START.to_vec(),
            shift: 0.0,
        }
    }
}

/// The state in an address, on the sliders' grids and ranges; the start for anything missing
/// or unreadable (three or four scores, else the start's).
pub fn from_query(query: &str) -> State {
    let number = |v: &str, (lo, hi): (f64, f64), step: f64| {
        parse_decimal(v.trim())
            .filter(|v| v.is_finite())
            .map(|v| snap(clamp(v, lo, hi), step))
    };
    let start = State::default();
    let z = crate::ui::query::get(query, "z")
        .and_then(|list| {
            list.split(',')
                .map(|v| number(v, Z_RANGE, Z_STEP))
                .collect::<Option<Vec<f64>>>()
        })
        .filter(|z| (SIZES.0..=SIZES.1).contains(&z.len()))
        .unwrap_or(start.z);
    let shift = crate::ui::grid::from_address(query, "c", SHIFT_RANGE, SHIFT_STEP).unwrap_or(0.0);
    State { z, shift }
}

pub fn to_query(s: &State) -> String {
    let z: Vec<String> = s.z.iter().map(|v| plain(*v)).collect();
    crate::ui::query::to_query(&[("z", z.join(",")), ("c", plain(s.shift))])
}

/// A number in the Jacobian or a bar: three decimals, a true minus, never "−0.000".
pub fn cell(v: f64) -> String {
    decimals(v, 3)
}

/// "s1 = 0.659, s2 = 0.242, s3 = 0.099", for the live region and the bars' text.
pub fn probabilities(s: &[f64]) -> String {
    let parts: Vec<String> = s
        .iter()
        .enumerate()
        .map(|(i, v)| format!("s{} = {}", i + 1, cell(*v)))
        .collect();
    parts.join(", ")
}

/// A Jacobian entry's colour: Okabe–Ito blue for positive, vermillion for negative, stronger
/// for larger (the largest possible entry is ¼); the sign is also in the number.
pub fn shade(v: f64) -> String {
    let alpha = (v.abs() / 0.25).min(1.0) * 0.55;
    let (r, g, b) = if v >= 0.0 {
        (0, 114, 178)
    } else {
        (213, 94, 0)
    };
    format!(
        "background-color: rgba({r}, {g}, {b}, {})",
        crate::math::digits::fixed(alpha, 3)
    )
}

pub const INTRO: &str = "<p>A classifier ends with one score per class, z₁, z₂, z₃, …, \
    any real numbers. <strong>Softmax</strong> turns them into probabilities: it raises e to \
    each score (so every one is positive) and divides by the total (so they add up to 1).</p>\
    <math display=\"block\" alttext=\"s i equals e to the z i, over the sum over j of e to the z j\">\
    <msub><mi>s</mi><mi>i</mi></msub><mo>=</mo><mfrac><msup><mi>e</mi><msub><mi>z</mi><mi>i</mi></msub></msup>\
    <mrow><munder><mo>∑</mo><mi>j</mi></munder><msup><mi>e</mi><msub><mi>z</mi><mi>j</mi></msub></msup></mrow></mfrac></math>\
    <p>The largest score gets the largest share, but every class keeps some. Move the \
    scores.</p>";

pub const JACOBIAN: &str = "<p>Softmax takes a vector and gives a vector, so its derivative \
    is a matrix, the <strong>Jacobian</strong>: row i, column j says how fast sᵢ changes when \
    zⱼ moves. With S = Σ e^(zⱼ), the quotient rule gives</p>\
    <math display=\"block\" alttext=\"partial s i over partial z j equals s i times, delta i j minus s j\">\
    <mfrac><mrow><mo>∂</mo><msub><mi>s</mi><mi>i</mi></msub></mrow><mrow><mo>∂</mo><msub><mi>z</mi><mi>j</mi></msub></mrow></mfrac>\
    <mo>=</mo><msub><mi>s</mi><mi>i</mi></msub><mo>(</mo><msub><mi>δ</mi><mrow><mi>i</mi><mi>j</mi></mrow></msub>\
    <mo>−</mo><msub><mi>s</mi><mi>j</mi></msub><mo>)</mo></math>\
    <p>where δᵢⱼ is 1 when i = j and 0 otherwise.</p><ul>\
    <li>On the diagonal, (e^(zᵢ)·S − e^(zᵢ)·e^(zᵢ))/S² = sᵢ(1 − sᵢ): positive, the same shape \
    as the sigmoid's derivative. Raising a score raises its own probability.</li>\
    <li>Off the diagonal, (0·S − e^(zᵢ)·e^(zⱼ))/S² = −sᵢsⱼ: negative. Raising one score \
    lowers every other probability.</li></ul>\
    <p>Each row adds up to 0: the probabilities always add up to 1, so whatever one gains \
    the others lose. The last column checks it.</p>";

pub const STABLE: &str = "<p>On a computer the formula as written breaks for large scores. \
    The largest number a double can hold is about 1.8 × 10³⁰⁸, so e^z is ∞ once z passes \
    709.78, and ∞/∞ is not a number (NaN). The way out: adding the same c to every score \
    changes nothing, because e^c cancels above and below the line. So libraries subtract the \
    largest score first. Every exponent is then at most 0, every power of e at most 1, and \
    the total at least 1: nothing overflows.</p>\
    <p>Add a shift c to every score and compare: the formula as written fails once the \
    largest score plus c passes 709.78; the stable form never moves.</p>";
