//! Lays out and paints one plot on a [`Surface`]: background, grid, axes, ticks and labels,
//! then lines, curves, markers and the cursor, all clipped to the plot frame. Layout never
//! measures text (in the browser that forces a DOM layout per label); label widths are
//! estimated from the font size instead.

use super::theme::RGBColor;
use crate::math::clamp;

use super::geometry::{clip_line, clip_polyline, dash_polyline, tame, ScreenPoint};
use super::surface::{Align, Baseline, Paint, Pixel, Surface, TextSpec};
use super::ticks::Ticks;
use super::transform::{ScreenRect, Transform};
use super::{Curve, Dash, Line, Marker, PlotError, PlotModel, Theme};

/// Average glyph width as a fraction of the font size, for estimating label widths.
const GLYPH_WIDTH: f64 = 0.6;
/// Aim for tick labels about this far apart (CSS px) along x…
const X_TICK_SPACING: f64 = 90.0;
/// …and along y.
const Y_TICK_SPACING: f64 = 45.0;
/// The plot frame must be at least this big (CSS px) in both directions.
const MIN_FRAME: f64 = 24.0;

/// Paints `model` on `surface` and returns the transform from values to the surface's
/// pixels. Fails without drawing anything when a range is invalid or the surface too small.
pub fn render<S: Surface>(
    surface: &mut S,
    model: &PlotModel,
    theme: &Theme,
) -> Result<Transform, PlotError> {
    let (width, height) = surface.size();
    let layout = Layout::new(width, height, model, theme)?;
    let transform = Transform::new(layout.frame, model.x_range, model.y_range)
        .ok_or(PlotError::InvalidRange)?;
    let mut painter = Painter {
        surface,
        theme,
        transform,
        frame: layout.frame,
        pixels: Vec::new(),
        dash: Vec::new(),
        label: String::new(),
    };
    painter
        .surface
        .fill_rect((0, 0), (width as i32, height as i32), theme.background)?;
    for band in &model.bands {
        painter.band(*band)?;
    }
    painter.grid(&layout)?;
    painter.axes()?;
    if let Some(x) = model.cursor_x {
        painter.cursor(x)?;
    }
    for line in &model.lines {
        painter.line(line)?;
    }
    let mut run = Vec::new();
    for curve in &model.curves {
        painter.curve(curve, &mut run)?;
    }
    for marker in &model.points {
        painter.point(marker)?;
    }
    for marker in &model.open_points {
        painter.open_point(marker)?;
    }
    painter.ticks(&layout)?;
    painter.labels(model, &layout, height)?;
    Ok(transform)
}

/// Where everything goes: the frame (whole pixels) and the ticks.
struct Layout {
    frame: ScreenRect,
    x_ticks: Ticks,
    y_ticks: Ticks,
    pad: f64,
    tick_length: f64,
}

