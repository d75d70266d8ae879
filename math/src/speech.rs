//! Formulas in words, as a screen reader should say them: `x^2 sin(x)` is "x squared times
//! sine of x", `1/(x+1)` is "1 over the quantity x plus 1". Used as the spoken form (`alttext`)
//! of every typeset formula. Brackets are said as "the quantity … end quantity" only where
//! they change the meaning, as in spoken mathematics (MathSpeak-like, simplified).

use super::ast::{Constant, Expr};
use super::func::Func;
use super::print::{format_number, prec};

/// `e` in words.
pub fn to_speech(e: &Expr) -> String {
    say(e)
}

/// A spoken sub-expression, bracketed as "the quantity …" when it binds looser than `min`.
fn operand(e: &Expr, min: u8) -> String {
    let inner = say(e);
    if prec(e) < min {
        format!("the quantity {inner} end quantity")
    } else {
        inner
    }
}

fn number(x: f64) -> String {
    let s = format_number(x);
    match s.strip_prefix('-') {
        Some(rest) => format!("negative {rest}"),
        None => s,
    }
}

fn func_name(f: Func) -> &'static str {
    match f {
        Func::Sin => "sine",
        Func::Cos => "cosine",
        Func::Tan => "tangent",
        Func::Cot => "cotangent",
        Func::Sec => "secant",
        Func::Csc => "cosecant",
        Func::Asin => "arcsine",
        Func::Acos => "arccosine",
        Func::Atan => "arctangent",
        Func::Acot => "arccotangent",
        Func::Asec => "arcsecant",
        Func::Acsc => "arccosecant",
        Func::Sinh => "hyperbolic sine",
        Func::Cosh => "hyperbolic cosine",
        Func::Tanh => "hyperbolic tangent",
        Func::Coth => "hyperbolic cotangent",
        Func::Sech => "hyperbolic secant",
        Func::Csch => "hyperbolic cosecant",
        Func::Asinh => "inverse hyperbolic sine",
        Func::Acosh => "inverse hyperbolic cosine",
        Func::Atanh => "inverse hyperbolic tangent",
        Func::Acoth => "inverse hyperbolic cotangent",
        Func::Asech => "inverse hyperbolic secant",
        Func::Acsch => "inverse hyperbolic cosecant",
        Func::Exp => "e to the power",
        Func::Ln => "natural log",
        Func::Log10 => "log base 10",
        Func::Log2 => "log base 2",
        Func::Sqrt => "the square root",
        Func::Cbrt => "the cube root",
        Func::Abs => "the absolute value",
        Func::Sigmoid => "sigmoid",
        Func::Relu => "ReLU",
        Func::LeakyRelu => "leaky ReLU",
        Func::Softplus => "softplus",
        Func::Step => "step",
        Func::Sign => "sign",
        Func::Floor => "floor",
        Func::Ceil => "ceiling",
        other => other.name(),
    }
}

fn say(e: &Expr) -> String {
    match e {
        Expr::Num(x) => number(*x),
        Expr::Const(Constant::Pi) => "pi".into(),
        Expr::Const(Constant::E) => "e".into(),
        Expr::Var(v) => v.replace('_', " sub "),
        Expr::Neg(a) => format!("negative {}", operand(a, 4)),
        Expr::Add(a, b) => match &**b {
            Expr::Neg(inner) => format!("{} minus {}", say(a), operand(inner, 2)),
            _ => format!("{} plus {}", say(a), operand(b, 2)),
        },
        Expr::Sub(a, b) => format!("{} minus {}", say(a), operand(b, 2)),
        Expr::Mul(a, b) => format!("{} times {}", operand(a, 2), operand(b, 3)),
        Expr::Div(a, b) => format!("{} over {}", operand(a, 3), operand(b, 3)),
        Expr::Pow(a, b) => {
            let base = operand(a, 5);
            match &**b {
                Expr::Num(n) if *n == 2.0 => format!("{base} squared"),
                Expr::Num(n) if *n == 3.0 => format!("{base} cubed"),
                _ => format!("{base} to the power {}", operand(b, 5)),
            }
        }
        Expr::Call(f, args) => {
            // A compound argument is bracketed: "sine of the quantity x plus 1 end quantity".
            let arg = args.first().map(|a| operand(a, 4)).unwrap_or_default();
            match (f, args.as_slice()) {
                (Func::Exp, _) => format!("e to the power {}", operand(&args[0], 5)),
                (Func::Log, [u, b]) => format!("log base {} of {}", say(b), say(u)),
                (Func::LeakyRelu, [u, a]) => {
                    format!("leaky ReLU of {} with slope {}", say(u), say(a))
                }
                (Func::Max, [u, v]) => format!("the maximum of {} and {}", say(u), say(v)),
                (Func::Min, [u, v]) => format!("the minimum of {} and {}", say(u), say(v)),
                _ => format!("{} of {arg}", func_name(*f)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse;

    #[test]
    fn formulas_read_aloud() {
        let cases = [
            ("x^2", "x squared"),
            ("x^2 sin(x)", "x squared times sine of x"),
            ("1/(x+1)", "1 over the quantity x plus 1 end quantity"),
            ("(x+1)^3", "the quantity x plus 1 end quantity cubed"),
            (
                "e^(2x)",
                "e to the power the quantity 2 times x end quantity",
            ),
            (
                "sqrt(x^2 + 4)",
                "the square root of the quantity x squared plus 4 end quantity",
            ),
            ("sin(x^2)", "sine of x squared"),
            ("-x + 3", "negative x plus 3"),
            ("x - (1 - x)", "x minus the quantity 1 minus x end quantity"),
            (
                "sigmoid(x)(1 - sigmoid(x))",
                "sigmoid of x times the quantity 1 minus sigmoid of x end quantity",
            ),
            ("log(x, 2)", "log base 2 of x"),
            ("|x|", "the absolute value of x"),
            ("x_1^4", "x sub 1 to the power 4"),
        ];
        for (input, spoken) in cases {
            assert_eq!(to_speech(&parse(input).unwrap()), spoken, "{input}");
        }
    }
}
