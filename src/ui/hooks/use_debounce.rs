//! A debounced callback: calls `action` once input has been quiet for `millis`.

use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// Returns a callback that (re)starts the quiet-period timer each time it is called.
#[hook]
pub fn use_debounce(millis: u32, action: Callback<()>) -> Callback<()> {
    let timer = use_mut_ref(|| None::<Timeout>);
    Callback::from(move |_| {
        let action = action.clone();
        // Dropping the previous Timeout cancels it.
        *timer.borrow_mut() = Some(Timeout::new(millis, move || action.emit(())));
    })
}
