//! One plot of f or f′ on a canvas: samples its curve for the current view and width, draws it
//! (with an overlay of lines and points on top) after every render, and turns pointer, wheel
//! and keyboard input into zoom, pan, hover and handle-dragging callbacks. It knows nothing of
//! any lesson: what the callbacks do is up to the page.

use crate::math::clamp;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{AddEventListenerOptions, HtmlCanvasElement, WheelEvent};
use yew::prelude::*;

use crate::math::sample::{auto_y_range, Samples};
use crate::math::Study;
use crate::plot::canvas::draw_on_canvas;
use crate::plot::describe::describe_curve;
use crate::plot::overlay::Overlay;
use crate::plot::view::View;
use crate::plot::{Curve as PlotCurve, Dash, Line, Marker, PlotModel, Theme, Transform};
use crate::ui::hooks::by_ptr::ByPtr;
use crate::ui::hooks::use_canvas_size::{prefers_dark, use_canvas_size, CanvasSize};
use crate::ui::hooks::use_painted::use_painted;
use crate::ui::perf;

/// Which function a canvas shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Curve {
    F,
    Df,
}

#[derive(Properties, PartialEq)]
pub struct PlotCanvasProps {
    pub study: ByPtr<Study>,
    pub curve: Curve,
    /// "f(x) = x²" — drawn as the plot's title and used in its accessible label.
    pub title: AttrValue,
    pub view: View,
    pub cursor: Option<f64>,
    #[prop_or_default]
    pub overlay: Overlay,
    /// The overlay in words, appended to the plot's description.
    #[prop_or_default]
    pub overlay_text: AttrValue,
    /// The x under the pointer (or tapped), `None` when it leaves.
    #[prop_or_default]
    pub on_hover: Callback<Option<f64>>,
    /// Zoom by a factor (< 1 zooms in) about an x value.
    #[prop_or_default]
    pub on_zoom: Callback<(f64, f64)>,
    /// Pan by an x distance.
    #[prop_or_default]
    pub on_pan: Callback<f64>,
    #[prop_or_default]
    pub on_reset: Callback<()>,
    /// The view can be moved (zoom and pan by wheel, drag and keys); a fixed view ignores
    /// them and says no keys.
    #[prop_or(true)]
    pub movable: bool,
    /// One of the overlay's handles (by index) dragged to an x.
    #[prop_or_default]
    pub on_handle: Callback<(usize, f64)>,
    /// A second function drawn dashed over the first (a Taylor polynomial), on the first's
    /// scale.
    #[prop_or_default]
    pub extra: Option<ByPtr<Study>>,
}

/// A sampled curve and the y range that shows it, computed together once per view. (It and
/// the extra function's samples, sampled on their own so that a new Taylor polynomial does not
/// resample f, are compared by identity, `ByPtr`: comparing hundreds of points on every
/// render, a hover, would be wasted work.)
struct Sampled {
    samples: Samples,
    y_range: (f64, f64),
}

/// Everything one redraw needs.
struct Frame<'a> {
    sampled: &'a Sampled,
    extra: Option<&'a Samples>,
    view: View,
    cursor: Option<f64>,
    title: &'a str,
    var: &'a str,
    curve: Curve,
    overlay: &'a Overlay,
}

