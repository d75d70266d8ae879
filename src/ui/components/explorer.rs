//! The secant → tangent explorer's controls and readout: the point x₀ and the step h (with
//! their sliders), the sign of h, the difference quotient, Play, and a live readout of
//! Q(h) against the exact f′(x₀). Also builds what the explorer draws on both plots.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_render::{request_animation_frame, AnimationFrame};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::math::numeric::{difference_quotient, one_sided_slopes, Limit, Method};
use crate::math::print::superscript_number;
use crate::math::Study;
use crate::ui::components::plot_canvas::{Ink, Overlay, OverlayLine, OverlayPoint};
use crate::ui::components::plots::format_value;
use crate::ui::hooks::use_canvas_size::prefers_reduced_motion;
use crate::ui::state::{Action, View, H_MAX, H_MIN};

/// What the explorer shows for a function at x₀ with step h.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reading {
    pub x0: f64,
    pub fx0: f64,
    pub h: f64,
    /// The difference quotient Q(h).
    pub q: f64,
    /// The exact derivative from the symbolic f′ (NaN where it does not exist).
    pub exact: f64,
}

impl Reading {
    pub fn new(study: &Study, x0: f64, h: f64, method: Method) -> Reading {
        Reading {
            x0,
            fx0: study.f_at(x0),
            h,
            q: difference_quotient(&study.f_program, x0, h, method),
            exact: study.df_at(x0),
        }
    }

    pub fn error(&self) -> f64 {
        (self.q - self.exact).abs()
    }

    /// The secant has (visibly) become the tangent.
    pub fn converged(&self) -> bool {
        self.error() <= 1e-3 * (1.0 + self.exact.abs())
    }
}

/// The explorer's drawings on the f plot and on the f′ plot.
pub fn overlays(study: &Study, x0: f64, h: f64, method: Method) -> (Overlay, Overlay) {
    let r = Reading::new(study, x0, h, method);
    let mut on_f = Overlay::default();
    let mut on_df = Overlay::default();
    if r.fx0.is_finite() {
        let (a, b) = method.secant_ends(x0, h);
        let (fa, fb) = (study.f_at(a), study.f_at(b));
        if r.exact.is_finite() {
            on_f.lines.push(OverlayLine {
                through: [(x0, r.fx0), (x0 + 1.0, r.fx0 + r.exact)],
                ink: Ink::Tangent,
                dashed: !r.converged(),
            });
        }
        if fa.is_finite() && fb.is_finite() && a != b {
            on_f.lines.push(OverlayLine {
                through: [(a, fa), (b, fb)],
                ink: Ink::Secant,
                dashed: false,
            });
            for (x, y) in [(a, fa), (b, fb)] {
                if x != x0 {
                    on_f.points.push(OverlayPoint {
                        at: (x, y),
                        ink: Ink::Secant,
                        radius: 4.5,
                    });
                }
            }
        }
        on_f.points.push(OverlayPoint {
            at: (x0, r.fx0),
            ink: Ink::Tangent,
            radius: 6.0,
        });
        on_f.handle = Some((x0, r.fx0));
    }
    if r.exact.is_finite() {
        on_df.points.push(OverlayPoint {
            at: (x0, r.exact),
            ink: Ink::Tangent,
            radius: 6.0,
        });
    }
    if r.q.is_finite() {
        on_df.points.push(OverlayPoint {
            at: (x0, r.q),
            ink: Ink::Secant,
            radius: 4.5,
        });
    }
    (on_f, on_df)
}

/// How long Play takes to bring h down, and where it stops (well before round-off dominates).
const PLAY_MS: f64 = 3000.0;
const PLAY_END: f64 = 1e-7;

/// Animates h from its magnitude now to `PLAY_END` on animation frames; dropping the last
/// frame handle stops it.
struct Player {
    from: f64,
    sign: f64,
    start: Cell<Option<f64>>,
    frame: RefCell<Option<AnimationFrame>>,
    dispatch: Callback<Action>,
}

impl Player {
    fn schedule(self: &Rc<Self>) {
        let me = self.clone();
        *self.frame.borrow_mut() = Some(request_animation_frame(move |t| me.tick(t)));
    }

    fn tick(self: &Rc<Self>, now: f64) {
        let start = self.start.get().unwrap_or(now);
        self.start.set(Some(start));
        let p = ((now - start) / PLAY_MS).clamp(0.0, 1.0);
        let eased = p * p * (3.0 - 2.0 * p);
        let (a, b) = (self.from.log10(), PLAY_END.log10());
        self.dispatch
            .emit(Action::SetH(self.sign * 10f64.powf(a + (b - a) * eased)));
        if p >= 1.0 {
            self.dispatch.emit(Action::Pause);
        } else {
            self.schedule();
        }
    }

    fn stop(&self) {
        self.frame.borrow_mut().take();
    }
}

/// Slider position ↔ |h|: the slider moves log₁₀|h|.
fn h_from_slider(v: f64) -> f64 {
    crate::ui::grid::log_slider_value(v, H_MIN, H_MAX)
}

