//! Linear regression by gradient descent, as in the seed: 100 points x = 2·N(0, 1),
//! y = 3x + 2 + 0.5·N(0, 1), the model ŷ = wx + b, the loss L(w, b) = mean (ŷ − y)², its
//! gradient ∂L/∂w = mean 2(ŷ − y)x, ∂L/∂b = mean 2(ŷ − y), and the learning rate past which
//! descent diverges: 2/λ_max of the (constant) Hessian.

use super::rng::Rng;

/// How many points the data set has (the seed's 100).
pub const POINTS: usize = 100;

/// Loss past which a run counts as diverged and stops (long before ∞ or NaN).
pub const DIVERGED: f64 = 1e12;

/// The data set: xs and ys.
#[derive(Clone, Debug, PartialEq)]
pub struct Data {
    pub xs: Vec<f64>,
    pub ys: Vec<f64>,
}

/// The seeded data set y ≈ 3x + 2.
pub fn data(seed: u64) -> Data {
    let mut rng = Rng::new(seed);
    let xs: Vec<f64> = (0..POINTS).map(|_| 2.0 * rng.normal()).collect();
    let ys = xs
        .iter()
        .map(|x| 3.0 * x + 2.0 + 0.5 * rng.normal())
        .collect();
    Data { xs, ys }
}

impl Data {
    fn mean(&self, f: impl Fn(f64, f64) -> f64) -> f64 {
        self.xs
            .iter()
            .zip(&self.ys)
            .map(|(x, y)| f(*x, *y))
            .sum::<f64>()
            / self.xs.len() as f64
    }

    /// L(w, b) = mean (wx + b − y)².
    pub fn loss(&self, w: f64, b: f64) -> f64 {
        self.mean(|x, y| (w * x + b - y).powi(2))
    }

    /// (∂L/∂w, ∂L/∂b) = (mean 2(ŷ − y)x, mean 2(ŷ − y)).
    pub fn gradient(&self, w: f64, b: f64) -> (f64, f64) {
        (
            self.mean(|x, y| 2.0 * (w * x + b - y) * x),
            self.mean(|x, y| 2.0 * (w * x + b - y)),
        )
    }

    /// The Hessian [[2·mean x², 2·mean x], [2·mean x, 2]]: the same at every (w, b), since L is
    /// quadratic. Returned as (a, c, d) for [[a, c], [c, d]].
    pub fn hessian(&self) -> (f64, f64, f64) {
        (
            2.0 * self.mean(|x, _| x * x),
            2.0 * self.mean(|x, _| x),
            2.0,
        )
    }

    /// 2/λ_max: a learning rate above it makes every step overshoot further along the
    /// steepest direction, and the loss grows without bound.
    pub fn threshold(&self) -> f64 {
        let (a, c, d) = self.hessian();
        let lambda = (a + d) / 2.0 + (((a - d) / 2.0).powi(2) + c * c).sqrt();
        2.0 / lambda
    }

    /// The least-squares fit (w*, b*), where the gradient is 0.
    pub fn best(&self) -> (f64, f64) {
        let mx = self.mean(|x, _| x);
        let my = self.mean(|_, y| y);
        let w = self.mean(|x, y| (x - mx) * (y - my)) / self.mean(|x, _| (x - mx).powi(2));
        (w, my - w * mx)
    }
}

/// A run of gradient descent from (0, 0): where it is, and where it has been.
#[derive(Clone, Debug, PartialEq)]
pub struct Descent {
    pub w: f64,
    pub b: f64,
    pub epoch: usize,
    /// The loss before each step, then at the current point.
    pub losses: Vec<f64>,
    /// Every (w, b) visited, starting at (0, 0).
    pub path: Vec<(f64, f64)>,
}

impl Descent {
    pub fn new(data: &Data) -> Descent {
        Descent {
            w: 0.0,
            b: 0.0,
            epoch: 0,
            losses: vec![data.loss(0.0, 0.0)],
            path: vec![(0.0, 0.0)],
        }
    }

    /// The loss at the current point.
    pub fn loss(&self) -> f64 {
        self.losses.last().copied().unwrap_or(f64::NAN)
    }

    /// True once the loss has passed [`DIVERGED`]: steps then do nothing.
    pub fn diverged(&self) -> bool {
        // Also true for a NaN loss.
        self.loss().partial_cmp(&DIVERGED) != Some(std::cmp::Ordering::Less)
    }

    /// One step w ← w − η ∂L/∂w, b ← b − η ∂L/∂b (nothing once diverged).
    pub fn step(&mut self, data: &Data, rate: f64) {
        if self.diverged() {
            return;
        }
        let (dw, db) = data.gradient(self.w, self.b);
        self.w -= rate * dw;
        self.b -= rate * db;
        self.epoch += 1;
        self.losses.push(data.loss(self.w, self.b));
        self.path.push((self.w, self.b));
    }
}
