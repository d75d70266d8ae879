//! Adaptive sampling: curves split exactly at poles, jumps and undefined points, continuous
//! functions left whole, domain edges reached, kinks sharp, y ranges that show the
//! interesting part, and no panics or runaway work on hostile input.

use std::f64::consts::PI;

use slope::math::sample::{auto_y_range, sample, Break, BreakKind, Samples};
use slope::math::{differentiate, parse, Expr, Program};

const RESOLUTION: usize = 600;

#[track_caller]
fn expr(src: &str) -> Expr {
    parse(src).unwrap_or_else(|e| panic!("{src:?} does not parse: {e:?}"))
}

#[track_caller]
fn sampled(src: &str, (a, b): (f64, f64)) -> Samples {
    let samples = sample(&Program::compile(&expr(src), &["x"]), a, b, RESOLUTION);
    check_well_formed(src, &samples, (a, b), RESOLUTION);
    samples
}

/// Points finite, x strictly increasing throughout and inside the range, breaks in order,
/// and the point budget respected.
#[track_caller]
fn check_well_formed(src: &str, s: &Samples, (a, b): (f64, f64), resolution: usize) {
    let mut previous = f64::NEG_INFINITY;
    let mut total = 0;
    for segment in &s.segments {
        assert!(!segment.is_empty(), "{src}: empty segment");
        for &(x, y) in segment {
            assert!(
                x.is_finite() && y.is_finite(),
                "{src}: non-finite point ({x}, {y})"
            );
            assert!(x > previous, "{src}: x not increasing at {x}");
            assert!(x >= a && x <= b, "{src}: x = {x} outside [{a}, {b}]");
            previous = x;
        }
        total += segment.len();
    }
    assert!(
        total <= 8 * resolution + 64,
        "{src}: {total} points is over budget"
    );
    assert!(
        s.breaks.windows(2).all(|w| w[0].x < w[1].x),
        "{src}: breaks out of order"
    );
}

/// No segment runs across `x` (its first and last points are on one side).
#[track_caller]
fn check_split_at(src: &str, s: &Samples, x: f64) {
    for segment in &s.segments {
        let (first, last) = (segment[0].0, segment[segment.len() - 1].0);
        assert!(
            !(first < x && last > x),
            "{src}: a segment from {first} to {last} runs across {x}"
        );
    }
}

#[track_caller]
fn check_close(what: &str, actual: Option<f64>, expected: Option<f64>, tolerance: f64) {
    match (actual, expected) {
        (Some(a), Some(e)) => assert!((a - e).abs() <= tolerance, "{what}: got {a}, expected {e}"),
        (a, e) => assert_eq!(a, e, "{what}"),
    }
}

#[test]
fn continuous_functions_are_one_segment_without_breaks() {
    let cases = [
        ("sin(x)", (-5.0, 5.0)),
        ("sin(x)", (-5.0, 4.3)),
        ("x^2", (-5.0, 5.0)),
        ("x^2", (-3.0, 2.2)),
        ("abs(x)", (-5.0, 5.0)),
        ("abs(x)", (-5.0, 4.3)),
        ("abs(x - 1)", (-3.0, 2.9)),
        ("relu(x)", (-5.0, 4.3)),
        ("leaky_relu(x)", (-5.0, 4.3)),
        ("exp(x)", (-5.0, 5.0)),
        ("sigmoid(x)", (-8.0, 8.0)),
        ("x^3 - 2x", (-3.0, 3.0)),
        ("sin(x)*exp(-x^2/8)", (-5.0, 5.0)),
        ("atan(x)", (-10.0, 10.0)),
        ("tanh(100x)", (-1.0, 1.0)),
        ("exp(-100x^2)", (-5.0, 5.0)),
        ("x^(2/3)", (-2.0, 2.0)),
        ("tan(x)", (-1.5, 1.5)),
    ];
    for (src, range) in cases {
        let s = sampled(src, range);
        assert_eq!(s.segments.len(), 1, "{src} on {range:?}: segments");
        assert!(
            s.breaks.is_empty(),
            "{src} on {range:?}: breaks {:?}",
            s.breaks
        );
        let segment = &s.segments[0];
        assert_eq!(
            (segment[0].0, segment[segment.len() - 1].0),
            range,
            "{src}: whole range"
        );
    }
}

