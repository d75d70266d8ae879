//! The in-browser benchmark (`#/?bench` in the address): after the first plot, moves the
//! pointer across the f plot (real `pointermove` events, so hovering takes its real path),
//! pans the view and drags the explorer's x₀, one step per frame, then reports the median and
//! 95th-percentile cost of redrawing both plots and how many components rendered per hover
//! frame. Results go to the console and to an element with `data-testid="bench-result"` that
//! the smoke test reads.

use crate::math::digits::fixed;
use std::time::Duration;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::state::{Action, State, View};
use crate::ui::perf;

async fn next_frame() {
    // A short timer lets Yew render and run the draw effects in between steps.
    gloo_timers::future::sleep(Duration::from_millis(5)).await;
}

/// Pairs consecutive per-canvas timings into per-frame timings of both plots.
fn pairs(v: &[f64]) -> Vec<f64> {
    v.chunks_exact(2).map(|p| p[0] + p[1]).collect()
}

/// Moves a mouse pointer over `canvas` to the fraction `t` of its width, half-way down.
fn hover(canvas: &web_sys::HtmlElement, t: f64) {
    let rect = canvas.get_bounding_client_rect();
    let init = web_sys::PointerEventInit::new();
    init.set_client_x((rect.left() + rect.width() * t) as i32);
    init.set_client_y((rect.top() + rect.height() * 0.5) as i32);
    init.set_pointer_type("mouse");
    init.set_bubbles(true);
    if let Ok(e) = web_sys::PointerEvent::new_with_event_init_dict("pointermove", &init) {
        let _ = canvas.dispatch_event(&e);
    }
}

/// Runs the benchmark, reporting through `report`.
pub async fn run(view: View, dispatch: UseReducerDispatcher<State>, report: Callback<String>) {
    gloo_timers::future::sleep(Duration::from_millis(300)).await;
    let canvas = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("canvas[data-testid='plot-f']")
                .ok()
                .flatten()
        })
        .and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok());
    let Some(canvas) = canvas else {
        report.emit("no plot to measure".into());
        return;
    };
    perf::clear();
    perf::take_renders();
    let steps = 200;
    for i in 0..steps {
        hover(&canvas, 0.1 + 0.8 * (i as f64 + 0.5) / steps as f64);
        next_frame().await;
    }
    let (hover_median, hover_p95) = perf::median_p95(&pairs(&perf::redraw_times()));
    let renders = perf::take_renders()
        .iter()
        .map(|(name, n)| format!("{name}:{}", fixed(*n as f64 / steps as f64, 2)))
        .collect::<Vec<_>>()
        .join(",");
    perf::clear();
    for i in 0..100 {
        let dx = if i < 50 { 0.02 } else { -0.02 } * view.width();
        dispatch.dispatch(Action::Pan { dx });
        next_frame().await;
    }
    let frames: Vec<f64> = pairs(&perf::redraw_times())
        .iter()
        .zip(pairs(&perf::sampling_times()))
        .map(|(draw, sample)| draw + sample)
        .collect();
    let (pan_median, pan_p95) = perf::median_p95(&frames);
    // Dragging x₀ along the curve: both plots redraw with the secant, tangent and points.
    perf::clear();
    perf::take_renders();
    for i in 0..steps {
        let x = view.x_min + view.width() * (i as f64 + 0.5) / steps as f64;
        dispatch.dispatch(Action::SetX0(x));
        next_frame().await;
    }
    let (drag_median, drag_p95) = perf::median_p95(&pairs(&perf::redraw_times()));
    let drag_renders = perf::take_renders()
        .iter()
        .map(|(name, n)| format!("{name}:{}", fixed(*n as f64 / steps as f64, 2)))
        .collect::<Vec<_>>()
        .join(",");
    report.emit(format!(
        "redraw_both_median_ms={} redraw_both_p95_ms={} pan_frame_median_ms={} pan_frame_p95_ms={} \
         drag_x0_median_ms={} drag_x0_p95_ms={} frames={steps} \
         renders_per_hover_frame={renders} renders_per_drag_frame={drag_renders}",
        fixed(hover_median, 2),
        fixed(hover_p95, 2),
        fixed(pan_median, 2),
        fixed(pan_p95, 2),
        fixed(drag_median, 2),
        fixed(drag_p95, 2),
    ));
}
