//! Second derivatives and Taylor polynomials: f, f′ and f″ stacked (f shaded where f″ > 0,
//! inflection points marked), and the Taylor polynomial of degree 1…8 at x₀ hugging f. Every
//! derivative is the engine's; state in the address: `#/second-derivatives?f=sin(x)&x0=0&n=3`.

#[cfg(target_arch = "wasm32")]
mod page;
#[cfg(target_arch = "wasm32")]
pub use page::use_page;

use crate::math::sample::Samples;
use crate::math::{differentiate, Expr, Program, Study};
use crate::plot::view::View;

pub const START_F: &str = "sin(x)";
pub const START_X0: f64 = 0.0;
pub const START_DEGREE: usize = 1;
pub const MAX_DEGREE: usize = 8;
/// What the plots show, and the range of the x₀ slider.
pub const VIEW: View = View {
    x_min: -6.5,
    x_max: 6.5,
};
pub const X0_STEP: f64 = 0.05;
/// A derivative longer than this (in operations) is not worth writing out: the Taylor
/// polynomial stops before it (and the work per degree stays bounded).
const LONGEST: usize = 400;

/// What the page shows: the function, the point and the degree.
#[derive(Clone, Debug, PartialEq)]
pub struct Setting {
    pub f: String,
    pub x0: f64,
    pub degree: usize,
}

pub fn from_query(query: &str) -> Setting {
    let get = |k: &str| crate::ui::query::get(query, k);
    let x0 = crate::ui::grid::from_address(query, "x0", (VIEW.x_min, VIEW.x_max), X0_STEP)
        .unwrap_or(START_X0);
    let degree = get("n")
        .and_then(|v| v.trim().parse::<usize>().ok())
        .map(|n| n.clamp(1, MAX_DEGREE))
        .unwrap_or(START_DEGREE);
    Setting {
        f: get("f").unwrap_or_else(|| START_F.into()),
        x0,
        degree,
    }
}

pub fn to_query(s: &Setting) -> String {
    crate::ui::query::to_query(&[
        ("f", s.f.clone()),
        ("x0", crate::plot::format::plain(s.x0)),
        ("n", s.degree.to_string()),
    ])
}

/// Why a Taylor polynomial stops short of the degree asked for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Stop {
    /// The k-th derivative does not exist at x₀ (or f itself is undefined there, k = 0).
    Undefined(usize),
    /// The k-th derivative is too long to work with.
    TooLong(usize),
}

/// f, f′, f″, … up to the n-th derivative (parameters at their values), each as an
/// expression and compiled to be undefined wherever any before it is; fewer when one grows
/// too long or the engine's budget runs out.
pub fn derivatives(study: &Study, n: usize) -> (Vec<(Expr, Program)>, Option<Stop>) {
    let var = study.var.as_str();
    let mut out = Vec::new();
    let mut e = study.f_fixed.clone();
    let mut guard = e.clone();
    for k in 0..=n {
        out.push((e.clone(), Program::compile_guarded(&e, &guard, &[var])));
        if k == n {
            break;
        }
        let d = differentiate(&e, var);
        if !d.complete || d.result.op_count() > LONGEST {
            return (out, Some(Stop::TooLong(k + 1)));
        }
        guard = Expr::Add(Box::new(guard), Box::new(d.result.clone()));
        e = d.result;
    }
    (out, None)
}

/// f(x₀), f′(x₀), …: the Taylor coefficients times k!, as far as they exist.
pub fn values_at(
    derivs: &[(Expr, Program)],
    stop: Option<Stop>,
    x0: f64,
) -> (Vec<f64>, Option<Stop>) {
    let mut values = Vec::new();
    for (k, (_, p)) in derivs.iter().enumerate() {
        let v = p.eval(&[x0]);
        if !v.is_finite() {
            return (values, Some(Stop::Undefined(k)));
        }
        values.push(v);
    }
    (values, stop)
}

/// k! as a double.
pub fn factorial(k: usize) -> f64 {
    (1..=k).map(|i| i as f64).product()
}