#[test]
fn jumps_are_split_and_reported_with_their_limits() {
    let abs_derivative = differentiate(&expr("abs(x)"), "x").result;
    let relu_derivative = differentiate(&expr("relu(x)"), "x").result;
    let derived = |e: &Expr| slope::math::to_text(e);
    // (function, x range, where the jump is, left limit, right limit)
    type Case = (String, (f64, f64), f64, f64, f64);
    let cases: Vec<Case> = vec![
        ("x/abs(x)".into(), (-5.0, 5.0), 0.0, -1.0, 1.0),
        ("x/abs(x)".into(), (-5.0, 4.3), 0.0, -1.0, 1.0),
        ("x/abs(x)".into(), (-0.7, 3.1), 0.0, -1.0, 1.0),
        ("x/abs(x)".into(), (-1e-6, 3e-6), 0.0, -1.0, 1.0),
        ("x/abs(x)".into(), (-100.0, 0.1), 0.0, -1.0, 1.0),
        ("step(x)".into(), (-5.0, 5.0), 0.0, 0.0, 1.0),
        ("step(x)".into(), (-5.0, 4.3), 0.0, 0.0, 1.0),
        ("x + step(x - 1)".into(), (-2.0, 3.7), 1.0, 1.0, 2.0),
        ("2 - 3step(x + 0.5)".into(), (-2.0, 3.7), -0.5, 2.0, -1.0),
        (derived(&abs_derivative), (-5.0, 4.3), 0.0, -1.0, 1.0),
        (derived(&relu_derivative), (-5.0, 4.3), 0.0, 0.0, 1.0),
    ];
    for (src, range, at, left, right) in &cases {
        let s = sampled(src, *range);
        let what = format!("{src} on {range:?}");
        assert_eq!(s.breaks.len(), 1, "{what}: breaks {:?}", s.breaks);
        let b: Break = s.breaks[0];
        let width = range.1 - range.0;
        assert!(
            (b.x - at).abs() <= 1e-9 * width,
            "{what}: break at {}, expected {at}",
            b.x
        );
        check_close(&format!("{what}: left limit"), b.left, Some(*left), 1e-6);
        check_close(&format!("{what}: right limit"), b.right, Some(*right), 1e-6);
        assert_eq!(b.kind, BreakKind::Jump, "{what}");
        assert_eq!(s.segments.len(), 2, "{what}: segments");
        check_split_at(&what, &s, b.x);
    }
}

#[test]
fn poles_are_split_without_vertical_lines() {
    let tan_poles: Vec<f64> = [-3.0, -1.0, 1.0, 3.0]
        .iter()
        .map(|k| k * PI / 2.0)
        .collect();
    let tan10_poles: Vec<f64> = (-16..16).map(|k| (2 * k + 1) as f64 * PI / 20.0).collect();
    let cases: Vec<(&str, (f64, f64), Vec<f64>)> = vec![
        ("tan(x)", (-5.0, 5.0), tan_poles),
        ("tan(10x)", (-5.0, 5.0), tan10_poles),
        ("1/x", (-5.0, 5.0), vec![0.0]),
        ("1/x", (-5.0, 4.3), vec![0.0]),
        ("(x^2+1)/(x-1)", (-5.0, 5.0), vec![1.0]),
        ("(x^2+1)/(x-1)", (-4.1, 5.3), vec![1.0]),
        ("1/x^2", (-5.0, 4.3), vec![0.0]),
        ("-1/x^2", (-5.0, 5.0), vec![0.0]),
        ("1/(x^2 - 1)", (-3.0, 3.3), vec![-1.0, 1.0]),
    ];
    for (src, range, poles) in &cases {
        let s = sampled(src, *range);
        let what = format!("{src} on {range:?}");
        assert_eq!(s.segments.len(), poles.len() + 1, "{what}: segments");
        assert_eq!(s.breaks.len(), poles.len(), "{what}: breaks {:?}", s.breaks);
        for (b, &pole) in s.breaks.iter().zip(poles) {
            check_split_at(&what, &s, pole);
            assert!(
                (b.x - pole).abs() <= 1e-8,
                "{what}: break at {}, pole at {pole}",
                b.x
            );
            assert_eq!(
                (b.left, b.right, b.kind),
                (None, None, BreakKind::Pole),
                "{what}"
            );
        }
        // The curve runs far off-screen towards each pole instead of stopping short of it.
        let top = s
            .segments
            .iter()
            .flatten()
            .map(|p| p.1.abs())
            .fold(0.0, f64::max);
        assert!(top > 1e6, "{what}: largest |y| sampled is only {top}");
    }
}

