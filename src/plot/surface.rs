//! The handful of drawing primitives a plot needs ([`Surface`]): implemented on an HTML canvas
//! (`canvas::CanvasSurface`) in the browser and by a recorder in the native tests.

use super::theme::RGBColor;
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
