//! Gradient descent: linear regression on the seed's data (y ≈ 3x + 2, 100 points from a seed),
//! the fitted line moving, the loss curve, the loss surface over (w, b) with the path taken,
//! ∂L/∂w and ∂L/∂b as numbers each step, and a learning rate whose divergence threshold
//! 2/λ_max is marked. State in the address: `#/gradient-descent?seed=42&rate=0.1`.

#[cfg(target_arch = "wasm32")]
mod page;
#[cfg(target_arch = "wasm32")]
pub use page::use_page;

use std::rc::Rc;

use crate::learn::regression::{data, Data, Descent, DIVERGED};
use crate::plot::format::{plain, scientific, signed, trimmed};
use crate::plot::heatmap::Field;
use crate::ui::grid::from_address;
use crate::ui::reducer::Apply;

/// The seed's settings: `np.random.seed(42)` and a learning rate of 0.1.
pub const SEED: u64 = 42;
pub const RATE: f64 = 0.1;
/// Up to past every seed's divergence threshold (2/λ_max is 0.171…0.416 over seeds 1…999).
pub const RATE_RANGE: (f64, f64) = (0.01, 0.6);
pub const RATE_STEP: f64 = 0.01;
pub const SEEDS: (f64, f64) = (1.0, 999.0);
/// Play stops here (the seed trains for 1000 epochs).
pub const EPOCHS: usize = 1000;
/// The loss surface's window in (w, b).
pub const W_RANGE: (f64, f64) = (-1.0, 6.0);
pub const B_RANGE: (f64, f64) = (-2.0, 5.0);

/// seed and rate from an address; the seed's own where missing or bad.
pub fn from_query(query: &str) -> (u64, f64) {
    let seed = from_address(query, "seed", SEEDS, 1.0).unwrap_or(SEED as f64) as u64;
    let rate = from_address(query, "rate", RATE_RANGE, RATE_STEP).unwrap_or(RATE);
    (seed, rate)
}

pub fn to_query(seed: u64, rate: f64) -> String {
    crate::ui::query::to_query(&[("seed", seed.to_string()), ("rate", plain(rate))])
}

/// The page's state: settings, data and the run so far.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub seed: u64,
    pub rate: f64,
    pub data: Rc<Data>,
    pub run: Descent,
    pub playing: bool,
}

#[derive(Clone)]
pub enum Action {
    /// Up to n epochs (fewer once the run is finished).
    Step(usize),
    Play,
    Pause,
    /// Back to (0, 0), same data.
    Reset,
    Rate(f64),
    Seed(u64),
}

impl State {
    pub fn new(seed: u64, rate: f64) -> State {
        let data = Rc::new(data(seed));
        let run = Descent::new(&data);
        State {
            seed,
            rate,
            data,
            run,
            playing: false,
        }
    }

    /// Nothing more to do: diverged, settled (the gradient is 0 to within round-off) or at
    /// the last epoch.
    pub fn finished(&self) -> bool {
        let (dw, db) = self.data.gradient(self.run.w, self.run.b);
        self.run.diverged() || (dw * dw + db * db).sqrt() < 1e-12 || self.run.epoch >= EPOCHS
    }
}

impl Apply for State {
    type Action = Action;

    fn apply(mut self, action: Action) -> State {
        match action {
            Action::Step(n) => {
                for _ in 0..n {
                    if self.finished() {
                        break;
                    }
                    self.run.step(&self.data, self.rate);
                }
                self.playing &= !self.finished();
            }
            Action::Play => self.playing = !self.finished(),
            Action::Pause => self.playing = false,
            Action::Reset => {
                self.run = Descent::new(&self.data);
                self.playing = false;
            }
            Action::Rate(r) => {
                self.rate = r;
                // A diverged run cannot go on; a new rate starts it again from (0, 0).
                if self.run.diverged() {
                    self.run = Descent::new(&self.data);
                    self.playing = false;
                }
            }
            Action::Seed(s) => return State::new(s, self.rate),
        }
        self
    }
}

/// A number in the readouts: five significant digits, no trailing zeros.
pub fn num(v: f64) -> String {
    trimmed(v, 5)
}

/// The fitted line as a formula: `ŷ = 2.99x − 1.5`, `ŷ = 0` at the start.
pub fn line_formula(w: f64, b: f64) -> String {
    let slope = match num(w).as_str() {
        "0" => return format!("ŷ = {}", num(b)),
        "1" => "x".to_string(),
        "−1" => "−x".to_string(),
        n => format!("{n}x"),
    };
    if b == 0.0 {
        format!("ŷ = {slope}")
    } else {
        format!("ŷ = {slope}{}", signed(b, num))
    }
}

/// The data chart in words: the line's formula, or that it diverged (its coefficients then
/// mean nothing).
pub fn fit_label(run: &Descent) -> String {
    let points = "The 100 data points, rising from lower left to upper right";
    if run.diverged() {
        format!("{points}; the line has diverged far off the chart.")
    } else {
        format!("{points}, and the line {}.", line_formula(run.w, run.b))
    }
}

