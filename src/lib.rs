//! Slope: an interactive derivatives lab. The math core (`math`) parses, differentiates with
//! named steps, simplifies, prints and evaluates expressions; `learn` holds the neural-network
//! lessons' numbers (softmax, a neuron's gradients); `plot` draws on a canvas;
//! `ui` is the Yew front end that runs in the browser.

/// The math core, its own crate (`math/`) so the compiler keeps it pure.
pub use slope_math as math;
pub mod learn;
pub mod plot;
pub mod ui;
