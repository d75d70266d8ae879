//! The widget kit lessons are built from. A widget takes narrow props and callbacks
//! (`Callback<f64>`, never a lesson's action type) and knows nothing of any lesson.

pub mod chain_stretch;
pub mod function_input;
pub mod heat_map;
pub mod math_view;
pub mod parameters;
pub mod plot_canvas;
pub mod product_area;
pub mod prose;
pub mod quotient_table;
pub mod rule_lesson;
pub mod secant_pair;
pub mod share_button;
pub mod slider;
pub mod sparkline;
pub mod step_list;
pub mod training;
pub mod worked;
