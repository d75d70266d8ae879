//! "How to type a function": what the Function field understands, each example read by the
//! engine itself (never typed in by hand) with a link that opens it in the explorer.

#[cfg(target_arch = "wasm32")]
mod page;
#[cfg(target_arch = "wasm32")]
pub use page::typing;

/// A group of examples: a heading, a sentence, and (what to type, what it shows) pairs.
pub struct Section {
    pub title: &'static str,
    pub about: &'static str,
    pub examples: &'static [(&'static str, &'static str)],
}

pub const SECTIONS: &[Section] = &[
    Section {
        title: "Products and powers",
        about: "A space or nothing at all means times, like on paper; ^ (or **) is a power, and superscripts work too.",
        examples: &[
            ("2x", "a number before a letter multiplies"),
            ("x^2 sin x", "a space multiplies; sin x needs no brackets"),
            ("(x+1)(x-1)", "brackets next to each other multiply"),
            ("x**3", "** is a power, as in Python"),
            ("5x⁴", "superscripts are powers"),
        ],
    },
    Section {
        title: "Roots, absolute values, fractions",
        about: "Type them as you would write them, or with their names.",
        examples: &[
            ("√x", "the root sign, or sqrt(x)"),
            ("sqrt[3](x)", "a cube root (also ∛x or cbrt(x))"),
            ("|x|", "bars, or abs(x)"),
            ("1/(2x)", "brackets make the whole 2x the denominator"),
            ("1/2x", "without them this is (1/2)·x, as on a calculator"),
        ],
    },
    Section {
        title: "Functions",
        about: "sin, cos, tan, their inverses, exp, ln, log with any base, and the activations of neural networks.",
        examples: &[
            ("sin^2(x)", "the square of sin x"),
            ("sin^-1(x)", "the inverse sine, asin(x)"),
            ("e^(2x)", "brackets around a longer exponent"),
            ("log(x, 2)", "log base 2 (also log_2(x)); log(x) alone is ln(x)"),
            ("sigmoid(2x+1)", "σ, the logistic function (σ(x) works too)"),
            ("leaky_relu(x, 0.1)", "ReLU with slope 0.1 for x < 0"),
        ],
    },
    Section {
        title: "Copied from elsewhere",
        about: "Slope reads the usual wrappers and a little LaTeX, and says how it read them.",
        examples: &[
            ("y = x^3", "y = and f(x) = are dropped"),
            ("d/dx (x^2 + 1)", "so is d/dx"),
            ("\\frac{1}{x}", "LaTeX fractions, roots and functions"),
            ("a x^2 + b", "other letters are parameters, with a slider each"),
        ],
    },
];
