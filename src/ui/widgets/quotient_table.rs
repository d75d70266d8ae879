//! Numerical against symbolic: the forward, backward and central quotients at x₀ for
//! h = 10⁻¹ … 10⁻¹², with the digits that are the exact f′(x₀)'s in the same places highlighted, the two
//! error regimes explained, and the error plotted against h on log–log axes.

use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use crate::math::numeric::{quotient_table, Method, QuotientRow};
use crate::math::sample::Samples;
use crate::math::Study;
use crate::plot::canvas::draw_on_canvas;
use crate::plot::describe::quotient_errors;
use crate::plot::format::precise as format_precise;
use crate::plot::format::step as format_h;
use crate::plot::{Curve, Dash, Marker, PlotModel, Theme};
use crate::ui::hooks::by_ptr::ByPtr;
use crate::ui::hooks::use_canvas_size::{prefers_dark, use_canvas_size};
use crate::ui::widgets::prose::prose;

/// The two error regimes, in words.
const REGIMES: &str = "<ul class=\"regimes\">\
    <li><strong>Truncation (large h).</strong> A straight secant misses the curve's bend: the \
    forward and backward errors shrink in step with h (ten times smaller h, ten times smaller \
    error), the central error with h² (a hundred times smaller), because its two sides cancel \
    the first-order bend.</li>\
    <li><strong>Round-off (h below about 10⁻⁸).</strong> f(x₀ + h) and f(x₀) now agree in \
    nearly all of the 16 digits a computer keeps, so their difference is mostly rounding \
    noise, and dividing by a tiny h magnifies it: the error grows again as h shrinks. The \
    best h balances the two: about 10⁻⁸ for forward, 10⁻⁵ for central.</li></ul>";

/// Significant digits shown for each quotient.
const DIGITS: usize = 13;

fn cell(value: f64, exact: f64) -> Html {
    let text = format_precise(value, DIGITS);
    if !exact.is_finite() {
        return html! { <td class="num">{ text }</td> };
    }
    // Correct digits are the exact value's digits in the same places: −0.9999999006 has none
    // against −1, however small its error (the error column says how small).
    let a = crate::plot::format::agreement(value, exact, DIGITS);
    let (text, n, label) = (&a.text, a.correct, a.spoken());
    html! {
        <td class="num" aria-label={label}>
            <mark class="agree">{ text[..n].to_string() }</mark>{ text[n..].to_string() }
            <small class="digits" aria-hidden="true">{ a.count() }</small>
        </td>
    }
}

fn error_cell(value: f64, exact: f64) -> Html {
    let text = crate::plot::format::error((value - exact).abs());
    html! { <td class="num err">{ text }</td> }
}

#[derive(Properties, PartialEq)]
pub struct QuotientTableProps {
    pub study: ByPtr<Study>,
    pub x0: f64,
}

/// log₁₀ of each method's error against log₁₀ h, as plottable samples.
fn error_series(rows: &[QuotientRow], exact: f64, m: Method) -> Samples {
    let points: Vec<(f64, f64)> = rows
        .iter()
        .filter_map(|r| {
            let e = (r.get(m) - exact).abs();
            (e > 0.0 && e.is_finite()).then(|| (r.h.log10(), e.log10()))
        })
        .collect();
    Samples {
        segments: vec![points],
        breaks: vec![],
    }
}

