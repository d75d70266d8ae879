//! Fast evaluation. An expression is compiled once into a flat list of instructions (common
//! subexpressions shared, constant parts folded); the list then runs column-wise over a chunk
//! of points at a time, so each instruction is one tight loop the compiler can vectorise.
//! Undefined values (outside a domain, division by zero, a kink) come out as NaN.

use std::collections::HashMap;

use super::ast::Expr;
use super::func::{self, Func};

/// Points processed per pass over the instruction list (fits comfortably in L1/L2).
const CHUNK: usize = 256;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Instr {
    Var(usize),
    /// A constant, stored as bits so instructions can be hashed for sharing.
    Const(u64),
    Neg(usize),
    Add(usize, usize),
    Sub(usize, usize),
    Mul(usize, usize),
    Div(usize, usize),
    Pow(usize, usize),
    PowInt(usize, i32),
    /// `x^(p/q)` with odd `q`: real for negative `x` too (`x^(2/3)` is a cusp, not a gap).
    PowOddRoot(usize, i32, i32),
    Call(Func, usize),
    Call2(Func, usize, usize),
    /// The first value where the second is defined (not NaN), else NaN.
    Guard(usize, usize),
    /// 0 where the function is differentiable at the value, NaN at its jumps
    /// (`Func::differentiable_at`).
    Smooth(Func, usize),
    /// `flat · other`, 0 wherever the locally constant `flat` is 0 (see `Compiler::flat`);
    /// with `bounded`, also 0 where `flat` jumps (undefined) and `other` is exactly 0.
    FlatMul(usize, usize, bool),
    /// `flat / other`, likewise.
    FlatDiv(usize, usize),
}

/// A compiled expression.
#[derive(Clone, Debug)]
pub struct Program {
    instrs: Vec<Instr>,
}

impl Program {
    /// Compiles `e` with the given variable order; variables not listed evaluate to NaN.
    pub fn compile(e: &Expr, vars: &[&str]) -> Program {
        let mut c = Compiler {
            instrs: Vec::new(),
            seen: HashMap::new(),
            vars,
            derivative: false,
        };
        c.emit(e);
        Program { instrs: c.instrs }
    }

    /// Compiles `e` to be undefined wherever `domain` is undefined. A derivative only exists
    /// where its function does: `1/x` is the derivative of `ln(x)` only for `x > 0`. Shared
    /// subexpressions of the two are computed once.
    pub fn compile_guarded(e: &Expr, domain: &Expr, vars: &[&str]) -> Program {
        let mut c = Compiler {
            instrs: Vec::new(),
            seen: HashMap::new(),
            vars,
            derivative: false,
        };
        let mut guard = c.emit(domain);
        // A derivative does not exist at a jump either, even where the function is defined
        // (`floor(x)` at 1, `sign(x)` at 0).
        let mut jumps = Vec::new();
        jump_calls(domain, &mut jumps);
        for (f, arg) in jumps {
            let a = c.emit(arg);
            let smooth = c.push(Instr::Smooth(f, a));
            guard = c.push(Instr::Add(guard, smooth));
        }
        c.derivative = true;
        let value = c.emit(e);
        c.push_last(Instr::Guard(value, guard));
        Program { instrs: c.instrs }
    }

    /// Evaluates at one point (one value per variable).
    pub fn eval(&self, point: &[f64]) -> f64 {
        let columns: Vec<[f64; 1]> = point.iter().map(|&v| [v]).collect();
        let refs: Vec<&[f64]> = columns.iter().map(|c| &c[..]).collect();
        let mut out = [0.0];
        self.eval_batch(&refs, &mut out);
        out[0]
    }

    /// Evaluates a one-variable program at every `xs[i]`, writing `out[i]`.
    pub fn eval_slice(&self, xs: &[f64], out: &mut [f64]) {
        self.eval_batch(&[xs], out);
    }

