//! The x range a plot shows, and the one policy for zooming and panning it (buttons, keys,
//! wheel and drags all go through `zoomed` and `panned`).

use crate::math::clamp;

/// The x range shown by a plot (both plots of the explorer share one).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub x_min: f64,
    pub x_max: f64,
}

impl View {
    pub const DEFAULT: View = View {
        x_min: -5.0,
        x_max: 5.0,
    };
    /// Narrowest and widest ranges we allow, so zooming can never produce a degenerate plot.
    pub const MIN_WIDTH: f64 = 1e-6;
    pub const MAX_WIDTH: f64 = 1e6;
    /// One zoom step in (the width shrinks to this fraction); its inverse is one step out.
    /// The buttons, the + and − keys and one wheel notch all move by it.
    pub const ZOOM_IN: f64 = 2.0 / 3.0;

    /// The zoom factor for a wheel movement of `delta_y` pixels (100 is one notch, one step).
    pub fn wheel_factor(delta_y: f64) -> f64 {
        (1.0 / Self::ZOOM_IN).powf(clamp(delta_y / 100.0, -3.0, 3.0))
    }

    /// A view from untrusted numbers, if they make sense.
    pub fn checked(x_min: f64, x_max: f64) -> Option<View> {
        let width = x_max - x_min;
        let sane = x_min.is_finite() && x_max.is_finite() && x_min.abs() < 1e7 && x_max.abs() < 1e7;
        (sane && (Self::MIN_WIDTH..=Self::MAX_WIDTH).contains(&width))
            .then_some(View { x_min, x_max })
    }

    pub fn width(&self) -> f64 {
        self.x_max - self.x_min
    }

    /// Zooms by `factor` (< 1 zooms in) keeping `about` fixed; stays within the width limits.
    pub fn zoomed(&self, factor: f64, about: f64) -> View {
        if !(factor.is_finite() && factor > 0.0 && about.is_finite()) {
            return *self;
        }
        let width = clamp(self.width() * factor, Self::MIN_WIDTH, Self::MAX_WIDTH);
        let t = clamp((about - self.x_min) / self.width(), 0.0, 1.0);
        let x_min = about - t * width;
        View::checked(x_min, x_min + width).unwrap_or(*self)
    }

    /// Shifts by `dx` in value units.
    pub fn panned(&self, dx: f64) -> View {
        View::checked(self.x_min + dx, self.x_max + dx).unwrap_or(*self)
    }

    pub fn center(&self) -> f64 {
        (self.x_min + self.x_max) / 2.0
    }
}
