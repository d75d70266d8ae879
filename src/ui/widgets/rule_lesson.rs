//! A rule lesson's page, from its content (`ui::content::RuleLesson`): the opening words, the
//! rule as a formula with its sentence, why it holds, worked examples that the engine derives
//! step by step (each with "Open in explorer"), "Try your own" (its function kept in the
//! address: `#/power-rule?f=x^5`), and what to watch out for.

use std::rc::Rc;

use yew::prelude::*;

use crate::math::{to_text, Study};
use crate::ui::browser;
use crate::ui::content::{Picture, RuleLesson};
use crate::ui::course::Page;
use crate::ui::hooks::use_address::use_address;
use crate::ui::hooks::use_typed_function::use_typed_function;
use crate::ui::query;
use crate::ui::widgets::chain_stretch::ChainStretch;
use crate::ui::widgets::function_input::FunctionInput;
use crate::ui::widgets::math_view::definition;
use crate::ui::widgets::product_area::ProductArea;
use crate::ui::widgets::prose::prose;
use crate::ui::widgets::worked::{derivation, explorer_href};

/// Worked example `n`: the engine derives `f` step by step (the page renders once, so there
/// is nothing to memoise).
fn worked_example(f: &'static str, n: usize) -> Html {
    let Ok(study) = Study::parse(f).map(Rc::new) else {
        return html! {};
    };
    html! {
        <section class="panel example" data-testid="example">
            <h3>{ format!("Example {n}: ") }{ definition("f", &study.var, &study.f, false) }</h3>
            { derivation(&study, false) }
            <a href={explorer_href(f, 1.0)}>{ "Open in explorer" }</a>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct TryProps {
    route: &'static str,
    first: &'static str,
}

/// "Try your own": any function, derived step by step as it is typed.
#[function_component(TryYourOwn)]
fn try_your_own(props: &TryProps) -> Html {
    let typed = use_typed_function(
        query::get(&browser::current_query(), "f").unwrap_or_else(|| props.first.to_string()),
    );
    use_address(
        props.route,
        query::to_query(&[("f", typed.committed.clone())]),
    );
    let var = typed
        .shown
        .as_ref()
        .map(|s| s.var.clone())
        .unwrap_or_else(|| "x".into());
    html! {
        <section class="panel try" aria-label="Try your own" data-testid="try">
            <h2>{ "Try your own" }</h2>
            <FunctionInput value={typed.input} error={typed.error} {var} on_input={typed.on_input} />
            if let Some(study) = typed.shown {
                <div data-testid="try-result" class={classes!(typed.stale.then_some("stale"))}>
                    { derivation(&study, true) }
                    <a href={explorer_href(&to_text(&study.f), 1.0)}>{ "Open in explorer" }</a>
                </div>
            }
        </section>
    }
}

/// A rule lesson's page (a plain function: only Try your own has state, and it is keyed by
/// the page, so moving to the next rule lesson starts it afresh).
pub fn rule_lesson_page(page: Page, c: &'static RuleLesson) -> Html {
    html! {
        <article class="lesson rule-lesson">
            <h1 class="page-title">{ page.title() }</h1>
            <div class="prose">{ prose(c.intro) }</div>
            <section class="panel rule" aria-label="The rule">
                { prose(c.rule) }
                <p class="hint">{ c.rule_words }</p>
            </section>
            <h2>{ "Why it works" }</h2>
            <div class="prose">{ prose(c.why) }</div>
            { match c.picture {
                Picture::ProductArea => html! { <ProductArea /> },
                Picture::ChainStretch => html! { <ChainStretch /> },
                Picture::None => html! {},
            } }
            <h2>{ "Worked examples" }</h2>
            <div class="examples">
                { for c.examples.iter().enumerate().map(|(i, f)| worked_example(f, i + 1)) }
            </div>
            <TryYourOwn key={page.path()} route={page.path()} first={c.try_first} />
            <h2>{ "Watch out" }</h2>
            <div class="prose">{ prose(c.watch_out) }</div>
        </article>
    }
}
