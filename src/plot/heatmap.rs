//! A function of two variables on a grid, for a heat map: its colours as one RGBA bitmap
//! (drawn with a single `putImageData`) and its contour lines by marching squares. Pure, so
//! it is tested natively; `ui::widgets::heat_map` draws it.

use super::ticks::Ticks;

/// A piece of contour line: its ends, in (x, y) values, and the index of its level.
pub type Segment = ((f64, f64), (f64, f64), usize);

/// f sampled on an nx × ny grid over `x` × `y`; row 0 is the top (largest y).
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub nx: usize,
    pub ny: usize,
    pub x: (f64, f64),
    pub y: (f64, f64),
    pub values: Vec<f64>,
    /// The contour levels (round values between the smallest and largest finite value).
    pub levels: Vec<f64>,
    /// The contour lines, in pieces.
    pub segments: Vec<Segment>,
    /// The colour scale's ends: the 1st and 99th percentiles of the finite values.
    pub low: f64,
    pub high: f64,
}

/// Viridis at five stops: dark to light, readable with every common colour-vision deficiency.
const STOPS: [(u8, u8, u8); 5] = [
    (0x44, 0x01, 0x54),
    (0x3b, 0x52, 0x8b),
    (0x21, 0x91, 0x8c),
    (0x5e, 0xc9, 0x62),
    (0xfd, 0xe7, 0x25),
];

