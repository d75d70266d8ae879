//! Chain rule: (f∘g)′ = f′(g) · g′.

use crate::ui::content::{Picture, RuleLesson};
use crate::{ddx, rule};

pub const CONTENT: RuleLesson = RuleLesson {
    intro: "<p>For a function inside a function, such as (x² + 1)³ or √(x² + 4): differentiate \
        the outer function, keeping the inner one as it is, then multiply by the derivative of \
        the inner function.</p>",
    rule: rule!(
        "d by d x of f of g of x equals f prime of g of x times g prime of x",
        ddx!(),
        "<mi>f</mi><mo>(</mo><mi>g</mi><mo>(</mo><mi>x</mi><mo>)</mo><mo>)</mo>",
        "<mo>=</mo><msup><mi>f</mi><mo>′</mo></msup><mo>(</mo><mi>g</mi><mo>(</mo><mi>x</mi><mo>)</mo><mo>)</mo>",
        "<mo>·</mo><msup><mi>g</mi><mo>′</mo></msup><mo>(</mo><mi>x</mi><mo>)</mo>"
    ),
    rule_words: "The derivative of f of g of x is f prime, evaluated at g of x, times g prime of x.",
    why: "<p>Rates multiply. Let u = g(x) and y = f(u). If u changes 3 times as fast as x, and \
        y changes 2 times as fast as u, then y changes 2 × 3 = 6 times as fast as x. In \
        Leibniz's notation the rule almost writes itself: dy/dx = dy/du · du/dx.</p>",
    picture: Picture::ChainStretch,
    examples: &["(x^2 + 1)^3", "sqrt(x^2 + 4)", "sin(3x)"],
    try_first: "sigmoid(2x + 1)",
    watch_out: "<ul><li>Do not forget the inner derivative: the derivative of sin(x²) is \
        cos(x²) · 2x, not cos(x²).</li>\
        <li>Evaluate the outer derivative at the inside: cos(x²), not cos(x).</li></ul>",
};
