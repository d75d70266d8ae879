//! Plot drawing, checked on a surface that records every call: value↔screen transforms,
//! curves split and clipped honestly, markers, lines and cursor where they belong, ticks
//! and labels, errors instead of panics.

use std::f64::consts::PI;

use slope::math::sample::{sample, Samples};
use slope::math::{parse, Program};
use slope::plot::surface::{Paint, Pixel, Surface, TextSpec};
use slope::plot::theme::RGBColor;
use slope::plot::view::View;
use slope::plot::{
    render, Curve, Dash, Line, Marker, PlotError, PlotModel, ScreenRect, Theme, Transform,
};

/// One recorded drawing call.
#[derive(Clone, Debug, PartialEq)]
enum Op {
    Rect(Pixel, Pixel, RGBColor),
    Path(Vec<Pixel>, RGBColor, u32),
    Circle(Pixel, u32, RGBColor, Paint),
    Text(String, Pixel, TextSpec),
}

struct Recorder {
    size: (u32, u32),
    ops: Vec<Op>,
}

impl Surface for Recorder {
    fn size(&self) -> (u32, u32) {
        self.size
    }
    fn fill_rect(&mut self, a: Pixel, b: Pixel, color: RGBColor) -> Result<(), PlotError> {
        self.ops.push(Op::Rect(a, b, color));
        Ok(())
    }
    fn polyline(&mut self, points: &[Pixel], color: RGBColor, width: u32) -> Result<(), PlotError> {
        self.ops.push(Op::Path(points.to_vec(), color, width));
        Ok(())
    }
    fn circle(
        &mut self,
        center: Pixel,
        radius: u32,
        color: RGBColor,
        paint: Paint,
    ) -> Result<(), PlotError> {
        self.ops.push(Op::Circle(center, radius, color, paint));
        Ok(())
    }
    fn text(&mut self, text: &str, anchor: Pixel, spec: &TextSpec) -> Result<(), PlotError> {
        self.ops.push(Op::Text(text.to_string(), anchor, *spec));
        Ok(())
    }
}

const SIZE: (u32, u32) = (640, 400);

fn samples(src: &str, (a, b): (f64, f64)) -> Samples {
    let e = parse(src).unwrap_or_else(|e| panic!("{src:?}: {e:?}"));
    sample(&Program::compile(&e, &["x"]), a, b, 600)
}

#[track_caller]
fn plot(model: &PlotModel, theme: &Theme) -> (Transform, Vec<Op>) {
    let mut recorder = Recorder {
        size: SIZE,
        ops: Vec::new(),
    };
    let transform =
        render(&mut recorder, model, theme).unwrap_or_else(|e| panic!("render failed: {e}"));
    (transform, recorder.ops)
}

fn paths(ops: &[Op], color: RGBColor) -> Vec<&Vec<Pixel>> {
    ops.iter()
        .filter_map(|op| match op {
            Op::Path(points, c, _) if *c == color => Some(points),
            _ => None,
        })
        .collect()
}