/// The colour of t in [0, 1] on the scale.
pub fn colour(t: f64) -> (u8, u8, u8) {
    let t = crate::math::clamp(t, 0.0, 1.0) * (STOPS.len() - 1) as f64;
    let i = (t as usize).min(STOPS.len() - 2);
    let f = t - i as f64;
    let mix = |a: u8, b: u8| (a as f64 + (b as f64 - a as f64) * f).round() as u8;
    let (a, b) = (STOPS[i], STOPS[i + 1]);
    (mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

impl Field {
    /// f on the grid, with about `contours` contour levels.
    pub fn new(
        x: (f64, f64),
        y: (f64, f64),
        (nx, ny): (usize, usize),
        contours: usize,
        f: impl Fn(f64, f64) -> f64,
    ) -> Field {
        let (xs, ys) = Field::grid(x, y, (nx, ny));
        let values = xs.iter().zip(&ys).map(|(x, y)| f(*x, *y)).collect();
        Field::from_values(x, y, (nx, ny), contours, values)
    }

    /// The grid's points, row by row from the top: their x values and their y values.
    pub fn grid(x: (f64, f64), y: (f64, f64), (nx, ny): (usize, usize)) -> (Vec<f64>, Vec<f64>) {
        let at =
            |i: usize, n: usize, (lo, hi): (f64, f64)| lo + (hi - lo) * i as f64 / (n - 1) as f64;
        (0..ny)
            .flat_map(|r| (0..nx).map(move |c| (at(c, nx, x), at(ny - 1 - r, ny, y))))
            .unzip()
    }

    /// The field of values already computed at [`Field::grid`]'s points, in its order.
    pub fn from_values(
        x: (f64, f64),
        y: (f64, f64),
        (nx, ny): (usize, usize),
        contours: usize,
        values: Vec<f64>,
    ) -> Field {
        // The colour scale and the contours span the middle 98 % of the values: one spike
        // (1/(x² + y²) near 0) would otherwise paint everything else one colour. Values
        // beyond take the end colours.
        let mut finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
        crate::math::sort::sort_by(&mut finite, f64::total_cmp);
        let at = |q: f64| {
            finite
                .get(((finite.len() as f64 - 1.0) * q) as usize)
                .copied()
        };
        let (low, high) = (at(0.01).unwrap_or(f64::NAN), at(0.99).unwrap_or(f64::NAN));
        let ticks = Ticks::new(low, high, contours);
        let levels: Vec<f64> = ticks.values().filter(|l| *l > low && *l < high).collect();
        let mut field = Field {
            nx,
            ny,
            x,
            y,
            values,
            levels,
            segments: Vec::new(),
            low,
            high,
        };
        field.segments = field.march();
        field
    }

    /// f, a probability, on the grid: coloured on the fixed scale 0 to 1 (a flat 0.5 stays
    /// one colour instead of being stretched into a pattern), with the contour at 0.5.
    pub fn probability(
        x: (f64, f64),
        y: (f64, f64),
        (nx, ny): (usize, usize),
        f: impl Fn(f64, f64) -> f64,
    ) -> Field {
        let (xs, ys) = Field::grid(x, y, (nx, ny));
        let mut field = Field {
            nx,
            ny,
            x,
            y,
            values: xs.iter().zip(&ys).map(|(x, y)| f(*x, *y)).collect(),
            levels: vec![0.5],
            segments: Vec::new(),
            low: 0.0,
            high: 1.0,
        };
        field.segments = field.march();
        field
    }

    /// The position of grid column c and row r, in values.
    pub fn point(&self, c: f64, r: f64) -> (f64, f64) {
        (
            self.x.0 + (self.x.1 - self.x.0) * c / (self.nx - 1) as f64,
            self.y.1 - (self.y.1 - self.y.0) * r / (self.ny - 1) as f64,
        )
    }

    /// Where v sits on the colour scale, 0 to 1.
    pub fn scale(&self, v: f64) -> f64 {
        if self.high > self.low {
            (v - self.low) / (self.high - self.low)
        } else {
            0.5
        }
    }

    /// The bitmap, nx × ny RGBA: each value's colour; transparent where f is undefined (the
    /// page's background shows through, and the description says so).
    pub fn rgba(&self) -> Vec<u8> {
        self.values
            .iter()
            .flat_map(|v| {
                if v.is_finite() {
                    let (r, g, b) = colour(self.scale(*v));
                    [r, g, b, 255]
                } else {
                    [0, 0, 0, 0]
                }
            })
            .collect()
    }

    /// Marching squares: in each grid cell, the level crosses the edges whose ends lie on
    /// either side of it; joining the crossings pairwise gives the cell's piece of the line
    /// (a saddle, four crossings, is split by the value at the cell's centre).
    fn march(&self) -> Vec<Segment> {
        let mut out = Vec::new();
        let v = |c: usize, r: usize| self.values[r * self.nx + c];
        for (k, level) in self.levels.iter().enumerate() {
            for r in 0..self.ny.saturating_sub(1) {
                for c in 0..self.nx.saturating_sub(1) {
                    // Corners counter-clockwise from the top left, and their grid positions.
                    let corners = [(c, r), (c, r + 1), (c + 1, r + 1), (c + 1, r)];
                    let vals = corners.map(|(c, r)| v(c, r));
                    if vals.iter().any(|v| !v.is_finite()) {
                        continue;
                    }
                    // At most four crossings; a fixed array (this loop runs levels × cells).
                    let mut hits = [(0.0, 0.0); 4];
                    let mut count = 0;
                    for e in 0..4 {
                        let (a, b) = (vals[e], vals[(e + 1) % 4]);
                        if (a < *level) != (b < *level) {
                            let t = (level - a) / (b - a);
                            let (pa, pb) = (corners[e], corners[(e + 1) % 4]);
                            hits[count] = self.point(
                                pa.0 as f64 + t * (pb.0 as f64 - pa.0 as f64),
                                pa.1 as f64 + t * (pb.1 as f64 - pa.1 as f64),
                            );
                            count += 1;
                        }
                    }
                    match count {
                        2 => out.push((hits[0], hits[1], k)),
                        4 => {
                            // Corners 0 and 2 lie on one side, 1 and 3 on the other. If the
                            // centre is on 0's side, 0 and 2 are joined through it and the
                            // lines cut off corners 1 (edges 0, 1) and 3 (edges 2, 3);
                            // otherwise they cut off 0 (edges 3, 0) and 2 (edges 1, 2).
                            let centre = vals.iter().sum::<f64>() / 4.0;
                            if (centre < *level) == (vals[0] < *level) {
                                out.push((hits[0], hits[1], k));
                                out.push((hits[2], hits[3], k));
                            } else {
                                out.push((hits[3], hits[0], k));
                                out.push((hits[1], hits[2], k));
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        out
    }
}
