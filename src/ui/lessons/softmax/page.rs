//! The page: sliders for the scores and the number of them, the probabilities as bars (and a
//! polite live region), the Jacobian as a table, then the shift that breaks the naive form.

use crate::math::digits::fixed;
use yew::prelude::*;

use crate::learn::softmax::{jacobian, naive, softmax};
use crate::ui::browser;
use crate::ui::course::Page;
use crate::ui::hooks::use_address::use_address;
use crate::ui::hooks::use_throttled::use_throttled;
use crate::ui::widgets::prose::prose;
use crate::ui::widgets::slider::number_slider;

use super::*;

/// s₁ … sₙ as labelled bars (the bar is decoration; the number is the content).
fn bars(s: &[f64], testid: &'static str) -> Html {
    html! {
        <ul class="bars" data-testid={testid}>
            { for s.iter().enumerate().map(|(i, v)| html! {
                <li>
                    <span class="bar-name">{ format!("s{}", i + 1) }</span>
                    <span class="bar" aria-hidden="true">
                        <span style={format!("width: {}%", fixed(if v.is_finite() { v * 100.0 } else { 0.0 }, 1))}></span>
                    </span>
                    <span class="bar-value">{ cell(*v) }</span>
                </li>
            }) }
        </ul>
    }
}

/// The page, as a hook the shell's lesson host runs (see `ui::shell::LessonHost`).
#[hook]
pub fn use_page() -> Html {
    let state = use_state(|| from_query(&browser::current_query()));
    use_address(Page::Softmax.path(), to_query(&state));
    let s = softmax(&state.z);
    let n = state.z.len();
    let spoken = use_throttled(probabilities(&s), 1000);
    let set = |change: fn(&mut State, usize, f64), i: usize| {
        let state = state.clone();
        Callback::from(move |v: f64| {
            let mut next = (*state).clone();
            change(&mut next, i, v);
            state.set(next);
        })
    };
    let on_size = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let mut next = (*state).clone();
            next.z.resize(
                if select.value() == "4" {
                    SIZES.1
                } else {
                    SIZES.0
                },
                0.0,
            );
            state.set(next);
        })
    };
    let jac = jacobian(&s);
    let shifted: Vec<f64> = state.z.iter().map(|z| z + state.shift).collect();
    let as_written = naive(&shifted);
    html! {
        <article class="lesson">
            <h1 class="page-title">{ Page::Softmax.title() }</h1>
            <div class="prose">{ prose(INTRO) }</div>
            <section class="panel" aria-label="Scores and probabilities">
                <div class="softmax-controls">
                    { for state.z.iter().enumerate().map(|(i, z)| {
                        let name = format!("z{}", i + 1);
                        number_slider(html! { { name.clone() } }, &name, Z_RANGE, Z_STEP, 1.0, *z,
                            set(|s, i, v| s.z[i] = v, i), format!("z{}-slider", i + 1).into())
                    }) }
                    <label class="select-field">{ "Scores" }
                        <select onchange={on_size} data-testid="size">
                            { for [SIZES.0, SIZES.1].iter().map(|k| html! {
                                <option value={k.to_string()} selected={*k == n}>{ k.to_string() }</option>
                            }) }
                        </select>
                    </label>
                </div>
                { bars(&s, "probabilities") }
                <p class="sr-only" role="status" aria-live="polite" aria-label="Probabilities">{ spoken }</p>
            </section>
            <h2>{ "The Jacobian" }</h2>
            <div class="prose">{ prose(JACOBIAN) }</div>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Jacobian of softmax">
                <table class="jacobian" data-testid="jacobian">
                    <caption>{ "∂sᵢ/∂zⱼ: row i, column j. Blue is positive, orange negative, stronger for larger." }</caption>
                    <thead><tr>
                        <td></td>
                        { for (1..=n).map(|j| html! { <th scope="col">{ format!("∂/∂z{j}") }</th> }) }
                        <th scope="col">{ "Row sum" }</th>
                    </tr></thead>
                    <tbody>
                        { for jac.iter().enumerate().map(|(i, row)| html! {
                            <tr>
                                <th scope="row">{ format!("s{}", i + 1) }</th>
                                { for row.iter().map(|v| html! { <td style={shade(*v)}>{ cell(*v) }</td> }) }
                                <td class="row-sum" data-testid="row-sum">{ cell(row.iter().sum()) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <h2>{ "Large scores: subtract the maximum" }</h2>
            <div class="prose">{ prose(STABLE) }</div>
            <section class="panel" aria-label="Large scores">
                { number_slider(html! { "Shift c" }, "c", SHIFT_RANGE, SHIFT_STEP, 50.0, state.shift,
                    set(|s, _, v| s.shift = v, 0), "shift-slider".into()) }
                <div class="stable-compare">
                    <div>
                        <h3>{ "As written, e^(zᵢ + c) / Σ e^(zⱼ + c)" }</h3>
                        { bars(&as_written, "naive") }
                        if as_written.iter().any(|v| v.is_nan()) {
                            <p class="no-tangent" data-testid="overflow">{ "Not a number: e to the largest score overflowed to ∞, and ∞/∞ is undefined." }</p>
                        }
                    </div>
                    <div>
                        <h3>{ "Stable, largest score subtracted first" }</h3>
                        { bars(&softmax(&shifted), "stable") }
                    </div>
                </div>
            </section>
        </article>
    }
}
