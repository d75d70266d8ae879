//! Colours, font sizes and stroke widths for plots, in a light and a dark variant. Curve
//! colours follow the Okabe–Ito palette, which stays distinguishable with the common forms
//! of colour blindness; sizes are given in CSS pixels and scaled by the device pixel ratio.

use crate::math::clamp;

/// A colour as red, green and blue bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RGBColor(pub u8, pub u8, pub u8);

impl RGBColor {
    /// The colour as CSS (`rgb(0,114,178)`).
    pub fn css(self) -> String {
        format!("rgb({},{},{})", self.0, self.1, self.2)
    }
}

/// How plots look. Sizes are CSS pixels; [`Theme::px`] turns them into backing-store pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    /// Device pixel ratio: backing-store pixels per CSS pixel.
    pub scale: f64,
    pub background: RGBColor,
    pub grid: RGBColor,
    /// The x = 0 and y = 0 lines and the frame around the plot.
    pub axis: RGBColor,
    pub text: RGBColor,
    pub cursor: RGBColor,
    /// f, the function.
    pub function: RGBColor,
    /// f′, the derivative.
    pub derivative: RGBColor,
    pub secant: RGBColor,
    pub tangent: RGBColor,
    /// Shaded x intervals (where f is concave up), under everything else.
    pub shade: RGBColor,
    /// A CSS font family list.
    pub font_family: &'static str,
    pub tick_font: f64,
    pub label_font: f64,
    pub title_font: f64,
}

impl Theme {
    /// Dark curves and text on white.
    pub fn light(scale: f64) -> Theme {
        Theme {
            scale: sanitize_scale(scale),
            background: RGBColor(0xff, 0xff, 0xff),
            grid: RGBColor(0xe6, 0xe6, 0xe6),
            axis: RGBColor(0x60, 0x60, 0x60),
            text: RGBColor(0x33, 0x33, 0x33),
            cursor: RGBColor(0x99, 0x99, 0x99),
            function: RGBColor(0x00, 0x72, 0xb2),
            derivative: RGBColor(0xd5, 0x5e, 0x00),
            // Okabe–Ito orange and bluish green, darkened to 3:1 or more on white and on the
            // shade (tests/contrast.rs).
            secant: RGBColor(0xb8, 0x7d, 0x00),
            tangent: RGBColor(0x00, 0x8f, 0x68),
            shade: RGBColor(0xe2, 0xf3, 0xec),
            font_family: "system-ui, sans-serif",
            tick_font: 12.0,
            label_font: 13.0,
            title_font: 15.0,
        }
    }

    /// Light curves and text on near-black. The function's blue becomes Okabe–Ito sky blue,
    /// since the darker blue has too little contrast there; secant and tangent keep
    /// Okabe–Ito's own orange and bluish green.
    pub fn dark(scale: f64) -> Theme {
        Theme {
            background: RGBColor(0x1a, 0x1a, 0x1a),
            grid: RGBColor(0x33, 0x33, 0x33),
            axis: RGBColor(0xa0, 0xa0, 0xa0),
            text: RGBColor(0xe0, 0xe0, 0xe0),
            cursor: RGBColor(0x80, 0x80, 0x80),
            function: RGBColor(0x56, 0xb4, 0xe9),
            derivative: RGBColor(0xe3, 0x6c, 0x1c),
            secant: RGBColor(0xe6, 0x9f, 0x00),
            tangent: RGBColor(0x00, 0x9e, 0x73),
            shade: RGBColor(0x1d, 0x33, 0x2c),
            ..Theme::light(scale)
        }
    }

    /// Backing-store pixels for `css` CSS pixels.
    pub fn px(&self, css: f64) -> f64 {
        css * self.scale
    }

    /// A stroke width in whole backing-store pixels (at least 1) for `css` CSS pixels.
    pub fn stroke(&self, css: f64) -> u32 {
        let px = self.px(css).round();
        if px.is_finite() && px >= 1.0 {
            px.min(64.0) as u32
        } else {
            1
        }
    }
}

fn sanitize_scale(scale: f64) -> f64 {
    if scale.is_finite() && scale > 0.0 {
        clamp(scale, 0.25, 8.0)
    } else {
        1.0
    }
}
