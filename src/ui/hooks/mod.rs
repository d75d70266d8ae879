//! Reusable hooks, and the memo key they share.

pub mod by_ptr;
pub mod use_address;
pub mod use_animation;
pub mod use_canvas_size;
pub mod use_debounce;
pub mod use_id;
pub mod use_painted;
pub mod use_throttled;
pub mod use_typed_function;
