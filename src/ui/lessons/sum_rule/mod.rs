//! Sum rule: (u + v)′ = u′ + v′.

use crate::ui::content::{Picture, RuleLesson};
use crate::{ddx, rule};

pub const CONTENT: RuleLesson = RuleLesson {
    intro: "<p>The derivative of a sum is the sum of the derivatives: differentiate term by \
        term. Together with the power and constant multiple rules, that is enough for every \
        polynomial.</p>",
    rule: rule!(
        "d by d x of u of x plus v of x equals u prime of x plus v prime of x",
        ddx!(),
        "<mrow><mo>[</mo><mi>u</mi><mo>(</mo><mi>x</mi><mo>)</mo><mo>+</mo><mi>v</mi><mo>(</mo><mi>x</mi><mo>)</mo><mo>]</mo></mrow>",
        "<mo>=</mo><msup><mi>u</mi><mo>′</mo></msup><mo>(</mo><mi>x</mi><mo>)</mo><mo>+</mo>",
        "<msup><mi>v</mi><mo>′</mo></msup><mo>(</mo><mi>x</mi><mo>)</mo>"
    ),
    rule_words: "The derivative of u of x plus v of x is u prime of x plus v prime of x.",
    why: "<p>Over a step h, the change of u + v is the change of u plus the change of v, so \
        the secant slope splits in two: (u(x + h) − u(x)) / h + (v(x + h) − v(x)) / h. \
        Each fraction tends to its own derivative. The same goes for a difference: \
        (u − v)′ = u′ − v′.</p>",
    picture: Picture::None,
    examples: &["x^2 + 3x", "x^3 + 2x^2 + 5x + 1"],
    try_first: "x^4 - 3x^2 + 2",
    watch_out: "<ul><li>A constant term has derivative 0: it moves the graph up or down \
        without changing any slope.</li>\
        <li>The rule is for sums. A product needs the product rule: the derivative of \
        x² · x³ is not 2x · 3x².</li></ul>",
};
