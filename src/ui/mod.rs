//! The Yew front end: the app shell (`shell`: router, header, table of contents, prev/next),
//! the widget kit (`widgets`), one folder per page (`lessons`) and shared hooks. Arrows point
//! down only: shell → lessons → widgets → `plot` and `math`; lessons never use each other.
//! Pure logic (the course's pages, URL queries, slider grids, each lesson's state and
//! readings) compiles natively and has native tests; the rest is browser-only.

pub mod area;
pub mod chain;
pub mod content;
pub mod course;
pub mod grid;
pub mod keys;
pub mod lessons;
pub mod query;
pub mod secant;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod perf;
#[cfg(target_arch = "wasm32")]
pub mod shell;
#[cfg(target_arch = "wasm32")]
pub mod widgets;

#[cfg(target_arch = "wasm32")]
pub use shell::App;

#[cfg(target_arch = "wasm32")]
/// Shows a readable message instead of a dead page if anything panics, and logs the details
/// to the console.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Slope stopped: {info}").into());
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Ok(banner) = document.create_element("div") else {
            return;
        };
        banner.set_class_name("crash");
        let _ = banner.set_attribute("role", "alert");
        banner.set_text_content(Some(
            "Something went wrong inside Slope and this page stopped working. Reload to continue: \
             your function is kept in the address bar. Details are in the browser console.",
        ));
        if let Some(body) = document.body() {
            let _ = body.prepend_with_node_1(&banner);
        }
    }));
}

#[cfg(target_arch = "wasm32")]
/// Mounts the app into the document body.
pub fn start() {
    install_panic_hook();
    browser::adopt_legacy_query();
    yew::Renderer::<App>::new().render();
}