    /// Evaluates at `out.len()` points; `columns[v][i]` is variable `v` at point `i`.
    /// Missing columns count as NaN.
    pub fn eval_batch(&self, columns: &[&[f64]], out: &mut [f64]) {
        let n = self.instrs.len();
        let mut regs = vec![0.0f64; n * CHUNK];
        // Constants never change: fill their registers once.
        for (i, ins) in self.instrs.iter().enumerate() {
            if let Instr::Const(bits) = ins {
                regs[i * CHUNK..(i + 1) * CHUNK].fill(f64::from_bits(*bits));
            }
        }
        let mut start = 0;
        while start < out.len() {
            let len = CHUNK.min(out.len() - start);
            for (i, ins) in self.instrs.iter().enumerate() {
                let (inputs, rest) = regs.split_at_mut(i * CHUNK);
                let dst = &mut rest[..len];
                let reg = |r: usize| &inputs[r * CHUNK..r * CHUNK + len];
                run(ins, reg, dst, columns, start);
            }
            out[start..start + len].copy_from_slice(&regs[(n - 1) * CHUNK..(n - 1) * CHUNK + len]);
            start += len;
        }
    }
}

fn map1(a: &[f64], dst: &mut [f64], f: impl Fn(f64) -> f64) {
    for (d, &x) in dst.iter_mut().zip(a) {
        *d = f(x);
    }
}

fn map2(a: &[f64], b: &[f64], dst: &mut [f64], f: impl Fn(f64, f64) -> f64) {
    for ((d, &x), &y) in dst.iter_mut().zip(a).zip(b) {
        *d = f(x, y);
    }
}

fn run<'r>(
    ins: &Instr,
    reg: impl Fn(usize) -> &'r [f64],
    dst: &mut [f64],
    columns: &[&[f64]],
    start: usize,
) {
    match *ins {
        Instr::Var(v) => match columns.get(v) {
            Some(col) => dst.copy_from_slice(&col[start..start + dst.len()]),
            None => dst.fill(f64::NAN),
        },
        Instr::Const(_) => {}
        Instr::Neg(a) => map1(reg(a), dst, |x| -x),
        Instr::Add(a, b) => map2(reg(a), reg(b), dst, |x, y| x + y),
        Instr::Sub(a, b) => map2(reg(a), reg(b), dst, |x, y| x - y),
        Instr::Mul(a, b) => map2(reg(a), reg(b), dst, |x, y| x * y),
        Instr::Div(a, b) => map2(reg(a), reg(b), dst, divide),
        Instr::Pow(a, b) => map2(reg(a), reg(b), dst, real_power),
        // `x.powi(0)` is 1 even for NaN: an undefined base stays undefined (`ln(x)^0` at -1).
        Instr::PowInt(a, n) => map1(reg(a), dst, |x| {
            if x.is_nan() || (x == 0.0 && n < 0) {
                f64::NAN
            } else {
                x.powi(n)
            }
        }),
        Instr::PowOddRoot(a, p, q) => map1(reg(a), dst, |x| odd_root_power(x, p, q)),
        Instr::Call(f, a) => call1(f, reg(a), dst),
        Instr::Call2(f, a, b) => map2(reg(a), reg(b), dst, |x, y| f.eval(x, y)),
        Instr::Smooth(f, a) => map1(reg(a), dst, |x| {
            if f.differentiable_at(x) {
                0.0
            } else {
                f64::NAN
            }
        }),
        // A bounded factor at its jump times a factor that is 0 there tends to 0 from both
        // sides, so the derivative exists there and is 0 (f is defined at the point, so it is
        // continuous there; jumps of floor, ceil and sign are guarded apart): relu(x)²,
        // x·relu(x) and x²·sign(x) at 0.
        Instr::FlatMul(p, a, bounded) => map2(reg(p), reg(a), dst, |p, a| {
            if p == 0.0 || (bounded && p.is_nan() && a == 0.0) {
                0.0
            } else {
                p * a
            }
        }),
        Instr::FlatDiv(p, a) => map2(reg(p), reg(a), dst, |p, a| {
            if p == 0.0 {
                0.0
            } else {
                divide(p, a)
            }
        }),
        Instr::Guard(a, g) => map2(
            reg(a),
            reg(g),
            dst,
            |x, d| if d.is_nan() { f64::NAN } else { x },
        ),
    }
}