fn redraw(canvas: &HtmlCanvasElement, size: CanvasSize, frame: &Frame) -> Option<Transform> {
    if !size.apply(canvas) {
        return None;
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
    let samples = &frame.sampled.samples;
    let mut model = PlotModel::new((frame.view.x_min, frame.view.x_max), frame.sampled.y_range);
    model.title = frame.title.to_string();
    model.x_label = frame.var.to_string();
    model.curves.push(PlotCurve::new(samples, color));
    model.mark_breaks(&samples.breaks, color);
    if let Some(extra) = frame.extra {
        let mut c = PlotCurve::new(extra, theme.tangent);
        c.dash = Some(Dash::DEFAULT);
        model.curves.push(c);
    }
    model.bands.clone_from(&frame.overlay.bands);
    model.cursor_x = frame.cursor;
    for l in &frame.overlay.lines {
        let dash = l.dashed.then_some(Dash::DEFAULT);
        model.lines.push(Line {
            through: l.through,
            color: l.ink.color(&theme),
            width: 2.0,
            dash,
        });
    }
    for p in &frame.overlay.points {
        model.points.push(Marker {
            at: p.at,
            color: p.ink.color(&theme),
            radius: p.radius,
        });
    }
    let result = draw_on_canvas(canvas, &model, &theme);
    perf::record_redraw(perf::now_ms() - started);
    match result {
        Ok(t) => {
            if canvas.get_attribute("data-drawn").is_none() {
                let _ = canvas.set_attribute(
                    "data-first-drawn-at",
                    &crate::math::digits::fixed(perf::now_ms(), 1),
                );
            }
            let _ = canvas.set_attribute("data-drawn", "true");
            // Where the draggable points are, in CSS pixels (for tests and automation).
            let at: Vec<String> = frame
                .overlay
                .handles
                .iter()
                .map(|h| {
                    let (x, y) = t.screen_from_value(*h);
                    format!(
                        "{},{}",
                        crate::math::digits::fixed(x / size.dpr, 1),
                        crate::math::digits::fixed(y / size.dpr, 1)
                    )
                })
                .collect();
            if at.is_empty() {
                let _ = canvas.remove_attribute("data-handle");
            } else {
                let _ = canvas.set_attribute("data-handle", &at.join(" "));
            }
            Some(t)
        }
        Err(e) => {
            web_sys::console::warn_1(&format!("Slope could not draw a plot: {e}").into());
            None
        }
    }
}

/// What a pointer drag is doing.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Drag {
    /// Panning; the last pointer x in CSS pixels.
    Pan(f64),
    /// Moving one of the overlay's handles.
    Handle(usize),
}

/// How close (CSS px) a press must be to the handle to grab it.
const GRAB_RADIUS: f64 = 16.0;

