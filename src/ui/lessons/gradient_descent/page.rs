//! The page: Step / Play / Reset, the Learning rate (its threshold marked) and Seed sliders,
//! the Training readout, the derivatives as numbers, the data with the line, the loss curve
//! and the loss surface with the path.

use std::rc::Rc;

use yew::prelude::*;

use crate::math::digits::fixed;
use crate::plot::geometry::clip_line;
use crate::plot::series::dots;
use crate::plot::transform::{ScreenRect, Transform};
use crate::ui::browser;
use crate::ui::course::Page;
use crate::ui::hooks::use_address::use_address;
use crate::ui::hooks::use_animation::use_animation;
use crate::ui::hooks::use_throttled::use_throttled;
use crate::ui::reducer::Model;
use crate::ui::widgets::heat_map::HeatMap;
use crate::ui::widgets::prose::prose;
use crate::ui::widgets::slider::number_slider;
use crate::ui::widgets::training::{controls, loss_chart, on_press};

use super::*;

const W: f64 = 300.0;
const H: f64 = 200.0;

/// The data and the current line, as SVG.
fn fit_chart(s: &State) -> Html {
    let lo = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min) - 1.0;
    let hi = |v: &[f64]| v.iter().copied().fold(f64::NEG_INFINITY, f64::max) + 1.0;
    let (xr, yr) = (
        (lo(&s.data.xs), hi(&s.data.xs)),
        (lo(&s.data.ys), hi(&s.data.ys)),
    );
    let t = Transform::new(ScreenRect::sized(W, H), xr, yr);
    let at = |t: &Transform, x: f64| t.screen_from_value((x, s.run.w * x + s.run.b));
    // The visible part of the line, clipped exactly (a diverged line may miss the box).
    let line = t.and_then(|t| clip_line(at(&t, xr.0), at(&t, xr.1), &t.frame()));
    let points = s.data.xs.iter().copied().zip(s.data.ys.iter().copied());
    let path = t.map(|t| dots(points, &t)).unwrap_or_default();
    let label = fit_label(&s.run);
    html! {
        <figure class="chart">
            <svg viewBox="0 0 300 200" role="img" aria-label={label} data-testid="fit">
                <path d={path} class="chart-dots" />
                if let Some((a, b)) = line {
                    <line x1={fixed(a.0, 1)} y1={fixed(a.1, 1)} x2={fixed(b.0, 1)} y2={fixed(b.1, 1)} class="chart-line" />
                }
            </svg>
            <figcaption>{ "Data and the line" }</figcaption>
        </figure>
    }
}

/// The page, as a hook the shell's lesson host runs (see `ui::shell::LessonHost`).
#[hook]
pub fn use_page() -> Html {
    let model = use_reducer(|| {
        let (seed, rate) = from_query(&browser::current_query());
        Model(State::new(seed, rate))
    });
    let s = &model.0;
    let dispatch = model.dispatcher();
    use_address(Page::GradientDescent.path(), to_query(s.seed, s.rate));
    {
        let dispatch = dispatch.clone();
        // One epoch per frame; with reduced motion, Play jumps to the end.
        use_animation(
            s.playing,
            f64::INFINITY,
            Callback::from(move |p: f64| {
                dispatch.dispatch(Action::Step(if p >= 1.0 { EPOCHS } else { 1 }))
            }),
        );
    }
    let field = use_memo(s.data.clone(), |d| Rc::new(surface(d)));
    let path = use_memo((s.run.epoch, s.seed), {
        let path = s.run.path.clone();
        move |_| Rc::new(path)
    });
    let said = readout(&s.run);
    let spoken = use_throttled(format!("{said}. {}", verdict(s)), 1000);
    let on_rate = {
        let dispatch = dispatch.clone();
        Callback::from(move |v: f64| dispatch.dispatch(Action::Rate(v)))
    };
    let on_seed = {
        let dispatch = dispatch.clone();
        Callback::from(move |v: f64| dispatch.dispatch(Action::Seed(v as u64)))
    };
    let on_press = on_press(
        dispatch.clone(),
        [Action::Step(1), Action::Play, Action::Pause, Action::Reset],
    );
    let t = s.data.threshold();
    let mark = threshold_percent(&s.data).map(|p| format!("--at: {}%", fixed(p, 2)));
    let label = surface_label(s);
    html! {
        <article class="lesson">
            <h1 class="page-title">{ Page::GradientDescent.title() }</h1>
            <div class="prose">{ prose(INTRO) }</div>
            <section class="panel" aria-label="Training">
                <div class="training-controls">
                    { controls(s.playing, &on_press) }
                    <div class="rate-field">
                        { number_slider(html! { "Learning rate" }, "η", RATE_RANGE, RATE_STEP, 0.05, s.rate, on_rate, "rate-slider".into()) }
                        if let Some(style) = mark {
                            <div class="rate-scale" {style} aria-hidden="true">
                                <span class="rate-mark">{ format!("2/λ_max = {}", num(t)) }</span>
                            </div>
                        }
                    </div>
                    { number_slider(html! { "Seed" }, "seed", SEEDS, 1.0, 10.0, s.seed as f64, on_seed, "seed-slider".into()) }
                </div>
                <div role="status" aria-live="polite" aria-label="Training readout" class="readout-block">
                    <p aria-hidden="true" class="rate-line" data-testid="training">{ said }</p>
                    <p class="sr-only">{ spoken }</p>
                </div>
                <p class="hint" data-testid="derivatives">{ gradient_line(s) }</p>
                <p class={classes!("verdict", (s.rate > t).then_some("warning"))} data-testid="verdict">{ verdict(s) }</p>
                <div class="chart-grid">
                    { fit_chart(s) }
                    { loss_chart(&s.run.losses, "loss-curve") }
                    <HeatMap field={(*field).clone()} axes={("w", "b")} testid="loss-surface" label={label}
                        path={(*path).clone()} point={Some((s.run.w, s.run.b))} caption="Loss surface and the path" />
                </div>
            </section>
            <div class="prose">{ prose(THRESHOLD) }</div>
        </article>
    }
}
