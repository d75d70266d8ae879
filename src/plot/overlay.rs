//! What a lesson draws on top of a curve (secants, tangents, points, a draggable handle), as
//! plain data: colours are roles resolved against the theme when drawing.

use super::theme::Theme;

/// The colour role of an overlay item, resolved against the theme when drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ink {
    Function,
    Derivative,
    Secant,
    Tangent,
}

/// A straight line through two points, across the whole plot.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OverlayLine {
    pub through: [(f64, f64); 2],
    pub ink: Ink,
    pub dashed: bool,
}

/// A filled point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OverlayPoint {
    pub at: (f64, f64),
    pub ink: Ink,
    pub radius: f64,
}

/// What the explorer draws on top of a curve.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overlay {
    pub lines: Vec<OverlayLine>,
    pub points: Vec<OverlayPoint>,
    /// A point the student can drag along the curve (x₀).
    pub handles: Vec<(f64, f64)>,
    /// x intervals shaded under the curve (where f is concave up).
    pub bands: Vec<(f64, f64)>,
}

impl Ink {
    /// The theme's colour for this role.
    pub fn color(self, theme: &Theme) -> super::theme::RGBColor {
        match self {
            Ink::Function => theme.function,
            Ink::Derivative => theme.derivative,
            Ink::Secant => theme.secant,
            Ink::Tangent => theme.tangent,
        }
    }
}