#[test]
fn domain_edges_are_reached_but_are_not_breaks() {
    // (function, range, where the domain starts or ends, value there)
    let cases = [
        ("ln(x)", (-5.0, 5.0), 0.0, None),
        ("ln(x)", (-5.0, 4.3), 0.0, None),
        ("sqrt(x)", (-5.0, 5.0), 0.0, Some(0.0)),
        ("sqrt(x)", (-5.0, 4.3), 0.0, Some(0.0)),
        ("sqrt(1 - x^2)", (-2.0, 2.1), -1.0, Some(0.0)),
        ("sqrt(1 - x^2)", (-2.0, 2.1), 1.0, Some(0.0)),
        ("asin(x)", (-3.0, 2.9), 1.0, Some(PI / 2.0)),
    ];
    for (src, range, edge, value) in cases {
        let s = sampled(src, range);
        let what = format!("{src} on {range:?}, edge {edge}");
        assert_eq!(s.segments.len(), 1, "{what}: segments");
        assert!(s.breaks.is_empty(), "{what}: breaks {:?}", s.breaks);
        let nearest = s.segments[0]
            .iter()
            .min_by(|p, q| (p.0 - edge).abs().total_cmp(&(q.0 - edge).abs()))
            .copied()
            .unwrap();
        let width = range.1 - range.0;
        assert!(
            (nearest.0 - edge).abs() <= 1e-8 * width,
            "{what}: closest sample at {}",
            nearest.0
        );
        match value {
            Some(v) => assert!(
                (nearest.1 - v).abs() < 1e-3,
                "{what}: value {} there",
                nearest.1
            ),
            None => assert!(
                nearest.1 < -15.0,
                "{what}: ln should plunge, got {}",
                nearest.1
            ),
        }
    }
}

#[test]
fn an_undefined_point_between_equal_limits_is_a_removable_break() {
    // The grid on [-5, 5] lands on 0 exactly, where sin(x)/x is 0/0.
    let s = sampled("sin(x)/x", (-5.0, 5.0));
    assert_eq!(s.breaks.len(), 1, "{:?}", s.breaks);
    let b = s.breaks[0];
    assert_eq!((b.x, b.kind), (0.0, BreakKind::Removable));
    check_close("left", b.left, Some(1.0), 1e-6);
    check_close("right", b.right, Some(1.0), 1e-6);
}

#[test]
fn kinks_are_sharp() {
    let cases = [
        ("abs(x)", (-5.0, 4.3), 0.0),
        ("abs(x)", (-5.0, 5.0), 0.0),
        ("relu(x)", (-5.0, 4.3), 0.0),
        ("abs(x - 1)", (-3.0, 2.9), 1.0),
        ("abs(x^2 - 1)", (-2.3, 2.0), -1.0),
        ("abs(x^2 - 1)", (-2.3, 2.0), 1.0),
    ];
    for (src, range, kink) in cases {
        let s = sampled(src, range);
        let closest = s
            .segments
            .iter()
            .flatten()
            .map(|p| (p.0 - kink).abs())
            .fold(f64::INFINITY, f64::min);
        let width = range.1 - range.0;
        assert!(
            closest <= 1e-7 * width,
            "{src} on {range:?}: closest sample to {kink} is {closest} away"
        );
    }
}

