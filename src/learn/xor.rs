//! A 2-H-1 network of sigmoids learning XOR by backpropagation: the forward pass, the loss
//! (mean squared error or cross-entropy over the four inputs), the backward pass, and each
//! weight's derivative written as the chain-rule products that make it, one per input.

use super::rng::Rng;
use crate::math::func::{sigmoid, softplus};

/// The four inputs, in the order of the training readout.
pub const INPUTS: [[f64; 2]; 4] = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]];
/// XOR of each input.
pub const TARGETS: [f64; 4] = [0.0, 1.0, 1.0, 0.0];
/// Predictions are held to [ε, 1 − ε] inside the cross-entropy, so ln never sees 0.
pub const EPSILON: f64 = 1e-15;

/// The loss the network descends (and the page shows).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loss {
    /// mean (ŷ − y)²
    Mse,
    /// mean −(y ln ŷ + (1 − y) ln(1 − ŷ))
    CrossEntropy,
}

impl Loss {
    /// The loss of one prediction.
    pub fn of(self, out: f64, y: f64) -> f64 {
        match self {
            Loss::Mse => (out - y).powi(2),
            Loss::CrossEntropy => {
                let p = crate::math::clamp(out, EPSILON, 1.0 - EPSILON);
                -(y * p.ln() + (1.0 - y) * (1.0 - p).ln())
            }
        }
    }

    /// dℓ/dŷ of one prediction.
    pub fn derivative(self, out: f64, y: f64) -> f64 {
        match self {
            Loss::Mse => 2.0 * (out - y),
            Loss::CrossEntropy => {
                let p = crate::math::clamp(out, EPSILON, 1.0 - EPSILON);
                -y / p + (1.0 - y) / (1.0 - p)
            }
        }
    }
}

/// One weight or bias: W1(j, i) from input i to hidden unit j, B1(j), W2(j) from hidden unit
/// j to the output, B2.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Param {
    W1(usize, usize),
    B1(usize),
    W2(usize),
    B2,
}

/// The network's weights and biases.
#[derive(Clone, Debug, PartialEq)]
pub struct Net {
    pub w1: Vec<[f64; 2]>,
    pub b1: Vec<f64>,
    pub w2: Vec<f64>,
    pub b2: f64,
}

/// Every value of one forward pass.
#[derive(Clone, Debug, PartialEq)]
pub struct Forward {
    pub z1: Vec<f64>,
    pub a1: Vec<f64>,
    pub z2: f64,
    pub out: f64,
}

impl Net {
    /// `hidden` units, weights scale·N(0, 1) from `seed`, biases 0 (as the seed does).
    pub fn new(hidden: usize, scale: f64, seed: u64) -> Net {
        let mut rng = Rng::new(seed);
        let w1 = (0..hidden)
            .map(|_| [scale * rng.normal(), scale * rng.normal()])
            .collect();
        let w2 = (0..hidden).map(|_| scale * rng.normal()).collect();
        Net {
            w1,
            b1: vec![0.0; hidden],
            w2,
            b2: 0.0,
        }
    }

    /// Hidden neuron j's weighted input for input x.
    fn z1(&self, j: usize, x: [f64; 2]) -> f64 {
        self.w1[j][0] * x[0] + self.w1[j][1] * x[1] + self.b1[j]
    }

    /// The output neuron's weighted input, given the hidden activations.
    fn z2(&self, a1: &[f64]) -> f64 {
        self.w2.iter().zip(a1).map(|(w, a)| w * a).sum::<f64>() + self.b2
    }

    pub fn forward(&self, x: [f64; 2]) -> Forward {
        let z1: Vec<f64> = (0..self.w2.len()).map(|j| self.z1(j, x)).collect();
        let a1: Vec<f64> = z1.iter().map(|z| sigmoid(*z)).collect();
        let z2 = self.z2(&a1);
        Forward {
            z1,
            a1,
            z2,
            out: sigmoid(z2),
        }
    }

    /// The outputs for the four inputs.
    pub fn outputs(&self) -> [f64; 4] {
        INPUTS.map(|x| self.forward(x).out)
    }

    /// The mean loss over the four inputs. Cross-entropy is computed from the output's
    /// weighted input z, as −ln σ(z) = softplus(−z) and −ln(1 − σ(z)) = softplus(z): exact
    /// where ŷ is within round-off of 0 or 1 (where 1 − ŷ has lost its digits and a
    /// gradient check against it would be off by 10⁻⁸). Its derivative is exactly the
    /// ŷ − y backpropagation uses; `Loss::of`, with the clipping ε, is the formula as the
    /// tutorial writes it.
    pub fn loss(&self, loss: Loss) -> f64 {
        INPUTS
            .iter()
            .zip(TARGETS)
            .map(|(x, y)| {
                let f = self.forward(*x);
                match loss {
                    Loss::CrossEntropy => y * softplus(-f.z2) + (1.0 - y) * softplus(f.z2),
                    Loss::Mse => loss.of(f.out, y),
                }
            })
            .sum::<f64>()
            / 4.0
    }

