//! The result panel: how the input was read, the derivative, and every step of the
//! derivation with its rule named, typeset as MathML.

use yew::prelude::*;

use crate::math::Study;
use crate::ui::hooks::by_ptr::ByPtr;
use crate::ui::widgets::math_view::definition;
use crate::ui::widgets::step_list::StepList;

#[derive(Properties, PartialEq)]
pub struct DerivativePanelProps {
    pub study: ByPtr<Study>,
    /// The shown result is stale (the field holds an error): dim it.
    pub stale: bool,
}

#[function_component(DerivativePanel)]
pub fn derivative_panel(props: &DerivativePanelProps) -> Html {
    crate::ui::perf::count_render("derivative-panel");
    let study = &props.study;
    let var = &study.var;
    html! {
        <section class={classes!("panel", "results", props.stale.then_some("stale"))} aria-label="Derivative">
            <div class="formula-row" data-testid="echo">
                <span class="formula-label">{ "Read as" }</span>
                <span class="formula">{ definition("f", var, &study.f, false) }</span>
            </div>
            <div class="formula-row derivative" data-testid="derivative">
                <span class="formula-label">{ "Derivative" }</span>
                <span class="formula">{ definition("f′", var, &study.derivation.result, false) }</span>
                if let Some(w) = crate::math::explain::where_it_holds(&study.derivation) {
                    <span class="hint" data-testid="derivative-holds">{ format!("({})", w.replace('-', "−")) }</span>
                }
            </div>
            if !study.derivation.fully_simplified {
                <p class="hint" role="note" data-testid="not-simplified">{ "This derivative is so large that Slope stopped tidying it to keep the page responsive: it is correct, but not in its simplest form." }</p>
            }
            if !study.derivation.complete {
                <p class="no-tangent" role="note">{ "This derivative grows too large to finish (its size doubles with every level of nesting), so Slope stops rather than freeze the page. Try a less deeply nested function." }</p>
            }
            <StepList study={study.clone()} />
        </section>
    }
}
