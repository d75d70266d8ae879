//! The one table of elementary functions: name, arity, value, domain and local derivative
//! f′(u). Differentiation applies the chain rule around `local_derivative` in exactly one place.

use super::ast::Expr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Func {
    Sin,
    Cos,
    Tan,
    Cot,
    Sec,
    Csc,
    Asin,
    Acos,
    Atan,
    Sinh,
    Cosh,
    Tanh,
    /// 1/tanh(u): undefined at 0.
    Coth,
    /// 1/cosh(u).
    Sech,
    /// 1/sinh(u): undefined at 0.
    Csch,
    Exp,
    Ln,
    /// `log(u, b)`: logarithm of `u` to base `b`.
    Log,
    Log10,
    Log2,
    Sqrt,
    Abs,
    Sigmoid,
    Relu,
    Softplus,
    /// `leaky_relu(u)` (slope 0.01 for u < 0) or `leaky_relu(u, a)`.
    LeakyRelu,
    /// 1 for u > 0, 0 for u < 0, undefined at 0: the derivative of ReLU.
    Step,
    Asinh,
    Acosh,
    Atanh,
    /// The inverse cotangent, with values in (0, π) so it is continuous at 0.
    Acot,
    Asec,
    Acsc,
    /// The inverse hyperbolic cotangent, atanh(1/u), defined for |u| > 1.
    Acoth,
    /// The inverse hyperbolic secant, acosh(1/u), defined on (0, 1].
    Asech,
    /// The inverse hyperbolic cosecant, asinh(1/u), defined for u ≠ 0.
    Acsch,
    /// The real cube root (negative for negative u).
    Cbrt,
    /// −1, 0 or 1.
    Sign,
    Floor,
    Ceil,
    /// `max(u, v)`: both arguments may depend on the variable.
    Max,
    Min,
}

/// Every function, in the order the help text lists them.
pub const ALL: [Func; 42] = [
    Func::Sin,
    Func::Cos,
    Func::Tan,
    Func::Cot,
    Func::Sec,
    Func::Csc,
    Func::Asin,
    Func::Acos,
    Func::Atan,
    Func::Sinh,
    Func::Cosh,
    Func::Tanh,
    Func::Coth,
    Func::Sech,
    Func::Csch,
    Func::Exp,
    Func::Ln,
    Func::Log,
    Func::Log10,
    Func::Log2,
    Func::Sqrt,
    Func::Abs,
    Func::Sigmoid,
    Func::Relu,
    Func::Softplus,
    Func::LeakyRelu,
    Func::Step,
    Func::Asinh,
    Func::Acosh,
    Func::Atanh,
    Func::Acot,
    Func::Asec,
    Func::Acsc,
    Func::Acoth,
    Func::Asech,
    Func::Acsch,
    Func::Cbrt,
    Func::Sign,
    Func::Floor,
    Func::Ceil,
    Func::Max,
    Func::Min,
];

/// Other names students type for the table's functions.
pub const ALIASES: [(&str, Func); 20] = [
    ("arcsin", Func::Asin),
    ("arccos", Func::Acos),
    ("arctan", Func::Atan),
    ("arcsinh", Func::Asinh),
    ("arsinh", Func::Asinh),
    ("arccosh", Func::Acosh),
    ("arcosh", Func::Acosh),
    ("arctanh", Func::Atanh),
    ("artanh", Func::Atanh),
    ("arccot", Func::Acot),
    ("arcsec", Func::Asec),
    ("arccsc", Func::Acsc),
    ("arccoth", Func::Acoth),
    ("arcoth", Func::Acoth),
    ("arcsech", Func::Asech),
    ("arsech", Func::Asech),
    ("arccsch", Func::Acsch),
    ("arcsch", Func::Acsch),
    ("sgn", Func::Sign),
    ("ceiling", Func::Ceil),
];

/// Default negative-side slope of `leaky_relu(x)`.
pub const LEAKY_SLOPE: f64 = 0.01;

