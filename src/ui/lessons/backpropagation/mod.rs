//! Backpropagation: a 2-H-1 network of sigmoids (`learn::xor`) learning XOR live. The loss
//! curve, the decision surface, the network with its weights, and for a weight the student
//! picks: ∂L/∂w as the chain-rule products that make it, checked against a central difference.
//! Two presets: ours, which solves XOR in a few seconds of Play, and the tutorial's, which
//! sits on a plateau at 0.50. State in the address:
//! `#/backpropagation?hidden=4&rate=1&scale=1&loss=ce&seed=1`.

#[cfg(target_arch = "wasm32")]
mod page;
#[cfg(target_arch = "wasm32")]
pub use page::use_page;

use crate::learn::relative_error;
use crate::learn::xor::{Loss, Net, Param, INPUTS, TARGETS};
use crate::math::digits::fixed;
use crate::plot::format::{plain, scientific, trimmed};
use crate::ui::grid::from_address;
use crate::ui::reducer::Apply;

/// What the student can set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settings {
    pub hidden: usize,
    pub rate: f64,
    /// The initial weights are scale · N(0, 1).
    pub scale: f64,
    pub loss: Loss,
    pub seed: u64,
}

/// Ours: solves XOR for every seed tried, in a few hundred epochs (`tests/learn.rs`).
pub const DEFAULT: Settings = Settings {
    hidden: 4,
    rate: 1.0,
    scale: 1.0,
    loss: Loss::CrossEntropy,
    seed: 1,
};

/// The tutorial's: 4 hidden units, weights × 0.1, learning rate 0.1, and the cross-entropy
/// gradient ŷ − y its backward pass uses (it prints the squared error, but descends this).
pub const TUTORIAL: Settings = Settings {
    hidden: 4,
    rate: 0.1,
    scale: 0.1,
    loss: Loss::CrossEntropy,
    seed: 42,
};

pub const HIDDEN: (f64, f64) = (1.0, 8.0);
pub const RATES: (f64, f64) = (0.05, 5.0);
pub const SCALES: (f64, f64) = (0.05, 3.0);
/// The step of the rate and scale sliders.
pub const STEP: f64 = 0.05;
pub const SEEDS: (f64, f64) = (1.0, 999.0);
/// Training stops here (the tutorial's settings leave their plateau after 18 000–134 000
/// epochs, depending on the seed and the loss).
pub const MAX_EPOCHS: usize = 100_000;

/// The decision surface's range on both axes: the input square and a margin, so the four
/// inputs' dots are drawn whole.
pub const SQUARE: (f64, f64) = (-0.15, 1.15);

/// The presets of the **Preset** select: value, name, settings.
pub const PRESETS: [(&str, &str, Settings); 2] = [
    ("default", "Ours: solves XOR", DEFAULT),
    ("tutorial", "Tutorial's settings", TUTORIAL),
];

impl Settings {
    /// The preset these settings are, if any.
    pub fn preset(&self) -> Option<&'static str> {
        PRESETS.iter().find(|p| p.2 == *self).map(|p| p.0)
    }
}

pub fn loss_key(loss: Loss) -> &'static str {
    match loss {
        Loss::CrossEntropy => "ce",
        Loss::Mse => "mse",
    }
}

/// The loss named in an address or the Loss select (`ce`, `mse`).
pub fn loss_named(key: &str) -> Option<Loss> {
    [Loss::CrossEntropy, Loss::Mse]
        .into_iter()
        .find(|l| loss_key(*l) == key)
}

pub fn loss_name(loss: Loss) -> &'static str {
    match loss {
        Loss::CrossEntropy => "Cross-entropy",
        Loss::Mse => "Mean squared error",
    }
}

/// Settings from an address; ours where missing or bad.
pub fn from_query(query: &str) -> Settings {
    let d = DEFAULT;
    let get =
        |name, range, step, default: f64| from_address(query, name, range, step).unwrap_or(default);
    Settings {
        hidden: get("hidden", HIDDEN, 1.0, d.hidden as f64) as usize,
        rate: get("rate", RATES, STEP, d.rate),
        scale: get("scale", SCALES, STEP, d.scale),
        loss: crate::ui::query::get(query, "loss")
            .and_then(|k| loss_named(&k))
            .unwrap_or(d.loss),
        seed: get("seed", SEEDS, 1.0, d.seed as f64) as u64,
    }
}

