//! The page: the plot of x³ with points a and b (draggable), sliders **a** and **b**, the two
//! rates (a polite live region, spoken at most about once a second), "Bring b to a", and
//! the seed's numbers computed when the page renders.

use std::rc::Rc;

use yew::prelude::*;

use crate::math::Study;
use crate::plot::format::value;
use crate::ui::browser;
use crate::ui::course::Page;
use crate::ui::grid::snap;
use crate::ui::hooks::use_address::use_address;
use crate::ui::hooks::use_animation::use_animation;
use crate::ui::hooks::use_throttled::use_throttled;
use crate::ui::widgets::math_view::definition;
use crate::ui::widgets::plot_canvas::{fixed_plot, Curve};
use crate::ui::widgets::prose::prose;
use crate::ui::widgets::slider::number_slider;

use super::{
    average, from_query, overlay, readout, to_query, CLOSEST, FUNCTION, INTRO, OUTRO, START, STEP,
    VIEW,
};

/// How long "Bring b to a" takes.
const BRING_MS: f64 = 2500.0;

#[function_component(RateOfChange)]
pub fn rate_of_change() -> Html {
    let route = Page::RateOfChange.path();
    let study = use_memo((), |_| Study::parse(FUNCTION).ok().map(Rc::new));
    let ab = use_state(|| from_query(&browser::current_query()));
    let (a, b) = *ab;

    use_address(route, to_query(a, b));
    // The newest (a, b), for callbacks made before it changed.
    let latest = use_mut_ref(|| *ab);
    *latest.borrow_mut() = *ab;

    let bringing = use_state_eq(|| false);
    let set = {
        let (ab, bringing) = (ab.clone(), bringing.clone());
        move |a: f64, b: f64| {
            bringing.set(false);
            ab.set((a, b));
        }
    };
    let on_a = {
        let set = set.clone();
        let latest = latest.clone();
        Callback::from(move |v: f64| set(v, latest.borrow().1))
    };
    let on_b = {
        let set = set.clone();
        let latest = latest.clone();
        Callback::from(move |v: f64| set(latest.borrow().0, v))
    };
    let on_handle = {
        let set = set.clone();
        let latest = latest.clone();
        Callback::from(move |(i, x): (usize, f64)| {
            let (a, b) = *latest.borrow();
            let x = snap(x, STEP);
            if i == 0 {
                set(x, b)
            } else {
                set(a, x)
            }
        })
    };
    // Bring b to a: b slides (eased, on a log scale of b − a) to within CLOSEST of a.
    let step = {
        let (ab, bringing) = (ab.clone(), bringing.clone());
        let side = if b >= a { 1.0 } else { -1.0 };
        let from = (b - a).abs().max(CLOSEST);
        Callback::from(move |p: f64| {
            let gap = 10f64.powf(from.log10() + (CLOSEST.log10() - from.log10()) * p);
            ab.set((a, a + side * gap));
            if p >= 1.0 {
                bringing.set(false);
            }
        })
    };
    use_animation(*bringing, BRING_MS, step);
    let bring = {
        let bringing = bringing.clone();
        Callback::from(move |_| bringing.set(true))
    };

    let (avg_text, inst_text) = study
        .as_ref()
        .as_ref()
        .map(|s| readout(s, a, b))
        .unwrap_or_default();
    let spoken = use_throttled(format!("{avg_text}. {inst_text}."), 1000);
    let Some(s) = study.as_ref().clone() else {
        return html! {};
    };
    // The seed's numbers, computed: on [1, 2] and at 1.
    let seed_avg = average(&s, START.0, START.1).unwrap_or(f64::NAN);
    let seed_inst = s.df_at(START.0);
    html! {
        <article class="lesson">
            <h1 class="page-title">{ Page::RateOfChange.title() }</h1>
            <div class="prose">{ prose(INTRO) }</div>
            <section class="panel" aria-label="Secant and tangent of x cubed">
                <p class="formula">{ definition("f", &s.var, &s.f, false) }{ ", so " }{ definition("f′", &s.var, &s.derivation.result, false) }</p>
                <div class="rate-plot">
                    { fixed_plot(s.clone(), Curve::F, "f(x) = x³".into(), VIEW, overlay(&s, a, b),
                        format!("Point a at x = {}, point b at x = {}; the secant through them and the dashed tangent at a.", value(a), value(b)),
                        None, on_handle) }
                </div>
                <div class="rate-controls">
                    { number_slider(html! { "a" }, "a", (VIEW.x_min, VIEW.x_max), STEP, 0.1, a, on_a, "a-slider".into()) }
                    { number_slider(html! { "b" }, "b", (VIEW.x_min, VIEW.x_max), STEP, 0.1, b, on_b, "b-slider".into()) }
                    <button type="button" class="button button-primary" onclick={bring} data-testid="bring">{ "Bring b to a" }</button>
                </div>
                <div role="status" aria-live="polite" aria-label="Rate readout" data-testid="rate-readout" class="readout-block">
                    <p aria-hidden="true" class="rate-line secant-ink" data-testid="average">{ avg_text }</p>
                    <p aria-hidden="true" class="rate-line tangent-ink" data-testid="instantaneous">{ inst_text }</p>
                    <p class="sr-only">{ spoken }</p>
                </div>
            </section>
            <p data-testid="classic">{ format!("A classic pair of numbers: on [{}, {}] the average rate of x³ is {}, while at x = {} the instantaneous rate is {}.",
                value(START.0), value(START.1), value(seed_avg), value(START.0), value(seed_inst)) }</p>
            <div class="prose">{ prose(OUTRO) }</div>
        </article>
    }
}
