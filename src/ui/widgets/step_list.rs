//! Every step of a derivation with its rule named, typeset as MathML, behind a "Show all N
//! steps" toggle: in textbook order (name the parts, differentiate each, combine, simplify) or,
//! ticked, in the compact top-down order. Hovering or focusing a step marks the part of f it
//! acts on in the formula above the list; the arrow keys move between steps (one tab stop for
//! the whole list). The steps are typeset only once opened: for a huge derivative that is
//! thousands of MathML nodes the page need not build on every keystroke. For a function of
//! several variables the steps are written with ∂ (`notation`).

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::math::explain::{explain_in, Notation};
use crate::math::layout::layout_marked;
use crate::math::{Expr, Order, Rule, Segment, Study};
use crate::ui::hooks::by_ptr::ByPtr;
use crate::ui::widgets::math_view::{math_layout, named, TYPESET_LIMIT};

#[derive(Properties, PartialEq)]
pub struct StepListProps {
    pub study: ByPtr<Study>,
    /// Start with the steps shown (worked examples) rather than behind the toggle.
    #[prop_or_default]
    pub open: bool,
    /// `Notation::Partial` for a function of several variables: ∂/∂x and ∂u/∂x in the steps.
    #[prop_or_default]
    pub notation: Notation,
    /// The variables of f above the steps (`x, y`); the study's variable when empty.
    #[prop_or_default]
    pub variables: AttrValue,
    /// The part of f where a student's answer went wrong (Practice): the last step acting
    /// on it is marked "Where it slipped".
    #[prop_or_default]
    pub slipped: Option<Expr>,
    /// Called when the reader opens the list. An `Option`, so that pages without one compare
    /// equal (a default `Callback` is a new closure, unequal, on every render).
    #[prop_or_default]
    pub on_open: Option<Callback<()>>,
}

fn segment(s: &Segment) -> Html {
    match s.layout() {
        Some(l) => math_layout(&l, &s.speech(), false),
        None => html! { <span>{ s.text() }</span> },
    }
}

/// Longest derivation (in steps) shown open without being asked.
const OPEN_AT_MOST: usize = 40;

#[function_component(StepList)]
pub fn step_list(props: &StepListProps) -> Html {
    crate::ui::perf::count_render("step-list");
    let study = &props.study;
    let study_id = Rc::as_ptr(&study.0) as usize;
    // The reader's own choices: the order is kept from one function to the next; opening the
    // list is forgotten when the function changes. Without a choice, the list is open when asked
    // for and short: a huge function must not typeset thousands of formulas unasked.
    let compact = use_state_eq(|| false);
    let order = if *compact {
        Order::Compact
    } else {
        Order::Textbook
    };
    let notation = props.notation;
    let lines = {
        let study = study.clone();
        use_memo((study_id, order, notation), move |_| {
            explain_in(&study.derivation, order, notation)
        })
    };
    let choice = use_state_eq(|| None::<bool>);
    // The step whose part of f is marked, and the one the Tab key lands on.
    let marked = use_state_eq(|| None::<usize>);
    let cursor = use_state_eq(|| 0usize);
    {
        let (choice, marked, cursor) = (choice.clone(), marked.clone(), cursor.clone());
        use_effect_with(study_id, move |_| {
            choice.set(None);
            marked.set(None);
            cursor.set(0);
        });
    }
    let list = use_node_ref();
    let open = choice.unwrap_or(props.open && lines.len() <= OPEN_AT_MOST);
    let ontoggle = {
        let (choice, on_open) = (choice.clone(), props.on_open.clone());
        Callback::from(move |e: Event| {
            let details: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            if details.open() != open {
                choice.set(Some(details.open()));
                if details.open() {
                    if let Some(on_open) = &on_open {
                        on_open.emit(());
                    }
                }
            }
        })
    };
    let onorder = {
        let (compact, marked) = (compact.clone(), marked.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            compact.set(input.checked());
            marked.set(None);
        })
    };
    let onkeydown = {
        let (list, n) = (list.clone(), lines.len());
        let cursor = cursor.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(to) = crate::ui::keys::roving(&e.key(), *cursor, n) else {
                return;
            };
            e.prevent_default();
            let item = list
                .cast::<web_sys::Element>()
                .and_then(|ol| ol.query_selector_all("li").ok())
                .and_then(|items| items.item(to as u32))
                .and_then(|li| li.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(li) = item {
                let _ = li.focus();
            }
        })
    };
    let unmark = {
        let marked = marked.clone();
        move || marked.set(None)
    };
    let onmouseleave = {
        let unmark = unmark.clone();
        Callback::from(move |_: MouseEvent| unmark())
    };
    let onblur = Callback::from(move |_: FocusEvent| unmark());
    // The function with the marked step's part highlighted (huge ones are not typeset).
    let f = &study.f;
    let slipped = props
        .slipped
        .as_ref()
        // The rule's own last line there: the simplification after it is not where.
        .and_then(|part| {
            lines
                .iter()
                .rposition(|l| l.rule != Rule::Simplify && f.at_path(&l.at) == Some(part))
        });
    let formula = (f.op_count() <= TYPESET_LIMIT).then(|| {
        let target = marked
            .and_then(|i| lines.get(i))
            .and_then(|l| f.at_path(&l.at));
        let body = match target {
            Some(t) => layout_marked(f, t),
            None => crate::math::layout::layout(f),
        };
        let vars = if props.variables.is_empty() {
            study.var.as_str()
        } else {
            props.variables.as_str()
        };
        math_layout(&named("f", vars, body), "", false)
    });
    html! {
        <details class="steps" data-testid="steps" {open} {ontoggle}>
            <summary>{ format!("{} all {} steps", if open { "Hide" } else { "Show" }, lines.len()) }</summary>
            if open {
                <div class="steps-head">
                    // A picture for the eye: each step says in words what it acts on.
                    if let Some(formula) = formula {
                        <p class="steps-formula" aria-hidden="true" data-testid="steps-formula">{ formula }</p>
                    }
                    <label class="steps-order">
                        <input type="checkbox" checked={*compact} onchange={onorder} />
                        { "Compact order" }
                    </label>
                </div>
                <ol ref={list} {onkeydown} {onmouseleave}>
                    { for lines.iter().enumerate().map(|(i, l)| {
                        let mark = {
                            let marked = marked.clone();
                            Callback::from(move |_| marked.set(Some(i)))
                        };
                        let onfocus = {
                            let (marked, cursor) = (marked.clone(), cursor.clone());
                            Callback::from(move |_| {
                                marked.set(Some(i));
                                cursor.set(i);
                            })
                        };
                        let class = classes!(
                            "step",
                            format!("depth-{}", l.depth.min(6)),
                            (*marked == Some(i)).then_some("marked"),
                            (slipped == Some(i)).then_some("slipped")
                        );
                        html! {
                            <li {class} data-rule={l.rule.name()} data-phase={l.phase.name()}
                                tabindex={if *cursor == i { "0" } else { "-1" }}
                                onmouseenter={mark} {onfocus} onblur={onblur.clone()}>
                                if slipped == Some(i) {
                                    <strong class="slip-tag">{ "Where it slipped: " }</strong>
                                }
                                { for l.segments.iter().map(segment) }
                            </li>
                        }
                    }) }
                </ol>
            }
        </details>
    }
}
