//! The explorer page: one reducer holds the state (see `state`), derived values come from
//! `use_memo`, and the address follows the state (see `url`) so a link reproduces the view.
//! Callbacks handed to children are stable (`use_callback` over the reducer's dispatcher), so
//! a child re-renders only when what it shows changes.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::math::Study;
use crate::ui::browser;
use crate::ui::course::Page;
use crate::ui::hooks::by_ptr::ByPtr;
use crate::ui::hooks::use_address::use_address_with;
use crate::ui::hooks::use_debounce::use_debounce;
use crate::ui::hooks::use_painted::use_painted;
use crate::ui::query;
use crate::ui::widgets::function_input::FunctionInput;
use crate::ui::widgets::parameters::parameters;
use crate::ui::widgets::quotient_table::QuotientTable;
use crate::ui::widgets::share_button::ShareButton;

use super::derivative_panel::DerivativePanel;
use super::examples_select::ExamplesSelect;
use super::plots::Plots;
use super::secant::Secant;
use super::state::Action;
use super::url::{query_from_state, state_from_query};

/// How long typing must pause before the plots follow.
const DEBOUNCE_MS: u32 = 150;

thread_local! {
    /// The explorer's last address in this tab, so leaving for another page and coming back
    /// through the table of contents finds the function where the student left it.
    static REMEMBERED: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The explorer page, as a hook (the shell's lesson host runs it; tests mount it in a
/// component of their own). `query` is the query to start from (tests, embeds; `None` reads
/// the page's own address); `detached` leaves the address bar alone (a second explorer on
/// the same page).
#[hook]
pub fn use_explorer(query: Option<AttrValue>, detached: bool) -> Html {
    crate::ui::perf::count_render("explorer-page");
    let route = Page::Explorer.path();
    let start_query = use_memo(query, |q| match q {
        Some(q) => q.to_string(),
        None => {
            let here = browser::current_query();
            if here.is_empty() {
                REMEMBERED.with(|r| r.borrow().clone()).unwrap_or_default()
            } else {
                here
            }
        }
    });
    let state = use_reducer({
        let q = (*start_query).clone();
        move || state_from_query(&q)
    });
    let dispatch = state.dispatcher();
    let parsed = {
        let good = state.good_input.clone();
        // `good_input` always parses (the reducer only stores input that did).
        use_memo(good, |good| Study::parse(good).map(Rc::new).ok())
    };
    // The parameters' values only rebuild the compiled programs, not the derivation.
    let param_values = parsed
        .as_ref()
        .as_ref()
        .map(|s| state.param_values(&s.parameters))
        .unwrap_or_default();
    // The parsed study (by identity) and its parameters' values.
    let study = use_memo(
        (ByPtr(parsed.clone()), param_values.clone()),
        |(ByPtr(parsed), values)| {
            parsed.as_ref().as_ref().map(|s| {
                if s.parameters.is_empty() {
                    s.clone()
                } else {
                    Rc::new(s.with_parameter_values(values))
                }
            })
        },
    );

    // The address follows the state, but quietly: browsers refuse more than ~100 history
    // updates per 10 s, and dragging or playing changes the state every frame.
    let query = query_from_state(&state);
    let own_address = !detached;
    let written = use_address_with(
        route,
        query.clone(),
        own_address,
        Callback::from(|q: String| REMEMBERED.with(|r| *r.borrow_mut() = Some(q))),
        || (*start_query).clone(),
    );
    // Back and Forward: an address we did not write is loaded as a whole new state.
    {
        let dispatch = dispatch.clone();
        let written = written.clone();
        use_effect_with(own_address, move |own| {
            let listener = own.then(|| {
                browser::on_navigation(move || {
                    let q = browser::current_query();
                    let ours = Page::from_path(&browser::current_route()) == Page::Explorer;
                    if ours && !q.is_empty() && q != *written.borrow() {
                        *written.borrow_mut() = q.clone();
                        dispatch.dispatch(Action::Load(Box::new(state_from_query(&q))));
                    }
                })
            });
            move || drop(listener)
        });
    }

    let commit = {
        let dispatch = dispatch.clone();
        use_debounce(
            DEBOUNCE_MS,
            Callback::from(move |_| dispatch.dispatch(Action::Commit)),
        )
    };
    let on_input = use_callback(dispatch.clone(), move |text: String, d| {
        d.dispatch(Action::Type(text));
        commit.emit(());
    });
    // Choosing an example adds a history entry (keeping what was typed in the one before),
    // so Back brings the student's own function back.
    let latest_state = use_mut_ref(|| (*state).clone());
    *latest_state.borrow_mut() = (*state).clone();
    let on_choose = use_callback(dispatch.clone(), move |text: String, d| {
        if own_address {
            let now = latest_state.borrow().clone();
            let mut typed = now.clone();
            typed.good_input = typed.input.clone();
            browser::replace_query(route, &query_from_state(&typed));
            if let Some(next) = now.apply(Action::Choose(text.clone())) {
                let q = query_from_state(&next);
                browser::push_query(route, &q);
                *written.borrow_mut() = q;
            }
        }
        d.dispatch(Action::Choose(text));
    });
    let on_param = use_callback(dispatch.clone(), |(name, value): (String, f64), d| {
        d.dispatch(Action::SetParam(name, value))
    });

    // `?bench`: measure redraws once the page is up (see `bench`).
    let bench_result = use_state(|| None::<String>);
    {
        let dispatch = dispatch.clone();
        let bench_result = bench_result.clone();
        let view = state.view;
        use_effect_with(query::has(&start_query, "bench"), move |bench| {
            if *bench {
                let report = Callback::from(move |r: String| {
                    web_sys::console::log_1(&format!("slope bench: {r}").into());
                    bench_result.set(Some(r));
                });
                wasm_bindgen_futures::spawn_local(super::bench::run(view, dispatch, report));
            }
        });
    }

    let painted = use_painted();
    let error = state
        .error
        .as_ref()
        .filter(|(input, _)| *input == state.input)
        .map(|(_, e)| e.clone());
    let stale = state.error.is_some();
    let var = study
        .as_ref()
        .as_ref()
        .map(|s| s.var.clone())
        .unwrap_or_else(|| "x".into());

    html! {
        <div class="lesson explorer-page">
            <h1 class="page-title">{ Page::Explorer.title() }</h1>
            <section class="panel controls" aria-label="Function">
                <FunctionInput value={state.input.clone()} {error} var={var.clone()} {on_input}
                    more_help={html! { <a class="nowrap" href={format!("#{}", Page::Typing.path())}>{ "How to type a function" }</a> }} />
                <div class="control-row">
                    <ExamplesSelect current={state.good_input.clone()} {on_choose} />
                    <ShareButton url={browser::address(route, &query)} />
                </div>
            </section>
            if let Some(study) = study.as_ref().clone() {
                { parameters(&study.parameters.iter().cloned().zip(param_values.iter().copied()).collect::<Vec<_>>(),
                    &study.var, &on_param) }
                <Plots study={study.clone()} view={state.view} {stale}
                    x0={state.x0} h={state.h} method={state.method} dispatch={dispatch.clone()} />
                <Secant study={study.clone()} view={state.view} x0={state.x0} h={state.h} method={state.method}
                    playing={state.playing} dispatch={dispatch.clone()} />
                // Below the plots: one painted frame later on the first screen.
                if painted {
                    <DerivativePanel study={study.clone()} {stale} />
                    <QuotientTable {study} x0={state.x0} />
                }
            }
            if let Some(r) = (*bench_result).clone() {
                <pre class="panel" data-testid="bench-result">{ r }</pre>
            }
        </div>
    }
}