pub fn to_query(s: &Settings) -> String {
    crate::ui::query::to_query(&[
        ("hidden", s.hidden.to_string()),
        ("rate", plain(s.rate)),
        ("scale", plain(s.scale)),
        ("loss", loss_key(s.loss).into()),
        ("seed", s.seed.to_string()),
    ])
}

/// The page's state: the settings, the network and its history.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub settings: Settings,
    pub net: Net,
    pub epoch: usize,
    /// The loss before each epoch and the current one.
    pub losses: Vec<f64>,
    pub playing: bool,
    /// The first epoch at which every output was within 0.1 of its target.
    pub solved_at: Option<usize>,
    /// The weight or bias whose derivative is shown.
    pub picked: Param,
}

#[derive(Clone)]
pub enum Action {
    /// n epochs (fewer at the end).
    Step(usize),
    /// One animation frame of Play.
    Frame,
    Play,
    Pause,
    Reset,
    Set(Settings),
    Pick(Param),
}

impl State {
    pub fn new(settings: Settings) -> State {
        let net = Net::new(settings.hidden, settings.scale, settings.seed);
        State {
            losses: vec![net.loss(settings.loss)],
            net,
            settings,
            epoch: 0,
            playing: false,
            solved_at: None,
            picked: Param::W2(0),
        }
    }

    /// How many epochs a frame of Play trains: two, and 1 % of those so far once that is
    /// more, so a plateau of 30 000 epochs passes in seconds. A frame then costs at most
    /// 1000 epochs (under a millisecond, `bench_train`).
    pub fn epochs_per_frame(&self) -> usize {
        (self.epoch / 100).max(2)
    }

    /// Up to n epochs; `to_solved`: none after the one that solves XOR.
    fn train(&mut self, n: usize, to_solved: bool) {
        let s = self.settings;
        for _ in 0..n.min(MAX_EPOCHS - self.epoch) {
            self.net.step(s.loss, s.rate);
            self.epoch += 1;
            self.losses.push(self.net.loss(s.loss));
            if self.solved_at.is_none() && self.net.solved() {
                self.solved_at = Some(self.epoch);
                if to_solved {
                    break;
                }
            }
        }
        self.playing &= self.epoch < MAX_EPOCHS;
    }

    /// |∇L|, the length of the whole gradient.
    pub fn gradient_norm(&self) -> f64 {
        let g = self.net.gradient(self.settings.loss);
        g.params()
            .iter()
            .map(|p| g.get(*p).powi(2))
            .sum::<f64>()
            .sqrt()
    }
}

impl Apply for State {
    type Action = Action;

    fn apply(mut self, action: Action) -> State {
        match action {
            Action::Step(n) => self.train(n, false),
            Action::Frame => {
                // Play stops at the epoch XOR is first solved; Play again trains on.
                let first = self.solved_at.is_none();
                self.train(self.epochs_per_frame(), first);
                self.playing &= !(first && self.solved_at.is_some());
            }
            Action::Play => self.playing = self.epoch < MAX_EPOCHS,
            Action::Pause => self.playing = false,
            Action::Reset => return State::new(self.settings),
            Action::Set(s) => return State::new(s),
            Action::Pick(p) => self.picked = p,
        }
        self
    }
}

/// A number in the readouts: five significant digits, no trailing zeros.
pub fn num(v: f64) -> String {
    trimmed(v, 5)
}

/// The four outputs with as many decimals (2 at least, the same for all) as it takes for the
/// printed numbers to show what `Net::solved` decides: each within 0.1 of its target or not.
/// 0.0998 is within 0.1 of 0 but printed 0.10 it looks not to be; 0.90 for 1 likewise.
pub fn output_texts(outs: [f64; 4]) -> [String; 4] {
    use crate::learn::xor::TARGETS;
    // Printed with d decimals, whether the number shown is within 0.1 of y (in whole units
    // of the last decimal, so the comparison is exact).
    let shows_within = |o: f64, y: f64, d: i32| {
        let unit = 10f64.powi(d);
        ((o * unit).round() - y * unit).abs() < unit / 10.0
    };
    let agrees = |d: i32| {
        outs.iter()
            .zip(TARGETS)
            .all(|(&o, y)| shows_within(o, y, d) == ((o - y).abs() < 0.1))
    };
    let decimals = (2..=15).find(|&d| agrees(d)).unwrap_or(15);
    outs.map(|o| fixed(o, decimals as usize))
}

