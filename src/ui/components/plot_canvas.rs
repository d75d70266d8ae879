//! One plot on a canvas: samples its curve for the current view and width, draws it with the
//! `plot` module after every render, and turns pointer, wheel and keyboard input into zoom,
//! pan and hover actions. The backing store is sized to CSS size × devicePixelRatio and
//! follows the element's size (ResizeObserver).

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{AddEventListenerOptions, HtmlCanvasElement, ResizeObserver, WheelEvent};
use yew::prelude::*;

use crate::math::sample::{auto_y_range, sample, Samples};
use crate::math::Study;
use crate::plot::canvas::draw_on_canvas;
use crate::plot::{Curve as PlotCurve, PlotModel, Theme, Transform};
use crate::ui::perf;
use crate::ui::state::{Action, View};

/// Which function a canvas shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Curve {
    F,
    Df,
}

/// An `Rc<Study>` compared by identity, for memo keys.
#[derive(Clone)]
struct ByPtr(Rc<Study>);

impl PartialEq for ByPtr {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.0, &o.0)
    }
}

#[derive(Properties)]
pub struct PlotCanvasProps {
    pub study: Rc<Study>,
    pub curve: Curve,
    /// "f(x) = x²" — drawn as the plot's title and used in its accessible label.
    pub title: AttrValue,
    pub view: View,
    pub cursor: Option<f64>,
    pub on_action: Callback<Action>,
}

impl PartialEq for PlotCanvasProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.study, &o.study)
            && self.curve == o.curve
            && self.title == o.title
            && self.view == o.view
            && self.cursor == o.cursor
            && self.on_action == o.on_action
    }
}

/// Backing-store size in device pixels, and the device pixel ratio.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Size {
    width: u32,
    height: u32,
    dpr: f64,
}

fn measure(canvas: &HtmlCanvasElement) -> Size {
    let dpr = web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|d| *d > 0.0)
        .unwrap_or(1.0);
    Size {
        width: (canvas.client_width() as f64 * dpr).round() as u32,
        height: (canvas.client_height() as f64 * dpr).round() as u32,
        dpr,
    }
}

fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Everything one redraw needs.
struct Frame<'a> {
    samples: &'a Samples,
    view: View,
    cursor: Option<f64>,
    title: &'a str,
    var: &'a str,
    curve: Curve,
}

fn redraw(canvas: &HtmlCanvasElement, size: Size, frame: &Frame) -> Option<Transform> {
    if size.width < 2 || size.height < 2 {
        return None;
    }
    if canvas.width() != size.width || canvas.height() != size.height {
        canvas.set_width(size.width);
        canvas.set_height(size.height);
    }
    let started = perf::now_ms();
    let theme = if prefers_dark() {
        Theme::dark(size.dpr)
    } else {
        Theme::light(size.dpr)
    };
    let color = match frame.curve {
        Curve::F => theme.function,
        Curve::Df => theme.derivative,
    };
    let y_range = auto_y_range(frame.samples, frame.view.x_min, frame.view.x_max);
    let mut model = PlotModel::new((frame.view.x_min, frame.view.x_max), y_range);
    model.title = frame.title.to_string();
    model.x_label = frame.var.to_string();
    model.curves.push(PlotCurve::new(frame.samples, color));
    model.mark_breaks(&frame.samples.breaks, color);
    model.cursor_x = frame.cursor;
    let result = draw_on_canvas(canvas, &model, &theme);
    perf::record_redraw(perf::now_ms() - started);
    match result {
        Ok(t) => {
            if canvas.get_attribute("data-drawn").is_none() {
                let _ = canvas.set_attribute("data-first-drawn-at", &format!("{:.1}", perf::now_ms()));
            }
            let _ = canvas.set_attribute("data-drawn", "true");
            Some(t)
        }
        Err(e) => {
            web_sys::console::warn_1(&format!("Slope could not draw a plot: {e}").into());
            None
        }
    }
}