    /// Solved: every output within 0.1 of its target.
    pub fn solved(&self) -> bool {
        self.outputs()
            .iter()
            .zip(TARGETS)
            .all(|(o, y)| (o - y).abs() < 0.1)
    }

    /// Every parameter, in a fixed order (the order of the gradient check's table).
    pub fn params(&self) -> Vec<Param> {
        let n = self.w2.len();
        let mut ps: Vec<Param> = (0..n)
            .flat_map(|j| [Param::W1(j, 0), Param::W1(j, 1)])
            .collect();
        ps.extend((0..n).map(Param::B1));
        ps.extend((0..n).map(Param::W2));
        ps.push(Param::B2);
        ps
    }

    pub fn get(&self, p: Param) -> f64 {
        match p {
            Param::W1(j, i) => self.w1[j][i],
            Param::B1(j) => self.b1[j],
            Param::W2(j) => self.w2[j],
            Param::B2 => self.b2,
        }
    }

    fn slot(&mut self, p: Param) -> &mut f64 {
        match p {
            Param::W1(j, i) => &mut self.w1[j][i],
            Param::B1(j) => &mut self.b1[j],
            Param::W2(j) => &mut self.w2[j],
            Param::B2 => &mut self.b2,
        }
    }

    /// The chain-rule factors of ∂ℓ/∂p for one input, from the output back to p:
    /// dℓ/dŷ, σ′(z₂), then a₁ⱼ (for W2), or w₂ⱼ, σ′(z₁ⱼ) and xᵢ (for W1; B1 stops before xᵢ).
    /// Their product, divided by 4 (the mean), is that input's share of ∂L/∂p.
    pub fn factors(&self, loss: Loss, p: Param, input: usize) -> Vec<f64> {
        let x = INPUTS[input];
        let f = self.forward(x);
        let mut out = vec![
            loss.derivative(f.out, TARGETS[input]),
            f.out * (1.0 - f.out),
        ];
        match p {
            Param::B2 => {}
            Param::W2(j) => out.push(f.a1[j]),
            Param::B1(j) | Param::W1(j, _) => {
                out.push(self.w2[j]);
                out.push(f.a1[j] * (1.0 - f.a1[j]));
                if let Param::W1(_, i) = p {
                    out.push(x[i]);
                }
            }
        }
        out
    }

    /// ∂L/∂p for every parameter by backpropagation, in the shape of the network. The
    /// output's error δ₂ = dℓ/dŷ · σ′(z₂) is (ŷ − y) for cross-entropy, where the two
    /// factors cancel (computed so, since dℓ/dŷ alone overflows when ŷ saturates).
    pub fn gradient(&self, loss: Loss) -> Net {
        let n = self.w2.len();
        let mut g = Net {
            w1: vec![[0.0; 2]; n],
            b1: vec![0.0; n],
            w2: vec![0.0; n],
            b2: 0.0,
        };
        // The forward pass, inline: one buffer for the hidden activations, not two vectors
        // per input (training runs this up to 1000 times a frame).
        let mut a1 = vec![0.0; n];
        for (x, y) in INPUTS.iter().zip(TARGETS) {
            for (j, a) in a1.iter_mut().enumerate() {
                *a = sigmoid(self.z1(j, *x));
            }
            let out = sigmoid(self.z2(&a1));
            let delta2 = match loss {
                Loss::Mse => 2.0 * (out - y) * out * (1.0 - out),
                Loss::CrossEntropy => out - y,
            } / 4.0;
            g.b2 += delta2;
            for (j, &a) in a1.iter().enumerate().take(n) {
                g.w2[j] += delta2 * a;
                let delta1 = delta2 * self.w2[j] * a * (1.0 - a);
                g.b1[j] += delta1;
                g.w1[j][0] += delta1 * x[0];
                g.w1[j][1] += delta1 * x[1];
            }
        }
        g
    }

    /// ∂L/∂p by a central difference of the loss (the gradient check).
    pub fn numerical(&self, loss: Loss, p: Param) -> f64 {
        super::central_difference(
            |v| {
                let mut net = self.clone();
                *net.slot(p) = v;
                net.loss(loss)
            },
            self.get(p),
        )
    }

    /// One step of gradient descent: every parameter p ← p − η ∂L/∂p.
    pub fn step(&mut self, loss: Loss, rate: f64) {
        let g = self.gradient(loss);
        let down = |w: &mut f64, d: &f64| *w -= rate * d;
        for (w, d) in self.w1.iter_mut().zip(&g.w1) {
            down(&mut w[0], &d[0]);
            down(&mut w[1], &d[1]);
        }
        self.b1.iter_mut().zip(&g.b1).for_each(|(w, d)| down(w, d));
        self.w2.iter_mut().zip(&g.w2).for_each(|(w, d)| down(w, d));
        down(&mut self.b2, &g.b2);
    }
}
