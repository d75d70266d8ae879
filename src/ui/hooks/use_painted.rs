//! What the first screen can do without waits for one painted frame: the plots are drawn and
//! shown first, then what comes below them (issue 27: on a slow phone the derivative panel
//! and the quotient table added a tenth of a second before the first plot). Only the site's
//! first screen waits: once it has painted, a page opened from the contents renders
//! everything at once.

use std::cell::Cell;

use yew::prelude::*;

use super::use_animation::use_animation;

thread_local! {
    static PAINTED: Cell<bool> = const { Cell::new(false) };
}

/// False until the site's first frame (with its plots) has been painted, then true.
#[hook]
pub fn use_painted() -> bool {
    let painted = use_state(|| PAINTED.with(Cell::get));
    let done = {
        let painted = painted.clone();
        Callback::from(move |p: f64| {
            if p >= 1.0 {
                PAINTED.with(|c| c.set(true));
                painted.set(true);
            }
        })
    };
    // The frame loop's first frame comes before the first paint, its second (1 ms later, at
    // the earliest) after it. (Under reduced motion it ends at once: nothing waits.)
    use_animation(!*painted, 1.0, done);
    *painted
}