#[test]
fn hostile_input_gives_empty_or_well_formed_samples() {
    let x = Program::compile(&expr("x"), &["x"]);
    let empty = [
        (1.0, 1.0, 600),
        (2.0, 1.0, 600),
        (f64::NAN, 1.0, 600),
        (0.0, f64::INFINITY, 600),
        (f64::NEG_INFINITY, f64::INFINITY, 600),
        (-1e308, 1e308, 600),
        (0.0, 1.0, 0),
    ];
    for (a, b, resolution) in empty {
        assert_eq!(
            sample(&x, a, b, resolution),
            Samples::default(),
            "[{a}, {b}] at {resolution}"
        );
    }
    for src in ["sqrt(-1 - x^2)", "ln(-abs(x) - 1)", "1/0", "x/0"] {
        let s = sample(&Program::compile(&expr(src), &["x"]), -5.0, 5.0, 600);
        assert_eq!(s, Samples::default(), "{src}");
    }
    // Odd but legal ranges and resolutions, and functions that defeat any sampler.
    let odd = [
        ("x", (1.0, 1.0 + 1e-15), 600),
        ("x", (-1e300, 1e300), 600),
        ("x^2", (0.0, 1.0), 1),
        ("x^2", (0.0, 1.0), 2),
        ("x^2", (0.0, 1.0), 1_000_000),
        ("sin(1/x)", (-1.0, 1.0), 600),
        ("1/sin(20x)", (-5.0, 5.0), 600),
        ("tan(50x)", (-5.0, 5.0), 600),
        ("x^x", (-3.0, 3.0), 600),
        ("(-2)^x", (-3.0, 3.0), 600),
        ("exp(1/x)", (-2.0, 2.0), 600),
        ("exp(x^2)", (-30.0, 30.0), 600),
        ("step(sin(30x))", (-5.0, 5.0), 600),
        ("1e-300*x", (-5.0, 5.0), 600),
        ("1e-300*x + 1e300*step(x)", (-5.0, 5.0), 600),
    ];
    for (src, range, resolution) in odd {
        let s = sample(
            &Program::compile(&expr(src), &["x"]),
            range.0,
            range.1,
            resolution,
        );
        check_well_formed(src, &s, range, resolution.min(16_384));
    }
}

#[track_caller]
fn check_y_range(src: &str, range: (f64, f64), shows: (f64, f64), within: (f64, f64)) {
    let (lo, hi) = auto_y_range(&sampled(src, range), range.0, range.1);
    assert!(
        lo.is_finite() && hi.is_finite() && lo < hi,
        "{src}: ({lo}, {hi})"
    );
    assert!(
        lo <= shows.0 && hi >= shows.1,
        "{src}: ({lo}, {hi}) hides part of {shows:?}"
    );
    assert!(
        lo >= within.0 && hi <= within.1,
        "{src}: ({lo}, {hi}) reaches beyond {within:?}"
    );
}

#[test]
fn y_range_shows_the_interesting_part() {
    let inf = f64::INFINITY;
    // (function, x range, must show, must stay within)
    let cases = [
        ("tan(x)", (-5.0, 5.0), (-3.0, 3.0), (-20.0, 20.0)),
        ("tan(10x)", (-5.0, 5.0), (-3.0, 3.0), (-20.0, 20.0)),
        ("1/x", (-5.0, 5.0), (-1.0, 1.0), (-10.0, 10.0)),
        ("1/x^2", (-5.0, 4.3), (0.1, 4.0), (-5.0, 50.0)),
        ("(x^2+1)/(x-1)", (-5.0, 5.0), (-4.0, 6.0), (-30.0, 30.0)),
        ("ln(x)", (-5.0, 5.0), (-1.0, 1.6), (-10.0, 5.0)),
        ("sqrt(x)", (-5.0, 5.0), (0.0, 2.2), (-1.0, 3.0)),
        // Padded on both sides, whole curve in view.
        ("x^2", (-2.0, 2.0), (-0.1, 4.1), (-1.0, 5.0)),
        ("exp(x)", (-5.0, 5.0), (0.0, 148.0), (-inf, 200.0)),
        // A narrow spike is a feature, not an asymptote.
        ("exp(-100x^2)", (-5.0, 5.0), (0.0, 1.0), (-0.5, 1.5)),
        ("x/abs(x)", (-5.0, 4.3), (-1.05, 1.05), (-2.0, 2.0)),
        ("step(x)", (-5.0, 4.3), (-0.05, 1.05), (-1.0, 2.0)),
        ("sin(x)", (-5.0, 5.0), (-1.0, 1.0), (-1.5, 1.5)),
    ];
    for (src, range, shows, within) in cases {
        check_y_range(src, range, shows, within);
    }
}

