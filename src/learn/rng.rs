//! The lessons' random numbers, from a seed in the address: the same seed gives the same data
//! and the same starting weights on every machine (oorandom's PCG; never the OS or JavaScript).

/// A seeded generator of uniform and normal numbers.
pub struct Rng(oorandom::Rand64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(oorandom::Rand64::new(u128::from(seed)))
    }

    /// Uniform in [0, 1).
    pub fn uniform(&mut self) -> f64 {
        self.0.rand_float()
    }

    /// A whole number in lo..=hi.
    pub fn int(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.0.rand_range(0..(hi - lo + 1) as u64) as i64
    }

    /// Standard normal (mean 0, variance 1), by the Box–Muller transform.
    pub fn normal(&mut self) -> f64 {
        let u = 1.0 - self.uniform(); // in (0, 1]: ln u is finite
        let v = self.uniform();
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
}
