//! The chain rule as a picture: three number lines x, u = x² + 1 and y = u³, the step Δx on
//! the first carried to Δu and then Δy, each drawn to one scale chosen so that Δx is always
//! 10 px — so the lengths show the stretch factors, which settle on du/dx = 2 and dy/du = 12
//! as Δx shrinks. SVG, a **Δx** slider (log scale), numbers in a polite live region.

use crate::math::clamp;
use std::rc::Rc;

use crate::math::digits::{fixed, shortest};
use yew::prelude::*;

use crate::math::Study;
use crate::plot::format::value;
use crate::ui::chain::{readout, Steps, AT, COMPOSITE, DX_RANGE, INNER, OUTER};
use crate::ui::hooks::use_throttled::use_throttled;
use crate::ui::widgets::product_area::dx_controls;

/// Where each line's point sits, and how long Δx is drawn (pixels).
const LEFT: f64 = 34.0;
const DX_PX: f64 = 10.0;
const LINES: [f64; 3] = [30.0, 100.0, 170.0];

/// One number line with its step from `at` of `px` pixels, named `name`.
fn line(y: f64, px: f64, name: &str, at: String, class: &'static str) -> Html {
    html! {
        <g>
            <line x1="24" x2="316" y1={shortest(y)} y2={shortest(y)} class="chain-axis" />
            <rect x={shortest(LEFT)} y={shortest(y - 6.0)} width={fixed(px, 2)} height="12" class={class} />
            <text x="4" y={shortest(y + 4.0)} class="area-label">{ name.to_string() }</text>
            <text x={shortest(LEFT)} y={shortest(y + 22.0)} class="area-label">{ at }</text>
        </g>
    }
}

/// The band that carries a step from one line to the next.
fn carry(from: (f64, f64), to: (f64, f64)) -> Html {
    let (y0, w0) = from;
    let (y1, w1) = to;
    html! {
        <polygon class="chain-carry" points={[(LEFT, y0 + 6.0), (LEFT + w0, y0 + 6.0), (LEFT + w1, y1 - 6.0), (LEFT, y1 - 6.0)]
            .iter().map(|(x, y)| format!("{},{}", fixed(*x, 2), fixed(*y, 1))).collect::<Vec<_>>().join(" ")} />
    }
}

#[function_component(ChainStretch)]
pub fn chain_stretch() -> Html {
    let studies = use_memo((), |_| {
        let read = |f: &str| Study::parse(f).ok().map(Rc::new);
        read(INNER).zip(read(OUTER)).zip(read(COMPOSITE))
    });
    let dx = use_state(|| DX_RANGE.1);
    let said = studies
        .as_ref()
        .as_ref()
        .map(|((g, f), c)| readout(g, f, c, AT, *dx))
        .unwrap_or_default();
    let spoken = use_throttled(said.clone(), 1000);
    let Some(((g, f), _)) = studies.as_ref().clone() else {
        return html! {};
    };
    let s = Steps::new(&g, &f, AT, *dx);
    let px = DX_PX / s.dx;
    let widths = [DX_PX, s.du * px, s.dy * px];
    let on_change = {
        let dx = dx.clone();
        Callback::from(move |position: f64| {
            dx.set(clamp(10f64.powf(position), DX_RANGE.0, DX_RANGE.1))
        })
    };
    html! {
        <figure class="panel area-picture" data-testid="chain-stretch">
            <svg viewBox="0 0 320 200" role="img" class="area-svg"
                aria-label={format!("Three number lines: a step of {} on the x line is {} on the u line and {} on the y line.",
                    value(s.dx), value(s.du), value(s.dy))}>
                { carry((LINES[0], widths[0]), (LINES[1], widths[1])) }
                { carry((LINES[1], widths[1]), (LINES[2], widths[2])) }
                { line(LINES[0], widths[0], "x", format!("x = {}", value(AT)), "area-corner") }
                { line(LINES[1], widths[1], "u", format!("u = {}", value(s.u)), "area-du") }
                { line(LINES[2], widths[2], "y", format!("y = {}", value(s.y)), "area-dv") }
            </svg>
            { dx_controls(*dx, DX_RANGE, on_change, said, spoken, "Stretch readout", "chain-readout") }
        </figure>
    }
}
