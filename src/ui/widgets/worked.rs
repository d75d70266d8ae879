//! A worked derivation (every step by the engine, then f′) and the link that opens a function
//! in the explorer: the pieces every lesson's examples are made of.

use std::rc::Rc;

use crate::math::digits::shortest;
use yew::prelude::*;

use crate::math::Study;
use crate::ui::course::Page;
use crate::ui::query;
use crate::ui::widgets::math_view::definition;
use crate::ui::widgets::step_list::StepList;

/// The explorer's address for a function, with its point x₀.
pub fn explorer_href(f: &str, x0: f64) -> String {
    explorer_address(f, x0, None, &[])
}

/// The explorer's address for a function, its point x₀, optionally its view (x from, to) and
/// the values of its parameters.
pub fn explorer_address(
    f: &str,
    x0: f64,
    view: Option<(f64, f64)>,
    parameters: &[(&str, f64)],
) -> String {
    let mut pairs = vec![("f", f.to_string()), ("x0", shortest(x0))];
    if let Some((lo, hi)) = view {
        pairs.push(("xmin", shortest(lo)));
        pairs.push(("xmax", shortest(hi)));
    }
    let named: Vec<(String, String)> = parameters
        .iter()
        .map(|(p, v)| (format!("p_{p}"), shortest(*v)))
        .collect();
    pairs.extend(named.iter().map(|(k, v)| (k.as_str(), v.clone())));
    format!("#{}{}", Page::Explorer.path(), query::to_query(&pairs))
}

/// A derivation shown in full: every step, then f′ (and f first when `with_f`).
pub fn derivation(study: &Rc<Study>, with_f: bool) -> Html {
    html! {
        <>
            if with_f {
                <p class="formula">{ definition("f", &study.var, &study.f, false) }</p>
            }
            <StepList study={study.clone()} open=true />
            <p class="formula derivative">{ definition("f′", &study.var, &study.derivation.result, false) }</p>
        </>
    }
}
