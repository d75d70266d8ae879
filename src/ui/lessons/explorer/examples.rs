//! The Examples list: the table of common derivatives from Slope's curriculum, grouped as the
//! course teaches them, and a few richer functions that exercise several rules at once.

/// A group of examples: its heading and (label, input) pairs.
pub struct Group {
    pub name: &'static str,
    pub items: &'static [(&'static str, &'static str)],
}

pub const GROUPS: &[Group] = &[
    Group {
        name: "Power",
        items: &[
            ("c = 3 (constant)", "3"),
            ("x", "x"),
            ("x²", "x^2"),
            ("x³", "x^3"),
            ("x⁴", "x^4"),
            ("√x", "sqrt(x)"),
            ("1/x", "1/x"),
        ],
    },
    Group {
        name: "Exponential & logarithmic",
        items: &[
            ("eˣ", "e^x"),
            ("2ˣ", "2^x"),
            ("ln(x)", "ln(x)"),
            ("log₂(x)", "log(x, 2)"),
        ],
    },
    Group {
        name: "Trigonometric",
        items: &[
            ("sin(x)", "sin(x)"),
            ("cos(x)", "cos(x)"),
            ("tan(x)", "tan(x)"),
            ("cot(x)", "cot(x)"),
            ("sec(x)", "sec(x)"),
            ("csc(x)", "csc(x)"),
        ],
    },
    Group {
        name: "Neural network",
        items: &[
            ("sigmoid σ(x)", "sigmoid(x)"),
            ("tanh(x)", "tanh(x)"),
            ("ReLU(x)", "relu(x)"),
            ("Leaky ReLU (α = 0.01)", "leaky_relu(x)"),
            ("Leaky ReLU (α = 0.2)", "leaky_relu(x, 0.2)"),
            ("softplus(x)", "softplus(x)"),
        ],
    },
    Group {
        name: "Rules at work",
        items: &[
            ("5x² (constant multiple)", "5x^2"),
            ("x³ + 2x² + 5x + 1 (sum)", "x^3 + 2x^2 + 5x + 1"),
            ("x²(x + 1) (product)", "x^2(x + 1)"),
            ("(2x + 3)(x² − 1) (product)", "(2x + 3)(x^2 - 1)"),
            ("x² sin(x) (product)", "x^2 sin(x)"),
            ("(x² + 1)/(x − 1) (quotient)", "(x^2 + 1)/(x - 1)"),
            ("(x² + 1)³ (chain)", "(x^2 + 1)^3"),
            ("√(x² + 4) (chain)", "sqrt(x^2 + 4)"),
            ("σ(2x + 1) (chain, a layer)", "sigmoid(2x + 1)"),
            ("|x| (a kink)", "abs(x)"),
            ("xˣ (logarithmic)", "x^x"),
        ],
    },
];
