//! The in-browser benchmark (`?bench` in the address): after the first plot, moves the linked
//! cursor across the plots, pans the view and drags the explorer's x₀, one step per frame,
//! then reports the median and 95th-percentile cost of redrawing both plots. Results go to the console and to
//! an element with `data-testid="bench-result"` that the smoke test reads.

use std::time::Duration;

use yew::Callback;

use super::perf;
use super::state::{Action, View};

async fn next_frame() {
    // A short timer lets Yew render and run the draw effects in between steps.
    gloo_timers::future::sleep(Duration::from_millis(5)).await;
}

/// Pairs consecutive per-canvas timings into per-frame timings of both plots.
fn pairs(v: &[f64]) -> Vec<f64> {
    v.chunks_exact(2).map(|p| p[0] + p[1]).collect()
}

/// Runs the benchmark, reporting through `report`.
pub async fn run(view: View, dispatch: Callback<Action>, report: Callback<String>) {
    gloo_timers::future::sleep(Duration::from_millis(300)).await;
    perf::clear();
    let steps = 200;
    for i in 0..steps {
        let x = view.x_min + view.width() * (i as f64 + 0.5) / steps as f64;
        dispatch.emit(Action::Hover(Some(x)));
        next_frame().await;
    }
    let (hover_median, hover_p95) = perf::median_p95(&pairs(&perf::redraw_times()));
    perf::clear();
    for i in 0..100 {
        let dx = if i < 50 { 0.02 } else { -0.02 } * view.width();
        dispatch.emit(Action::Pan { dx });
        next_frame().await;
    }
    let frames: Vec<f64> = pairs(&perf::redraw_times())
        .iter()
        .zip(pairs(&perf::sampling_times()))
        .map(|(draw, sample)| draw + sample)
        .collect();
    let (pan_median, pan_p95) = perf::median_p95(&frames);
    dispatch.emit(Action::Hover(None));
    next_frame().await;
    // Dragging x₀ along the curve: both plots redraw with the secant, tangent and points.
    perf::clear();
    for i in 0..steps {
        let x = view.x_min + view.width() * (i as f64 + 0.5) / steps as f64;
        dispatch.emit(Action::SetX0(x));
        next_frame().await;
    }
    let (drag_median, drag_p95) = perf::median_p95(&pairs(&perf::redraw_times()));
    report.emit(format!(
        "redraw_both_median_ms={hover_median:.2} redraw_both_p95_ms={hover_p95:.2} \
         pan_frame_median_ms={pan_median:.2} pan_frame_p95_ms={pan_p95:.2} \
         drag_x0_median_ms={drag_median:.2} drag_x0_p95_ms={drag_p95:.2} frames={steps}"
    ));
}
