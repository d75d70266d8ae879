//! Reusable hooks.

pub mod use_animation;
pub mod use_canvas_size;
pub mod use_debounce;
pub mod use_id;
pub mod use_throttled;
