//! The plot descriptions a screen reader hears, checked against the function itself on a
//! corpus of functions with poles, holes, kinks, jumps, domain edges, oscillation, flat
//! stretches and huge ranges. Every "y = V at x = X" and "x = X (a … point, y = V)" in the
//! words must be f at X (and, on the f′ plot, a central difference of f at X); every turning
//! point must be a local extremum of a fine grid with the slope changing sign around it, far
//! from any asymptote; every zero a zero; and every sign change and every turn the grid finds
//! away from the described breaks must be described. Written so that it fails on the
//! descriptions of `tan x`, `sec^2 x` and `1/(x-2)` that read near-pole samples as heights.

use slope::math::eval::Program;
use slope::math::study::Study;
use slope::plot::describe::{describe_curve, facts, BreakWord, End, Facts, MAX_NAMED};

const CORPUS: &[&str] = &[
    // poles
    "tan x",
    "sec^2 x",
    "1/(x-2)",
    "1/x",
    "1/x^2",
    "x/(x^2-1)",
    "cot x",
    "ln(abs(x))",
    "e^(1/x)",
    // holes
    "sin(x)/x",
    "(x^2-1)/(x-1)",
    "(1-cos(x))/x^2",
    "x/x",
    // kinks
    "abs(x)",
    "abs(x^2-4)",
    "x^(2/3)",
    "x^(1/3)",
    "abs(sin x)",
    "max(x, x^2)",
    // jumps
    "floor(x)",
    "sign(x)",
    "x/abs(x)",
    "floor(x) + x/2",
    // domain edges
    "sqrt(x)",
    "ln x",
    "x^x",
    "sqrt(x^2-1)",
    "sqrt(4-x^2)",
    "x ln x",
    "asin(x)",
    "acos(x/5)",
    // oscillation
    "sin(10x)",
    "sin(1/x)",
    "x sin(1/x)",
    "sin(x^2)",
    "e^(-x) sin(5x)",
    // flat stretches
    "3",
    "relu(x)",
    "max(0, x-1)",
    "0*x + 2",
    // huge and tiny ranges
    "e^x",
    "e^(x^2)",
    "x^10",
    "10^x",
    "cosh(5x)",
    "1000000x",
    "0.000001 x^2",
    // smooth
    "x^2 - 1",
    "x^3 - 3x",
    "sin x",
    "ln(x^2+1)",
    "sigmoid(x)",
    "tanh x",
    "x^2 sin x",
    "x e^(-x^2)",
];

const VIEW: (f64, f64) = (-5.0, 5.0);
const WIDTH_PX: usize = 600;

/// A number as a description prints it: `−1.5708`, `3.4862×10¹⁴`, `π/2`, `−3π/2`, `2π`.
fn number(text: &str) -> Option<f64> {
    let t = text.replace('−', "-");
    if let Some((coef, rest)) = t.split_once('π') {
        let c = match coef {
            "" => 1.0,
            "-" => -1.0,
            c => c.parse().ok()?,
        };
        let d = match rest.strip_prefix('/') {
            Some(d) => d.parse().ok()?,
            None if rest.is_empty() => 1.0,
            None => return None,
        };
        return Some(c * std::f64::consts::PI / d);
    }
    if let Some((m, e)) = t.split_once("×10") {
        let digits: String = e
            .chars()
            .map(|c| match c {
                '⁻' => '-',
                '⁰' => '0',
                '¹' => '1',
                '²' => '2',
                '³' => '3',
                c @ '⁴'..='⁹' => char::from_digit(c as u32 - '⁴' as u32 + 4, 10).unwrap(),
                c => c,
            })
            .collect();
        let e: i32 = digits.parse().ok()?;
        return Some(m.parse::<f64>().ok()? * 10f64.powi(e));
    }
    t.parse().ok()
}

/// The number at the start of `s` (up to a space, comma, bracket or full stop that ends it).
fn leading_number(s: &str) -> Option<(f64, usize)> {
    let end = s
        .char_indices()
        .find(|&(i, c)| {
            c == ' '
                || c == ','
                || c == ')'
                || c == '('
                || c == ';'
                || (c == '.' && !s[i + 1..].starts_with(|d: char| d.is_ascii_digit()))
        })
        .map(|(i, _)| i)
        .unwrap_or(s.len());
    number(&s[..end]).map(|v| (v, end))
}

