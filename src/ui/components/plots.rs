//! The two plots side by side (stacked on narrow screens) with their zoom controls and the
//! linked-cursor readout: f on the left, f′ on the right, always over the same x range.

use std::rc::Rc;

use yew::prelude::*;

use crate::math::numeric::Method;
use crate::math::{to_unicode, Study};
use crate::ui::components::explorer::overlays;
use crate::ui::components::plot_canvas::{Curve, PlotCanvas};
use crate::ui::state::{Action, View};

#[derive(Properties)]
pub struct PlotsProps {
    pub study: Rc<Study>,
    pub view: View,
    pub cursor: Option<f64>,
    pub stale: bool,
    /// The explorer's point, step and quotient, drawn on both plots.
    pub x0: f64,
    pub h: f64,
    pub method: Method,
    pub on_action: Callback<Action>,
}

impl PartialEq for PlotsProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.study, &o.study)
            && self.view == o.view
            && self.cursor == o.cursor
            && self.stale == o.stale
            && self.x0 == o.x0
            && self.h == o.h
            && self.method == o.method
            && self.on_action == o.on_action
    }
}

/// A number for the readout: enough digits to be useful, none to spare.
pub fn format_value(v: f64) -> String {
    crate::plot::format::value(v)
}

#[function_component(Plots)]
pub fn plots(props: &PlotsProps) -> Html {
    let study = &props.study;
    let var = study.var.clone();
    let view = props.view;
    let button = |label: &'static str, title: &'static str, action: fn(View) -> Action| {
        let on_action = props.on_action.clone();
        html! {
            <button type="button" class="button" aria-label={title} title={title}
                onclick={Callback::from(move |_| on_action.emit(action(view)))}>{ label }</button>
        }
    };
    let readout = props.cursor.map(|x| {
        format!(
            "{var} = {} · f({var}) = {} · f′({var}) = {}",
            format_value(x),
            format_value(study.f_at(x)),
            format_value(study.df_at(x))
        )
    });
    let (on_f, on_df) = overlays(study, props.x0, props.h, props.method);
    let f_text = to_unicode(&study.f);
    let df_text = to_unicode(&study.derivation.result);
    html! {
        <section class={classes!("panel", "plots", props.stale.then_some("stale"))} aria-label="Plots">
            <div class="plots-toolbar">
                { button("+", "Zoom in", |v| Action::Zoom { factor: 0.5, about: v.center() }) }
                { button("−", "Zoom out", |v| Action::Zoom { factor: 2.0, about: v.center() }) }
                { button("Reset view", "Reset view", |_| Action::ResetView) }
                <span class="readout" data-testid="readout">{ readout.unwrap_or_default() }</span>
            </div>
            <div class="plot-grid">
                <PlotCanvas study={study.clone()} curve={Curve::F} title={format!("f({var}) = {f_text}")}
                    view={props.view} cursor={props.cursor} overlay={on_f} on_action={props.on_action.clone()} />
                <PlotCanvas study={study.clone()} curve={Curve::Df} title={format!("f′({var}) = {df_text}")}
                    view={props.view} cursor={props.cursor} overlay={on_df} on_action={props.on_action.clone()} />
            </div>
        </section>
    }
}