fn texts(ops: &[Op]) -> Vec<&str> {
    ops.iter()
        .filter_map(|op| match op {
            Op::Text(text, _, _) => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

#[track_caller]
fn check_near(what: &str, actual: (f64, f64), expected: (f64, f64), tolerance: f64) {
    let distance = (actual.0 - expected.0).hypot(actual.1 - expected.1);
    assert!(
        distance <= tolerance,
        "{what}: got {actual:?}, expected {expected:?}"
    );
}

#[track_caller]
fn check_inside(what: &str, p: Pixel, frame: ScreenRect) {
    let slack = 1.0;
    let (x, y) = (p.0 as f64, p.1 as f64);
    let inside = x >= frame.left - slack
        && x <= frame.right() + slack
        && y >= frame.top - slack
        && y <= frame.bottom() + slack;
    assert!(inside, "{what}: {p:?} outside the frame {frame:?}");
}

fn frame() -> ScreenRect {
    ScreenRect {
        left: 50.0,
        top: 20.0,
        width: 500.0,
        height: 300.0,
    }
}

fn transform() -> Transform {
    Transform::new(frame(), (-5.0, 5.0), (-2.0, 4.0)).expect("valid transform")
}

#[test]
fn transform_maps_corners_and_flips_y() {
    let t = transform();
    let cases = [
        ((-5.0, -2.0), (50.0, 320.0)),
        ((5.0, 4.0), (550.0, 20.0)),
        ((-5.0, 4.0), (50.0, 20.0)),
        ((0.0, 1.0), (300.0, 170.0)),
        ((2.5, 0.0), (425.0, 220.0)),
    ];
    for (value, screen) in cases {
        check_near(
            &format!("screen_from_value {value:?}"),
            t.screen_from_value(value),
            screen,
            1e-9,
        );
        check_near(
            &format!("value_from_screen {screen:?}"),
            t.value_from_screen(screen),
            value,
            1e-9,
        );
    }
    // Larger values are higher up the screen.
    assert!(t.screen_from_value((0.0, 3.0)).1 < t.screen_from_value((0.0, 2.0)).1);
    let moved = t.shifted((10.0, 5.0));
    check_near(
        "shifted",
        moved.screen_from_value((-5.0, -2.0)),
        (60.0, 325.0),
        1e-9,
    );
}

#[test]
fn transform_rejects_unusable_windows() {
    let bad = [
        (frame(), (1.0, 1.0), (0.0, 1.0)),
        (frame(), (2.0, 1.0), (0.0, 1.0)),
        (frame(), (0.0, f64::NAN), (0.0, 1.0)),
        (frame(), (0.0, 1.0), (f64::NEG_INFINITY, 1.0)),
        (frame(), (-f64::MAX, f64::MAX), (0.0, 1.0)),
        (
            ScreenRect {
                width: 0.0,
                ..frame()
            },
            (0.0, 1.0),
            (0.0, 1.0),
        ),
    ];
    for (f, x, y) in bad {
        assert_eq!(Transform::new(f, x, y), None, "{f:?} {x:?} {y:?}");
    }
}

/// One zoom policy: buttons, keys and a wheel notch zoom by the same step, keep the value
/// under the pointer (or the centre) fixed, and never leave the allowed widths.
#[test]
fn zooming_and_panning_a_view() {
    let v = View::DEFAULT;
    let zin = v.zoomed(View::ZOOM_IN, 1.0);
    assert!((zin.width() - 10.0 * View::ZOOM_IN).abs() < 1e-12);
    // The value `about` stays at the same fraction of the width.
    assert!(((1.0 - zin.x_min) / zin.width() - 0.6).abs() < 1e-12);
    // In then out returns to the start.
    let back = zin.zoomed(1.0 / View::ZOOM_IN, 1.0);
    assert!((back.x_min + 5.0).abs() < 1e-12 && (back.x_max - 5.0).abs() < 1e-12);
    // A wheel notch (deltaY = 100) is one step.
    assert!((View::wheel_factor(100.0) - 1.0 / View::ZOOM_IN).abs() < 1e-12);
    assert!((View::wheel_factor(-100.0) - View::ZOOM_IN).abs() < 1e-12);
    // Limits: far in or far out stops at the allowed widths, nonsense changes nothing.
    let mut w = v;
    for _ in 0..200 {
        w = w.zoomed(View::ZOOM_IN, 0.3);
    }
    assert!(w.width() >= View::MIN_WIDTH && w.width() < 1e-5);
    let mut w = v;
    for _ in 0..200 {
        w = w.zoomed(1.0 / View::ZOOM_IN, 0.0);
    }
    assert!(w.width() <= View::MAX_WIDTH);
    for factor in [f64::NAN, 0.0, -1.0, f64::INFINITY] {
        assert_eq!(v.zoomed(factor, 0.0), v, "factor {factor}");
    }
    assert_eq!(
        v.panned(2.5),
        View {
            x_min: -2.5,
            x_max: 7.5
        }
    );
    assert_eq!(v.panned(f64::NAN), v);
    assert_eq!(v.panned(1e9), v);
}

/// Asymptotes are not drawn as vertical lines: no path crosses a pole of tan, and no single
/// step of a path spans most of the frame.
#[test]
fn tan_is_drawn_without_lines_across_its_poles() {
    let theme = Theme::light(1.0);
    for (range, y_range) in [
        ((-5.0, 5.0), (-8.0, 8.0)),
        ((-5.0, 4.3), (-3.0, 3.0)),
        ((1.0, 2.2), (-50.0, 50.0)),
    ] {
        let s = samples("tan(x)", range);
        let mut model = PlotModel::new(range, y_range);
        model.curves.push(Curve::new(&s, theme.function));
        let (t, ops) = plot(&model, &theme);
        let frame = t.frame();
        let curve = paths(&ops, theme.function);
        assert!(curve.len() >= 2, "{range:?}: {} paths", curve.len());
        for path in curve {
            for w in path.windows(2) {
                let rise = (w[1].1 - w[0].1).abs() as f64;
                assert!(
                    rise < 0.9 * frame.height,
                    "{range:?}: a step from {:?} to {:?}",
                    w[0],
                    w[1]
                );
            }
            for &p in path {
                check_inside("tan point", p, frame);
            }
            let x_of = |p: Pixel| t.value_from_screen((p.0 as f64, p.1 as f64)).0;
            let (first, last) = (x_of(path[0]), x_of(path[path.len() - 1]));
            for k in -3..=3 {
                let pole = (k as f64 + 0.5) * PI;
                let pixel = (t.x_range().1 - t.x_range().0) / frame.width;
                assert!(
                    !(first < pole - pixel && last > pole + pixel),
                    "{range:?}: a path from x = {first} to {last} crosses the pole at {pole}"
                );
            }
        }
    }
}

#[test]
fn huge_values_are_clipped_to_the_frame() {
    let theme = Theme::light(1.0);
    for src in ["x^9", "exp(x^2)", "1/x", "-1e300*x"] {
        let s = samples(src, (-10.0, 10.0));
        let mut model = PlotModel::new((-10.0, 10.0), (-1.0, 3.0));
        model.curves.push(Curve::new(&s, theme.function));
        let (t, ops) = plot(&model, &theme);
        let curve = paths(&ops, theme.function);
        assert!(!curve.is_empty(), "{src}: nothing drawn");
        for p in curve.into_iter().flatten() {
            check_inside(src, *p, t.frame());
        }
    }
}

#[test]
fn jump_limits_get_open_circles() {
    let theme = Theme::light(1.0);
    for range in [(-5.0, 5.0), (-5.0, 4.3)] {
        let s = samples("x/abs(x)", range);
        let mut model = PlotModel::new(range, (-1.5, 1.5));
        model.curves.push(Curve::new(&s, theme.derivative));
        model.mark_breaks(&s.breaks, theme.derivative);
        let (t, ops) = plot(&model, &theme);
        for limit in [(0.0, -1.0), (0.0, 1.0)] {
            let at = t.screen_from_value(limit);
            let rings: Vec<&Op> = ops
                .iter()
                .filter(|op| matches!(op, Op::Circle(c, _, color, Paint::Stroke(_))
                    if *color == theme.derivative && (c.0 as f64 - at.0).abs() <= 1.0 && (c.1 as f64 - at.1).abs() <= 1.0))
                .collect();
            assert_eq!(
                rings.len(),
                1,
                "{range:?}: open circle at {limit:?} ({at:?})"
            );
            // Hollow: filled with the background, and drawn over the curve.
            let ring = ops.iter().position(|op| op == rings[0]).unwrap();
            assert!(
                matches!(&ops[ring - 1], Op::Circle(_, _, c, Paint::Fill) if *c == theme.background)
            );
            let last_curve = ops
                .iter()
                .rposition(|op| matches!(op, Op::Path(_, c, _) if *c == theme.derivative));
            assert!(last_curve.unwrap() < ring);
        }
        // Two pieces, and neither reaches across x = 0.
        let curve = paths(&ops, theme.derivative);
        assert_eq!(curve.len(), 2, "{range:?}");
        let zero = t.screen_from_value((0.0, 0.0)).0;
        for path in curve {
            let (a, b) = (path[0].0 as f64, path[path.len() - 1].0 as f64);
            assert!(
                !(a < zero - 1.0 && b > zero + 1.0),
                "{range:?}: path across 0"
            );
        }
    }
}

#[test]
fn cursor_is_a_vertical_line_at_its_x() {
    let theme = Theme::light(1.0);
    for x in [1.5, -4.2, 0.0] {
        let mut model = PlotModel::new((-5.0, 5.0), (-1.0, 1.0));
        model.cursor_x = Some(x);
        let (t, ops) = plot(&model, &theme);
        let at = t.screen_from_value((x, 0.0)).0;
        let f = t.frame();
        let found = ops.iter().any(|op| match op {
            Op::Rect(a, b, c) => {
                *c == theme.cursor
                    && (a.0 as f64) <= at + 0.5
                    && (b.0 as f64) >= at - 0.5
                    && a.1 as f64 == f.top
                    && b.1 as f64 == f.bottom()
            }
            _ => false,
        });
        assert!(found, "no cursor at x = {x} (screen {at})");
    }
    let mut model = PlotModel::new((-5.0, 5.0), (-1.0, 1.0));
    model.cursor_x = Some(7.0);
    let (_, ops) = plot(&model, &theme);
    assert!(!ops
        .iter()
        .any(|op| matches!(op, Op::Rect(_, _, c) if *c == theme.cursor)));
}

#[test]
fn ticks_labels_and_title_are_written() {
    let theme = Theme::light(1.0);
    let mut model = PlotModel::new((-5.0, 5.0), (-1.0, 1.0));
    model.title = "f(x) = x²".into();
    model.x_label = "x".into();
    model.y_label = "y".into();
    let (_, ops) = plot(&model, &theme);
    let written = texts(&ops);
    for expected in [
        "0",
        "2",
        "\u{2212}2",
        "4",
        "\u{2212}4",
        "0.5",
        "\u{2212}0.5",
        "f(x) = x²",
        "x",
        "y",
    ] {
        assert!(
            written.contains(&expected),
            "{expected:?} missing from {written:?}"
        );
    }
    let y_label = ops.iter().find_map(|op| match op {
        Op::Text(text, _, spec) if text == "y" => Some(spec.vertical),
        _ => None,
    });
    assert_eq!(y_label, Some(true));
}

#[test]
fn tick_labels_read_like_a_textbook() {
    let cases: [(f64, f64, &str); 10] = [
        (0.0, 1.0, "0"),
        (1e-17, 0.1, "0"),
        (3.0, 1.0, "3"),
        (-2.0, 1.0, "\u{2212}2"),
        (0.30000000000000004, 0.1, "0.3"),
        (0.25, 0.05, "0.25"),
        (2e6, 1e6, "2×10⁶"),
        (2.5e6, 5e5, "2.5×10⁶"),
        (-3e-5, 1e-5, "\u{2212}0.00003"),
        (1500.0, 500.0, "1500"),
    ];
    let mut out = String::new();
    for (value, step, expected) in cases {
        slope::plot::ticks::format_tick(value, step, &mut out);
        assert_eq!(out, expected, "tick {value} with step {step}");
    }
}

#[test]
fn lines_cross_the_whole_frame_through_their_points() {
    let theme = Theme::light(1.0);
    let cases = [
        ([(0.0, 0.0), (1.0, 1.0)], None),
        ([(1.0, 0.5), (2.0, 0.25)], Some(Dash::DEFAULT)),
        ([(1.0, -3.0), (1.0, 3.0)], None),
    ];
    for (through, dash) in cases {
        let mut model = PlotModel::new((-5.0, 5.0), (-2.0, 2.0));
        model.lines.push(Line {
            through,
            color: theme.tangent,
            width: 2.0,
            dash,
        });
        let (t, ops) = plot(&model, &theme);
        let drawn = paths(&ops, theme.tangent);
        let [(x0, y0), (x1, y1)] = through;
        for p in drawn.iter().copied().flatten() {
            check_inside("line point", *p, t.frame());
            // Every drawn point lies on the line (within a pixel of rounding).
            let (x, y) = t.value_from_screen((p.0 as f64, p.1 as f64));
            let (sx, sy) = t.screen_from_value((x, y0 + (y1 - y0) * (x - x0) / (x1 - x0)));
            if x1 != x0 {
                assert!(
                    (sy - p.1 as f64).abs() <= 1.5 || (sx - p.0 as f64).abs() <= 1.5,
                    "{through:?}: {p:?} off the line {y}"
                );
            }
        }
        match dash {
            None => {
                assert_eq!(drawn.len(), 1, "{through:?}");
                let ends = [drawn[0][0], drawn[0][drawn[0].len() - 1]];
                let f = t.frame();
                for e in ends {
                    let on_edge = [f.left, f.right()].contains(&(e.0 as f64))
                        || [f.top, f.bottom()].contains(&(e.1 as f64));
                    assert!(on_edge, "{through:?}: end {e:?} is not on the frame {f:?}");
                }
            }
            Some(_) => assert!(drawn.len() > 10, "{through:?}: only {} dashes", drawn.len()),
        }
    }
}

#[test]
fn markers_inside_are_drawn_and_outside_are_not() {
    let theme = Theme::light(1.0);
    let mut model = PlotModel::new((-5.0, 5.0), (-2.0, 2.0));
    let marker = |at| Marker {
        at,
        color: theme.secant,
        radius: 4.0,
    };
    model.points = vec![marker((1.0, 1.0)), marker((9.0, 0.0)), marker((0.0, -30.0))];
    let (t, ops) = plot(&model, &theme);
    let dots: Vec<&Op> = ops
        .iter()
        .filter(|op| matches!(op, Op::Circle(_, _, c, _) if *c == theme.secant))
        .collect();
    assert_eq!(dots.len(), 1);
    let at = t.screen_from_value((1.0, 1.0));
    assert!(
        matches!(dots[0], Op::Circle(c, 4, _, Paint::Fill) if (c.0 as f64 - at.0).abs() <= 1.0 && (c.1 as f64 - at.1).abs() <= 1.0)
    );
}

#[test]
fn device_pixel_ratio_scales_sizes() {
    let s = samples("sin(x)", (-5.0, 5.0));
    for scale in [1.0, 2.0, 3.0] {
        let theme = Theme::dark(scale);
        let mut model = PlotModel::new((-5.0, 5.0), (-1.5, 1.5));
        model.curves.push(Curve::new(&s, theme.function));
        let (_, ops) = plot(&model, &theme);
        let width = ops.iter().find_map(|op| match op {
            Op::Path(_, c, w) if *c == theme.function => Some(*w),
            _ => None,
        });
        assert_eq!(
            width,
            Some((2.5 * scale).round() as u32),
            "curve width at {scale}"
        );
        let size = ops.iter().find_map(|op| match op {
            Op::Text(_, _, spec) => Some(spec.size),
            _ => None,
        });
        assert_eq!(size, Some(12.0 * scale), "tick font at {scale}");
    }
}

#[test]
fn bad_models_and_tiny_areas_are_errors_not_panics() {
    let theme = Theme::light(1.0);
    let cases = [
        (SIZE, (1.0, 1.0), (0.0, 1.0), PlotError::InvalidRange),
        (SIZE, (0.0, 1.0), (f64::NAN, 1.0), PlotError::InvalidRange),
        (
            SIZE,
            (0.0, f64::INFINITY),
            (0.0, 1.0),
            PlotError::InvalidRange,
        ),
        (
            (10, 10),
            (0.0, 1.0),
            (0.0, 1.0),
            PlotError::AreaTooSmall {
                width: 10,
                height: 10,
            },
        ),
        (
            (0, 0),
            (0.0, 1.0),
            (0.0, 1.0),
            PlotError::AreaTooSmall {
                width: 0,
                height: 0,
            },
        ),
    ];
    for (size, x_range, y_range, expected) in cases {
        let mut recorder = Recorder {
            size,
            ops: Vec::new(),
        };
        let result = render(&mut recorder, &PlotModel::new(x_range, y_range), &theme);
        assert_eq!(
            result,
            Err(expected.clone()),
            "{size:?} {x_range:?} {y_range:?}"
        );
        assert!(
            recorder.ops.is_empty(),
            "drew something before failing: {:?}",
            recorder.ops
        );
    }
}

#[test]
fn an_isolated_point_is_a_dot() {
    let theme = Theme::light(1.0);
    let s = Samples {
        segments: vec![vec![(1.0, 0.5)]],
        breaks: vec![],
    };
    let mut model = PlotModel::new((-5.0, 5.0), (-1.0, 1.0));
    model.curves.push(Curve::new(&s, theme.function));
    let (t, ops) = plot(&model, &theme);
    let at = t.screen_from_value((1.0, 0.5));
    assert!(ops.iter().any(|op| matches!(op, Op::Circle(c, _, color, Paint::Fill)
        if *color == theme.function && (c.0 as f64 - at.0).abs() <= 1.0 && (c.1 as f64 - at.1).abs() <= 1.0)));
}

#[test]
fn dashed_curves_come_in_pieces() {
    let theme = Theme::light(1.0);
    let s = samples("x", (-5.0, 5.0));
    let mut model = PlotModel::new((-5.0, 5.0), (-5.0, 5.0));
    model.curves.push(Curve {
        dash: Some(Dash::DEFAULT),
        ..Curve::new(&s, theme.secant)
    });
    let (_, ops) = plot(&model, &theme);
    let pieces = paths(&ops, theme.secant);
    // The diagonal of a ~570×340 px frame is about 660 px: 66 dashes of 10 px.
    assert!((50..=80).contains(&pieces.len()), "{} dashes", pieces.len());
}

/// Tick labels stay on the canvas, even long ones at the frame's right edge.
#[test]
fn tick_labels_are_not_cut_off() {
    let theme = Theme::light(1.0);
    let model = PlotModel::new((-1.0003, -0.9996), (-2.0003, -1.9995));
    let (_, ops) = plot(&model, &theme);
    let mut labels = 0;
    for op in &ops {
        if let Op::Text(text, (x, _), spec) = op {
            if text.contains('.') && text.starts_with('\u{2212}') {
                let half = (text.chars().count() as f64 * 0.6 * spec.size / 2.0) as i32;
                assert!(
                    *x - half >= 0 && *x + half <= SIZE.0 as i32,
                    "{text} at {x}"
                );
                labels += 1;
            }
        }
    }
    assert!(labels >= 4, "{ops:?}");
}

/// A plot always has at least two labelled x ticks, however narrow.
#[test]
fn at_least_two_ticks() {
    for (lo, hi, target) in [
        (-0.7, 0.9, 2),
        (-1.0003, -0.9996, 2),
        (0.1, 0.9, 2),
        (-5.0, 5.0, 2),
    ] {
        let t = slope::plot::ticks::Ticks::new(lo, hi, target);
        let values: Vec<f64> = t.values().collect();
        assert!(values.len() >= 2, "{lo}..{hi}: {values:?}");
        assert!(values.iter().all(|v| (lo..=hi).contains(v)), "{values:?}");
    }
}

/// Contours of a linear function lie exactly on their levels; of x² + y², on circles of
/// radius √level (to within the grid's interpolation error); of the saddle x·y, every
/// segment's midpoint is near its level (a wrongly paired saddle cell would cut across).
#[test]
fn heat_map_contours_lie_on_their_levels() {
    use slope::plot::heatmap::Field;
    let linear = Field::new((-3.0, 3.0), (-3.0, 3.0), (41, 41), 8, |x, y| {
        2.0 * x + 3.0 * y + 1.0
    });
    assert!(!linear.segments.is_empty() && linear.levels.len() >= 5);
    for (a, b, k) in &linear.segments {
        for (x, y) in [a, b] {
            assert!((2.0 * x + 3.0 * y + 1.0 - linear.levels[*k]).abs() < 1e-9);
        }
    }
    let bowl = Field::new((-3.0, 3.0), (-3.0, 3.0), (61, 61), 6, |x, y| x * x + y * y);
    for (a, _, k) in &bowl.segments {
        let r = (a.0 * a.0 + a.1 * a.1).sqrt();
        assert!(
            (r - bowl.levels[*k].sqrt()).abs() < 0.02,
            "radius {r} for level {}",
            bowl.levels[*k]
        );
    }
    let saddle = Field::new((-3.1, 2.9), (-3.05, 2.95), (13, 13), 10, |x, y| x * y);
    for (a, b, k) in &saddle.segments {
        let (x, y) = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
        assert!(
            (x * y - saddle.levels[*k]).abs() < 0.15,
            "midpoint {x}, {y}: {} vs {}",
            x * y,
            saddle.levels[*k]
        );
    }
    // The bitmap: one RGBA pixel per value, top row first (largest y is the highest value of y).
    let rgba = linear.rgba();
    assert_eq!(rgba.len(), 41 * 41 * 4);
    let pixel = |c: usize, r: usize| &rgba[(r * 41 + c) * 4..(r * 41 + c) * 4 + 4];
    assert_eq!(
        pixel(0, 40),
        &[0x44, 0x01, 0x54, 255][..],
        "bottom left, (−3, −3), is the lowest"
    );
    assert_eq!(
        pixel(40, 0),
        &[0xfd, 0xe7, 0x25, 255][..],
        "top right, (3, 3), the highest"
    );
}
