//! Constant multiple rule: (c·u)′ = c·u′.

use crate::ui::content::{Picture, RuleLesson};
use crate::{ddx, rule};

pub const CONTENT: RuleLesson = RuleLesson {
    intro: "<p>A constant factor comes along for the ride. Stretching a graph vertically by a \
        factor c stretches every one of its slopes by the same factor.</p>",
    rule: rule!(
        "d by d x of c times u of x equals c times u prime of x",
        ddx!(),
        "<mrow><mo>[</mo><mi>c</mi><mo>·</mo><mi>u</mi><mo>(</mo><mi>x</mi><mo>)</mo><mo>]</mo></mrow>",
        "<mo>=</mo><mi>c</mi><mo>·</mo><msup><mi>u</mi><mo>′</mo></msup><mo>(</mo><mi>x</mi><mo>)</mo>"
    ),
    rule_words: "The derivative of c times u of x is c times u prime of x, for any constant c.",
    why: "<p>The secant slope of c·u is (c·u(x + h) − c·u(x)) / h = c · (u(x + h) − u(x)) / h. \
        The factor c stands outside the fraction, so as h → 0 the slope tends to c times the \
        slope of u.</p>",
    picture: Picture::None,
    examples: &["5x^2", "-3x^3"],
    try_first: "7x^4",
    watch_out: "<ul><li>The constant multiplies; it is not differentiated: the derivative of \
        5x² is 5 · 2x = 10x.</li>\
        <li>A constant <em>added</em> to a function disappears instead: the derivative of \
        x² + 5 is 2x. The sum rule explains why.</li></ul>",
};
