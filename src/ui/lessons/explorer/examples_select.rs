//! The Examples control: a native `<select>` of the curriculum's functions, grouped.

use yew::prelude::*;

use super::examples::GROUPS;
use crate::math::{parse, to_text};

#[derive(Properties, PartialEq)]
pub struct ExamplesSelectProps {
    /// The function currently shown, so the matching example appears selected.
    pub current: AttrValue,
    pub on_choose: Callback<String>,
}

#[function_component(ExamplesSelect)]
pub fn examples_select(props: &ExamplesSelectProps) -> Html {
    crate::ui::perf::count_render("examples-select");
    let id = crate::ui::hooks::use_id::use_id();
    let onchange = {
        let on_choose = props.on_choose.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let value = select.value();
            if !value.is_empty() {
                on_choose.emit(value);
            }
        })
    };
    // An example is selected when it reads the same as the current function, however typed.
    let canonical = |s: &str| parse(s).map(|e| to_text(&e)).ok();
    let examples = use_memo((), move |_| {
        GROUPS
            .iter()
            .flat_map(|g| g.items.iter())
            .map(|(_, f)| (*f, canonical(f)))
            .collect::<Vec<_>>()
    });
    let current = use_memo(props.current.clone(), move |c| canonical(c));
    let selected = |f: &str| {
        current.is_some()
            && examples
                .iter()
                .any(|(g, c)| *g == f && c.as_ref() == current.as_ref().as_ref())
    };
    let known = examples.iter().any(|(f, _)| selected(f));
    html! {
        <div class="field field-examples">
            <label for={format!("{id}-examples")}>{ "Examples" }</label>
            <select id={format!("{id}-examples")} data-testid="examples" {onchange}>
                <option value="" selected={!known}>{ "Choose a function…" }</option>
                { for GROUPS.iter().map(|g| html! {
                    <optgroup label={g.name}>
                        { for g.items.iter().map(|(label, f)| html! {
                            <option value={*f} selected={selected(f)}>{ *label }</option>
                        }) }
                    </optgroup>
                }) }
            </select>
        </div>
    }
}
