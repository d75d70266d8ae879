//! The site's entry point: mounts the Yew app into the page body.

/// The site's allocator: talc, smaller than the default dlmalloc (about 2 KB less to
/// download) and faster at the many small allocations expression trees make.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
mod libm;

#[cfg(target_arch = "wasm32")]
fn main() {
    slope::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Slope runs in the browser: `make serve` builds it and serves http://127.0.0.1:8080");
}
