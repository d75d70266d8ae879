//! The explorer's state and its reducer: what the student typed, the last input that parsed,
//! the shared x range of both plots, and the secant's x₀, h and quotient. Everything else
//! (parse tree, derivative, samples) is derived from these with `use_memo`, never stored
//! twice. Pure Rust with native tests; the hovered x lives in the plots, not here, so a hover
//! never re-renders the page.

use crate::math::clamp;
use crate::math::numeric::Method;
use crate::math::parser::read;
use crate::math::study::{default_variable, PARAMETER_VALUE};
use crate::math::ParseError;
pub use crate::plot::view::View;

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// Exactly what is in the Function field.
    pub input: String,
    /// The last input that parsed; the plots and derivative show this one.
    pub good_input: String,
    /// Why the committed input did not parse, with that input (the plots keep showing
    /// `good_input`, dimmed).
    pub error: Option<(String, ParseError)>,
    pub view: View,
    /// The secant explorer: the point x₀, the signed step h, the difference quotient used,
    /// and whether h is being animated towards 0.
    pub x0: f64,
    pub h: f64,
    pub method: Method,
    pub playing: bool,
    /// Values given to the parameters (letters other than the variable), by name; a
    /// parameter not listed has the value 1.
    pub params: Vec<(String, f64)>,
}

/// Limits of the step h (its magnitude), as on the Step h slider.
pub const H_MAX: f64 = 2.0;
pub const H_MIN: f64 = 1e-12;

/// A signed h with its magnitude clamped to [H_MIN, H_MAX]; NaN becomes 1.
pub fn clamp_h(h: f64) -> f64 {
    if !h.is_finite() || h == 0.0 {
        return if h.is_sign_negative() && h == 0.0 {
            -H_MIN
        } else if h.is_finite() {
            H_MIN
        } else {
            1.0
        };
    }
    h.signum() * clamp(h.abs(), H_MIN, H_MAX)
}

/// An x₀ that is finite and not absurdly far out.
pub fn clamp_x0(x: f64) -> f64 {
    if x.is_finite() {
        clamp(x, -1e6, 1e6)
    } else {
        0.0
    }
}

/// The function shown when nothing else is asked for.
pub const DEFAULT_FUNCTION: &str = "x^2";

impl State {
    /// A state for an input and view, e.g. from the URL; input that does not parse is kept
    /// in the field with its error, and the default function is plotted meanwhile.
    pub fn new(input: &str, view: View) -> State {
        let mut s = State {
            input: input.to_string(),
            good_input: DEFAULT_FUNCTION.to_string(),
            error: None,
            view,
            x0: 1.0,
            h: 1.0,
            method: Method::Forward,
            playing: false,
            params: Vec::new(),
        };
        s.commit();
        s
    }

    fn commit(&mut self) {
        match read(&self.input) {
            Ok(r) => {
                self.good_input = self.input.clone();
                self.error = None;
                // Keep the values of the parameters the new function still has.
                let var = r.variable.unwrap_or_else(|| default_variable(&r.expr));
                let names = r.expr.variables();
                self.params.retain(|(p, _)| *p != var && names.contains(p));
            }
            Err(e) => self.error = Some((self.input.clone(), e)),
        }
    }

    /// The values of `names`, in that order (1 for a parameter not set).
    pub fn param_values(&self, names: &[String]) -> Vec<f64> {
        names
            .iter()
            .map(|n| {
                self.params
                    .iter()
                    .find(|(p, _)| p == n)
                    .map(|p| p.1)
                    .unwrap_or(PARAMETER_VALUE)
            })
            .collect()
    }

    /// Sets parameter `name` to a finite value (ignored otherwise).
    pub fn set_param(&mut self, name: &str, value: f64) {
        if !value.is_finite() {
            return;
        }
        let value = clamp_x0(value);
        match self.params.iter_mut().find(|(p, _)| p == name) {
            Some(slot) => slot.1 = value,
            None => self.params.push((name.to_string(), value)),
        }
    }
}

pub enum Action {
    /// A keystroke: the field changes at once, the plots after the debounce (`Commit`).
    Type(String),
    Commit,
    /// Pick an example: typed and committed in one go.
    Choose(String),
    Zoom {
        factor: f64,
        about: f64,
    },
    Pan {
        dx: f64,
    },
    ResetView,
    SetX0(f64),
    /// A signed step.
    SetH(f64),
    /// h > 0 or h < 0.
    SetHSign(bool),
    SetMethod(Method),
    Play,
    Pause,
    /// A parameter's slider: name and value.
    SetParam(String, f64),
    /// A whole new state (Back or Forward to another address).
    Load(Box<State>),
}

impl State {
    /// The state after `action`; `None` when nothing changes (so nothing re-renders).
    pub fn apply(&self, action: Action) -> Option<State> {
        let mut s = self.clone();
        match action {
            Action::Type(text) => s.input = text,
            Action::Commit => s.commit(),
            Action::Choose(text) => {
                s.input = text;
                s.commit();
            }
            Action::Zoom { factor, about } => s.view = s.view.zoomed(factor, about),
            Action::Pan { dx } => s.view = s.view.panned(dx),
            Action::ResetView => s.view = View::DEFAULT,
            Action::SetX0(x) => s.x0 = clamp_x0(x),
            Action::SetH(h) => s.h = clamp_h(h),
            Action::SetHSign(positive) => s.h = if positive { s.h.abs() } else { -s.h.abs() },
            Action::SetMethod(m) => s.method = m,
            Action::Play => s.playing = true,
            Action::Pause => s.playing = false,
            Action::SetParam(name, value) => s.set_param(&name, value),
            Action::Load(state) => s = *state,
        }
        (s != *self).then_some(s)
    }
}

#[cfg(target_arch = "wasm32")]
impl yew::Reducible for State {
    type Action = Action;

    fn reduce(self: std::rc::Rc<Self>, action: Action) -> std::rc::Rc<Self> {
        match self.apply(action) {
            Some(s) => std::rc::Rc::new(s),
            None => self,
        }
    }
}
