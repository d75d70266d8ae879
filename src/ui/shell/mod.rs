//! The app shell around every page: a skip link, the header with the site name, the table of
//! contents (a `nav` landmark, a list beside the page on wide screens and behind a Contents
//! button on phones), the page, prev/next links and the footer. Routing is by hash
//! (`index.html#/typing`), so `dist/` works from any folder of any static host with no
//! rewrite rules; `course::Page` is the one `Routable` enum.

use wasm_bindgen::JsCast;
use yew::functional::{Hook, HookContext};
use yew::prelude::*;

use crate::ui::browser;
use crate::ui::course::Page;
use crate::ui::lessons;
use crate::ui::widgets::rule_lesson::rule_lesson_page;

pub mod embed;

/// Where the reader is: the page, how many times its address changed under it (a new
/// visit starts the page afresh from its address: a pasted link, Back, Forward, a message),
/// and whether it is the embed form.
#[derive(Clone, Copy, PartialEq)]
struct Here {
    page: Page,
    visit: u32,
    embed: bool,
}

impl Here {
    fn now(visit: u32) -> Here {
        Here {
            page: Page::from_path(&browser::current_route()),
            visit,
            embed: crate::ui::embed::is_embed(&browser::current_query()),
        }
    }
}

/// The whole site: the page named by the address's hash, inside the shell.
#[function_component(App)]
pub fn app() -> Html {
    let here = use_state_eq(|| Here::now(0));
    let visits = use_mut_ref(|| 0u32);
    let reload = {
        let here = here.clone();
        Callback::from(move |()| {
            embed::apply_theme();
            *visits.borrow_mut() += 1;
            here.set(Here::now(*visits.borrow()));
        })
    };
    {
        // Following a link changes the hash; so do Back, Forward and a pasted address. Inside
        // an iframe, the parent's messages may change it too.
        let reload = reload.clone();
        use_effect_with((), move |_| {
            let listener = browser::on_address_change({
                let reload = reload.clone();
                move || reload.emit(())
            });
            let api = embed::listen(reload);
            move || drop((listener, api))
        });
    }
    html! { <Shell page={here.page} visit={here.visit} embed={here.embed} /> }
}

/// A link to a page of the course: a plain `<a href="#/…">`, so the browser itself keeps the
/// history (Back, Forward, open in a new tab) and the app only listens. `current` marks the
/// page being read (`aria-current`).
fn page_link(
    to: Page,
    current: bool,
    class: &'static str,
    rel: Option<&'static str>,
    body: Html,
) -> Html {
    html! {
        <a href={format!("#{}", to.path())} class={class} rel={rel}
            data-testid={rel} aria-current={current.then_some("page")}>
            { body }
        </a>
    }
}

#[derive(Properties, PartialEq)]
struct ShellProps {
    page: Page,
    visit: u32,
    embed: bool,
}

#[function_component(Shell)]
fn shell(props: &ShellProps) -> Html {
    let page = props.page;
    let toc_open = use_state(|| false);
    let main_ref = use_node_ref();
    let content_ref = use_node_ref();
    let embed_button = embed::use_embed_button(page, content_ref.clone());
    {
        // The embed form tells the page around it how tall it is.
        let content_ref = content_ref.clone();
        use_effect_with(props.embed, move |embedded| {
            let heights = embedded
                .then(|| content_ref.cast::<web_sys::Element>())
                .flatten()
                .and_then(|e| embed::report_heights(&e));
            move || drop(heights)
        });
    }

    // A new page: its title in the tab, the Contents list closed, and (after a link was
    // followed, not on first load) the focus on the page so a screen reader starts there.
    {
        let toc_open = toc_open.clone();
        let main_ref = main_ref.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(page, move |page| {
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                doc.set_title(&format!("{} — Slope", page.title()));
            }
            toc_open.set(false);
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                if let Some(main) = main_ref.cast::<web_sys::HtmlElement>() {
                    let _ = main.focus();
                }
                if let Some(w) = web_sys::window() {
                    w.scroll_to_with_x_and_y(0.0, 0.0);
                }
            }
        });
    }
    let toggle = {
        let toc_open = toc_open.clone();
        Callback::from(move |_| toc_open.set(!*toc_open))
    };
    // Escape closes the phone's Contents list and gives the focus back to its button.
    let toggle_ref = use_node_ref();
    let onkeydown = {
        let (toc_open, toggle_ref) = (toc_open.clone(), toggle_ref.clone());
        Callback::from(move |e: KeyboardEvent| {
            if *toc_open && e.key() == "Escape" {
                toc_open.set(false);
                if let Some(b) = toggle_ref.cast::<web_sys::HtmlElement>() {
                    let _ = b.focus();
                }
            }
        })
    };
    let skip = {
        let main_ref = main_ref.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            if let Some(main) = main_ref.cast::<web_sys::HtmlElement>() {
                let _ = main.focus();
                main.unchecked_ref::<web_sys::Element>().scroll_into_view();
            }
        })
    };

    let content = render(page, props.visit);
    if props.embed {
        let full = browser::address(
            page.path(),
            &crate::ui::embed::full_page(&browser::current_query()),
        );
        return html! {
            <div class="app embed" ref={content_ref}>
                <main id="main" ref={main_ref} tabindex="-1" class="page-main">
                    { content }
                </main>
                <nav class="embed-open" aria-label="Slope">
                    <a href={full} target="_blank" rel="noopener">{ "Open in Slope" }</a>
                </nav>
            </div>
        };
    }
    html! {
        <div class="app" {onkeydown}>
            <a class="skip-link" href="#main" onclick={skip}>{ "Skip to the page" }</a>
            <header class="site-header">
                { page_link(Page::Explorer, false, "brand", None, html! {
                    <><span class="logo" aria-hidden="true">{ "∂" }</span>{ "Slope" }</>
                }) }
                <span class="tagline">{ "See derivatives being born." }</span>
                <button type="button" class="button toc-toggle" ref={toggle_ref} aria-expanded={(*toc_open).to_string()}
                    aria-controls="toc" onclick={toggle} data-testid="toc-toggle">
                    { "Contents" }
                </button>
            </header>
            <div class="layout">
                <nav id="toc" class={classes!("toc", (*toc_open).then_some("open"))} aria-label="Table of contents" data-testid="toc">
                    <ol>
                        { for Page::COURSE.iter().map(|p| html! {
                            <li>{ page_link(*p, *p == page, "", None, html! { p.title() }) }</li>
                        }) }
                    </ol>
                </nav>
                <main id="main" ref={main_ref} tabindex="-1" class="page-main">
                    <div ref={content_ref.clone()}>{ content }</div>
                    { embed_button }
                    { pager(page) }
                </main>
            </div>
            <footer class="site-footer">
                <p>{ "Slope computes everything in your browser, in Rust compiled to WebAssembly, and works offline after your first visit." }</p>
            </footer>
        </div>
    }
}

