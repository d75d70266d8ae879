//! `derive`: Slope's math core on the command line, for course authors, scripts and our own
//! checks.
//!
//! cargo run --release --example derive -- [--var NAME] [--at POINT]... [--steps] [--compact] [--latex] [--json] EXPR
//!
//! `--steps` writes the derivation in textbook order (name the parts, differentiate each,
//! combine, simplify); `--compact` in top-down order, each rule with its result first.
//!
//! POINT is `1.5` (the variable's value) or `x=1,y=2` (all variables); values may be constant
//! expressions such as `pi/4`. Bad input exits with code 2.

use std::io::Write;
use std::process::ExitCode;

use serde_json::{json, Map, Value};
use slope::math::parser::read;
use slope::math::study::default_variable;
use slope::math::{
    self, differentiate, explain, parse, to_latex, to_text, Order, ParseError, Program,
};

const USAGE: &str =
    "usage: derive [--var NAME] [--at POINT]... [--steps] [--compact] [--latex] [--json] EXPR";

struct Options {
    var: Option<String>,
    at: Vec<String>,
    steps: bool,
    compact: bool,
    latex: bool,
    json: bool,
    expr: String,
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        var: None,
        at: vec![],
        steps: false,
        compact: false,
        latex: false,
        json: false,
        expr: String::new(),
    };
    let mut rest = Vec::new();
    let mut args = args.iter().cloned();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--var" => o.var = Some(args.next().ok_or("--var needs a name")?),
            "--at" => o.at.push(args.next().ok_or("--at needs a point")?),
            "--steps" => o.steps = true,
            "--compact" => o.compact = true,
            "--latex" => o.latex = true,
            "--json" => o.json = true,
            "-h" | "--help" => return Err(USAGE.into()),
            "--" => rest.extend(args.by_ref()),
            // `-x^2` and `-2x` are functions; only `--name` is an option.
            s if s.starts_with("--") => return Err(format!("unknown option {s}\n{USAGE}")),
            _ => rest.push(a),
        }
    }
    if rest.is_empty() {
        return Err(USAGE.into());
    }
    o.expr = rest.join(" ");
    Ok(o)
}

/// Reads `1.5` or `x=1,y=2` into (name, value) pairs.
fn parse_point(text: &str, var: &str) -> Result<Vec<(String, f64)>, String> {
    let value = |s: &str| -> Result<f64, String> {
        let e = parse(s).map_err(|e| format!("in --at '{text}': {}", e.message()))?;
        e.constant_value()
            .ok_or_else(|| format!("in --at '{text}': '{s}' is not a constant"))
    };
    if !text.contains('=') {
        return Ok(vec![(var.to_string(), value(text)?)]);
    }
    text.split(',')
        .map(|pair| {
            let (name, v) = pair
                .split_once('=')
                .ok_or_else(|| format!("in --at '{text}': expected name=value"))?;
            let name = math::parser::parse_variable(name.trim())
                .map_err(|e| format!("in --at '{text}': {}", e.message()))?;
            Ok((name, value(v)?))
        })
        .collect()
}

fn number(x: f64) -> Value {
    if x.is_finite() {
        json!(x)
    } else {
        Value::Null
    }
}

fn fail(o: &Options, err: &ParseError, out: &mut dyn Write, errs: &mut dyn Write) -> u8 {
    if o.json {
        let _ = writeln!(
            out,
            "{}",
            json!({"error": {"message": err.message(), "span": [err.span.0, err.span.1]}})
        );
    } else {
        let _ = writeln!(errs, "error: {}", err.message());
        let _ = writeln!(errs, "  {}", o.expr);
        let lead = o.expr[..err.span.0.min(o.expr.len())].chars().count();
        let width = o
            .expr
            .get(err.span.0..err.span.1)
            .map(|s| s.chars().count())
            .unwrap_or(1)
            .max(1);
        let _ = writeln!(errs, "  {}{}", " ".repeat(lead), "^".repeat(width));
    }
    2
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    ExitCode::from(run(&args, &mut std::io::stdout(), &mut std::io::stderr()))
}

