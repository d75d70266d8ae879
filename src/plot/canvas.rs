//! Drawing a plot on an HTML canvas: [`CanvasSurface`] implements the five [`Surface`]
//! primitives with Canvas 2D calls (a plotting crate's backend cost 8 KB of the site's
//! 300 KB budget for the same calls). The caller sizes the canvas's backing store to its CSS
//! size × `devicePixelRatio` first (or lines look blurry), so everything here, the returned
//! transform included, is in backing-store pixels.

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::surface::{Align, Baseline, Paint, Pixel, Surface, TextSpec};
use super::theme::RGBColor;
use super::{render, PlotError, PlotModel, Theme, Transform};

/// A canvas's 2D context as a [`Surface`].
pub struct CanvasSurface {
    ctx: CanvasRenderingContext2d,
    size: (u32, u32),
}

impl CanvasSurface {
    /// The canvas's 2D context, `None` when it has none.
    pub fn new(canvas: &HtmlCanvasElement) -> Option<CanvasSurface> {
        let ctx = canvas
            .get_context("2d")
            .ok()
            .flatten()?
            .dyn_into::<CanvasRenderingContext2d>()
            .ok()?;
        Some(CanvasSurface {
            ctx,
            size: (canvas.width(), canvas.height()),
        })
    }
}

impl Surface for CanvasSurface {
    fn size(&self) -> (u32, u32) {
        self.size
    }

    fn fill_rect(&mut self, a: Pixel, b: Pixel, color: RGBColor) -> Result<(), PlotError> {
        self.ctx.set_fill_style_str(&color.css());
        self.ctx.fill_rect(
            a.0 as f64,
            a.1 as f64,
            (b.0 - a.0) as f64,
            (b.1 - a.1) as f64,
        );
        Ok(())
    }

    fn polyline(&mut self, points: &[Pixel], color: RGBColor, width: u32) -> Result<(), PlotError> {
        let Some((first, rest)) = points.split_first() else {
            return Ok(());
        };
        let ctx = &self.ctx;
        ctx.begin_path();
        ctx.move_to(first.0 as f64, first.1 as f64);
        for p in rest {
            ctx.line_to(p.0 as f64, p.1 as f64);
        }
        ctx.set_line_width(width as f64);
        ctx.set_line_join("round");
        ctx.set_stroke_style_str(&color.css());
        ctx.stroke();
        Ok(())
    }

    fn circle(
        &mut self,
        center: Pixel,
        radius: u32,
        color: RGBColor,
        paint: Paint,
    ) -> Result<(), PlotError> {
        let ctx = &self.ctx;
        ctx.begin_path();
        let _ = ctx.arc(
            center.0 as f64,
            center.1 as f64,
            radius as f64,
            0.0,
            std::f64::consts::TAU,
        );
        match paint {
            Paint::Fill => {
                ctx.set_fill_style_str(&color.css());
                ctx.fill();
            }
            Paint::Stroke(width) => {
                ctx.set_line_width(width as f64);
                ctx.set_stroke_style_str(&color.css());
                ctx.stroke();
            }
        }
        Ok(())
    }

    fn text(&mut self, text: &str, anchor: Pixel, spec: &TextSpec) -> Result<(), PlotError> {
        let ctx = &self.ctx;
        ctx.save();
        ctx.set_font(&format!(
            "{}px {}",
            crate::math::digits::shortest(spec.size),
            spec.family
        ));
        ctx.set_fill_style_str(&spec.color.css());
        ctx.set_text_align(match spec.align {
            Align::Left => "left",
            Align::Center => "center",
            Align::Right => "right",
        });
        ctx.set_text_baseline(match spec.baseline {
            Baseline::Top => "top",
            Baseline::Middle => "middle",
            Baseline::Bottom => "bottom",
        });
        let _ = ctx.translate(anchor.0 as f64, anchor.1 as f64);
        if spec.vertical {
            let _ = ctx.rotate(-std::f64::consts::FRAC_PI_2);
        }
        let drawn = ctx.fill_text(text, 0.0, 0.0);
        ctx.restore();
        drawn.map_err(|_| PlotError::Backend("fillText failed".into()))
    }
}

/// Draws `model` on `canvas`. The returned transform maps values to backing-store pixels:
/// to use it with a pointer event, scale the event's CSS offset by
/// `canvas.width() / canvas.client_width()` (the device pixel ratio) first.
///
/// Fails with [`PlotError::NoContext`] when the canvas has no 2D context.
pub fn draw_on_canvas(
    canvas: &HtmlCanvasElement,
    model: &PlotModel,
    theme: &Theme,
) -> Result<Transform, PlotError> {
    let mut surface = CanvasSurface::new(canvas).ok_or(PlotError::NoContext)?;
    render(&mut surface, model, theme)
}