#[test]
fn y_range_of_a_constant_or_of_nothing() {
    let (x0, x1) = (-5.0, 5.0);
    assert_eq!(auto_y_range(&sampled("3", (x0, x1)), x0, x1), (2.0, 4.0));
    assert_eq!(auto_y_range(&sampled("0*x", (x0, x1)), x0, x1), (-1.0, 1.0));
    assert_eq!(auto_y_range(&Samples::default(), x0, x1), (-1.0, 1.0));
    let (lo, hi) = auto_y_range(&sampled("1e200", (x0, x1)), x0, x1);
    assert!(lo < 1e200 && hi > 1e200 && lo.is_finite() && hi.is_finite());
    let (lo, hi) = auto_y_range(&Samples::default(), f64::NAN, f64::NAN);
    assert!(lo < hi);
}

/// f′ of a step-like function gets an open circle at each jump of f, even though its formula
/// (0) is defined there.
#[test]
fn derivative_is_cut_where_the_function_breaks() {
    let s = slope::math::Study::parse("floor(x)").unwrap();
    let f = slope::math::sample::sample(&s.f_program, -3.5, 3.5, 700);
    let jumps: Vec<f64> = f.breaks.iter().map(|b| b.x).collect();
    assert_eq!(jumps.len(), 7, "{jumps:?}");
    let mut df = slope::math::sample::sample(&s.df_program, -3.5, 3.5, 700);
    slope::math::sample::exclude_points(&mut df, &jumps);
    assert_eq!(df.segments.len(), 8);
    assert_eq!(df.breaks.len(), 7);
    for (b, k) in df.breaks.iter().zip(-3..=3) {
        assert!((b.x - k as f64).abs() < 1e-6, "{b:?}");
        assert_eq!((b.left, b.right), (Some(0.0), Some(0.0)));
    }
    // No segment runs through a jump.
    for seg in &df.segments {
        let (a, z) = (seg[0].0, seg[seg.len() - 1].0);
        assert!(
            !(-3..=3).any(|k| a < k as f64 && (k as f64) < z),
            "{a}..{z}"
        );
    }
}

/// A removable hole is drawn as an open circle on f and on f′, wherever the grid falls.
#[test]
fn removable_holes_are_open_circles_on_f_and_f_prime() {
    let cases = [
        ("sin(x)/x", 0.0, 1.0),
        ("(x^2-1)/(x+1)", -1.0, -2.0),
        ("(x^2-4)/(x-2)", 2.0, 4.0),
    ];
    for (f, at, value) in cases {
        let s = slope::math::Study::parse(f).unwrap();
        // Views whose grids do not land on the hole, and zoomed far in.
        for (lo, hi, px) in [
            (-5.3, 4.1, 613),
            (at - 1e-3, at + 7e-4, 587),
            (-9.7, 9.1, 1000),
        ] {
            let fs = s.sample_f(lo, hi, px);
            let hole = fs.breaks.iter().find(|b| (b.x - at).abs() < 1e-9);
            let hole = hole
                .unwrap_or_else(|| panic!("{f} on [{lo}, {hi}]: no hole at {at}: {:?}", fs.breaks));
            let (l, r) = (hole.left.unwrap(), hole.right.unwrap());
            assert!(
                (l - value).abs() < 1e-3 && (r - value).abs() < 1e-3,
                "{f}: {hole:?}"
            );
            assert_eq!(hole.kind, slope::math::sample::BreakKind::Removable, "{f}");
            let dfs = s.sample_df(lo, hi, px);
            assert!(
                dfs.breaks.iter().any(|b| (b.x - at).abs() < 1e-9),
                "{f}′: {:?}",
                dfs.breaks
            );
            for seg in &dfs.segments {
                let (a, z) = (seg[0].0, seg[seg.len() - 1].0);
                assert!(!(a < at && at < z), "{f}′ runs through its hole: {a}..{z}");
            }
        }
    }
    // No false holes: a continuous function has none.
    let s = slope::math::Study::parse("x^2/(x^2+1)").unwrap();
    assert!(s.sample_f(-5.0, 5.0, 600).breaks.is_empty());
}