/// One loop per function, so the per-point work has no dispatch in it.
fn call1(f: Func, a: &[f64], dst: &mut [f64]) {
    match f {
        Func::Sin => map1(a, dst, f64::sin),
        Func::Cos => map1(a, dst, f64::cos),
        Func::Tan => map1(a, dst, f64::tan),
        Func::Exp => map1(a, dst, f64::exp),
        Func::Sqrt => map1(a, dst, f64::sqrt),
        Func::Tanh => map1(a, dst, f64::tanh),
        Func::Sigmoid => map1(a, dst, func::sigmoid),
        Func::Abs => map1(a, dst, f64::abs),
        Func::Ln => map1(a, dst, |x| if x > 0.0 { x.ln() } else { f64::NAN }),
        Func::LeakyRelu => map1(a, dst, |x| f.eval(x, func::LEAKY_SLOPE)),
        other => map1(a, dst, |x| other.eval(x, f64::NAN)),
    }
}

fn divide(x: f64, y: f64) -> f64 {
    if y == 0.0 {
        f64::NAN
    } else {
        x / y
    }
}

fn power(x: f64, y: f64) -> f64 {
    if x == 0.0 && y < 0.0 {
        f64::NAN
    } else {
        x.powf(y)
    }
}

/// x^y over the reals: a negative base with an odd-denominator exponent (`(-8)^(1/3)`) has
/// a real value, which `powf` does not give.
fn real_power(x: f64, y: f64) -> f64 {
    // `powf` gives 1 for NaN^0 and 1^NaN; undefined in, undefined out.
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x < 0.0 && y.fract() != 0.0 {
        if let Some((p, q)) = odd_denominator_fraction(y) {
            return odd_root_power(x, p, q);
        }
    }
    power(x, y)
}

fn odd_root_power(x: f64, p: i32, q: i32) -> f64 {
    if x == 0.0 && p < 0 {
        return f64::NAN;
    }
    let magnitude = x.abs().powf(p as f64 / q as f64);
    if x < 0.0 && p % 2 != 0 {
        -magnitude
    } else {
        magnitude
    }
}

/// `x` as `p/q` with small odd `q > 1`, when it is (to rounding) such a fraction.
fn odd_denominator_fraction(x: f64) -> Option<(i32, i32)> {
    for q in [3i32, 5, 7, 9] {
        let p = (x * q as f64).round();
        if (p / q as f64 - x).abs() < 1e-12 && p.abs() < 1e6 && (p as i64) % (q as i64) != 0 {
            return Some((p as i32, q));
        }
    }
    None
}

struct Compiler<'a> {
    instrs: Vec<Instr>,
    seen: HashMap<Instr, usize>,
    vars: &'a [&'a str],
    /// Compiling a derivative: a locally constant factor that is 0 makes its product 0.
    derivative: bool,
}

