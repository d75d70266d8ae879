//! The page: the menu and sliders, f and f′ plotted with the point and its tangent, a polite
//! readout, the seed's values, the engine's derivations from the definitions, the layers.

use std::rc::Rc;

use yew::prelude::*;

use crate::math::{to_unicode, Study};
use crate::plot::overlay::Overlay;
use crate::ui::browser;
use crate::ui::course::Page;
use crate::ui::grid::snap;
use crate::ui::hooks::use_address::use_address;
use crate::ui::hooks::use_throttled::use_throttled;
use crate::ui::widgets::plot_canvas::{fixed_plot, Curve};
use crate::ui::widgets::prose::prose;
use crate::ui::widgets::slider::number_slider;
use crate::ui::widgets::worked::derivation;

use super::*;

/// The page, as a hook the shell's lesson host runs (see `ui::shell::LessonHost`).
#[hook]
pub fn use_page() -> Html {
    let state = use_state(|| from_query(&browser::current_query()));
    let s = *state;
    use_address(Page::ActivationFunctions.path(), to_query(&s));
    let text = function(&s);
    let study = use_memo(text, |t| Study::parse(t).ok().map(Rc::new));
    let definitions = use_memo((), |_| {
        ["1/(1 + exp(-x))", "(exp(x) - exp(-x))/(exp(x) + exp(-x))"]
            .map(|f| Study::parse(f).ok().map(Rc::new))
    });
    let said = study
        .as_ref()
        .as_ref()
        .map(|st| readout(st, &s))
        .unwrap_or_default();
    let spoken = use_throttled(said.clone(), 1000);
    let set = |change: fn(&mut State, f64)| {
        let state = state.clone();
        Callback::from(move |v: f64| {
            let mut next = *state;
            change(&mut next, v);
            state.set(next)
        })
    };
    let on_kind = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let mut next = *state;
            next.kind = select.selected_index().max(0) as usize;
            state.set(next)
        })
    };
    let on_handle = {
        let on_x = set(|s, v| s.x = v);
        Callback::from(move |(_, v): (usize, f64)| on_x.emit(snap(v, X_STEP)))
    };
    let Some(study) = study.as_ref().clone() else {
        return html! {};
    };
    let g = KINDS[s.kind].2;
    html! {
        <article class="lesson">
            <h1 class="page-title">{ Page::ActivationFunctions.title() }</h1>
            <div class="prose">{ prose(INTRO) }</div>
            <section class="panel" aria-label="An activation and its derivative">
                <div class="softmax-controls">
                    <label class="select-field">{ "Activation" }
                        <select onchange={on_kind} data-testid="activation">
                            { for KINDS.iter().enumerate().map(|(i, k)| html! {
                                <option value={k.0} selected={i == s.kind}>{ k.1 }</option>
                            }) }
                        </select>
                    </label>
                    { number_slider(html! { "x" }, "x", (VIEW.x_min, VIEW.x_max), X_STEP, 0.5, s.x, set(|s, v| s.x = v), "x-slider".into()) }
                    if KINDS[s.kind].0 == "leaky" {
                        { number_slider(html! { "α" }, "α", ALPHA_RANGE, ALPHA_STEP, 0.05, s.alpha, set(|s, v| s.alpha = v), "alpha-slider".into()) }
                    }
                </div>
                <div role="status" aria-live="polite" aria-label="Slope readout" class="readout-block">
                    <p aria-hidden="true" class="rate-line tangent-ink" data-testid="readout">{ said }</p>
                    <p class="sr-only">{ spoken }</p>
                </div>
                <div class="plot-grid">
                    { fixed_plot(study.clone(), Curve::F, format!("{g}(x) = {}", to_unicode(&study.f)), VIEW,
                        Overlay::tangent(s.x, study.f_at(s.x), study.df_at(s.x)),
                        "The point is x; the dashed tangent's slope is the derivative there.".into(), None, on_handle) }
                    { fixed_plot(study.clone(), Curve::Df, format!("{g}′(x) = {}", to_unicode(&study.derivation.result)), VIEW,
                        Overlay::point(s.x, study.df_at(s.x)), "The point is the derivative at x.".into(), None, Callback::noop()) }
                </div>
            </section>
            <h2>{ "The tutorial's values, computed" }</h2>
            <div class="prose">{ prose(HAND) }</div>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Hand-worked values">
                <table class="jacobian" data-testid="hand-values">
                    <thead><tr><th scope="col">{ "Slope" }</th><th scope="col">{ "Engine" }</th><th scope="col">{ "Tutorial" }</th></tr></thead>
                    <tbody>
                        { for hand_values().into_iter().map(|(what, ours, theirs)| html! {
                            <tr><th scope="row">{ what }</th><td>{ ours }</td><td>{ theirs }</td></tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <p data-testid="tanh-rounding">{ tanh_rounding() }</p>
            <p>{ "ReLU′(0) does not exist: ReLU has a corner there, with slope 0 on the left and 1 on the right. Libraries simply use 0 (or 1) by convention. Choose ReLU above and put x at 0 to see both sides." }</p>
            <h2>{ "From the definitions" }</h2>
            <div class="prose">{ prose(DEFINITIONS) }</div>
            <div class="examples">
                { for definitions.iter().flatten().map(|d| html! { <div class="panel example">{ derivation(d, true) }</div> }) }
            </div>
            <h2>{ "Vanishing gradients" }</h2>
            <div class="prose">{ prose(VANISHING) }</div>
            <section class="panel" aria-label="Stacked layers">
                { number_slider(html! { "Layers n" }, "n", LAYERS, 1.0, 5.0, s.layers, set(|s, v| s.layers = v), "layers-slider".into()) }
                <p class="rate-line" data-testid="vanishing">{ vanishing(&study, &s) }</p>
            </section>
        </article>
    }
}
