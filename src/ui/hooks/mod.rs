//! Reusable hooks.

pub mod use_debounce;
