//! The Function field: where the student types f(x). A parse error is announced (role
//! `alert`) in words and underlined in place, over the very characters that caused it.

use yew::prelude::*;

use crate::math::ParseError;

#[derive(Properties, PartialEq)]
pub struct FunctionInputProps {
    pub value: AttrValue,
    /// The error for `value`, if it does not parse.
    pub error: Option<ParseError>,
    pub var: AttrValue,
    pub on_input: Callback<String>,
    /// Extra help after the one-line typing hint (a link to the guide, say).
    #[prop_or_default]
    pub more_help: Html,
    /// The field's label: "Function", or "Your derivative" on Practice.
    #[prop_or(AttrValue::Static("Function"))]
    pub label: AttrValue,
    /// The name before `(x) =`: `f`, or `f′` for a derivative.
    #[prop_or(AttrValue::Static("f"))]
    pub name: AttrValue,
    /// The input's and the error's `data-testid`.
    #[prop_or(("function-input", "error"))]
    pub testids: (&'static str, &'static str),
    /// Enter in the field (Practice: check the answer).
    #[prop_or_default]
    pub on_enter: Option<Callback<()>>,
}

/// Splits `text` around a byte span, clamped to character boundaries.
fn split_at_span(text: &str, span: (usize, usize)) -> (String, String, String) {
    let clamp = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (a, b) = (clamp(span.0), clamp(span.1.max(span.0)));
    (
        text[..a].to_string(),
        text[a..b].to_string(),
        text[b..].to_string(),
    )
}

#[function_component(FunctionInput)]
pub fn function_input(props: &FunctionInputProps) -> Html {
    crate::ui::perf::count_render("function-input");
    let id = crate::ui::hooks::use_id::use_id();
    let oninput = {
        let on_input = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            on_input.emit(input.value());
        })
    };
    let onkeydown = props.on_enter.clone().map(|enter| {
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                enter.emit(());
            }
        })
    });
    let invalid = props.error.is_some();
    let overlay = props.error.as_ref().map(|err| {
        let (before, culprit, after) = split_at_span(&props.value, err.span);
        let empty = culprit.is_empty();
        html! {
            <div class="input-overlay" aria-hidden="true">
                <span>{ before }</span>
                <mark class={classes!("culprit", empty.then_some("culprit-empty"))} data-testid="error-culprit">{ culprit }</mark>
                <span>{ after }</span>
            </div>
        }
    });
    html! {
        <div class={classes!("field", invalid.then_some("field-invalid"))}>
            <label for={format!("{id}-input")}>{ props.label.clone() }</label>
            <div class="input-row">
                <span class="input-prefix" aria-hidden="true">{ format!("{}({}) =", props.name, props.var) }</span>
                <div class="input-wrap">
                    <input
                        id={format!("{id}-input")} class="function-input"
                        data-testid={props.testids.0}
                        type="text"
                        value={props.value.clone()}
                        {oninput}
                        {onkeydown}
                        autocomplete="off"
                        autocapitalize="off"
                        spellcheck="false"
                        inputmode="text"
                        aria-invalid={if invalid { "true" } else { "false" }}
                        aria-describedby={format!("{id}-help {id}-error")}
                    />
                    // Always one node after the input, empty without an error: Yew matches
                    // unkeyed children from the end, so a child appearing after the input
                    // would take its place and the input (and its focus) would be rebuilt.
                    { overlay.unwrap_or_default() }
                </div>
            </div>
            <div id={format!("{id}-error")} class="error" role="alert" data-testid={props.testids.1}>
                if let Some(err) = &props.error {
                    <p class="error-message">{ err.message() }</p>
                }
            </div>
            <p id={format!("{id}-help")} class="hint">
                { "^ for powers, a space or * for times: 2x, x^2 sin x, √x, |x|, σ(2x+1). " }
                { props.more_help.clone() }
            </p>
        </div>
    }
}
