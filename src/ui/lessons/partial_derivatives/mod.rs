//! Partial derivatives: f(x, y) typed or chosen, a heat map with contour lines and a point to
//! drag, the slices through the point along x and along y (1-D plots whose tangents have the
//! slopes ∂f/∂x and ∂f/∂y, derived by the engine with steps) and the gradient arrow.
//! State in the address: `#/partial-derivatives?f=x^2+2xy+y^2&x=1&y=2`.

#[cfg(target_arch = "wasm32")]
mod page;
#[cfg(target_arch = "wasm32")]
pub use page::use_page;

use std::rc::Rc;

use crate::math::explain::{explain_in, Notation};
use crate::math::layout::{layout, Layout};
use crate::math::{Expr, Line, Order, Program, Study};
use crate::plot::format::{plain, trimmed};
use crate::plot::heatmap::Field;
use crate::ui::grid::from_address;

/// The seed's functions, the first one first.
pub const EXAMPLES: [&str; 4] = [
    "x^2 + 2x y + y^2",
    "2x + 3y + 1",
    "x e^(-x^2 - y^2)",
    "sin(x) cos(y)",
];
/// The page opens on the seed's point (1, 2) of x² + 2xy + y².
pub const START: (f64, f64) = (1.0, 2.0);
/// The square the map shows (and the sliders' range).
pub const RANGE: (f64, f64) = (-4.0, 4.0);
pub const STEP: f64 = 0.1;
/// Grid points along each side of the map.
pub const GRID: usize = 161;

/// f, x and y from an address; the seed's for anything missing or bad.
pub fn from_query(query: &str) -> (String, f64, f64) {
    let f = crate::ui::query::get(query, "f").unwrap_or_else(|| EXAMPLES[0].to_string());
    let get = |k: &str, d: f64| from_address(query, k, RANGE, STEP).unwrap_or(d);
    (f, get("x", START.0), get("y", START.1))
}

pub fn to_query(f: &str, (x, y): (f64, f64)) -> String {
    crate::ui::query::to_query(&[("f", f.to_string()), ("x", plain(x)), ("y", plain(y))])
}

/// A function of x and y, ready to study: f and its partial derivatives as programs in
/// (x, y), and the engine's derivations with respect to each.
pub struct Surface {
    pub f: Expr,
    pub along_x: Rc<Study>,
    pub along_y: Rc<Study>,
    programs: [Program; 3],
}

/// What keeps a function from being a function of x and y: the other letters it has.
pub fn other_letters(f: &Expr) -> Vec<String> {
    f.variables()
        .into_iter()
        .filter(|v| v != "x" && v != "y")
        .collect()
}

impl Surface {
    /// `None` when f has letters other than x and y.
    pub fn new(f: &Expr) -> Option<Surface> {
        if !other_letters(f).is_empty() {
            return None;
        }
        let along_x = Rc::new(Study::with_variable(f.clone(), "x".into()));
        let along_y = Rc::new(Study::with_variable(f.clone(), "y".into()));
        let xy = ["x", "y"];
        let programs = [
            Program::compile(f, &xy),
            Program::compile(&along_x.derivation.result, &xy),
            Program::compile(&along_y.derivation.result, &xy),
        ];
        Some(Surface {
            f: f.clone(),
            along_x,
            along_y,
            programs,
        })
    }

    /// (f, ∂f/∂x, ∂f/∂y) at (x, y); NaN where undefined (and every derivative is NaN where f is).
    pub fn at(&self, x: f64, y: f64) -> (f64, f64, f64) {
        let [f, fx, fy] = &self.programs;
        let v = f.eval(&[x, y]);
        if !v.is_finite() {
            return (v, f64::NAN, f64::NAN);
        }
        (v, fx.eval(&[x, y]), fy.eval(&[x, y]))
    }

