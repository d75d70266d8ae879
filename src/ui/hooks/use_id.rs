//! Element ids unique to each component instance, so two widgets on one page (an embed, a
//! lesson showing two explorers) never share a `for`/`aria-labelledby` target.

use std::sync::atomic::{AtomicUsize, Ordering};

use yew::prelude::*;

/// A prefix such as `s7` that stays the same for the life of the component; build ids from
/// it: `format!("{id}-x0")`.
#[hook]
pub fn use_id() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    (*use_memo((), |_| format!("s{}", NEXT.fetch_add(1, Ordering::Relaxed)))).clone()
}
