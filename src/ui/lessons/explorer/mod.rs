//! The derivative explorer (home): type a function, see f and f′ side by side, watch the
//! secant become the tangent as h → 0, and compare numerical quotients with the exact f′.
//! `state`, `url`, `reading` and `examples` are pure and tested natively; the rest is the page.

pub mod examples;
pub mod reading;
pub mod state;
pub mod url;

#[cfg(target_arch = "wasm32")]
mod bench;
#[cfg(target_arch = "wasm32")]
mod derivative_panel;
#[cfg(target_arch = "wasm32")]
mod examples_select;
#[cfg(target_arch = "wasm32")]
mod page;
#[cfg(target_arch = "wasm32")]
mod plots;
#[cfg(target_arch = "wasm32")]
mod secant;

#[cfg(target_arch = "wasm32")]
pub use page::use_explorer;
