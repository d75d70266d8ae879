//! `bench_sample`: how long one plot takes natively — adaptive sampling at resolution 600,
//! the automatic y range, and drawing into a surface that records the calls (so the figure
//! is our own work, without the browser's canvas cost).
//!
//! cargo run --release --example bench_sample

use std::hint::black_box;
use std::time::{Duration, Instant};

use slope::math::sample::{auto_y_range, sample};
use slope::math::{parse, Program};
use slope::plot::surface::{Paint, Pixel, Surface, TextSpec};
use slope::plot::{render, Curve, PlotError, PlotModel, Theme};

const RESOLUTION: usize = 600;
const RUNS: usize = 500;
const X_RANGE: (f64, f64) = (-5.0, 5.0);

/// Counts calls and keeps the last path, the least a real surface would do.
#[derive(Default)]
struct Recorder {
    calls: usize,
    points: usize,
    last_path: Vec<Pixel>,
}

impl Surface for Recorder {
    fn size(&self) -> (u32, u32) {
        (RESOLUTION as u32 + 80, 400)
    }
    fn fill_rect(
        &mut self,
        _: Pixel,
        _: Pixel,
        _: slope::plot::theme::RGBColor,
    ) -> Result<(), PlotError> {
        self.calls += 1;
        Ok(())
    }
    fn polyline(
        &mut self,
        points: &[Pixel],
        _: slope::plot::theme::RGBColor,
        _: u32,
    ) -> Result<(), PlotError> {
        self.calls += 1;
        self.points += points.len();
        self.last_path.clear();
        self.last_path.extend_from_slice(points);
        Ok(())
    }
    fn circle(
        &mut self,
        _: Pixel,
        _: u32,
        _: slope::plot::theme::RGBColor,
        _: Paint,
    ) -> Result<(), PlotError> {
        self.calls += 1;
        Ok(())
    }
    fn text(&mut self, text: &str, _: Pixel, _: &TextSpec) -> Result<(), PlotError> {
        self.calls += 1;
        self.points += text.len();
        Ok(())
    }
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn micros(d: Duration) -> String {
    format!("{:>8.1} µs", d.as_secs_f64() * 1e6)
}

fn main() {
    let theme = Theme::light(1.0);
    println!(
        "{:<22} {:>11} {:>11} {:>11} {:>11} {:>7} {:>6}",
        "function", "sample", "y range", "draw", "total", "points", "calls"
    );
    for src in ["sin(x)*exp(-x^2/8)", "tan(x)", "x/abs(x)"] {
        let program = Program::compile(&parse(src).expect("benchmark functions parse"), &["x"]);
        let (mut sampling, mut ranging, mut drawing, mut total) = (vec![], vec![], vec![], vec![]);
        let (mut points, mut calls) = (0, 0);
        for _ in 0..RUNS {
            let start = Instant::now();
            let samples = sample(&program, X_RANGE.0, X_RANGE.1, RESOLUTION);
            let sampled = Instant::now();
            let y_range = auto_y_range(&samples, X_RANGE.0, X_RANGE.1);
            let ranged = Instant::now();
            let mut model = PlotModel::new(X_RANGE, y_range);
            model.title = format!("f(x) = {src}");
            model.curves.push(Curve::new(&samples, theme.function));
            model.mark_breaks(&samples.breaks, theme.function);
            model.cursor_x = Some(1.0);
            let mut recorder = Recorder::default();
            render(&mut recorder, &model, &theme).expect("the benchmark plot draws");
            let drawn = Instant::now();
            black_box(&recorder.last_path);
            points = samples.segments.iter().map(Vec::len).sum();
            calls = recorder.calls;
            sampling.push(sampled - start);
            ranging.push(ranged - sampled);
            drawing.push(drawn - ranged);
            total.push(drawn - start);
        }
        println!(
            "{:<22} {} {} {} {} {:>7} {:>6}",
            src,
            micros(median(sampling)),
            micros(median(ranging)),
            micros(median(drawing)),
            micros(median(total)),
            points,
            calls
        );
    }
    println!("medians of {RUNS} runs, resolution {RESOLUTION}, x in {X_RANGE:?}");
}
