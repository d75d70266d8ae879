//! The page: the function (an exercise of the set, or one's own), the answer field, Check,
//! and the verdict with where the answer differs (in numbers and on a plot) and which rule
//! slipped. Moving between exercises and sets is a change of address (links and one button),
//! so Back, a shared link and an embedding page's `slope:set` all land on the same exercise.
//! The set's progress is kept in the browser (`ui::report`) and reported to an embedding page.

use std::rc::Rc;

use yew::prelude::*;

use crate::math::{parse, ParseError};
use crate::plot::overlay::{Ink, Overlay, OverlayPoint};
use crate::plot::view::View;
use crate::ui::browser;
use crate::ui::course::Page;
use crate::ui::hooks::use_address::use_address;
use crate::ui::hooks::use_typed_function::use_typed_function;
use crate::ui::report;
use crate::ui::widgets::function_input::FunctionInput;
use crate::ui::widgets::plot_canvas::{fixed_plot, Curve};
use crate::ui::widgets::prose::prose;
use crate::ui::widgets::step_list::StepList;

use super::*;

/// A link to an exercise of a set.
fn exercise_href(set: u64, n: usize) -> String {
    let place = Place { set, n, own: None };
    // In the embed form, the next exercise is in the embed form too.
    let query = crate::ui::embed::carry(&browser::current_query(), &place.to_query());
    format!("#{}{query}", Page::Practice.path())
}

/// One check's outcome, numbered so that checking again is announced again.
#[derive(Clone)]
struct Checked {
    feedback: Feedback,
    read_as: String,
    attempt: u32,
    /// The answer as a function, drawn over f′.
    answer: Rc<Study>,
    /// The plot of both, when they differ somewhere.
    comparison: Option<Comparison>,
}

const INTRO: &str = "<p class=\"prose\">Type the derivative of f and press Check. Slope compares it with the derivative everywhere f is defined; if they differ, it shows a point where they do and names the rule that slipped. Any form that is equal counts as right.</p>";

/// The answer field and what its checks found, for the function shown.
#[derive(Clone, Default)]
struct Answer {
    text: String,
    /// The text cannot be read (shown at the field; not a check).
    error: Option<ParseError>,
    checked: Option<Checked>,
    /// Checks of this function so far.
    attempts: u32,
    /// The hint asked for, since the last check.
    hint: bool,
}

/// The plot's key (its description says the same in words).
const LEGEND: &str = "<p class=\"legend\" aria-hidden=\"true\"><span><span class=\"swatch swatch-df\"></span>f′</span> <span><span class=\"swatch swatch-answer\"></span>your answer (dashed)</span> <span><span class=\"swatch swatch-gap\"></span>where they differ</span></p>";

/// What the plot of f′ and the answer shows, worked out once per check (not per render).
#[derive(Clone)]
struct Comparison {
    view: View,
    overlay: Overlay,
    /// The overlay in words, for the plot's description.
    text: String,
}

fn comparison(study: &Study, answer: &Study, (x, expected, got): (f64, f64, f64)) -> Comparison {
    let (a, b) = plot_range(x);
    let view = View::checked(a, b).unwrap_or(View::DEFAULT);
    let bands = gaps((a, b), 200, |x| study.df_at(x), |x| answer.f_at(x));
    let mut points = vec![OverlayPoint {
        at: (x, expected),
        ink: Ink::Derivative,
        radius: 5.0,
    }];
    if got.is_finite() {
        points.push(OverlayPoint {
            at: (x, got),
            ink: Ink::Tangent,
            radius: 5.0,
        });
    }
    Comparison {
        text: gaps_text(&study.var, &bands),
        overlay: Overlay {
            points,
            bands,
            ..Overlay::default()
        },
        view,
    }
}

/// The plot of f′ with the answer dashed over it and the gap shaded.
fn compare_plot(study: &Rc<Study>, c: &Checked) -> Html {
    let Some(Comparison {
        view,
        overlay,
        text,
    }) = c.comparison.clone()
    else {
        return Html::default();
    };
    let title = format!("f′({}) and your answer", study.var);
    html! {
        <div class="practice-plot" data-testid="compare-plot">
            { fixed_plot(study.clone(), Curve::Df, title, view, overlay, text, Some(c.answer.clone()), Callback::noop()) }
            { prose(LEGEND) }
        </div>
    }
}

