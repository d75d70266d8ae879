//! Native tests of the UI's pure logic: the course's pages and routes, the explorer's reducer,
//! its address round trips, what it reads out and how plots are put into words.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use slope::math::numeric::Method;
use slope::math::sample::sample;
use slope::math::{parse, Program, Study};
use slope::plot::describe::describe_curve;
use slope::ui::course::Page;
use slope::ui::lessons::explorer::reading::{
    describe_overlay, no_tangent_message, spoken_readout, Reading,
};
use slope::ui::lessons::explorer::state::{Action, State, View, H_MAX, H_MIN};
use slope::ui::lessons::explorer::url::{query_from_state, state_from_query};
use slope::ui::lessons::typing::SECTIONS;
use slope::ui::query;

#[test]
fn every_page_has_a_route_that_leads_back_to_it() {
    for &p in Page::COURSE {
        assert_eq!(Page::from_path(p.path()), p, "{p:?}");
        assert_eq!(
            Page::from_path(&format!("{}/", p.path())),
            p,
            "{p:?} with a slash"
        );
        assert!(!p.title().is_empty());
    }
    assert_eq!(Page::from_path(""), Page::Explorer);
    assert_eq!(Page::from_path("/TYPING"), Page::Typing);
    assert_eq!(Page::from_path("/no-such-page"), Page::NotFound);
    assert_eq!(Page::from_path("/typing/extra"), Page::NotFound);
    // Titles are distinct: the table of contents and each h1 name exactly one page.
    let mut titles: Vec<&str> = Page::COURSE.iter().map(|p| p.title()).collect();
    titles.sort();
    titles.dedup();
    assert_eq!(titles.len(), Page::COURSE.len());
}

#[test]
fn prev_and_next_walk_the_course_in_order() {
    let course = Page::COURSE;
    assert_eq!(course[0], Page::Explorer, "home comes first");
    assert_eq!(course[0].prev(), None);
    assert_eq!(course[course.len() - 1].next(), None);
    for w in course.windows(2) {
        assert_eq!(w[0].next(), Some(w[1]));
        assert_eq!(w[1].prev(), Some(w[0]));
    }
    assert_eq!(Page::NotFound.next(), None);
    assert_eq!(Page::NotFound.prev(), None);
}

fn state(f: &str) -> State {
    State::new(f, View::DEFAULT)
}

#[test]
fn the_reducer_changes_only_what_an_action_names() {
    let s = state("x^2");
    // Nothing changes: no new state, so nothing re-renders.
    assert!(s.apply(Action::SetX0(s.x0)).is_none());
    assert!(s.apply(Action::Pause).is_none());
    assert!(s.apply(Action::Type("x^2".into())).is_none());
    // Typing changes the field at once and the plotted function only on Commit.
    let typed = s.apply(Action::Type("sin(x)".into())).unwrap();
    assert_eq!(
        (typed.input.as_str(), typed.good_input.as_str()),
        ("sin(x)", "x^2")
    );
    let committed = typed.apply(Action::Commit).unwrap();
    assert_eq!(committed.good_input, "sin(x)");
    // A bad input keeps the last good function and remembers why.
    let bad = committed
        .apply(Action::Type("sin(".into()))
        .unwrap()
        .apply(Action::Commit)
        .unwrap();
    assert_eq!(bad.good_input, "sin(x)");
    assert!(bad.error.as_ref().is_some_and(|(i, _)| i == "sin("));
    // Choose types and commits in one go.
    let chosen = bad.apply(Action::Choose("e^x".into())).unwrap();
    assert_eq!(
        (chosen.input.as_str(), chosen.good_input.as_str()),
        ("e^x", "e^x")
    );
    assert!(chosen.error.is_none());
    // h keeps its sign within its limits; the sign radio flips it.
    let h = s.apply(Action::SetH(-1e-20)).unwrap();
    assert_eq!(h.h, -H_MIN);
    assert_eq!(s.apply(Action::SetH(50.0)).unwrap().h, H_MAX);
    assert_eq!(h.apply(Action::SetHSign(true)).unwrap().h, H_MIN);
    assert!(
        s.apply(Action::SetH(f64::NAN)).is_none(),
        "NaN becomes 1, which h already is"
    );
    // x₀ stays finite.
    assert_eq!(s.apply(Action::SetX0(f64::INFINITY)).unwrap().x0, 0.0);
    // Load replaces everything.
    let other = state("x^3");
    assert_eq!(
        s.apply(Action::Load(Box::new(other.clone()))).unwrap(),
        other
    );
    // Zoom and pan move the shared view; Reset brings it back.
    let zoomed = s
        .apply(Action::Zoom {
            factor: View::ZOOM_IN,
            about: 0.0,
        })
        .unwrap();
    assert!(zoomed.view.width() < s.view.width());
    assert_eq!(zoomed.apply(Action::ResetView).unwrap().view, View::DEFAULT);
}

#[test]
fn parameters_keep_their_values_while_the_function_still_has_them() {
    let s = state("a x^2 + b")
        .apply(Action::SetParam("a".into(), 2.5))
        .unwrap();
    assert_eq!(s.param_values(&["a".into(), "b".into()]), vec![2.5, 1.0]);
    let s = s.apply(Action::Choose("a x^3".into())).unwrap();
    assert_eq!(s.params, vec![("a".to_string(), 2.5)]);
    let s = s.apply(Action::Choose("x^3".into())).unwrap();
    assert!(s.params.is_empty());
    assert!(s.apply(Action::SetParam("a".into(), f64::NAN)).is_none());
}

#[test]
fn an_address_restores_the_state_it_was_made_from() {
    let mut s = state("x^2 sin(x) + a");
    s = s.apply(Action::SetX0(0.25)).unwrap();
    s = s.apply(Action::SetH(-1e-3)).unwrap();
    s = s.apply(Action::SetMethod(Method::Central)).unwrap();
    s = s.apply(Action::Pan { dx: 1.5 }).unwrap();
    s = s.apply(Action::SetParam("a".into(), -2.0)).unwrap();
    let q = query_from_state(&s);
    assert_eq!(state_from_query(&q), s, "{q}");
    // A hand-written address: `+` is plus, constants are read, nonsense is ignored.
    let s = state_from_query("?f=x+1&x0=pi/4&h=1e-3&q=central&xmin=-1&xmax=1");
    assert_eq!(s.good_input, "x 1".replace(' ', "+"));
    assert!((s.x0 - std::f64::consts::FRAC_PI_4).abs() < 1e-15);
    assert_eq!((s.h, s.method), (1e-3, Method::Central));
    assert_eq!(
        s.view,
        View {
            x_min: -1.0,
            x_max: 1.0
        }
    );
    let s = state_from_query("?f=sin(&x0=banana&h=0&xmin=5&xmax=-5&q=sideways");
    assert_eq!((s.input.as_str(), s.good_input.as_str()), ("sin(", "x^2"));
    assert!(s.error.is_some());
    assert_eq!(
        (s.x0, s.h, s.view, s.method),
        (1.0, 1.0, View::DEFAULT, Method::Forward)
    );
}

proptest! {
    #[test]
    fn any_state_survives_its_address(
        x0 in -1e3f64..1e3, h_exp in -12f64..0.3, negative in any::<bool>(),
        x_min in -100f64..100.0, width in 0.01f64..100.0, method in 0usize..3,
    ) {
        let mut s = state("sin(x)/x");
        // The address keeps six decimals of x₀ and the view: start from such values.
        let six = |v: f64| (v * 1e6).round() / 1e6;
        s.x0 = six(x0);
        s.h = if negative { -1.0 } else { 1.0 } * 10f64.powf(h_exp);
        s.view = View::checked(six(x_min), six(x_min + width)).unwrap();
        s.method = Method::ALL[method];
        let back = state_from_query(&query_from_state(&s));
        prop_assert_eq!(back, s);
    }
}

#[test]
fn the_spoken_readout_has_the_numbers_and_the_verdict() {
    let study = Study::parse("abs(x)").unwrap();
    let r = Reading::new(&study, 0.0, 1e-3, Method::Forward);
    let spoken = spoken_readout(&study, &r);
    assert!(spoken.contains("Q(h) = 1"), "{spoken}");
    assert!(spoken.contains("does not exist"), "{spoken}");
    assert_eq!(no_tangent_message(&study, 1.0), None);
    let r = Reading::new(&study, 1.0, 1e-3, Method::Central);
    let spoken = spoken_readout(&study, &r);
    assert!(
        !spoken.contains("does not exist") && spoken.contains("exact f′(x0) = 1"),
        "{spoken}"
    );
    let (on_f, on_df) = describe_overlay(&study, 1.0, 0.5, Method::Forward);
    assert!(
        on_f.contains("x = 1.5") && on_f.contains("slope 1"),
        "{on_f}"
    );
    assert!(on_df.contains("f′(1) = 1"), "{on_df}");
    let ln = Study::parse("ln(x)").unwrap();
    let (on_f, _) = describe_overlay(&ln, -1.0, 0.5, Method::Forward);
    assert!(on_f.contains("undefined"), "{on_f}");
}

fn describe(f: &str, lo: f64, hi: f64) -> String {
    let p = Program::compile(&parse(f).unwrap(), &["x"]);
    describe_curve(&sample(&p, lo, hi, 600), &p, (lo, hi), "x")
}