impl Layout {
    fn new(width: u32, height: u32, model: &PlotModel, theme: &Theme) -> Result<Layout, PlotError> {
        let valid =
            |(a, b): (f64, f64)| a.is_finite() && b.is_finite() && b > a && (b - a).is_finite();
        if !(valid(model.x_range) && valid(model.y_range)) {
            return Err(PlotError::InvalidRange);
        }
        let (w, h) = (width as f64, height as f64);
        let pad = theme.px(8.0).round();
        let tick_font = theme.px(theme.tick_font);
        let label_font = theme.px(theme.label_font);
        let tick_length = theme.px(4.0).round();
        let optional = |text: &str, size: f64| if text.is_empty() { 0.0 } else { size };

        let top =
            pad + optional(&model.title, theme.px(theme.title_font) * 1.6).max(0.5 * tick_font);
        let bottom =
            pad + tick_length + 1.5 * tick_font + optional(&model.x_label, 1.6 * label_font);
        let frame_height = (h - top - bottom).floor();
        let too_small = || PlotError::AreaTooSmall { width, height };
        if frame_height.is_nan() || frame_height < theme.px(MIN_FRAME) {
            return Err(too_small());
        }
        let (y0, y1) = model.y_range;
        let y_ticks = Ticks::new(y0, y1, tick_count(frame_height, theme.px(Y_TICK_SPACING)));
        let mut label = String::new();
        let widest = y_ticks
            .values()
            .map(|v| {
                y_ticks.label(v, &mut label);
                label.chars().count()
            })
            .max()
            .unwrap_or(1);
        let left = pad
            + optional(&model.y_label, 1.6 * label_font)
            + widest as f64 * GLYPH_WIDTH * tick_font
            + tick_length
            + theme.px(4.0);
        // Room for the half of the last x label that overhangs the frame.
        let right = pad + tick_font;
        let frame_width = (w - left.ceil() - right).floor();
        if frame_width.is_nan() || frame_width < theme.px(MIN_FRAME) {
            return Err(too_small());
        }
        let (x0, x1) = model.x_range;
        Ok(Layout {
            frame: ScreenRect {
                left: left.ceil(),
                top: top.round(),
                width: frame_width,
                height: frame_height,
            },
            x_ticks: Ticks::new(x0, x1, tick_count(frame_width, theme.px(X_TICK_SPACING))),
            y_ticks,
            pad,
            tick_length,
        })
    }
}

fn tick_count(length: f64, spacing: f64) -> usize {
    clamp((length / spacing).round(), 2.0, 50.0) as usize
}

struct Painter<'a, S: Surface> {
    surface: &'a mut S,
    theme: &'a Theme,
    transform: Transform,
    frame: ScreenRect,
    /// Scratch buffers, reused for every path and label.
    pixels: Vec<Pixel>,
    dash: Vec<ScreenPoint>,
    label: String,
}

fn pixel((x, y): ScreenPoint) -> Pixel {
    (x.round() as i32, y.round() as i32)
}

