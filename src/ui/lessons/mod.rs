//! One folder per page of the course. A lesson owns its state (a reducer), its address query
//! and its page; it uses the widgets and never another lesson.

pub mod explorer;
pub mod typing;
