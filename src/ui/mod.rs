//! The Yew front end: the app shell (`shell`: router, header, table of contents, prev/next),
//! the widget kit (`widgets`), one folder per page (`lessons`) and shared hooks. Arrows point
//! down only: shell → lessons → widgets → `plot` and `math`; lessons never use each other.
//! Pure logic (the course's pages, URL queries, slider grids, each lesson's state and
//! readings) compiles natively and has native tests; the rest is browser-only.

pub mod area;
pub mod chain;
pub mod content;
pub mod course;
pub mod embed;
pub mod grid;
pub mod keys;
pub mod lessons;
pub mod query;
pub mod reducer;
pub mod secant;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod perf;
#[cfg(target_arch = "wasm32")]
pub mod report;
#[cfg(target_arch = "wasm32")]
pub mod shell;
#[cfg(target_arch = "wasm32")]
pub mod widgets;

#[cfg(target_arch = "wasm32")]
pub use shell::App;

#[cfg(target_arch = "wasm32")]
/// Mounts the app into the document body.
pub fn start() {
    browser::adopt_legacy_query();
    yew::Renderer::<App>::new().render();
}