/// At a jump the function's own value is a filled circle at the exact, round x.
#[test]
fn jumps_know_the_value_the_function_takes() {
    let s = slope::math::Study::parse("floor(x)").unwrap();
    let f = s.sample_f(-3.3, 3.7, 613);
    assert_eq!(f.breaks.len(), 7);
    for (b, k) in f.breaks.iter().zip(-3..=3) {
        assert_eq!(b.x, k as f64, "{b:?}");
        assert_eq!(b.value, Some(k as f64), "{b:?}");
    }
    let sign = slope::math::Study::parse("sign(x)")
        .unwrap()
        .sample_f(-2.1, 1.9, 500);
    assert_eq!(sign.breaks.len(), 1);
    assert_eq!((sign.breaks[0].x, sign.breaks[0].value), (0.0, Some(0.0)));
    for undefined in ["step(x)", "x/abs(x)"] {
        let b = slope::math::Study::parse(undefined)
            .unwrap()
            .sample_f(-2.1, 1.9, 500);
        assert_eq!(b.breaks.len(), 1, "{undefined}");
        assert_eq!(b.breaks[0].value, None, "{undefined}");
    }
}

/// A sample that lands exactly on a jump (sign(0) = 0 on the default view) no longer joins
/// the two sides with a vertical stroke.
#[test]
fn a_sample_on_the_jump_is_its_value_not_a_stroke() {
    for (lo, hi) in [(-5.0, 5.0), (-1.0, 1.0), (-2.1, 1.9), (-2.13, 1.91)] {
        let s = slope::math::Study::parse("sign(x)")
            .unwrap()
            .sample_f(lo, hi, 500);
        assert_eq!(s.segments.len(), 2, "[{lo}, {hi}]");
        assert_eq!(s.breaks.len(), 1, "[{lo}, {hi}]: {:?}", s.breaks);
        let b = s.breaks[0];
        assert_eq!(
            (b.x, b.left, b.right, b.value),
            (0.0, Some(-1.0), Some(1.0), Some(0.0))
        );
        assert!(
            s.segments[0].iter().all(|p| p.1 == -1.0) && s.segments[1].iter().all(|p| p.1 == 1.0)
        );
    }
    // A steep but continuous curve is not cut.
    let s = slope::math::Study::parse("tanh(1000x)")
        .unwrap()
        .sample_f(-5.0, 5.0, 500);
    assert!(s.breaks.is_empty(), "{:?}", s.breaks);
}

/// −ln(x) on [0, 1] climbs without bound as x → 0⁺, continuously: its value grows by ln 2
/// every time x halves. At the finest width of the probes (2·10⁻¹⁰ of the span) such a
/// step is still taller than a pixel; next to 0 they look closer (10⁻⁹ of |x|) and see it
/// shrink. Poles and jumps next to 0, or at it, are still found.
#[test]
fn log_climb_to_a_domain_edge_is_no_jump() {
    for (f, lo, hi) in [
        ("-ln(x)", 0.0, 1.0),
        ("ln(-x)", -1.0, 0.0),
        ("x ln(x)", 0.0, 2.0),
        ("1/ln(x)", 0.0, 0.5),
    ] {
        let s = slope::math::Study::parse(f).unwrap();
        for width in [200, 250, 300, 330, 390, 400, 700, 1000] {
            let samples = s.sample_f(lo, hi, width);
            assert!(
                samples.breaks.is_empty(),
                "{f}, {width} px: {:?}",
                samples.breaks
            );
        }
    }
    for (f, at) in [
        ("1/x", 0.0),
        ("sign(x)", 0.0),
        ("1/(x - 0.000000001)", 1e-9),
        ("1/(x - 0.0000001)", 1e-7),
        ("sign(x - 0.0000001)", 1e-7),
    ] {
        let s = slope::math::Study::parse(f).unwrap();
        for width in [300, 1000] {
            let samples = s.sample_f(-1.0, 1.0, width);
            assert!(
                samples.breaks.iter().any(|b| (b.x - at).abs() < 1e-9),
                "{f}, {width} px: {:?}",
                samples.breaks
            );
        }
    }
}
