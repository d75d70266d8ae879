//! The engine checking itself end to end, for the fuzzer (`fuzz/`) and its regression tests:
//! parse → differentiate → simplify → print → parse again must not panic, and printed text
//! must read back to the same function.

use super::ast::Expr;
use super::diff::differentiate;
use super::eval::eval_at;
use super::explain::{explain, Order};
use super::layout::{to_latex, to_mathml};
use super::parser::parse;
use super::print::to_text;
use super::sample::sample;
use super::study::Study;

/// Runs the whole pipeline on `src`; input that does not parse is fine (`Ok`).
pub fn pipeline(src: &str) -> Result<(), String> {
    let Ok(study) = Study::parse(src) else {
        return Ok(());
    };
    let (f, d, var) = (&study.f, &study.derivation, study.var.as_str());
    let _ = (to_latex(f), to_mathml(&d.result));
    for order in [Order::Textbook, Order::Compact] {
        if explain(d, order).iter().any(|l| f.at_path(&l.at).is_none()) {
            return Err(format!("a step in {order:?} order points outside f"));
        }
    }
    same_function(f, var, "f", true)?;
    same_function(&d.result, var, "f′", false)?;
    // Differentiating what was printed gives the same derivative.
    if to_text(f).len() <= super::error::MAX_INPUT_BYTES {
        let again = parse(&to_text(f)).map_err(|e| format!("printed f does not parse: {e}"))?;
        agree(
            &d.result,
            &differentiate(&again, var).result,
            var,
            "f′ of the printed f",
        )?;
    }
    let s = sample(&study.f_program, -3.0, 3.0, 64);
    for seg in &s.segments {
        if !seg.iter().all(|p| p.0.is_finite() && p.1.is_finite())
            || !seg.windows(2).all(|w| w[0].0 < w[1].0)
        {
            return Err(format!("bad samples for {}", to_text(f)));
        }
    }
    Ok(())
}

/// `e` printed and parsed back is the same function, and prints the same again (print∘parse
/// is a fixpoint; capitals included: `E` printed is the letter E). A derivative can print
/// longer or more deeply nested than the input limits (`MAX_INPUT_BYTES`, `MAX_NESTING`);
/// typed back, such text is refused for its size, which is honest, so it is skipped. What
/// was typed (`typed`) must always read back.
fn same_function(e: &Expr, var: &str, what: &str, typed: bool) -> Result<(), String> {
    let text = to_text(e);
    if text.len() > super::error::MAX_INPUT_BYTES {
        return Ok(());
    }
    let back = match parse(&text) {
        Ok(back) => back,
        Err(err) if !typed && err.kind == super::error::ErrorKind::TooDeep => return Ok(()),
        Err(err) => return Err(format!("{what} = {text:?} does not parse back: {err}")),
    };
    let again = to_text(&back);
    if again != text {
        return Err(format!("{what} = {text:?} reads back as {again:?}"));
    }
    agree(e, &back, var, what)
}

/// Equal values wherever both are defined, at a few points (other letters fixed at 1.3).
/// A point where a value is not settled — nudging every letter by one part in 10¹² moves it,
/// as in `tan(6^64·x²)` — is skipped: there printing `a(bc)` as `abc` changes the rounding,
/// and the rounding decides the value.
fn agree(a: &Expr, b: &Expr, var: &str, what: &str) -> Result<(), String> {
    let mut names = a.variables();
    for v in b.variables() {
        if !names.contains(&v) {
            names.push(v);
        }
    }
    for x in [-2.3, -0.7, 0.4, 1.9, 3.1] {
        let env: Vec<(&str, f64)> = names
            .iter()
            .map(|n| (n.as_str(), if n == var { x } else { 1.3 }))
            .collect();
        let nudged: Vec<(&str, f64)> = env.iter().map(|&(n, v)| (n, v * (1.0 + 1e-12))).collect();
        let (va, vb) = (eval_at(a, &env), eval_at(b, &env));
        let scale = va.abs().max(vb.abs()).max(1.0);
        let spread = (va - eval_at(a, &nudged)).abs() + (vb - eval_at(b, &nudged)).abs();
        if va.is_finite()
            && vb.is_finite()
            && spread <= 1e-9 * scale
            && (va - vb).abs() > 1e-6 * scale
        {
            return Err(format!(
                "{what}: {} = {va} but {} = {vb} at {var} = {x}",
                to_text(a),
                to_text(b)
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agrees(a: &str, b: &str) -> bool {
        agree(&parse(a).unwrap(), &parse(b).unwrap(), "x", "f").is_ok()
    }

    #[test]
    fn agree_tells_different_functions_apart() {
        assert!(agrees("x*(x*y)", "x*x*y"));
        assert!(!agrees("x^2", "x^2 + 1e-4"));
        assert!(!agrees("sin(x)", "sin(x + 1e-5)"));
    }

    #[test]
    fn agree_skips_points_where_rounding_decides_the_value() {
        // 6^64·x² is about 10⁵⁰: one rounding of the argument moves tan anywhere.
        assert!(agrees("tan(6^64*x*(y*x))", "tan(6^64*x*y*x)"));
        // …but a well-conditioned difference of the same size is still seen.
        assert!(!agrees("tan(x)", "tan(x) + 0.3"));
    }
}
