//! A labelled range slider whose every step lands exactly on its grid: native arrow keys and
//! drags move one `step`, Shift+arrow `big_step`, and the value sent out is snapped to whole
//! multiples of `step` (`ui::grid::snap`), so ten steps from 1 give 0, not 1.39e-16. The
//! value is shown beside it (not a live region: `aria-valuetext` speaks it) and never wraps.

use crate::math::clamp;
use crate::math::digits::shortest;
use yew::prelude::*;

use crate::ui::grid::snap;

/// What a slider shows and does.
pub struct SliderSpec {
    /// The visible label, which is also the slider's accessible name ("Point x0", "Step h").
    pub label: Html,
    pub min: f64,
    pub max: f64,
    pub step: f64,
    /// Shift+arrow moves this far (a multiple of `step`).
    pub big_step: f64,
    pub value: f64,
    /// What a screen reader says for the value (`x0 = 1.5`).
    pub value_text: String,
    /// What is shown beside the slider.
    pub display: String,
    /// The new value, already on the grid.
    pub on_change: Callback<f64>,
    pub testid: AttrValue,
}

/// The slider, labelled by wrapping (no ids, so any number of them can share a page). A plain
/// function, not a component: it has no state, and a component costs download size.
pub fn slider(props: SliderSpec) -> Html {
    let step = props.step;
    let (lo, hi) = (props.min, props.max);
    let oninput = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(v) = crate::math::decimal::parse_decimal(&input.value()) {
                on_change.emit(clamp(snap(v, step), lo, hi));
            }
        })
    };
    let onkeydown = {
        let on_change = props.on_change.clone();
        let (value, big) = (props.value, props.big_step);
        Callback::from(move |e: KeyboardEvent| {
            if !e.shift_key() {
                return;
            }
            let delta = match e.key().as_str() {
                "ArrowRight" | "ArrowUp" => big,
                "ArrowLeft" | "ArrowDown" => -big,
                _ => return,
            };
            e.prevent_default();
            on_change.emit(clamp(snap(value + delta, step), lo, hi));
        })
    };
    html! {
        <div class="slider-field">
            <label>
                <span class="slider-name">{ props.label }</span>
                <input type="range" data-testid={props.testid}
                    min={shortest(lo)} max={shortest(hi)} step={shortest(step)}
                    value={shortest(props.value)} {oninput} {onkeydown}
                    aria-valuetext={props.value_text} />
            </label>
            <span class="slider-value nowrap" aria-hidden="true">{ props.display }</span>
        </div>
    }
}

/// A slider over `range` whose value is shown as a readout number and spoken as
/// "`name` = value" (one place for the many sliders lessons have: less code to download).
#[allow(clippy::too_many_arguments)]
pub fn number_slider(
    label: Html,
    name: &str,
    range: (f64, f64),
    step: f64,
    big_step: f64,
    value: f64,
    on_change: Callback<f64>,
    testid: AttrValue,
) -> Html {
    let display = crate::plot::format::value(value);
    slider(SliderSpec {
        label,
        min: range.0,
        max: range.1,
        step,
        big_step,
        value,
        value_text: format!("{name} = {display}"),
        display,
        on_change,
        testid,
    })
}
