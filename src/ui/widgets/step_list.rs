//! Every step of a derivation with its rule named, typeset as MathML, behind a "Show all N
//! steps" toggle. The steps are typeset only once opened: for a huge derivative that is
//! thousands of MathML nodes the page need not build on every keystroke.

use std::rc::Rc;

use yew::prelude::*;

use crate::math::{explain, Segment, Study};
use crate::ui::widgets::math_view::math_layout;

#[derive(Properties)]
pub struct StepListProps {
    pub study: Rc<Study>,
    /// Start with the steps shown (worked examples) rather than behind the toggle.
    #[prop_or_default]
    pub open: bool,
}

impl PartialEq for StepListProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.study, &o.study) && self.open == o.open
    }
}

fn segment(s: &Segment) -> Html {
    match s.layout() {
        Some(l) => math_layout(&l, &s.text(), false),
        None => html! { <span>{ s.text() }</span> },
    }
}

/// Longest derivation (in steps) shown open without being asked.
const OPEN_AT_MOST: usize = 40;

#[function_component(StepList)]
pub fn step_list(props: &StepListProps) -> Html {
    let lines = explain(&props.study.derivation);
    // The reader's own choice, forgotten when the function changes. Without one, the list is
    // open when asked for and short: a huge function must not typeset thousands of formulas
    // before anyone wants them.
    let choice = use_state_eq(|| None::<bool>);
    {
        let choice = choice.clone();
        use_effect_with(Rc::as_ptr(&props.study) as usize, move |_| choice.set(None));
    }
    let open = choice.unwrap_or(props.open && lines.len() <= OPEN_AT_MOST);
    let ontoggle = {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            if details.open() != open {
                choice.set(Some(details.open()));
            }
        })
    };
    html! {
        <details class="steps" data-testid="steps" {open} {ontoggle}>
            <summary>{ format!("{} all {} steps", if open { "Hide" } else { "Show" }, lines.len()) }</summary>
            if open {
                <ol>
                    { for lines.iter().map(|l| html! {
                        <li class={format!("step depth-{}", l.depth.min(6))} data-rule={l.rule.name()}>
                            { for l.segments.iter().map(segment) }
                        </li>
                    }) }
                </ol>
            }
        </details>
    }
}
