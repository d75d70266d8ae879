//! The training lessons' buttons: **Step**, **Play** (reading **Pause** while running) and
//! **Reset**, reported as a [`Press`].

use yew::prelude::*;

/// Which button was pressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Press {
    Step,
    Play,
    Pause,
    Reset,
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