/// The Taylor polynomial Σ f⁽ᵏ⁾(x₀)/k! · (x − x₀)ᵏ, with full-precision coefficients (what is
/// plotted).
pub fn polynomial(values: &[f64], x0: f64, var: &str) -> Expr {
    let shift = Expr::Sub(Box::new(Expr::var(var)), Box::new(Expr::Num(x0)));
    values
        .iter()
        .enumerate()
        .map(|(k, v)| {
            let power = Expr::Pow(Box::new(shift.clone()), Box::new(Expr::Num(k as f64)));
            Expr::Mul(Box::new(Expr::Num(v / factorial(k))), Box::new(power))
        })
        .reduce(|a, b| Expr::Add(Box::new(a), Box::new(b)))
        .unwrap_or(Expr::Num(0.0))
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// The Taylor polynomial as a textbook writes it (`x - x^3/6`, `1 + 2(x - 1)`), and whether a
/// coefficient had to be rounded (4 significant digits).
pub fn polynomial_text(values: &[f64], x0: f64, var: &str) -> (String, bool) {
    let base = if x0 == 0.0 {
        var.to_string()
    } else if x0 < 0.0 {
        format!("({var} + {})", crate::plot::format::plain(-x0))
    } else {
        format!("({var} - {})", crate::plot::format::plain(x0))
    };
    let mut rounded = false;
    let mut terms: Vec<String> = Vec::new();
    for (k, v) in values.iter().enumerate() {
        if *v == 0.0 {
            continue;
        }
        let t = match k {
            0 => String::new(),
            1 => base.clone(),
            _ => format!("{base}^{k}"),
        };
        let term = if let Some((sign, p, q)) = fraction(*v, k) {
            match (t.is_empty(), p, q) {
                (true, _, 1) => format!("{sign}{p}"),
                (true, _, _) => format!("{sign}{p}/{q}"),
                (false, 1, 1) => format!("{sign}{t}"),
                (false, _, 1) => format!("{sign}{p}{t}"),
                (false, 1, _) => format!("{sign}{t}/{q}"),
                (false, _, _) => format!("{sign}{p}{t}/{q}"),
            }
        } else {
            rounded = true;
            let c = coefficient(v / factorial(k));
            if t.is_empty() {
                c
            } else {
                format!("{c}{t}")
            }
        };
        terms.push(term);
    }
    if terms.is_empty() {
        return ("0".into(), rounded);
    }
    (terms.join(" + ").replace("+ -", "- "), rounded)
}

/// f⁽ᵏ⁾(x₀)/k! as a reduced fraction (sign, numerator, denominator) when f⁽ᵏ⁾(x₀) is a
/// whole number, as textbooks write it (x³/6).
fn fraction(v: f64, k: usize) -> Option<(&'static str, u64, u64)> {
    if v.fract() != 0.0 || v.abs() >= 1e12 || k > 20 {
        return None;
    }
    let q = factorial(k) as u64;
    let p = v.abs() as u64;
    let g = gcd(p, q).max(1);
    Some((if v < 0.0 { "-" } else { "" }, p / g, q / g))
}

/// The coefficient of the degree-`k` term for f⁽ᵏ⁾(x₀) = `v`, exactly as the formula
/// writes it: `-1/6`, `2`, `0.02251`.
pub fn coefficient_of(v: f64, k: usize) -> String {
    match fraction(v, k) {
        Some((sign, p, 1)) => format!("{sign}{p}"),
        Some((sign, p, q)) => format!("{sign}{p}/{q}"),
        None => coefficient(v / factorial(k)),
    }
}

/// A Taylor coefficient (or a derivative's value beside it) as the page shows it, in the
/// formula and in the list alike: four significant digits, in a form the parser reads back
/// (`0.02251`, `-1.5`, `2.756e-7`, never a tiny coefficient rounded away to 0).
pub fn coefficient(v: f64) -> String {
    let r = round_significant(v, 4);
    if r == 0.0 {
        "0".into()
    } else if (1e-4..1e9).contains(&r.abs()) {
        format!("{r}")
    } else {
        format!("{r:e}")
    }
}

fn round_significant(v: f64, digits: i32) -> f64 {
    if v == 0.0 {
        return 0.0;
    }
    let scale = 10f64.powi(digits - 1 - v.abs().log10().floor() as i32);
    (v * scale).round() / scale
}

/// The x intervals where sampled f″ is positive (f concave up), ends found by linear
/// interpolation between samples.
pub fn concave_up(ddf: &Samples) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    for seg in &ddf.segments {
        let mut start: Option<f64> = None;
        for (i, &(x, y)) in seg.iter().enumerate() {
            let crossing = |a: (f64, f64), b: (f64, f64)| a.0 + (b.0 - a.0) * a.1 / (a.1 - b.1);
            if y > 0.0 && start.is_none() {
                start = Some(if i == 0 || seg[i - 1].1 == 0.0 {
                    seg[i.saturating_sub(1)].0.min(x)
                } else {
                    crossing(seg[i - 1], (x, y))
                });
            } else if y <= 0.0 {
                if let Some(s) = start.take() {
                    let end = if y == 0.0 {
                        x
                    } else {
                        crossing(seg[i - 1], (x, y))
                    };
                    out.push((s, end));
                }
            }
        }
        if let (Some(s), Some(last)) = (start, seg.last()) {
            out.push((s, last.0));
        }
    }
    out
}

