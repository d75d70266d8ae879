//! The two plots side by side (stacked on narrow screens) with their zoom controls and the
//! linked-cursor readout: f on the left, f′ on the right, always over the same x range. The
//! hovered x lives here, so a hover re-renders the plots and nothing else.

use yew::prelude::*;

use crate::math::numeric::Method;
use crate::math::{to_unicode, Study};
use crate::plot::format::value as format_value;
use crate::ui::hooks::by_ptr::ByPtr;
use crate::ui::widgets::plot_canvas::{Curve, PlotCanvas};

use super::reading::{describe_overlay, overlays};
use super::state::{Action, State, View};

#[derive(Properties, PartialEq)]
pub struct PlotsProps {
    pub study: ByPtr<Study>,
    pub view: View,
    pub stale: bool,
    /// The explorer's point, step and quotient, drawn on both plots.
    pub x0: f64,
    pub h: f64,
    pub method: Method,
    pub dispatch: UseReducerDispatcher<State>,
}

#[function_component(Plots)]
pub fn plots(props: &PlotsProps) -> Html {
    crate::ui::perf::count_render("plots");
    let cursor = use_state_eq(|| None::<f64>);
    let d = props.dispatch.clone();
    let on_hover = {
        let cursor = cursor.setter();
        use_callback((), move |x: Option<f64>, _| cursor.set(x))
    };
    let on_zoom = use_callback(d.clone(), |(factor, about): (f64, f64), d| {
        d.dispatch(Action::Zoom { factor, about })
    });
    let on_pan = use_callback(d.clone(), |dx: f64, d| d.dispatch(Action::Pan { dx }));
    let on_reset = use_callback(d.clone(), |_: (), d| d.dispatch(Action::ResetView));
    let on_handle = use_callback(d.clone(), |(_, x): (usize, f64), d| {
        d.dispatch(Action::SetX0(x))
    });

    let study = &props.study;
    let var = study.var.clone();
    let view = props.view;
    let button = |label: &'static str, title: &'static str, onclick: Callback<MouseEvent>| {
        html! {
            <button type="button" class="button" aria-label={title} title={title} {onclick}>{ label }</button>
        }
    };
    let zoom = |factor: f64| {
        let on_zoom = on_zoom.clone();
        Callback::from(move |_| on_zoom.emit((factor, view.center())))
    };
    let reset = {
        let on_reset = on_reset.clone();
        Callback::from(move |_| on_reset.emit(()))
    };
    let readout = cursor.map(|x| {
        format!(
            "{var} = {} · f({var}) = {} · f′({var}) = {}",
            format_value(x),
            format_value(study.f_at(x)),
            format_value(study.df_at(x))
        )
    });
    let (on_f, on_df) = overlays(study, props.x0, props.h, props.method);
    let (about_f, about_df) = describe_overlay(study, props.x0, props.h, props.method);
    let f_text = to_unicode(&study.f);
    let df_text = to_unicode(&study.derivation.result);
    html! {
        <section class={classes!("panel", "plots", props.stale.then_some("stale"))} aria-label="Plots">
            <div class="plot-grid">
                <PlotCanvas study={study.clone()} curve={Curve::F} title={format!("f({var}) = {f_text}")}
                    view={view} cursor={*cursor} overlay={on_f} overlay_text={about_f}
                    on_hover={on_hover.clone()} on_zoom={on_zoom.clone()} on_pan={on_pan.clone()}
                    on_reset={on_reset.clone()} {on_handle} />
                <PlotCanvas study={study.clone()} curve={Curve::Df} title={format!("f′({var}) = {df_text}")}
                    view={view} cursor={*cursor} overlay={on_df} overlay_text={about_df}
                    {on_hover} on_zoom={on_zoom.clone()} {on_pan} on_reset={on_reset.clone()} />
            </div>
            <div class="plots-toolbar">
                { button("+", "Zoom in", zoom(View::ZOOM_IN)) }
                { button("−", "Zoom out", zoom(1.0 / View::ZOOM_IN)) }
                { button("Reset view", "Reset view", reset) }
                <span class="readout nowrap" data-testid="readout">{ readout.unwrap_or_default() }</span>
            </div>
        </section>
    }
}
