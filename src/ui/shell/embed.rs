//! The DOM side of embedding (`ui::embed` is the pure side): inside an iframe the page
//! reports its height to the parent (`slope:height`) and answers the parent's messages
//! (`slope:set`, `slope:get`, `slope:subscribe`); on a full page the Embed button shows the
//! snippet. Only the parent window is listened to, replies go to its origin, and a message
//! only ever changes the address: the page then follows its address as after a pasted link.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::ui::browser::{self, parent};
use crate::ui::course::Page;
use crate::ui::embed;

/// Says nothing to the reader: a message we do not take is counted for the embedding
/// page's developer, at debug level.
fn ignored(why: &str) {
    web_sys::console::debug_1(&JsValue::from_str(&format!(
        "Slope ignored a message: {why}"
    )));
}

/// Follows a `theme=light|dark` in the address after load (index.html applies it before
/// the first paint): an address without one keeps the colours it has.
pub fn apply_theme() {
    let Some(theme) = embed::theme(&browser::current_query()) else {
        return;
    };
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root
            .class_list()
            .toggle_with_force("dark", theme == embed::Theme::Dark);
    }
}

/// The page's state as the API reports it: `{type: "slope:state", page, params}`.
fn state_message() -> JsValue {
    let msg = Object::new();
    let params = Object::new();
    for (k, v) in crate::ui::query::parameters(&embed::full_page(&browser::current_query())) {
        let _ = Reflect::set(&params, &k.into(), &v.into());
    }
    let _ = Reflect::set(&msg, &"type".into(), &"slope:state".into());
    let _ = Reflect::set(&msg, &"page".into(), &browser::current_route().into());
    let _ = Reflect::set(&msg, &"params".into(), &params);
    msg.into()
}

fn post(to: &web_sys::Window, message: &JsValue, origin: &str) {
    // A file:// or sandboxed parent has the opaque origin "null", which can only be "*".
    let target = if origin == "null" || origin.is_empty() {
        "*"
    } else {
        origin
    };
    let _ = to.post_message(message, target);
}

/// A string-valued property of a message object.
fn text(obj: &JsValue, key: &str) -> Option<String> {
    Reflect::get(obj, &key.into()).ok()?.as_string()
}

/// The parameters a `slope:set` carries: `params: {name: "text", …}` or the shorthand
/// `f: "text"`. Anything but text values makes the whole message malformed.
fn set_params(data: &JsValue) -> Result<Vec<(String, String)>, &'static str> {
    let params = Reflect::get(data, &"params".into()).unwrap_or(JsValue::UNDEFINED);
    if params.is_undefined() {
        return match Reflect::get(data, &"f".into()).map(|f| f.as_string()) {
            Ok(Some(f)) => Ok(vec![("f".into(), f)]),
            _ => Err("slope:set needs params: {…} or f: \"…\" (text)"),
        };
    }
    if !params.is_object() || params.is_function() || js_sys::Array::is_array(&params) {
        return Err("params must be an object");
    }
    let mut out = Vec::new();
    for entry in Object::entries(params.unchecked_ref()).iter() {
        let pair: js_sys::Array = entry.unchecked_into();
        let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) else {
            return Err("every value in params must be text");
        };
        out.push((k, v));
    }
    Ok(out)
}

/// What the page does with a message from its parent window.
#[derive(Debug, PartialEq)]
pub enum Answer {
    /// `slope:set`: the address query to follow.
    Set(String),
    /// `slope:get`: reply with the state.
    State,
    /// `slope:subscribe`: reply with the state now and after every change.
    Subscribe,
    /// Our own kinds of message, which a parent may echo: nothing to do.
    Nothing,
    /// Unknown or malformed: ignored, and why (for `console.debug`).
    Ignore(String),
}

/// Reads a message from the parent, on a page whose address query is `query`. Only ever
/// text goes on: a `slope:set` becomes an address, read as a typed one would be.
pub fn answer(data: &JsValue, query: &str) -> Answer {
    let kind = if data.is_object() {
        text(data, "type")
    } else {
        None
    };
    match kind.as_deref() {
        Some("slope:set") => match set_params(data) {
            Ok(params) => match embed::set(query, &params) {
                Ok(query) => Answer::Set(query),
                Err(why) => Answer::Ignore(why.message()),
            },
            Err(why) => Answer::Ignore(why.into()),
        },
        Some("slope:get") => Answer::State,
        Some("slope:subscribe") => Answer::Subscribe,
        Some("slope:height" | "slope:state" | "slope:ready") => Answer::Nothing,
        _ => Answer::Ignore("not a slope: message".into()),
    }
}

/// Listens to the parent window for as long as it lives.
pub struct Api {
    window: web_sys::Window,
    closure: Closure<dyn Fn(web_sys::MessageEvent)>,
}

impl Drop for Api {
    fn drop(&mut self) {
        let _ = self
            .window
            .remove_event_listener_with_callback("message", self.closure.as_ref().unchecked_ref());
        browser::after_writes(|| {});
    }
}

