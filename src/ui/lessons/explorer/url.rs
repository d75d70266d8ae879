//! The explorer's state in its address (`#/?f=x%5E2&xmin=-5&xmax=5`), so a link reproduces a
//! view.
//! Whatever arrives in the URL is untrusted: it is only ever parsed as a function or a number
//! and shown as text, never as markup.

use super::state::{clamp_h, clamp_x0, State, View, DEFAULT_FUNCTION};
use crate::math::decimal::parse_decimal;
use crate::math::numeric::Method;

/// Longest function we accept from a URL (the parser's own limit applies as well).
const MAX_URL_FUNCTION: usize = 2000;

/// The state a query string (`?f=…`) asks for.
pub fn state_from_query(query: &str) -> State {
    // Read by hand, not by `UrlSearchParams`: a bare `+` typed in an address is plus.
    let get = |k: &str| crate::ui::query::get(query, k);
    let input = get("f")
        .map(|f| f.chars().take(MAX_URL_FUNCTION).collect::<String>())
        .unwrap_or_else(|| DEFAULT_FUNCTION.to_string());
    let number = |k: &str| get(k).and_then(|v| parse_decimal(v.trim()));
    let view = match (number("xmin"), number("xmax")) {
        (Some(a), Some(b)) => View::checked(a, b).unwrap_or(View::DEFAULT),
        _ => View::DEFAULT,
    };
    let mut state = State::new(&input, view);
    // x₀ and h may be written as constants: `x0=pi/4`, `h=1e-3`.
    let constant = |k: &str| {
        get(k)
            .and_then(|v| crate::math::parse(&v).ok())
            .and_then(|e| e.constant_value())
            .filter(|v| v.is_finite())
    };
    if let Some(x0) = constant("x0") {
        state.x0 = clamp_x0(x0);
    }
    if let Some(h) = constant("h").filter(|h| *h != 0.0) {
        state.h = clamp_h(h);
    }
    if let Some(m) = get("q").and_then(|q| Method::from_name(&q)) {
        state.method = m;
    }
    // Parameters: `p_a=2` gives a the value 2.
    for (k, v) in crate::ui::query::parameters(query) {
        let value = crate::math::parse(&v).ok().and_then(|e| e.constant_value());
        if let (Some(name), Some(value)) = (k.strip_prefix("p_"), value) {
            if crate::math::parser::parse_variable(name).is_ok_and(|n| n == name) {
                state.set_param(name, value);
            }
        }
    }
    state
}

/// The query string for a state.
pub fn query_from_state(s: &State) -> String {
    let mut pairs = vec![
        ("f", s.good_input.clone()),
        ("xmin", crate::plot::format::plain(s.view.x_min)),
        ("xmax", crate::plot::format::plain(s.view.x_max)),
        ("x0", crate::plot::format::plain(s.x0)),
        ("h", crate::math::digits::exponential(s.h, None)),
        ("q", s.method.name().to_string()),
    ];
    let params: Vec<(String, String)> = s
        .params
        .iter()
        .map(|(n, v)| (format!("p_{n}"), crate::plot::format::plain(*v)))
        .collect();
    pairs.extend(params.iter().map(|(k, v)| (k.as_str(), v.clone())));
    crate::ui::query::to_query(&pairs)
}