/// h for display: short, and exact for powers of ten.
pub fn format_h(h: f64) -> String {
    let e = h.abs().log10();
    if (e - e.round()).abs() < 1e-9 && e.round() <= -4.0 {
        let sign = if h < 0.0 { "−" } else { "" };
        return format!("{sign}10{}", superscript_number(e.round() as i64));
    }
    format_value(h)
}

/// A value with `digits` significant digits (for the readout).
pub fn format_precise(v: f64, digits: usize) -> String {
    crate::plot::format::precise(v, digits)
}

fn describe_limit(l: Limit) -> String {
    match l {
        Limit::Finite(v) => format!("tends to {}", format_value(v)),
        Limit::PlusInfinity => "grows without bound (to +∞)".into(),
        Limit::MinusInfinity => "falls without bound (to −∞)".into(),
        Limit::Unknown => "has no limit (f is undefined there or the slope does not settle)".into(),
    }
}

/// The plain-words verdict when there is no tangent at x₀, if there is none.
pub fn no_tangent_message(study: &Study, x0: f64) -> Option<String> {
    let var = &study.var;
    let at = format_value(x0);
    if !study.f_at(x0).is_finite() {
        return Some(format!(
            "f is undefined at {var}₀ = {at}: there is no point on the graph there, so no secant or tangent. Move {var}₀."
        ));
    }
    if study.df_at(x0).is_finite() {
        return None;
    }
    let (left, right) = one_sided_slopes(&study.f_program, x0);
    Some(format!(
        "f′({at}) does not exist: the slope from the left {}, from the right {}.",
        describe_limit(left),
        describe_limit(right)
    ))
}

#[derive(Properties)]
pub struct ExplorerProps {
    pub study: Rc<Study>,
    pub view: View,
    pub x0: f64,
    pub h: f64,
    pub method: Method,
    pub playing: bool,
    pub on_action: Callback<Action>,
}

impl PartialEq for ExplorerProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.study, &o.study)
            && self.view == o.view
            && self.x0 == o.x0
            && self.h == o.h
            && self.method == o.method
            && self.playing == o.playing
            && self.on_action == o.on_action
    }
}

