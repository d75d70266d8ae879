//! A page's state in the address: the query is written (replacing the history entry, never
//! adding one) once it has rested for a moment, so a dragged slider writes once, not at every
//! step (browsers refuse more than about 100 history writes in 10 seconds).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::ui::browser;
use crate::ui::hooks::use_debounce::use_debounce;

/// How long the state must rest before the address follows it.
const REST_MS: u32 = 250;

/// Keeps the address of `route` at `query` (after it rests).
#[hook]
pub fn use_address(route: &'static str, query: String) {
    use_address_with(route, query, true, Callback::noop(), String::new);
}

/// [`use_address`] for a page that also listens to the address: `write` false leaves the
/// address bar alone (a second explorer on one page), `rested` hears every query once it has
/// rested (written or not), and the returned cell holds the last one, starting at `first()`,
/// so the page can tell an address it wrote from one Back or Forward brought.
#[hook]
pub fn use_address_with(
    route: &'static str,
    query: String,
    write: bool,
    rested: Callback<String>,
    first: impl FnOnce() -> String,
) -> Rc<RefCell<String>> {
    let written = use_mut_ref(first);
    let latest = use_mut_ref(String::new);
    latest.borrow_mut().clone_from(&query);
    let rest = {
        let written = written.clone();
        use_debounce(
            REST_MS,
            Callback::from(move |_| {
                let q = latest.borrow().clone();
                if write {
                    browser::replace_query(route, &q);
                }
                written.borrow_mut().clone_from(&q);
                rested.emit(q);
            }),
        )
    };
    use_effect_with(query, move |_| rest.emit(()));
    written
}