#[test]
fn a_plot_in_words_names_zeros_turns_and_breaks() {
    let d = describe("x^2 - 1", -3.0, 3.0);
    assert!(d.contains("zeros at x = −1 and x = 1"), "{d}");
    assert!(
        d.contains("a turning point at x = 0 (a low point, y = −1)"),
        "{d}"
    );
    let d = describe("x^3 - 3x", -3.0, 3.0);
    assert!(
        d.contains("x = −1 (a high point, y = 2)") && d.contains("x = 1 (a low point, y = −2)"),
        "{d}"
    );
    assert!(
        d.contains("Left end: y = −18 at x = −3. Right end: y = 18 at x = 3."),
        "{d}"
    );
    let d = describe("1/x", -5.0, 5.0);
    assert!(
        d.contains("Never crosses zero") && d.contains("vertical asymptote at x = 0"),
        "{d}"
    );
    let d = describe("3", -5.0, 5.0);
    assert_eq!(d, "Constant at y = 3.");
    let d = describe("ln(x)", -5.0, 5.0);
    assert!(
        d.contains("a zero at x = 1") && d.contains("Drawn only for 0 < x ≤ 5"),
        "{d}"
    );
    let d = describe("sqrt(x)", -5.0, -1.0);
    assert!(d.starts_with("Undefined everywhere"), "{d}");
    let d = describe("sin(10x)", -5.0, 5.0);
    assert!(d.contains("zeros, the first at"), "{d}");
}

#[test]
fn every_typing_example_is_read_and_opens_in_the_explorer() {
    let mut n = 0;
    for section in SECTIONS {
        for (input, note) in section.examples {
            assert!(parse(input).is_ok(), "{input} does not parse");
            assert!(!note.is_empty());
            // The link's query carries the input unchanged to the explorer.
            let q = query::to_query(&[("f", input.to_string())]);
            assert_eq!(state_from_query(&q).good_input, *input, "{q}");
            n += 1;
        }
    }
    assert!(n >= 15);
}

/// The rule lessons' worked examples, derived by the engine, give the seed tutorial's
/// answers (and ours where the seed has none).
#[test]
fn every_worked_example_derives_to_the_textbook_answer() {
    use slope::math::to_text;
    use slope::ui::lessons::{
        chain_rule, constant_multiple_rule, power_rule, product_rule, quotient_rule, sum_rule,
    };
    let expected: &[(&slope::ui::content::RuleLesson, &[&str])] = &[
        (
            &power_rule::CONTENT,
            &["2x", "3x^2", "4x^3", "1/(2sqrt(x))", "-1/x^2"],
        ),
        (&constant_multiple_rule::CONTENT, &["10x", "-9x^2"]),
        (&sum_rule::CONTENT, &["2x + 3", "3x^2 + 4x + 5"]),
        (&product_rule::CONTENT, &["3x^2 + 2x", "6x^2 + 6x - 2"]),
        (
            &quotient_rule::CONTENT,
            &[
                "1/(x + 1)^2",
                "(x^2 - 2x - 1)/(x - 1)^2",
                "(x*cos(x) - sin(x))/x^2",
            ],
        ),
        (
            &chain_rule::CONTENT,
            &["6x(x^2 + 1)^2", "x/sqrt(x^2 + 4)", "3cos(3x)"],
        ),
    ];
    for (lesson, answers) in expected {
        assert_eq!(lesson.examples.len(), answers.len());
        for (f, want) in lesson.examples.iter().zip(answers.iter()) {
            let study = Study::parse(f).unwrap();
            assert_eq!(to_text(&study.derivation.result), *want, "d/dx {f}");
        }
        assert!(
            Study::parse(lesson.try_first).is_ok(),
            "{}",
            lesson.try_first
        );
        // The words are ours and well-formed: every tag we open, we close.
        for html in [lesson.intro, lesson.rule, lesson.why, lesson.watch_out] {
            for tag in [
                "p", "ul", "li", "em", "sup", "math", "mrow", "mfrac", "msup",
            ] {
                let open = html.matches(&format!("<{tag}>")).count()
                    + html.matches(&format!("<{tag} ")).count();
                let close = html.matches(&format!("</{tag}>")).count();
                assert_eq!(open, close, "<{tag}> in {html}");
            }
        }
    }
}

#[test]
fn the_rule_lessons_are_in_the_course_under_their_titles() {
    let titles: Vec<&str> = Page::COURSE.iter().map(|p| p.title()).collect();
    for t in [
        "Power rule",
        "Constant multiple rule",
        "Sum rule",
        "Product rule",
        "Quotient rule",
        "Chain rule",
    ] {
        assert!(titles.contains(&t), "{t} in {titles:?}");
    }
}

#[test]
fn numerical_and_symbolic_compute_what_the_lesson_says() {
    use slope::math::numeric::Limit;
    use slope::math::to_text;
    use slope::ui::lessons::numerical_and_symbolic as lesson;
    let s = Study::parse(lesson::NUMERIC_EXAMPLE).unwrap();
    assert_eq!(s.df_at(lesson::NUMERIC_AT), 7.0);
    let s = Study::parse(lesson::SYMBOLIC_EXAMPLE).unwrap();
    assert_eq!(to_text(&s.derivation.result), "3x^2 + 4x + 5");
    // The cusp: the central quotient is exactly 0, the slopes run off to −∞ and +∞.
    let c = lesson::cusp().unwrap();
    assert_eq!(c.central, 0.0);
    assert_eq!(
        (c.left, c.right),
        (Limit::MinusInfinity, Limit::PlusInfinity)
    );
    assert!((c.forward - 10.0).abs() < 1e-9, "{}", c.forward);
    let s = Study::parse(lesson::CUSP).unwrap();
    assert!(s.df_at(0.0).is_nan());
}

#[test]
fn the_rate_lesson_gives_the_seeds_numbers_and_keeps_a_and_b_in_its_address() {
    use slope::ui::lessons::rate_of_change as lesson;
    use slope::ui::secant;
    let s = Study::parse(lesson::FUNCTION).unwrap();
    let (a, b) = lesson::from_query("");
    assert_eq!((a, b), (1.0, 2.0));
    assert_eq!(secant::average(&s, a, b), Some(7.0));
    assert_eq!(s.df_at(a), 3.0);
    let (avg, inst) = secant::readout(&s, a, b);
    assert!(
        avg.ends_with("= 7") && inst.ends_with("f′(1) = 3"),
        "{avg} / {inst}"
    );
    assert_eq!(secant::average(&s, 1.0, 1.0), None);
    // Brought close, the average approaches the instantaneous rate.
    let close = secant::average(&s, 1.0, 1.0 + secant::CLOSEST).unwrap();
    assert!((close - 3.0).abs() < 0.01, "{close}");
    // The address round-trips; nonsense falls back to the start, far values to the view.
    assert_eq!(
        lesson::from_query(&lesson::to_query(-0.25, 1.5)),
        (-0.25, 1.5)
    );
    assert_eq!(
        lesson::from_query("?a=banana&b=99"),
        (1.0, lesson::VIEW.x_max)
    );
    let o = secant::overlay(&s, 1.0, 2.0);
    assert_eq!(o.handles, vec![(1.0, 1.0), (2.0, 8.0)]);
}

#[test]
fn every_table_row_derives_to_its_textbook_derivative() {
    use slope::ui::lessons::table_of_derivatives::{
        explorer_text, from_query, instance, parameter_values, study, GROUPS,
    };
    let expected = [
        ("c", "0"),
        ("x", "1"),
        ("x^2", "2x"),
        ("x^3", "3x^2"),
        ("x^n", "n*x^(n - 1)"),
        ("sqrt(x)", "1/(2sqrt(x))"),
        ("1/x", "-1/x^2"),
        ("e^x", "exp(x)"),
        ("a^x", "a^x*ln(a)"),
        ("ln(x)", "1/x"),
        ("log_a(x)", "1/(x*ln(a))"),
        ("sin(x)", "cos(x)"),
        ("cos(x)", "-sin(x)"),
        ("tan(x)", "sec(x)^2"),
        ("cot(x)", "-csc(x)^2"),
        ("sec(x)", "sec(x)*tan(x)"),
        ("csc(x)", "-cot(x)*csc(x)"),
        ("sigmoid(x)", "sigmoid(x)(1 - sigmoid(x))"),
        ("tanh(x)", "1 - tanh(x)^2"),
        ("relu(x)", "step(x)"),
        ("leaky_relu(x)", "0.99step(x) + 0.01"),
    ];
    let rows: Vec<_> = GROUPS.iter().flat_map(|g| g.rows.iter()).collect();
    assert_eq!(
        rows.len(),
        expected.len(),
        "every row of the seed's table, once"
    );
    for (row, (f, df)) in rows.iter().zip(expected) {
        assert_eq!(row.f, f);
        let s = study(f).unwrap();
        assert_eq!(s.var, "x", "{f} is a function of x");
        assert_eq!(slope::math::to_text(&s.derivation.result), df, "d/dx {f}");
        // The derivative agrees with a central difference wherever both exist.
        let s = s.with_parameter_values(&parameter_values(&s, 2.5, 3.0));
        for i in 0..=20 {
            let x = row.range.0 + (row.range.1 - row.range.0) * (i as f64 + 0.37) / 21.0;
            let h = 1e-5;
            let q = (s.f_at(x + h) - s.f_at(x - h)) / (2.0 * h);
            let d = s.df_at(x);
            if q.is_finite() && d.is_finite() && (x.abs() > 1e-3) {
                assert!(
                    (q - d).abs() <= 1e-4 * (1.0 + d.abs()),
                    "{f} at {x}: {d} vs {q}"
                );
            }
        }
    }
    // The sliders' instances, derived afresh.
    let text = |s: &Study| slope::math::to_text(&s.derivation.result);
    let power = study("x^n").unwrap();
    assert_eq!(text(&instance(&power, 2.5, 2.0).unwrap()), "2.5x^1.5");
    assert_eq!(text(&instance(&power, 3.0, 2.0).unwrap()), "3x^2");
    assert_eq!(
        text(&instance(&study("a^x").unwrap(), 3.0, 2.0).unwrap()),
        "2^x*ln(2)"
    );
    assert!(instance(&study("c").unwrap(), 3.0, 2.0).is_none());
    assert!(instance(&study("sin(x)").unwrap(), 3.0, 2.0).is_none());
    // The constant row opens in the explorer as a constant, not as the variable c.
    assert_eq!(explorer_text("c"), "d/dx c");
    assert_eq!(explorer_text("x^n"), "x^n");
    // The address: on the grid, in range, and never base 1.
    assert_eq!(from_query("n=2.5&a=3"), (2.5, 3.0));
    assert_eq!(from_query("n=99&a=1"), (5.0, 1.1));
    assert_eq!(from_query("n=oops"), (3.0, 2.0));
}

