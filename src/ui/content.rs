//! Lesson content as data: the words and formulas of a rule lesson are constants written by
//! us (trusted HTML and MathML, never anything a reader typed), its examples are functions the
//! engine derives when the page renders. Pure, so the tests can check every example.

/// One of the rule lessons (power, constant multiple, sum, product, quotient, chain).
pub struct RuleLesson {
    /// Opening paragraphs (HTML).
    pub intro: &'static str,
    /// The rule itself (a MathML `<math display="block">` element).
    pub rule: &'static str,
    /// The rule in one spoken sentence, for the rule's caption.
    pub rule_words: &'static str,
    /// Why the rule holds (HTML).
    pub why: &'static str,
    /// A picture of why, shown after it.
    pub picture: Picture,
    /// Worked examples: functions of x, derived step by step by the engine.
    pub examples: &'static [&'static str],
    /// What "Try your own" starts with.
    pub try_first: &'static str,
    /// Common mistakes and a pointer onward (HTML).
    pub watch_out: &'static str,
}

/// The interactive pictures a rule lesson can show under "Why it works".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Picture {
    None,
    /// The product rule as the growth of a rectangle's area (`widgets::product_area`).
    ProductArea,
    /// The chain rule as stretched number lines (`widgets::chain_stretch`).
    ChainStretch,
}

/// MathML for d/dx, to start a rule's formula.
#[macro_export]
macro_rules! ddx {
    () => {
        "<mfrac><mi>d</mi><mrow><mi>d</mi><mi>x</mi></mrow></mfrac>"
    };
}

/// A block formula: `rule!("spoken form", "<mrow>…</mrow>")`.
#[macro_export]
macro_rules! rule {
    ($spoken:literal, $($mathml:expr),+ $(,)?) => {
        concat!("<math display=\"block\" alttext=\"", $spoken, "\">", $($mathml),+, "</math>")
    };
}
