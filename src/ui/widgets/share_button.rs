//! The Share link button: copies the address of the current view (function and range) to the
//! clipboard, and shows the link for manual copying where the clipboard is not available.

use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShareButtonProps {
    /// The full address to share.
    pub url: AttrValue,
}

#[derive(Clone, PartialEq)]
enum Outcome {
    Idle,
    Copied,
    Manual,
}

#[function_component(ShareButton)]
pub fn share_button(props: &ShareButtonProps) -> Html {
    let id = crate::ui::hooks::use_id::use_id();
    let outcome = use_state(|| Outcome::Idle);
    {
        // A new view makes an old "copied" note stale.
        let outcome = outcome.clone();
        use_effect_with(props.url.clone(), move |_| outcome.set(Outcome::Idle));
    }
    let onclick = {
        let url = props.url.to_string();
        let outcome = outcome.clone();
        Callback::from(move |_| {
            let url = url.clone();
            let outcome = outcome.clone();
            spawn_local(async move {
                let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
                let copied = match clipboard {
                    Some(c) => JsFuture::from(c.write_text(&url)).await.is_ok(),
                    None => false,
                };
                outcome.set(if copied {
                    Outcome::Copied
                } else {
                    Outcome::Manual
                });
            });
        })
    };
    html! {
        <div class="share">
            <button type="button" class="button" data-testid="share" {onclick}>{ "Share link" }</button>
            <span role="status" class="share-status" data-testid="share-status">
                { match *outcome {
                    Outcome::Idle => html! {},
                    Outcome::Copied => html! { { "Link copied." } },
                    Outcome::Manual => html! {
                        <>
                            <label for={format!("{id}-url")}>{ "Copy this link:" }</label>
                            <input id={format!("{id}-url")} type="text" readonly=true value={props.url.clone()}
                                onfocus={Callback::from(|e: FocusEvent| {
                                    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                                    input.select();
                                })} />
                        </>
                    },
                } }
            </span>
        </div>
    }
}
