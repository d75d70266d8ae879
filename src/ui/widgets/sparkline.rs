//! A small sketch of f (solid) and f′ (dashed) in one box, as SVG: crisp at any zoom, coloured
//! by the stylesheet (light and dark), gaps kept where either curve breaks.

use crate::math::digits::shortest;
use yew::prelude::*;

use crate::math::sample::auto_y_range;
use crate::math::Study;
use crate::plot::format::range;
use crate::plot::sparkline::{polylines, shared_y_range};

const WIDTH: f64 = 96.0;
const HEIGHT: f64 = 48.0;

/// f and f′ of `study` over `x_range`, on one shared y scale with the x axis where it shows.
pub fn sparkline(study: &Study, x_range: (f64, f64)) -> Html {
    let (lo, hi) = x_range;
    let resolution = WIDTH as usize;
    let f = study.sample_f(lo, hi, resolution);
    let df = study.sample_df(lo, hi, resolution);
    let y = shared_y_range(auto_y_range(&f, lo, hi), auto_y_range(&df, lo, hi));
    let lines = |s, class: &'static str| {
        polylines(s, x_range, y, WIDTH, HEIGHT)
            .into_iter()
            .map(move |points| html! { <polyline {points} class={class} /> })
    };
    let axis = (y.0 < 0.0 && y.1 > 0.0).then(|| HEIGHT * y.1 / (y.1 - y.0));
    let (a, b) = range(lo, hi);
    let var = &study.var;
    html! {
        <svg class="sparkline" viewBox="0 0 96 48" width="96" height="48" role="img"
            aria-label={format!("Sketch of f (solid) and f′ (dashed) for {a} ≤ {var} ≤ {b}")}>
            if let Some(y0) = axis {
                <line x1="0" x2="96" y1={shortest(y0)} y2={shortest(y0)} class="spark-axis" />
            }
            { for lines(&f, "spark-f") }
            { for lines(&df, "spark-df") }
        </svg>
    }
}
