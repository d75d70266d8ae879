//! One folder per page of the course. A lesson owns its state (a reducer), its address query
//! and its page; it uses the widgets and never another lesson.

pub mod activation_functions;
pub mod backpropagation;
pub mod chain_rule;
pub mod constant_multiple_rule;
pub mod explorer;
pub mod gradient_descent;
pub mod loss_functions;
pub mod neuron;
pub mod numerical_and_symbolic;
pub mod partial_derivatives;
pub mod power_rule;
pub mod practice;
pub mod product_rule;
pub mod quotient_rule;
pub mod rate_of_change;
pub mod second_derivatives;
pub mod softmax;
pub mod sum_rule;
pub mod table_of_derivatives;
pub mod typing;
pub mod what_is_a_derivative;
