//! Browser tests: mount the app in headless Chromium and drive it like a student would.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn app_mounts() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    yew::Renderer::<slope::ui::App>::with_root(host.clone()).render();
    gloo_timers::future::sleep(Duration::from_millis(20)).await;
    assert!(host.inner_html().contains("Slope"));
}
