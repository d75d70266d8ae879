//! The page: sliders w, b, x; the graph as SVG (text description alongside); the product and
//! its finite-difference check in a polite live region; ∂y/∂w and ∂y/∂b; the engine's steps.

use std::rc::Rc;

use crate::math::digits::shortest;
use yew::prelude::*;

use crate::learn::neuron::pass;
use crate::math::Study;
use crate::ui::browser;
use crate::ui::course::Page;
use crate::ui::hooks::use_address::use_address;
use crate::ui::hooks::use_throttled::use_throttled;
use crate::ui::widgets::prose::prose;
use crate::ui::widgets::slider::number_slider;
use crate::ui::widgets::worked::derivation;

use super::*;

/// A node of the graph at `cx`: its name and its value.
fn node(cx: f64, name: &'static str, value: String) -> Html {
    html! {
        <g>
            <circle cx={shortest(cx)} cy="70" r="34" class="neuron-node" />
            <text x={shortest(cx)} y="64" class="neuron-name">{ name }</text>
            <text x={shortest(cx)} y="84" class="area-label neuron-value">{ value }</text>
        </g>
    }
}

/// The edge from the node at `from` to the node at `to`, labelled with its local derivative.
fn edge(from: f64, to: f64, name: &'static str, value: String) -> Html {
    let mid = shortest((from + to) / 2.0);
    html! {
        <g>
            <line x1={shortest(from + 36.0)} x2={shortest(to - 44.0)} y1="70" y2="70" class="neuron-edge" />
            // The arrowhead is drawn, not a <marker>: a marker needs a document-wide id.
            <path d={format!("M{},70 l-10,-5 v10 z", shortest(to - 36.0))} class="neuron-arrowhead" />
            <text x={mid.clone()} y="42" class="area-label neuron-factor">{ name }</text>
            <text x={mid} y="104" class="area-label neuron-factor">{ value }</text>
        </g>
    }
}

/// The page, as a hook the shell's lesson host runs (see `ui::shell::LessonHost`).
#[hook]
pub fn use_page() -> Html {
    let study = use_memo((), |_| Study::parse(FUNCTION).ok().map(Rc::new));
    let state = use_state(|| from_query(&browser::current_query()));
    let (w, b, x) = *state;
    use_address(Page::Neuron.path(), to_query(*state));
    let p = pass(w, b, x);
    let said = format!("{} {}", product(*state, &p), check(*state, &p));
    let spoken = use_throttled(said, 1000);
    let set = |i: usize| {
        let state = state.clone();
        Callback::from(move |v: f64| {
            let mut s = *state;
            match i {
                0 => s.0 = v,
                1 => s.1 = v,
                _ => s.2 = v,
            }
            state.set(s)
        })
    };
    html! {
        <article class="lesson">
            <h1 class="page-title">{ Page::Neuron.title() }</h1>
            <div class="prose">{ prose(INTRO) }</div>
            <section class="panel" aria-label="A neuron">
                <div class="softmax-controls">
                    { number_slider(html! { "w" }, "w", RANGE, STEP, 1.0, w, set(0), "w-slider".into()) }
                    { number_slider(html! { "b" }, "b", RANGE, STEP, 1.0, b, set(1), "b-slider".into()) }
                    { number_slider(html! { "x" }, "x", RANGE, STEP, 1.0, x, set(2), "x-slider".into()) }
                </div>
                <svg class="neuron-svg" viewBox="0 0 400 120" role="img" aria-label={describe(*state, &p)} data-testid="graph">
                    { node(40.0, "x", short(x, 4)) }
                    { edge(40.0, 200.0, "dz/dx = w", short(w, 4)) }
                    { node(200.0, "z", short(p.z, 4)) }
                    { edge(200.0, 360.0, "dy/dz = σ′(z)", short(p.dy_dz, 4)) }
                    { node(360.0, "y", short(p.y, 4)) }
                </svg>
                <div role="status" aria-live="polite" aria-label="Gradient readout" class="readout-block">
                    <p aria-hidden="true" class="rate-line" data-testid="product">{ product(*state, &p) }</p>
                    <p aria-hidden="true" class="hint" data-testid="check">{ check(*state, &p) }</p>
                    <p class="sr-only">{ spoken }</p>
                </div>
            </section>
            <div class="prose">{ prose(OTHERS) }</div>
            <p class="rate-line weights" data-testid="weights">{ format!("∂y/∂w = σ′(z) · x = {},  ∂y/∂b = σ′(z) = {}", num(p.dy_dw), num(p.dy_db)) }</p>
            <div class="prose">{ prose(ENGINE) }</div>
            if let Some(s) = study.as_ref() {
                <div class="panel example">{ derivation(s, true) }</div>
            }
        </article>
    }
}
