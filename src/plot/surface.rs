//! The handful of drawing primitives a plot needs ([`Surface`]), and their implementation on
//! a plotters drawing area ([`AreaSurface`]). The seam exists because plotters does not
//! re-export its backend types (`BackendColor`, `DrawingErrorKind`, …), so nothing outside
//! plotters-backend can implement `DrawingBackend`, not even a test double: tests record
//! `Surface` calls instead, and the adapter here stays too thin to hide a bug.

use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::element::{Circle, PathElement, Rectangle};
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, FontTransform, RGBColor, TextStyle};

use super::PlotError;

/// A point in the surface's pixel grid: x right, y down, (0, 0) at the top left.
pub type Pixel = (i32, i32);

/// Where the anchor point sits horizontally on a piece of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// Where the anchor point sits vertically on a piece of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Baseline {
    Top,
    Middle,
    Bottom,
}

/// How to draw a piece of text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextSpec {
    /// Font size in surface pixels.
    pub size: f64,
    pub color: RGBColor,
    /// A CSS font family list.
    pub family: &'static str,
    pub align: Align,
    pub baseline: Baseline,
    /// Rotated a quarter turn to read upwards (a y-axis label); `align` and `baseline` are
    /// then relative to the rotated text.
    pub vertical: bool,
}

/// How to paint a circle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paint {
    Fill,
    /// An outline this many pixels wide.
    Stroke(u32),
}

/// Something plots can be drawn on, in its own pixel grid.
pub trait Surface {
    /// Width and height in pixels.
    fn size(&self) -> (u32, u32);
    /// Fills the pixels from `top_left` (inclusive) to `bottom_right` (exclusive).
    fn fill_rect(
        &mut self,
        top_left: Pixel,
        bottom_right: Pixel,
        color: RGBColor,
    ) -> Result<(), PlotError>;
    /// Strokes one connected path through `points`.
    fn polyline(&mut self, points: &[Pixel], color: RGBColor, width: u32) -> Result<(), PlotError>;
    fn circle(
        &mut self,
        center: Pixel,
        radius: u32,
        color: RGBColor,
        paint: Paint,
    ) -> Result<(), PlotError>;
    fn text(&mut self, text: &str, anchor: Pixel, spec: &TextSpec) -> Result<(), PlotError>;
}

/// A [`Surface`] over a plotters drawing area; pixels are relative to the area's top left.
pub struct AreaSurface<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
}

impl<'a, DB: DrawingBackend> AreaSurface<'a, DB> {
    pub fn new(area: &'a DrawingArea<DB, Shift>) -> Self {
        AreaSurface { area }
    }
}

fn backend_error<E: std::error::Error + Send + Sync>(e: DrawingAreaErrorKind<E>) -> PlotError {
    PlotError::Backend(e.to_string())
}

impl<DB: DrawingBackend> Surface for AreaSurface<'_, DB> {
    fn size(&self) -> (u32, u32) {
        self.area.dim_in_pixel()
    }

    fn fill_rect(
        &mut self,
        top_left: Pixel,
        bottom_right: Pixel,
        color: RGBColor,
    ) -> Result<(), PlotError> {
        self.area
            .draw(&Rectangle::new([top_left, bottom_right], color.filled()))
            .map_err(backend_error)
    }

    fn polyline(&mut self, points: &[Pixel], color: RGBColor, width: u32) -> Result<(), PlotError> {
        self.area
            .draw(&PathElement::new(
                points.to_vec(),
                color.stroke_width(width),
            ))
            .map_err(backend_error)
    }

    fn circle(
        &mut self,
        center: Pixel,
        radius: u32,
        color: RGBColor,
        paint: Paint,
    ) -> Result<(), PlotError> {
        let style = match paint {
            Paint::Fill => color.filled(),
            Paint::Stroke(width) => color.stroke_width(width),
        };
        self.area
            .draw(&Circle::new(center, radius, style))
            .map_err(backend_error)
    }

    fn text(&mut self, text: &str, anchor: Pixel, spec: &TextSpec) -> Result<(), PlotError> {
        let mut font = FontDesc::new(FontFamily::from(spec.family), spec.size, FontStyle::Normal);
        if spec.vertical {
            font = font.transform(FontTransform::Rotate270);
        }
        let h = match spec.align {
            Align::Left => HPos::Left,
            Align::Center => HPos::Center,
            Align::Right => HPos::Right,
        };
        let v = match spec.baseline {
            Baseline::Top => VPos::Top,
            Baseline::Middle => VPos::Center,
            Baseline::Bottom => VPos::Bottom,
        };
        let style = TextStyle::from(font).color(&spec.color).pos(Pos::new(h, v));
        self.area
            .draw_text(text, &style, anchor)
            .map_err(backend_error)
    }
}
