//! The page: one reducer holds the state (see `state`), derived values come from `use_memo`,
//! and the URL follows the state so a link reproduces the view.

use std::rc::Rc;

use yew::prelude::*;

use crate::math::Study;
use crate::ui::components::derivative_panel::DerivativePanel;
use crate::ui::components::examples_select::ExamplesSelect;
use crate::ui::components::explorer::Explorer;
use crate::ui::components::function_input::FunctionInput;
use crate::ui::components::parameters::Parameters;
use crate::ui::components::plots::Plots;
use crate::ui::components::quotient_table::QuotientTable;
use crate::ui::components::share_button::ShareButton;
use crate::ui::hooks::use_debounce::use_debounce;
use crate::ui::state::Action;
use crate::ui::url;

/// How long typing must pause before the plots follow.
const DEBOUNCE_MS: u32 = 150;
/// How long the state must rest before the address bar is updated.
const URL_QUIET_MS: u32 = 250;

/// The parsed study and its parameters' values, as a memo key: the study by identity.
struct StudyKey(Rc<Option<Rc<Study>>>, Vec<f64>);

impl PartialEq for StudyKey {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) && self.1 == other.1
    }
}

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The query string to start from; `None` reads the page's own address.
    #[prop_or_default]
    pub query: Option<AttrValue>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = {
        let query = props
            .query
            .as_ref()
            .map(|q| q.to_string())
            .unwrap_or_else(url::current_query);
        use_reducer(move || url::state_from_query(&query))
    };
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
    let study = use_memo(StudyKey(parsed.clone(), param_values.clone()), |key| {
        key.0.as_ref().as_ref().map(|s| {
            if s.parameters.is_empty() {
                s.clone()
            } else {
                Rc::new(s.with_parameter_values(&key.1))
            }
        })
    });
    let on_param = {
        let state = state.clone();
        Callback::from(move |(name, value): (String, f64)| {
            state.dispatch(Action::SetParam(name, value))
        })
    };

    // The address follows the state, but quietly: browsers refuse more than ~100 history
    // updates per 10 s, and dragging or playing changes the state every frame.
    let query = url::query_from_state(&state);
    let latest_query = use_mut_ref(String::new);
    *latest_query.borrow_mut() = query.clone();
    let write_url = {
        let latest_query = latest_query.clone();
        use_debounce(
            URL_QUIET_MS,
            Callback::from(move |_| url::replace_query(&latest_query.borrow())),
        )
    };
    {
        let write_url = write_url.clone();
        use_effect_with(query.clone(), move |_| write_url.emit(()));
    }

    let commit = {
        let state = state.clone();
        use_debounce(
            DEBOUNCE_MS,
            Callback::from(move |_| state.dispatch(Action::Commit)),
        )
    };
    let on_input = {
        let state = state.clone();
        Callback::from(move |text: String| {
            state.dispatch(Action::Type(text));
            commit.emit(());
        })
    };
    let on_choose = {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(Action::Choose(text)))
    };
    let dispatch = {
        let state = state.clone();
        Callback::from(move |a: Action| state.dispatch(a))
    };

    // `?bench`: measure redraws once the page is up (see ui::bench).
    let bench_result = use_state(|| None::<String>);
    {
        let query = props
            .query
            .as_ref()
            .map(|q| q.to_string())
            .unwrap_or_else(url::current_query);
        let dispatch = dispatch.clone();
        let bench_result = bench_result.clone();
        let view = state.view;
        use_effect_with(url::has_flag(&query, "bench"), move |bench| {
            if *bench {
                let report = Callback::from(move |r: String| {
                    web_sys::console::log_1(&format!("slope bench: {r}").into());
                    bench_result.set(Some(r));
                });
                wasm_bindgen_futures::spawn_local(crate::ui::bench::run(view, dispatch, report));
            }
        });
    }

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
        <div class="page">
            <header class="site-header">
                <h1 class="brand"><span class="logo" aria-hidden="true">{ "∂" }</span>{ "Slope" }</h1>
                <p class="tagline">{ "Type a function and watch its derivative appear: f on the left, f′ on the right, every rule spelled out." }</p>
            </header>
            <main>
                <section class="panel controls" aria-label="Function">
                    <FunctionInput value={state.input.clone()} {error} var={var.clone()} {on_input} />
                    <div class="control-row">
                        <ExamplesSelect current={state.good_input.clone()} {on_choose} />
                        <ShareButton url={url::share_url(&query)} />
                    </div>
                </section>
                if let Some(study) = study.as_ref().clone() {
                    <DerivativePanel study={study.clone()} {stale} />
                    <Parameters params={study.parameters.iter().cloned().zip(param_values.iter().copied()).collect::<Vec<_>>()}
                        var={study.var.clone()} on_change={on_param} />
                    <Explorer study={study.clone()} view={state.view} x0={state.x0} h={state.h} method={state.method}
                        playing={state.playing} on_action={dispatch.clone()} />
                    <Plots study={study.clone()} view={state.view} cursor={state.cursor} {stale}
                        x0={state.x0} h={state.h} method={state.method} on_action={dispatch.clone()} />
                    <QuotientTable {study} x0={state.x0} />
                }
            </main>
            if let Some(r) = (*bench_result).clone() {
                <pre class="panel" data-testid="bench-result">{ r }</pre>
            }
            <footer class="site-footer">
                <p>{ "Slope computes everything in your browser, in Rust compiled to WebAssembly." }</p>
            </footer>
        </div>
    }
}
