//! One component per file, each with its props right above it.

pub mod derivative_panel;
pub mod examples_select;
pub mod explorer;
pub mod function_input;
pub mod parameters;
pub mod plot_canvas;
pub mod plots;
pub mod quotient_table;
pub mod share_button;
