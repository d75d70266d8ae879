//! The parameters of the typed function (letters other than its variable): a sentence that
//! says what they are and the value each is plotted with, and a slider for each.

use yew::prelude::*;

use crate::plot::format::value as format_value;
use crate::ui::widgets::slider::number_slider;

/// Default slider range; a value from the URL outside it widens the range.
const RANGE: f64 = 5.0;
const STEP: f64 = 0.1;

/// "a is a parameter, plotted with a = 1. The derivative with respect to x treats it as
/// constant." (and the plural for several)
pub fn notice(params: &[(String, f64)], var: &str) -> String {
    let names: Vec<&str> = params.iter().map(|(n, _)| n.as_str()).collect();
    let values: Vec<String> = params
        .iter()
        .map(|(n, v)| format!("{n} = {}", format_value(*v)))
        .collect();
    let list = |xs: &[String]| match xs {
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
        [] => String::new(),
    };
    let names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    let (is, noun, them) = if params.len() == 1 {
        ("is", "a parameter", "it")
    } else {
        ("are", "parameters", "them")
    };
    format!(
        "{} {is} {noun}, plotted with {}. The derivative with respect to {var} treats {them} as constant.",
        list(&names),
        list(&values)
    )
}

/// The parameters of a function (names with their values), the notice and a slider each;
/// `on_change` gets a parameter's name and new value. Nothing when there are none.
pub fn parameters(
    params: &[(String, f64)],
    var: &str,
    on_change: &Callback<(String, f64)>,
) -> Html {
    if params.is_empty() {
        return html! {};
    }
    html! {
        <section class="panel parameters" aria-label="Parameters" data-testid="parameters">
            <p class="hint" data-testid="parameter-notice">{ notice(params, var) }</p>
            <div class="parameter-sliders">
                { for params.iter().map(|(name, value)| {
                    let on_change = on_change.clone();
                    let key = name.clone();
                    let on_change = Callback::from(move |v: f64| on_change.emit((key.clone(), v)));
                    number_slider(html! { format!("Parameter {name}") }, name, (value.min(-RANGE), value.max(RANGE)),
                        STEP, 1.0, *value, on_change, format!("param-{name}").into())
                }) }
            </div>
        </section>
    }
}
