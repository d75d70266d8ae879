//! The backing-store size a canvas should have: its CSS size × devicePixelRatio, kept up to
//! date with a ResizeObserver so plots stay sharp and redraw when their box changes.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, ResizeObserver};
use yew::prelude::*;

/// Backing-store size in device pixels, and the device pixel ratio.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CanvasSize {
    pub width: u32,
    pub height: u32,
    pub dpr: f64,
}

impl CanvasSize {
    /// Width in CSS pixels.
    pub fn css_width(&self) -> f64 {
        self.width as f64 / self.dpr
    }

    /// Sizes `canvas`'s backing store to match; true when there is something to draw on.
    pub fn apply(&self, canvas: &HtmlCanvasElement) -> bool {
        if canvas.width() != self.width || canvas.height() != self.height {
            canvas.set_width(self.width);
            canvas.set_height(self.height);
        }
        self.width >= 2 && self.height >= 2
    }
}

fn measure(canvas: &HtmlCanvasElement) -> CanvasSize {
    let dpr = web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|d| *d > 0.0)
        .unwrap_or(1.0);
    CanvasSize {
        width: (canvas.client_width() as f64 * dpr).round() as u32,
        height: (canvas.client_height() as f64 * dpr).round() as u32,
        dpr,
    }
}

/// The size the canvas behind `node` should have; re-renders when it changes. The canvas
/// may be replaced (a plot shown only while a value is defined): after every render the hook
/// checks which element `node` holds and observes that one.
#[hook]
pub fn use_canvas_size(node: NodeRef) -> CanvasSize {
    let size = use_state(|| CanvasSize {
        width: 0,
        height: 0,
        dpr: 1.0,
    });
    let watched = use_mut_ref(|| None::<Watched>);
    {
        let size = size.clone();
        let watched = watched.clone();
        use_effect(move || {
            let current = node.cast::<HtmlCanvasElement>();
            let same = match (&*watched.borrow(), &current) {
                (Some(w), Some(c)) => w.canvas == *c,
                (None, None) => true,
                _ => false,
            };
            if !same {
                // Dropping the old watch disconnects its observer.
                *watched.borrow_mut() = current.and_then(|canvas| Watched::new(canvas, size));
            }
            || {}
        });
    }
    {
        // Stop observing when the component goes away.
        let watched = watched.clone();
        use_effect_with((), move |_| move || drop(watched.borrow_mut().take()));
    }
    *size
}

/// One observed canvas.
struct Watched {
    canvas: HtmlCanvasElement,
    observer: ResizeObserver,
    _callback: Closure<dyn FnMut()>,
}

impl Watched {
    fn new(canvas: HtmlCanvasElement, size: UseStateHandle<CanvasSize>) -> Option<Watched> {
        let update = {
            let canvas = canvas.clone();
            move || {
                let now = measure(&canvas);
                if now != *size {
                    size.set(now);
                }
            }
        };
        update();
        let callback = Closure::<dyn FnMut()>::new(update);
        let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(&canvas);
        Some(Watched {
            canvas,
            observer,
            _callback: callback,
        })
    }
}

impl Drop for Watched {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Whether the page is in dark colours: the reader's preference or the address's
/// `theme=dark`, as index.html decided it (the `dark` class on the root, which the CSS uses
/// too, so canvas and page never disagree).
pub fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .is_some_and(|e| e.class_list().contains("dark"))
}

/// Whether the reader asked for less motion.
pub fn prefers_reduced_motion() -> bool {
    media_matches("(prefers-reduced-motion: reduce)")
}

fn media_matches(query: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.match_media(query).ok().flatten())
        .is_some_and(|m| m.matches())
}