/// The Training readout: `Epoch N · Loss L · Outputs a b c d`.
pub fn readout(s: &State) -> String {
    let outs = output_texts(s.net.outputs());
    format!(
        "Epoch {} · Loss {} · Outputs {}",
        s.epoch,
        num(s.net.loss(s.settings.loss)),
        outs.join(" ")
    )
}

/// How training is going, in words.
pub fn verdict(s: &State) -> String {
    if let Some(n) = s.solved_at {
        return format!(
            "Solved at epoch {n}: every output is within 0.1 of its target 0, 1, 1, 0."
        );
    }
    if s.epoch >= MAX_EPOCHS {
        return format!("Stopped after {MAX_EPOCHS} epochs without solving XOR. Try another seed or larger initial weights.");
    }
    if s.epoch == 0 {
        return "Press Step or Play to train. The outputs should become 0, 1, 1, 0.".into();
    }
    if s.net.outputs().iter().all(|o| (o - 0.5).abs() < 0.01) {
        return format!(
            "On a plateau: all four outputs are 0.50 and the gradient is tiny (|∇L| = {}). Read why below.",
            scientific(s.gradient_norm(), 2)
        );
    }
    "Learning: the outputs are on their way to 0, 1, 1, 0.".into()
}

/// `n` + 1 as a subscript: hidden neurons and inputs are numbered from 1 on the page.
fn sub(n: usize) -> char {
    char::from_u32(0x2081 + n as u32).unwrap_or('?')
}

/// A parameter's name: `w(x₁→h₂)`, `b(h₂)`, `w(h₂→ŷ)`, `b(ŷ)`.
pub fn param_name(p: Param) -> String {
    match p {
        Param::W1(j, i) => format!("w(x{}→h{})", sub(i), sub(j)),
        Param::B1(j) => format!("b(h{})", sub(j)),
        Param::W2(j) => format!("w(h{}→ŷ)", sub(j)),
        Param::B2 => "b(ŷ)".into(),
    }
}

/// The names of the chain-rule factors `Net::factors` gives for p, from the loss back.
pub fn factor_names(p: Param) -> Vec<String> {
    let mut names = vec!["dℓ/dŷ".to_string(), "σ′ at ŷ".into()];
    match p {
        Param::B2 => {}
        Param::W2(j) => names.push(format!("h{}", sub(j))),
        Param::B1(j) | Param::W1(j, _) => {
            names.push(param_name(Param::W2(j)));
            names.push(format!("σ′ at h{}", sub(j)));
            if let Param::W1(_, i) = p {
                names.push(format!("x{}", sub(i)));
            }
        }
    }
    names
}

/// The gradient check of one parameter.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    /// Per input: its chain-rule factors and their product.
    pub rows: Vec<(Vec<f64>, f64)>,
    /// The mean of the products: ∂L/∂p as the chain rule builds it.
    pub chain: f64,
    /// ∂L/∂p by backpropagation (`Net::gradient`).
    pub backprop: f64,
    /// ∂L/∂p by a central difference of the loss.
    pub numerical: f64,
    pub error: f64,
}

pub fn check(s: &State) -> Check {
    let (loss, p) = (s.settings.loss, s.picked);
    let rows: Vec<(Vec<f64>, f64)> = (0..INPUTS.len())
        .map(|i| {
            let f = s.net.factors(loss, p, i);
            let product = f.iter().product();
            (f, product)
        })
        .collect();
    let chain = rows.iter().map(|r| r.1).sum::<f64>() / TARGETS.len() as f64;
    let backprop = s.net.gradient(loss).get(p);
    let numerical = s.net.numerical(loss, p);
    Check {
        rows,
        chain,
        backprop,
        numerical,
        error: relative_error(backprop, numerical),
    }
}

/// One line per input: its factors multiplied out, `(0, 1) → 1: a × b × c = p`.
pub fn chain_lines(c: &Check) -> Vec<String> {
    c.rows
        .iter()
        .zip(INPUT_NAMES)
        .zip(TARGETS)
        .map(|(((fs, product), x), y)| {
            let fs: Vec<String> = fs.iter().map(|f| num(*f)).collect();
            format!("{x} → {}: {} = {}", y as u8, fs.join(" × "), num(*product))
        })
        .collect()
}