#[test]
fn a_sparkline_stays_in_its_box_and_keeps_gaps() {
    use slope::plot::sparkline::polylines;
    let s = Study::parse("1/x").unwrap();
    let samples = s.sample_f(-3.0, 3.0, 96);
    let lines = polylines(&samples, (-3.0, 3.0), (-5.0, 5.0), 96.0, 48.0);
    assert!(lines.len() >= 2, "the pole at 0 is a gap: {lines:?}");
    for l in &lines {
        for p in l.split(' ') {
            let (x, y) = p.split_once(',').unwrap();
            let (x, y): (f64, f64) = (x.parse().unwrap(), y.parse().unwrap());
            assert!(
                (0.0..=96.0).contains(&x) && (0.0..=48.0).contains(&y),
                "{p}"
            );
        }
    }
    // No line joins the two branches across the pole.
    assert!(lines.iter().all(|l| {
        let xs: Vec<f64> = l
            .split(' ')
            .map(|p| p.split(',').next().unwrap().parse().unwrap())
            .collect();
        xs.iter().all(|x| *x <= 48.0) || xs.iter().all(|x| *x >= 48.0)
    }));
}

#[test]
fn a_sparkline_keeps_f_in_view_when_f_prime_blows_up() {
    use slope::plot::sparkline::shared_y_range;
    // √x on [0, 4]: f′ = 1/(2√x) → ∞ at 0 must not flatten f.
    let (lo, hi) = shared_y_range((-0.16, 2.16), (-2270.0, 30648.0));
    assert!(
        (lo + 2.48).abs() < 1e-12 && (hi - 4.48).abs() < 1e-12,
        "{lo} {hi}"
    );
    // Comparable scales: the union.
    assert_eq!(shared_y_range((-0.72, 9.72), (-6.96, 6.96)), (-6.96, 9.72));
}

#[test]
fn taylor_polynomials_match_f_and_its_derivatives_at_x0() {
    use slope::ui::lessons::second_derivatives::{
        concave_up, continuous_across, derivatives, factorial, from_query, inflection_places,
        inflections, polynomial, polynomial_text, readout, readout_values, to_query, values_at,
        Setting, Stop,
    };
    let poly = |f: &str, x0: f64, n: usize| {
        let s = Study::parse(f).unwrap();
        let (d, stop) = derivatives(&s, n);
        let (v, stop) = values_at(&d, stop, x0);
        (polynomial_text(&v, x0, "x"), stop, v)
    };
    // The textbook forms, exact where the derivatives are whole numbers.
    assert_eq!(poly("sin(x)", 0.0, 1).0, ("x".into(), false));
    assert_eq!(
        poly("sin(x)", 0.0, 5).0,
        ("x - x^3/6 + x^5/120".into(), false)
    );
    assert_eq!(
        poly("e^x", 0.0, 3).0,
        ("1 + x + x^2/2 + x^3/6".into(), false)
    );
    assert_eq!(
        poly("x^3 - 3x", 1.0, 3).0,
        ("-2 + 3(x - 1)^2 + (x - 1)^3".into(), false)
    );
    assert_eq!(
        poly("1/x", -1.0, 2).0,
        ("-1 - (x + 1) - (x + 1)^2".into(), false)
    );
    assert!(poly("cos(x)", 1.0, 1).0 .1, "cos(1) is rounded for show");
    // One rounding rule: the list beside the formula shows each coefficient as the formula
    // writes it, and a tiny coefficient is never rounded away to 0.
    {
        use slope::ui::lessons::second_derivatives::{coefficient, coefficient_of};
        let (v, x0) = (poly("e^(x/4)", 1.0, 2).2, 1.0);
        let (text, _) = polynomial_text(&v, x0, "x");
        let c2 = coefficient_of(v[2], 2);
        assert_eq!(c2, "0.04013");
        assert!(text.contains(&format!("{c2}(x - 1)^2")), "{text}");
        assert_eq!(coefficient_of(-1.0, 3), "-1/6");
        assert_eq!(coefficient_of(4.0, 2), "2");
        assert_eq!(coefficient(2.7557319e-7), "2.756e-7");
        let tiny = poly("e^x", 0.5, 12).0 .0;
        let last = tiny.rsplit(" + ").next().unwrap();
        assert!(
            last.ends_with("(x - 0.5)^12") && !last.starts_with('0'),
            "{tiny}"
        );
        assert!(slope::math::parse(&tiny).is_ok(), "{tiny}");
    }
    // Where a derivative does not exist, the polynomial stops there, and says so.
    assert_eq!(poly("x^(5/2)", 0.0, 4).1, Some(Stop::Undefined(3)));
    assert_eq!(poly("ln(x)", 0.0, 2).1, Some(Stop::Undefined(0)));
    // Property: Tₙ and its first n derivatives agree with f's at x₀ (checked by finite
    // differences of both), and Tₙ(x) − f(x) shrinks like |x − x₀|ⁿ⁺¹.
    for (f, x0) in [
        ("sin(x)", 0.7),
        ("e^(x/2)", -1.0),
        ("ln(1 + x^2)", 0.5),
        ("sigmoid(2x)", 0.3),
    ] {
        let s = Study::parse(f).unwrap();
        for n in 1..=6 {
            let (d, stop) = derivatives(&s, n);
            let (v, _) = values_at(&d, stop, x0);
            assert_eq!(v.len(), n + 1, "{f}: all {n} derivatives exist at {x0}");
            let t = Study::with_variable(polynomial(&v, x0, "x"), "x".into());
            for (k, vk) in v.iter().enumerate().take(2) {
                let tk = if k == 0 { t.f_at(x0) } else { t.df_at(x0) };
                assert!(
                    (tk - vk).abs() < 1e-9,
                    "{f}: T{n}^({k})({x0}) = {tk}, f^({k}) = {vk}"
                );
            }
            let err = |h: f64| (t.f_at(x0 + h) - s.f_at(x0 + h)).abs();
            let (e1, e2) = (err(0.02), err(0.01));
            if e1 > 1e-12 {
                let order = (e1 / e2).log2();
                assert!(order > n as f64 + 0.5, "{f}, n = {n}: error order {order}");
            }
        }
    }
    assert_eq!(factorial(5), 120.0);
    // Concavity and inflection points of x³ − 3x on its own sampling: concave up for x > 0,
    // one inflection point at 0; x⁴ has none; 1/x has none at its pole.
    let second = |f: &str| {
        let s = Study::parse(f).unwrap();
        let d = s.of_derivative();
        let ddf = d.sample_df(-3.0, 3.0, 600);
        let (f, df) = (s.sample_f(-3.0, 3.0, 600), s.sample_df(-3.0, 3.0, 600));
        let points = inflections(
            &ddf,
            |x| d.df_at(x),
            |a, b| continuous_across(&[&f, &df], a, b),
        );
        (concave_up(&ddf), points)
    };
    let (up, points) = second("x^3 - 3x");
    assert_eq!(up.len(), 1);
    assert!(up[0].0.abs() < 1e-9 && up[0].1 == 3.0, "{up:?}");
    assert_eq!(points.len(), 1);
    assert!(points[0].abs() < 1e-9, "{points:?}");
    assert!(second("x^4").1.is_empty());
    assert!(second("1/x").1.is_empty());
    let (_, points) = second("x*abs(x)");
    assert_eq!(
        points.len(),
        1,
        "f″ jumps at 0 but f and f′ are smooth there: {points:?}"
    );
    let (_, points) = second("sin(x)");
    assert!(
        points.len() == 1 && points[0].abs() < 1e-9,
        "sin: only 0 in [−3, 3]: {points:?}"
    );
    // Said as positions: 0, not round-off (x³ − 3x's bisection ends near −4×10⁻²¹), and
    // π/2 where f″ changes sign at π/2 (cos x); a point that only looks round is not snapped.
    let said = |f: &str, lo: f64, hi: f64| {
        let s = Study::parse(f).unwrap().of_derivative();
        let ddf = s.sample_df(lo, hi, 600);
        let xs = inflections(&ddf, |x| s.df_at(x), |_, _| true);
        inflection_places(&xs, (lo, hi), |x| s.df_at(x))
    };
    assert_eq!(said("x^3 - 3x", -3.0, 3.0), ["0"]);
    assert_eq!(said("cos(x)", -3.0, 3.0), ["−π/2", "π/2"]);
    assert_eq!(said("(x - 0.001)^3", -3.0, 3.0), ["0.001"]);
    // The readout names the bend.
    assert!(readout(&[0.0, 1.0, 2.0], 1.0, false).contains("concave up"));
    assert!(readout(&[0.0, 1.0, -2.0], 1.0, false).contains("concave down"));
    assert!(readout(&[0.0, 1.0, 0.0], 0.0, true).contains("inflection point"));
    // A derivative too long for the Taylor polynomial still exists and is read out: f″ of
    // 40 nested sines (13 938 operations) used to be reported as "does not exist".
    let nested = format!("{}x{}", "sin(".repeat(40), ")".repeat(40));
    let s = Study::parse(&nested).unwrap();
    assert_eq!(derivatives(&s, 2).1, Some(Stop::TooLong(1)));
    let read = readout_values(&s, &s.of_derivative(), 0.5);
    assert_eq!(read.len(), 3, "{read:?}");
    assert!(readout(&read, 0.5, false).contains("concave down"));
    assert_eq!(
        readout_values(
            &Study::parse("ln(x)").unwrap(),
            &Study::parse("1/x").unwrap(),
            -1.0
        ),
        vec![]
    );
    // The address.
    let s = from_query("f=x%5E3&x0=1.23&n=12");
    assert_eq!(
        s,
        Setting {
            f: "x^3".into(),
            x0: 1.25,
            degree: 8
        }
    );
    assert_eq!(from_query(&to_query(&s)[1..]), s);
}

