//! Quotient rule: (u/v)′ = (u′v − uv′)/v².

use crate::ui::content::{Picture, RuleLesson};
use crate::{ddx, rule};

pub const CONTENT: RuleLesson = RuleLesson {
    intro: "<p>For a fraction u / v: the derivative of the top times the bottom, minus the top \
        times the derivative of the bottom, all over the bottom squared. Mind the order, \
        because of the minus sign.</p>",
    rule: rule!(
        "d by d x of u of x over v of x equals the fraction u prime v minus u v prime over v squared",
        ddx!(),
        "<mfrac><mrow><mi>u</mi><mo>(</mo><mi>x</mi><mo>)</mo></mrow><mrow><mi>v</mi><mo>(</mo><mi>x</mi><mo>)</mo></mrow></mfrac>",
        "<mo>=</mo><mfrac><mrow><msup><mi>u</mi><mo>′</mo></msup><mo>(</mo><mi>x</mi><mo>)</mo><mi>v</mi><mo>(</mo><mi>x</mi><mo>)</mo>",
        "<mo>−</mo><mi>u</mi><mo>(</mo><mi>x</mi><mo>)</mo><msup><mi>v</mi><mo>′</mo></msup><mo>(</mo><mi>x</mi><mo>)</mo></mrow>",
        "<msup><mrow><mi>v</mi><mo>(</mo><mi>x</mi><mo>)</mo></mrow><mn>2</mn></msup></mfrac>"
    ),
    rule_words: "The derivative of u over v is u prime times v minus u times v prime, all over v squared, wherever v is not 0.",
    why: "<p>Write u / v as u · v<sup>−1</sup>. The product rule and the chain rule give \
        u′ · v<sup>−1</sup> + u · (−v<sup>−2</sup> · v′), which over the common denominator v² \
        is (u′v − uv′) / v². So the quotient rule is the product rule in disguise, worth \
        knowing by heart because fractions are everywhere.</p>",
    picture: Picture::None,
    examples: &["x/(x + 1)", "(x^2 + 1)/(x - 1)", "sin(x)/x"],
    try_first: "(x^2 - 1)/(x^2 + 1)",
    watch_out: "<ul><li>Top first: u′v − uv′. Swapping the two terms flips the sign of the \
        answer.</li>\
        <li>Square the bottom: the denominator is v², not v.</li>\
        <li>Like the function itself, the derivative exists only where v ≠ 0.</li></ul>",
};