/// Every (x, y) pair the words state: "y = V at x = X" and "x = X (a … point, y = V)".
fn stated_points(text: &str) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("y = ") {
        let tail = &rest[i + 4..];
        if let Some((y, n)) = leading_number(tail) {
            if let Some(after) = tail[n..].strip_prefix(" at x = ") {
                if let Some((x, _)) = leading_number(after) {
                    out.push((x, y));
                }
            }
        }
        rest = tail;
    }
    let mut rest = text;
    while let Some(i) = rest.find("x = ") {
        let tail = &rest[i + 4..];
        if let Some((x, n)) = leading_number(tail) {
            let after = &tail[n..];
            if after.starts_with(" (a high point, y = ") || after.starts_with(" (a low point, y = ")
            {
                let v = &after[after.find("y = ").unwrap() + 4..];
                if let Some((y, _)) = leading_number(v) {
                    out.push((x, y));
                }
            }
        }
        rest = tail;
    }
    out
}

/// A printed value agrees with the true one: to its printed precision (4 decimals, or 5
/// significant digits), or to round-off next to the curve's size around it.
fn agrees(printed: f64, truth: f64, local: f64) -> bool {
    let d = (printed - truth).abs();
    d <= 6e-5 + 1e-4 * truth.abs() || d <= 1e-9 * local
}

struct Grid {
    xs: Vec<f64>,
    ys: Vec<f64>,
}

impl Grid {
    fn new(p: &Program) -> Grid {
        let n = 100_001;
        let xs: Vec<f64> = (0..n)
            .map(|i| VIEW.0 + (VIEW.1 - VIEW.0) * i as f64 / (n - 1) as f64)
            .collect();
        let mut ys = vec![0.0; n];
        p.eval_slice(&xs, &mut ys);
        Grid { xs, ys }
    }

    fn index(&self, x: f64) -> usize {
        self.xs.partition_point(|&v| v < x).min(self.xs.len() - 1)
    }

    fn window(&self, x: f64, r: f64) -> std::ops::Range<usize> {
        self.index(x - r)..(self.index(x + r) + 1).min(self.xs.len())
    }

    /// The largest |f| sampled within r of x (NaN ignored).
    fn local(&self, x: f64, r: f64) -> f64 {
        self.ys[self.window(x, r)]
            .iter()
            .filter(|y| y.is_finite())
            .fold(0.0f64, |m, y| m.max(y.abs()))
    }
}

/// Where the description says the curve breaks (and its domain edges), for skipping.
fn break_places(f: &Facts) -> Vec<f64> {
    let mut v: Vec<f64> = f.breaks.iter().map(|b| b.at.x).collect();
    for p in &f.pieces {
        v.push(p.from.x);
        v.push(p.to.x);
    }
    v
}

