//! Everything the site needs to know about one typed function, computed once: the parsed f,
//! its variable, the derivation, and both compiled for fast evaluation (f′ undefined wherever
//! f is). Letters other than the variable are constants; for plotting they take the value 1.

use super::ast::Expr;
use super::diff::{differentiate, substitute, Derivation};
use super::domain::denominator_zeros;
use super::error::ParseError;
use super::eval::Program;
use super::parser::read;
use super::sample::{attach_values, exclude_points, sample, Samples};

/// Value given to the other letters (parameters) when plotting.
pub const PARAMETER_VALUE: f64 = 1.0;

#[derive(Clone, Debug)]
pub struct Study {
    pub f: Expr,
    /// The variable of differentiation and of the horizontal axis.
    pub var: String,
    /// The other letters, treated as constants.
    pub parameters: Vec<String>,
    pub derivation: Derivation,
    pub f_program: Program,
    pub df_program: Program,
    /// f with the parameters at their values (what `f_program` computes).
    pub f_fixed: Expr,
    /// The parameters' values, in the order of `parameters`.
    pub values: Vec<f64>,
}

impl Study {
    /// Parses and studies `src`.
    /// The variable is the one the student named (`d/dt …`, `f(t) = …`), if any.
    pub fn parse(src: &str) -> Result<Study, ParseError> {
        read(src).map(|r| match r.variable {
            Some(v) => Study::with_variable(r.expr, v),
            None => Study::new(r.expr),
        })
    }

    /// Studies `f` with respect to `x` when it has an `x` (or no variables), else `t`, else
    /// its first letter.
    pub fn new(f: Expr) -> Study {
        let var = default_variable(&f);
        Study::with_variable(f, var)
    }

    /// Studies `f` with respect to `var`; every other letter is a parameter.
    pub fn with_variable(f: Expr, var: String) -> Study {
        let vars = f.variables();
        let parameters: Vec<String> = vars.into_iter().filter(|v| *v != var).collect();
        let derivation = differentiate(&f, &var);
        let values: Vec<f64> = parameters.iter().map(|_| PARAMETER_VALUE).collect();
        let (f_fixed, f_program, df_program) = compile(&f, &derivation, &var, &parameters, &values);
        Study {
            f,
            var,
            parameters,
            derivation,
            f_program,
            df_program,
            f_fixed,
            values,
        }
    }

    /// The same study with its parameters at other values (in the order of `parameters`;
    /// missing ones stay at `PARAMETER_VALUE`). Only the programs are rebuilt.
    pub fn with_parameter_values(&self, values: &[f64]) -> Study {
        let values: Vec<f64> = (0..self.parameters.len())
            .map(|i| values.get(i).copied().unwrap_or(PARAMETER_VALUE))
            .collect();
        let (f_fixed, f_program, df_program) = compile(
            &self.f,
            &self.derivation,
            &self.var,
            &self.parameters,
            &values,
        );
        Study {
            f_program,
            df_program,
            f_fixed,
            values,
            ..self.clone()
        }
    }

    /// The study of f′: its function is f′ and its derivative f″, both undefined wherever f
    /// or f′ is (so f″ of `ln(x)` is not drawn for x < 0, where the formula −1/x² would
    /// still give numbers, nor where f′ jumps).
    pub fn of_derivative(&self) -> Study {
        let var = self.var.clone();
        let derivation = differentiate(&self.derivation.result, &var);
        let values = &self.values;
        let fix = |e: &Expr| {
            self.parameters
                .iter()
                .zip(values)
                .fold(e.clone(), |acc, (p, v)| substitute(&acc, p, &Expr::Num(*v)))
        };
        let df_fixed = fix(&self.derivation.result);
        // f + f′ is undefined where either is and jumps where either does.
        let guard = Expr::Add(Box::new(self.f_fixed.clone()), Box::new(df_fixed.clone()));
        let ddf_program = Program::compile_guarded(&fix(&derivation.result), &guard, &[&var]);
        Study {
            f: self.derivation.result.clone(),
            var,
            parameters: self.parameters.clone(),
            derivation,
            f_program: self.df_program.clone(),
            df_program: ddf_program,
            f_fixed: df_fixed,
            values: values.clone(),
        }
    }

