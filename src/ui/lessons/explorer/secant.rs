//! The secant → tangent controls and readout: the point x₀ and the step h (with their
//! sliders), the sign of h, the difference quotient, Play, and the Slope readout of Q(h)
//! against the exact f′(x₀). The numbers change every frame on screen; the screen reader
//! hears them at most about once a second (`use_throttled`) and once when they rest.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::math::numeric::Method;
use crate::math::Study;
use crate::plot::format::{precise, value as format_value};
use crate::ui::grid::nice_step;
use crate::ui::hooks::use_animation::use_animation;
use crate::ui::hooks::use_throttled::use_throttled;
use crate::ui::widgets::slider::{slider, SliderSpec};

use super::reading::{h_from_slider, no_tangent_message, spoken_readout, Reading};
use super::state::{Action, State, View, H_MAX, H_MIN};
use crate::plot::format::step as format_h;
use crate::ui::hooks::by_ptr::ByPtr;

type Dispatch = UseReducerDispatcher<State>;

/// How often (at most) the readout is spoken while it changes.
const SPEAK_EVERY_MS: u32 = 1000;

/// How long Play takes to bring h down, and where it stops (well before round-off dominates).
const PLAY_MS: f64 = 3000.0;
const PLAY_END: f64 = 1e-7;

#[derive(Properties, PartialEq)]
pub struct SecantProps {
    pub study: ByPtr<Study>,
    pub view: View,
    pub x0: f64,
    pub h: f64,
    pub method: Method,
    pub playing: bool,
    pub dispatch: Dispatch,
}

/// Plays while `playing`: h falls (on a log scale) from its size now to `PLAY_END`; Escape
/// stops it, wherever the focus is.
#[hook]
fn use_player(playing: bool, h: f64, dispatch: Dispatch) {
    let from = if h.abs() > 1e-2 { h.abs() } else { 1.0 };
    let sign = if h < 0.0 { -1.0 } else { 1.0 };
    let step = {
        let dispatch = dispatch.clone();
        Callback::from(move |p: f64| {
            let (a, b) = (from.log10(), PLAY_END.log10());
            dispatch.dispatch(Action::SetH(sign * 10f64.powf(a + (b - a) * p)));
            if p >= 1.0 {
                dispatch.dispatch(Action::Pause);
            }
        })
    };
    use_animation(playing, PLAY_MS, step);
    use_effect_with(playing, move |playing| {
        let escape = playing.then(|| {
            Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
                if e.key() == "Escape" {
                    dispatch.dispatch(Action::Pause);
                }
            })
        });
        if let (Some(listener), Some(w)) = (&escape, web_sys::window()) {
            let _ =
                w.add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
        }
        move || {
            if let (Some(listener), Some(w)) = (escape, web_sys::window()) {
                let _ = w.remove_event_listener_with_callback(
                    "keydown",
                    listener.as_ref().unchecked_ref(),
                );
            }
        }
    });
}

