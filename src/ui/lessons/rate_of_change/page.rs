//! The page: x³ in the two-point widget (`widgets::secant_pair`: points a and b, both rates,
//! Bring b to a), a and b kept in the address, and the seed's numbers computed when the page
//! renders.

use std::rc::Rc;

use yew::prelude::*;

use crate::math::Study;
use crate::plot::format::value;
use crate::ui::browser;
use crate::ui::course::Page;
use crate::ui::hooks::use_address::use_address;
use crate::ui::secant::average;
use crate::ui::widgets::prose::prose;
use crate::ui::widgets::secant_pair::SecantPair;

use super::{from_query, to_query, FUNCTION, INTRO, OUTRO, START, STEP, VIEW};

/// The page, as a hook the shell's lesson host runs (see `ui::shell::LessonHost`).
#[hook]
pub fn use_page() -> Html {
    let study = use_memo((), |_| Study::parse(FUNCTION).ok().map(Rc::new));
    let ab = use_state(|| from_query(&browser::current_query()));
    let (a, b) = *ab;
    use_address(Page::RateOfChange.path(), to_query(a, b));
    let on_change = {
        let ab = ab.clone();
        use_callback((), move |v: (f64, f64), _| ab.set(v))
    };
    let Some(s) = study.as_ref().clone() else {
        return html! {};
    };
    // The seed's numbers, computed: on [1, 2] and at 1.
    let seed_avg = average(&s, START.0, START.1).unwrap_or(f64::NAN);
    let seed_inst = s.df_at(START.0);
    html! {
        <article class="lesson">
            <h1 class="page-title">{ Page::RateOfChange.title() }</h1>
            <div class="prose">{ prose(INTRO) }</div>
            <SecantPair study={s.clone()} title="f(x) = x³" view={VIEW} step={STEP} {a} {b} {on_change} />
            <p data-testid="classic">{ format!("A classic pair of numbers: on [{}, {}] the average rate of x³ is {}, while at x = {} the instantaneous rate is {}.",
                value(START.0), value(START.1), value(seed_avg), value(START.0), value(seed_inst)) }</p>
            <div class="prose">{ prose(OUTRO) }</div>
        </article>
    }
}
