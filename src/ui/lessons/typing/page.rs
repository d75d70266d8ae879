//! The page: one table per section (what you type, how Slope reads it, a link to the
//! explorer), then the two rules that settle ambiguous input.

use yew::prelude::*;

use crate::math::parse;
use crate::ui::course::Page;
use crate::ui::query;
use crate::ui::widgets::math_view::math_layout;

use super::SECTIONS;

fn read_as(input: &str) -> Html {
    match parse(input) {
        Ok(e) => math_layout(
            &crate::math::layout::layout(&e),
            &crate::math::to_speech(&e),
            false,
        ),
        // The tests keep every example readable; should one ever fail, say so.
        Err(err) => html! { <span class="error-message">{ err.message() }</span> },
    }
}

/// The page (rendered once per visit, one per document: its ids are fixed).
pub fn typing() -> Html {
    let id = "typing";
    html! {
        <div class="lesson typing-page">
            <h1 class="page-title">{ Page::Typing.title() }</h1>
            <p class="lead">{ "Type a function the way you would write it. Slope always shows how it read your input, so a surprise is visible at once; what it cannot read is refused with a message that points at the spot, never guessed." }</p>
            { for SECTIONS.iter().enumerate().map(|(n, s)| html! {
                <section class="panel" aria-labelledby={format!("{id}-{n}")}>
                    <h2 id={format!("{id}-{n}")}>{ s.title }</h2>
                    <p class="hint">{ s.about }</p>
                    <div class="table-scroll" tabindex="0" role="region" aria-label={format!("Examples: {}", s.title)}>
                        <table class="typing-table">
                            <thead><tr>
                                <th scope="col">{ "You type" }</th>
                                <th scope="col">{ "Slope reads" }</th>
                                <th scope="col" class="wide-only">{ "Note" }</th>
                                <th scope="col"><span class="sr-only">{ "Link" }</span></th>
                            </tr></thead>
                            <tbody>
                                { for s.examples.iter().map(|(input, note)| html! {
                                    <tr>
                                        <td><code>{ *input }</code><span class="narrow-only note">{ *note }</span></td>
                                        <td class="formula">{ read_as(input) }</td>
                                        <td class="wide-only">{ *note }</td>
                                        <td><a href={format!("#/{}", query::to_query(&[("f", input.to_string())]))}
                                            aria-label={format!("Open in explorer: {input}")}>{ "Open in explorer" }</a></td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                </section>
            }) }
            <section class="panel" aria-labelledby={format!("{id}-rules")}>
                <h2 id={format!("{id}-rules")}>{ "Two rules for ambiguous input" }</h2>
                <ul class="rules">
                    <li>{ "Implicit multiplication binds exactly like *, left to right: 1/2x is (1/2)·x and e^2x is e²·x. A power binds tighter: 2x^2 is 2·x². Write 1/(2x) or e^(2x) for the other reading." }</li>
                    <li>{ "A run of letters is split into known names and single letters (xsinx is x·sin x). Right before a bracket it is a function name, so round(x) is refused as an unknown function rather than read as r·o·u·n·d·x." }</li>
                </ul>
            </section>
        </div>
    }
}