impl Func {
    /// The canonical name, as the printer writes it.
    pub fn name(self) -> &'static str {
        match self {
            Func::Sin => "sin",
            Func::Cos => "cos",
            Func::Tan => "tan",
            Func::Cot => "cot",
            Func::Sec => "sec",
            Func::Csc => "csc",
            Func::Asin => "asin",
            Func::Acos => "acos",
            Func::Atan => "atan",
            Func::Sinh => "sinh",
            Func::Cosh => "cosh",
            Func::Tanh => "tanh",
            Func::Coth => "coth",
            Func::Sech => "sech",
            Func::Csch => "csch",
            Func::Exp => "exp",
            Func::Ln => "ln",
            Func::Log => "log",
            Func::Log10 => "log10",
            Func::Log2 => "log2",
            Func::Sqrt => "sqrt",
            Func::Abs => "abs",
            Func::Sigmoid => "sigmoid",
            Func::Relu => "relu",
            Func::Softplus => "softplus",
            Func::LeakyRelu => "leaky_relu",
            Func::Step => "step",
            Func::Asinh => "asinh",
            Func::Acosh => "acosh",
            Func::Atanh => "atanh",
            Func::Acot => "acot",
            Func::Asec => "asec",
            Func::Acsc => "acsc",
            Func::Acoth => "acoth",
            Func::Asech => "asech",
            Func::Acsch => "acsch",
            Func::Cbrt => "cbrt",
            Func::Sign => "sign",
            Func::Floor => "floor",
            Func::Ceil => "ceil",
            Func::Max => "max",
            Func::Min => "min",
        }
    }

    /// The inverse function, for `sin^-1(x)`, `sinh⁻¹(x)`: only the functions whose inverse
    /// is in the table (and is what `f^-1` means in a textbook).
    pub fn inverse(self) -> Option<Func> {
        Some(match self {
            Func::Sin => Func::Asin,
            Func::Cos => Func::Acos,
            Func::Tan => Func::Atan,
            Func::Cot => Func::Acot,
            Func::Sec => Func::Asec,
            Func::Csc => Func::Acsc,
            Func::Sinh => Func::Asinh,
            Func::Cosh => Func::Acosh,
            Func::Tanh => Func::Atanh,
            Func::Coth => Func::Acoth,
            Func::Sech => Func::Asech,
            Func::Csch => Func::Acsch,
            _ => return None,
        })
    }

    /// Whether f is differentiable at `x` wherever it is defined there. False only at the
    /// jumps of the step-like functions: `floor` and `ceil` at integers, `sign` at 0 (`step`
    /// is undefined at its jump, so its own value already says so).
    pub fn differentiable_at(self, x: f64) -> bool {
        match self {
            Func::Floor | Func::Ceil => x.fract() != 0.0,
            Func::Sign => x != 0.0,
            _ => true,
        }
    }

    /// True for the functions with jumps that `differentiable_at` knows about.
    pub fn has_jumps(self) -> bool {
        matches!(self, Func::Floor | Func::Ceil | Func::Sign)
    }

    /// Looks a name up, including the aliases students type (`arcsin`, `σ` is handled by the lexer).
    pub fn from_name(name: &str) -> Option<Func> {
        ALIASES
            .iter()
            .find(|(a, _)| *a == name)
            .map(|(_, f)| *f)
            .or_else(|| ALL.iter().copied().find(|f| f.name() == name))
            .or(match name {
                "ReLU" | "Relu" => Some(Func::Relu),
                _ => None,
            })
    }

    /// Accepted numbers of arguments.
    pub fn arity(self) -> (usize, usize) {
        match self {
            Func::Log | Func::LeakyRelu => (1, 2),
            Func::Max | Func::Min => (2, 2),
            _ => (1, 1),
        }
    }

    /// The value at a point; NaN outside the domain (and at points where the function is
    /// genuinely undefined, such as `step(0)`).
    pub fn eval(self, x: f64, b: f64) -> f64 {
        match self {
            Func::Sin => x.sin(),
            Func::Cos => x.cos(),
            Func::Tan => x.tan(),
            // Reciprocals follow the evaluator's rule that u/0 is undefined: cot(0) is not ∞.
            Func::Cot => reciprocal(x.tan()),
            Func::Sec => reciprocal(x.cos()),
            Func::Csc => reciprocal(x.sin()),
            Func::Asin => x.asin(),
            Func::Acos => x.acos(),
            Func::Atan => x.atan(),
            Func::Sinh => x.sinh(),
            Func::Cosh => x.cosh(),
            Func::Tanh => x.tanh(),
            Func::Coth => reciprocal(x.tanh()),
            Func::Sech => reciprocal(x.cosh()),
            Func::Csch => reciprocal(x.sinh()),
            Func::Exp => x.exp(),
            Func::Ln => log_or_nan(x),
            Func::Log => {
                if b > 0.0 && b != 1.0 {
                    log_or_nan(x) / b.ln()
                } else {
                    f64::NAN
                }
            }
            Func::Log10 => log_or_nan(x) / std::f64::consts::LN_10,
            Func::Log2 => log_or_nan(x) / std::f64::consts::LN_2,
            Func::Sqrt => x.sqrt(),
            Func::Abs => x.abs(),
            Func::Sigmoid => sigmoid(x),
            // Not `x.max(0.0)`: that turns an undefined input into 0.
            Func::Relu => {
                if x > 0.0 {
                    x
                } else if x <= 0.0 {
                    0.0
                } else {
                    f64::NAN
                }
            }
            Func::Softplus => softplus(x),
            Func::LeakyRelu => {
                if x >= 0.0 {
                    x
                } else {
                    b * x
                }
            }
            Func::Step => {
                if x > 0.0 {
                    1.0
                } else if x < 0.0 {
                    0.0
                } else {
                    f64::NAN
                }
            }
            Func::Asinh => x.asinh(),
            Func::Acosh => x.acosh(),
            Func::Atanh => finite_or_nan(x.atanh()),
            Func::Acot => std::f64::consts::FRAC_PI_2 - x.atan(),
            Func::Asec => (1.0 / x).acos(),
            Func::Acsc => (1.0 / x).asin(),
            // Through the reciprocal, so 0 is undefined; atanh(±1) = ±∞ is too.
            Func::Acoth => finite_or_nan(reciprocal(x).atanh()),
            Func::Asech => finite_or_nan(reciprocal(x).acosh()),
            Func::Acsch => reciprocal(x).asinh(),
            Func::Cbrt => x.cbrt(),
            Func::Sign => {
                if x > 0.0 {
                    1.0
                } else if x < 0.0 {
                    -1.0
                } else if x == 0.0 {
                    0.0
                } else {
                    f64::NAN
                }
            }
            Func::Floor => x.floor(),
            Func::Ceil => x.ceil(),
            // Not `f64::max`: that turns an undefined argument into the other one.
            Func::Max if x.is_nan() || b.is_nan() => f64::NAN,
            Func::Max => x.max(b),
            Func::Min if x.is_nan() || b.is_nan() => f64::NAN,
            Func::Min => x.min(b),
        }
    }

    /// f′(u), the derivative with respect to the first argument; for `log` and `leaky_relu`
    /// the second argument `b` must be constant and is passed in.
    pub fn local_derivative(self, u: &Expr, b: Option<&Expr>) -> Expr {
        use Expr as E;
        let call = |f: Func| E::call(f, u.clone());
        let one = || E::num(1.0);
        match self {
            Func::Sin => call(Func::Cos),
            Func::Cos => E::neg(call(Func::Sin)),
            Func::Tan => E::pow(call(Func::Sec), E::num(2.0)),
            Func::Cot => E::neg(E::pow(call(Func::Csc), E::num(2.0))),
            Func::Sec => E::mul(call(Func::Sec), call(Func::Tan)),
            Func::Csc => E::neg(E::mul(call(Func::Csc), call(Func::Cot))),
            Func::Asin => E::div(
                one(),
                E::call(Func::Sqrt, E::sub(one(), E::pow(u.clone(), E::num(2.0)))),
            ),
            Func::Acos => E::neg(E::div(
                one(),
                E::call(Func::Sqrt, E::sub(one(), E::pow(u.clone(), E::num(2.0)))),
            )),
            Func::Atan => E::div(one(), E::add(one(), E::pow(u.clone(), E::num(2.0)))),
            Func::Sinh => call(Func::Cosh),
            Func::Cosh => call(Func::Sinh),
            Func::Tanh => E::sub(one(), E::pow(call(Func::Tanh), E::num(2.0))),
            Func::Coth => E::neg(E::pow(call(Func::Csch), E::num(2.0))),
            Func::Sech => E::neg(E::mul(call(Func::Sech), call(Func::Tanh))),
            Func::Csch => E::neg(E::mul(call(Func::Csch), call(Func::Coth))),
            Func::Exp => call(Func::Exp),
            Func::Ln => E::div(one(), u.clone()),
            Func::Log => {
                let base = b.cloned().unwrap_or(E::Const(super::ast::Constant::E));
                E::div(one(), E::mul(u.clone(), E::call(Func::Ln, base)))
            }
            Func::Log10 => E::div(one(), E::mul(u.clone(), E::call(Func::Ln, E::num(10.0)))),
            Func::Log2 => E::div(one(), E::mul(u.clone(), E::call(Func::Ln, E::num(2.0)))),
            Func::Sqrt => E::div(one(), E::mul(E::num(2.0), call(Func::Sqrt))),
            Func::Abs => E::div(u.clone(), call(Func::Abs)),
            Func::Sigmoid => E::mul(call(Func::Sigmoid), E::sub(one(), call(Func::Sigmoid))),
            Func::Relu => call(Func::Step),
            Func::Softplus => call(Func::Sigmoid),
            Func::LeakyRelu => {
                let a = b.cloned().unwrap_or(E::num(LEAKY_SLOPE));
                E::add(a.clone(), E::mul(E::sub(one(), a), call(Func::Step)))
            }
            // Flat between the jumps; at a jump step itself is undefined, and for floor, ceil
            // and sign the derivative program is guarded there (`differentiable_at`).
            Func::Step | Func::Sign | Func::Floor | Func::Ceil => E::num(0.0),
            Func::Asinh => E::div(
                one(),
                E::call(Func::Sqrt, E::add(E::pow(u.clone(), E::num(2.0)), one())),
            ),
            Func::Acosh => E::div(
                one(),
                E::call(Func::Sqrt, E::sub(E::pow(u.clone(), E::num(2.0)), one())),
            ),
            Func::Atanh => E::div(one(), E::sub(one(), E::pow(u.clone(), E::num(2.0)))),
            Func::Acot => E::neg(E::div(one(), E::add(one(), E::pow(u.clone(), E::num(2.0))))),
            Func::Asec | Func::Acsc => {
                let d = E::div(
                    one(),
                    E::mul(
                        call(Func::Abs),
                        E::call(Func::Sqrt, E::sub(E::pow(u.clone(), E::num(2.0)), one())),
                    ),
                );
                if self == Func::Asec {
                    d
                } else {
                    E::neg(d)
                }
            }
            Func::Acoth => E::div(one(), E::sub(one(), E::pow(u.clone(), E::num(2.0)))),
            Func::Asech => E::neg(E::div(
                one(),
                E::mul(
                    u.clone(),
                    E::call(Func::Sqrt, E::sub(one(), E::pow(u.clone(), E::num(2.0)))),
                ),
            )),
            Func::Acsch => E::neg(E::div(
                one(),
                E::mul(
                    call(Func::Abs),
                    E::call(Func::Sqrt, E::add(one(), E::pow(u.clone(), E::num(2.0)))),
                ),
            )),
            Func::Cbrt => E::div(
                one(),
                E::mul(E::num(3.0), E::pow(call(Func::Cbrt), E::num(2.0))),
            ),
            // Both arguments may vary: differentiated as a whole in `diff` (the Max rule).
            Func::Max | Func::Min => E::num(f64::NAN),
        }
    }

    /// A sentence naming the derivative fact, used in step explanations.
    pub fn fact(self) -> &'static str {
        match self {
            Func::Sin => "d/du sin(u) = cos(u)",
            Func::Cos => "d/du cos(u) = -sin(u)",
            Func::Tan => "d/du tan(u) = sec(u)^2",
            Func::Cot => "d/du cot(u) = -csc(u)^2",
            Func::Sec => "d/du sec(u) = sec(u)tan(u)",
            Func::Csc => "d/du csc(u) = -csc(u)cot(u)",
            Func::Asin => "d/du asin(u) = 1/sqrt(1 - u^2)",
            Func::Acos => "d/du acos(u) = -1/sqrt(1 - u^2)",
            Func::Atan => "d/du atan(u) = 1/(1 + u^2)",
            Func::Sinh => "d/du sinh(u) = cosh(u)",
            Func::Cosh => "d/du cosh(u) = sinh(u)",
            Func::Tanh => "d/du tanh(u) = 1 - tanh(u)^2",
            Func::Coth => "d/du coth(u) = -csch(u)^2",
            Func::Sech => "d/du sech(u) = -sech(u)tanh(u)",
            Func::Csch => "d/du csch(u) = -csch(u)coth(u)",
            Func::Exp => "d/du exp(u) = exp(u)",
            Func::Ln => "d/du ln(u) = 1/u",
            Func::Log => "d/du log(u, b) = 1/(u ln(b))",
            Func::Log10 => "d/du log10(u) = 1/(u ln(10))",
            Func::Log2 => "d/du log2(u) = 1/(u ln(2))",
            Func::Sqrt => "d/du sqrt(u) = 1/(2sqrt(u))",
            Func::Abs => "d/du |u| = u/|u| (undefined at u = 0)",
            Func::Sigmoid => "d/du sigmoid(u) = sigmoid(u)(1 - sigmoid(u))",
            Func::Relu => "d/du relu(u) = step(u): 1 for u > 0, 0 for u < 0, undefined at 0",
            Func::Softplus => "d/du softplus(u) = sigmoid(u)",
            Func::LeakyRelu => "d/du leaky_relu(u, a) = 1 for u > 0, a for u < 0, undefined at 0",
            Func::Step => "d/du step(u) = 0 for u ≠ 0, undefined at 0",
            Func::Asinh => "d/du asinh(u) = 1/sqrt(u^2 + 1)",
            Func::Acosh => "d/du acosh(u) = 1/sqrt(u^2 - 1)",
            Func::Atanh => "d/du atanh(u) = 1/(1 - u^2)",
            Func::Acot => "d/du acot(u) = -1/(1 + u^2)",
            Func::Asec => "d/du asec(u) = 1/(|u|sqrt(u^2 - 1))",
            Func::Acsc => "d/du acsc(u) = -1/(|u|sqrt(u^2 - 1))",
            Func::Acoth => "d/du acoth(u) = 1/(1 - u^2) (for |u| > 1)",
            Func::Asech => "d/du asech(u) = -1/(u sqrt(1 - u^2)) (for 0 < u < 1)",
            Func::Acsch => "d/du acsch(u) = -1/(|u|sqrt(1 + u^2))",
            Func::Cbrt => "d/du cbrt(u) = 1/(3cbrt(u)^2)",
            Func::Sign => "d/du sign(u) = 0 for u ≠ 0, undefined at 0",
            Func::Floor => "d/du floor(u) = 0 between the integers, undefined at each integer",
            Func::Ceil => "d/du ceil(u) = 0 between the integers, undefined at each integer",
            Func::Max => "d/dx max(u, v) = u' where u > v, v' where v > u",
            Func::Min => "d/dx min(u, v) = u' where u < v, v' where v < u",
        }
    }
}

fn finite_or_nan(x: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        f64::NAN
    }
}

fn log_or_nan(x: f64) -> f64 {
    if x > 0.0 {
        x.ln()
    } else {
        f64::NAN
    }
}

/// The logistic function, written to stay accurate (and finite) for large |x|.
pub fn sigmoid(x: f64) -> f64 {
    if x >= 0.0 {
        1.0 / (1.0 + (-x).exp())
    } else {
        let e = x.exp();
        e / (1.0 + e)
    }
}

/// ln(1 + eˣ) without overflow.
pub fn softplus(x: f64) -> f64 {
    if x > 30.0 {
        x + (-x).exp()
    } else {
        x.exp().ln_1p()
    }
}

/// 1/v, undefined (NaN) at v = 0 as every division is.
fn reciprocal(v: f64) -> f64 {
    if v == 0.0 {
        f64::NAN
    } else {
        1.0 / v
    }
}