/// The mean of the products, the central difference beside it, and the verdict.
pub fn check_words(p: Param, c: &Check) -> String {
    format!(
        "The mean of the four products is ∂L/∂{} = {}. A central difference of the loss, (L(w + h) − L(w − h)) / 2h with h = 10⁻⁵, gives {}. Relative error {}: {}.",
        param_name(p),
        num(c.chain),
        num(c.numerical),
        scientific(c.error, 1),
        error_words(c)
    )
}

/// cs231n's reading of a relative error.
/// A central difference of a loss near 1 with h = 10⁻⁵ is off by up to about 10⁻¹⁰
/// (round-off 10⁻¹⁶/h plus the h² term): below that, a difference means nothing.
pub fn error_words(c: &Check) -> &'static str {
    if c.backprop.abs().max(c.numerical.abs()) < 1e-9 {
        "both are 0 to within round-off, so the relative error means nothing here"
    } else if c.error < 1e-7 {
        "good: below 10⁻⁷"
    } else if (c.backprop - c.numerical).abs() < 1e-9 {
        "good: the two differ by less than the central difference's own error (10⁻⁹), which looks large next to a derivative this small"
    } else if c.error <= 1e-2 {
        "worth a look: between 10⁻⁷ and 10⁻² (round-off when the derivative is tiny)"
    } else {
        "wrong: above 10⁻², backpropagation has a bug"
    }
}

/// The four inputs as written on the page (the order of `xor::INPUTS`).
pub const INPUT_NAMES: [&str; 4] = ["(0, 0)", "(0, 1)", "(1, 0)", "(1, 1)"];

/// The output at each input, for the decision surface's description.
pub fn outputs_words(net: &Net) -> String {
    let outs = output_texts(net.outputs());
    let at: Vec<String> = INPUT_NAMES
        .iter()
        .zip(outs)
        .map(|(x, o)| format!("{o} at {x}"))
        .collect();
    at.join(", ")
}

pub const INTRO: &str = "<p>One neuron draws one straight line, and no straight line \
    separates XOR's ones, (0, 1) and (1, 0), from its zeros, (0, 0) and (1, 1). Put a hidden \
    layer in between: each input goes to every hidden neuron hⱼ = σ(w·x + b), and the output \
    ŷ = σ(Σ wⱼhⱼ + b) mixes them. Training needs ∂L/∂w for every weight, and \
    <strong>backpropagation</strong> is the chain rule applied from the loss backwards: \
    dℓ/dŷ, times σ′ at the output, times the weight into it, times σ′ at the hidden neuron, \
    times the input. Each product is worked out once and passed back, so all the derivatives \
    cost about as much as one forward pass.</p>\
    <p>Press <strong>Play</strong>. Play starts at two epochs a frame and speeds up as the \
    count grows, and it pauses when XOR is solved. Click a line of the network (or choose \
    in <strong>Weight</strong>) to see its derivative built and checked.</p>";

pub const PLATEAU: &str = "<p><strong>Why the tutorial's network does not learn.</strong> \
    Its code starts every weight at 0.1 · N(0, 1) and steps with learning rate 0.1 for 1000 \
    epochs. Choose the <strong>Tutorial's settings</strong> preset and play: all four outputs \
    stay at 0.50, as they do in the tutorial's own run (still 0.50 after 10 000 epochs). With \
    tiny weights every hidden neuron sits near σ(0) = 0.5 and computes almost the same \
    thing: the network is near a saddle point, where the four inputs' pulls on each weight \
    nearly cancel (look at the four products of a first-layer weight). The output's error \
    passes back through weights of about 0.1 and through σ′ ≤ 0.25, so the gradient is of \
    order 10⁻⁴, and steps of 0.1 times that move almost nothing. The network escapes in the \
    end (after about 33 000 epochs with this seed), which Play shows in seconds.</p>\
    <p>Start with weights near 1 and a learning rate of 1 (our preset) and the hidden \
    neurons differ from the first step: XOR is solved in a few hundred epochs.</p>\
    <p><strong>Which loss?</strong> The tutorial's backward pass starts from ŷ − y. That is \
    the derivative of the <em>cross-entropy</em> with respect to z at a sigmoid output (see \
    Loss functions), yet the number it prints is the mean squared error. Here the loss you \
    choose is the one descended and the one shown.</p>";