impl<S: Surface> Painter<'_, S> {
    fn screen_x(&self, x: f64) -> i32 {
        tame(
            self.transform
                .screen_from_value((x, self.transform.y_range().0)),
        )
        .0
        .round() as i32
    }

    fn screen_y(&self, y: f64) -> i32 {
        tame(
            self.transform
                .screen_from_value((self.transform.x_range().0, y)),
        )
        .1
        .round() as i32
    }

    /// The frame's edges in whole pixels: left, top, right, bottom.
    fn edges(&self) -> (i32, i32, i32, i32) {
        let f = self.frame;
        (
            f.left as i32,
            f.top as i32,
            f.right() as i32,
            f.bottom() as i32,
        )
    }

    fn vertical_rule(&mut self, x: i32, width: u32, color: RGBColor) -> Result<(), PlotError> {
        let (_, top, _, bottom) = self.edges();
        let x = x - width as i32 / 2;
        self.surface
            .fill_rect((x, top), (x + width as i32, bottom), color)
    }

    fn horizontal_rule(&mut self, y: i32, width: u32, color: RGBColor) -> Result<(), PlotError> {
        let (left, _, right, _) = self.edges();
        let y = y - width as i32 / 2;
        self.surface
            .fill_rect((left, y), (right, y + width as i32), color)
    }

    fn grid(&mut self, layout: &Layout) -> Result<(), PlotError> {
        let (width, color) = (self.theme.stroke(1.0), self.theme.grid);
        for x in layout.x_ticks.values() {
            self.vertical_rule(self.screen_x(x), width, color)?;
        }
        for y in layout.y_ticks.values() {
            self.horizontal_rule(self.screen_y(y), width, color)?;
        }
        // The frame itself, in the grid's colour.
        let (left, top, right, bottom) = self.edges();
        self.vertical_rule(left, width, color)?;
        self.vertical_rule(right, width, color)?;
        self.horizontal_rule(top, width, color)?;
        self.horizontal_rule(bottom, width, color)
    }

    /// The lines x = 0 and y = 0, where they are in view.
    fn axes(&mut self) -> Result<(), PlotError> {
        let (width, color) = (self.theme.stroke(1.25), self.theme.axis);
        let ((x0, x1), (y0, y1)) = (self.transform.x_range(), self.transform.y_range());
        if x0 <= 0.0 && 0.0 <= x1 {
            self.vertical_rule(self.screen_x(0.0), width, color)?;
        }
        if y0 <= 0.0 && 0.0 <= y1 {
            self.horizontal_rule(self.screen_y(0.0), width, color)?;
        }
        Ok(())
    }

    /// The x interval `[a, b]` shaded over the frame's height.
    fn band(&mut self, (a, b): (f64, f64)) -> Result<(), PlotError> {
        let (left, top, right, bottom) = self.edges();
        let (a, b) = (self.screen_x(a).max(left), self.screen_x(b).min(right));
        if a < b {
            self.surface
                .fill_rect((a, top), (b, bottom), self.theme.shade)?;
        }
        Ok(())
    }

    fn cursor(&mut self, x: f64) -> Result<(), PlotError> {
        let (x0, x1) = self.transform.x_range();
        if x.is_finite() && x0 <= x && x <= x1 {
            self.vertical_rule(self.screen_x(x), self.theme.stroke(1.0), self.theme.cursor)?;
        }
        Ok(())
    }

    fn line(&mut self, line: &Line) -> Result<(), PlotError> {
        let [a, b] = line
            .through
            .map(|p| tame(self.transform.screen_from_value(p)));
        if let Some((start, end)) = clip_line(a, b, &self.frame) {
            let width = self.theme.stroke(line.width);
            self.stroke(&[start, end], line.color, width, line.dash)?;
        }
        Ok(())
    }

    fn curve(&mut self, curve: &Curve, run: &mut Vec<ScreenPoint>) -> Result<(), PlotError> {
        let width = self.theme.stroke(curve.width);
        let transform = self.transform;
        for segment in &curve.samples.segments {
            if let [only] = segment[..] {
                // An isolated defined point: a dot as wide as the curve.
                let at = tame(transform.screen_from_value(only));
                if self.frame.contains(at) {
                    let radius = (width / 2).max(1);
                    self.surface
                        .circle(pixel(at), radius, curve.color, Paint::Fill)?;
                }
                continue;
            }
            let screen = segment.iter().map(|&p| transform.screen_from_value(p));
            let frame = self.frame;
            clip_polyline(screen, &frame, run, |piece| {
                self.stroke(piece, curve.color, width, curve.dash)
            })?;
        }
        Ok(())
    }

    /// Strokes a polyline already inside the frame, dashed or solid.
    fn stroke(
        &mut self,
        points: &[ScreenPoint],
        color: RGBColor,
        width: u32,
        dash: Option<Dash>,
    ) -> Result<(), PlotError> {
        let Painter {
            surface,
            pixels,
            dash: dashes,
            theme,
            ..
        } = self;
        match dash {
            Some(d) => dash_polyline(points, theme.px(d.on), theme.px(d.off), dashes, |piece| {
                polyline(*surface, pixels, piece, color, width)
            }),
            None => polyline(*surface, pixels, points, color, width),
        }
    }

    fn marker_position(&self, marker: &Marker) -> Option<(Pixel, u32)> {
        let at = tame(self.transform.screen_from_value(marker.at));
        let radius = self.theme.px(marker.radius).round().max(1.0);
        let f = self.frame;
        let inside = at.0 >= f.left - radius
            && at.0 <= f.right() + radius
            && at.1 >= f.top - radius
            && at.1 <= f.bottom() + radius;
        inside.then(|| (pixel(at), radius as u32))
    }

    fn point(&mut self, marker: &Marker) -> Result<(), PlotError> {
        match self.marker_position(marker) {
            Some((at, radius)) => self.surface.circle(at, radius, marker.color, Paint::Fill),
            None => Ok(()),
        }
    }

    /// A hollow circle: filled with the background so the curve does not show through.
    fn open_point(&mut self, marker: &Marker) -> Result<(), PlotError> {
        let Some((at, radius)) = self.marker_position(marker) else {
            return Ok(());
        };
        self.surface
            .circle(at, radius, self.theme.background, Paint::Fill)?;
        let ring = Paint::Stroke(self.theme.stroke(1.75));
        self.surface.circle(at, radius, marker.color, ring)
    }

    fn text_spec(&self, size: f64, align: Align, baseline: Baseline) -> TextSpec {
        TextSpec {
            size: self.theme.px(size),
            color: self.theme.text,
            family: self.theme.font_family,
            align,
            baseline,
            vertical: false,
        }
    }

    /// Tick marks outside the frame and their labels.
    fn ticks(&mut self, layout: &Layout) -> Result<(), PlotError> {
        let (left, _, _, bottom) = self.edges();
        let (width, color) = (self.theme.stroke(1.0), self.theme.axis);
        let (w, length) = (width as i32, layout.tick_length as i32);
        let gap = self.theme.px(3.0).round() as i32;

        let spec = self.text_spec(self.theme.tick_font, Align::Center, Baseline::Top);
        for x in layout.x_ticks.values() {
            let sx = self.screen_x(x);
            self.surface.fill_rect(
                (sx - w / 2, bottom),
                (sx - w / 2 + w, bottom + length),
                color,
            )?;
            layout.x_ticks.label(x, &mut self.label);
            // Keep the label on the canvas: one under the frame's right edge would be cut off.
            let half = (self.label.chars().count() as f64
                * GLYPH_WIDTH
                * self.theme.px(self.theme.tick_font)
                / 2.0)
                .ceil() as i32;
            let canvas_width = self.surface.size().0 as i32;
            let lx = sx.min(canvas_width - half - 1).max(half);
            self.surface
                .text(&self.label, (lx, bottom + length + gap), &spec)?;
        }
        let spec = self.text_spec(self.theme.tick_font, Align::Right, Baseline::Middle);
        for y in layout.y_ticks.values() {
            let sy = self.screen_y(y);
            self.surface
                .fill_rect((left - length, sy - w / 2), (left, sy - w / 2 + w), color)?;
            layout.y_ticks.label(y, &mut self.label);
            self.surface
                .text(&self.label, (left - length - gap, sy), &spec)?;
        }
        Ok(())
    }

    /// The title above the frame, the x label under it, the y label up its left side.
    fn labels(&mut self, model: &PlotModel, layout: &Layout, height: u32) -> Result<(), PlotError> {
        let f = self.frame;
        let pad = layout.pad as i32;
        if !model.title.is_empty() {
            let spec = self.text_spec(self.theme.title_font, Align::Left, Baseline::Top);
            self.surface
                .text(&model.title, (f.left as i32, pad), &spec)?;
        }
        let centre = pixel((f.left + f.width / 2.0, f.top + f.height / 2.0));
        if !model.x_label.is_empty() {
            let spec = self.text_spec(self.theme.label_font, Align::Center, Baseline::Bottom);
            self.surface
                .text(&model.x_label, (centre.0, height as i32 - pad), &spec)?;
        }
        if !model.y_label.is_empty() {
            let spec = TextSpec {
                vertical: true,
                ..self.text_spec(self.theme.label_font, Align::Center, Baseline::Top)
            };
            self.surface.text(&model.y_label, (pad, centre.1), &spec)?;
        }
        Ok(())
    }
}

/// Rounds a polyline to pixels (dropping repeats, which a dense curve has many of) and
/// strokes it as one path.
fn polyline<S: Surface>(
    surface: &mut S,
    pixels: &mut Vec<Pixel>,
    points: &[ScreenPoint],
    color: RGBColor,
    width: u32,
) -> Result<(), PlotError> {
    pixels.clear();
    for &p in points {
        let p = pixel(p);
        if pixels.last() != Some(&p) {
            pixels.push(p);
        }
    }
    if pixels.len() >= 2 {
        surface.polyline(pixels, color, width)?;
    }
    Ok(())
}
