//! The result panel: how the input was read, the derivative, and every step of the
//! derivation with its rule named, typeset as MathML.

use yew::prelude::*;

use crate::math::{explain, Segment, Study};
use crate::ui::mathml::{definition, math_layout};

#[derive(Properties)]
pub struct DerivativePanelProps {
    pub study: std::rc::Rc<Study>,
    /// The shown result is stale (the field holds an error): dim it.
    pub stale: bool,
}

impl PartialEq for DerivativePanelProps {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.study, &other.study) && self.stale == other.stale
    }
}

fn segment(s: &Segment) -> Html {
    match s.layout() {
        Some(l) => math_layout(&l, &s.text(), false),
        None => html! { <span>{ s.text() }</span> },
    }
}

#[function_component(DerivativePanel)]
pub fn derivative_panel(props: &DerivativePanelProps) -> Html {
    let study = &props.study;
    let var = &study.var;
    let lines = explain(&study.derivation);
    // The steps are typeset only once the student opens them: for a huge derivative that is
    // thousands of MathML nodes the page need not build on every keystroke.
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            open.set(details.open());
        })
    };
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
            <details class="steps" data-testid="steps" open={*open} {ontoggle}>
                <summary>{ format!("Show all {} steps", lines.len()) }</summary>
                if *open {
                    <ol>
                        { for lines.iter().map(|l| html! {
                            <li class={format!("step depth-{}", l.depth.min(6))} data-rule={l.rule.name()}>
                                { for l.segments.iter().map(segment) }
                            </li>
                        }) }
                    </ol>
                }
            </details>
        </section>
    }
}
