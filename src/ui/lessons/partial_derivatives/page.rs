//! The page: a function field and the seed's examples, sliders x and y, the heat map with
//! the point and the gradient arrow, the Gradient readout, the two slices with their
//! tangents, and the engine's derivations of ∂f/∂x and ∂f/∂y.

use std::rc::Rc;

use yew::prelude::*;

use crate::math::{to_unicode, Study};
use crate::plot::overlay::Overlay;
use crate::plot::view::View;
use crate::ui::browser;
use crate::ui::course::Page;
use crate::ui::grid::snap;
use crate::ui::hooks::use_address::use_address;
use crate::ui::hooks::use_throttled::use_throttled;
use crate::ui::hooks::use_typed_function::use_typed_function;
use crate::ui::widgets::function_input::FunctionInput;
use crate::ui::widgets::heat_map::HeatMap;
use crate::ui::widgets::math_view::{definition, math_layout, TYPESET_LIMIT};
use crate::ui::widgets::plot_canvas::{fixed_plot, Curve};
use crate::ui::widgets::prose::prose;
use crate::ui::widgets::slider::number_slider;
use crate::ui::widgets::step_list::StepList;

use super::*;

const VIEW: View = View {
    x_min: RANGE.0,
    x_max: RANGE.1,
};

/// A derivation in one variable: f(x, y), every step written with ∂, then ∂f/∂x.
fn partial_derivation(study: &Rc<Study>) -> Html {
    let (formula, text, spoken) = result_line(study);
    let result = if study.derivation.result.op_count() > TYPESET_LIMIT {
        html! { <code class="long-formula" tabindex="0">{ text }</code> }
    } else {
        math_layout(&formula, &spoken, false)
    };
    html! {
        <>
            <p class="formula">{ definition("f", "x, y", &study.f, false) }</p>
            <StepList study={study.clone()} open=true notation={NOTATION} variables="x, y" />
            <p class="formula derivative">{ result }</p>
        </>
    }
}

/// The page, as a hook the shell's lesson host runs (see `ui::shell::LessonHost`).
#[hook]
pub fn use_page() -> Html {
    let start = use_memo((), |_| from_query(&browser::current_query()));
    let typed = use_typed_function(start.0.clone());
    let point = use_state(|| (start.1, start.2));
    let (x, y) = *point;
    use_address(
        Page::PartialDerivatives.path(),
        to_query(&typed.committed, *point),
    );
    let f = typed.shown.as_ref().map(|s| s.f.clone());
    let surface = use_memo(f, |f| f.as_ref().and_then(Surface::new).map(Rc::new));
    // A function with other letters is refused (the message says so); the last good one
    // stays on the map, the slices and the readout meanwhile.
    let last_good = use_mut_ref(|| None::<Rc<Surface>>);
    if let Some(s) = surface.as_ref() {
        *last_good.borrow_mut() = Some(s.clone());
    }
    let surface = Rc::new(last_good.borrow().clone());
    let field = use_memo(surface.as_ref().as_ref().map(|s| to_unicode(&s.f)), {
        let surface = surface.clone();
        move |_| surface.as_ref().as_ref().map(|s| Rc::new(s.field()))
    });
    let slices = use_memo(
        (
            surface.as_ref().as_ref().map(Rc::as_ptr),
            x.to_bits(),
            y.to_bits(),
        ),
        {
            let surface = surface.clone();
            move |_| {
                surface
                    .as_ref()
                    .as_ref()
                    .map(|s| (Rc::new(s.slice_x(y)), Rc::new(s.slice_y(x))))
            }
        },
    );
    let value =
        surface
            .as_ref()
            .as_ref()
            .map(|s| s.at(x, y))
            .unwrap_or((f64::NAN, f64::NAN, f64::NAN));
    let said = readout((x, y), value);
    let spoken = use_throttled(said.clone(), 1000);
    let set = |horizontal: bool| {
        let point = point.clone();
        Callback::from(move |v: f64| {
            let (px, py) = *point;
            point.set(if horizontal { (v, py) } else { (px, v) })
        })
    };
    let on_point = {
        let point = point.clone();
        Callback::from(move |(px, py): (f64, f64)| point.set((snap(px, STEP), snap(py, STEP))))
    };
    let letters = typed
        .shown
        .as_ref()
        .map(|s| other_letters(&s.f))
        .unwrap_or_default();
    html! {
        <article class="lesson">
            <h1 class="page-title">{ Page::PartialDerivatives.title() }</h1>
            <div class="prose">{ prose(INTRO) }</div>
            <section class="panel" aria-label="A function of x and y">
                <FunctionInput value={typed.input.clone()} error={typed.error.clone()} var="x, y" on_input={typed.on_input.clone()} />
                <div class="example-buttons" role="group" aria-label="Examples">
                    { for EXAMPLES.iter().map(|e| {
                        let on_input = typed.on_input.clone();
                        let text = e.to_string();
                        html! { <button type="button" class="button" onclick={Callback::from(move |_| on_input.emit(text.clone()))}>{ *e }</button> }
                    }) }
                </div>
                if !letters.is_empty() {
                    <p class="error-message" role="alert" data-testid="letters">
                        { format!("Use only x and y here: this f also has {}.", letters.join(", ")) }
                    </p>
                }
                <div class="softmax-controls">
                    { number_slider(html! { "x" }, "x", RANGE, STEP, 1.0, x, set(true), "x-slider".into()) }
                    { number_slider(html! { "y" }, "y", RANGE, STEP, 1.0, y, set(false), "y-slider".into()) }
                </div>
                <div role="status" aria-live="polite" aria-label="Gradient readout" class="readout-block">
                    <p aria-hidden="true" class="rate-line" data-testid="gradient">{ said }</p>
                    <p class="sr-only">{ spoken }</p>
                </div>
                if let (Some(field), Some(surface)) = (field.as_ref(), surface.as_ref()) {
                    <div class="map-and-slices">
                        <HeatMap field={field.clone()} axes={("x", "y")} testid="heat-map"
                            label={describe(field, (x, y), value)} point={Some((x, y))}
                            arrow={arrow(value.1, value.2)} on_point={on_point} step={STEP} />
                        if let Some((sx, sy)) = slices.as_ref() {
                            <div class="slices">
                                { for [(sx, "x", x, value.1), (sy, "y", y, value.2)].into_iter().map(|(st, v, at, slope)| {
                                    let point = if v == "x" { format!("x, {}", num(y)) } else { format!("{}, y", num(x)) };
                                    fixed_plot(st.clone(), Curve::F, format!("Along {v}: f({point}) = {}", to_unicode(&st.f_fixed)), VIEW,
                                        Overlay::tangent(at, value.0, slope),
                                        format!("The tangent at {v} = {} has slope ∂f/∂{v} = {}.", num(at), num(slope)), None, Callback::noop())
                                }) }
                            </div>
                        }
                    </div>
                    <div class="prose">{ prose(MAP) }{ prose(RULES) }</div>
                    // The studies are kept in the surface, so their step lists (compared by
                    // pointer) are not typeset again when the point moves.
                    { for [(&surface.along_x, "∂f/∂x: y held constant"), (&surface.along_y, "∂f/∂y: x held constant")].into_iter().map(|(st, title)| html! {
                        <>
                            <h2>{ title }</h2>
                            <div class="panel example">{ partial_derivation(st) }</div>
                        </>
                    }) }
                }
            </section>
            <div class="prose">{ prose(GRADIENT) }</div>
        </article>
    }
}
