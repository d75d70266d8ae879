//! A function the student types: what the field holds, what was committed once typing paused,
//! its study, and the last function that did parse (kept on show, dimmed, while the field
//! holds a typo).

use std::rc::Rc;

use yew::prelude::*;

use crate::math::{ParseError, Study};
use crate::ui::hooks::use_debounce::use_debounce;

/// How long typing must pause before the function is read.
const PAUSE_MS: u32 = 150;

pub struct Typed {
    /// What the field holds.
    pub input: AttrValue,
    /// What was read last (the field as it was when typing paused).
    pub committed: String,
    /// The committed text's error, once the field holds it.
    pub error: Option<ParseError>,
    /// The last function that parsed.
    pub shown: Option<Rc<Study>>,
    /// The field holds something that does not parse (the shown function is an older one).
    pub stale: bool,
    /// For the field's `on_input`.
    pub on_input: Callback<String>,
}

#[hook]
pub fn use_typed_function(first: String) -> Typed {
    let input = use_state(|| first.clone());
    let committed = use_state(|| first);
    // What was typed last: the debounced commit runs after renders it did not see.
    let latest = use_mut_ref(|| (*input).clone());
    let commit = {
        let (latest, committed) = (latest.clone(), committed.clone());
        use_debounce(
            PAUSE_MS,
            Callback::from(move |_| committed.set(latest.borrow().clone())),
        )
    };
    let parsed = use_memo((*committed).clone(), |f| Study::parse(f).map(Rc::new));
    let good = use_mut_ref(|| None::<Rc<Study>>);
    if let Ok(s) = parsed.as_ref() {
        *good.borrow_mut() = Some(s.clone());
    }
    let on_input = {
        let input = input.clone();
        Callback::from(move |text: String| {
            *latest.borrow_mut() = text.clone();
            input.set(text);
            commit.emit(());
        })
    };
    let error = match parsed.as_ref() {
        Err(e) if *committed == *input => Some(e.clone()),
        _ => None,
    };
    let shown = good.borrow().clone();
    Typed {
        input: (*input).clone().into(),
        committed: (*committed).clone(),
        error,
        shown,
        stale: parsed.is_err(),
        on_input,
    }
}
