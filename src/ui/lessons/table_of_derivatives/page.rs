//! The page: sliders n and a, then one table with a heading row per group: the function (its
//! name, formula and explorer link), its derivative by the engine (and, for rows with n or a,
//! the instance at the sliders' values), and a sketch of both.

use yew::prelude::*;

use crate::math::layout::layout;
use crate::math::{to_speech, to_text, Expr, Study};
use crate::plot::format::value;
use crate::ui::course::Page;
use crate::ui::hooks::use_address::use_address;
use crate::ui::widgets::math_view::math_layout;
use crate::ui::widgets::prose::prose;
use crate::ui::widgets::slider::number_slider;
use crate::ui::widgets::sparkline::sparkline;
use crate::ui::widgets::worked::explorer_address;

use super::*;

fn formula(e: &Expr) -> Html {
    math_layout(&layout(e), &to_speech(e), false)
}

fn row_html(row: &Row, n: f64, a: f64) -> Html {
    let Some(s) = study(row.f) else {
        return html! {};
    };
    let values = parameter_values(&s, n, a);
    let sketched = if s.parameters.is_empty() {
        s.clone()
    } else {
        s.with_parameter_values(&values)
    };
    let inst = instance(&s, n, a);
    let named: Vec<(&str, f64)> = s
        .parameters
        .iter()
        .map(String::as_str)
        .zip(values.iter().copied())
        .collect();
    let href = explorer_address(&explorer_text(row.f), 1.0, Some(row.range), &named);
    let with = |i: &Study| {
        let values: Vec<String> = s
            .parameters
            .iter()
            .zip(&values)
            .map(|(p, v)| format!("{p} = {}", value(*v)))
            .collect();
        html! {
            <p class="instance" data-testid="table-instance">
                { format!("With {}: ", values.join(", ")) }{ formula(&i.f) }{ " → " }
                <span data-testid="instance-df">{ formula(&i.derivation.result) }</span>
            </p>
        }
    };
    html! {
        <tr data-testid="table-row" data-f={row.f}>
            <th scope="row">
                <span class="row-name">{ row.name }</span>
                <span class="row-f">{ formula(&s.f) }</span>
                <a href={href} aria-label={format!("Open in explorer: {}", to_text(&s.f))}>{ "Open in explorer" }</a>
            </th>
            <td>
                <span data-testid="table-df" data-text={to_text(&s.derivation.result)}>{ formula(&s.derivation.result) }</span>
                if let Some(i) = &inst { { with(i) } }
                <p class="note">{ row.note }</p>
            </td>
            <td class="sketch">{ sparkline(&sketched, row.range) }</td>
        </tr>
    }
}

/// The page, as a hook the shell's lesson host runs (see `ui::shell::LessonHost`).
#[hook]
pub fn use_page() -> Html {
    let na = use_state(|| from_query(&crate::ui::browser::current_query()));
    let (n, a) = *na;
    use_address(Page::TableOfDerivatives.path(), to_query(n, a));
    let on_n = {
        let na = na.clone();
        Callback::from(move |v: f64| na.set((v, na.1)))
    };
    let on_a = {
        let na = na.clone();
        Callback::from(move |v: f64| na.set((na.0, fix_a(v))))
    };
    html! {
        <article class="lesson">
            <h1 class="page-title">{ Page::TableOfDerivatives.title() }</h1>
            <div class="prose">{ prose(INTRO) }</div>
            <div class="panel table-controls">
                { number_slider(html! { "n" }, "n", N_RANGE, N_STEP, 1.0, n, on_n, "n-slider".into()) }
                { number_slider(html! { "a" }, "a", A_RANGE, A_STEP, 1.0, a, on_a, "a-slider".into()) }
            </div>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Table of derivatives">
                <table class="derivative-table" data-testid="derivative-table">
                    <thead><tr>
                        <th scope="col">{ "Function f(x)" }</th>
                        <th scope="col">{ "Derivative f′(x)" }</th>
                        <th scope="col">{ "Sketch" }</th>
                    </tr></thead>
                    { for GROUPS.iter().map(|g| html! {
                        <tbody>
                            <tr class="group"><th colspan="3" scope="colgroup">{ g.heading }</th></tr>
                            { for g.rows.iter().map(|r| row_html(r, n, a)) }
                        </tbody>
                    }) }
                    <tbody>
                        <tr data-testid="softmax-row">
                            <th scope="row">
                                <span class="row-name">{ "Softmax" }</span><span class="row-f">{ prose(SOFTMAX_F) }</span>
                                <a href={format!("#{}", Page::Softmax.path())} data-testid="softmax-link">{ Page::Softmax.title() }</a>
                            </th>
                            <td>{ prose(SOFTMAX_DF) }<p class="note">{ SOFTMAX_NOTE }</p></td>
                            <td class="sketch"></td>
                        </tr>
                    </tbody>
                </table>
            </div>
        </article>
    }
}