    /// f over the map's square.
    pub fn field(&self) -> Field {
        // One batched evaluation of the whole grid, not point by point.
        let (xs, ys) = Field::grid(RANGE, RANGE, (GRID, GRID));
        let mut values = vec![0.0; xs.len()];
        self.programs[0].eval_batch(&[&xs, &ys], &mut values);
        Field::from_values(RANGE, RANGE, (GRID, GRID), 10, values)
    }

    /// The slice through (x, y) along x: f as a function of x with y held at its value.
    pub fn slice_x(&self, y: f64) -> Study {
        self.along_x.with_parameter_values(&[y])
    }

    /// The slice along y, x held.
    pub fn slice_y(&self, x: f64) -> Study {
        self.along_y.with_parameter_values(&[x])
    }
}

/// How this page writes derivatives: ∂f/∂x, ∂/∂x, ∂u/∂x (the step lists are given it).
pub const NOTATION: Notation = Notation::Partial;

/// The step list of a derivative in one variable, as this page shows it.
pub fn steps(study: &Study, order: Order) -> Vec<Line> {
    explain_in(&study.derivation, order, NOTATION)
}

/// `∂f/∂x = result` as a layout, its text and its spoken form: the line under a step list.
pub fn result_line(study: &Study) -> (Layout, String, String) {
    let var = &study.var;
    let e = &study.derivation.result;
    let name = Layout::Frac(
        Box::new(Layout::Row(vec![
            Layout::Ident("∂".into()),
            Layout::Ident("f".into()),
        ])),
        Box::new(Layout::Row(vec![
            Layout::Ident("∂".into()),
            Layout::Ident(var.clone()),
        ])),
    );
    (
        Layout::Row(vec![name, Layout::Op("=".into()), layout(e)]),
        format!("∂f/∂{var} = {}", crate::math::to_text(e)),
        format!(
            "the partial derivative of f with respect to {var} equals {}",
            crate::math::to_speech(e)
        ),
    )
}

/// A number in the readout: six significant digits, no trailing zeros, a true minus.
pub fn num(v: f64) -> String {
    trimmed(v, 6)
}

/// The Gradient readout: "At (1, 2): f = 9, ∂f/∂x = 6, ∂f/∂y = 6. …"
pub fn readout((x, y): (f64, f64), (f, fx, fy): (f64, f64, f64)) -> String {
    let at = format!("At ({}, {})", num(x), num(y));
    if !f.is_finite() {
        return format!("{at}: f is not defined, so neither are its partial derivatives.");
    }
    if !(fx.is_finite() && fy.is_finite()) {
        return format!(
            "{at}: f = {}, but f has no partial derivative here (∂f/∂x = {}, ∂f/∂y = {}).",
            num(f),
            num(fx),
            num(fy)
        );
    }
    let length = (fx * fx + fy * fy).sqrt();
    let tail = if length == 0.0 {
        "The gradient is (0, 0): f is flat here in every direction.".to_string()
    } else {
        format!(
            "The gradient ∇f = ({}, {}) points uphill, where f rises fastest; its length {} is that steepest slope.",
            num(fx),
            num(fy),
            num(length)
        )
    };
    format!(
        "{at}: f = {}, ∂f/∂x = {}, ∂f/∂y = {}. {tail}",
        num(f),
        num(fx),
        num(fy)
    )
}

/// The gradient arrow drawn at the point: the gradient's direction, its length growing with
/// |∇f| but held between 0.5 and 2 (map units) so it stays readable and on the map.
pub fn arrow(fx: f64, fy: f64) -> Option<(f64, f64)> {
    let length = (fx * fx + fy * fy).sqrt();
    if !(length.is_finite() && length > 0.0) {
        return None;
    }
    let shown = crate::math::clamp(length / 4.0, 0.5, 2.0);
    Some((fx / length * shown, fy / length * shown))
}