#[test]
fn the_car_lesson_reads_speed_as_the_tangents_slope() {
    use slope::ui::lessons::what_is_a_derivative::{
        from_query, position_overlay, speedometer, to_query, POSITION, SECANT_START,
    };
    let car = Study::parse(POSITION).unwrap();
    assert_eq!(car.var, "t");
    assert_eq!(slope::math::to_text(&car.derivation.result), "6t - t^2");
    // Top speed 9 m/s at t = 3; stopped at t = 6, 36 m on.
    assert_eq!(
        (car.df_at(3.0), car.df_at(6.0), car.f_at(6.0)),
        (9.0, 0.0, 36.0)
    );
    let said = speedometer(&car, 2.0);
    assert!(said.contains("s′(2) = 8 m/s"), "{said}");
    // The tangent drawn at t has the speed for its slope.
    let o = position_overlay(&car, 2.0);
    let [(t0, s0), (t1, s1)] = o.lines[0].through;
    assert!(((s1 - s0) / (t1 - t0) - car.df_at(2.0)).abs() < 1e-12);
    assert_eq!(o.handles, vec![(2.0, car.f_at(2.0))]);
    // The address.
    assert_eq!(from_query(""), (2.0, SECANT_START.0, SECANT_START.1));
    assert_eq!(from_query(&to_query(4.5, 0.5, 1.25)[1..]), (4.5, 0.5, 1.25));
    assert_eq!(from_query("t=99&a=x"), (6.0, 1.0, 2.0));
}

#[test]
fn the_area_picture_adds_up_and_tends_to_the_product_rule() {
    use slope::ui::area::{readout, Pieces, AT, PRODUCT, U, V};
    let (u, v, f) = (
        Study::parse(U).unwrap(),
        Study::parse(V).unwrap(),
        Study::parse(PRODUCT).unwrap(),
    );
    for dx in [0.5, 0.1, 0.01, 0.001] {
        let p = Pieces::new(&u, &v, AT, dx);
        let [a, b, c] = p.parts();
        // The pieces are exactly the growth of the area…
        let grown = f.f_at(AT + dx) - f.f_at(AT);
        assert!((a + b + c - grown).abs() < 1e-12, "{dx}");
        // …and their rate approaches f′(1) = 5 as fast as Δx shrinks.
        let rate = (a + b + c) / dx;
        assert!((rate - f.df_at(AT)).abs() < 6.0 * dx, "{dx}: {rate}");
        // The corner's share vanishes.
        assert!(c / dx < 3.0 * dx);
    }
    let said = readout(&u, &v, &f, AT, 0.5);
    assert!(said.contains("= 7.25") && said.contains("= 5,"), "{said}");
}

#[test]
fn the_number_lines_stretch_by_rates_that_multiply() {
    use slope::ui::chain::{readout, Steps, AT, COMPOSITE, INNER, OUTER};
    let (g, f, c) = (
        Study::parse(INNER).unwrap(),
        Study::parse(OUTER).unwrap(),
        Study::parse(COMPOSITE).unwrap(),
    );
    assert_eq!(f.var, "u");
    for dx in [0.1, 0.01, 0.001] {
        let s = Steps::new(&g, &f, AT, dx);
        // The last line's step is exactly the composite's growth…
        assert!((s.dy - (c.f_at(AT + dx) - c.f_at(AT))).abs() < 1e-12);
        // …and the stretches approach g′(1) = 2 and f′(2) = 12, whose product is the rule's.
        assert!((s.du / s.dx - 2.0).abs() <= 1.01 * dx, "{dx}");
        assert!((s.dy / s.du - 12.0).abs() <= 14.0 * dx, "{dx}");
    }
    assert_eq!(c.df_at(AT), g.df_at(AT) * f.df_at(g.f_at(AT)));
    let said = readout(&g, &f, &c, AT, 0.1);
    assert!(said.contains("dy/dx = 2 · 12 = 24"), "{said}");
}

/// The step list is one tab stop; the arrow keys walk it without wrapping or leaving it.
#[test]
fn roving_focus_keys() {
    use slope::ui::keys::roving;
    assert_eq!(roving("ArrowDown", 0, 3), Some(1));
    assert_eq!(roving("ArrowRight", 1, 3), Some(2));
    assert_eq!(roving("ArrowDown", 2, 3), Some(2));
    assert_eq!(roving("ArrowUp", 0, 3), Some(0));
    assert_eq!(roving("ArrowLeft", 2, 3), Some(1));
    // A list that shrank under the cursor: the cursor comes back inside.
    assert_eq!(roving("ArrowUp", 9, 3), Some(1));
    assert_eq!(roving("Home", 2, 3), Some(0));
    assert_eq!(roving("End", 0, 3), Some(2));
    assert_eq!(roving("Tab", 1, 3), None);
    assert_eq!(roving("ArrowDown", 0, 0), None);
}

/// The softmax lesson's address: three or four scores on their grid, the shift; the start for
/// anything else. Its numbers print with a true minus and never as −0.000.
#[test]
fn softmax_lesson_address_and_cells() {
    use slope::ui::lessons::softmax::{cell, from_query, to_query, State};
    assert_eq!(from_query(""), State::default());
    assert_eq!(from_query("z=2,1,0.1&c=0"), State::default());
    let four = from_query("z=1,2,3,4&c=700");
    assert_eq!(four.z, vec![1.0, 2.0, 3.0, 4.0]);
    assert_eq!(four.shift, 700.0);
    assert_eq!(from_query(&to_query(&four)), four);
    // Off the grid or out of range: snapped and clamped; too few, too many or bad: the start.
    assert_eq!(from_query("z=0.123,9,-9").z, vec![0.1, 5.0, -5.0]);
    for bad in ["z=1,2", "z=1,2,3,4,5", "z=1,x,3", "z=1,,3", "z=nan,1,2"] {
        assert_eq!(from_query(bad).z, State::default().z, "{bad}");
    }
    assert_eq!(from_query("c=99999").shift, 1000.0);
    assert_eq!(cell(-0.159_1), "−0.159");
    assert_eq!(cell(-1e-17), "0.000");
    assert_eq!(cell(0.6590), "0.659");
    assert_eq!(cell(f64::NAN), "NaN");
}

/// The neuron lesson opens on the seed's case and says dy/dx ≈ 0.090, with a check that agrees.
#[test]
fn neuron_lesson_readouts() {
    use slope::learn::neuron::pass;
    use slope::ui::lessons::neuron::{check, describe, from_query, product, to_query, START};
    assert_eq!(from_query(""), START);
    assert_eq!(from_query("w=-9&b=0.26&x=nan"), (-4.0, 0.3, 1.0));
    assert_eq!(from_query(&to_query((0.5, -1.5, 3.0))), (0.5, -1.5, 3.0));
    let p = pass(START.0, START.1, START.2);
    let said = product(START, &p);
    assert!(said.ends_with("= 0.0903533 ≈ 0.090"), "{said}");
    assert!(said.contains("0.0451767 · 2"), "{said}");
    let checked = check(START, &p);
    assert!(checked.contains("gives 0.0903533"), "{checked}");
    assert!(describe(START, &p).contains("z = wx + b = 2 · 1 + 1 = 3"));
    // Negative values keep a true minus sign.
    let q = pass(-2.0, 0.0, 1.0);
    assert!(
        product((-2.0, 0.0, 1.0), &q).contains("≈ −0.210"),
        "{}",
        product((-2.0, 0.0, 1.0), &q)
    );
}

#[test]
fn a_column_of_decimals_never_shows_minus_zero() {
    use slope::plot::format::decimals;
    assert_eq!(decimals(-0.000_02, 3), "0.000");
    assert_eq!(decimals(-0.0, 3), "0.000");
    assert_eq!(decimals(-0.2104, 3), "−0.210");
    assert_eq!(decimals(0.090_35, 3), "0.090");
    assert_eq!(decimals(f64::NAN, 3), "NaN");
}

/// The activation lesson: its address, the readout, the seed's values and its rounding slip.
#[test]
fn activation_lesson_numbers() {
    use slope::math::Study;
    use slope::ui::lessons::activation_functions::{
        from_query, function, hand_values, readout, tanh_rounding, to_query, vanishing, State,
    };
    assert_eq!(from_query(""), State::default());
    let leaky = from_query("g=leaky&x=-2&alpha=0.2&n=3");
    assert_eq!(
        (leaky.kind, leaky.x, leaky.alpha, leaky.layers),
        (3, -2.0, 0.2, 3.0)
    );
    assert_eq!(from_query(&to_query(&leaky)), leaky);
    assert_eq!(function(&leaky), "leaky_relu(x, 0.2)");
    assert_eq!(from_query("g=bogus&x=99").kind, 0);
    let study = |s: &State| Study::parse(&function(s)).unwrap();
    let start = State::default();
    let said = readout(&study(&start), &start);
    assert!(
        said.contains("σ(1) = 0.731059 and σ′(1) = 0.196612"),
        "{said}"
    );
    // ReLU at its corner: no slope, both sides named.
    let corner = from_query("g=relu&x=0");
    let said = readout(&study(&corner), &corner);
    assert!(
        said.contains("does not exist") && said.contains("0 from the left and 1 from the right"),
        "{said}"
    );
    let values = hand_values();
    assert_eq!(values[0].1, "0.25");
    assert_eq!(values[1].1, "0.196612");
    assert_eq!(values[3].1, "0.419974");
    let slip = tanh_rounding();
    assert!(
        slip.contains("0.762") && slip.contains("0.419356") && slip.contains("0.419974"),
        "{slip}"
    );
    // Ten sigmoid layers: at best a millionth of the gradient survives.
    let v = vanishing(&study(&start), &start);
    assert!(
        v.contains("(¼)¹⁰ = 9.54×10⁻⁷") && v.contains("the product is 8.63×10⁻⁸"),
        "{v}"
    );
    // The sigmoid bound is a comparison, not a claim about the chosen activation; one layer
    // is singular.
    let relu = State {
        kind: 2,
        layers: 1.0,
        ..start
    };
    let v = vanishing(&study(&relu), &relu);
    assert!(
        v.starts_with("Through 1 layer the gradient is a product of 1 slope. Sigmoid slopes"),
        "{v}"
    );
    assert!(v.contains("With ReLU at x = 1, each slope is 1"), "{v}");
}

