//! Two points a and b on a curve, both draggable and on sliders **a** and **b**: the secant
//! through them, the dashed tangent at a, both rates in a polite live region (spoken at most
//! about once a second), and **Bring b to a**, which slides b onto a so the secant's slope
//! settles on f′(a). Controlled: the page owns a and b (and its address).

use yew::prelude::*;

use crate::math::Study;
use crate::plot::format::value;
use crate::plot::view::View;
use crate::ui::grid::snap;
use crate::ui::hooks::by_ptr::ByPtr;
use crate::ui::hooks::use_animation::use_animation;
use crate::ui::hooks::use_throttled::use_throttled;
use crate::ui::secant::{overlay, readout, CLOSEST};
use crate::ui::widgets::math_view::definition;
use crate::ui::widgets::plot_canvas::{fixed_plot, Curve};
use crate::ui::widgets::slider::number_slider;

/// How long "Bring b to a" takes.
const BRING_MS: f64 = 2500.0;

#[derive(Properties, PartialEq)]
pub struct SecantPairProps {
    pub study: ByPtr<Study>,
    /// The plot's title ("f(x) = x³").
    pub title: AttrValue,
    /// What the plot shows, and the sliders' range.
    pub view: View,
    /// The sliders' grid.
    pub step: f64,
    pub a: f64,
    pub b: f64,
    pub on_change: Callback<(f64, f64)>,
}

#[function_component(SecantPair)]
pub fn secant_pair(props: &SecantPairProps) -> Html {
    let (a, b, step, view) = (props.a, props.b, props.step, props.view);
    // The newest (a, b), for callbacks made before it changed.
    let latest = use_mut_ref(|| (a, b));
    *latest.borrow_mut() = (a, b);
    let bringing = use_state_eq(|| false);
    let set = {
        let (on_change, bringing) = (props.on_change.clone(), bringing.clone());
        move |a: f64, b: f64| {
            bringing.set(false);
            on_change.emit((a, b));
        }
    };
    let on_a = {
        let (set, latest) = (set.clone(), latest.clone());
        Callback::from(move |v: f64| set(v, latest.borrow().1))
    };
    let on_b = {
        let (set, latest) = (set.clone(), latest.clone());
        Callback::from(move |v: f64| set(latest.borrow().0, v))
    };
    let on_handle = {
        let latest = latest.clone();
        Callback::from(move |(i, x): (usize, f64)| {
            let (a, b) = *latest.borrow();
            let x = snap(x, step);
            if i == 0 {
                set(x, b)
            } else {
                set(a, x)
            }
        })
    };
    // Bring b to a: b slides (eased, on a log scale of b − a) to within CLOSEST of a.
    let frame = {
        let (on_change, bringing) = (props.on_change.clone(), bringing.clone());
        let side = if b >= a { 1.0 } else { -1.0 };
        let from = (b - a).abs().max(CLOSEST);
        Callback::from(move |p: f64| {
            let gap = 10f64.powf(from.log10() + (CLOSEST.log10() - from.log10()) * p);
            on_change.emit((a, a + side * gap));
            if p >= 1.0 {
                bringing.set(false);
            }
        })
    };
    use_animation(*bringing, BRING_MS, frame);
    let bring = {
        let bringing = bringing.clone();
        Callback::from(move |_| bringing.set(true))
    };
    let s = &props.study;
    let (avg_text, inst_text) = readout(s, a, b);
    let spoken = use_throttled(format!("{avg_text}. {inst_text}."), 1000);
    html! {
        <section class="panel" aria-label={format!("Secant and tangent of {}", props.title)}>
            <p class="formula">{ definition("f", &s.var, &s.f, false) }{ ", so " }{ definition("f′", &s.var, &s.derivation.result, false) }</p>
            <div class="rate-plot">
                { fixed_plot(s.0.clone(), Curve::F, props.title.to_string(), view, overlay(s, a, b),
                    format!("Point a at x = {}, point b at x = {}; the secant through them and the dashed tangent at a.", value(a), value(b)),
                    None, on_handle) }
            </div>
            <div class="rate-controls">
                { number_slider(html! { "a" }, "a", (view.x_min, view.x_max), step, 0.1, a, on_a, "a-slider".into()) }
                { number_slider(html! { "b" }, "b", (view.x_min, view.x_max), step, 0.1, b, on_b, "b-slider".into()) }
                <button type="button" class="button button-primary" onclick={bring} data-testid="bring">{ "Bring b to a" }</button>
            </div>
            <div role="status" aria-live="polite" aria-label="Rate readout" data-testid="rate-readout" class="readout-block">
                <p aria-hidden="true" class="rate-line secant-ink" data-testid="average">{ avg_text }</p>
                <p aria-hidden="true" class="rate-line tangent-ink" data-testid="instantaneous">{ inst_text }</p>
                <p class="sr-only">{ spoken }</p>
            </div>
        </section>
    }
}
