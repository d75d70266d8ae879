//! The page: Step / Play / Reset, the Preset and Loss selects, sliders for the hidden size,
//! learning rate, initial weight scale and seed, the Training readout, the network drawn
//! with its weights, the decision surface, the loss curve and the picked weight's gradient
//! check. `?bench` times 20 000 epochs of our preset.

use std::rc::Rc;

use yew::prelude::*;

use crate::learn::xor::{Loss, Net, Param, INPUTS, TARGETS};
use crate::math::digits::fixed;
use crate::plot::heatmap::Field;
use crate::ui::browser;
use crate::ui::course::Page;
use crate::ui::hooks::use_address::use_address;
use crate::ui::hooks::use_animation::use_animation;
use crate::ui::hooks::use_throttled::use_throttled;
use crate::ui::perf::now_ms;
use crate::ui::reducer::Model;
use crate::ui::widgets::heat_map::HeatMap;
use crate::ui::widgets::prose::prose;
use crate::ui::widgets::slider::number_slider;
use crate::ui::widgets::training::{controls, loss_chart, on_press};

use super::*;

/// A labelled native select; `on` gets the chosen option's value.
fn choice(
    label: &'static str,
    testid: &'static str,
    options: Vec<(AttrValue, AttrValue)>,
    selected: &str,
    on: Callback<String>,
) -> Html {
    let onchange = on.reform(|e: Event| {
        e.target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value()
    });
    html! {
        <label class="select-field">
            <span class="slider-name">{ label }</span>
            <select data-testid={testid} {onchange}>
                { for options.into_iter().map(|(v, text)| {
                    let on = v.as_str() == selected;
                    html! { <option selected={on} value={v}>{ text }</option> }
                }) }
            </select>
        </label>
    }
}

/// Where a neuron sits in the drawing (300 × 200).
fn hidden_y(j: usize, n: usize) -> f64 {
    let gap = if n > 1 {
        (160.0 / (n - 1) as f64).min(44.0)
    } else {
        0.0
    };
    100.0 + (j as f64 - (n - 1) as f64 / 2.0) * gap
}

/// The network as SVG: each weight a line as thick as it is large, solid when positive and
/// dashed when negative; clicking one picks it.
fn network(net: &Net, picked: Param, pick: &Callback<Param>) -> Html {
    let n = net.w2.len();
    let edge = |p: Param, (x1, y1): (f64, f64), (x2, y2): (f64, f64)| {
        let w = net.get(p);
        let class = classes!(
            "edge",
            if w < 0.0 { "edge-neg" } else { "edge-pos" },
            (p == picked).then_some("edge-picked")
        );
        let width = fixed(1.0 + 1.5 * w.abs().min(4.0), 1);
        let (x1, y1, x2, y2) = (fixed(x1, 1), fixed(y1, 1), fixed(x2, 1), fixed(y2, 1));
        html! {
            <g onclick={pick.reform(move |_: MouseEvent| p)}>
                <line x1={x1.clone()} y1={y1.clone()} x2={x2.clone()} y2={y2.clone()} class="edge-hit" />
                <line {x1} {y1} {x2} {y2} class={class} stroke-width={width} />
            </g>
        }
    };
    let node = |x: f64, y: f64, name: String| {
        html! {
            <g class="node">
                <circle cx={fixed(x, 1)} cy={fixed(y, 1)} r="13" />
                <text x={fixed(x, 1)} y={fixed(y + 4.0, 1)} text-anchor="middle">{ name }</text>
            </g>
        }
    };
    let inputs = [(30.0, 65.0), (30.0, 135.0)];
    let out = (270.0, 100.0);
    let label = format!(
        "The network: 2 inputs, {n} hidden neurons, 1 output. Each line is a weight, as thick as it is large, solid when positive, dashed when negative. The picked weight {} is {}.",
        param_name(picked),
        num(net.get(picked))
    );
    html! {
        <figure class="chart">
            <svg viewBox="0 0 300 200" role="img" aria-label={label} data-testid="network" class="network">
                { for (0..n).flat_map(|j| {
                    let h = (150.0, hidden_y(j, n));
                    [edge(Param::W1(j, 0), inputs[0], h), edge(Param::W1(j, 1), inputs[1], h), edge(Param::W2(j), h, out)]
                }) }
                { node(inputs[0].0, inputs[0].1, "x₁".into()) }
                { node(inputs[1].0, inputs[1].1, "x₂".into()) }
                { for (0..n).map(|j| node(150.0, hidden_y(j, n), format!("h{}", char::from_u32(0x2081 + j as u32).unwrap_or('?')))) }
                { node(out.0, out.1, "ŷ".into()) }
            </svg>
            <figcaption>{ "The network (click a line)" }</figcaption>
        </figure>
    }
}

