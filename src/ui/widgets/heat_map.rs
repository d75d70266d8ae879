//! A heat map of a function of two variables (`plot::heatmap::Field`): the colours as one
//! bitmap (one `putImageData`, scaled by one `drawImage`), contour lines as two paths, axes,
//! and on top a path, labelled dots, a point and an arrow from it. The point can be dragged,
//! clicked to or moved with the arrow keys when the page passes `on_point`. The lesson gives
//! the text description (`label`): a canvas is an image to a screen reader.

use std::rc::Rc;

use crate::math::digits::fixed;

use wasm_bindgen::{Clamped, JsCast};
use web_sys::{
    CanvasRenderingContext2d, HtmlCanvasElement, ImageData, KeyboardEvent, PointerEvent,
};
use yew::prelude::*;

use crate::math::clamp;
use crate::plot::geometry::clip_polyline;
use crate::plot::heatmap::Field;
use crate::plot::theme::Theme;
use crate::plot::ticks::Ticks;
use crate::plot::transform::{ScreenRect, Transform};
use crate::ui::hooks::by_ptr::ByPtr;
use crate::ui::hooks::use_canvas_size::{prefers_dark, use_canvas_size, CanvasSize};
use crate::ui::perf;

#[derive(Properties, PartialEq, Clone)]
pub struct HeatMapProps {
    pub field: Rc<Field>,
    /// The names of the horizontal and vertical axes.
    pub axes: (&'static str, &'static str),
    /// What the map shows, in words (the canvas's accessible name).
    pub label: AttrValue,
    pub testid: AttrValue,
    /// Points drawn with a short label inside (data points, the inputs of XOR).
    #[prop_or_default]
    pub dots: Rc<Vec<(f64, f64, &'static str)>>,
    /// A path through the plane (gradient descent's steps), ending at its last point.
    #[prop_or_default]
    pub path: Rc<Vec<(f64, f64)>>,
    #[prop_or_default]
    pub point: Option<(f64, f64)>,
    /// An arrow from `point`, in the axes' units.
    #[prop_or_default]
    pub arrow: Option<(f64, f64)>,
    /// Moving the point (drag, click, arrow keys): the new position, inside the map.
    #[prop_or_default]
    pub on_point: Option<Callback<(f64, f64)>>,
    /// How far an arrow key moves the point.
    #[prop_or(0.1)]
    pub step: f64,
    /// A short visible title under the map.
    #[prop_or_default]
    pub caption: AttrValue,
}

/// Margins around the map, CSS pixels: room for the tick labels and axis names.
const LEFT: f64 = 44.0;
const BOTTOM: f64 = 36.0;
const TOP: f64 = 8.0;
const RIGHT: f64 = 10.0;

/// The map's rectangle in CSS pixels.
fn frame(size: CanvasSize) -> ScreenRect {
    let (w, h) = (size.width as f64 / size.dpr, size.height as f64 / size.dpr);
    ScreenRect {
        left: LEFT,
        top: TOP,
        width: (w - LEFT - RIGHT).max(1.0),
        height: (h - TOP - BOTTOM).max(1.0),
    }
}

/// The field's colours at grid resolution, on a canvas of their own, to be scaled.
fn bitmap(field: &Field) -> Option<HtmlCanvasElement> {
    let canvas: HtmlCanvasElement = web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    canvas.set_width(field.nx as u32);
    canvas.set_height(field.ny as u32);
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    let rgba = field.rgba();
    let image = ImageData::new_with_u8_clamped_array(Clamped(&rgba), field.nx as u32).ok()?;
    ctx.put_image_data(&image, 0.0, 0.0).ok()?;
    Some(canvas)
}

fn draw(
    canvas: &HtmlCanvasElement,
    image: &HtmlCanvasElement,
    size: CanvasSize,
    p: &HeatMapProps,
) -> Option<()> {
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    let theme = if prefers_dark() {
        Theme::dark(size.dpr)
    } else {
        Theme::light(size.dpr)
    };
    let f = &p.field;
    let rect = frame(size);
    let ScreenRect {
        left,
        top,
        width: w,
        height: h,
    } = rect;
    let t = Transform::new(rect, f.x, f.y)?;
    let to_screen = |p: (f64, f64)| t.screen_from_value(p);
    ctx.set_transform(size.dpr, 0.0, 0.0, size.dpr, 0.0, 0.0)
        .ok()?;
    ctx.set_fill_style_str(&theme.background.css());
    ctx.fill_rect(0.0, 0.0, size.width as f64, size.height as f64);
    // Where f is undefined the grey of the grid shows (the description says where).
    ctx.set_fill_style_str(&theme.grid.css());
    ctx.fill_rect(left, top, w, h);
    ctx.set_image_smoothing_enabled(true);
    ctx.draw_image_with_html_canvas_element_and_dw_and_dh(image, left, top, w, h)
        .ok()?;

    // Contours: light lines on the dark end of the scale, dark ones on the light end.
    for light in [true, false] {
        ctx.begin_path();
        for (a, b, k) in &f.segments {
            if (f.scale(f.levels[*k]) < 0.55) == light {
                let (a, b) = (to_screen(*a), to_screen(*b));
                ctx.move_to(a.0, a.1);
                ctx.line_to(b.0, b.1);
            }
        }
        ctx.set_stroke_style_str(if light {
            "rgba(255,255,255,0.75)"
        } else {
            "rgba(0,0,0,0.6)"
        });
        ctx.set_line_width(1.2);
        ctx.stroke();
    }

    // Frame, ticks and axis names.
    ctx.set_stroke_style_str(&theme.axis.css());
    ctx.set_line_width(1.0);
    ctx.stroke_rect(left, top, w, h);
    ctx.set_fill_style_str(&theme.text.css());
    ctx.set_font(&format!(
        "{}px {}",
        crate::math::digits::shortest(theme.tick_font),
        theme.font_family
    ));
    let mut label = String::new();
    ctx.set_text_align("center");
    ctx.set_text_baseline("top");
    let ticks = Ticks::new(f.x.0, f.x.1, (w / 70.0).max(2.0) as usize);
    for v in ticks.values() {
        label.clear();
        ticks.label(v, &mut label);
        let (sx, _) = to_screen((v, f.y.0));
        ctx.fill_text(&label, sx, top + h + 4.0).ok()?;
    }
    ctx.fill_text(p.axes.0, left + w / 2.0, top + h + 19.0)
        .ok()?;
    ctx.set_text_align("right");
    ctx.set_text_baseline("middle");
    let ticks = Ticks::new(f.y.0, f.y.1, (h / 50.0).max(2.0) as usize);
    for v in ticks.values() {
        label.clear();
        ticks.label(v, &mut label);
        let (_, sy) = to_screen((f.x.0, v));
        ctx.fill_text(&label, left - 5.0, sy).ok()?;
    }
    ctx.set_text_align("left");
    ctx.fill_text(p.axes.1, 2.0, top + 8.0).ok()?;

    // A stroke in two layers, dark under light, reads on every colour of the scale.
    let halo = |width: f64| {
        ctx.set_stroke_style_str("#000");
        ctx.set_line_width(width + 2.5);
        ctx.stroke();
        ctx.set_stroke_style_str("#fff");
        ctx.set_line_width(width);
        ctx.stroke();
    };
    if p.path.len() > 1 {
        // Only the parts inside the map, clipped exactly (a diverging run leaves it).
        ctx.begin_path();
        let mut run = Vec::new();
        let _ = clip_polyline(
            p.path.iter().map(|q| to_screen(*q)),
            &rect,
            &mut run,
            |pts| {
                ctx.move_to(pts[0].0, pts[0].1);
                for q in &pts[1..] {
                    ctx.line_to(q.0, q.1);
                }
                Ok::<(), ()>(())
            },
        );
        halo(1.5);
    }
    ctx.set_text_align("center");
    ctx.set_text_baseline("middle");
    for (x, y, text) in p.dots.iter() {
        let (sx, sy) = to_screen((*x, *y));
        ctx.begin_path();
        ctx.arc(sx, sy, 9.0, 0.0, std::f64::consts::TAU).ok()?;
        ctx.set_fill_style_str("#fff");
        ctx.fill();
        ctx.set_stroke_style_str("#000");
        ctx.set_line_width(2.0);
        ctx.stroke();
        ctx.set_fill_style_str("#000");
        ctx.fill_text(text, sx, sy + 0.5).ok()?;
    }
    if let Some(at) = p.point {
        let (sx, sy) = to_screen(at);
        if let Some((dx, dy)) = p.arrow {
            let (ex, ey) = to_screen((at.0 + dx, at.1 + dy));
            let (ux, uy) = (ex - sx, ey - sy);
            let len = (ux * ux + uy * uy).sqrt();
            if len > 12.0 {
                let (ux, uy) = (ux / len, uy / len);
                ctx.begin_path();
                ctx.move_to(sx, sy);
                ctx.line_to(ex - 8.0 * ux, ey - 8.0 * uy);
                ctx.move_to(ex, ey);
                ctx.line_to(ex - 12.0 * ux - 6.0 * uy, ey - 12.0 * uy + 6.0 * ux);
                ctx.move_to(ex, ey);
                ctx.line_to(ex - 12.0 * ux + 6.0 * uy, ey - 12.0 * uy - 6.0 * ux);
                halo(2.5);
            }
        }
        ctx.begin_path();
        ctx.arc(sx, sy, 6.0, 0.0, std::f64::consts::TAU).ok()?;
        ctx.set_fill_style_str("#fff");
        ctx.fill();
        ctx.set_stroke_style_str("#000");
        ctx.set_line_width(2.5);
        ctx.stroke();
    }
    Some(())
}

#[function_component(HeatMap)]
pub fn heat_map(props: &HeatMapProps) -> Html {
    let canvas_ref = use_node_ref();
    let size = use_canvas_size(canvas_ref.clone());
    // The bitmap is made once per field; moving the point only redraws.
    let image = use_memo(ByPtr(props.field.clone()), |f| bitmap(&f.0));
    let dragging = use_mut_ref(|| false);
    {
        let canvas_ref = canvas_ref.clone();
        let image = image.clone();
        let props = props.clone();
        use_effect(move || {
            if let (Some(canvas), Some(image)) =
                (canvas_ref.cast::<HtmlCanvasElement>(), image.as_ref())
            {
                let started = perf::now_ms();
                if size.apply(&canvas) && draw(&canvas, image, size, &props).is_some() {
                    // The draw's cost, for the smoke test's figures.
                    let ms = fixed(perf::now_ms() - started, 2);
                    let _ = canvas.set_attribute("data-draw-ms", &ms);
                    let _ = canvas.set_attribute("data-drawn", "true");
                }
            }
        });
    }
    let move_to = {
        let on_point = props.on_point.clone();
        let field = props.field.clone();
        move |canvas: &HtmlCanvasElement, ox: f64, oy: f64| {
            let Some(on_point) = &on_point else { return };
            let size = CanvasSize {
                width: (canvas.client_width().max(1)) as u32,
                height: (canvas.client_height().max(1)) as u32,
                dpr: 1.0,
            };
            let rect = frame(size);
            let Some(t) = Transform::new(rect, field.x, field.y) else {
                return;
            };
            // A drag past the edge holds the point at the edge.
            let inside = (
                clamp(ox, rect.left, rect.right()),
                clamp(oy, rect.top, rect.bottom()),
            );
            on_point.emit(t.value_from_screen(inside));
        }
    };
    let onpointerdown = {
        let dragging = dragging.clone();
        let move_to = move_to.clone();
        Callback::from(move |e: PointerEvent| {
            let canvas: HtmlCanvasElement = e.target_unchecked_into();
            let _ = canvas.set_pointer_capture(e.pointer_id());
            *dragging.borrow_mut() = true;
            move_to(&canvas, e.offset_x() as f64, e.offset_y() as f64);
        })
    };
    let onpointermove = {
        let dragging = dragging.clone();
        Callback::from(move |e: PointerEvent| {
            if *dragging.borrow() {
                move_to(
                    &e.target_unchecked_into(),
                    e.offset_x() as f64,
                    e.offset_y() as f64,
                );
            }
        })
    };
    let end = Callback::from(move |_: PointerEvent| *dragging.borrow_mut() = false);
    let onkeydown = {
        let on_point = props.on_point.clone();
        let (point, step, field) = (props.point, props.step, props.field.clone());
        Callback::from(move |e: KeyboardEvent| {
            let (Some(on_point), Some((x, y))) = (&on_point, point) else {
                return;
            };
            let s = if e.shift_key() { 10.0 * step } else { step };
            let (dx, dy) = match e.key().as_str() {
                "ArrowLeft" => (-s, 0.0),
                "ArrowRight" => (s, 0.0),
                "ArrowUp" => (0.0, s),
                "ArrowDown" => (0.0, -s),
                _ => return,
            };
            e.prevent_default();
            on_point.emit((
                clamp(x + dx, field.x.0, field.x.1),
                clamp(y + dy, field.y.0, field.y.1),
            ));
        })
    };
    let movable = props.on_point.is_some();
    html! {
        <figure class="plot-figure heat-map">
            <canvas ref={canvas_ref} role="img" aria-label={props.label.clone()} data-testid={props.testid.clone()}
                tabindex={movable.then_some("0")} aria-keyshortcuts={movable.then_some("ArrowLeft ArrowRight ArrowUp ArrowDown")}
                onpointerdown={movable.then_some(onpointerdown)} onpointermove={movable.then_some(onpointermove)}
                onpointerup={end.clone()} onpointercancel={end} onkeydown={movable.then_some(onkeydown)}>
            </canvas>
            <figcaption>{ props.caption.clone() }</figcaption>
        </figure>
    }
}
