//! The page: target y and prediction p, both losses plotted against p with the tangent at p,
//! the Slope readout, the seed's gradients, the clipping ε and the sigmoid pairing.

use std::rc::Rc;

use yew::prelude::*;

use crate::math::{to_unicode, Study};
use crate::plot::format::trimmed;
use crate::plot::overlay::Overlay;
use crate::plot::view::View;
use crate::ui::browser;
use crate::ui::course::Page;
use crate::ui::grid::snap;
use crate::ui::hooks::use_address::use_address;
use crate::ui::hooks::use_throttled::use_throttled;
use crate::ui::widgets::plot_canvas::{fixed_plot, Curve};
use crate::ui::widgets::prose::prose;
use crate::ui::widgets::slider::number_slider;

use super::*;

const VIEW: View = View {
    x_min: 0.0,
    x_max: 1.0,
};

/// The page, as a hook the shell's lesson host runs (see `ui::shell::LessonHost`).
#[hook]
pub fn use_page() -> Html {
    let state = use_state(|| from_query(&browser::current_query()));
    let p = *state;
    use_address(Page::LossFunctions.path(), to_query(p));
    let studies = use_memo((), |_| {
        FUNCTIONS.map(|(name, one, zero)| {
            (
                name,
                Study::parse(one).ok().map(Rc::new),
                Study::parse(zero).ok().map(Rc::new),
            )
        })
    });
    let said = readout(p);
    let spoken = use_throttled(said.clone(), 1000);
    let on_p = {
        let state = state.clone();
        Callback::from(move |v: f64| {
            state.set(snap(crate::math::clamp(v, P_RANGE.0, P_RANGE.1), P_STEP))
        })
    };
    let on_handle = on_p.reform(|(_, v): (usize, f64)| v);
    html! {
        <article class="lesson">
            <h1 class="page-title">{ Page::LossFunctions.title() }</h1>
            <div class="prose">{ prose(INTRO) }</div>
            <section class="panel" aria-label="Two losses">
                { number_slider(html! { "Prediction p" }, "p", P_RANGE, P_STEP, 0.1, p, on_p, "p-slider".into()) }
                <div role="status" aria-live="polite" aria-label="Slope readout" class="readout-block">
                    <p aria-hidden="true" class="rate-line" data-testid="readout">{ said }</p>
                    <p class="sr-only">{ spoken }</p>
                </div>
                <div class="plot-grid">
                    { for studies.iter().filter_map(|(name, one, zero)| Some((name, one.clone()?, zero.clone()))).map(|(name, st, zero)| fixed_plot(
                        st.clone(), Curve::F, format!("{name}: {}", to_unicode(&st.f)), VIEW,
                        Overlay::point(p, st.f_at(p)),
                        format!("Solid for y = 1, dashed for y = 0. The point is p = {} on the y = 1 curve, where the slope is {}.", trimmed(p, 3), trimmed(st.df_at(p), 6)),
                        zero, on_handle.clone())) }
                </div>
            </section>
            <h2>{ "The tutorial's gradients" }</h2>
            <p>{ "For y = [1, 0, 1, 0] and ŷ = [0.9, 0.1, 0.8, 0.2], computed:" }</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Loss gradients">
                <table class="jacobian" data-testid="seed-gradients">
                    <thead><tr>{ for ["y", "ŷ", "MSE: 2(ŷ − y)", "Cross-entropy: −y/ŷ + (1 − y)/(1 − ŷ)"].iter().map(|h| html! { <th scope="col">{ *h }</th> }) }</tr></thead>
                    <tbody>
                        { for seed_rows().into_iter().map(|r| html! {
                            <tr>{ for r.into_iter().map(|c| html! { <td>{ c }</td> }) }</tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <h2>{ "Why clip to ε" }</h2>
            <p data-testid="clipping">{ clipping() }</p>
            <h2>{ "Sigmoid and cross-entropy" }</h2>
            <div class="prose">{ prose(PAIRS) }</div>
            <p data-testid="slow-mse">{ slow_mse() }</p>
        </article>
    }
}
