//! Simplification to the form a textbook prints. Two tiers: canonical constructors (`add`,
//! `mul`, `pow`) flatten, fold numbers exactly, collect like terms and like bases as nodes are
//! built; then a few named rewrites — expand, common denominator, common factor — are tried at
//! each level and the smallest result kept (polynomials are always shown expanded, `3x^2 + 2x`
//! rather than `x(3x + 2)`). The result is turned back into an `Expr` with subtraction,
//! division and square roots restored.
//!
//! `canon.rs` builds the canonical form, `order.rs` sorts it as a textbook prints,
//! `rewrite.rs` holds the named rewrites and the choice of the smallest, `to_expr.rs` turns
//! it back into an `Expr`.

mod canon;
mod order;
mod rewrite;
mod to_expr;

use std::cell::Cell;
use std::cmp::Ordering;

use crate::ast::{Constant, Expr};
use crate::func::Func;
use crate::number::Number;
use canon::from_expr;
use rewrite::best;
use to_expr::to_expr;

/// Canonical form: n-ary sums and products, no subtraction or division.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Canon {
    Num(Number),
    Const(Constant),
    Var(String),
    Add(Vec<Canon>),
    Mul(Vec<Canon>),
    Pow(Box<Canon>, Box<Canon>),
    Call(Func, Vec<Canon>),
}

/// Largest number of terms an expansion may produce before we give up on it.
pub(super) const MAX_TERMS: usize = 64;
/// Largest integer power of a sum we multiply out.
pub(super) const MAX_EXPAND_POWER: i64 = 6;

/// Work one `simplify` call may spend, in units of terms and factors handled by the
/// canonical constructors. Ordinary derivatives need a few thousand; when a huge one runs
/// out, the remaining rewrites are skipped and the result is correct but less tidy, so no
/// input can keep the page busy for long. Counted, not timed: the result is the same on
/// every machine.
pub const WORK_BUDGET: usize = 25_000;

thread_local! {
    static WORK_LEFT: Cell<usize> = const { Cell::new(WORK_BUDGET) };
}

/// Takes `units` from the budget; false (and nothing taken) when it cannot pay.
pub(super) fn spend(units: usize) -> bool {
    WORK_LEFT.with(|w| {
        let left = w.get();
        w.set(left.saturating_sub(units));
        left >= units
    })
}

fn exhausted() -> bool {
    WORK_LEFT.with(|w| w.get() == 0)
}

/// Simplifies an expression.
pub fn simplify(e: &Expr) -> Expr {
    simplify_within(e, WORK_BUDGET).0
}

/// Simplifies within a work budget; also says whether the budget ran out (the result is then
/// still equal to `e`, only less tidy).
pub fn simplify_within(e: &Expr, budget: usize) -> (Expr, bool) {
    // Nested calls (the power rule simplifies its exponent) get their own budget.
    let saved = WORK_LEFT.with(|w| w.replace(budget));
    let out = to_expr(&best(from_expr(e)));
    let ran_out = exhausted();
    WORK_LEFT.with(|w| w.set(saved));
    (out, ran_out)
}
