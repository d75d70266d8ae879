//! The site's entry point: mounts the Yew app into the page body.

#[cfg(target_arch = "wasm32")]
fn main() {
    slope::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Slope runs in the browser: `make serve` builds it and serves http://127.0.0.1:8080");
}