/// Every page, run as one component type (keyed by the page and the visit, so its hooks
/// start afresh from the address on every page and every outside change of the address):
/// one component type for all of them instead of one each saves the generic code Yew writes
/// per component (about 1 KB each).
#[derive(Properties, PartialEq)]
struct LessonProps {
    page: Page,
}

#[function_component(LessonHost)]
fn lesson_host(props: &LessonProps) -> Html {
    use_lesson(props.page)
}

/// What each page renders: the one table of it, exhaustive, so a page added to `Page` and
/// forgotten here does not compile. Always the same hook for a host, since a host never
/// changes page (the key), so hook order is kept.
fn use_lesson(page: Page) -> impl Hook<Output = Html> {
    struct Lesson(Page);
    impl Hook for Lesson {
        type Output = Html;
        fn run(self, ctx: &mut HookContext) -> Html {
            let page = self.0;
            match page {
                Page::Explorer => lessons::explorer::use_explorer(None, false).run(ctx),
                Page::WhatIsADerivative => lessons::what_is_a_derivative::use_page().run(ctx),
                Page::RateOfChange => lessons::rate_of_change::use_page().run(ctx),
                Page::TableOfDerivatives => lessons::table_of_derivatives::use_page().run(ctx),
                Page::SecondDerivatives => lessons::second_derivatives::use_page().run(ctx),
                Page::ActivationFunctions => lessons::activation_functions::use_page().run(ctx),
                Page::Softmax => lessons::softmax::use_page().run(ctx),
                Page::Neuron => lessons::neuron::use_page().run(ctx),
                Page::PartialDerivatives => lessons::partial_derivatives::use_page().run(ctx),
                Page::GradientDescent => lessons::gradient_descent::use_page().run(ctx),
                Page::Backpropagation => lessons::backpropagation::use_page().run(ctx),
                Page::LossFunctions => lessons::loss_functions::use_page().run(ctx),
                Page::Practice => lessons::practice::use_page().run(ctx),
                Page::Typing => lessons::typing::typing(),
                Page::NumericalAndSymbolic => {
                    lessons::numerical_and_symbolic::numerical_and_symbolic()
                }
                Page::PowerRule => rule_lesson_page(page, &lessons::power_rule::CONTENT),
                Page::ConstantMultipleRule => {
                    rule_lesson_page(page, &lessons::constant_multiple_rule::CONTENT)
                }
                Page::SumRule => rule_lesson_page(page, &lessons::sum_rule::CONTENT),
                Page::ProductRule => rule_lesson_page(page, &lessons::product_rule::CONTENT),
                Page::QuotientRule => rule_lesson_page(page, &lessons::quotient_rule::CONTENT),
                Page::ChainRule => rule_lesson_page(page, &lessons::chain_rule::CONTENT),
                Page::NotFound => html! {
                    <section class="panel">
                        <h1>{ Page::NotFound.title() }</h1>
                        <p>{ "There is no page of Slope at this address. The table of contents lists them all." }</p>
                        <p>{ page_link(Page::Explorer, false, "", None, html! { "Open the derivative explorer" }) }</p>
                    </section>
                },
            }
        }
    }
    Lesson(page)
}

fn render(page: Page, visit: u32) -> Html {
    html! { <LessonHost {page} key={format!("{}#{visit}", page.path())} /> }
}

/// Previous and next page of the course.
fn pager(page: Page) -> Html {
    let (prev, next) = (page.prev(), page.next());
    if prev.is_none() && next.is_none() {
        return html! {};
    }
    html! {
        <nav class="pager" aria-label="Previous and next page">
            if let Some(p) = prev {
                { page_link(p, false, "pager-prev", Some("prev"), html! {
                    <><span class="pager-dir">{ "← Previous" }</span><span class="pager-title">{ p.title() }</span></>
                }) }
            }
            if let Some(n) = next {
                { page_link(n, false, "pager-next", Some("next"), html! {
                    <><span class="pager-dir">{ "Next →" }</span><span class="pager-title">{ n.title() }</span></>
                }) }
            }
        </nav>
    }
}