impl Compiler<'_> {
    fn push(&mut self, ins: Instr) -> usize {
        if let Some(&r) = self.seen.get(&ins) {
            return r;
        }
        self.instrs.push(ins);
        let r = self.instrs.len() - 1;
        self.seen.insert(ins, r);
        r
    }

    /// Appends an instruction that must be the program's last (its result), even if an equal
    /// one exists earlier.
    fn push_last(&mut self, ins: Instr) {
        self.instrs.push(ins);
    }

    fn constant(&mut self, x: f64) -> usize {
        self.push(Instr::Const(x.to_bits()))
    }

    fn emit(&mut self, e: &Expr) -> usize {
        if !matches!(e, Expr::Num(_) | Expr::Const(_) | Expr::Var(_)) && !self.has_var(e) {
            return self.constant(constant_part(e));
        }
        match e {
            Expr::Num(x) => self.constant(*x),
            Expr::Const(c) => self.constant(c.value()),
            Expr::Var(name) => match self.vars.iter().position(|v| v == name) {
                Some(i) => self.push(Instr::Var(i)),
                None => self.constant(f64::NAN),
            },
            Expr::Neg(a) => {
                let a = self.emit(a);
                self.push(Instr::Neg(a))
            }
            Expr::Add(a, b) => self.binary(a, b, Instr::Add),
            Expr::Sub(a, b) => self.binary(a, b, Instr::Sub),
            Expr::Mul(a, b) if self.derivative && self.flat(a) => {
                let bounded = bounded_steps(a);
                let (a, b) = (self.emit(a), self.emit(b));
                self.push(Instr::FlatMul(a, b, bounded))
            }
            Expr::Mul(a, b) if self.derivative && self.flat(b) => {
                let bounded = bounded_steps(b);
                let (a, b) = (self.emit(a), self.emit(b));
                self.push(Instr::FlatMul(b, a, bounded))
            }
            Expr::Mul(a, b) => self.binary(a, b, Instr::Mul),
            Expr::Div(a, b) if self.derivative && self.flat(a) => {
                let (a, b) = (self.emit(a), self.emit(b));
                self.push(Instr::FlatDiv(a, b))
            }
            Expr::Div(a, b) => self.binary(a, b, Instr::Div),
            Expr::Pow(a, b) => {
                let exponent = (!self.has_var(b)).then(|| eval_tree(b, &|_| f64::NAN, true));
                let base = self.emit(a);
                match exponent {
                    Some(n) if n.fract() == 0.0 && n.abs() <= 64.0 => {
                        self.push(Instr::PowInt(base, n as i32))
                    }
                    Some(0.5) => self.push(Instr::Call(Func::Sqrt, base)),
                    Some(n) => match odd_denominator_fraction(n) {
                        Some((p, q)) => self.push(Instr::PowOddRoot(base, p, q)),
                        None => {
                            let b = self.constant(n);
                            self.push(Instr::Pow(base, b))
                        }
                    },
                    None => {
                        let b = self.emit(b);
                        self.push(Instr::Pow(base, b))
                    }
                }
            }
            Expr::Call(f, args) => {
                let Some(first) = args.first() else {
                    return self.constant(f64::NAN);
                };
                let a = self.emit(first);
                match (f, args.get(1)) {
                    (_, Some(b)) => {
                        let b = self.emit(b);
                        self.push(Instr::Call2(*f, a, b))
                    }
                    (Func::Log, None) => self.push(Instr::Call(Func::Ln, a)),
                    _ => self.push(Instr::Call(*f, a)),
                }
            }
        }
    }

    fn binary(&mut self, a: &Expr, b: &Expr, make: fn(usize, usize) -> Instr) -> usize {
        let a = self.emit(a);
        let b = self.emit(b);
        self.push(make(a, b))
    }

    fn has_var(&self, e: &Expr) -> bool {
        e.has_variables()
    }

    /// A varying factor that is constant on a whole interval around every point where it is
    /// 0, so a product with it is 0 there even when the other factor is infinite or undefined:
    /// the chain rule's `F′(u)·u′` with `u′ = step(x)` on the half-line where `u` is flat.
    fn flat(&self, e: &Expr) -> bool {
        self.has_var(e) && piecewise_constant(e)
    }
}

/// Built only from constants, `step(u)` (0 only where u < 0, an open set), `floor` and `ceil`
/// (constant between whole numbers) and the sign `u/|u|` (never 0): wherever such an
/// expression is 0 it is 0 on a neighbourhood.
fn piecewise_constant(e: &Expr) -> bool {
    match e {
        Expr::Num(_) | Expr::Const(_) => true,
        Expr::Var(_) => false,
        // floor and ceil are constant between whole numbers; at a whole number their jump is
        // guarded apart (`Instr::Smooth`).
        Expr::Call(Func::Step | Func::Floor | Func::Ceil, _) => true,
        Expr::Call(..) => !e.has_variables(),
        Expr::Div(u, d) if matches!(&**d, Expr::Call(Func::Abs, a) if a.first() == Some(&**u)) => {
            true
        }
        Expr::Neg(a) => piecewise_constant(a),
        Expr::Add(a, b) | Expr::Sub(a, b) | Expr::Mul(a, b) | Expr::Div(a, b) => {
            piecewise_constant(a) && piecewise_constant(b)
        }
        Expr::Pow(a, b) => piecewise_constant(a) && !b.has_variables(),
    }
}