#[function_component(PlotCanvas)]
pub fn plot_canvas(props: &PlotCanvasProps) -> Html {
    perf::count_render("plot-canvas");
    let canvas_ref = use_node_ref();
    let size = use_canvas_size(canvas_ref.clone());
    let transform = use_mut_ref(|| None::<Transform>);
    let drag = use_mut_ref(|| None::<Drag>);
    // The newest view and zoom callback, for the wheel listener installed once.
    let latest = use_mut_ref(|| (props.view, props.on_zoom.clone(), props.movable));
    *latest.borrow_mut() = (props.view, props.on_zoom.clone(), props.movable);

    // Wheel zoom, with a non-passive listener so the page does not scroll meanwhile.
    {
        let canvas_ref = canvas_ref.clone();
        let latest = latest.clone();
        let transform = transform.clone();
        use_effect_with((), move |_| {
            let installed = canvas_ref.cast::<HtmlCanvasElement>().map(|canvas| {
                let target = canvas.clone();
                let listener = Closure::<dyn FnMut(WheelEvent)>::new(move |e: WheelEvent| {
                    let (view, on_zoom, movable) = latest.borrow().clone();
                    // A fixed view lets the page scroll.
                    if !movable {
                        return;
                    }
                    let Some(t) = *transform.borrow() else {
                        return;
                    };
                    e.prevent_default();
                    let dpr = target.width() as f64 / target.client_width().max(1) as f64;
                    let (x, _) =
                        t.value_from_screen((e.offset_x() as f64 * dpr, e.offset_y() as f64 * dpr));
                    let about = clamp(x, view.x_min, view.x_max);
                    on_zoom.emit((View::wheel_factor(e.delta_y()), about));
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
        let width = size.css_width().round().max(1.0) as usize;
        let key = (
            props.study.clone(),
            props.curve,
            props.view.x_min.to_bits(),
            props.view.x_max.to_bits(),
            width,
        );
        use_memo(key, |(study, curve, _, _, width)| {
            let view = props.view;
            let started = perf::now_ms();
            let samples = match curve {
                Curve::F => study.0.sample_f(view.x_min, view.x_max, *width),
                Curve::Df => study.0.sample_df(view.x_min, view.x_max, *width),
            };
            let y_range = auto_y_range(&samples, view.x_min, view.x_max);
            perf::record_sampling(perf::now_ms() - started);
            Rc::new(Sampled { samples, y_range })
        })
    };
    let extra = {
        let width = size.css_width().round().max(1.0) as usize;
        let view = props.view;
        let key = (
            props.extra.clone(),
            view.x_min.to_bits(),
            view.x_max.to_bits(),
            width,
        );
        use_memo(key, move |(extra, _, _, width)| {
            extra
                .as_ref()
                .map(|e| e.sample_f(view.x_min, view.x_max, *width))
        })
    };

    // Draw after every render that changed what is shown.
    {
        let canvas_ref = canvas_ref.clone();
        let transform = transform.clone();
        let deps = (
            ByPtr(samples.clone()),
            ByPtr(extra.clone()),
            props.cursor.map(f64::to_bits),
            size,
            props.title.clone(),
            props.overlay.clone(),
        );
        let view = props.view;
        let var = props.study.var.clone();
        let curve = props.curve;
        use_effect_with(
            deps,
            move |(sampled, extra, cursor, size, title, overlay)| {
                if let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() {
                    let frame = Frame {
                        sampled,
                        extra: extra.as_ref(),
                        view,
                        cursor: cursor.map(f64::from_bits),
                        title,
                        var: &var,
                        curve,
                        overlay,
                    };
                    *transform.borrow_mut() = redraw(&canvas, *size, &frame);
                }
            },
        );
    }

    // Pointer position → (value x, the nearest handle and its distance in CSS px), inside the
    // plot frame.
    let locate = {
        let transform = transform.clone();
        let handles = props.overlay.handles.clone();
        move |e: &PointerEvent| -> Option<(f64, (usize, f64))> {
            let t = (*transform.borrow())?;
            let dpr = size.dpr;
            let screen = (e.offset_x() as f64 * dpr, e.offset_y() as f64 * dpr);
            let nearest = handles
                .iter()
                .enumerate()
                .map(|(i, h)| {
                    let (hx, hy) = t.screen_from_value(*h);
                    (i, (hx - screen.0).hypot(hy - screen.1) / dpr)
                })
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .unwrap_or((0, f64::INFINITY));
            t.frame()
                .contains(screen)
                .then(|| (t.value_from_screen(screen).0, nearest))
        }
    };
    let plot_width_css = {
        let transform = transform.clone();
        move || {
            transform
                .borrow()
                .as_ref()
                .map(|t| t.frame().width / size.dpr)
                .unwrap_or(1.0)
                .max(1.0)
        }
    };

    let onpointerdown = {
        let drag = drag.clone();
        let locate = locate.clone();
        let on_hover = props.on_hover.clone();
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 {
                return;
            }
            let at = locate(&e);
            let grab = at
                .filter(|(_, (_, d))| *d <= GRAB_RADIUS)
                .map(|(_, (i, _))| i);
            // A tap shows the values there, as hovering does with a mouse.
            if e.pointer_type() == "touch" && grab.is_none() {
                on_hover.emit(at.map(|(x, _)| x));
            }
            *drag.borrow_mut() = Some(match grab {
                Some(i) => Drag::Handle(i),
                None => Drag::Pan(e.client_x() as f64),
            });
            let grab = grab.is_some();
            if let Some(target) = e.target_dyn_into::<web_sys::Element>() {
                let _ = target.set_pointer_capture(e.pointer_id());
                let _ = target
                    .class_list()
                    .add_1(if grab { "dragging-point" } else { "dragging" });
            }
        })
    };
    let onpointermove = {
        let drag = drag.clone();
        let on_pan = props.on_pan.clone();
        let on_handle = props.on_handle.clone();
        let on_hover = props.on_hover.clone();
        let view = props.view;
        let near_handle = !props.overlay.handles.is_empty();
        Callback::from(move |e: PointerEvent| {
            let state = *drag.borrow();
            match state {
                Some(Drag::Pan(last)) => {
                    let x = e.client_x() as f64;
                    *drag.borrow_mut() = Some(Drag::Pan(x));
                    let dx = -(x - last) * view.width() / plot_width_css();
                    if dx != 0.0 {
                        on_pan.emit(dx);
                    }
                }
                Some(Drag::Handle(i)) => {
                    if let Some(t) = *transform.borrow() {
                        let screen = (
                            e.offset_x() as f64 * size.dpr,
                            e.offset_y() as f64 * size.dpr,
                        );
                        let x = clamp(t.value_from_screen(screen).0, view.x_min, view.x_max);
                        on_handle.emit((i, x));
                    }
                }
                None => {
                    let at = locate(&e);
                    if near_handle {
                        if let Some(target) = e.target_dyn_into::<web_sys::Element>() {
                            let over = at.is_some_and(|(_, (_, d))| d <= GRAB_RADIUS);
                            let _ = target.class_list().toggle_with_force("over-point", over);
                        }
                    }
                    if e.pointer_type() != "touch" {
                        on_hover.emit(at.map(|(x, _)| x));
                    }
                }
            }
        })
    };
    let end_drag = {
        let drag = drag.clone();
        Callback::from(move |e: PointerEvent| {
            *drag.borrow_mut() = None;
            if let Some(target) = e.target_dyn_into::<web_sys::Element>() {
                let _ = target.class_list().remove_2("dragging", "dragging-point");
            }
        })
    };
    let onpointerleave = {
        let on_hover = props.on_hover.clone();
        let drag = drag.clone();
        Callback::from(move |e: PointerEvent| {
            // A tapped value stays until the next tap; a mouse's goes with the mouse.
            if drag.borrow().is_none() && e.pointer_type() != "touch" {
                on_hover.emit(None);
            }
        })
    };
    let onkeydown = {
        let (on_pan, on_zoom, on_reset) = (
            props.on_pan.clone(),
            props.on_zoom.clone(),
            props.on_reset.clone(),
        );
        let view = props.view;
        Callback::from(move |e: KeyboardEvent| {
            let step = view.width() * if e.shift_key() { 0.5 } else { 0.1 };
            match e.key().as_str() {
                "ArrowLeft" => on_pan.emit(-step),
                "ArrowRight" => on_pan.emit(step),
                "+" | "=" => on_zoom.emit((View::ZOOM_IN, view.center())),
                "-" | "_" => on_zoom.emit((1.0 / View::ZOOM_IN, view.center())),
                "0" => on_reset.emit(()),
                _ => return,
            }
            e.prevent_default();
        })
    };

    let (lo, hi) = crate::plot::format::range(props.view.x_min, props.view.x_max);
    let var = &props.study.var;
    // The curve in words, once the first screen is painted (see `use_painted`).
    let painted = use_painted();
    let shape = {
        let (range, var) = ((props.view.x_min, props.view.x_max), var.clone());
        let (study, curve) = (props.study.clone(), props.curve);
        use_memo((ByPtr(samples.clone()), painted), move |(s, painted)| {
            let program = match curve {
                Curve::F => &study.f_program,
                Curve::Df => &study.df_program,
            };
            match painted {
                true => describe_curve(&s.samples, program, range, &var),
                false => String::new(),
            }
        })
    };
    let label = format!(
        "Graph of {} on {lo} ≤ {var} ≤ {hi}. {shape} {}",
        props.title, props.overlay_text
    );
    let testid = match props.curve {
        Curve::F => "plot-f",
        Curve::Df => "plot-df",
    };
    html! {
        <figure class="plot-figure">
            <canvas ref={canvas_ref} role="img" aria-label={label} tabindex="0" data-testid={testid}
                aria-keyshortcuts={props.movable.then_some("ArrowLeft ArrowRight + - 0")}
                {onpointerdown} {onpointermove} onpointerup={end_drag.clone()} onpointercancel={end_drag}
                {onpointerleave} {onkeydown}>
            </canvas>
        </figure>
    }
}

/// A plot with a fixed view (the page scrolls over it; no zoom or pan), drawing `curve` of
/// `study` with an overlay and, optionally, a second function dashed over it. (One argument
/// per prop of the `PlotCanvas` it writes.)
#[allow(clippy::too_many_arguments)]
pub fn fixed_plot(
    study: Rc<Study>,
    curve: Curve,
    title: String,
    view: View,
    overlay: Overlay,
    overlay_text: String,
    extra: Option<Rc<Study>>,
    on_handle: Callback<(usize, f64)>,
) -> Html {
    html! {
        <PlotCanvas {study} {curve} title={title} {view} cursor={None::<f64>} {overlay}
            overlay_text={overlay_text} extra={extra.map(ByPtr)} {on_handle} movable=false />
    }
}
