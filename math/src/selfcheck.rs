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
    same_function(f, var, "f")?;
    same_function(&d.result, var, "f′")?;
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
/// longer than the input limit (`MAX_INPUT_BYTES`); such text is not meant to be typed back
/// and is skipped.
fn same_function(e: &Expr, var: &str, what: &str) -> Result<(), String> {
    let text = to_text(e);
    if text.len() > super::error::MAX_INPUT_BYTES {
        return Ok(());
    }
    let back =
        parse(&text).map_err(|err| format!("{what} = {text:?} does not parse back: {err}"))?;
    let again = to_text(&back);
    if again != text {
        return Err(format!("{what} = {text:?} reads back as {again:?}"));
    }
    agree(e, &back, var, what)
}

/// Equal values wherever both are defined, at a few points (other letters fixed at 1.3).
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
        let (va, vb) = (eval_at(a, &env), eval_at(b, &env));
        if va.is_finite()
            && vb.is_finite()
            && (va - vb).abs() > 1e-6 * va.abs().max(vb.abs()).max(1.0)
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