/// Starts the message API, when the page is in an iframe; `reload` makes the page read its
/// address again after a `slope:set` changed it.
pub fn listen(reload: Callback<()>) -> Option<Api> {
    let window = web_sys::window()?;
    let parent = parent()?;
    let subscriber: Rc<RefCell<Option<String>>> = Rc::default();
    {
        let (parent, subscriber) = (parent.clone(), subscriber.clone());
        browser::after_writes(move || {
            if let Some(origin) = subscriber.borrow().as_ref() {
                post(&parent, &state_message(), origin);
            }
        });
    }
    let to = parent.clone();
    let closure = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        if !e.source().is_some_and(|s| Object::is(&s, &parent)) {
            return ignored("not from the parent window");
        }
        let origin = e.origin();
        match answer(&e.data(), &browser::current_query()) {
            Answer::Set(query) => {
                browser::replace_query(&browser::current_route(), &query);
                reload.emit(());
            }
            Answer::State => post(&parent, &state_message(), &origin),
            Answer::Subscribe => {
                post(&parent, &state_message(), &origin);
                *subscriber.borrow_mut() = Some(origin);
            }
            Answer::Nothing => {}
            Answer::Ignore(why) => ignored(&why),
        }
    });
    window
        .add_event_listener_with_callback("message", closure.as_ref().unchecked_ref())
        .ok()?;
    // Listening now: the parent may send (its messages before this were not heard).
    let ready = Object::new();
    let _ = Reflect::set(&ready, &"type".into(), &"slope:ready".into());
    let _ = Reflect::set(&ready, &"page".into(), &browser::current_route().into());
    post(&to, &ready.into(), "*");
    Some(Api { window, closure })
}

/// Reports the height of `element` to the parent whenever it changes, for as long as it
/// lives. The embed form's height does not depend on the iframe's (no `vh` units there), so
/// the parent resizing the iframe does not start another report.
pub struct Heights {
    observer: web_sys::ResizeObserver,
    _closure: Closure<dyn FnMut()>,
}

impl Drop for Heights {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

pub fn report_heights(element: &web_sys::Element) -> Option<Heights> {
    let parent = parent()?;
    let element = element.clone();
    let last = Rc::new(RefCell::new(0.0f64));
    let send = move || {
        let height = element.get_bounding_client_rect().height().ceil();
        if height > 0.0 && *last.borrow() != height {
            *last.borrow_mut() = height;
            let msg = Object::new();
            let _ = Reflect::set(&msg, &"type".into(), &"slope:height".into());
            let _ = Reflect::set(&msg, &"height".into(), &height.into());
            post(&parent, &msg.into(), "*");
        }
    };
    let target = web_sys::window()?.document()?.document_element()?;
    let closure = Closure::<dyn FnMut()>::new(send);
    let observer = web_sys::ResizeObserver::new(closure.as_ref().unchecked_ref()).ok()?;
    observer.observe(&target);
    Some(Heights {
        observer,
        _closure: closure,
    })
}

/// The address of `embed.js` beside the site's `index.html`.
fn resizer_address() -> String {
    let address = browser::address("", "");
    let base = address.split('#').next().unwrap_or_default();
    let dir = &base[..base.rfind('/').map_or(base.len(), |i| i + 1)];
    format!("{dir}embed.js")
}

/// The Embed button: opens the snippet of the page as it is now in a read-only field
/// labelled "Embed code", copied to the clipboard where that is allowed. A hook of the shell
/// rather than a component of its own (Yew's code per component type is about 1 KB);
/// `content` is the page's content, measured for the snippet's initial height.
#[hook]
pub fn use_embed_button(page: Page, content: NodeRef) -> Html {
    let open = use_state(|| None::<(String, String)>);
    let field = use_node_ref();
    let onclick = {
        let open = open.clone();
        Callback::from(move |_| {
            if open.is_some() {
                open.set(None);
                return;
            }
            let height = content
                .cast::<web_sys::Element>()
                .map_or(720.0, |e| e.get_bounding_client_rect().height());
            let height = crate::math::clamp(height + 48.0, 360.0, 4000.0).round() as u32;
            let src = browser::address(page.path(), &embed::embedded(&browser::current_query()));
            let title = format!("{} — Slope", page.title());
            let code = embed::snippet(&src, &title, height, &resizer_address());
            open.set(Some((code.clone(), "Copying…".into())));
            let open = open.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let copied = match web_sys::window().map(|w| w.navigator().clipboard()) {
                    Some(c) => wasm_bindgen_futures::JsFuture::from(c.write_text(&code))
                        .await
                        .is_ok(),
                    None => false,
                };
                let said = if copied {
                    "Copied to the clipboard. Paste it into your page's HTML."
                } else {
                    "Select the code and copy it (Ctrl+C or ⌘C): this page may not use the clipboard."
                };
                open.set(Some((code, said.into())));
            });
        })
    };
    {
        // Once shown, the code is selected, ready to copy by hand.
        let field = field.clone();
        use_effect_with(open.is_some(), move |shown| {
            if *shown {
                if let Some(t) = field.cast::<web_sys::HtmlTextAreaElement>() {
                    t.select();
                }
            }
        });
    }
    html! {
        <div class="embed-share">
            <button type="button" class="button" aria-expanded={open.is_some().to_string()}
                {onclick} data-testid="embed-button">{ "Embed" }</button>
            if let Some((code, said)) = (*open).clone() {
                <label class="embed-code">
                    <span>{ "Embed code" }</span>
                    <textarea ref={field} readonly=true rows="4" spellcheck="false"
                        data-testid="embed-code" value={code} />
                </label>
                <p class="embed-said" role="status">{ said }</p>
            }
        </div>
    }
}
