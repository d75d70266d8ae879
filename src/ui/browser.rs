//! The page's address, read and written for the hash router: the document is always
//! `index.html` (wherever it is hosted), the route and the lesson's query live in the hash,
//! `…/index.html#/lesson?f=x%5E2`. Writing never navigates and never reloads.

use wasm_bindgen::JsValue;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The window this page is embedded in, if it is in an iframe.
pub fn parent() -> Option<web_sys::Window> {
    let w = window()?;
    let p = w.parent().ok().flatten()?;
    (!js_sys::Object::is(&p, &w)).then_some(p)
}

/// The query of the current route (`?f=…`), from the hash. A link from before the hash
/// router (`…/?f=x^2`) is moved into the hash by `adopt_legacy_query` at start.
pub fn current_query() -> String {
    let hash = window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    hash.find('?')
        .map(|i| hash[i..].to_string())
        .unwrap_or_default()
}

/// The address of the document itself, without query or hash (`https://host/sub/path/`).
fn document_address() -> String {
    let Some(w) = window() else {
        return String::new();
    };
    let loc = w.location();
    format!(
        "{}{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_else(|_| "/".into())
    )
}

/// The full address of `route` (a path such as `/` or `/typing`) with `query`.
pub fn address(route: &str, query: &str) -> String {
    format!("{}#{route}{query}", document_address())
}

thread_local! {
    /// The hash as the app last wrote or saw it: an address event that finds the hash
    /// unchanged is not news (Back fires both popstate and hashchange).
    static SEEN: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
    /// Called after the page writes its address (the embed API's `slope:subscribe`).
    static ON_WRITE: std::cell::RefCell<Option<Box<dyn Fn()>>> = const { std::cell::RefCell::new(None) };
}

fn current_hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

fn wrote() {
    SEEN.with(|s| *s.borrow_mut() = Some(current_hash()));
    ON_WRITE.with(|f| {
        if let Some(f) = f.borrow().as_ref() {
            f()
        }
    });
}

/// Calls `f` after every address the page writes (replacing the one before, or not).
pub fn after_writes(f: impl Fn() + 'static) {
    ON_WRITE.with(|w| *w.borrow_mut() = Some(Box::new(f)));
}

/// Replaces the address bar's query of `route` without a navigation or a history entry, if
/// the address is still on `route`: a page's late write (a debounce firing just after a link
/// was followed) must never take the reader back.
pub fn replace_query(route: &str, query: &str) {
    if current_route().trim_end_matches('/') != route.trim_end_matches('/') {
        return;
    }
    let query = crate::ui::embed::carry(&current_query(), query);
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&address(route, &query)));
        wrote();
    }
}

/// Adds a history entry for `route` with `query` (Back returns to the one before).
pub fn push_query(route: &str, query: &str) {
    let query = crate::ui::embed::carry(&current_query(), query);
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&address(route, &query)));
        wrote();
    }
}

/// Calls `f` whenever the address changes under the app — a followed link, Back, Forward,
/// a pasted address — but not for the app's own writes, and once per change. This is the
/// one way a page learns that its address changed.
pub fn on_address_change(f: impl Fn() + 'static) -> Option<Listener> {
    SEEN.with(|s| *s.borrow_mut() = Some(current_hash()));
    on_navigation(move || {
        let now = current_hash();
        let news = SEEN.with(|s| s.borrow().as_deref() != Some(now.as_str()));
        if news {
            SEEN.with(|s| *s.borrow_mut() = Some(now));
            f();
        }
    })
}

/// Links made before routes existed put the explorer's state in the search part
/// (`/?f=x^2&x0=1`): move it into the hash, so it reaches the explorer and later writes do
/// not leave a stale copy behind.
pub fn adopt_legacy_query() {
    let Some(w) = window() else {
        return;
    };
    let loc = w.location();
    let search = loc.search().unwrap_or_default();
    let hash = loc.hash().unwrap_or_default();
    if search.len() > 1 && (hash.is_empty() || hash == "#/" || hash == "#") {
        replace_query("/", &search);
    }
}

/// The route in the hash (`/typing` in `#/typing?x=1`), `/` when there is none.
pub fn current_route() -> String {
    let hash = window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let route = hash.trim_start_matches('#');
    let route = route.split('?').next().unwrap_or("");
    if route.is_empty() {
        "/".into()
    } else {
        route.to_string()
    }
}

/// Calls `f` whenever the address changes under the page: a link to another hash, Back,
/// Forward (`hashchange` and `popstate`; `f` must tolerate being called twice). Listens for
/// as long as the returned listener lives.
pub fn on_navigation(f: impl Fn() + 'static) -> Option<Listener> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let w = window()?;
    let closure = Closure::<dyn Fn()>::new(f);
    for event in EVENTS {
        w.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())
            .ok()?;
    }
    Some(Listener { closure })
}

const EVENTS: [&str; 2] = ["popstate", "hashchange"];

/// Window navigation listeners, removed when dropped.
pub struct Listener {
    closure: wasm_bindgen::closure::Closure<dyn Fn()>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        use wasm_bindgen::JsCast;
        if let Some(w) = window() {
            for event in EVENTS {
                let _ = w.remove_event_listener_with_callback(
                    event,
                    self.closure.as_ref().unchecked_ref(),
                );
            }
        }
    }
}
