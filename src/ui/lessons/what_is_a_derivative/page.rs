//! The page: the car (slider **Time t**, position with its tangent, speed, a polite
//! speedometer), the limit definition and the two-point widget on x².

use std::rc::Rc;

use yew::prelude::*;

use crate::math::{to_unicode, Study};
use crate::ui::browser;
use crate::ui::course::Page;
use crate::ui::grid::snap;
use crate::ui::hooks::use_address::use_address;
use crate::ui::hooks::use_throttled::use_throttled;
use crate::ui::widgets::plot_canvas::{fixed_plot, Curve};
use crate::ui::widgets::prose::prose;
use crate::ui::widgets::secant_pair::SecantPair;
use crate::ui::widgets::slider::number_slider;

use super::*;

/// The page, as a hook the shell's lesson host runs (see `ui::shell::LessonHost`).
#[hook]
pub fn use_page() -> Html {
    let studies = use_memo((), |_| {
        Study::parse(POSITION)
            .ok()
            .zip(Study::parse(SECANT_F).ok())
            .map(|(car, square)| (Rc::new(car), Rc::new(square)))
    });
    let state = use_state(|| from_query(&browser::current_query()));
    let (t, a, b) = *state;
    use_address(Page::WhatIsADerivative.path(), to_query(t, a, b));
    let on_t = {
        let state = state.clone();
        Callback::from(move |v: f64| state.set((v, state.1, state.2)))
    };
    let on_handle = {
        let on_t = on_t.clone();
        Callback::from(move |(_, v): (usize, f64)| on_t.emit(snap(v, T_STEP)))
    };
    // The secant widget's (a, b), merged into the newest state (its animation sends many).
    let latest = use_mut_ref(|| *state);
    *latest.borrow_mut() = *state;
    let on_pair = {
        let state = state.clone();
        use_callback((), move |(a, b): (f64, f64), _| {
            let t = latest.borrow().0;
            state.set((t, a, b))
        })
    };
    let said = studies
        .as_ref()
        .as_ref()
        .map(|(car, _)| speedometer(car, t))
        .unwrap_or_default();
    let spoken = use_throttled(said.clone(), 1000);
    let Some((car, square)) = studies.as_ref().clone() else {
        return html! {};
    };
    html! {
        <article class="lesson">
            <h1 class="page-title">{ Page::WhatIsADerivative.title() }</h1>
            <div class="prose">{ prose(INTRO) }</div>
            <section class="panel" aria-label="A car's position and speed">
                { number_slider(html! { "Time t" }, "t", (TIME.x_min, TIME.x_max), T_STEP, 0.5, t, on_t, "t-slider".into()) }
                <div role="status" aria-live="polite" aria-label="Speedometer" class="readout-block">
                    <p aria-hidden="true" class="rate-line tangent-ink" data-testid="speedometer">{ said }</p>
                    <p class="sr-only">{ spoken }</p>
                </div>
                <div class="stack stack-two">
                    { fixed_plot(car.clone(), Curve::F, format!("position s(t) = {} (m)", to_unicode(&car.f)), TIME, position_overlay(&car, t),
                        "The point is the car at time t; the dashed tangent's slope is its speed.".into(), None, on_handle) }
                    { fixed_plot(car.clone(), Curve::Df, format!("speed s′(t) = {} (m/s)", to_unicode(&car.derivation.result)), TIME, speed_overlay(&car, t),
                        "The point is the speed at time t.".into(), None, Callback::noop()) }
                </div>
            </section>
            <h2>{ "The limit definition" }</h2>
            <div class="prose">{ prose(LIMIT) }</div>
            <SecantPair study={square} title="f(x) = x²" view={SECANT_VIEW} step={SECANT_STEP} {a} {b} on_change={on_pair} />
            <div class="prose">{ prose(OUTRO) }</div>
        </article>
    }
}