/// Which way a vector points, in words ("up and to the right"): one of eight directions,
/// each covering 45° (tan 22.5° = 0.414 separates "up" from "up and to the right").
pub fn direction(dx: f64, dy: f64) -> &'static str {
    const T: f64 = 0.414_213_562_373_095;
    let vertical = if dy.abs() <= T * dx.abs() {
        ""
    } else if dy > 0.0 {
        "up"
    } else {
        "down"
    };
    let horizontal = if dx.abs() <= T * dy.abs() {
        ""
    } else if dx > 0.0 {
        "to the right"
    } else {
        "to the left"
    };
    match (vertical, horizontal) {
        ("", h) => h,
        (v, "") => v,
        ("up", "to the right") => "up and to the right",
        ("up", _) => "up and to the left",
        (_, "to the right") => "down and to the right",
        _ => "down and to the left",
    }
}

/// The heat map in words, for a screen reader.
pub fn describe(field: &Field, (x, y): (f64, f64), value: (f64, f64, f64)) -> String {
    let extreme = |best: fn(f64, f64) -> bool| {
        let mut at = None::<(usize, f64)>;
        for (i, v) in field.values.iter().enumerate() {
            if v.is_finite() && at.is_none_or(|(_, b)| best(*v, b)) {
                at = Some((i, *v));
            }
        }
        at.map(|(i, v)| {
            let (px, py) = field.point((i % field.nx) as f64, (i / field.nx) as f64);
            // Round-off (x² + 2xy + y² at x = −y is 10⁻¹⁵, not 0) is not a value to read out.
            let v = if v.abs() < 1e-12 * (field.high - field.low) {
                0.0
            } else {
                v
            };
            format!("{} at ({}, {})", num(v), num(px), num(py))
        })
        .unwrap_or_else(|| "none".into())
    };
    let undefined = field.values.iter().filter(|v| !v.is_finite()).count();
    let holes = if undefined > 0 {
        " Grey where f is not defined."
    } else {
        ""
    };
    let arrow = match arrow(value.1, value.2) {
        Some((dx, dy)) => format!(" The gradient arrow points {}.", direction(dx, dy)),
        None => String::new(),
    };
    format!(
        "Heat map of f for x and y from {} to {}, dark where f is low, light where it is high, with contour lines. Lowest {}, highest {}.{holes} The point is at ({}, {}).{arrow}",
        num(RANGE.0),
        num(RANGE.1),
        extreme(|a, b| a < b),
        extreme(|a, b| a > b),
        num(x),
        num(y)
    )
}

pub const INTRO: &str = "<p>A function of two variables, f(x, y), is a landscape: x and y \
    say where you stand, f how high you are. Its <strong>partial derivative</strong> ∂f/∂x is \
    the slope you feel walking in the x direction, with y held fixed: \
    ∂f/∂x = lim<sub>h→0</sub> (f(x + h, y) − f(x, y)) / h. ∂f/∂y is the same with the roles \
    swapped.</p>";

pub const RULES: &str =
    "<p>To compute ∂f/∂x, treat y as a constant and use the rules you know. For \
    f = x² + 2xy + y², the term 2xy is a constant (2y) times x, so ∂f/∂x = 2x + 2y, and \
    likewise ∂f/∂y = 2x + 2y. At (1, 2) both are 6; at (3, −1) both are 4. For \
    2x + 3y + 1 they are 2 and 3 everywhere: a tilted plane has the same slopes at every \
    point.</p>";

pub const MAP: &str = "<p>Drag the point on the map (or use the sliders, or focus the map \
    and press the arrow keys). Each contour line joins points where f has the same value. \
    The two plots below are <strong>slices</strong> through the point: f along x with y held \
    at its value, and f along y with x held. The slope of each slice's tangent is the partial \
    derivative.</p>";

pub const GRADIENT: &str =
    "<p>Together the partial derivatives make the <strong>gradient</strong> \
    ∇f = (∂f/∂x, ∂f/∂y). It points in the direction in which f rises fastest, always across \
    the contour lines at a right angle, and its length is that fastest slope. Gradient \
    descent, the way neural networks learn, takes small steps against it.</p>";
