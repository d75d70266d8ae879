//! The expression tree. It keeps subtraction, division and negation exactly as the student
//! wrote them, so a derivation can be explained in their terms; canonical forms exist only
//! inside the simplifier.

use super::func::Func;

/// The named constants `pi` and `e`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Constant {
    Pi,
    E,
}

impl Constant {
    pub fn value(self) -> f64 {
        match self {
            Constant::Pi => std::f64::consts::PI,
            Constant::E => std::f64::consts::E,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Constant::Pi => "pi",
            Constant::E => "e",
        }
    }
}

/// An expression as parsed (and as produced by differentiation and simplification).
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Num(f64),
    Const(Constant),
    Var(String),
    Neg(Box<Expr>),
    Add(Box<Expr>, Box<Expr>),
    Sub(Box<Expr>, Box<Expr>),
    Mul(Box<Expr>, Box<Expr>),
    Div(Box<Expr>, Box<Expr>),
    Pow(Box<Expr>, Box<Expr>),
    Call(Func, Vec<Expr>),
}

// `Expr::add(a, b)` builds a tree; it is not the `+` of two values.
#[allow(clippy::should_implement_trait)]
impl Expr {
    pub fn num(x: f64) -> Expr {
        Expr::Num(x)
    }

    pub fn var(name: &str) -> Expr {
        Expr::Var(name.to_string())
    }

    pub fn call(f: Func, arg: Expr) -> Expr {
        Expr::Call(f, vec![arg])
    }

    pub fn neg(a: Expr) -> Expr {
        Expr::Neg(Box::new(a))
    }

    pub fn add(a: Expr, b: Expr) -> Expr {
        Expr::Add(Box::new(a), Box::new(b))
    }

    pub fn sub(a: Expr, b: Expr) -> Expr {
        Expr::Sub(Box::new(a), Box::new(b))
    }

    pub fn mul(a: Expr, b: Expr) -> Expr {
        Expr::Mul(Box::new(a), Box::new(b))
    }

    pub fn div(a: Expr, b: Expr) -> Expr {
        Expr::Div(Box::new(a), Box::new(b))
    }

    pub fn pow(a: Expr, b: Expr) -> Expr {
        Expr::Pow(Box::new(a), Box::new(b))
    }

    /// True when `var` occurs anywhere in the expression.
    pub fn contains_var(&self, var: &str) -> bool {
        match self {
            Expr::Num(_) | Expr::Const(_) => false,
            Expr::Var(v) => v == var,
            Expr::Neg(a) => a.contains_var(var),
            Expr::Add(a, b)
            | Expr::Sub(a, b)
            | Expr::Mul(a, b)
            | Expr::Div(a, b)
            | Expr::Pow(a, b) => a.contains_var(var) || b.contains_var(var),
            Expr::Call(_, args) => args.iter().any(|a| a.contains_var(var)),
        }
    }

    /// True when any variable occurs in the expression (without collecting their names).
    pub fn has_variables(&self) -> bool {
        match self {
            Expr::Num(_) | Expr::Const(_) => false,
            Expr::Var(_) => true,
            Expr::Neg(a) => a.has_variables(),
            Expr::Add(a, b)
            | Expr::Sub(a, b)
            | Expr::Mul(a, b)
            | Expr::Div(a, b)
            | Expr::Pow(a, b) => a.has_variables() || b.has_variables(),
            Expr::Call(_, args) => args.iter().any(Expr::has_variables),
        }
    }

    /// The variables in order of first appearance.
    pub fn variables(&self) -> Vec<String> {
        let mut out = Vec::new();
        self.collect_vars(&mut out);
        out
    }

    fn collect_vars(&self, out: &mut Vec<String>) {
        match self {
            Expr::Num(_) | Expr::Const(_) => {}
            Expr::Var(v) => {
                if !out.contains(v) {
                    out.push(v.clone())
                }
            }
            Expr::Neg(a) => a.collect_vars(out),
            Expr::Add(a, b)
            | Expr::Sub(a, b)
            | Expr::Mul(a, b)
            | Expr::Div(a, b)
            | Expr::Pow(a, b) => {
                a.collect_vars(out);
                b.collect_vars(out);
            }
            Expr::Call(_, args) => args.iter().for_each(|a| a.collect_vars(out)),
        }
    }

    /// The operands in order: both sides of a binary operation, a call's arguments.
    pub fn operands(&self) -> Vec<&Expr> {
        match self {
            Expr::Num(_) | Expr::Const(_) | Expr::Var(_) => Vec::new(),
            Expr::Neg(a) => vec![a],
            Expr::Add(a, b)
            | Expr::Sub(a, b)
            | Expr::Mul(a, b)
            | Expr::Div(a, b)
            | Expr::Pow(a, b) => vec![a, b],
            Expr::Call(_, args) => args.iter().collect(),
        }
    }

    /// The sub-expression reached by following operand indices from here.
    pub fn at_path(&self, path: &[usize]) -> Option<&Expr> {
        path.iter()
            .try_fold(self, |e, &i| e.operands().get(i).copied())
    }

    /// Nesting depth of the tree (a leaf is 1).
    pub fn depth(&self) -> usize {
        match self {
            Expr::Num(_) | Expr::Const(_) | Expr::Var(_) => 1,
            Expr::Neg(a) => 1 + a.depth(),
            Expr::Add(a, b)
            | Expr::Sub(a, b)
            | Expr::Mul(a, b)
            | Expr::Div(a, b)
            | Expr::Pow(a, b) => 1 + a.depth().max(b.depth()),
            Expr::Call(_, args) => 1 + args.iter().map(Expr::depth).max().unwrap_or(0),
        }
    }

    /// Number of operations (operators and function calls), the size measure we compare
    /// against SymPy's `count_ops`.
    pub fn op_count(&self) -> usize {
        match self {
            Expr::Num(x) => usize::from(*x < 0.0),
            Expr::Const(_) | Expr::Var(_) => 0,
            Expr::Neg(a) => 1 + a.op_count(),
            Expr::Add(a, b)
            | Expr::Sub(a, b)
            | Expr::Mul(a, b)
            | Expr::Div(a, b)
            | Expr::Pow(a, b) => 1 + a.op_count() + b.op_count(),
            Expr::Call(_, args) => 1 + args.iter().map(Expr::op_count).sum::<usize>(),
        }
    }

    /// The value when the expression holds no variables (NaN where undefined).
    pub fn constant_value(&self) -> Option<f64> {
        if self.has_variables() {
            return None;
        }
        Some(super::eval::eval_at(self, &[]))
    }
}