#[function_component(PlotCanvas)]
pub fn plot_canvas(props: &PlotCanvasProps) -> Html {
    let canvas_ref = use_node_ref();
    let size = use_state(|| Size {
        width: 0,
        height: 0,
        dpr: 1.0,
    });
    let transform = use_mut_ref(|| None::<Transform>);
    // The last pointer x while dragging, in CSS pixels.
    let drag = use_mut_ref(|| None::<f64>);
    // The newest view and action callback, for the wheel listener installed once.
    let latest = use_mut_ref(|| (props.view, props.on_action.clone()));
    *latest.borrow_mut() = (props.view, props.on_action.clone());

    // Follow the element's size.
    {
        let canvas_ref = canvas_ref.clone();
        let size = size.clone();
        use_effect_with((), move |_| {
            let observer = canvas_ref.cast::<HtmlCanvasElement>().and_then(|canvas| {
                let update = {
                    let canvas = canvas.clone();
                    let size = size.clone();
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
                Some((observer, callback))
            });
            move || {
                if let Some((observer, _callback)) = observer {
                    observer.disconnect();
                }
            }
        });
    }

    // Wheel zoom, with a non-passive listener so the page does not scroll meanwhile.
    {
        let canvas_ref = canvas_ref.clone();
        let latest = latest.clone();
        let transform = transform.clone();
        use_effect_with((), move |_| {
            let installed = canvas_ref.cast::<HtmlCanvasElement>().map(|canvas| {
                let target = canvas.clone();
                let listener = Closure::<dyn FnMut(WheelEvent)>::new(move |e: WheelEvent| {
                    let (view, on_action) = latest.borrow().clone();
                    let Some(t) = transform.borrow().clone() else {
                        return;
                    };
                    e.prevent_default();
                    let dpr = target.width() as f64 / target.client_width().max(1) as f64;
                    let (x, _) =
                        t.value_from_screen((e.offset_x() as f64 * dpr, e.offset_y() as f64 * dpr));
                    let factor = (e.delta_y() * 0.0015).clamp(-0.5, 0.5).exp();
                    let about = x.clamp(view.x_min, view.x_max);
                    on_action.emit(Action::Zoom { factor, about });
                });
                let options = AddEventListenerOptions::new();
                options.set_passive(false);
                let _ = canvas.add_event_listener_with_callback_and_add_event_listener_options(
                    "wheel",
                    listener.as_ref().unchecked_ref(),
                    &options,
                );
                (canvas, listener)
            });
            move || {
                if let Some((canvas, listener)) = installed {
                    let _ = canvas.remove_event_listener_with_callback(
                        "wheel",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }

    let samples = {
        let width = (size.width as f64 / size.dpr).round().max(1.0) as usize;
        let key = (
            ByPtr(props.study.clone()),
            props.curve,
            props.view.x_min.to_bits(),
            props.view.x_max.to_bits(),
            width,
        );
        use_memo(key, |(study, curve, _, _, width)| {
            let program = match curve {
                Curve::F => &study.0.f_program,
                Curve::Df => &study.0.df_program,
            };
            let view = props.view;
            let started = perf::now_ms();
            let samples = sample(program, view.x_min, view.x_max, *width);
            perf::record_sampling(perf::now_ms() - started);
            Rc::new(samples)
        })
    };

    // Draw after every render that changed what is shown.
    {
        let canvas_ref = canvas_ref.clone();
        let transform = transform.clone();
        let deps = (
            samples.clone(),
            props.cursor.map(f64::to_bits),
            *size,
            props.title.clone(),
        );
        let view = props.view;
        let var = props.study.var.clone();
        let curve = props.curve;
        use_effect_with(deps, move |(samples, cursor, size, title)| {
            if let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() {
                let frame = Frame {
                    samples,
                    view,
                    cursor: cursor.map(f64::from_bits),
                    title,
                    var: &var,
                    curve,
                };
                *transform.borrow_mut() = redraw(&canvas, *size, &frame);
            }
        });
    }

    let value_at = {
        let transform = transform.clone();
        let canvas_ref = canvas_ref.clone();
        move |offset_x: i32, offset_y: i32| -> Option<f64> {
            let canvas = canvas_ref.cast::<HtmlCanvasElement>()?;
            let t = transform.borrow().clone()?;
            let dpr = canvas.width() as f64 / canvas.client_width().max(1) as f64;
            let screen = (offset_x as f64 * dpr, offset_y as f64 * dpr);
            t.frame()
                .contains(screen)
                .then(|| t.value_from_screen(screen).0)
        }
    };
    let plot_width_css = {
        let transform = transform.clone();
        move |dpr: f64| {
            transform
                .borrow()
                .as_ref()
                .map(|t| t.frame().width / dpr)
                .unwrap_or(1.0)
                .max(1.0)
        }
    };

    let onpointerdown = {
        let drag = drag.clone();
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 {
                return;
            }
            *drag.borrow_mut() = Some(e.client_x() as f64);
            if let Some(target) = e.target_dyn_into::<web_sys::Element>() {
                let _ = target.set_pointer_capture(e.pointer_id());
                let _ = target.class_list().add_1("dragging");
            }
        })
    };
    let onpointermove = {
        let drag = drag.clone();
        let on_action = props.on_action.clone();
        let value_at = value_at.clone();
        let view = props.view;
        let size = *size;
        Callback::from(move |e: PointerEvent| {
            let last = *drag.borrow();
            match last {
                Some(last) => {
                    let x = e.client_x() as f64;
                    *drag.borrow_mut() = Some(x);
                    let dx = -(x - last) * view.width() / plot_width_css(size.dpr);
                    if dx != 0.0 {
                        on_action.emit(Action::Pan { dx });
                    }
                }
                None => on_action.emit(Action::Hover(value_at(e.offset_x(), e.offset_y()))),
            }
        })
    };
    let end_drag = {
        let drag = drag.clone();
        Callback::from(move |e: PointerEvent| {
            *drag.borrow_mut() = None;
            if let Some(target) = e.target_dyn_into::<web_sys::Element>() {
                let _ = target.class_list().remove_1("dragging");
            }
        })
    };
    let onpointerleave = {
        let on_action = props.on_action.clone();
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| {
            if drag.borrow().is_none() {
                on_action.emit(Action::Hover(None));
            }
        })
    };
    let onkeydown = {
        let on_action = props.on_action.clone();
        let view = props.view;
        Callback::from(move |e: KeyboardEvent| {
            let step = view.width() * if e.shift_key() { 0.5 } else { 0.1 };
            let action = match e.key().as_str() {
                "ArrowLeft" => Action::Pan { dx: -step },
                "ArrowRight" => Action::Pan { dx: step },
                "+" | "=" => Action::Zoom {
                    factor: 0.8,
                    about: view.center(),
                },
                "-" | "_" => Action::Zoom {
                    factor: 1.25,
                    about: view.center(),
                },
                "0" => Action::ResetView,
                _ => return,
            };
            e.prevent_default();
            on_action.emit(action);
        })
    };

    let label = format!(
        "Graph of {} on {} ≤ {} ≤ {}",
        props.title,
        crate::ui::components::plots::format_value(props.view.x_min),
        props.study.var,
        crate::ui::components::plots::format_value(props.view.x_max)
    );
    let testid = match props.curve {
        Curve::F => "plot-f",
        Curve::Df => "plot-df",
    };
    html! {
        <figure class="plot-figure">
            <canvas ref={canvas_ref} role="img" aria-label={label} tabindex="0" data-testid={testid}
                aria-keyshortcuts="ArrowLeft ArrowRight + - 0"
                {onpointerdown} {onpointermove} onpointerup={end_drag.clone()} onpointercancel={end_drag}
                {onpointerleave} {onkeydown}>
            </canvas>
        </figure>
    }
}