fn check(name: &str, study: &Study, program: &Program, derivative_of: Option<&Program>) {
    let samples = match derivative_of {
        None => study.sample_f(VIEW.0, VIEW.1, WIDTH_PX),
        Some(_) => study.sample_df(VIEW.0, VIEW.1, WIDTH_PX),
    };
    let facts = facts(&samples, program, VIEW);
    let text = describe_curve(&samples, program, VIEW, "x");
    let width = VIEW.1 - VIEW.0;
    let grid = Grid::new(program);
    let ctx = || format!("{name}: {text}\n{facts:#?}");

    // 1. Every stated point is the function's value there.
    for (x, y) in stated_points(&text) {
        let truth = program.eval(&[x]);
        let local = grid.local(x, 0.01 * width);
        assert!(
            agrees(y, truth, local),
            "{name}: states y = {y} at x = {x}, but f({x}) = {truth}\n{}",
            ctx()
        );
        if let Some(f) = derivative_of {
            // And an independent check of a derivative's value: a central difference of f.
            let h = 1e-5 * (1.0 + x.abs());
            let cd = (f.eval(&[x + h]) - f.eval(&[x - h])) / (2.0 * h);
            if cd.is_finite() && truth.is_finite() {
                assert!(
                    (cd - y).abs() <= 1e-3 * (1.0 + y.abs()),
                    "{name}: f′({x}) stated {y}, central difference {cd}\n{}",
                    ctx()
                );
            }
        }
    }

    let breaks = break_places(&facts);
    let near_break = |x: f64, r: f64| breaks.iter().any(|b| (b - x).abs() <= r);
    let r = 2e-3 * width;

    // 2. Turning points are local extrema where the slope changes sign, never at a pole.
    for t in &facts.turns {
        let x = t.at.x;
        // Within a quarter of the way to the grid's next turn (oscillations are close).
        let i0 = grid.index(x);
        let turns_at = |i: usize| {
            i >= 1 && i + 1 < grid.ys.len() && {
                let (a, b, c) = (grid.ys[i - 1], grid.ys[i], grid.ys[i + 1]);
                (b - a) * (c - b) < 0.0
            }
        };
        let next = (3..grid.xs.len())
            .find(|&d| turns_at(i0.saturating_sub(d)) || turns_at(i0 + d))
            .unwrap_or(grid.xs.len());
        let r = r.min(0.25 * next as f64 * width / (grid.xs.len() - 1) as f64);
        assert!(
            t.y.is_finite() && program.eval(&[x]).is_finite(),
            "{}",
            ctx()
        );
        for b in facts
            .breaks
            .iter()
            .filter(|b| b.kind == BreakWord::Asymptote)
        {
            assert!(
                (b.at.x - x).abs() > r,
                "{name}: turn at an asymptote\n{}",
                ctx()
            );
        }
        let w = grid.window(x, r);
        let tol = 1e-9 * grid.local(x, r) + 1e-12;
        for i in w {
            let y = grid.ys[i];
            if y.is_finite() {
                assert!(
                    if t.high {
                        y <= t.y + tol
                    } else {
                        y >= t.y - tol
                    },
                    "{name}: turn at {x} is not an extremum: f({}) = {y}\n{}",
                    grid.xs[i],
                    ctx()
                );
            }
        }
        let slope = |a: f64, b: f64| program.eval(&[b]) - program.eval(&[a]);
        let (left, right) = (slope(x - r, x - r / 2.0), slope(x + r / 2.0, x + r));
        assert!(
            if t.high {
                left >= 0.0 && right <= 0.0
            } else {
                left <= 0.0 && right >= 0.0
            },
            "{name}: slope does not change sign at the turn {x}\n{}",
            ctx()
        );
    }

    // 3. Zeros are zeros.
    for z in &facts.zeros {
        let w = grid.window(z.x, r);
        let local = grid.local(z.x, r);
        let v = program.eval(&[z.x]);
        let crosses =
            grid.ys[w.clone()].iter().any(|y| *y <= 0.0) && grid.ys[w].iter().any(|y| *y >= 0.0);
        assert!(
            v.abs() <= 1e-9 * local + 1e-300 && (crosses || v.abs() <= 1e-12 * local),
            "{name}: zero at {} where f = {v}\n{}",
            z.x,
            ctx()
        );
    }

    // 4. Every continuous sign change of the grid away from breaks is a described zero.
    let mut grid_zeros = Vec::new();
    for i in 0..grid.xs.len() - 1 {
        let (a, b) = (grid.ys[i], grid.ys[i + 1]);
        if a.is_finite() && b.is_finite() && a != 0.0 && b != 0.0 && a.signum() != b.signum() {
            let x = grid.xs[i];
            if !near_break(x, r) {
                grid_zeros.push(x);
            }
        }
    }
    if facts.zero_count <= MAX_NAMED {
        for x in &grid_zeros {
            assert!(
                facts.zeros.iter().any(|z| (z.x - x).abs() <= r),
                "{name}: the grid crosses zero at {x}, not described\n{}",
                ctx()
            );
        }
    } else {
        assert!(grid_zeros.len() <= facts.zero_count + 2, "{}", ctx());
    }

    // 5. Every visible turn of the grid away from breaks and edges is a described turn.
    if facts.turn_count <= MAX_NAMED && grid_zeros.len() <= 40 {
        let step = (grid.xs.len() - 1) / 1000; // a thousandth of the view
        for i in (step..grid.xs.len() - step).step_by(step / 2) {
            let (l, m, rr) = (grid.ys[i - step], grid.ys[i], grid.ys[i + step]);
            if !(l.is_finite() && m.is_finite() && rr.is_finite()) {
                continue;
            }
            let x = grid.xs[i];
            if near_break(x, 2.0 * r) || x - VIEW.0 < 2.0 * r || VIEW.1 - x < 2.0 * r {
                continue;
            }
            let prominence = 1e-7 * grid.local(x, r) + 1e-300;
            let peak = m > l + prominence && m > rr + prominence;
            let dip = m < l - prominence && m < rr - prominence;
            if peak || dip {
                assert!(
                    facts
                        .turns
                        .iter()
                        .any(|t| (t.at.x - x).abs() <= 2.0 * r && t.high == peak),
                    "{name}: the grid turns at {x}, not described\n{}",
                    ctx()
                );
            }
        }
    }

    // 6. Ends: where the view's edge is drawn, the end is f's value there.
    for (edge, end) in [(VIEW.0, &facts.left), (VIEW.1, &facts.right)] {
        let v = program.eval(&[edge]);
        match end {
            Some(End::Value { at, y }) => {
                let truth = program.eval(&[at.x]);
                assert!(agrees(*y, truth, grid.local(at.x, r)), "{}", ctx());
            }
            Some(End::Approaches { at, y }) => {
                assert!(!program.eval(&[at.x]).is_finite(), "{}", ctx());
                let inward = if edge == VIEW.0 { 1.0 } else { -1.0 };
                let near = program.eval(&[at.x + inward * 1e-6 * width]);
                assert!(
                    (near - y).abs() <= 1e-3 * (1.0 + y.abs()),
                    "{name}: limit {y} vs {near}\n{}",
                    ctx()
                );
            }
            _ => {}
        }
        if v.is_finite() && !facts.pieces.is_empty() {
            let drawn_at_edge = grid.ys[grid.window(edge, 1e-3 * width)]
                .iter()
                .all(|y| y.is_finite());
            if drawn_at_edge {
                assert!(
                    matches!(end, Some(End::Value { .. })),
                    "{name}: edge {edge}\n{}",
                    ctx()
                );
            }
        }
    }

    // 7. Asymptotes are where f runs off, and every place the grid runs off is named.
    for b in facts
        .breaks
        .iter()
        .filter(|b| b.kind == BreakWord::Asymptote)
    {
        let big = grid.local(b.at.x, 1e-3 * width);
        let around = grid
            .local(b.at.x - 0.05 * width, 0.01 * width)
            .min(grid.local(b.at.x + 0.05 * width, 0.01 * width));
        assert!(
            big > 10.0 * around,
            "{name}: asymptote at {} but |f| ≤ {big}\n{}",
            b.at.x,
            ctx()
        );
    }
}

