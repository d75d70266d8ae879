//! The product rule as a picture: the rectangle u × v (u = x², v = x + 1 at x = 1) and what it
//! gains when x grows by Δx — a strip v·Δu, a strip u·Δv and a corner Δu·Δv — drawn to scale
//! as SVG, with a **Δx** slider (log scale) and the numbers in a polite live region.

use crate::math::clamp;
use std::rc::Rc;

use crate::math::digits::fixed;
use yew::prelude::*;

use crate::math::Study;
use crate::plot::format::step as format_step;
use crate::ui::area::{readout, Pieces, AT, DX_RANGE, PRODUCT, U, V};
use crate::ui::hooks::use_throttled::use_throttled;
use crate::ui::widgets::slider::{slider, SliderSpec};

/// Pixels per unit of length, and the picture's origin (bottom left of the rectangle).
const SCALE: f64 = 70.0;
const ORIGIN: (f64, f64) = (44.0, 206.0);

fn rect(x: f64, y: f64, w: f64, h: f64, class: &'static str) -> Html {
    let (px, py) = (ORIGIN.0 + x * SCALE, ORIGIN.1 - (y + h) * SCALE);
    html! {
        <rect x={fixed(px, 2)} y={fixed(py, 2)} width={fixed(w * SCALE, 2)}
            height={fixed(h * SCALE, 2)} class={class} />
    }
}

#[function_component(ProductArea)]
pub fn product_area() -> Html {
    let studies = use_memo((), |_| {
        let read = |f: &str| Study::parse(f).ok().map(Rc::new);
        read(U).zip(read(V)).zip(read(PRODUCT))
    });
    let dx = use_state(|| DX_RANGE.1);
    let said = studies
        .as_ref()
        .as_ref()
        .map(|((u, v), f)| readout(u, v, f, AT, *dx))
        .unwrap_or_default();
    let spoken = use_throttled(said.clone(), 1000);
    let Some(((u, v), _)) = studies.as_ref().clone() else {
        return html! {};
    };
    let p = Pieces::new(&u, &v, AT, *dx);
    let on_change = {
        let dx = dx.clone();
        Callback::from(move |position: f64| {
            dx.set(clamp(10f64.powf(position), DX_RANGE.0, DX_RANGE.1))
        })
    };
    let label = |x: f64, y: f64, text: String| {
        html! { <text x={fixed(x, 1)} y={fixed(y, 1)} class="area-label">{ text }</text> }
    };
    html! {
        <figure class="panel area-picture" data-testid="product-area">
            <svg viewBox="0 0 320 230" role="img" class="area-svg"
                aria-label={format!("A rectangle u = {} wide and v = {} tall, with a strip v·Δu on the right, a strip u·Δv on top and a corner Δu·Δv, for Δx = {}.",
                    crate::plot::format::value(p.u), crate::plot::format::value(p.v), format_step(*dx))}>
                { rect(0.0, 0.0, p.u, p.v, "area-base") }
                { rect(p.u, 0.0, p.du, p.v, "area-du") }
                { rect(0.0, p.v, p.u, p.dv, "area-dv") }
                { rect(p.u, p.v, p.du, p.dv, "area-corner") }
                { label(ORIGIN.0 + p.u * SCALE / 2.0 - 18.0, ORIGIN.1 + 18.0, "u = x²".into()) }
                { label(4.0, ORIGIN.1 - p.v * SCALE / 2.0, "v".into()) }
                { label(ORIGIN.0 + (p.u + p.du) * SCALE + 6.0, ORIGIN.1 - p.v * SCALE / 2.0, "v·Δu".into()) }
                { label(ORIGIN.0 + 6.0, ORIGIN.1 - (p.v + p.dv) * SCALE - 6.0, "u·Δv".into()) }
            </svg>
            { dx_controls(*dx, DX_RANGE, on_change, said, spoken, "Area readout", "area-readout") }
        </figure>
    }
}

/// A picture's Δx slider (log scale over `range`) and its readout, a polite live region
/// (`said` shown, `spoken` throttled for screen readers).
pub fn dx_controls(
    dx: f64,
    range: (f64, f64),
    on_change: Callback<f64>,
    said: String,
    spoken: String,
    label: &'static str,
    testid: &'static str,
) -> Html {
    html! {
        <>
            { slider(SliderSpec {
                label: html! { "Δx" },
                min: range.0.log10(),
                max: range.1.log10(),
                step: 0.01,
                big_step: 1.0,
                value: dx.log10(),
                value_text: format!("Δx = {}", format_step(dx)),
                display: format_step(dx),
                on_change,
                testid: "dx-slider".into(),
            }) }
            <div class="area-readout" role="status" aria-live="polite" aria-label={label}>
                <span aria-hidden="true" data-testid={testid}>{ said }</span>
                <span class="sr-only">{ spoken }</span>
            </div>
        </>
    }
}