/// Where sampled f″ changes sign, refined by bisection on `ddf_at`: the inflection points. A
/// change across a gap in f″ counts only where `smooth_across(a, b)` (f and f′ are continuous
/// over the gap, as for x|x| at 0), never at a pole or a jump of f (1/x at 0 is no inflection
/// point).
pub fn inflections(
    ddf: &Samples,
    ddf_at: impl Fn(f64) -> f64,
    smooth_across: impl Fn(f64, f64) -> bool,
) -> Vec<f64> {
    let refine = |mut a: (f64, f64), mut b: f64| {
        for _ in 0..60 {
            let m = (a.0 + b) / 2.0;
            let y = ddf_at(m);
            if !y.is_finite() || m == a.0 || m == b {
                break;
            }
            if (y > 0.0) == (a.1 > 0.0) {
                a = (m, y);
            } else {
                b = m;
            }
        }
        (a.0 + b) / 2.0
    };
    let mut out = Vec::new();
    let mut previous: Option<(f64, f64)> = None;
    for seg in &ddf.segments {
        if let (Some(a), Some(&b)) = (previous, seg.first()) {
            if a.1 * b.1 < 0.0 && smooth_across(a.0, b.0) {
                out.push((a.0 + b.0) / 2.0);
            }
        }
        // Sign changes inside a piece; zeros (f″ = 0 at a point or on an interval) are
        // stepped over, so x⁴, whose f″ only touches 0, has none.
        let mut last: Option<(f64, f64)> = None;
        for &(x, y) in seg {
            if y == 0.0 {
                continue;
            }
            if let Some(l) = last {
                if l.1 * y < 0.0 {
                    out.push(refine(l, x));
                }
            }
            last = Some((x, y));
        }
        previous = seg.last().copied();
    }
    out
}

/// The inflection points as they are said: `x = π/2` where f″ changes sign at π/2, never
/// `x = −4.3368×10⁻²¹` for the 0 of x³ − 3x.
pub fn inflection_places(xs: &[f64], view: (f64, f64), ddf_at: impl Fn(f64) -> f64) -> Vec<String> {
    xs.iter()
        .map(|&x| crate::plot::describe::sign_change(x, view, &ddf_at).text)
        .collect()
}

/// A number in subscript digits (`T₃`).
pub fn subscript(n: usize) -> String {
    n.to_string()
        .chars()
        .filter_map(|c| c.to_digit(10).and_then(|d| char::from_u32(0x2080 + d)))
        .collect()
}

/// Whether sampled curves run unbroken over [a, b]: one piece of each spans it.
pub fn continuous_across(curves: &[&Samples], a: f64, b: f64) -> bool {
    curves.iter().all(|s| {
        s.segments.iter().any(|seg| {
            seg.first().is_some_and(|p| p.0 <= a) && seg.last().is_some_and(|p| p.0 >= b)
        })
    })
}

/// The name of the k-th derivative: f, f′, f″, f‴, f⁽⁴⁾, …
pub fn derivative_name(k: usize) -> String {
    const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    match k {
        0 => "f".into(),
        1 => "f′".into(),
        2 => "f″".into(),
        3 => "f‴".into(),
        _ => {
            let digits: String = k
                .to_string()
                .chars()
                .filter_map(|c| c.to_digit(10).map(|d| SUPERSCRIPTS[d as usize]))
                .collect();
            format!("f⁽{digits}⁾")
        }
    }
}