#[test]
fn descriptions_say_only_what_the_function_does() {
    assert!(CORPUS.len() >= 40);
    for f in CORPUS {
        let study = Study::parse(f).unwrap_or_else(|e| panic!("{f}: {e:?}"));
        check(f, &study, &study.f_program, None);
        check(
            &format!("({f})′"),
            &study,
            &study.df_program,
            Some(&study.f_program),
        );
    }
}

/// The three the issue found, in words: sec² x is never below 1 and is 12.43 at ±5, and
/// 1/(x − 2)′ is −0.0204 and −0.1111 at the edges, not 0.
#[test]
fn the_reported_descriptions_are_true_now() {
    let words = |f: &str, derivative: bool| {
        let s = Study::parse(f).unwrap();
        let (samples, p) = if derivative {
            (s.sample_df(-5.0, 5.0, WIDTH_PX), &s.df_program)
        } else {
            (s.sample_f(-5.0, 5.0, WIDTH_PX), &s.f_program)
        };
        describe_curve(&samples, p, (-5.0, 5.0), "x")
    };
    let tan = words("tan x", true);
    assert!(
        tan.contains("x = 0 (a low point, y = 1)")
            && tan.contains("x = π (a low point, y = 1)")
            && tan.contains("y = 12.4279 at x = −5")
            && tan.contains("vertical asymptote at x = π/2")
            && !tan.contains("y = −")
            && !tan.contains("y = 0 at"),
        "{tan}"
    );
    let sec = words("sec^2 x", true);
    assert!(
        sec.contains("y = 84.0253 at x = −5") && sec.contains("y = −84.0253 at x = 5"),
        "{sec}"
    );
    let inv = words("1/(x-2)", true);
    assert!(
        inv.contains("y = −0.0204 at x = −5") && inv.contains("y = −0.1111 at x = 5"),
        "{inv}"
    );
    // Round-off is not a position: x^(1/3)'s asymptote is at 0, ln(x² + 1)'s low point is 0.
    assert!(words("x^(1/3)", true).contains("vertical asymptote at x = 0"));
    assert!(words("ln(x^2+1)", false).contains("x = 0 (a low point, y = 0)"));
    // Where it is drawn, said; a slow fall to −∞ is no limit.
    let xx = words("x^x", true);
    assert!(
        xx.contains("Drawn only for 0 < x ≤ 5") && !xx.contains("approaches"),
        "{xx}"
    );
    let ln = words("ln x", false);
    assert!(
        ln.contains("Drawn only for 0 < x ≤ 5") && ln.contains("falls off the bottom"),
        "{ln}"
    );
}