/// The picked weight's derivative: the chain-rule factors per input, their mean, and the
/// central difference beside it.
fn gradient_check(s: &State, on_weight: Callback<String>) -> Html {
    let c = check(s);
    let name = param_name(s.picked);
    let params = s.net.params();
    let picked = params.iter().position(|p| *p == s.picked).unwrap_or(0);
    let options = params
        .iter()
        .enumerate()
        .map(|(i, p)| {
            (
                AttrValue::from(i.to_string()),
                AttrValue::from(param_name(*p)),
            )
        })
        .collect();
    html! {
        <section class="panel" aria-label="Gradient check">
            <h2>{ format!("∂L/∂{name}, by the chain rule") }</h2>
            { choice("Weight", "weight", options, &picked.to_string(), on_weight) }
            <p>{ format!("For one input, ∂ℓ/∂{name} = {}:", factor_names(s.picked).join(" × ")) }</p>
            <ul class="chain-lines" data-testid="chain-lines">
                { for chain_lines(&c).into_iter().map(|l| html! { <li>{ l }</li> }) }
            </ul>
            <p data-testid="gradient-check">{ check_words(s.picked, &c) }</p>
        </section>
    }
}

/// The page, as a hook the shell's lesson host runs (see `ui::shell::LessonHost`).
#[hook]
pub fn use_page() -> Html {
    let query = use_memo((), |_| browser::current_query());
    let model = use_reducer(|| Model(State::new(from_query(&query))));
    let s = &model.0;
    let dispatch = model.dispatcher();
    use_address(Page::Backpropagation.path(), to_query(&s.settings));
    {
        let dispatch = dispatch.clone();
        // Frames of Play; with reduced motion, one press trains up to 10 000 epochs at once.
        use_animation(
            s.playing,
            f64::INFINITY,
            Callback::from(move |p: f64| {
                dispatch.dispatch(if p >= 1.0 {
                    Action::Step(10_000)
                } else {
                    Action::Frame
                });
                if p >= 1.0 {
                    dispatch.dispatch(Action::Pause);
                }
            }),
        );
    }
    // `?bench`: epochs of our preset per second in this browser.
    let bench = use_memo((), |_| {
        crate::ui::query::has(&query, "bench").then(|| {
            let mut net = Net::new(DEFAULT.hidden, DEFAULT.scale, DEFAULT.seed);
            let start = now_ms();
            for _ in 0..20_000 {
                net.step(DEFAULT.loss, DEFAULT.rate);
            }
            let us = (now_ms() - start) * 1000.0 / 20_000.0;
            format!(
                "xor_epoch_us={} xor_epochs_per_s={}",
                fixed(us, 3),
                fixed(1e6 / us, 0)
            )
        })
    });
    let field = use_memo((s.epoch, s.settings), {
        let net = s.net.clone();
        move |_| {
            Rc::new(Field::probability(SQUARE, SQUARE, (47, 47), |a, b| {
                net.forward([a, b]).out
            }))
        }
    });
    let dots = use_memo((), |_| {
        Rc::new(
            INPUTS
                .iter()
                .zip(TARGETS)
                .map(|(x, y)| (x[0], x[1], if y > 0.5 { "1" } else { "0" }))
                .collect::<Vec<_>>(),
        )
    });
    let said = readout(s);
    let spoken = use_throttled(format!("{said}. {}", verdict(s)), 1000);
    let set = |f: fn(&mut Settings, f64)| {
        let dispatch = dispatch.clone();
        let settings = s.settings;
        Callback::from(move |v: f64| {
            let mut next = settings;
            f(&mut next, v);
            dispatch.dispatch(Action::Set(next))
        })
    };
    let on_preset = {
        let dispatch = dispatch.clone();
        Callback::from(move |v: String| {
            if let Some(p) = PRESETS.iter().find(|p| p.0 == v) {
                dispatch.dispatch(Action::Set(p.2))
            }
        })
    };
    let on_loss = {
        let dispatch = dispatch.clone();
        let settings = s.settings;
        Callback::from(move |v: String| {
            if let Some(loss) = loss_named(&v) {
                dispatch.dispatch(Action::Set(Settings { loss, ..settings }))
            }
        })
    };
    let on_press = on_press(
        dispatch.clone(),
        [Action::Step(1), Action::Play, Action::Pause, Action::Reset],
    );
    let pick = {
        let dispatch = dispatch.clone();
        Callback::from(move |p: Param| dispatch.dispatch(Action::Pick(p)))
    };
    let on_weight = {
        let params = s.net.params();
        pick.reform(move |v: String| params[v.parse::<usize>().unwrap_or(0).min(params.len() - 1)])
    };
    let mut presets: Vec<(AttrValue, AttrValue)> =
        PRESETS.iter().map(|p| (p.0.into(), p.1.into())).collect();
    presets.push(("custom".into(), "Your own settings".into()));
    let preset = s.settings.preset().unwrap_or("custom");
    let surface_label = format!(
        "The network's output over the input square, from 0 (dark) to 1 (light); the line is where it is 0.5. Outputs: {}.",
        outputs_words(&s.net)
    );
    let st = s.settings;
    type Set = fn(&mut Settings, f64);
    type Slider = (
        &'static str,
        &'static str,
        (f64, f64),
        f64,
        f64,
        f64,
        Set,
        &'static str,
    );
    let sliders: [Slider; 4] = [
        (
            "Hidden neurons",
            "hidden",
            HIDDEN,
            1.0,
            1.0,
            st.hidden as f64,
            |s, v| s.hidden = v as usize,
            "hidden-slider",
        ),
        (
            "Learning rate",
            "η",
            RATES,
            STEP,
            0.5,
            st.rate,
            |s, v| s.rate = v,
            "rate-slider",
        ),
        (
            "Initial weight scale",
            "scale",
            SCALES,
            STEP,
            0.5,
            st.scale,
            |s, v| s.scale = v,
            "scale-slider",
        ),
        (
            "Seed",
            "seed",
            SEEDS,
            1.0,
            10.0,
            st.seed as f64,
            |s, v| s.seed = v as u64,
            "seed-slider",
        ),
    ];
    html! {
        <article class="lesson">
            <h1 class="page-title">{ Page::Backpropagation.title() }</h1>
            <div class="prose">{ prose(INTRO) }</div>
            <section class="panel" aria-label="Training">
                <div class="bp-controls">
                    { controls(s.playing, &on_press) }
                    { choice("Preset", "preset", presets, preset, on_preset) }
                    { choice("Loss", "loss", [Loss::CrossEntropy, Loss::Mse].map(|l| (loss_key(l).into(), loss_name(l).into())).to_vec(),
                        loss_key(st.loss), on_loss) }
                    { for sliders.into_iter().map(|(label, name, range, step, big, value, f, testid)| {
                        number_slider(html! { label }, name, range, step, big, value, set(f), testid.into())
                    }) }
                </div>
                <div role="status" aria-live="polite" aria-label="Training readout" class="readout-block">
                    <p aria-hidden="true" class="rate-line" data-testid="training">{ said }</p>
                    <p class="sr-only">{ spoken }</p>
                </div>
                <p class="verdict" data-testid="verdict">{ verdict(s) }</p>
                <div class="chart-grid">
                    { network(&s.net, s.picked, &pick) }
                    <HeatMap field={(*field).clone()} axes={("x₁", "x₂")} testid="decision-surface" label={surface_label}
                        dots={(*dots).clone()} caption="Decision surface" />
                    { loss_chart(&s.losses, "loss-curve") }
                </div>
            </section>
            { gradient_check(s, on_weight) }
            <div class="prose">{ prose(PLATEAU) }</div>
            if let Some(r) = (*bench).clone() {
                <pre class="panel" data-testid="bench-result">{ r }</pre>
            }
        </article>
    }
}
