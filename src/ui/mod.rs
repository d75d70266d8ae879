//! The Yew front end.

use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    html! { <main><h1>{ "Slope" }</h1></main> }
}

/// Mounts the app into the document body.
pub fn start() {
    console_error_panic_hook::set_once();
    yew::Renderer::<App>::new().render();
}
