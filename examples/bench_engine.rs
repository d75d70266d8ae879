//! Benchmark of the math core over the 24-function corpus our peers were measured on:
//! parse + differentiate + simplify time per expression, and batched evaluation throughput
//! of f′ over 10 000 points, next to a hand-written Rust derivative of the sigmoid.
//!
//! cargo run --release --example bench_engine
//!
//! The last line is `median: derive_us=N eval_mpts=N handwritten_mpts=N`.
//!
//! `--derive-only N` parses and differentiates the corpus N times and prints nothing: a fixed
//! amount of work to count instructions of (`valgrind --tool=callgrind`) when the machine is
//! too busy for timings to mean much.

use std::hint::black_box;
use std::time::{Duration, Instant};

use slope::math::{differentiate, parse, to_text, Program};

const CORPUS: [&str; 24] = [
    "x^2",
    "x^3 + 2*x^2 + 5*x + 1",
    "sqrt(x)",
    "1/x",
    "exp(x)",
    "2^x",
    "log(x)",
    "sin(x)",
    "cos(x)",
    "tan(x)",
    "5*x^2",
    "x^2*(x+1)",
    "(2*x+3)*(x^2-1)",
    "(x^2+1)^3",
    "sqrt(x^2+4)",
    "1/(1+exp(-x))",
    "tanh(x)",
    "sin(x)^2*cos(3*x)",
    "exp(-x^2/2)/sqrt(2*pi)",
    "x^x",
    "log(1+exp(x))",
    "sin(exp(x^2))",
    "(x^2+1)/(x-1)",
    "atan(x)*x^5",
];

const POINTS: usize = 10_000;

/// Median seconds per call of `f`, over batches lasting about `budget` in total.
fn time_per_call(budget: Duration, mut f: impl FnMut()) -> f64 {
    // Calibrate a batch size that takes roughly 2 ms.
    let mut batch = 1usize;
    loop {
        let t = Instant::now();
        for _ in 0..batch {
            f();
        }
        if t.elapsed() > Duration::from_millis(2) || batch > 1 << 20 {
            break;
        }
        batch *= 2;
    }
    let mut samples = Vec::new();
    let start = Instant::now();
    while start.elapsed() < budget || samples.len() < 5 {
        let t = Instant::now();
        for _ in 0..batch {
            f();
        }
        samples.push(t.elapsed().as_secs_f64() / batch as f64);
    }
    median(&mut samples)
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

fn sigmoid_derivative(x: f64) -> f64 {
    let s = 1.0 / (1.0 + (-x).exp());
    s * (1.0 - s)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--derive-only") {
        let rounds: usize = args.get(i + 1).and_then(|n| n.parse().ok()).unwrap_or(1);
        for _ in 0..rounds {
            for src in CORPUS {
                let f = parse(black_box(src)).expect("corpus parses");
                black_box(differentiate(&f, "x"));
            }
        }
        return;
    }
    let budget = Duration::from_millis(150);
    let xs: Vec<f64> = (0..POINTS)
        .map(|i| 0.1 + 4.8 * i as f64 / POINTS as f64)
        .collect();
    let mut out = vec![0.0; POINTS];

    println!(
        "{:<24} {:>11} {:>11}  derivative",
        "f(x)", "derive_us", "eval_mpts"
    );
    let mut derive_us = Vec::new();
    let mut eval_mpts = Vec::new();
    for src in CORPUS {
        let per_derive = time_per_call(budget, || {
            let f = parse(black_box(src)).expect("corpus parses");
            black_box(differentiate(&f, "x"));
        });
        let d = differentiate(&parse(src).expect("corpus parses"), "x");
        let program = Program::compile(&d.result, &["x"]);
        let per_eval = time_per_call(budget, || {
            program.eval_slice(black_box(&xs), &mut out);
            black_box(&out);
        });
        let us = per_derive * 1e6;
        let mpts = POINTS as f64 / per_eval / 1e6;
        println!("{src:<24} {us:>11.2} {mpts:>11.1}  {}", to_text(&d.result));
        derive_us.push(us);
        eval_mpts.push(mpts);
    }

    let per_hand = time_per_call(budget, || {
        for (o, &x) in out.iter_mut().zip(black_box(&xs)) {
            *o = sigmoid_derivative(x);
        }
        black_box(&out);
    });
    let hand_mpts = POINTS as f64 / per_hand / 1e6;
    let sigmoid = differentiate(&parse("1/(1+exp(-x))").expect("parses"), "x");
    let program = Program::compile(&sigmoid.result, &["x"]);
    let ours = POINTS as f64
        / time_per_call(budget, || program.eval_slice(black_box(&xs), &mut out))
        / 1e6;
    println!();
    println!("hand-written d/dx 1/(1+exp(-x)): {hand_mpts:.1} Mpts/s; ours for the same f′: {ours:.1} Mpts/s");
    println!(
        "median: derive_us={:.1} eval_mpts={:.1} handwritten_mpts={:.1}",
        median(&mut derive_us),
        median(&mut eval_mpts),
        hand_mpts
    );
}
