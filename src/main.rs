//! The site's entry point: mounts the Yew app (only meaningful when compiled to wasm).

fn main() {
    eprintln!("Slope runs in the browser: `make serve` builds it and serves http://127.0.0.1:8080");
}