/// A slice of f(x, y) along y names its heights f (not "y = 9 at y = −4"), and a turning
/// point at round-off from 0 reads as 0.
#[test]
fn slice_descriptions_name_heights_f_and_round_off_0() {
    let p = Program::compile(&parse("(y - 1)^2 + 0.1").unwrap(), &["y"]);
    let text = describe_curve(&sample(&p, -4.0, 4.0, 600), &p, (-4.0, 4.0), "y");
    assert!(
        text.contains("y = 1 (a low point, f = 0.1)") && text.contains("f = 25.1 at y = −4"),
        "{text}"
    );
    let q = Program::compile(&parse("x^2 + 2x*1 + 1").unwrap(), &["x"]);
    let text = describe_curve(&sample(&q, -4.0, 4.0, 600), &q, (-4.0, 4.0), "x");
    assert!(text.contains("(a low point, y = 0)"), "{text}");
}

// ---------------------------------------------------------------------------------------
// Partial derivatives

mod partial {
    use proptest::prelude::*;
    use slope::learn::{central_difference, relative_error};
    use slope::math::parse;
    use slope::ui::lessons::partial_derivatives::*;

    fn surface(f: &str) -> Surface {
        Surface::new(&parse(f).unwrap()).unwrap()
    }

    /// The seed's values: x² + 2xy + y² has ∂f/∂x = ∂f/∂y = 6 at (1, 2) and 4 at (3, −1);
    /// 2x + 3y + 1 has 2 and 3.
    #[test]
    fn the_seeds_partial_derivatives() {
        let s = surface(EXAMPLES[0]);
        assert_eq!(s.at(1.0, 2.0), (9.0, 6.0, 6.0));
        assert_eq!(s.at(3.0, -1.0), (4.0, 4.0, 4.0));
        let text = readout((1.0, 2.0), s.at(1.0, 2.0));
        assert!(
            text.starts_with("At (1, 2): f = 9, ∂f/∂x = 6, ∂f/∂y = 6."),
            "{text}"
        );
        assert!(
            text.contains("∇f = (6, 6)") && text.contains("8.48528"),
            "{text}"
        );
        let plane = surface("2x + 3y + 1");
        for (x, y) in [(1.0, 2.0), (5.0, -1.0), (-3.3, 0.7)] {
            let (_, fx, fy) = plane.at(x, y);
            assert_eq!((fx, fy), (2.0, 3.0));
        }
        assert_eq!(
            to_query(EXAMPLES[0], START),
            "?f=x^2%20%2B%202x%20y%20%2B%20y^2&x=1&y=2"
        );
        assert_eq!(
            from_query(&to_query("sin(x) cos(y)", (-0.5, 3.0))),
            ("sin(x) cos(y)".to_string(), -0.5, 3.0)
        );
        assert_eq!(
            from_query("x=99&y=nope"),
            (EXAMPLES[0].to_string(), RANGE.1, START.1)
        );
    }

    /// Letters other than x and y are refused, not treated as anything.
    #[test]
    fn only_x_and_y() {
        assert!(Surface::new(&parse("a x + y").unwrap()).is_none());
        assert_eq!(
            other_letters(&parse("a x + t y").unwrap()),
            vec!["a".to_string(), "t".to_string()]
        );
        assert!(
            Surface::new(&parse("x^2").unwrap()).is_some(),
            "a function of x alone is one of x and y"
        );
        let undefined = surface("ln(x) + y");
        assert!(readout((-1.0, 0.0), undefined.at(-1.0, 0.0)).contains("f is not defined"));
    }

    #[test]
    fn the_arrow_and_the_words_for_it() {
        assert_eq!(direction(1.0, 1.0), "up and to the right");
        assert_eq!(direction(0.0, -2.0), "down");
        assert_eq!(direction(-1.0, 0.1), "to the left");
        assert_eq!(direction(-1.0, -2.0), "down and to the left");
        assert_eq!(direction(0.3, 1.0), "up");
        assert_eq!(arrow(0.0, 0.0), None);
        let (dx, dy) = arrow(6.0, 6.0).unwrap();
        assert!((dx - dy).abs() < 1e-15 && ((dx * dx + dy * dy).sqrt() - 2.0).abs() < 1e-12);
        let field = surface(EXAMPLES[0]).field();
        let text = describe(&field, (1.0, 2.0), (9.0, 6.0, 6.0));
        assert!(
            text.contains("Lowest 0 at")
                && text.contains("highest 64 at")
                && text.contains("points up and to the right"),
            "{text}"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

        /// Every example's partial derivatives against central differences, and each slice's
        /// derivative is the matching partial derivative.
        #[test]
        fn partial_derivatives_are_slopes_of_slices(k in 0..4usize, x in -3.9..3.9f64, y in -3.9..3.9f64) {
            let s = surface(EXAMPLES[k]);
            let (f, fx, fy) = s.at(x, y);
            let nx = central_difference(|t| s.at(t, y).0, x);
            let ny = central_difference(|t| s.at(x, t).0, y);
            prop_assert!(relative_error(fx, nx) < 1e-6 || (fx - nx).abs() < 1e-8, "{}: ∂f/∂x {fx} vs {nx}", EXAMPLES[k]);
            prop_assert!(relative_error(fy, ny) < 1e-6 || (fy - ny).abs() < 1e-8, "{}: ∂f/∂y {fy} vs {ny}", EXAMPLES[k]);
            let (sx, sy) = (s.slice_x(y), s.slice_y(x));
            prop_assert!((sx.f_at(x) - f).abs() <= 1e-12 * f.abs().max(1.0) && (sy.f_at(y) - f).abs() <= 1e-12 * f.abs().max(1.0));
            prop_assert!((sx.df_at(x) - fx).abs() <= 1e-12 * fx.abs().max(1.0));
            prop_assert!((sy.df_at(y) - fy).abs() <= 1e-12 * fy.abs().max(1.0));
        }
    }
}

// ---------------------------------------------------------------------------------------
// Gradient descent

mod descent {
    use slope::plot::series::{dots, loss_polyline};
    use slope::plot::transform::{ScreenRect, Transform};
    use slope::ui::lessons::gradient_descent::*;
    use slope::ui::reducer::Apply;

    #[test]
    fn the_page_opens_on_the_seeds_settings_and_steps() {
        assert_eq!(from_query(""), (SEED, RATE));
        assert_eq!(from_query(&to_query(7, 0.25)), (7, 0.25));
        assert_eq!(from_query("seed=-3&rate=9"), (1, RATE_RANGE.1));
        let s = State::new(SEED, RATE);
        assert_eq!(s.run.epoch, 0);
        assert!(
            readout(&s.run).starts_with("Epoch 0 · Loss "),
            "{}",
            readout(&s.run)
        );
        assert!(
            readout(&s.run).ends_with(" · w 0 · b 0"),
            "{}",
            readout(&s.run)
        );
        // One step moves w and b by −η times the derivatives the page shows.
        let (dw, db) = s.data.gradient(0.0, 0.0);
        let next = s.clone().apply(Action::Step(1));
        assert_eq!((next.run.w, next.run.b), (-RATE * dw, -RATE * db));
        assert!(next.run.loss() < s.run.loss());
        assert!(gradient_line(&s).starts_with(&format!(
            "∂L/∂w = {}, ∂L/∂b = {}",
            num(dw),
            num(db)
        )));
        // Play runs until the run settles on the least-squares line, then stops by itself.
        let mut p = s.clone().apply(Action::Play);
        assert!(p.playing);
        while p.playing {
            p = p.apply(Action::Step(1));
        }
        let (w, b) = p.data.best();
        assert!((p.run.w - w).abs() < 1e-9 && (p.run.b - b).abs() < 1e-9 && p.run.epoch < EPOCHS);
        assert!(
            verdict(&p).starts_with("Settled at w = "),
            "{}",
            verdict(&p)
        );
        // Reset goes back to the same start with the same data.
        let r = p.apply(Action::Reset);
        assert_eq!(r, State::new(SEED, RATE));
    }

    /// Past 2/λ_max the run diverges, says so, and stops with finite numbers.
    #[test]
    fn past_the_threshold_the_page_says_diverging_then_diverged() {
        let s = State::new(SEED, RATE);
        let t = s.data.threshold();
        let p = threshold_percent(&s.data).unwrap();
        assert!((p - (t - RATE_RANGE.0) / (RATE_RANGE.1 - RATE_RANGE.0) * 100.0).abs() < 1e-12);
        let mut fast = s.apply(Action::Rate(0.5)).apply(Action::Play);
        assert!(
            verdict(&fast).starts_with("Diverging"),
            "{}",
            verdict(&fast)
        );
        while fast.playing {
            fast = fast.apply(Action::Step(1));
        }
        assert!(fast.run.diverged() && fast.run.w.is_finite());
        assert!(
            verdict(&fast).starts_with(&format!("Diverged at epoch {}", fast.run.epoch)),
            "{}",
            verdict(&fast)
        );
        // A new rate starts a diverged run again (it could not go on), and the verdict follows.
        let slow = fast.apply(Action::Rate(0.05));
        assert_eq!((slow.run.epoch, slow.run.w, slow.run.b), (0, 0.0, 0.0));
        assert!(
            verdict(&slow).starts_with("Converging"),
            "{}",
            verdict(&slow)
        );
        // Every seed's threshold is on the slider.
        for seed in [1, 17, 122, 999] {
            assert!(
                threshold_percent(&slope::learn::regression::data(seed)).is_some(),
                "seed {seed}"
            );
        }
    }