/// f(x₀), f′(x₀), f″(x₀) as far as they exist, from the studies the plots draw (`second` is
/// the study of f′). Not from the Taylor polynomial's list, which stops where a derivative
/// grows too long to expand: that is no reason to say f″ does not exist.
pub fn readout_values(study: &Study, second: &Study, x0: f64) -> Vec<f64> {
    [study.f_at(x0), study.df_at(x0), second.df_at(x0)]
        .into_iter()
        .take_while(|v| v.is_finite())
        .collect()
}

/// The readout: f, f′ and f″ at x₀ and what f″ says about the curve there.
pub fn readout(values: &[f64], x0: f64, inflection_here: bool) -> String {
    use crate::plot::format::value;
    let at = value(x0);
    let shown: Vec<String> = values
        .iter()
        .take(3)
        .enumerate()
        .map(|(k, v)| format!("{}({at}) = {}", derivative_name(k), value(*v)))
        .collect();
    let bend = match values.get(2) {
        None => "f″ does not exist here, so there is no concavity to read.".to_string(),
        Some(_) if inflection_here => "f″ changes sign here: an inflection point.".into(),
        Some(v) if *v > 0.0 => "f″ > 0: f is concave up here (it bends upward).".into(),
        Some(v) if *v < 0.0 => "f″ < 0: f is concave down here (it bends downward).".into(),
        Some(_) => "f″ = 0 here, but it does not change sign: no inflection point.".into(),
    };
    format!("At x₀ = {at}: {}. {bend}", shown.join(", "))
}

/// Why the polynomial stopped, in words.
pub fn stop_text(stop: Stop, x0: f64) -> String {
    let at = crate::plot::format::value(x0);
    match stop {
        Stop::Undefined(0) => {
            format!("f is undefined at x₀ = {at}: there is no Taylor polynomial there.")
        }
        Stop::Undefined(k) => format!(
            "{}({at}) does not exist, so the Taylor polynomial at this point stops at degree {}.",
            derivative_name(k),
            k - 1
        ),
        Stop::TooLong(k) => format!(
            "The derivative {} is too long to be useful, so the polynomial stops at degree {}.",
            derivative_name(k),
            k - 1
        ),
    }
}

pub const INTRO: &str = "<p>The derivative f′ is a function too, so it has a derivative of its \
    own: the <strong>second derivative</strong> f″, the slope of the slope. Where f″ &gt; 0, f′ \
    is increasing, so f bends upward: it is <strong>concave up</strong> (shaded green below). \
    Where f″ &lt; 0, f bends downward, <strong>concave down</strong>. A point where f″ changes \
    sign is an <strong>inflection point</strong>: there the curve switches from one bend to \
    the other.</p>";

pub const TAYLOR: &str = "<p>The tangent line at x₀ is the straight line with the same value \
    and the same slope as f there: T₁(x) = f(x₀) + f′(x₀)(x − x₀). It is the <strong>Taylor \
    polynomial of degree 1</strong>. Ask the polynomial to match the bend as well (f″), then \
    the change of bend (f‴), and so on: the degree-n polynomial matches f and its first n \
    derivatives at x₀.</p>\
    <math display=\"block\" alttext=\"T n of x equals the sum for k from 0 to n of f k of x0 over k factorial times x minus x0 to the k\"><msub><mi>T</mi><mi>n</mi></msub><mo>(</mo><mi>x</mi><mo>)</mo><mo>=</mo><munderover><mo>∑</mo><mrow><mi>k</mi><mo>=</mo><mn>0</mn></mrow><mi>n</mi></munderover><mfrac><mrow><msup><mi>f</mi><mrow><mo>(</mo><mi>k</mi><mo>)</mo></mrow></msup><mo>(</mo><msub><mi>x</mi><mn>0</mn></msub><mo>)</mo></mrow><mrow><mi>k</mi><mo>!</mo></mrow></mfrac><msup><mrow><mo>(</mo><mi>x</mi><mo>−</mo><msub><mi>x</mi><mn>0</mn></msub><mo>)</mo></mrow><mi>k</mi></msup></math>\
    <p>Move the <em>Degree</em> slider: the dashed polynomial hugs f over a wider and wider \
    stretch around x₀. Far from x₀ it still parts company with f, sooner where f has a pole \
    or a corner nearby.</p>";
