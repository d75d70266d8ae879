//! Plot drawing and the coordinate transforms between value space and screen space. A
//! [`PlotModel`] describes one plot (ranges, curves, markers, lines, cursor); [`render`]
//! paints it on any [`Surface`] (in the browser, a canvas: `canvas::draw_on_canvas`) and
//! returns the [`Transform`] the UI needs to map pointer positions back to values. Knows
//! nothing of Yew.

pub mod describe;
pub mod format;
pub mod geometry;
pub mod heatmap;
pub mod overlay;
mod render;
pub mod series;
pub mod sparkline;
pub mod surface;
pub mod theme;
pub mod ticks;
pub mod transform;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod canvas;

use theme::RGBColor;

use crate::math::sample::{Break, BreakKind, Samples};

pub use render::render;
pub use surface::Surface;
pub use theme::Theme;
pub use transform::{ScreenRect, Transform};

/// Why a plot could not be drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum PlotError {
    /// The canvas has no 2D context (or there is no canvas).
    NoContext,
    /// The drawing area is too small to hold a plot frame (e.g. a hidden canvas).
    AreaTooSmall { width: u32, height: u32 },
    /// A range of the model is not an increasing pair of finite numbers.
    InvalidRange,
    /// The drawing backend failed.
    Backend(String),
}

impl std::fmt::Display for PlotError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PlotError::NoContext => write!(f, "the canvas has no 2D drawing context"),
            PlotError::AreaTooSmall { width, height } => {
                write!(
                    f,
                    "the plot area ({width}×{height} px) is too small to draw in"
                )
            }
            PlotError::InvalidRange => write!(f, "the plot range is empty or not finite"),
            PlotError::Backend(message) => write!(f, "drawing failed: {message}"),
        }
    }
}

impl std::error::Error for PlotError {}

/// A dash pattern, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dash {
    pub on: f64,
    pub off: f64,
}

impl Dash {
    /// The pattern used for secant lines and other helpers: 6 px on, 4 px off.
    pub const DEFAULT: Dash = Dash { on: 6.0, off: 4.0 };
}

/// A sampled function to draw, split into its segments.
#[derive(Clone, Copy, Debug)]
pub struct Curve<'a> {
    pub samples: &'a Samples,
    pub color: RGBColor,
    /// Stroke width in CSS pixels.
    pub width: f64,
    pub dash: Option<Dash>,
}

impl<'a> Curve<'a> {
    /// A solid 2.5 px curve.
    pub fn new(samples: &'a Samples, color: RGBColor) -> Self {
        Curve {
            samples,
            color,
            width: 2.5,
            dash: None,
        }
    }
}

/// A circle marker at a value point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Marker {
    pub at: (f64, f64),
    pub color: RGBColor,
    /// Radius in CSS pixels.
    pub radius: f64,
}

/// The whole straight line through two value points, drawn across the plot (secant, tangent).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Line {
    pub through: [(f64, f64); 2],
    pub color: RGBColor,
    /// Stroke width in CSS pixels.
    pub width: f64,
    pub dash: Option<Dash>,
}

/// Everything one plot shows. Borrowed samples keep building a model per frame cheap.
#[derive(Clone, Debug)]
pub struct PlotModel<'a> {
    /// The x values at the left and right edges.
    pub x_range: (f64, f64),
    /// The y values at the bottom and top edges.
    pub y_range: (f64, f64),
    /// Drawn above the plot, e.g. "f(x) = x²"; empty for none.
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    /// Drawn in order, later ones on top.
    pub curves: Vec<Curve<'a>>,
    /// Open circles: where a one-sided limit is not attained (see [`PlotModel::mark_breaks`]).
    pub open_points: Vec<Marker>,
    /// Filled circles: points on a curve (the point of tangency, secant ends).
    pub points: Vec<Marker>,
    /// Straight lines across the plot, drawn under the curves.
    pub lines: Vec<Line>,
    /// A vertical line at this x (the pointer, an animation's position).
    pub cursor_x: Option<f64>,
    /// x intervals shaded from top to bottom, under everything else.
    pub bands: Vec<(f64, f64)>,
}

impl<'a> PlotModel<'a> {
    /// An empty plot of the given window.
    pub fn new(x_range: (f64, f64), y_range: (f64, f64)) -> Self {
        PlotModel {
            x_range,
            y_range,
            title: String::new(),
            x_label: String::new(),
            y_label: String::new(),
            curves: Vec::new(),
            open_points: Vec::new(),
            points: Vec::new(),
            lines: Vec::new(),
            cursor_x: None,
            bands: Vec::new(),
        }
    }

    /// Adds an open circle at each one-sided limit of each break (one circle where both
    /// limits agree): the jump of `x/|x|` at 0 shows circles at (0, −1) and (0, 1). Where the
    /// function has a value at the break it is a filled circle (`floor(x)` at 1: filled at
    /// (1, 1), open at (1, 0)).
    pub fn mark_breaks(&mut self, breaks: &[Break], color: RGBColor) {
        for b in breaks {
            let limits = match b.kind {
                BreakKind::Removable => [b.left, None],
                BreakKind::Jump | BreakKind::Pole => [b.left, b.right],
            };
            for y in limits.into_iter().flatten() {
                // The side the function attains is a filled circle, not an open one.
                if b.value == Some(y) {
                    continue;
                }
                self.open_points.push(Marker {
                    at: (b.x, y),
                    color,
                    radius: 4.5,
                });
            }
            if let Some(v) = b.value {
                self.points.push(Marker {
                    at: (b.x, v),
                    color,
                    radius: 4.5,
                });
            }
        }
    }
}
