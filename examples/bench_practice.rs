//! How long one Check on Practice takes (judge, then diagnose or hint, then the answer
//! studied for its plot), natively: typical exercises and the worst we know — a function at
//! the diagnosis limit (`DIAGNOSE_MAX_OPS`) answered wrongly, where every faulty rule is tried
//! at every node, and a long typed function just past it, judged only.
//!
//! cargo run --release --example bench_practice
//!
//! The last line is `practice_check_ms: median=N worst=N (f)`.

use std::hint::black_box;
use std::time::Instant;

use slope::math::{parse, Study};
use slope::ui::lessons::practice::{feedback, DIAGNOSE_MAX_OPS};

fn time_ms(mut f: impl FnMut()) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let t = Instant::now();
        f();
        best = best.min(t.elapsed().as_secs_f64() * 1e3);
    }
    best
}

fn main() {
    // (f, a wrong answer): the answer is the worst case, as diagnosis runs only when wrong.
    let nested = (0..8).fold("x".to_string(), |e, k| format!("sin({k}x + {e})"));
    let product = (1..=8)
        .map(|k| format!("sin({k}x)"))
        .collect::<Vec<_>>()
        .join("*");
    let long = (1..=40)
        .map(|k| format!("{k}x^{k}"))
        .collect::<Vec<_>>()
        .join(" + ");
    let deep = (0..20).fold("x".to_string(), |e, k| format!("sin({k}x + {e})"));
    let wide = (1..=13)
        .map(|k| format!("sin({k}x)"))
        .collect::<Vec<_>>()
        .join("*");
    let cases: Vec<(String, String)> = vec![
        ("x^2".into(), "x^2".into()),
        ("sin(x^2)".into(), "cos(x^2)".into()),
        ("x^3 ln(x)".into(), "3x^2/x".into()),
        ("(x^2 + 3)/(x - 2)".into(), "2x/(x-2)".into()),
        (
            "sigmoid(3x + 2)".into(),
            "sigmoid(3x+2)(1 - sigmoid(3x+2))".into(),
        ),
        (nested.clone(), "cos(x)".into()),
        (product.clone(), "0".into()),
        (long.clone(), "x".into()),
        (deep.clone(), "cos(x)".into()),
        (wide.clone(), "0".into()),
    ];
    println!("{:>6} {:>10}  f", "ops", "check_ms");
    let mut all = Vec::new();
    for (f, answer) in &cases {
        let study = Study::parse(f).expect("parses");
        let a = parse(answer).expect("parses");
        let ms = time_ms(|| {
            let fb = feedback(black_box(&study), black_box(&a));
            black_box(fb);
            black_box(Study::with_variable(a.clone(), study.var.clone()));
        });
        let ops = study.f.op_count();
        let mark = if ops > DIAGNOSE_MAX_OPS {
            " (judged only)"
        } else {
            ""
        };
        println!("{ops:>6} {ms:>10.2}  {}{mark}", &f[..f.len().min(60)]);
        all.push((ms, f.clone()));
    }
    let mut ms: Vec<f64> = all.iter().map(|(m, _)| *m).collect();
    ms.sort_by(f64::total_cmp);
    let worst = all.iter().max_by(|a, b| a.0.total_cmp(&b.0)).unwrap();
    println!(
        "practice_check_ms: median={:.2} worst={:.2} ({})",
        ms[ms.len() / 2],
        worst.0,
        &worst.1[..worst.1.len().min(40)]
    );
}
