//! Product rule: (uv)′ = u′v + uv′.

use crate::ui::content::{Picture, RuleLesson};
use crate::{ddx, rule};

pub const CONTENT: RuleLesson = RuleLesson {
    intro: "<p>The derivative of a product is <em>not</em> the product of the derivatives. \
        Each factor takes its turn being differentiated while the other stays as it is, and \
        the two results are added.</p>",
    rule: rule!(
        "d by d x of u of x times v of x equals u prime of x times v of x plus u of x times v prime of x",
        ddx!(),
        "<mrow><mo>[</mo><mi>u</mi><mo>(</mo><mi>x</mi><mo>)</mo><mo>·</mo><mi>v</mi><mo>(</mo><mi>x</mi><mo>)</mo><mo>]</mo></mrow>",
        "<mo>=</mo><msup><mi>u</mi><mo>′</mo></msup><mo>(</mo><mi>x</mi><mo>)</mo><mo>·</mo><mi>v</mi><mo>(</mo><mi>x</mi><mo>)</mo>",
        "<mo>+</mo><mi>u</mi><mo>(</mo><mi>x</mi><mo>)</mo><mo>·</mo><msup><mi>v</mi><mo>′</mo></msup><mo>(</mo><mi>x</mi><mo>)</mo>"
    ),
    rule_words: "The derivative of u times v is u prime times v, plus u times v prime.",
    why: "<p>Think of u(x) · v(x) as the area of a rectangle with sides u and v. When x grows \
        by Δx, the sides grow by Δu and Δv, and the area gains three pieces: a strip v · Δu \
        along one side, a strip u · Δv along the other, and a small corner Δu · Δv.</p>\
        <p>Divide by Δx and let it shrink. The strips give v · u′ and u · v′. The corner gives \
        Δu · Δv / Δx, about u′ · Δv, which vanishes because Δv does. What is left is the \
        rule.</p>",
    picture: Picture::ProductArea,
    examples: &["x^2(x + 1)", "(2x + 3)(x^2 - 1)"],
    try_first: "x^2 sin(x)",
    watch_out: "<ul><li>(u · v)′ is not u′ · v′: for x · x = x² that would give 1 · 1 = 1 \
        instead of 2x.</li>\
        <li>Keep both terms. Dropping u′v or uv′ is the most common slip.</li></ul>",
};
