//! Conversions between value space (the function's x and y, y up) and screen space (pixels
//! of the drawing backend, y down). Every conversion is named by its spaces, and the y axis
//! flips in exactly one place, `Transform::flip_y`, so no drawing code ever mirrors y itself.

/// A rectangle in screen space (pixels, y down).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScreenRect {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

impl ScreenRect {
    /// A `width` × `height` box with its top left corner at the origin (an SVG's viewBox).
    pub fn sized(width: f64, height: f64) -> ScreenRect {
        ScreenRect {
            left: 0.0,
            top: 0.0,
            width,
            height,
        }
    }

    pub fn right(&self) -> f64 {
        self.left + self.width
    }

    pub fn bottom(&self) -> f64 {
        self.top + self.height
    }

    /// Whether `(x, y)` lies inside, edges included.
    pub fn contains(&self, (x, y): (f64, f64)) -> bool {
        x >= self.left && x <= self.right() && y >= self.top && y <= self.bottom()
    }
}

/// Maps the value window `x_range × y_range` onto the plot frame in screen space.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Transform {
    frame: ScreenRect,
    x_range: (f64, f64),
    y_range: (f64, f64),
}

impl Transform {
    /// A transform for `frame`, or `None` when the frame is empty or a range is not an
    /// increasing pair of finite numbers.
    pub fn new(frame: ScreenRect, x_range: (f64, f64), y_range: (f64, f64)) -> Option<Transform> {
        let finite = [frame.left, frame.top, frame.width, frame.height];
        let frame_ok =
            finite.iter().all(|v| v.is_finite()) && frame.width > 0.0 && frame.height > 0.0;
        (frame_ok && valid_range(x_range) && valid_range(y_range)).then_some(Transform {
            frame,
            x_range,
            y_range,
        })
    }

    /// The plot frame in screen space.
    pub fn frame(&self) -> ScreenRect {
        self.frame
    }

    /// The x values at the left and right edges of the frame.
    pub fn x_range(&self) -> (f64, f64) {
        self.x_range
    }

    /// The y values at the bottom and top edges of the frame.
    pub fn y_range(&self) -> (f64, f64) {
        self.y_range
    }

    /// Where the value point `(x, y)` appears on screen.
    pub fn screen_from_value(&self, (x, y): (f64, f64)) -> (f64, f64) {
        let (x0, x1) = self.x_range;
        let (y0, y1) = self.y_range;
        let sx = self.frame.left + (x - x0) / (x1 - x0) * self.frame.width;
        let up = self.frame.top + (y - y0) / (y1 - y0) * self.frame.height;
        (sx, self.flip_y(up))
    }

    /// The value point shown at screen point `(sx, sy)`.
    pub fn value_from_screen(&self, (sx, sy): (f64, f64)) -> (f64, f64) {
        let (x0, x1) = self.x_range;
        let (y0, y1) = self.y_range;
        let x = x0 + (sx - self.frame.left) / self.frame.width * (x1 - x0);
        let up = self.flip_y(sy);
        (
            x,
            y0 + (up - self.frame.top) / self.frame.height * (y1 - y0),
        )
    }

    /// Mirrors a y coordinate within the frame (top edge ↔ bottom edge), turning a y that
    /// grows upwards into screen y, which grows downwards, and back: the one place where the
    /// y axis flips. It is its own inverse.
    fn flip_y(&self, y: f64) -> f64 {
        2.0 * self.frame.top + self.frame.height - y
    }

    /// The same mapping for a frame moved by `(dx, dy)` pixels: for a plot drawn into a
    /// sub-area of a larger canvas.
    pub fn shifted(&self, (dx, dy): (f64, f64)) -> Transform {
        Transform {
            frame: ScreenRect {
                left: self.frame.left + dx,
                top: self.frame.top + dy,
                ..self.frame
            },
            ..*self
        }
    }
}

fn valid_range((a, b): (f64, f64)) -> bool {
    a.is_finite() && b.is_finite() && b > a && (b - a).is_finite()
}
