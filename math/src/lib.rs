//! The math core: parse what students type, differentiate with named steps, simplify to
//! textbook form, print (text, LaTeX, MathML) and evaluate fast. Pure Rust: nothing here
//! knows about the browser, Yew or drawing.

#![forbid(unsafe_code)]

pub mod ast;
pub mod check;
pub mod decimal;
pub mod diff;
pub mod digits;
pub mod domain;
pub mod error;
pub mod eval;
pub mod explain;
pub mod func;
pub mod layout;
pub mod lexer;
pub mod mistake;
pub mod number;
pub mod numeric;
pub mod parser;
pub mod print;
pub mod sample;
pub mod selfcheck;
pub mod simplify;
pub mod sort;
pub mod speech;
pub mod study;

pub use ast::{Constant, Expr};
pub use diff::{differentiate, Derivation, Kept, Rule, Step};
pub use error::{ErrorKind, ParseError};
pub use eval::{eval_at, Program};
pub use explain::{explain, Line, Order, Phase, Segment};
pub use func::Func;
pub use layout::{to_latex, to_mathml};
pub use parser::parse;
pub use print::{to_text, to_unicode};
pub use simplify::simplify;
pub use speech::to_speech;
pub use study::Study;

/// `x` held to `[lo, hi]`; NaN stays NaN. `f64::clamp` would do, but its assertion message
/// formats floats with `Debug`, which alone brings the standard library's float printing
/// (about 4 KB compressed) into the site; `digits` replaces that.
pub fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    if x < lo {
        lo
    } else if x > hi {
        hi
    } else {
        x
    }
}
