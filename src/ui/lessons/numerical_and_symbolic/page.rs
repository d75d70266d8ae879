//! The page: quotients and their errors on the seed's parabola (the explorer's table and error
//! plot, at x = 1), a symbolic derivation, why round-off wins, the cusp, and when to use which.

use std::rc::Rc;

use yew::prelude::*;

use crate::math::numeric::Limit;
use crate::math::Study;
use crate::plot::format::{precise, value};
use crate::ui::course::Page;
use crate::ui::widgets::math_view::definition;
use crate::ui::widgets::prose::prose;
use crate::ui::widgets::quotient_table::QuotientTable;
use crate::ui::widgets::worked::{derivation, explorer_href};

use super::{
    cusp, CUSP, CUSP_H, INTRO, NUMERIC_AT, NUMERIC_EXAMPLE, QUOTIENTS, ROUND_OFF, SYMBOLIC_EXAMPLE,
    WHEN,
};

fn limit(l: Limit) -> String {
    match l {
        Limit::Finite(v) => value(v),
        Limit::PlusInfinity => "+∞".into(),
        Limit::MinusInfinity => "−∞".into(),
        Limit::Unknown => "no limit".into(),
    }
}

/// The page (rendered once per visit).
pub fn numerical_and_symbolic() -> Html {
    let numeric = Study::parse(NUMERIC_EXAMPLE).ok().map(Rc::new);
    let symbolic = Study::parse(SYMBOLIC_EXAMPLE).ok().map(Rc::new);
    let cusp = cusp();
    html! {
        <article class="lesson">
            <h1 class="page-title">{ Page::NumericalAndSymbolic.title() }</h1>
            <div class="prose">{ prose(INTRO) }</div>
            <h2>{ "Numerical: difference quotients" }</h2>
            <div class="prose">{ prose(QUOTIENTS) }</div>
            if let Some(s) = numeric {
                <p>{ definition("f", &s.var, &s.f, false) }
                    { format!(" at x = {}: the exact derivative is f′({}) = {}.", value(NUMERIC_AT), value(NUMERIC_AT), precise(s.df_at(NUMERIC_AT), 10)) }
                    { " " }<a href={explorer_href(NUMERIC_EXAMPLE, NUMERIC_AT)}>{ "Open in explorer" }</a></p>
                <QuotientTable study={s} x0={NUMERIC_AT} />
            }
            <h2>{ "Symbolic: the rules" }</h2>
            <p>{ "The same question by the rules: every step named, and a formula that holds for every x." }</p>
            if let Some(s) = symbolic {
                <section class="panel example">
                    <h3>{ "By the rules: " }{ definition("f", &s.var, &s.f, false) }</h3>
                    { derivation(&s, false) }
                    <a href={explorer_href(SYMBOLIC_EXAMPLE, 1.0)}>{ "Open in explorer" }</a>
                </section>
            }
            <h2>{ "Why round-off wins below h ≈ 10⁻⁸" }</h2>
            <div class="prose">{ prose(ROUND_OFF) }</div>
            <h2>{ "A warning: the cusp" }</h2>
            if let Some(c) = cusp {
                <div class="prose" data-testid="cusp">
                    <p>{ format!("f(x) = {CUSP} has a sharp point at 0. Its central quotient there, with h = {}, is ", value(CUSP_H)) }
                        <strong>{ precise(c.central, 6) }</strong>
                        { format!(", and it is 0 for every h, because the curve is symmetric. Yet f′(0) does not exist: the slope from the left tends to {}, from the right to {}. The forward quotient, {}, gives the game away: it grows without bound as h shrinks.",
                            limit(c.left), limit(c.right), precise(c.forward, 6)) }</p>
                    <p>{ "A number from a difference quotient is only as good as the function is smooth. The symbolic derivative says so at once: " }
                        if let Ok(s) = Study::parse(CUSP) {
                            { definition("f′", &s.var, &s.derivation.result, false) }
                        }
                        { " is undefined at 0. " }<a href={explorer_href(CUSP, 0.0)}>{ "See the cusp in the explorer" }</a></p>
                </div>
            }
            <h2>{ "Which to use when" }</h2>
            <div class="prose">{ prose(WHEN) }</div>
        </article>
    }
}
