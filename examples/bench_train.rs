//! Benchmark of the training lessons' inner loops, which run on the page's main thread a
//! fixed number of epochs per animation frame: gradient descent on the 100-point regression
//! (one epoch per frame) and backpropagation on XOR (2-H-1 for H = 1…8), plus the two
//! heat maps the pages draw (the loss surface once per data set, the partial-derivatives
//! field once per function).
//!
//! cargo run --release --example bench_train
//!
//! Prints per-epoch and per-field times: median and worst of 21 runs.

use std::hint::black_box;
use std::time::Instant;

use slope::learn::regression::{data, Descent};
use slope::learn::xor::{Loss, Net};
use slope::math::parse;

/// Median and maximum over 21 runs of `f`, in microseconds per call (each run `n` calls).
fn time(n: usize, mut f: impl FnMut()) -> (f64, f64) {
    let mut v: Vec<f64> = (0..21)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..n {
                f();
            }
            t.elapsed().as_secs_f64() * 1e6 / n as f64
        })
        .collect();
    v.sort_by(f64::total_cmp);
    (v[10], v[20])
}

fn main() {
    let d = data(42);
    let (m, w) = time(1000, || {
        let mut run = Descent::new(&d);
        run.step(&d, 0.1);
        black_box(run);
    });
    println!("regression epoch (100 points): median {m:.2} µs, worst {w:.2} µs");
    for hidden in [1, 4, 8] {
        for loss in [Loss::Mse, Loss::CrossEntropy] {
            let mut net = Net::new(hidden, 1.0, 1);
            let (m, w) = time(1000, || net.step(loss, 1.0));
            println!("xor epoch, {hidden} hidden, {loss:?}: median {m:.2} µs, worst {w:.2} µs");
        }
    }
    // A whole gradient check (every parameter by central differences), as the page shows.
    let net = Net::new(8, 1.0, 1);
    let (m, w) = time(20, || {
        for p in net.params() {
            black_box(net.numerical(Loss::CrossEntropy, p));
        }
    });
    println!("gradient check of 33 parameters (8 hidden): median {m:.1} µs, worst {w:.1} µs");
    let (m, w) = time(3, || {
        black_box(slope::ui::lessons::gradient_descent::surface(&d));
    });
    println!(
        "loss surface 141×141 with contours: median {:.2} ms, worst {:.2} ms",
        m / 1e3,
        w / 1e3
    );
    for f in [
        "x^2 + 2x y + y^2",
        "x e^(-x^2 - y^2)",
        "sin(x) cos(y)",
        "sin(x y)^2 / (1 + x^2 y^2) + ln(x^2 + y^2)",
    ] {
        let s = slope::ui::lessons::partial_derivatives::Surface::new(&parse(f).unwrap()).unwrap();
        let (m, w) = time(3, || {
            black_box(s.field());
        });
        println!(
            "partial-derivatives field 161×161 of {f}: median {:.2} ms, worst {:.2} ms",
            m / 1e3,
            w / 1e3
        );
    }
}
