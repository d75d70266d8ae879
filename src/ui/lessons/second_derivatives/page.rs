//! The page: the Function field, sliders **Point x0** and **Degree**, f (shaded where it is
//! concave up, inflection points, the dashed Taylor polynomial, x₀ draggable), f′ (with its
//! tangent at x₀, whose slope is f″(x₀)) and f″ stacked, a polite readout, and the Taylor
//! polynomial written out with its coefficients.

use crate::math::clamp;
use std::rc::Rc;

use yew::prelude::*;

use crate::math::{to_unicode, Study};
use crate::plot::format::value;
use crate::plot::overlay::{Ink, Overlay, OverlayLine, OverlayPoint};
use crate::ui::browser;
use crate::ui::course::Page;
use crate::ui::grid::snap;
use crate::ui::hooks::use_address::use_address;
use crate::ui::hooks::use_throttled::use_throttled;
use crate::ui::hooks::use_typed_function::use_typed_function;
use crate::ui::widgets::function_input::FunctionInput;
use crate::ui::widgets::math_view::definition;
use crate::ui::widgets::plot_canvas::{fixed_plot, Curve};
use crate::ui::widgets::prose::prose;
use crate::ui::widgets::slider::number_slider;

use super::*;

/// Everything that depends on the function only, computed once per function.
struct Derived {
    /// The study of f′ (its derivative is f″).
    second: Rc<Study>,
    derivs: Vec<(crate::math::Expr, crate::math::Program)>,
    stop: Option<Stop>,
    bands: Vec<(f64, f64)>,
    inflections: Vec<f64>,
}

/// Samples across the view for finding concavity and inflection points.
const RESOLUTION: usize = 600;

fn derive(study: &Study) -> Derived {
    let second = study.of_derivative();
    let (derivs, stop) = derivatives(study, MAX_DEGREE);
    let (lo, hi) = (VIEW.x_min, VIEW.x_max);
    let ddf = second.sample_df(lo, hi, RESOLUTION);
    let (f, df) = (
        study.sample_f(lo, hi, RESOLUTION),
        study.sample_df(lo, hi, RESOLUTION),
    );
    let inflections = inflections(
        &ddf,
        |x| second.df_at(x),
        |a, b| continuous_across(&[&f, &df], a, b),
    );
    Derived {
        bands: concave_up(&ddf),
        inflections,
        second: Rc::new(second),
        derivs,
        stop,
    }
}

/// The page, as a hook the shell's lesson host runs (see `ui::shell::LessonHost`).
#[hook]
pub fn use_page() -> Html {
    let route = Page::SecondDerivatives.path();
    // x₀ and the degree; the function lives in the field (its first value from here too).
    let setting = use_state(|| from_query(&browser::current_query()));
    let typed = use_typed_function(setting.f.clone());
    use_address(
        route,
        to_query(&Setting {
            f: typed.committed.clone(),
            ..(*setting).clone()
        }),
    );
    let study = typed.shown.clone();
    let derived = use_memo(study.as_ref().map(|s| Rc::as_ptr(s) as usize), {
        let study = study.clone();
        move |_| study.as_ref().map(|s| derive(s))
    });
    let (x0v, n) = (setting.x0, setting.degree);
    // f⁽ᵏ⁾(x₀) for the polynomial (k ≤ n).
    let values = derived.as_ref().as_ref().map(|d| {
        let upto = d.derivs.len().min(n + 1);
        let stop = if upto < n + 1 { d.stop } else { None };
        values_at(&d.derivs[..upto], stop, x0v)
    });
    // Rebuilt only when something it shows changed (every render here changes x₀, the degree
    // or the function, bar the readout's one throttled catch-up).
    let taylor = match (&values, &study) {
        (Some((vals, _)), Some(s)) if !vals.is_empty() => Some(Rc::new(Study::with_variable(
            polynomial(vals, x0v, &s.var),
            s.var.clone(),
        ))),
        _ => None,
    };
    let inflection_here = derived.as_ref().as_ref().is_some_and(|d| {
        d.inflections
            .iter()
            .any(|p| (p - x0v).abs() < X0_STEP / 2.0)
    });
    let said = match (&study, derived.as_ref().as_ref()) {
        (Some(s), Some(d)) => readout(&readout_values(s, &d.second, x0v), x0v, inflection_here),
        _ => String::new(),
    };
    let spoken = use_throttled(said.clone(), 1000);

    let set = {
        let setting = setting.clone();
        move |x0: Option<f64>, degree: Option<usize>| {
            let mut next = (*setting).clone();
            next.x0 = x0.unwrap_or(next.x0);
            next.degree = degree.unwrap_or(next.degree);
            setting.set(next);
        }
    };
    let on_x0 = {
        let set = set.clone();
        Callback::from(move |v: f64| set(Some(v), None))
    };
    let on_handle = {
        let set = set.clone();
        Callback::from(move |(_, v): (usize, f64)| set(Some(snap(v, X0_STEP)), None))
    };
    let on_degree = Callback::from(move |v: f64| {
        set(
            None,
            Some(clamp(v.round(), 1.0, MAX_DEGREE as f64) as usize),
        )
    });
    let var = study
        .as_ref()
        .map(|s| s.var.clone())
        .unwrap_or_else(|| "x".into());
    let controls = html! {
        <section class="panel" aria-label="Function, point and degree">
            <FunctionInput value={typed.input.clone()} error={typed.error.clone()} var={var.clone()} on_input={typed.on_input.clone()} />
            <div class="rate-controls">
                { number_slider(html! { <>{ "Point x" }<sub>{ "0" }</sub></> }, "x0", (VIEW.x_min, VIEW.x_max), X0_STEP, 0.5, x0v, on_x0, "x0-slider".into()) }
                { number_slider(html! { "Degree" }, "degree", (1.0, MAX_DEGREE as f64), 1.0, 1.0, n as f64, on_degree, "degree-slider".into()) }
            </div>
        </section>
    };
    let body = match (study, derived.as_ref().as_ref(), values) {
        (Some(s), Some(d), Some((vals, stop))) => body(
            &s,
            d,
            &vals,
            stop,
            x0v,
            taylor,
            on_handle,
            said,
            spoken,
            typed.stale,
        ),
        _ => html! {},
    };
    html! {
        <article class="lesson">
            <h1 class="page-title">{ Page::SecondDerivatives.title() }</h1>
            <div class="prose">{ prose(INTRO) }</div>
            { controls }
            { body }
        </article>
    }
}