    #[test]
    fn charts_keep_every_epochs_extremes() {
        // 1000 epochs in 100 columns: each column draws its lowest and highest loss.
        let losses: Vec<f64> = (0..1000)
            .map(|i| if i == 501 { 1e3 } else { 1.0 / (i + 1) as f64 })
            .collect();
        let (points, (lo, hi)) = loss_polyline(&losses, 100.0, 100.0);
        assert_eq!((lo, hi), (-3, 3));
        assert!(
            points.split(' ').any(|p| p.ends_with(",0.0")),
            "the spike at epoch 501 reaches the top: {points}"
        );
        assert_eq!(
            points.split(' ').count(),
            202,
            "columns 0 to 100, two points each"
        );
        assert_eq!(
            dots(
                [(0.0, 0.0), (1.0, 1.0)].into_iter(),
                &Transform::new(ScreenRect::sized(10.0, 10.0), (0.0, 1.0), (0.0, 1.0)).unwrap()
            ),
            "M0.0,10.0h0M10.0,0.0h0"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Loss functions

mod losses {
    use slope::math::Study;
    use slope::ui::lessons::loss_functions::*;

    #[test]
    fn the_seeds_values_and_the_pages_words() {
        assert_eq!(from_query(""), START);
        assert_eq!(from_query(&to_query(0.25)), 0.25);
        assert_eq!(from_query("p=1.5"), P_RANGE.1);
        let rows = seed_rows();
        let col = |i: usize| rows.iter().map(|r| r[i].clone()).collect::<Vec<_>>();
        assert_eq!(col(2), ["−0.2", "0.2", "−0.4", "0.4"]);
        assert_eq!(col(3), ["−1.11111", "1.11111", "−1.25", "1.25"]);
        assert_eq!(
            readout(START),
            "At p = 0.9: for y = 1, squared error 0.01 (slope −0.2) and cross-entropy 0.105361 (slope −1.11111); \
             for y = 0, squared error 0.81 (slope 1.8) and cross-entropy 2.30259 (slope 10)."
        );
        assert!(
            clipping().contains("34.5388") && clipping().contains("1×10¹⁵"),
            "{}",
            clipping()
        );
        let (mse, ce) = through_sigmoid(-4.0);
        assert!(
            (ce - (slope::math::func::sigmoid(-4.0) - 1.0)).abs() < 1e-15
                && mse.abs() < ce.abs() / 20.0
        );
        assert!(slow_mse().contains("−0.982014"), "{}", slow_mse());
    }

    /// The plotted functions are the losses, and the engine's derivatives their slopes.
    #[test]
    fn the_plots_are_the_losses_and_their_derivatives() {
        use slope::learn::xor::Loss;
        for (i, y) in [(1, 1.0), (2, 0.0)] {
            let [mse, ce] =
                FUNCTIONS.map(|f| Study::parse(if i == 1 { f.1 } else { f.2 }).unwrap());
            for p in [0.05, 0.3, 0.5, 0.77, 0.99] {
                for (study, loss) in [(&mse, Loss::Mse), (&ce, Loss::CrossEntropy)] {
                    assert!((study.f_at(p) - loss.of(p, y)).abs() < 1e-14);
                    assert!((study.df_at(p) - loss.derivative(p, y)).abs() < 1e-12);
                }
            }
        }
    }
}

mod backprop {
    use slope::learn::xor::{Loss, Param};
    use slope::ui::lessons::backpropagation::*;
    use slope::ui::reducer::Apply;

    #[test]
    fn settings_round_trip_through_the_address_and_name_their_preset() {
        assert_eq!(from_query(""), DEFAULT);
        assert_eq!(from_query(&to_query(&TUTORIAL)), TUTORIAL);
        let odd = from_query("hidden=99&rate=-1&scale=0.123&loss=huber&seed=0");
        assert_eq!(
            (odd.hidden, odd.rate, odd.scale, odd.loss, odd.seed),
            (8, 0.05, 0.1, Loss::CrossEntropy, 1)
        );
        assert_eq!(from_query("loss=mse").loss, Loss::Mse);
        assert_eq!(DEFAULT.preset(), Some("default"));
        assert_eq!(TUTORIAL.preset(), Some("tutorial"));
        assert_eq!(Settings { seed: 2, ..DEFAULT }.preset(), None);
        assert_eq!(PRESETS[1].1, "Tutorial's settings");
    }

    /// Play on our preset solves XOR within a few seconds of frames, then pauses; Play again
    /// trains on.
    #[test]
    fn play_solves_xor_with_our_preset_and_pauses_there() {
        let s = State::new(DEFAULT);
        assert!(readout(&s).starts_with("Epoch 0 · Loss "));
        let mut s = s.apply(Action::Play);
        let mut frames = 0;
        while s.playing {
            s = s.apply(Action::Frame);
            frames += 1;
        }
        let n = s.solved_at.expect("solved");
        assert_eq!(s.epoch, n, "paused at the epoch it was solved");
        assert!(frames < 300, "{frames} frames: more than 5 s at 60 fps");
        assert!(verdict(&s).starts_with(&format!("Solved at epoch {n}")));
        assert!(s.losses.len() == n + 1 && s.losses[n] < s.losses[0] / 3.0);
        let outs: Vec<f64> = readout(&s)
            .rsplit("Outputs ")
            .next()
            .unwrap()
            .split(' ')
            .map(|o| o.parse().unwrap())
            .collect();
        assert!(
            outs.iter()
                .zip([0.0, 1.0, 1.0, 0.0])
                .all(|(o, y)| (o - y).abs() <= 0.1),
            "{outs:?}"
        );
        let s = s.apply(Action::Play).apply(Action::Frame);
        assert!(s.playing && s.epoch > n, "Play again trains on");
    }

    /// The tutorial's settings stay on the plateau: the readout says 0.50 four times after
    /// the tutorial's 1000 epochs, and the loss shown is the one descended (cross-entropy).
    #[test]
    fn the_tutorials_settings_stay_at_one_half() {
        let s = State::new(TUTORIAL).apply(Action::Step(1000));
        assert!(
            readout(&s).starts_with("Epoch 1000 · Loss 0.6931")
                && readout(&s).ends_with("Outputs 0.50 0.50 0.50 0.50"),
            "{}",
            readout(&s)
        );
        assert!(verdict(&s).starts_with("On a plateau"), "{}", verdict(&s));
        assert!(s.gradient_norm() < 1e-3);
        let mse = State::new(Settings {
            loss: Loss::Mse,
            ..TUTORIAL
        })
        .apply(Action::Step(1000));
        assert!(
            readout(&mse).starts_with("Epoch 1000 · Loss 0.25 · "),
            "{}",
            readout(&mse)
        );
    }

    #[test]
    fn play_speeds_up_and_stops_at_the_last_epoch() {
        let mut s = State::new(Settings {
            hidden: 1,
            ..TUTORIAL
        });
        assert_eq!(s.epochs_per_frame(), 2);
        s = s.apply(Action::Step(5000));
        assert_eq!(s.epochs_per_frame(), 50);
        s = s.apply(Action::Step(MAX_EPOCHS));
        assert_eq!(s.epoch, MAX_EPOCHS);
        assert!(!s.clone().apply(Action::Play).playing);
        assert!(
            s.solved_at.is_none() && verdict(&s).starts_with("Stopped after"),
            "one hidden neuron cannot solve XOR"
        );
    }

    /// Every parameter's chain-rule products average to backpropagation's derivative, which
    /// the central difference confirms (cs231n: relative error below 10⁻⁷ is good).
    #[test]
    fn the_gradient_check_agrees_for_every_weight() {
        for settings in [
            DEFAULT,
            Settings {
                loss: Loss::Mse,
                hidden: 3,
                ..DEFAULT
            },
        ] {
            let s = State::new(settings).apply(Action::Step(40));
            for p in s.net.params() {
                let c = check(&s.clone().apply(Action::Pick(p)));
                assert_eq!(factor_names(p).len(), c.rows[0].0.len(), "{p:?}");
                assert!(
                    (c.chain - c.backprop).abs() <= 1e-12 * c.backprop.abs().max(1e-12),
                    "{p:?}: {c:?}"
                );
                assert!(
                    (c.error < 1e-7 || (c.backprop - c.numerical).abs() < 1e-9)
                        && error_words(&c).starts_with("good"),
                    "{p:?}: {c:?}"
                );
            }
        }
        assert_eq!(param_name(Param::W1(1, 0)), "w(x₁→h₂)");
        assert_eq!(
            factor_names(Param::W1(1, 0)),
            ["dℓ/dŷ", "σ′ at ŷ", "w(h₂→ŷ)", "σ′ at h₂", "x₁"]
        );
        let wrong = Check {
            rows: vec![],
            chain: 0.2,
            backprop: 0.2,
            numerical: 0.1,
            error: 0.5,
        };
        assert!(error_words(&wrong).starts_with("wrong"));
    }
}

mod practice {
    use slope::learn::rng::Rng;
    use slope::math::check::{judge, Verdict};
    use slope::math::{differentiate, parse};
    use slope::ui::lessons::practice::*;

    /// A seed is a shareable set: the same ten functions every time, another seed others;
    /// every rule appears, difficulty rises 1 → 3.
    #[test]
    fn a_seed_is_a_set() {
        assert_eq!(set(7), set(7));
        assert_ne!(set(7), set(8));
        let s = set(7);
        assert_eq!(s.len(), SET_SIZE);
        assert!(RULES.iter().all(|r| s.iter().any(|e| e.0 == *r)), "{s:?}");
        assert_eq!((s[0].1, s[SET_SIZE - 1].1), (1, 3));
        assert!(s.windows(2).all(|w| w[0].1 <= w[1].1));
    }

    /// Every exercise reads, and its derivative is defined on enough of the checker's points
    /// to judge an answer (the engine's own is judged right): no exercise is unusable.
    #[test]
    fn every_exercise_can_be_checked() {
        for seed in 0..300 {
            for (rule, difficulty, text) in set(seed) {
                let f = parse(&text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
                let d = differentiate(&f, "x").result;
                let v = judge(&f, &d, "x");
                assert!(
                    matches!(v, Verdict::Right { .. }),
                    "{rule:?} {difficulty} {text}: {v:?}"
                );
                assert!(!text.contains("{"), "{text}");
                // Every exercise is small enough for its mistakes to be diagnosed.
                assert!(f.op_count() <= 12 && 12 < DIAGNOSE_MAX_OPS, "{text}");
            }
        }
        // Each rule at each difficulty, many draws: small whole coefficients, never 0 or 1.
        let mut rng = Rng::new(1);
        for rule in RULES {
            for difficulty in 1..=3 {
                for _ in 0..20 {
                    let text = exercise(rule, difficulty, &mut rng);
                    assert!(parse(&text).is_ok(), "{text}");
                    assert!(
                        !text.contains("0x") && !text.contains(" 1x") && !text.starts_with("1x"),
                        "{text}"
                    );
                }
            }
        }
    }
}

mod practice_feedback {
    use slope::math::{parse, Study};
    use slope::ui::lessons::practice::*;

    fn check(f: &str, answer: &str) -> Feedback {
        feedback(&Study::parse(f).unwrap(), &parse(answer).unwrap())
    }

    #[test]
    fn right_answers_in_any_form_are_right() {
        for (f, a) in [
            ("x^2", "2x"),
            ("x^2", "x+x"),
            ("x^2", "2x^1"),
            ("sin(x)^2", "sin(2x)"),
            ("tan(x)", "1/cos(x)^2"),
            ("sqrt(x^2)", "x/abs(x)"),
        ] {
            let fb = check(f, a);
            assert!(fb.right, "{f}: {a} {fb:?}");
            assert!(fb.verdict.starts_with("Right"), "{fb:?}");
            assert!(fb.mistake.is_none() && fb.counterexample.is_none());
        }
        // A right form with a hole f′ does not have is right, with a note.
        let fb = check("x^2", "(x^2)*2/x");
        assert!(fb.right);
        assert!(fb.note.unwrap().contains("x = 0"));
    }

    #[test]
    fn a_wrong_answer_has_a_counterexample_with_both_values() {
        let fb = check("x^2", "x^2");
        assert!(!fb.right);
        assert_eq!(
            fb.counterexample.as_deref(),
            Some("At x = 1: f′ is 2, your answer gives 1.")
        );
        // Long values are rounded, and say so.
        assert_eq!(
            check("sin(x^2)", "cos(x^2)").counterexample.as_deref(),
            Some("At x = 1: f′ is ≈ 1.0806, your answer gives ≈ 0.540302.")
        );
        // √(x²)′ = x/|x|: 1 is right for x > 0 only, and the counterexample says so.
        let fb = check("sqrt(x^2)", "1");
        assert!(!fb.right);
        assert_eq!(
            fb.counterexample.as_deref(),
            Some("At x = −1: f′ is −1, your answer gives 1.")
        );
    }

    #[test]
    fn the_mistake_is_named_at_its_rule() {
        let fb = check("sin(x^2)", "cos(x^2)");
        let m = fb.mistake.unwrap();
        assert!(m.starts_with("In the chain rule for sin(x²)"), "{m}");
        assert!(m.contains("x² → 2x"), "{m}");
        let fb = check("x sin(x)", "cos(x)");
        assert!(fb.mistake.unwrap().contains("product rule"));
        // No mistake explains it: a hint with the rule to start with.
        let fb = check("x sin(x)", "x^3 + 7");
        assert!(fb.mistake.is_none());
        let h = fb.hint.unwrap();
        assert!(h.contains("Start with the product rule"), "{h}");
        // Off by the sign only.
        let fb = check("cos(x) + x^3", "sin(x) - 3x^2");
        assert!(fb.hint.unwrap_or_default().contains("wrong sign") || fb.mistake.is_some());
    }

    #[test]
    fn the_place_is_read_from_the_address_and_written_back() {
        let p = Place::from_query("?set=7&n=3");
        assert_eq!((p.set, p.n, p.own.clone()), (7, 3, None));
        assert_eq!(p.function(), set(7)[2].2);
        assert_eq!(Place::from_query(&p.to_query()), p);
        let own = Place::from_query("?f=x%5E3");
        assert_eq!(own.function(), "x^3");
        assert_eq!(Place::from_query(&own.to_query()), own);
        // Unreadable or out of range: the first set, exercise 1.
        for q in [
            "",
            "?set=0&n=0",
            "?set=abc&n=11",
            "?set=100000",
            "?set=-3&n=-1",
        ] {
            let p = Place::from_query(q);
            assert_eq!((p.set, p.n), (FIRST_SET, 1), "{q}");
        }
        assert_eq!(set_from(0.0), 1);
        assert_eq!(set_from(0.999999999), MAX_SET);
    }

    #[test]
    fn the_slipped_part_is_the_node_of_f_where_the_mistake_was_made() {
        let f = slope::math::parse("x^3 + sin(x^2)").unwrap();
        let fb = feedback(&Study::new(f.clone()), &parse("3x^2 + cos(x^2)").unwrap());
        let part = fb.slipped.expect("a mistake");
        assert_eq!(part, parse("sin(x^2)").unwrap());
        assert_eq!(f.at_path(&[1]), Some(&part));
        // Right answers and unexplained ones mark nothing.
        assert!(check("x^2", "2x").slipped.is_none());
        assert!(check("x sin(x)", "x^3 + 7").slipped.is_none());
        let (x, expected, got) = check("x^2", "x^2").point.unwrap();
        assert_eq!((x, expected, got), (1.0, 2.0, 1.0));
    }

    #[test]
    fn a_sets_progress_counts_first_tries_attempts_and_hints() {
        let mut p = Progress::new(7);
        p.checked(1, true);
        p.checked(2, false);
        p.hinted(2);
        p.checked(2, true);
        p.checked(3, false);
        p.checked(1, false); // a right exercise stays right
        assert_eq!((p.score(), p.first_tries(), p.hints()), (2, 1, 1));
        assert_eq!(
            p.records[1],
            Record {
                attempts: 2,
                right: true,
                first_try: false,
                hints: 1
            }
        );
        assert_eq!(
            p.summary(),
            "Set 7: 2 of 10 right, 1 on the first try, 1 hint used."
        );
        // Out of range exercises change nothing.
        let before = p.clone();
        p.checked(0, true);
        p.checked(11, true);
        p.hinted(0);
        assert_eq!(p, before);
    }

    #[test]
    fn progress_survives_storage_and_anything_else_is_a_fresh_start() {
        let mut p = Progress::new(7);
        p.checked(1, true);
        p.checked(4, false);
        p.hinted(4);
        let text = p.to_text();
        assert_eq!(Progress::from_text(7, Some(&text)), p);
        let fresh = Progress::new(7);
        let bad = [
            String::new(),
            "garbage".into(),
            "{\"set\":7}".into(),
            text.replace("slope-practice-1", "slope-practice-0"), // an old format
            text.replacen(" 7 ", " 8 ", 1),                       // another set's record
            text.replacen("1.1.1.0", "1.1.1", 1),                 // a field short
            text.replacen("1.1.1.0", "1.2.1.0", 1),               // not a yes/no
            text.replacen("1.1.1.0", "1.0.1.0", 1),               // first try but not right
            text.replacen("1.1.1.0", "-1.1.1.0", 1),
            text.replacen("1.1.1.0", "99999999999.1.1.0", 1),
            format!("{text} 0.0.0.0"),                    // eleven records
            text.rsplit_once(' ').unwrap().0.to_string(), // nine records
            text.replace(' ', "  "),
            "slope-practice-1 7 \u{0}".into(),
        ];
        for b in &bad {
            assert_eq!(Progress::from_text(7, Some(b)), fresh, "{b:?}");
        }
        assert_eq!(Progress::from_text(7, None), fresh);
        assert_ne!(Progress::key(7), Progress::key(8));
    }

    #[test]
    fn the_gap_is_shaded_exactly_where_the_answer_differs() {
        // f′ = 2x, answer x + 1: they differ everywhere but at x = 1.
        let g = gaps((-5.0, 5.0), 100, |x| 2.0 * x, |x| x + 1.0);
        assert_eq!(g.len(), 2, "{g:?}");
        assert!(g[0].0 == -5.0 && g[1].1 == 5.0);
        assert!(
            (g[0].1 - 0.95).abs() < 1e-9 && (g[1].0 - 1.05).abs() < 1e-9,
            "{g:?}"
        );
        // Equal everywhere: nothing shaded; the answer undefined where f′ is: shaded there.
        assert!(gaps((-5.0, 5.0), 100, |x| 2.0 * x, |x| x + x).is_empty());
        let g = gaps(
            (-1.0, 1.0),
            20,
            |_| 1.0,
            |x| if x < 0.0 { f64::NAN } else { 1.0 },
        );
        assert_eq!(g, vec![(-1.0, -0.05)]);
        // Where f′ is undefined there is nothing to differ from.
        assert!(gaps(
            (-1.0, 1.0),
            20,
            |x| if x < 0.0 { f64::NAN } else { x },
            |x| x
        )
        .is_empty());
        assert_eq!(
            gaps_text("x", &g),
            "Your answer is dashed; it differs from f′ where shaded: x from −1 to −0.1."
        );
        assert_eq!(plot_range(1.0), (-5.0, 5.0));
        assert_eq!(plot_range(-20.0), (-25.0, 25.0));
    }
}

/// Issue 21: the quotient table highlights only digits of the exact value in the same places,
/// and its count (shown and spoken) says the same as the highlight.
mod correct_digits {
    use slope::math::numeric::quotient_table;
    use slope::math::{parse, Program};
    use slope::plot::format::agreement;

    #[track_caller]
    fn check(value: f64, exact: f64, marked: &str, digits: Option<usize>) {
        let a = agreement(value, exact, 13);
        assert_eq!(
            &a.text[..a.correct],
            marked,
            "{value} against {exact}: {a:?}"
        );
        assert_eq!(a.digits, digits, "{value} against {exact}: {a:?}");
        // The count is the number of significant digits highlighted.
        let highlighted = a.text[..a.correct]
            .chars()
            .filter(|c| c.is_ascii_digit())
            .skip_while(|&c| c == '0')
            .count();
        if let Some(n) = digits {
            assert_eq!(highlighted, n, "{a:?}");
            let s = if n == 1 { "" } else { "s" };
            assert_eq!(a.spoken(), format!("{}, {n} correct digit{s}", a.text));
            assert_eq!(a.count(), n.to_string());
        } else {
            assert_eq!(a.correct, a.text.len());
            assert_eq!(a.spoken(), format!("{}, exact", a.text));
        }
    }

    #[test]
    fn the_backward_quotient_of_x_squared_at_1_has_no_digit_of_2() {
        let f = Program::compile(&parse("x^2").unwrap(), &["x"]);
        let row = quotient_table(&f, 1.0)[1];
        assert_eq!(row.h, 0.01);
        let a = agreement(row.backward, 2.0, 13);
        assert!(a.text.starts_with("1.99"), "{a:?}");
        assert_eq!((a.correct, a.digits), (0, Some(0)), "{a:?}");
        assert_eq!(a.spoken(), format!("{}, 0 correct digits", a.text));
    }

    #[test]
    #[allow(clippy::approx_constant)] // π's first digits, on purpose
    fn highlights_are_the_exact_values_digits() {
        check(1.99, 2.0, "", Some(0));
        check(2.0001, 2.0, "2.000", Some(4));
        check(-0.9999999, -1.0, "", Some(0));
        check(-0.9999999006, -1.0, "", Some(0));
        check(3.14159, std::f64::consts::PI, "3.14159", Some(6));
        check(2.0, 2.0, "2", None);
        check(0.0, 0.0, "0", None);
        // Near 0: nothing of 1×10⁻⁹ is a digit of 0; small values keep their digits.
        check(1e-9, 0.0, "", Some(0));
        check(1.0000001e-6, 1e-6, "1.000000", Some(7));
        check(0.0201, 0.02, "0.020", Some(2));
        // Negative values, and a value on the wrong side of 0.
        check(-2.0001, -2.0, "−2.000", Some(4));
        check(-3.14159, -std::f64::consts::PI, "−3.14159", Some(6));
        check(2.0001, -2.0, "", Some(0));
        // Correct zeros the short form drops are written out, so all seven are seen.
        check(2.5, 2.5000001, "2.500000", Some(7));
        assert_eq!(agreement(2.5, 2.5000001, 13).text, "2.500000");
        check(2.0000000000000004, 2.0, "2.000000000000", Some(13));
    }

    #[test]
    fn the_count_matches_the_highlight_across_a_whole_table() {
        for (f, x0, exact) in [
            ("x^2", 1.0, 2.0),
            ("1/x", 1.0, -1.0),
            ("sin(x)", 1.0, 1f64.cos()),
            ("e^x", 0.0, 1.0),
            ("x^3", 0.0, 0.0),
            ("1000x^2", 3.0, 6000.0),
        ] {
            let p = Program::compile(&parse(f).unwrap(), &["x"]);
            for row in quotient_table(&p, x0) {
                for v in [row.forward, row.backward, row.central] {
                    let a = agreement(v, exact, 13);
                    let digits: String = a.text[..a.correct]
                        .chars()
                        .filter(|c| c.is_ascii_digit())
                        .collect();
                    if let Some(n) = a.digits {
                        assert_eq!(digits.trim_start_matches('0').len(), n, "{f}: {a:?}");
                    }
                }
            }
        }
    }
}

/// Issue 21: the Partial derivatives page writes ∂f/∂x and ∂/∂x in its step lists, never the
/// d/dx and f′ of a function of one variable.
#[test]
fn partial_derivative_steps_are_written_with_the_partial_sign() {
    use slope::math::explain::{explain_in, Notation};
    use slope::math::Order;
    use slope::ui::lessons::partial_derivatives::{result_line, steps, Surface, EXAMPLES};
    for f in EXAMPLES
        .iter()
        .copied()
        .chain(["x^y", "sin(x y)/(x + y^2)", "2^(x y)"])
    {
        let surface = Surface::new(&parse(f).unwrap()).unwrap();
        for (study, var) in [(&surface.along_x, "x"), (&surface.along_y, "y")] {
            for order in [Order::Textbook, Order::Compact] {
                let lines = steps(study, order);
                let text: Vec<String> = lines.iter().map(|l| l.text()).collect();
                let all = text.join("\n");
                let spoken: String = lines
                    .iter()
                    .flat_map(|l| l.segments.iter().map(|s| s.speech()))
                    .collect();
                assert!(all.contains(&format!("∂/∂{var}")), "{f}:\n{all}");
                for wrong in ["d/dx", "d/dy", "′", "f′"] {
                    assert!(!all.contains(wrong), "{f} ({var}) has {wrong}:\n{all}");
                }
                assert!(!spoken.contains("prime"), "{f}: {spoken}");
                assert!(spoken.contains("partial derivative of"), "{f}: {spoken}");
                // Every line a one-variable explanation has, in the same order.
                let ordinary = explain_in(&study.derivation, order, Notation::Ordinary);
                assert_eq!(lines.len(), ordinary.len());
            }
            let (_, text, spoken) = result_line(study);
            assert!(text.starts_with(&format!("∂f/∂{var} = ")), "{text}");
            assert!(
                spoken.starts_with("the partial derivative of f"),
                "{spoken}"
            );
        }
    }
    // The parts of a product and a chain rule's inner derivative are partial too; the outer
    // function of a chain rule is a function of one variable, so it keeps d/du.
    let s = Surface::new(&parse("x e^(-x^2 - y^2)").unwrap()).unwrap();
    let all: Vec<String> = steps(&s.along_x, Order::Textbook)
        .iter()
        .map(|l| l.text())
        .collect();
    let all = all.join("\n");
    for part in [
        "Product rule ∂(uv)/∂x = (∂u/∂x)v + u(∂v/∂x)",
        "combine (∂u/∂x)v + u(∂v/∂x) with ∂u/∂x = 1 and ∂v/∂x = ",
        "multiply by ∂u/∂x = ",
        "d/du e^u = e^u",
    ] {
        assert!(all.contains(part), "no {part:?} in:\n{all}");
    }
}

/// Issue 21: formulas built from numbers carry their signs (ŷ = 2.99x − 1.5, never + −), and
/// a diverged run says so instead of printing six-digit coefficients.
#[test]
fn gradient_descent_formulas_have_signs_and_a_diverged_run_says_so() {
    use slope::plot::format::{signed, value};
    use slope::ui::lessons::gradient_descent::{
        fit_label, gradient_line, line_formula, readout, surface_label, Action, State,
    };
    use slope::ui::reducer::Apply;
    assert_eq!(signed(-1.5, value), " − 1.5");
    assert_eq!(signed(2.0, value), " + 2");
    assert_eq!(line_formula(2.99, -1.5), "ŷ = 2.99x − 1.5");
    assert_eq!(line_formula(3.0, 2.0), "ŷ = 3x + 2");
    assert_eq!(line_formula(-0.5, -2.25), "ŷ = −0.5x − 2.25");
    assert_eq!(line_formula(0.0, 0.0), "ŷ = 0");
    assert_eq!(line_formula(1.0, 0.0), "ŷ = x");
    let calm = State::new(42, 0.1).apply(Action::Step(50));
    assert!(!calm.run.diverged());
    let label = fit_label(&calm.run);
    assert!(label.contains("ŷ = ") && !label.contains("+ −"), "{label}");
    let wild = State::new(42, 0.6).apply(Action::Step(1000));
    assert!(
        wild.run.diverged(),
        "rate 0.6 is past every seed's threshold"
    );
    for text in [
        fit_label(&wild.run),
        readout(&wild.run),
        gradient_line(&wild),
        surface_label(&wild),
    ] {
        assert!(text.contains("diverged"), "{text}");
        assert!(!text.contains("ŷ =") && !text.contains("ends at"), "{text}");
        // No coefficient of six digits or more.
        let longest = text
            .split(|c: char| !c.is_ascii_digit())
            .map(str::len)
            .max()
            .unwrap_or(0);
        assert!(longest < 6, "{text}");
    }
}

/// Issue 21: "Solved" (every output within 0.1 of its target) is visible in the outputs
/// printed: 0.0998, not 0.10.
#[test]
fn backpropagation_outputs_show_the_solved_criterion() {
    use slope::ui::lessons::backpropagation::output_texts;
    let shown = output_texts([0.0998, 0.92, 0.9003, 0.09]);
    assert_eq!(shown, ["0.0998", "0.9200", "0.9003", "0.0900"]);
    let targets = [0.0, 1.0, 1.0, 0.0];
    for outs in [
        [0.0998, 0.92, 0.9003, 0.09],
        [0.1002, 0.95, 0.97, 0.02],
        [0.0999999, 0.9000001, 0.95, 0.05],
        [0.5, 0.5, 0.5, 0.5],
        [0.01, 0.99, 0.98, 0.03],
    ] {
        let texts = output_texts(outs);
        for ((o, y), t) in outs.iter().zip(targets).zip(&texts) {
            let printed: f64 = t.parse().unwrap();
            assert_eq!(
                (printed - y).abs() < 0.1 - 1e-12,
                (o - y).abs() < 0.1,
                "{o} printed {t}"
            );
        }
    }
    assert_eq!(output_texts([0.01, 0.99, 0.98, 0.03])[0], "0.01");
}