/// Built from `step`, `sign`, `u/|u|` and constants with +, − and ×: bounded everywhere,
/// undefined only at its jumps.
fn bounded_steps(e: &Expr) -> bool {
    match e {
        Expr::Num(x) => x.is_finite(),
        Expr::Const(_) => true,
        Expr::Var(_) => false,
        Expr::Call(Func::Step | Func::Sign, _) => true,
        Expr::Call(..) => !e.has_variables(),
        Expr::Div(u, d) => matches!(&**d, Expr::Call(Func::Abs, a) if a.first() == Some(&**u)),
        Expr::Neg(a) => bounded_steps(a),
        Expr::Add(a, b) | Expr::Sub(a, b) | Expr::Mul(a, b) => bounded_steps(a) && bounded_steps(b),
        Expr::Pow(..) => false,
    }
}

/// The calls of functions with jumps in `e`, with their arguments.
fn jump_calls<'e>(e: &'e Expr, out: &mut Vec<(Func, &'e Expr)>) {
    match e {
        Expr::Num(_) | Expr::Const(_) | Expr::Var(_) => {}
        Expr::Neg(a) => jump_calls(a, out),
        Expr::Add(a, b) | Expr::Sub(a, b) | Expr::Mul(a, b) | Expr::Div(a, b) | Expr::Pow(a, b) => {
            jump_calls(a, out);
            jump_calls(b, out);
        }
        Expr::Call(f, args) => {
            if let (true, Some(arg)) = (f.has_jumps(), args.first()) {
                out.push((*f, arg));
            }
            args.iter().for_each(|a| jump_calls(a, out));
        }
    }
}

/// The value of a constant part (no variable), folded the way the simplifier folds it, so
/// f and the simplified f′ agree on it: in floats 0.1^(−2) is 99.99999999999999, which
/// `floor` turns into 99 while f′ = floor(100) = 100. Only where the float value is
/// defined: x⁰ = 1 must not define ((−π)^(3/2))⁰, which is not.
fn constant_part(e: &Expr) -> f64 {
    let v = eval_tree(e, &|_| f64::NAN, false);
    if !v.is_finite() {
        return v;
    }
    let folded = eval_tree(&super::simplify::simplify(e), &|_| f64::NAN, false);
    if folded.is_finite() {
        folded
    } else {
        v
    }
}

/// Direct recursive evaluation (single points); with `fold`, constant parts are taken as
/// [`constant_part`] gives them, exactly as a compiled program does.
fn eval_tree(e: &Expr, env: &dyn Fn(&str) -> f64, fold: bool) -> f64 {
    if fold && !matches!(e, Expr::Num(_) | Expr::Const(_) | Expr::Var(_)) && !e.has_variables() {
        return constant_part(e);
    }
    let go = |x: &Expr| eval_tree(x, env, fold);
    match e {
        Expr::Num(x) => *x,
        Expr::Const(c) => c.value(),
        Expr::Var(v) => env(v),
        Expr::Neg(a) => -go(a),
        Expr::Add(a, b) => go(a) + go(b),
        Expr::Sub(a, b) => go(a) - go(b),
        Expr::Mul(a, b) => go(a) * go(b),
        Expr::Div(a, b) => divide(go(a), go(b)),
        Expr::Pow(a, b) => real_power(go(a), go(b)),
        Expr::Call(f, args) => {
            let Some(first) = args.first() else {
                return f64::NAN;
            };
            let x = go(first);
            let b = match (f, args.get(1)) {
                (_, Some(b)) => go(b),
                (Func::LeakyRelu, None) => func::LEAKY_SLOPE,
                (Func::Log, None) => std::f64::consts::E,
                _ => f64::NAN,
            };
            f.eval(x, b)
        }
    }
}

/// Evaluates `e` at a point given by name; NaN where undefined.
pub fn eval_at(e: &Expr, env: &[(&str, f64)]) -> f64 {
    let lookup = |name: &str| {
        env.iter()
            .find(|(n, _)| *n == name)
            .map_or(f64::NAN, |p| p.1)
    };
    let v = eval_tree(e, &lookup, true);
    if v.is_nan() {
        f64::NAN
    } else {
        v
    }
}

/// Evaluates `e` as written, without folding its constant parts (so without simplifying
/// anything: quick, for a numerical look at a formula), each variable's value given by
/// `value`.
pub(crate) fn eval_as_written(e: &Expr, value: &dyn Fn(&str) -> f64) -> f64 {
    eval_tree(e, value, false)
}
