//! A plot in words, for a student who cannot see it: where the curve is defined, where it
//! crosses zero, its highest and lowest turning points, and its breaks, read off the same
//! samples that are drawn. Pure, tested natively.

use crate::math::sample::Samples;

use super::format::{breaks, value};

/// Lists `items` as "a, b and c".
fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// At most this many zeros or turning points are named; beyond that they are counted.
const MAX_NAMED: usize = 4;

fn named(what: &str, xs: &[String]) -> Option<String> {
    match xs.len() {
        0 => None,
        n if n > MAX_NAMED => Some(format!("{n} {what}s, the first at {}", xs[0])),
        1 => Some(format!("a {what} at {}", xs[0])),
        _ => Some(format!("{what}s at {}", list(xs))),
    }
}

/// A turning point found at the sample `at`: the top (or bottom) of the parabola through it
/// and its two neighbours, so sin's peak reads x = −1.571, y = 1 rather than the nearest
/// sample's x = −1.57, y = 0.9999.
fn vertex(seg: &[(f64, f64)], at: (f64, f64), high: bool) -> (f64, f64, bool) {
    let i = seg.iter().position(|p| *p == at).unwrap_or(0);
    if i == 0 || i + 1 >= seg.len() {
        return (at.0, at.1, high);
    }
    let ((x0, y0), (x1, y1), (x2, y2)) = (seg[i - 1], seg[i], seg[i + 1]);
    let (a, b) = ((x1 - x0) * (y1 - y2), (x1 - x2) * (y1 - y0));
    let denom = a - b;
    if denom == 0.0 || !denom.is_finite() {
        return (x1, y1, high);
    }
    let x = x1 - 0.5 * ((x1 - x0) * a - (x1 - x2) * b) / denom;
    if !(x0..=x2).contains(&x) {
        return (x1, y1, high);
    }
    // The parabola through the three points, evaluated at its vertex (Lagrange form).
    let l0 = (x - x1) * (x - x2) / ((x0 - x1) * (x0 - x2));
    let l1 = (x - x0) * (x - x2) / ((x1 - x0) * (x1 - x2));
    let l2 = (x - x0) * (x - x1) / ((x2 - x0) * (x2 - x1));
    let y = y0 * l0 + y1 * l1 + y2 * l2;
    if y.is_finite() {
        (x, y, high)
    } else {
        (x1, y1, high)
    }
}

/// The shape of a sampled curve over `x_range` in a sentence or two: "Crosses zero at x = 0.
/// Turns at x = −1 (a high point, y = 2) and x = 1 (a low point, y = −2). Rises from
/// y = −4 at the left edge to y = 4 at the right edge."
pub fn describe_curve(samples: &Samples, x_range: (f64, f64), var: &str) -> String {
    let points: Vec<&[(f64, f64)]> = samples
        .segments
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| s.as_slice())
        .collect();
    if points.is_empty() {
        return format!(
            "Undefined everywhere on {} ≤ {var} ≤ {}.",
            value(x_range.0),
            value(x_range.1)
        );
    }
    let width = (x_range.1 - x_range.0).abs().max(f64::MIN_POSITIVE);
    let flat_tolerance = |ys: &[(f64, f64)]| {
        let (lo, hi) = ys
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| {
                (a.min(p.1), b.max(p.1))
            });
        1e-9 * (hi - lo).abs().max(lo.abs()).max(hi.abs()).max(1e-300)
    };
    let mut zeros = Vec::new();
    let mut turns = Vec::new();
    let mut constant = true;
    for seg in &points {
        let tol = flat_tolerance(seg);
        if seg.iter().any(|p| (p.1 - seg[0].1).abs() > tol) {
            constant = false;
        }
        for w in seg.windows(2) {
            let ((x0, y0), (x1, y1)) = (w[0], w[1]);
            if y0 == 0.0 {
                zeros.push(x0);
            } else if y0.signum() != y1.signum() && y1 != 0.0 {
                zeros.push(x0 - y0 * (x1 - x0) / (y1 - y0));
            }
        }
        if let Some(&(x, y)) = seg.last() {
            if y == 0.0 && seg.len() > 1 {
                zeros.push(x);
            }
        }
        // Turning points: the slope between samples changes sign (ignoring flat runs).
        let mut last_dir = 0.0;
        for w in seg.windows(2) {
            let dy = w[1].1 - w[0].1;
            if dy.abs() <= tol {
                continue;
            }
            let dir = dy.signum();
            if last_dir != 0.0 && dir != last_dir {
                turns.push(vertex(seg, w[0], last_dir > 0.0));
            }
            last_dir = dir;
        }
    }
    // Zeros closer than a pixel-ish apart are one (a curve touching zero).
    zeros.dedup_by(|a, b| (*a - *b).abs() < width * 1e-3);
    // Positions are read to about a thousandth of the view: a curve that starts 1e-9 right
    // of 0 starts "at x = 0".
    let step = 10f64.powf((width / 1000.0).log10().floor());
    let at = |x: f64| {
        let rounded = (x / step).round() * step;
        format!(
            "{var} = {}",
            value(if rounded == 0.0 { 0.0 } else { rounded })
        )
    };
    // Heights are called y, or f when the variable itself is y (a slice of f(x, y)); a
    // height that is round-off next to the curve's size (10⁻¹⁶ for 0) reads as 0.
    let h = if var == "y" { "f" } else { "y" };
    let size = points
        .iter()
        .flat_map(|s| s.iter())
        .fold(0.0f64, |m, p| m.max(p.1.abs()));
    let height = |y: f64| value(if y.abs() < 1e-12 * size { 0.0 } else { y });
    let mut sentences = Vec::new();
    if constant && points.len() == 1 {
        sentences.push(format!("Constant at {h} = {}.", height(points[0][0].1)));
    } else {
        let zero_names: Vec<String> = zeros.iter().map(|&x| at(x)).collect();
        match named("zero", &zero_names) {
            Some(z) => sentences.push(format!("Has {z}.")),
            None => sentences.push("Never crosses zero here.".to_string()),
        }
        let turn_names: Vec<String> = turns
            .iter()
            .map(|&(x, y, high)| {
                format!(
                    "{} ({} point, {h} = {})",
                    at(x),
                    if high { "a high" } else { "a low" },
                    height(y)
                )
            })
            .collect();
        if let Some(t) = named("turning point", &turn_names) {
            sentences.push(format!("Has {t}."));
        }
        let first = points[0][0];
        let last = *points[points.len() - 1].last().unwrap_or(&first);
        let trend = if last.1 > first.1 {
            "Ends higher than it starts"
        } else if last.1 < first.1 {
            "Ends lower than it starts"
        } else {
            "Ends at the height it starts"
        };
        sentences.push(format!(
            "{trend}: {h} = {} at {} and {h} = {} at {}.",
            height(first.1),
            at(first.0),
            height(last.1),
            at(last.0)
        ));
    }
    let b = breaks(&samples.breaks, var);
    if !b.is_empty() {
        sentences.push(format!("It has {b}."));
    }
    let covered: f64 = points
        .iter()
        .map(|s| s[s.len() - 1].0 - s[0].0)
        .sum::<f64>();
    if covered < 0.9 * width {
        let start = points[0][0].0;
        let end = points[points.len() - 1][points[points.len() - 1].len() - 1].0;
        sentences.push(format!(
            "Drawn only from {} to {} (undefined elsewhere in view).",
            at(start),
            at(end)
        ));
    }
    sentences.join(" ")
}