/// The whole command: output to `out` and `errs`, the exit code returned.
fn run(args: &[String], out: &mut dyn Write, errs: &mut dyn Write) -> u8 {
    let json = args
        .iter()
        .take_while(|a| *a != "--")
        .any(|a| a == "--json");
    let usage_error = |msg: String, out: &mut dyn Write, errs: &mut dyn Write| {
        if json {
            let msg = msg.strip_prefix("error: ").unwrap_or(&msg);
            let _ = writeln!(out, "{}", json!({"error": {"message": msg}}));
        } else {
            let _ = writeln!(errs, "{msg}");
        }
        2
    };
    let o = match parse_args(args) {
        Ok(o) => o,
        Err(msg) => return usage_error(msg, out, errs),
    };
    let reading = match read(&o.expr) {
        Ok(r) => r,
        Err(e) => return fail(&o, &e, out, errs),
    };
    let f = reading.expr;
    let vars = f.variables();
    let var = match (&o.var, reading.variable) {
        (Some(v), _) => match math::parser::parse_variable(v) {
            Ok(v) => v,
            Err(e) => return usage_error(format!("error: --var: {}", e.message()), out, errs),
        },
        (None, Some(named)) => named,
        (None, None) => default_variable(&f),
    };
    let d = differentiate(&f, &var);
    if !d.complete {
        let _ = writeln!(
            errs,
            "warning: the derivative grew too large (more than {} rule applications); it is reported as undefined",
            math::diff::MAX_STEPS
        );
    }
    let mut all_vars = vars.clone();
    if !all_vars.contains(&var) {
        all_vars.push(var.clone());
    }
    let names: Vec<&str> = all_vars.iter().map(String::as_str).collect();
    let (pf, pdf) = (Program::compile(&f, &names), d.program(&names));
    let mut values = Vec::new();
    for text in &o.at {
        let point = match parse_point(text, &var) {
            Ok(p) => p,
            Err(msg) => return usage_error(format!("error: {msg}"), out, errs),
        };
        let coords: Vec<f64> = names
            .iter()
            .map(|n| {
                point
                    .iter()
                    .find(|(p, _)| p == n)
                    .map(|p| p.1)
                    .unwrap_or(f64::NAN)
            })
            .collect();
        values.push((point, pf.eval(&coords), pdf.eval(&coords)));
    }
    let order = if o.compact {
        Order::Compact
    } else {
        Order::Textbook
    };
    let lines = explain(&d, order);
    if o.json {
        let values: Vec<Value> = values
            .iter()
            .map(|(point, fv, dv)| {
                let at: Map<String, Value> =
                    point.iter().map(|(n, v)| (n.clone(), json!(v))).collect();
                json!({"at": at, "f": number(*fv), "df": number(*dv)})
            })
            .collect();
        let steps: Vec<Value> = lines
            .iter()
            .map(|l| json!({"rule": l.rule.name(), "phase": l.phase.name(), "depth": l.depth, "at": l.at, "text": l.text()}))
            .collect();
        let doc = json!({
            "input": to_text(&f),
            "variable": var,
            "derivative": to_text(&d.result),
            "latex": to_latex(&d.result),
            "values": values,
            "steps": steps,
        });
        let _ = writeln!(out, "{doc}");
        return 0;
    }
    if o.steps {
        let _ = writeln!(out, "f({var}) = {}", to_text(&f));
        for (i, l) in lines.iter().enumerate() {
            let _ = writeln!(out, "{:>3}. {}{}", i + 1, "  ".repeat(l.depth), l.text());
        }
    }
    let _ = writeln!(
        out,
        "{}",
        if o.latex {
            to_latex(&d.result)
        } else {
            to_text(&d.result)
        }
    );
    for (point, fv, dv) in &values {
        let at: Vec<String> = point.iter().map(|(n, v)| format!("{n}={v}")).collect();
        let show = |x: f64| {
            if x.is_finite() {
                format!("{x}")
            } else {
                "undefined".into()
            }
        };
        let _ = writeln!(
            out,
            "at {}: f = {}, f' = {}",
            at.join(", "),
            show(*fv),
            show(*dv)
        );
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs the command; returns (exit code, stdout, stderr).
    fn derive(args: &[&str]) -> (u8, String, String) {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let (mut out, mut errs) = (Vec::new(), Vec::new());
        let code = run(&args, &mut out, &mut errs);
        let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
        (code, text(out), text(errs))
    }

    #[test]
    fn an_expression_may_start_with_a_minus() {
        assert_eq!(derive(&["-x^2"]), (0, "-2x\n".into(), String::new()));
        assert_eq!(derive(&["--", "-x^2"]).1, "-2x\n");
        assert_eq!(derive(&["--bogus", "x"]).0, 2);
    }

    #[test]
    fn usage_errors_are_json_with_json() {
        for args in [
            &["--json", "--bogus", "x"][..],
            &["--json"],
            &["--json", "--at", "q=", "x"],
        ] {
            let (code, out, errs) = derive(args);
            assert_eq!(code, 2, "{args:?}");
            assert!(errs.is_empty(), "{args:?}: {errs}");
            let v: Value = serde_json::from_str(&out).unwrap();
            let msg = v["error"]["message"].as_str().unwrap();
            assert!(!msg.starts_with("error"), "{msg}");
        }
        let (code, out, _) = derive(&["--json", "sin(x"]);
        assert_eq!(code, 2);
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["error"]["span"], json!([3, 4]));
    }

    #[test]
    fn latex_has_no_leading_space() {
        assert_eq!(derive(&["--latex", "-x^2"]).1, "-2 x\n");
        assert_eq!(derive(&["--latex", "e^(-x)"]).1, "-{e}^{-x}\n");
    }

    #[test]
    fn values_are_undefined_at_jumps_and_the_named_variable_is_used() {
        assert_eq!(
            derive(&["--at", "1", "floor(x)"]).1,
            "0\nat x=1: f = 1, f' = undefined\n"
        );
        assert_eq!(derive(&["d/dt t^3"]).1, "3t^2\n");
    }
}
