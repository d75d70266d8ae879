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

impl Overlay {
    /// A point at (x, y) on the curve (not draggable).
    pub fn point(x: f64, y: f64) -> Overlay {
        Overlay {
            points: vec![OverlayPoint {
                at: (x, y),
                ink: Ink::Tangent,
                radius: 6.0,
            }],
            ..Overlay::default()
        }
    }

    /// A draggable point at (x, y) with its dashed tangent of `slope` (none where the slope
    /// does not exist).
    pub fn tangent(x: f64, y: f64, slope: f64) -> Overlay {
        let mut o = Overlay::point(x, y);
        if slope.is_finite() {
            o.lines.push(OverlayLine {
                through: [(x, y), (x + 1.0, y + slope)],
                ink: Ink::Tangent,
                dashed: true,
            });
        }
        o.handles.push((x, y));
        o
    }
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