/// The plots, the readout and the Taylor polynomial.
#[allow(clippy::too_many_arguments)]
fn body(
    s: &Rc<Study>,
    d: &Derived,
    vals: &[f64],
    stop: Option<Stop>,
    x0v: f64,
    taylor: Option<Rc<Study>>,
    on_handle: Callback<(usize, f64)>,
    said: String,
    spoken: String,
    stale: bool,
) -> Html {
    let var = &s.var;
    let (fx, dfx, ddfx) = (s.f_at(x0v), s.df_at(x0v), d.second.df_at(x0v));
    let dot = |y: f64| OverlayPoint {
        at: (x0v, y),
        ink: Ink::Tangent,
        radius: 6.0,
    };
    let mut on_f = Overlay {
        bands: d.bands.clone(),
        handles: vec![(x0v, fx)],
        ..Overlay::default()
    };
    on_f.points
        .extend(d.inflections.iter().map(|&x| OverlayPoint {
            at: (x, s.f_at(x)),
            ink: Ink::Secant,
            radius: 5.0,
        }));
    on_f.points.push(dot(fx));
    let mut on_df = Overlay::default();
    if ddfx.is_finite() {
        on_df.lines.push(OverlayLine {
            through: [(x0v, dfx), (x0v + 1.0, dfx + ddfx)],
            ink: Ink::Tangent,
            dashed: true,
        });
    }
    on_df.points.push(dot(dfx));
    let mut on_ddf = Overlay::default();
    on_ddf.points.push(dot(ddfx));
    let places = inflection_places(&d.inflections, (VIEW.x_min, VIEW.x_max), |x| {
        d.second.df_at(x)
    });
    let degree = vals.len().saturating_sub(1);
    let about_f = format!(
        "Shaded where f is concave up. {} The dashed curve is the Taylor polynomial of degree {degree} at x0 = {}.",
        if places.is_empty() {
            "No inflection points in view.".to_string()
        } else {
            format!("Inflection points at x = {}.", places.join(", "))
        },
        value(x0v)
    );
    let (text, rounded) = polynomial_text(vals, x0v, var);
    let formula = match crate::math::parse(&text) {
        Ok(p) => definition(&format!("T{}", subscript(degree)), var, &p, false),
        Err(_) => html! { <code>{ text }</code> },
    };
    let mut notes = Vec::new();
    if rounded {
        notes.push(
            "Coefficients rounded to 4 significant digits; the plot uses them in full.".to_string(),
        );
    }
    if let Some(stop) = stop {
        notes.push(stop_text(stop, x0v));
    }
    let at0 = value(x0v);
    html! {
        <>
            <section class={classes!("panel", stale.then_some("stale"))} aria-label="f, f′ and f″">
                <div role="status" aria-live="polite" aria-label="Concavity readout" class="readout-block">
                    <p aria-hidden="true" class="rate-line" data-testid="concavity">{ said }</p>
                    <p class="sr-only">{ spoken }</p>
                </div>
                <div class="stack">
                    { fixed_plot(s.clone(), Curve::F, format!("f({var}) = {}", to_unicode(&s.f)), VIEW, on_f, about_f, taylor, on_handle) }
                    { fixed_plot(s.clone(), Curve::Df, format!("f′({var}) = {}", to_unicode(&s.derivation.result)), VIEW, on_df,
                        format!("The dashed line touches f′ at x0; its slope is f″(x0) = {}.", value(ddfx)), None, Callback::noop()) }
                    { fixed_plot(d.second.clone(), Curve::Df, format!("f″({var}) = {}", to_unicode(&d.second.derivation.result)),
                        VIEW, on_ddf, String::new(), None, Callback::noop()) }
                </div>
            </section>
            <h2>{ "Taylor polynomials" }</h2>
            <div class="prose">{ prose(TAYLOR) }</div>
            <section class="panel" aria-label="The Taylor polynomial">
                <p class="formula" data-testid="taylor">{ formula }</p>
                { for notes.into_iter().map(|n| html! { <p class="hint">{ n }</p> }) }
                <ol class="coefficients" start="0">
                    { for vals.iter().enumerate().map(|(k, v)| html! {
                        <li>{ format!("{}({at0}) = {}, so the coefficient of the degree-{k} term is {} / {k}! = {}",
                            derivative_name(k), coefficient(*v).replace('-', "−"), coefficient(*v).replace('-', "−"),
                            coefficient_of(*v, k).replace('-', "−")) }</li>
                    }) }
                </ol>
            </section>
        </>
    }
}
