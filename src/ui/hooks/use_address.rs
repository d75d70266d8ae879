//! A page's state in the address: the query is written (replacing the history entry, never
//! adding one) once it has rested for a moment, so a dragged slider writes once, not at every
//! step (browsers refuse more than about 100 history writes in 10 seconds).

use yew::prelude::*;

use crate::ui::browser;
use crate::ui::hooks::use_debounce::use_debounce;

/// How long the state must rest before the address follows it.
const REST_MS: u32 = 250;

/// Keeps the address of `route` at `query` (after it rests).
#[hook]
pub fn use_address(route: &'static str, query: String) {
    let latest = use_mut_ref(String::new);
    latest.borrow_mut().clone_from(&query);
    let write = use_debounce(
        REST_MS,
        Callback::from(move |_| browser::replace_query(route, &latest.borrow())),
    );
    use_effect_with(query, move |_| write.emit(()));
}
