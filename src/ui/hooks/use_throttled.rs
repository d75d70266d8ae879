//! A value that follows its input at most once every `millis`, and always ends on the latest
//! one: for live regions, which a screen reader would otherwise read on every frame.

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// `value` as last published: at once when the previous publication is older than `millis`,
/// otherwise when that much time has passed (with whatever the value is by then).
// `#[hook]` restates the bounds in the function it writes.
#[allow(clippy::multiple_bound_locations)]
#[hook]
pub fn use_throttled<T: Clone + PartialEq + 'static>(value: T, millis: u32) -> T {
    let shown = use_state(|| value.clone());
    let last_at = use_mut_ref(|| f64::NEG_INFINITY);
    // The scheduled publication and whether it has run (a timer is never dropped from
    // inside its own callback).
    let pending = use_mut_ref(|| None::<(Timeout, Rc<Cell<bool>>)>);
    let latest = use_mut_ref(|| value.clone());
    *latest.borrow_mut() = value.clone();
    {
        let shown = shown.clone();
        use_effect_with(value, move |value| {
            let now = crate::ui::perf::now_ms();
            let wait = *last_at.borrow() + millis as f64 - now;
            let waiting = pending
                .borrow()
                .as_ref()
                .is_some_and(|(_, done)| !done.get());
            if *value == *shown {
                pending.borrow_mut().take();
            } else if wait <= 0.0 {
                pending.borrow_mut().take();
                *last_at.borrow_mut() = now;
                shown.set(value.clone());
            } else if !waiting {
                let done = Rc::new(Cell::new(false));
                let flag = done.clone();
                let timer = Timeout::new(wait.ceil() as u32, move || {
                    flag.set(true);
                    *last_at.borrow_mut() = crate::ui::perf::now_ms();
                    shown.set(latest.borrow().clone());
                });
                *pending.borrow_mut() = Some((timer, done));
            }
        });
    }
    (*shown).clone()
}