#[test]
fn numbers_in_descriptions_are_read_back() {
    assert_eq!(number("−3π/2"), Some(-1.5 * std::f64::consts::PI));
    assert_eq!(number("3.5×10¹⁴"), Some(3.5e14));
    assert_eq!(number("1.2×10⁻⁵"), Some(1.2e-5));
    assert_eq!(
        stated_points(
            "Has turning points at x = −π (a low point, y = 1). Left end: y = 12.4279 at x = −5."
        ),
        vec![(-5.0, 12.4279), (-std::f64::consts::PI, 1.0)]
    );
}

/// The error plot's words name, for each quotient, where its line bottoms out: the smallest
/// error over the table and its h, read back from the words and checked against the table.
#[test]
fn the_error_plot_says_where_each_quotient_is_best() {
    use slope::math::numeric::{quotient_table, Method};
    use slope::plot::describe::quotient_errors;
    let h_of = |words: &str, m: &str| -> f64 {
        let at = words
            .find(&format!("{m} "))
            .unwrap_or_else(|| panic!("{m} in {words}"));
        let h = words[at..].split("at h = ").nth(1).unwrap();
        let h: String = h.chars().take_while(|c| !matches!(c, ',' | ' ')).collect();
        let h = h.trim_end_matches('.');
        let digits = |s: &str| {
            s.chars()
                .map(|c| {
                    "⁰¹²³⁴⁵⁶⁷⁸⁹"
                        .chars()
                        .position(|d| d == c)
                        .map_or(c, |d| char::from(b'0' + d as u8))
                })
                .collect::<String>()
        };
        match h.strip_prefix("10") {
            Some(e) if !e.is_empty() => {
                10f64.powi(-digits(e.trim_start_matches('⁻')).parse::<i32>().unwrap())
            }
            _ => h.parse().unwrap(),
        }
    };
    // sin at 1: the one-sided quotients are best near h = 1e-8, the central near 1e-5, and
    // the central's best error is far smaller.
    let study = Study::parse("sin(x)").unwrap();
    let rows = quotient_table(&study.f_program, 1.0);
    let exact = study.df_at(1.0);
    let words = quotient_errors(&rows, exact);
    for m in Method::ALL {
        let h = h_of(&words, m.name());
        let best = rows
            .iter()
            .map(|r| (r.get(m) - exact).abs())
            .fold(f64::INFINITY, f64::min);
        let at = rows
            .iter()
            .find(|r| r.h == h)
            .unwrap_or_else(|| panic!("{h} in {words}"));
        assert_eq!((at.get(m) - exact).abs(), best, "{words}");
    }
    assert!((1e-9..=1e-7).contains(&h_of(&words, "forward")), "{words}");
    assert!((1e-7..=1e-4).contains(&h_of(&words, "central")), "{words}");
    assert!(!words.contains("exact"), "{words}");
    // A line: only round-off is left, at the largest h.
    let study = Study::parse("3x + 1").unwrap();
    let words = quotient_errors(&quotient_table(&study.f_program, 0.5), 3.0);
    assert!(
        words.starts_with("Smallest errors: forward ") && words.contains("10⁻¹⁵ at h = 0.1"),
        "{words}"
    );
    assert!(!words.contains("exact"), "{words}");
    // An error of exactly 0 (no place on a log scale) is said to be exact.
    use slope::math::numeric::QuotientRow;
    let row = |h: f64, e: f64| QuotientRow {
        h,
        forward: 3.0 + e,
        backward: 3.0 + 2.0 * e,
        central: 3.0,
    };
    let words = quotient_errors(&[row(0.1, 1e-3), row(0.01, 1e-4)], 3.0);
    assert_eq!(
        words,
        "Smallest errors: forward 0.0001 at h = 0.01, backward 0.0002 at h = 0.01, central 0 at h = 0.1 (an error of 0 is exact, and off the log scale)."
    );
}
