//! What the secant explorer shows, as pure functions of the study, x₀, h and the quotient:
//! the readout's numbers, the drawings on both plots, the verdict where there is no tangent,
//! and the sentence a screen reader hears. Native tests in `tests/ui.rs`.

use crate::math::numeric::{difference_quotient, one_sided_slopes, Limit, Method};
use crate::math::Study;
use crate::plot::format::{precise, step as format_h, value as format_value};
use crate::plot::overlay::{Ink, Overlay, OverlayLine, OverlayPoint};

use super::state::{H_MAX, H_MIN};

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
        on_f.handles.push((x0, r.fx0));
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

/// Slider position ↔ |h|: the slider moves log₁₀|h|.
pub fn h_from_slider(v: f64) -> f64 {
    crate::ui::grid::log_slider_value(v, H_MIN, H_MAX)
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

/// The readout in one sentence, for the live region (spoken at most about once a second):
/// the numbers and, where there is no tangent, the verdict.
pub fn spoken_readout(study: &Study, r: &Reading) -> String {
    let var = &study.var;
    let mut s = format!(
        "{var}0 = {}, f({var}0) = {}, h = {}, Q(h) = {}, exact f′({var}0) = {}",
        precise(r.x0, 8),
        precise(r.fx0, 10),
        format_h(r.h),
        precise(r.q, 10),
        precise(r.exact, 10)
    );
    if r.exact.is_finite() && r.q.is_finite() {
        s.push_str(&format!(", error {}", precise(r.error(), 3)));
    }
    s.push('.');
    if let Some(m) = no_tangent_message(study, r.x0) {
        s.push(' ');
        s.push_str(&m);
    }
    s
}

/// The explorer's drawings in words, for the f plot and the f′ plot.
pub fn describe_overlay(study: &Study, x0: f64, h: f64, method: Method) -> (String, String) {
    let r = Reading::new(study, x0, h, method);
    let var = &study.var;
    let at = format_value(x0);
    if !r.fx0.is_finite() {
        let none = format!("f is undefined at {var}0 = {at}, so no point is marked.");
        return (none.clone(), none);
    }
    let (a, b) = method.secant_ends(x0, h);
    let mut on_f = format!(
        "The point {var}0 = {at} is marked at height {}. The secant runs through {var} = {} and {var} = {} with slope {}",
        format_value(r.fx0),
        format_value(a),
        format_value(b),
        format_value(r.q)
    );
    let mut on_df = format!(
        "At {var}0 = {at} the secant's slope Q(h) = {} is marked",
        format_value(r.q)
    );
    if r.exact.is_finite() {
        on_f.push_str(&format!(
            "; the tangent there has slope {}{}.",
            format_value(r.exact),
            if r.converged() {
                " and the secant lies on it"
            } else {
                ""
            }
        ));
        on_df.push_str(&format!(", next to f′({at}) = {}.", format_value(r.exact)));
    } else {
        on_f.push_str("; there is no tangent there.");
        on_df.push_str(&format!("; f′({at}) does not exist."));
    }
    (on_f, on_df)
}
