//! Power rule: d/dx xⁿ = n xⁿ⁻¹.

use crate::ui::content::{Picture, RuleLesson};
use crate::{ddx, rule};

const WORDS: &str = "The derivative of x to the power n is n times x to the power n minus 1.";

pub const CONTENT: RuleLesson = RuleLesson {
    intro: "<p>The power rule differentiates any power of x in one move: bring the exponent down \
        in front, then lower it by one. It works for every real exponent n: whole numbers, \
        negative ones (1/x is x<sup>−1</sup>) and fractions (√x is x<sup>1/2</sup>).</p>",
    rule: rule!(
        "d by d x of x to the n equals n times x to the n minus 1",
        ddx!(),
        "<msup><mi>x</mi><mi>n</mi></msup><mo>=</mo><mi>n</mi>",
        "<msup><mi>x</mi><mrow><mi>n</mi><mo>−</mo><mn>1</mn></mrow></msup>"
    ),
    rule_words: WORDS,
    why: "<p>Take n = 2. Moving from x to x + h changes x² by (x + h)² − x² = 2xh + h². \
        Divided by h, that is the slope of the secant: 2x + h. As h shrinks to 0 the slope \
        becomes 2x, which is n x<sup>n−1</sup> for n = 2.</p>\
        <p>For any whole n, (x + h)<sup>n</sup> − x<sup>n</sup> = n x<sup>n−1</sup>h + \
        (terms with h², h³, …). After dividing by h, every term but the first still holds an h, \
        so they all vanish as h → 0. The rule holds for every real n; for fractions and \
        negative powers the proof takes a little more work.</p>",
    picture: Picture::None,
    examples: &["x^2", "x^3", "x^4", "sqrt(x)", "1/x"],
    try_first: "x^5",
    watch_out: "<ul><li>Lower the exponent <em>by one</em>: the derivative of x⁴ is 4x³, not \
        4x⁴ and not 3x³.</li>\
        <li>Write roots and fractions as powers first: √x = x<sup>1/2</sup> and \
        1/x² = x<sup>−2</sup>.</li>\
        <li>The rule needs a fixed exponent. With the variable in the exponent, as in \
        2<sup>x</sup>, it does not apply: the derivative of 2<sup>x</sup> is 2<sup>x</sup> ln 2.</li></ul>",
};