#[function_component(Secant)]
pub fn secant(props: &SecantProps) -> Html {
    crate::ui::perf::count_render("secant");
    let id = crate::ui::hooks::use_id::use_id();
    let var = props.study.var.clone();
    let dispatch = props.dispatch.clone();
    use_player(props.playing, props.h, dispatch.clone());

    let view = props.view;
    // x₀ moves on a grid of round values, so repeated steps land exactly on 0 or 1; the
    // slider's range follows x₀ when it is outside the view (a link, a drag past the edge).
    let x0_step = nice_step(view.width(), 1000.0);
    let on_x0 = {
        let dispatch = dispatch.clone();
        use_callback(dispatch, |x: f64, d| d.dispatch(Action::SetX0(x)))
    };
    let sign: f64 = if props.h < 0.0 { -1.0 } else { 1.0 };
    let on_h = {
        let dispatch = dispatch.clone();
        use_callback((dispatch, sign.to_bits()), move |v: f64, (d, _)| {
            d.dispatch(Action::SetH(sign * h_from_slider(v)))
        })
    };
    let on_sign = |positive: bool| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: Event| dispatch.dispatch(Action::SetHSign(positive)))
    };
    let on_method = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(m) = Method::from_name(&select.value()) {
                dispatch.dispatch(Action::SetMethod(m));
            }
        })
    };
    let on_play = {
        let dispatch = dispatch.clone();
        let playing = props.playing;
        Callback::from(move |_| {
            dispatch.dispatch(if playing { Action::Pause } else { Action::Play })
        })
    };

    let r = Reading::new(&props.study, props.x0, props.h, props.method);
    let message = no_tangent_message(&props.study, props.x0);
    let spoken = use_throttled(spoken_readout(&props.study, &r), SPEAK_EVERY_MS);
    let formula = match props.method {
        Method::Forward => "Q(h) = (f(x₀ + h) − f(x₀)) / h",
        Method::Backward => "Q(h) = (f(x₀) − f(x₀ − h)) / h",
        Method::Central => "Q(h) = (f(x₀ + h) − f(x₀ − h)) / 2h",
    };
    let item = |name: Html, value: String, testid: &'static str| {
        html! {
            <div class="readout-item">
                <dt>{ name }</dt>
                <dd data-testid={testid} class="nowrap">{ value }</dd>
            </div>
        }
    };
    let h_position = props.h.abs().log10();

    html! {
        <section class="panel explorer" aria-labelledby={format!("{id}-heading")}>
            <h2 id={format!("{id}-heading")}>{ "From secant to tangent" }</h2>
            <div class="explorer-controls">
                { slider(SliderSpec {
                    label: html! { <>{ "Point " }{ var.clone() }<sub>{ "0" }</sub></> },
                    min: view.x_min.min(props.x0),
                    max: view.x_max.max(props.x0),
                    step: x0_step,
                    big_step: 10.0 * x0_step,
                    value: props.x0,
                    value_text: format!("{var}0 = {}", format_value(props.x0)),
                    display: format_value(props.x0),
                    on_change: on_x0,
                    testid: "x0-slider".into(),
                }) }
                { slider(SliderSpec {
                    label: html! { "Step h" },
                    min: H_MIN.log10(),
                    max: H_MAX.log10(),
                    step: 0.01,
                    big_step: 1.0,
                    value: h_position,
                    value_text: format!("h = {}", format_h(props.h)),
                    display: format_h(props.h),
                    on_change: on_h,
                    testid: "h-slider".into(),
                }) }
                <fieldset class="sign-field">
                    <legend>{ "Sign of h" }</legend>
                    <label><input type="radio" name={format!("{id}-sign")} checked={props.h > 0.0} onchange={on_sign(true)} />{ " h > 0" }</label>
                    <label><input type="radio" name={format!("{id}-sign")} checked={props.h < 0.0} onchange={on_sign(false)} />{ " h < 0" }</label>
                </fieldset>
                <div class="field">
                    <label for={format!("{id}-method")}>{ "Quotient" }</label>
                    <select id={format!("{id}-method")} data-testid="method" onchange={on_method}>
                        { for Method::ALL.iter().map(|m| html! {
                            <option value={m.name()} selected={*m == props.method}>{ capitalize(m.name()) }</option>
                        }) }
                    </select>
                </div>
                <button type="button" class="button button-primary play" data-testid="play" onclick={on_play}
                    aria-keyshortcuts="Escape">
                    { if props.playing { "Pause" } else { "Play" } }
                </button>
            </div>
            <p class="formula-line" aria-hidden="true">{ formula }</p>
            <div class="readout-block" role="status" aria-live="polite" aria-label="Slope readout" data-testid="slope-readout">
                <dl class="readout-grid" aria-hidden="true">
                    { item(html! { <>{ var.clone() }<sub>{ "0" }</sub></> }, precise(r.x0, 8), "readout-x0") }
                    { item(html! { <>{ "f(" }{ var.clone() }<sub>{ "0" }</sub>{ ")" }</> }, precise(r.fx0, 10), "readout-fx0") }
                    { item(html! { { "h" } }, format_h(r.h), "readout-h") }
                    { item(html! { { "Q(h)" } }, precise(r.q, 10), "readout-q") }
                    { item(html! { <>{ "f′(" }{ var.clone() }<sub>{ "0" }</sub>{ ") exact" }</> }, precise(r.exact, 10), "readout-exact") }
                    { item(html! { { "|Q(h) − f′|" } }, if r.exact.is_finite() && r.q.is_finite() { precise(r.error(), 3) } else { "—".into() }, "readout-error") }
                </dl>
                <p class="sr-only" data-testid="readout-spoken">{ spoken }</p>
            </div>
            if let Some(m) = message {
                <p class="no-tangent" data-testid="no-tangent">{ m }</p>
            }
            <p class="hint">
                { "The secant through two points of the graph has slope Q(h). As h shrinks it swings into the tangent, and Q(h) into the derivative: " }
                <span class="nowrap">{ format!("f′({var}₀) = lim Q(h) as h → 0.") }</span>
                { " Drag the point on the f plot, or use the sliders (Shift + arrow for big steps)." }
            </p>
        </section>
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
        .unwrap_or_default()
}