/// Changes the set's progress, keeps it and reports it (one function, not one per caller).
#[inline(never)]
fn keep(
    progress: &UseStateHandle<Progress>,
    n: usize,
    change: &dyn Fn(&mut Progress),
    right: bool,
) {
    let mut p = (**progress).clone();
    change(&mut p);
    let text = p.to_text();
    report::store(&Progress::key(p.set), &text);
    let r = p.records[n - 1];
    report::score(&report::Score {
        page: Page::Practice.path(),
        params: &[("set", p.set.to_string()), ("n", n.to_string())],
        right,
        score: p.score(),
        max: SET_SIZE,
        progress: &text,
        details: &[
            ("firstTry", p.first_tries() as f64),
            ("attempts", f64::from(r.attempts)),
            ("hints", f64::from(p.hints())),
        ],
    });
    progress.set(p);
}

/// A line of text (one template for every line of the page).
#[inline(never)]
fn line(class: &'static str, testid: &'static str, text: String) -> Html {
    html! { <p {class} data-testid={testid}>{ text }</p> }
}

#[inline(never)]
fn button(
    class: &'static str,
    testid: &'static str,
    label: &'static str,
    onclick: Callback<MouseEvent>,
) -> Html {
    html! { <button type="button" {class} data-testid={testid} {onclick}>{ label }</button> }
}

#[inline(never)]
fn link(href: String, testid: &'static str, label: String) -> Html {
    html! { <a class="button" {href} data-testid={testid}>{ label }</a> }
}

