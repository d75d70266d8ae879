//! The training lessons' buttons: **Step**, **Play** (reading **Pause** while running) and
//! **Reset**, reported as a [`Press`]; and their loss curve.

use yew::prelude::*;

use crate::plot::format::{power_of_ten, trimmed};
use crate::plot::series::loss_polyline;

const W: f64 = 300.0;
const H: f64 = 200.0;

/// Which button was pressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Press {
    Step,
    Play,
    Pause,
    Reset,
}

/// The buttons' callback for a reducer whose actions include the four presses, given in
/// the order Step, Play, Pause, Reset.
pub fn on_press<R>(dispatch: UseReducerDispatcher<R>, actions: [R::Action; 4]) -> Callback<Press>
where
    R: Reducible + 'static,
    R::Action: Clone,
{
    Callback::from(move |p: Press| dispatch.dispatch(actions[p as usize].clone()))
}

pub fn controls(playing: bool, on: &Callback<Press>) -> Html {
    let send = |p: Press| on.reform(move |_: MouseEvent| p);
    html! {
        <div class="training-buttons">
            <button type="button" class="button" data-testid="step" onclick={send(Press::Step)}>{ "Step" }</button>
            <button type="button" class="button button-primary" data-testid="play"
                onclick={send(if playing { Press::Pause } else { Press::Play })}>
                { if playing { "Pause" } else { "Play" } }
            </button>
            <button type="button" class="button" data-testid="reset" onclick={send(Press::Reset)}>{ "Reset" }</button>
        </div>
    }
}

/// The loss per epoch on a log scale, as SVG.
pub fn loss_chart(losses: &[f64], testid: &'static str) -> Html {
    let (points, (lo, hi)) = loss_polyline(losses, W, H);
    let last = losses.last().copied().unwrap_or(f64::NAN);
    let label = format!(
        "Loss per epoch on a log scale from {} to {}: {} epochs, from {} to {}.",
        power_of_ten(lo),
        power_of_ten(hi),
        losses.len().saturating_sub(1),
        trimmed(losses.first().copied().unwrap_or(f64::NAN), 5),
        trimmed(last, 5)
    );
    html! {
        <figure class="chart">
            <svg viewBox="0 0 300 200" role="img" aria-label={label} data-testid={testid}>
                <polyline points={points} class="chart-line" />
                <text x="3" y="12" class="chart-label">{ power_of_ten(hi) }</text>
                <text x="3" y="196" class="chart-label">{ power_of_ten(lo) }</text>
            </svg>
            <figcaption>{ "Loss per epoch (log scale)" }</figcaption>
        </figure>
    }
}
