//! Drawing a plot on an HTML canvas through plotters-canvas. The caller sizes the canvas's
//! backing store to its CSS size × `devicePixelRatio` first (or lines look blurry), so
//! everything here, the returned transform included, is in backing-store pixels.

use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use super::{draw, PlotError, PlotModel, Theme, Transform};

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
    let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or(PlotError::NoContext)?;
    draw(&backend.into_drawing_area(), model, theme)
}