/// The Training readout: `Epoch N · Loss L · w W · b B`; once diverged, no w and b.
pub fn readout(run: &Descent) -> String {
    if run.diverged() {
        return format!("Epoch {} · Loss {} · diverged", run.epoch, num(run.loss()));
    }
    format!(
        "Epoch {} · Loss {} · w {} · b {}",
        run.epoch,
        num(run.loss()),
        num(run.w),
        num(run.b)
    )
}

/// The derivatives at the current point and the step they give.
pub fn gradient_line(s: &State) -> String {
    if s.run.diverged() {
        return "The run diverged: its derivatives are too large to mean anything. Lower the learning rate and press Reset.".into();
    }
    let (dw, db) = s.data.gradient(s.run.w, s.run.b);
    format!(
        "∂L/∂w = {}, ∂L/∂b = {}. Next step: w − η·∂L/∂w = {}, b − η·∂L/∂b = {}.",
        num(dw),
        num(db),
        num(s.run.w - s.rate * dw),
        num(s.run.b - s.rate * db)
    )
}

/// How the run is going, in words.
pub fn verdict(s: &State) -> String {
    let t = s.data.threshold();
    let (w, b) = s.data.best();
    if s.run.diverged() {
        return format!(
            "Diverged at epoch {}: the loss passed {}, so training stopped. The learning rate {} is above 2/λ_max = {}: every step overshoots the valley by more than the last. Lower it and press Reset.",
            s.run.epoch,
            scientific(DIVERGED, 1),
            num(s.rate),
            num(t)
        );
    }
    if s.rate > t {
        return format!(
            "Diverging: the learning rate {} is above 2/λ_max = {}, so each step overshoots further and the loss grows (watch the path zigzag outwards).",
            num(s.rate),
            num(t)
        );
    }
    if s.finished() && s.run.epoch > 0 {
        return format!(
            "Settled at w = {}, b = {}: the least-squares line, where both derivatives are 0.",
            num(w),
            num(b)
        );
    }
    format!(
        "Converging: the learning rate {} is below 2/λ_max = {}. The least-squares answer is w = {}, b = {}.",
        num(s.rate),
        num(t),
        num(w),
        num(b)
    )
}

/// The loss surface in words: the valley, and where the path ends (or that it diverged).
pub fn surface_label(s: &State) -> String {
    let end = if s.run.diverged() {
        "runs off the map: the run diverged".to_string()
    } else {
        format!("ends at w = {}, b = {}", num(s.run.w), num(s.run.b))
    };
    format!(
        "Contours of log₁₀ of the loss over w from {} to {} and b from {} to {}: a long valley around the best line w = {}, b = {}. The path of {} steps from (0, 0) {end}.",
        num(W_RANGE.0), num(W_RANGE.1), num(B_RANGE.0), num(B_RANGE.1),
        num(s.data.best().0), num(s.data.best().1), s.run.epoch
    )
}

/// The loss over the (w, b) window, for the contour map.
pub fn surface(data: &Data) -> Field {
    Field::new(W_RANGE, B_RANGE, (141, 141), 12, |w, b| {
        data.loss(w, b).log10()
    })
}

/// Where the threshold sits on the learning-rate slider, as a percentage of its track
/// (`None` when it is off the slider).
pub fn threshold_percent(data: &Data) -> Option<f64> {
    let t = data.threshold();
    let p = (t - RATE_RANGE.0) / (RATE_RANGE.1 - RATE_RANGE.0) * 100.0;
    (0.0..=100.0).contains(&p).then_some(p)
}

pub const INTRO: &str = "<p>Fit a line ŷ = wx + b to 100 noisy points made from \
    y = 3x + 2. How wrong a line is, is measured by the mean squared error \
    L(w, b) = (1/n) Σ (ŷᵢ − yᵢ)². Gradient descent asks the derivatives which way is downhill \
    and takes a small step that way, again and again:</p>\
    <p class=\"formula\">∂L/∂w = (2/n) Σ (ŷᵢ − yᵢ) xᵢ, &nbsp; ∂L/∂b = (2/n) Σ (ŷᵢ − yᵢ)</p>\
    <p class=\"formula\">w ← w − η ∂L/∂w, &nbsp; b ← b − η ∂L/∂b</p>\
    <p>Each derivative is the chain rule at work: the square's derivative 2(ŷ − y) times the \
    derivative of ŷ = wx + b, which is x with respect to w and 1 with respect to b. The \
    learning rate η says how big the steps are. Press <strong>Step</strong> to take one, \
    <strong>Play</strong> to keep going.</p>";

pub const THRESHOLD: &str = "<p>Why is there a largest learning rate? L is a bowl whose \
    curvature is the same everywhere: its second derivatives form the Hessian \
    H = 2·[[mean x², mean x], [mean x, 1]]. Along the steepest direction of the bowl (the \
    Hessian's largest eigenvalue λ_max), each step multiplies the distance to the bottom by \
    1 − ηλ_max. That shrinks only while η &lt; 2/λ_max; past it the distance grows every \
    step and the loss explodes. The mark on the slider shows 2/λ_max for this data set. \
    The seed's rate, 0.1, is safely below it.</p>";