/// The page, as a hook the shell's lesson host runs (see `ui::shell::LessonHost`).
#[hook]
pub fn use_page() -> Html {
    let place = use_state(|| Place::from_query(&browser::current_query()));
    // The set's exercise at this place (rule, difficulty, function), whatever is typed.
    let exercise = use_memo((place.set, place.n), |(s, n)| set(*s)[n - 1].clone());
    let typed = use_typed_function(place.function());
    let own = (typed.committed != exercise.2).then(|| typed.committed.clone());
    let is_own = own.is_some();
    use_address(
        Page::Practice.path(),
        Place {
            own,
            ..(*place).clone()
        }
        .to_query(),
    );
    let (set_no, n) = (place.set, place.n);
    let progress = use_state(|| {
        Progress::from_text(set_no, report::stored(&Progress::key(set_no)).as_deref())
    });
    // Keeps and reports a change of the set's progress (not for a function of one's own).
    let keep = {
        let progress = progress.clone();
        Rc::new(move |change: &dyn Fn(&mut Progress), right: bool| {
            if !is_own {
                keep(&progress, n, change, right)
            }
        })
    };
    let answer = use_state(Answer::default);
    {
        // A new function: the old verdict is about another one.
        let answer = answer.clone();
        use_effect_with(typed.committed.clone(), move |_| {
            answer.set(Answer {
                text: answer.text.clone(),
                ..Answer::default()
            })
        });
    }
    let on_answer = {
        let answer = answer.clone();
        Callback::from(move |text: String| {
            answer.set(Answer {
                text,
                error: None,
                ..(*answer).clone()
            })
        })
    };
    let check = {
        let answer = answer.clone();
        let study = typed.shown.clone().filter(|_| !typed.stale);
        let keep = keep.clone();
        Callback::from(move |()| {
            let Some(study) = study.clone() else {
                return;
            };
            let mut now = (*answer).clone();
            match parse(&now.text) {
                Ok(a) => {
                    now.attempts += 1;
                    let feedback = feedback(&study, &a);
                    let right = feedback.right;
                    let read = read_as(&study.var, &a);
                    let answer_study = Study::with_variable(a, study.var.clone());
                    now.checked = Some(Checked {
                        read_as: read,
                        attempt: now.attempts,
                        comparison: feedback.point.map(|p| comparison(&study, &answer_study, p)),
                        answer: Rc::new(answer_study),
                        feedback,
                    });
                    now.hint = false;
                    keep(&|p: &mut Progress| p.checked(n, right), right);
                }
                // A typo is not a wrong answer: it is shown at the field, and not counted.
                Err(e) => now.error = Some(e),
            }
            answer.set(now);
        })
    };
    let hinted = {
        let keep = keep.clone();
        Callback::from(move |()| keep(&|p: &mut Progress| p.hinted(n), false))
    };
    let show_hint = {
        let (answer, hinted) = (answer.clone(), hinted.clone());
        Callback::from(move |_: MouseEvent| {
            answer.set(Answer {
                hint: true,
                ..(*answer).clone()
            });
            hinted.emit(());
        })
    };
    let reset = {
        let progress = progress.clone();
        Callback::from(move |_: MouseEvent| {
            report::forget(&Progress::key(set_no));
            progress.set(Progress::new(set_no));
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
    let title = match is_own {
        true => "Your own function".to_string(),
        false => format!(
            "Set {set_no} · exercise {n} of {SET_SIZE} · {}",
            rule_name(exercise.0)
        ),
    };
    let study = typed.shown.clone();
    let hint_shown = answer.hint;
    let verdict = answer.checked.clone().map(|c| {
        let fb = &c.feedback;
        let again = if c.attempt > 1 {
            format!(" (check {})", c.attempt)
        } else {
            String::new()
        };
        let lines = [
            (
                if fb.right {
                    "verdict-line right"
                } else {
                    "verdict-line wrong"
                },
                "verdict-line",
                Some(format!("{}{again}", fb.verdict)),
            ),
            (
                "read-as",
                "read-as",
                Some(format!("Your answer, read as {}", c.read_as)),
            ),
            ("", "counterexample", fb.counterexample.clone()),
            ("mistake", "mistake", fb.mistake.clone()),
            ("hint-line", "hint", fb.hint.clone().filter(|_| hint_shown)),
            ("", "note", fb.note.clone()),
        ];
        lines
            .into_iter()
            .filter_map(|(class, testid, t)| t.map(|t| line(class, testid, t)))
            .collect::<Html>()
    });
    let wrong = answer.checked.as_ref().filter(|c| !c.feedback.right);
    html! {
        <article class="lesson practice">
            <h1 class="page-title">{ Page::Practice.title() }</h1>
            { prose(INTRO) }
            <section class="panel practice-panel" aria-label="Exercise">
                <div class="practice-bar">
                    { line("practice-where", "exercise", title) }
                    <nav class="practice-nav" aria-label="Exercises">
                        if is_own {
                            { link(exercise_href(set_no, n), "set-exercise", format!("Exercise {n} of set {set_no}")) }
                        } else {
                            if n > 1 {
                                { link(exercise_href(set_no, n - 1), "previous-exercise", "← Previous exercise".into()) }
                            }
                            if n < SET_SIZE {
                                { link(exercise_href(set_no, n + 1), "next-exercise", "Next exercise →".into()) }
                            }
                        }
                        { button("button", "new-set", "New set", new_set) }
                    </nav>
                </div>
                <FunctionInput value={typed.input} error={typed.error} var={var.clone()} on_input={typed.on_input} />
                <FunctionInput value={AttrValue::from(answer.text.clone())} error={answer.error.clone()}
                    var={var} on_input={on_answer} label="Your derivative" name="f′"
                    testids={("answer-input", "answer-error")} on_enter={check.clone()} />
                <div class="practice-actions">
                    { button("button button-primary", "check", "Check", check.reform(|_: MouseEvent| ())) }
                    if wrong.is_some_and(|c| c.feedback.hint.is_some()) && !hint_shown {
                        { button("button", "show-hint", "Show a hint", show_hint) }
                    }
                </div>
                <div role="status" aria-label="Verdict" class="verdict" data-testid="verdict">
                    { verdict.unwrap_or_default() }
                </div>
                if let (Some(c), Some(study)) = (wrong, study) {
                    { compare_plot(&study, c) }
                    <div class="practice-steps">
                        <h2>{ "The derivation" }</h2>
                        <StepList study={Rc::clone(&study)} open={c.feedback.slipped.is_some()}
                            slipped={c.feedback.slipped.clone()} on_open={hinted} />
                    </div>
                }
            </section>
            <section class="panel practice-progress" aria-label="Progress">
                { line("", "progress", progress.summary()) }
                <p class="practice-keep">
                    { "Progress is kept in this browser only. " }
                    { button("button button-small", "reset", "Reset progress", reset) }
                </p>
            </section>
        </article>
    }
}
