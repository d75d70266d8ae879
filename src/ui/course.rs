//! The course's pages in reading order: their titles (the table of contents and each page's
//! `h1` say exactly these), their addresses, and prev/next. Pure Rust with native tests; the
//! router (`shell`) uses `Page` as its one `Routable` enum.

/// One page of the course.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Page {
    /// Home: type a function, see f and f′, the secant becoming the tangent.
    Explorer,
    WhatIsADerivative,
    RateOfChange,
    NumericalAndSymbolic,
    TableOfDerivatives,
    PowerRule,
    ConstantMultipleRule,
    SumRule,
    ProductRule,
    QuotientRule,
    ChainRule,
    SecondDerivatives,
    ActivationFunctions,
    Softmax,
    Neuron,
    PartialDerivatives,
    GradientDescent,
    Backpropagation,
    LossFunctions,
    /// Type the derivative of an exercise; Slope checks it and names the rule that slipped.
    Practice,
    /// How to type functions, with every example read by the engine.
    Typing,
    /// An address that is no page of ours.
    NotFound,
}

impl Page {
    /// The pages of the table of contents, in reading order (prev/next follow it).
    pub const COURSE: &'static [Page] = &[
        Page::Explorer,
        Page::WhatIsADerivative,
        Page::RateOfChange,
        Page::NumericalAndSymbolic,
        Page::TableOfDerivatives,
        Page::PowerRule,
        Page::ConstantMultipleRule,
        Page::SumRule,
        Page::ProductRule,
        Page::QuotientRule,
        Page::ChainRule,
        Page::SecondDerivatives,
        Page::ActivationFunctions,
        Page::Softmax,
        Page::Neuron,
        Page::PartialDerivatives,
        Page::GradientDescent,
        Page::Backpropagation,
        Page::LossFunctions,
        Page::Practice,
        Page::Typing,
    ];

    /// The title in the table of contents and the page's heading.
    pub fn title(self) -> &'static str {
        match self {
            Page::Explorer => "Derivative explorer",
            Page::WhatIsADerivative => "What is a derivative",
            Page::RateOfChange => "Average and instantaneous rate of change",
            Page::NumericalAndSymbolic => "Numerical and symbolic differentiation",
            Page::TableOfDerivatives => "Table of derivatives",
            Page::PowerRule => "Power rule",
            Page::ConstantMultipleRule => "Constant multiple rule",
            Page::SumRule => "Sum rule",
            Page::ProductRule => "Product rule",
            Page::QuotientRule => "Quotient rule",
            Page::ChainRule => "Chain rule",
            Page::SecondDerivatives => "Second derivatives and Taylor polynomials",
            Page::ActivationFunctions => "Activation functions",
            Page::Softmax => "Softmax and its Jacobian",
            Page::Neuron => "The chain rule in a neuron",
            Page::PartialDerivatives => "Partial derivatives",
            Page::GradientDescent => "Gradient descent",
            Page::Backpropagation => "Backpropagation",
            Page::LossFunctions => "Loss functions",
            Page::Practice => "Practice",
            Page::Typing => "How to type a function",
            Page::NotFound => "Page not found",
        }
    }

    /// The route inside the hash: `/` for home, `/typing`, …
    pub fn path(self) -> &'static str {
        match self {
            Page::Explorer => "/",
            Page::WhatIsADerivative => "/what-is-a-derivative",
            Page::RateOfChange => "/rate-of-change",
            Page::NumericalAndSymbolic => "/numerical-and-symbolic",
            Page::TableOfDerivatives => "/table-of-derivatives",
            Page::PowerRule => "/power-rule",
            Page::ConstantMultipleRule => "/constant-multiple-rule",
            Page::SumRule => "/sum-rule",
            Page::ProductRule => "/product-rule",
            Page::QuotientRule => "/quotient-rule",
            Page::ChainRule => "/chain-rule",
            Page::SecondDerivatives => "/second-derivatives",
            Page::ActivationFunctions => "/activation-functions",
            Page::Softmax => "/softmax",
            Page::Neuron => "/neuron",
            Page::PartialDerivatives => "/partial-derivatives",
            Page::GradientDescent => "/gradient-descent",
            Page::Backpropagation => "/backpropagation",
            Page::LossFunctions => "/loss-functions",
            Page::Practice => "/practice",
            Page::Typing => "/typing",
            Page::NotFound => "/404",
        }
    }

    /// The page at a route path; trailing slashes and letter case do not matter, anything
    /// else unknown is `NotFound`.
    pub fn from_path(path: &str) -> Page {
        let trimmed = path.trim_end_matches('/');
        let trimmed = if trimmed.is_empty() { "/" } else { trimmed };
        Page::COURSE
            .iter()
            .copied()
            .find(|p| p.path().eq_ignore_ascii_case(trimmed))
            .unwrap_or(Page::NotFound)
    }

    fn index(self) -> Option<usize> {
        Page::COURSE.iter().position(|p| *p == self)
    }

    /// The page before this one in the course.
    pub fn prev(self) -> Option<Page> {
        self.index()
            .and_then(|i| i.checked_sub(1))
            .map(|i| Page::COURSE[i])
    }

    /// The page after this one in the course.
    pub fn next(self) -> Option<Page> {
        self.index().and_then(|i| Page::COURSE.get(i + 1).copied())
    }
}
