//! The page: the function (an exercise of the set, or one's own), the answer field, Check,
//! and the verdict with where the answer differs and which rule slipped. Moving between
//! exercises and sets is a change of address (links and one button), so Back, a shared link
//! and an embedding page's `slope:set` all land on the same exercise.

use std::rc::Rc;

use yew::prelude::*;

use crate::math::{parse, ParseError};
use crate::ui::browser;
use crate::ui::course::Page;
use crate::ui::hooks::use_address::use_address;
use crate::ui::hooks::use_typed_function::use_typed_function;
use crate::ui::widgets::function_input::FunctionInput;
use crate::ui::widgets::step_list::StepList;

use super::*;

/// A link to an exercise of a set.
fn exercise_href(set: u64, n: usize) -> String {
    let place = Place { set, n, own: None };
    format!("#{}{}", Page::Practice.path(), place.to_query())
}

/// One check's outcome, numbered so that checking again is announced again.
#[derive(Clone, PartialEq)]
struct Checked {
    feedback: Feedback,
    read_as: String,
    attempt: u32,
}

/// The page, as a hook the shell's lesson host runs (see `ui::shell::LessonHost`).
#[hook]
pub fn use_page() -> Html {
    let place = use_state(|| Place::from_query(&browser::current_query()));
    let exercise = use_memo((*place).clone(), |p| {
        Place {
            own: None,
            ..p.clone()
        }
        .function()
    });
    let typed = use_typed_function(place.function());
    let own = (typed.committed != *exercise).then(|| typed.committed.clone());
    use_address(
        Page::Practice.path(),
        Place {
            own,
            ..(*place).clone()
        }
        .to_query(),
    );
    let answer = use_state(String::new);
    let answer_error = use_state(|| None::<ParseError>);
    let checked = use_state(|| None::<Checked>);
    let attempts = use_mut_ref(|| 0u32);
    {
        // A new function: the old verdict is about another one.
        let (checked, attempts) = (checked.clone(), attempts.clone());
        use_effect_with(typed.committed.clone(), move |_| {
            checked.set(None);
            *attempts.borrow_mut() = 0;
        });
    }
    let on_answer = {
        let (answer, answer_error) = (answer.clone(), answer_error.clone());
        Callback::from(move |text: String| {
            answer.set(text);
            answer_error.set(None);
        })
    };
    let check = {
        let (answer, answer_error, checked) =
            (answer.clone(), answer_error.clone(), checked.clone());
        let study = typed.shown.clone().filter(|_| !typed.stale);
        Callback::from(move |()| {
            let Some(study) = study.clone() else {
                return;
            };
            match parse(&answer) {
                Ok(a) => {
                    *attempts.borrow_mut() += 1;
                    checked.set(Some(Checked {
                        feedback: feedback(&study, &a),
                        read_as: read_as(&study.var, &a),
                        attempt: *attempts.borrow(),
                    }));
                }
                // A typo is not a wrong answer: it is shown at the field, and not counted.
                Err(e) => answer_error.set(Some(e)),
            }
        })
    };
    let new_set = Callback::from(|_: MouseEvent| {
        let set = set_from(js_sys::Math::random());
        if let Some(w) = web_sys::window() {
            let _ = w.location().set_hash(&exercise_href(set, 1)[1..]);
        }
    });
    let var = typed
        .shown
        .as_ref()
        .map(|s| s.var.clone())
        .unwrap_or_else(|| "x".into());
    let p = (*place).clone();
    let title = match typed.committed != *exercise {
        true => format!("Set {} · your own function", p.set),
        false => format!(
            "Set {} · exercise {} of {SET_SIZE} · {}",
            p.set,
            p.n,
            rule_name(set(p.set)[p.n - 1].0)
        ),
    };
    let verdict = (*checked).clone().map(|c| {
        let fb = &c.feedback;
        let again = if c.attempt > 1 {
            format!(" (check {})", c.attempt)
        } else {
            String::new()
        };
        html! {
            <>
                <p class={classes!("verdict-line", if fb.right { "right" } else { "wrong" })} data-testid="verdict-line">
                    { format!("{}{again}", fb.verdict) }
                </p>
                <p class="read-as" data-testid="read-as">{ "Your answer, read as " }{ c.read_as.clone() }</p>
                if let Some(t) = &fb.counterexample { <p data-testid="counterexample">{ t.clone() }</p> }
                if let Some(t) = &fb.mistake { <p class="mistake" data-testid="mistake">{ t.clone() }</p> }
                if let Some(t) = &fb.hint { <p class="hint-line" data-testid="hint">{ t.clone() }</p> }
                if let Some(t) = &fb.note { <p data-testid="note">{ t.clone() }</p> }
            </>
        }
    });
    let wrong = (*checked).as_ref().is_some_and(|c| !c.feedback.right);
    html! {
        <article class="lesson practice">
            <h1 class="page-title">{ Page::Practice.title() }</h1>
            <p class="prose">
                { "Type the derivative of f and press Check. Slope compares it with the derivative everywhere f is defined; if they differ, it shows a point where they do and names the rule that slipped. Any form that is equal counts as right." }
            </p>
            <section class="panel practice-panel" aria-label="Exercise">
                <div class="practice-bar">
                    <p class="practice-where" data-testid="exercise">{ title }</p>
                    <nav class="practice-nav" aria-label="Exercises">
                        if p.n > 1 {
                            <a class="button" href={exercise_href(p.set, p.n - 1)} data-testid="previous">{ "← Previous" }</a>
                        }
                        if p.n < SET_SIZE {
                            <a class="button" href={exercise_href(p.set, p.n + 1)} data-testid="next">{ "Next →" }</a>
                        }
                        <button type="button" class="button" onclick={new_set} data-testid="new-set">{ "New set" }</button>
                    </nav>
                </div>
                <FunctionInput value={typed.input} error={typed.error} var={var.clone()} on_input={typed.on_input} />
                <FunctionInput value={AttrValue::from((*answer).clone())} error={(*answer_error).clone()}
                    var={var} on_input={on_answer} label="Your derivative" name="f′"
                    testids={("answer-input", "answer-error")} on_enter={check.clone()} />
                <button type="button" class="button button-primary" data-testid="check"
                    onclick={check.reform(|_: MouseEvent| ())}>{ "Check" }</button>
                <div role="status" aria-label="Verdict" class="verdict" data-testid="verdict">
                    { verdict.unwrap_or_default() }
                </div>
                if wrong {
                    if let Some(study) = typed.shown.clone() {
                        <div class="practice-steps">
                            <h2>{ "The derivation" }</h2>
                            <StepList study={Rc::clone(&study)} />
                        </div>
                    }
                }
            </section>
        </article>
    }
}