#[function_component(Explorer)]
pub fn explorer(props: &ExplorerProps) -> Html {
    let id = crate::ui::hooks::use_id::use_id();
    let var = props.study.var.clone();
    let on_action = props.on_action.clone();

    // Play: animate h towards 0 while `playing`.
    {
        let dispatch = props.on_action.clone();
        let dispatch_escape = props.on_action.clone();
        let h = props.h;
        use_effect_with(props.playing, move |playing| {
            let playing = *playing;
            let mut player = None;
            if playing {
                if prefers_reduced_motion() {
                    dispatch.emit(Action::SetH(h.signum() * PLAY_END));
                    dispatch.emit(Action::Pause);
                } else {
                    let from = if h.abs() > 1e-2 { h.abs() } else { 1.0 };
                    let p = Rc::new(Player {
                        from,
                        sign: if h < 0.0 { -1.0 } else { 1.0 },
                        start: Cell::new(None),
                        frame: RefCell::new(None),
                        dispatch,
                    });
                    p.schedule();
                    player = Some(p);
                }
            }
            // Escape stops Play, wherever the focus is.
            let escape = playing.then(|| {
                let dispatch = dispatch_escape.clone();
                let listener = Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(
                    move |e: web_sys::KeyboardEvent| {
                        if e.key() == "Escape" {
                            dispatch.emit(Action::Pause);
                        }
                    },
                );
                if let Some(w) = web_sys::window() {
                    let _ = w.add_event_listener_with_callback(
                        "keydown",
                        listener.as_ref().unchecked_ref(),
                    );
                }
                listener
            });
            move || {
                if let Some(p) = player {
                    p.stop();
                }
                if let (Some(listener), Some(w)) = (escape, web_sys::window()) {
                    let _ = w.remove_event_listener_with_callback(
                        "keydown",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }

    let view = props.view;
    // x₀ moves on a grid of round values, so repeated steps land exactly on 0 or 1.
    let x0_step = crate::ui::grid::nice_step(view.width(), 1000.0);
    let on_x0 = {
        let on_action = on_action.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Ok(v) = input.value().parse::<f64>() {
                on_action.emit(Action::SetX0(crate::ui::grid::snap(v, x0_step)));
            }
        })
    };
    // Shift+arrow moves ten steps (native sliders only move one).
    let shift_step = |step: f64, value: f64, set: fn(f64, f64) -> Action, extra: f64| {
        let on_action = on_action.clone();
        Callback::from(move |e: KeyboardEvent| {
            if !e.shift_key() {
                return;
            }
            let delta = match e.key().as_str() {
                "ArrowRight" | "ArrowUp" => 10.0 * step,
                "ArrowLeft" | "ArrowDown" => -10.0 * step,
                _ => return,
            };
            e.prevent_default();
            on_action.emit(set(value + delta, extra));
        })
    };
    let x0_keys = shift_step(
        x0_step,
        props.x0,
        |v, step| Action::SetX0(crate::ui::grid::snap(v, step)),
        x0_step,
    );
    let sign = if props.h < 0.0 { -1.0 } else { 1.0 };
    let h_slider = props.h.abs().log10();
    // For h a big step is a factor of ten.
    let h_keys = shift_step(
        0.1,
        h_slider,
        |v, sign| Action::SetH(sign * h_from_slider(v)),
        sign,
    );
    let on_h = {
        let on_action = on_action.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Ok(v) = input.value().parse::<f64>() {
                on_action.emit(Action::SetH(sign * h_from_slider(v)));
            }
        })
    };
    let on_sign = |positive: bool| {
        let on_action = on_action.clone();
        Callback::from(move |_: Event| on_action.emit(Action::SetHSign(positive)))
    };
    let on_method = {
        let on_action = on_action.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(m) = Method::from_name(&select.value()) {
                on_action.emit(Action::SetMethod(m));
            }
        })
    };
    let on_play = {
        let on_action = on_action.clone();
        let playing = props.playing;
        Callback::from(move |_| on_action.emit(if playing { Action::Pause } else { Action::Play }))
    };

    let r = Reading::new(&props.study, props.x0, props.h, props.method);
    let message = no_tangent_message(&props.study, props.x0);
    let formula = match props.method {
        Method::Forward => "Q(h) = (f(x₀ + h) − f(x₀)) / h",
        Method::Backward => "Q(h) = (f(x₀) − f(x₀ − h)) / h",
        Method::Central => "Q(h) = (f(x₀ + h) − f(x₀ − h)) / 2h",
    };
    let item = |name: Html, value: String, testid: &'static str| {
        html! {
            <div class="readout-item">
                <dt>{ name }</dt>
                <dd data-testid={testid}>{ value }</dd>
            </div>
        }
    };

    html! {
        <section class="panel explorer" aria-labelledby={format!("{id}-heading")}>
            <h2 id={format!("{id}-heading")}>{ "From secant to tangent" }</h2>
            <p class="hint">
                { "The secant through two points of the graph has slope Q(h). As h shrinks it swings into the tangent, and Q(h) into the derivative: " }
                <span class="nowrap">{ format!("f′({var}₀) = lim Q(h) as h → 0.") }</span>
                { " Drag the point on the left plot, or use the sliders." }
            </p>
            <div class="explorer-controls">
                <div class="slider-field">
                    <label for={format!("{id}-x0")}>{ "Point " }{ var.clone() }<sub>{ "0" }</sub></label>
                    <input id={format!("{id}-x0")} type="range" data-testid="x0-slider"
                        min={view.x_min.to_string()} max={view.x_max.to_string()} step={x0_step.to_string()}
                        value={props.x0.to_string()} oninput={on_x0} onkeydown={x0_keys}
                        aria-valuetext={format!("{var}0 = {}", format_value(props.x0))} />
                    <output for={format!("{id}-x0")}>{ format_value(props.x0) }</output>
                </div>
                <div class="slider-field">
                    <label for={format!("{id}-h")}>{ "Step h" }</label>
                    <input id={format!("{id}-h")} type="range" data-testid="h-slider"
                        min={H_MIN.log10().to_string()} max={H_MAX.log10().to_string()} step="0.01"
                        value={h_slider.to_string()} oninput={on_h} onkeydown={h_keys}
                        aria-valuetext={format!("h = {}", format_h(props.h))} />
                    <output for={format!("{id}-h")}>{ format_h(props.h) }</output>
                </div>
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
                    aria-label={if props.playing { "Pause" } else { "Play" }}>
                    { if props.playing { "Pause" } else { "Play" } }
                </button>
            </div>
            <p class="formula-line" aria-hidden="true">{ formula }</p>
            <dl class="readout-grid" role="status" aria-live="polite" aria-label="Slope readout" data-testid="slope-readout">
                { item(html! { <>{ var.clone() }<sub>{ "0" }</sub></> }, format_precise(r.x0, 8), "readout-x0") }
                { item(html! { <>{ "f(" }{ var.clone() }<sub>{ "0" }</sub>{ ")" }</> }, format_precise(r.fx0, 10), "readout-fx0") }
                { item(html! { { "h" } }, format_h(r.h), "readout-h") }
                { item(html! { { "Q(h)" } }, format_precise(r.q, 10), "readout-q") }
                { item(html! { <>{ "f′(" }{ var.clone() }<sub>{ "0" }</sub>{ ") exact" }</> }, format_precise(r.exact, 10), "readout-exact") }
                { item(html! { { "|Q(h) − f′|" } }, if r.exact.is_finite() && r.q.is_finite() { format_precise(r.error(), 3) } else { "—".into() }, "readout-error") }
            </dl>
            if let Some(m) = message {
                <p class="no-tangent" data-testid="no-tangent">{ m }</p>
            }
        </section>
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