#[function_component(QuotientTable)]
pub fn quotient_table_view(props: &QuotientTableProps) -> Html {
    crate::ui::perf::count_render("quotient-table");
    let id = crate::ui::hooks::use_id::use_id();
    let study = &props.study;
    let x0 = props.x0;
    let rows = quotient_table(&study.f_program, x0);
    let exact = study.df_at(x0);
    let var = &study.var;

    let canvas_ref = use_node_ref();
    let size = use_canvas_size(canvas_ref.clone());
    {
        let canvas_ref = canvas_ref.clone();
        let rows = rows.clone();
        use_effect_with((size, rows.clone(), exact.to_bits()), move |_| {
            let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() else {
                return;
            };
            if !size.apply(&canvas) || !exact.is_finite() {
                return;
            }
            let theme = if prefers_dark() {
                Theme::dark(size.dpr)
            } else {
                Theme::light(size.dpr)
            };
            // Told apart by line as well as colour: solid, dashed, dotted (as the legend).
            let series: Vec<(Samples, _, _)> = [
                (Method::Forward, theme.secant, None),
                (Method::Backward, theme.function, Some(Dash::DEFAULT)),
                (
                    Method::Central,
                    theme.tangent,
                    Some(Dash { on: 2.0, off: 3.0 }),
                ),
            ]
            .into_iter()
            .map(|(m, c, dash)| (error_series(&rows, exact, m), c, dash))
            .collect();
            let ys: Vec<f64> = series
                .iter()
                .flat_map(|(s, _, _)| s.segments[0].iter().map(|p| p.1))
                .collect();
            let (lo, hi) = ys
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &y| {
                    (a.min(y), b.max(y))
                });
            let (lo, hi) = if lo.is_finite() {
                (lo.floor() - 0.5, hi.ceil() + 0.5)
            } else {
                (-16.0, 0.0)
            };
            let mut model = PlotModel::new((-12.5, -0.5), (lo, hi.max(lo + 1.0)));
            model.title = "log₁₀ |Q(h) − f′(x₀)| against log₁₀ h".into();
            model.x_label = "log₁₀ h".into();
            model.y_label = "log₁₀ error".into();
            for (s, c, dash) in &series {
                model.curves.push(Curve {
                    width: 2.0,
                    dash: *dash,
                    ..Curve::new(s, *c)
                });
                for &p in &s.segments[0] {
                    model.points.push(Marker {
                        at: p,
                        color: *c,
                        radius: 3.0,
                    });
                }
            }
            if draw_on_canvas(&canvas, &model, &theme).is_ok() {
                let _ = canvas.set_attribute("data-drawn", "true");
            }
        });
    }

    html! {
        <section class="panel numeric" aria-labelledby={format!("{id}-heading")}>
            <h2 id={format!("{id}-heading")}>{ "Numerical against symbolic" }</h2>
            <p class="hint">
                { format!("The three difference quotients at {var}₀ = {} for shrinking h, next to the exact ", format_precise(x0, 8)) }
                { format!("f′({var}₀) = {}. ", format_precise(exact, DIGITS)) }
                { "Highlighted: the digits that are the exact value's, place by place; the small number counts them." }
            </p>
            // Scrolls sideways on phones: focusable, so the keyboard can scroll it too.
            <div class="table-scroll" tabindex="0" role="region" aria-label="Quotient table">
                <table class="quotients" data-testid="quotient-table">
                    <thead>
                        <tr>
                            <th scope="col">{ "h" }</th>
                            <th scope="col">{ "Forward" }</th><th scope="col">{ "error" }</th>
                            <th scope="col">{ "Backward" }</th><th scope="col">{ "error" }</th>
                            <th scope="col">{ "Central" }</th><th scope="col">{ "error" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().map(|r| html! {
                            <tr>
                                <th scope="row" class="num">{ format_h(r.h) }</th>
                                { cell(r.forward, exact) }{ error_cell(r.forward, exact) }
                                { cell(r.backward, exact) }{ error_cell(r.backward, exact) }
                                { cell(r.central, exact) }{ error_cell(r.central, exact) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            { prose(REGIMES) }
            if exact.is_finite() {
                <figure class="plot-figure error-figure">
                    <canvas ref={canvas_ref} role="img" data-testid="error-plot"
                        aria-label={format!("Log–log plot of the error of the forward, backward and central quotients against h at {var}0 = {}. {}", format_precise(x0, 6), quotient_errors(&rows, exact))}>
                    </canvas>
                    <figcaption class="legend">
                        <span class="swatch swatch-forward"></span>{ "forward" }
                        <span class="swatch swatch-backward"></span>{ "backward (dashed)" }
                        <span class="swatch swatch-central"></span>{ "central (dotted)" }
                    </figcaption>
                </figure>
            } else {
                <p class="no-tangent">{ "There is no exact derivative here to compare with, so no errors to plot." }</p>
                <canvas ref={canvas_ref} hidden=true></canvas>
            }
        </section>
    }
}
