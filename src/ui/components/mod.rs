//! One component per file, each with its props right above it.

pub mod derivative_panel;
pub mod examples_select;
pub mod function_input;
pub mod plot_canvas;
pub mod plots;
pub mod share_button;
