//! What a page keeps and tells beyond itself: progress in the browser's local storage (never
//! sent anywhere), and a score for the page Slope is embedded in (`slope:score`). A page
//! says "here is my score and progress"; how it is kept and to whom it goes lives here.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

use crate::ui::browser;

fn storage() -> Option<web_sys::Storage> {
    // Storage can be switched off or full: then nothing is kept, and nothing breaks.
    web_sys::window()?.local_storage().ok().flatten()
}

/// The text stored under `key`, if storage is there and holds it.
pub fn stored(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Keeps `text` under `key` when storage allows it.
pub fn store(key: &str, text: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, text);
    }
}

pub fn forget(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// A score, as an embedding page receives it.
pub struct Score<'a> {
    /// The page's route (`/practice`).
    pub page: &'a str,
    /// What was scored, as address parameters (`set`, `n`).
    pub params: &'a [(&'a str, String)],
    /// Whether the last answer was right.
    pub right: bool,
    pub score: usize,
    pub max: usize,
    /// The progress as it is kept (for a host that keeps it elsewhere too).
    pub progress: &'a str,
    /// The whole record, in the page's words.
    pub details: &'a [(&'a str, f64)],
}

/// Posts `{type: "slope:score", page, params, right, score, max, progress, …details}` to the parent
/// window, when there is one.
pub fn score(s: &Score) {
    let Some(parent) = browser::parent() else {
        return;
    };
    let msg = Object::new();
    let set = |o: &Object, k: &str, v: JsValue| {
        let _ = Reflect::set(o, &k.into(), &v);
    };
    let params = Object::new();
    for (k, v) in s.params {
        set(&params, k, v.into());
    }
    set(&msg, "type", "slope:score".into());
    set(&msg, "page", s.page.into());
    set(&msg, "params", params.into());
    set(&msg, "right", s.right.into());
    set(&msg, "score", (s.score as f64).into());
    set(&msg, "max", (s.max as f64).into());
    set(&msg, "progress", s.progress.into());
    for (k, v) in s.details {
        set(&msg, k, (*v).into());
    }
    // The parent's origin is not known inside the iframe (as for `slope:height`).
    let _ = parent.post_message(&msg.into(), "*");
}
