//! `derive`: Slope's math core on the command line, for course authors, scripts and our own
//! checks.
//!
//! cargo run --release --example derive -- [--var NAME] [--at POINT]... [--steps] [--latex] [--json] EXPR
//!
//! POINT is `1.5` (the variable's value) or `x=1,y=2` (all variables); values may be constant
//! expressions such as `pi/4`. Bad input exits with code 2.

use std::process::ExitCode;

use serde_json::{json, Map, Value};
use slope::math::{self, differentiate, explain, parse, to_latex, to_text, ParseError, Program};

const USAGE: &str = "usage: derive [--var NAME] [--at POINT]... [--steps] [--latex] [--json] EXPR";

struct Options {
    var: Option<String>,
    at: Vec<String>,
    steps: bool,
    latex: bool,
    json: bool,
    expr: String,
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        var: None,
        at: vec![],
        steps: false,
        latex: false,
        json: false,
        expr: String::new(),
    };
    let mut rest = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--var" => o.var = Some(args.next().ok_or("--var needs a name")?),
            "--at" => o.at.push(args.next().ok_or("--at needs a point")?),
            "--steps" => o.steps = true,
            "--latex" => o.latex = true,
            "--json" => o.json = true,
            "-h" | "--help" => return Err(USAGE.into()),
            "--" => rest.extend(args.by_ref()),
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

fn fail(o: &Options, err: &ParseError) -> ExitCode {
    if o.json {
        println!(
            "{}",
            json!({"error": {"message": err.message(), "span": [err.span.0, err.span.1]}})
        );
    } else {
        eprintln!("error: {}", err.message());
        eprintln!("  {}", o.expr);
        let lead = o.expr[..err.span.0.min(o.expr.len())].chars().count();
        let width = o
            .expr
            .get(err.span.0..err.span.1)
            .map(|s| s.chars().count())
            .unwrap_or(1)
            .max(1);
        eprintln!("  {}{}", " ".repeat(lead), "^".repeat(width));
    }
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let o = match parse_args() {
        Ok(o) => o,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    let f = match parse(&o.expr) {
        Ok(f) => f,
        Err(e) => return fail(&o, &e),
    };
    let vars = f.variables();
    let var = match &o.var {
        Some(v) => match math::parser::parse_variable(v) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("error: --var: {}", e.message());
                return ExitCode::from(2);
            }
        },
        None if vars.is_empty() || vars.iter().any(|v| v == "x") => "x".to_string(),
        None => vars[0].clone(),
    };
    let d = differentiate(&f, &var);
    if !d.complete {
        eprintln!(
            "warning: the derivative grew too large (more than {} rule applications); it is reported as undefined",
            math::diff::MAX_STEPS
        );
    }
    let mut all_vars = vars.clone();
    if !all_vars.contains(&var) {
        all_vars.push(var.clone());
    }
    let names: Vec<&str> = all_vars.iter().map(String::as_str).collect();
    let (pf, pdf) = (
        Program::compile(&f, &names),
        Program::compile(&d.result, &names),
    );
    let mut values = Vec::new();
    for text in &o.at {
        let point = match parse_point(text, &var) {
            Ok(p) => p,
            Err(msg) => {
                if o.json {
                    println!("{}", json!({"error": {"message": msg, "span": null}}));
                } else {
                    eprintln!("error: {msg}");
                }
                return ExitCode::from(2);
            }
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
    let lines = explain(&d);
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
            .map(|l| json!({"rule": l.rule.name(), "depth": l.depth, "text": l.text()}))
            .collect();
        let out = json!({
            "input": to_text(&f),
            "variable": var,
            "derivative": to_text(&d.result),
            "latex": to_latex(&d.result),
            "values": values,
            "steps": steps,
        });
        println!("{out}");
        return ExitCode::SUCCESS;
    }
    if o.steps {
        println!("f({var}) = {}", to_text(&f));
        for (i, l) in lines.iter().enumerate() {
            println!("{:>3}. {}{}", i + 1, "  ".repeat(l.depth), l.text());
        }
    }
    println!(
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
        println!(
            "at {}: f = {}, f' = {}",
            at.join(", "),
            show(*fv),
            show(*dv)
        );
    }
    ExitCode::SUCCESS
}