    /// f sampled for a plot about `resolution` pixels wide, with an open circle at every
    /// hole a grid can step over (where a denominator is 0, as for `sin(x)/x` at 0).
    pub fn sample_f(&self, x_min: f64, x_max: f64, resolution: usize) -> Samples {
        let mut s = sample(&self.f_program, x_min, x_max, resolution);
        let holes = denominator_zeros(&self.f_fixed, &self.var, x_min, x_max);
        exclude_points(&mut s, &holes);
        attach_values(&mut s, &self.f_program, x_min, x_max);
        s
    }

    /// f′ sampled likewise, cut with an open circle wherever f breaks: no derivative exists
    /// where its function jumps or has a hole, whatever its formula says.
    pub fn sample_df(&self, x_min: f64, x_max: f64, resolution: usize) -> Samples {
        let f = self.sample_f(x_min, x_max, resolution);
        let mut s = sample(&self.df_program, x_min, x_max, resolution);
        let xs: Vec<f64> = f.breaks.iter().map(|b| b.x).collect();
        exclude_points(&mut s, &xs);
        s
    }

    /// f at one point (NaN where undefined).
    pub fn f_at(&self, x: f64) -> f64 {
        self.f_program.eval(&[x])
    }

    /// f′ at one point (NaN where undefined).
    pub fn df_at(&self, x: f64) -> f64 {
        self.df_program.eval(&[x])
    }
}

/// f and f′ compiled with each parameter replaced by its value.
fn compile(
    f: &Expr,
    derivation: &Derivation,
    var: &str,
    parameters: &[String],
    values: &[f64],
) -> (Expr, Program, Program) {
    let fix = |e: &Expr| {
        parameters
            .iter()
            .zip(values)
            .fold(e.clone(), |acc, (p, v)| substitute(&acc, p, &Expr::Num(*v)))
    };
    let (f_fixed, df_fixed) = (fix(f), fix(&derivation.result));
    let f_program = Program::compile(&f_fixed, &[var]);
    let df_program = Program::compile_guarded(&df_fixed, &f_fixed, &[var]);
    (f_fixed, f_program, df_program)
}

/// The variable a function is read in when the student did not name one: `x` if it has an
/// `x` (or no letters at all), else `t`, else its first letter.
pub fn default_variable(f: &Expr) -> String {
    let vars = f.variables();
    ["x", "t"]
        .iter()
        .find(|v| vars.iter().any(|u| u == *v))
        .map(|v| v.to_string())
        .or_else(|| vars.first().cloned())
        .unwrap_or_else(|| "x".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_variable_and_fixes_parameters() {
        let s = Study::parse("a*t^2").unwrap();
        assert_eq!(s.var, "t");
        assert_eq!(Study::parse("a*b^2").unwrap().var, "a");
        let s = Study::parse("d/dt x t^2").unwrap();
        assert_eq!(
            (s.var.as_str(), s.parameters.clone()),
            ("t", vec!["x".to_string()])
        );
        assert_eq!(Study::parse("f(u) = u^2 + x").unwrap().var, "u");
        let s = Study::parse("w*x + b").unwrap();
        assert_eq!(
            (s.var.as_str(), s.parameters.clone()),
            ("x", vec!["w".to_string(), "b".to_string()])
        );
        assert_eq!(s.f_at(2.0), 3.0);
        assert_eq!(s.df_at(2.0), 1.0);
        let s = Study::parse("ln(x)").unwrap();
        assert!(s.df_at(-1.0).is_nan());
        assert_eq!(s.df_at(0.5), 2.0);
        assert_eq!(Study::parse("7").unwrap().var, "x");
        let s = Study::parse("a x^2 + b x")
            .unwrap()
            .with_parameter_values(&[2.0, -3.0]);
        assert_eq!((s.f_at(2.0), s.df_at(2.0)), (2.0, 5.0));
        let s = s.with_parameter_values(&[0.5]);
        assert_eq!((s.f_at(2.0), s.df_at(2.0)), (4.0, 3.0));
    }
}
