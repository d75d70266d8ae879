//! Typeset output. An expression is first laid out as a small box tree (`Layout`: rows,
//! fractions, superscripts, roots, fences); LaTeX and MathML are two serialisations of that
//! one tree. MathML is built element by element and every text node is escaped, so nothing a
//! user typed can become markup.

use super::ast::{Constant, Expr};
use super::func::Func;
use super::print::{continues_product, format_number, is_negative, prec};

#[derive(Clone, Debug, PartialEq)]
pub enum Layout {
    Row(Vec<Layout>),
    Num(String),
    /// A variable or constant name.
    Ident(String),
    /// A function name, followed by its (fenced) argument.
    Func(String),
    Op(String),
    /// Plain words inside a formula (used by step explanations).
    Text(String),
    Frac(Box<Layout>, Box<Layout>),
    Sup(Box<Layout>, Box<Layout>),
    Sub(Box<Layout>, Box<Layout>),
    Sqrt(Box<Layout>),
    /// An n-th root with its index: `∛u` is `Root(u, 3)`.
    Root(Box<Layout>, Box<Layout>),
    Paren(Box<Layout>),
    /// Brackets that mean a function: `|u|`, `⌊u⌋`, `⌈u⌉`.
    Fence(Fence, Box<Layout>),
    /// A part a page highlights (see `layout_marked`); typeset like its content.
    Mark(Box<Layout>),
}

/// The brackets a [`Layout::Fence`] draws.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Fence {
    Abs,
    Floor,
    Ceil,
}

impl Fence {
    /// The opening and closing characters.
    pub fn chars(self) -> (&'static str, &'static str) {
        match self {
            Fence::Abs => ("|", "|"),
            Fence::Floor => ("⌊", "⌋"),
            Fence::Ceil => ("⌈", "⌉"),
        }
    }

    fn latex(self) -> (&'static str, &'static str) {
        match self {
            Fence::Abs => ("\\left|", "\\right|"),
            Fence::Floor => ("\\left\\lfloor ", "\\right\\rfloor "),
            Fence::Ceil => ("\\left\\lceil ", "\\right\\rceil "),
        }
    }
}

impl Layout {
    fn op(s: &str) -> Layout {
        Layout::Op(s.into())
    }
}

/// Lays out an expression.
pub fn layout(e: &Expr) -> Layout {
    lay(e, None)
}

/// Lays out an expression with one of its sub-expressions (by address, not by value: the
/// same `x` twice is two places) marked, for a page to highlight.
pub fn layout_marked(e: &Expr, mark: &Expr) -> Layout {
    lay(e, Some(mark))
}

fn lay(e: &Expr, m: Option<&Expr>) -> Layout {
    let l = lay_unmarked(e, m);
    if m.is_some_and(|m| std::ptr::eq(m, e)) {
        Layout::Mark(Box::new(l))
    } else {
        l
    }
}

fn lay_unmarked(e: &Expr, m: Option<&Expr>) -> Layout {
    match e {
        Expr::Num(x) if x.is_nan() => Layout::Text("undefined".into()),
        Expr::Num(x) if x.is_infinite() => Layout::Num(if *x > 0.0 { "∞" } else { "−∞" }.into()),
        Expr::Num(x) if *x < 0.0 => {
            Layout::Row(vec![Layout::op("−"), Layout::Num(format_number(-x))])
        }
        Expr::Num(x) => Layout::Num(format_number(*x)),
        Expr::Const(Constant::Pi) => Layout::Ident("π".into()),
        Expr::Const(Constant::E) => Layout::Ident("e".into()),
        Expr::Var(v) => Layout::Ident(v.clone()),
        Expr::Neg(a) => Layout::Row(vec![Layout::op("−"), operand(a, 2, true, m)]),
        Expr::Add(a, b) => Layout::Row(vec![
            operand(a, 1, false, m),
            Layout::op("+"),
            operand(b, 2, true, m),
        ]),
        Expr::Sub(a, b) => Layout::Row(vec![
            operand(a, 1, false, m),
            Layout::op("−"),
            operand(b, 2, true, m),
        ]),
        Expr::Mul(a, b) => {
            let left = operand(a, 2, false, m);
            // `2σ(u)(1 − σ(u))`: a product on the right continues this one, as in the text.
            let right_prec = if continues_product(b) { 2 } else { 3 };
            let right = operand(b, right_prec, true, m);
            // A visible dot only where two numbers would otherwise run together.
            let dot = starts_with_number(&right)
                || matches!(**a, Expr::Div(..)) && matches!(**b, Expr::Div(..));
            let sep = if dot {
                Layout::op("·")
            } else {
                Layout::op("\u{2062}")
            };
            Layout::Row(vec![left, sep, right])
        }
        Expr::Div(a, b) => Layout::Frac(Box::new(lay(a, m)), Box::new(lay(b, m))),
        Expr::Pow(base, exp) => {
            if let Expr::Call(f, args) = &**base {
                if args.len() == 1
                    && is_trig_like(*f)
                    && matches!(**exp, Expr::Num(n) if n > 0.0 && n.fract() == 0.0)
                {
                    let row = Layout::Row(vec![
                        Layout::Sup(Box::new(func_name(*f)), Box::new(lay(exp, m))),
                        Layout::Paren(Box::new(lay(&args[0], m))),
                    ]);
                    // `sin(x)` has no box of its own in `sin²(x)`: mark all of it.
                    return if m.is_some_and(|m| std::ptr::eq(m, &**base)) {
                        Layout::Mark(Box::new(row))
                    } else {
                        row
                    };
                }
            }
            Layout::Sup(Box::new(operand(base, 5, true, m)), Box::new(lay(exp, m)))
        }
        Expr::Call(f, args) => call(*f, args, m),
    }
}

fn is_trig_like(f: Func) -> bool {
    matches!(
        f,
        Func::Sin
            | Func::Cos
            | Func::Tan
            | Func::Cot
            | Func::Sec
            | Func::Csc
            | Func::Sinh
            | Func::Cosh
            | Func::Tanh
            | Func::Coth
            | Func::Sech
            | Func::Csch
    )
}

fn starts_with_number(l: &Layout) -> bool {
    match l {
        Layout::Num(_) => true,
        Layout::Row(v) => v.first().is_some_and(starts_with_number),
        Layout::Sup(b, _) | Layout::Mark(b) => starts_with_number(b),
        _ => false,
    }
}

fn operand(e: &Expr, min_prec: u8, right: bool, m: Option<&Expr>) -> Layout {
    let fence = prec(e) < min_prec || (right && is_negative(e));
    // Fractions are self-delimiting: no parentheses around a fraction inside a product.
    if fence && (min_prec > 4 || !matches!(e, Expr::Div(..))) {
        Layout::Paren(Box::new(lay(e, m)))
    } else {
        lay(e, m)
    }
}

fn func_name(f: Func) -> Layout {
    Layout::Func(
        match f {
            Func::Sigmoid => "σ",
            Func::Relu => "ReLU",
            Func::LeakyRelu => "LeakyReLU",
            Func::Asin => "arcsin",
            Func::Acos => "arccos",
            Func::Atan => "arctan",
            Func::Acot => "arccot",
            Func::Asec => "arcsec",
            Func::Acsc => "arccsc",
            Func::Asinh => "arsinh",
            Func::Acosh => "arcosh",
            Func::Atanh => "artanh",
            Func::Acoth => "arcoth",
            Func::Asech => "arsech",
            Func::Acsch => "arcsch",
            Func::Sign => "sgn",
            other => other.name(),
        }
        .into(),
    )
}

fn call(f: Func, args: &[Expr], m: Option<&Expr>) -> Layout {
    let arg = |i: usize| {
        args.get(i)
            .map(|a| lay(a, m))
            .unwrap_or(Layout::Row(vec![]))
    };
    match f {
        Func::Sqrt => Layout::Sqrt(Box::new(arg(0))),
        Func::Abs => Layout::Fence(Fence::Abs, Box::new(arg(0))),
        Func::Floor => Layout::Fence(Fence::Floor, Box::new(arg(0))),
        Func::Ceil => Layout::Fence(Fence::Ceil, Box::new(arg(0))),
        Func::Cbrt => Layout::Root(Box::new(arg(0)), Box::new(Layout::Num("3".into()))),
        Func::Exp => Layout::Sup(Box::new(Layout::Ident("e".into())), Box::new(arg(0))),
        Func::Log if args.len() == 2 => Layout::Row(vec![
            Layout::Sub(Box::new(Layout::Func("log".into())), Box::new(arg(1))),
            Layout::Paren(Box::new(arg(0))),
        ]),
        Func::Log10 | Func::Log2 => Layout::Row(vec![
            Layout::Sub(
                Box::new(Layout::Func("log".into())),
                Box::new(Layout::Num(
                    if f == Func::Log10 { "10" } else { "2" }.into(),
                )),
            ),
            Layout::Paren(Box::new(arg(0))),
        ]),
        _ => {
            let mut inner = Vec::new();
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    inner.push(Layout::op(","));
                }
                inner.push(lay(a, m));
            }
            Layout::Row(vec![
                func_name(f),
                Layout::Paren(Box::new(Layout::Row(inner))),
            ])
        }
    }
}

/// LaTeX for an expression.
pub fn to_latex(e: &Expr) -> String {
    let mut out = String::new();
    latex(&layout(e), &mut out);
    out
}

fn latex_escape(s: &str) -> String {
    s.replace('\\', "\\backslash ")
        .replace('_', "\\_")
        .replace('{', "\\{")
        .replace('}', "\\}")
}

/// Serialises a layout as LaTeX.
pub fn latex(l: &Layout, out: &mut String) {
    match l {
        Layout::Row(items) => items.iter().for_each(|i| latex(i, out)),
        Layout::Mark(a) => latex(a, out),
        Layout::Num(n) => out.push_str(n),
        Layout::Ident(s) if s == "π" => out.push_str("\\pi "),
        Layout::Ident(s) if s.chars().count() == 1 => out.push_str(&latex_escape(s)),
        Layout::Ident(s) => {
            out.push_str("\\mathrm{");
            out.push_str(&latex_escape(s));
            out.push('}');
        }
        Layout::Func(name) => match name.as_str() {
            "sin" | "cos" | "tan" | "cot" | "sec" | "csc" | "sinh" | "cosh" | "tanh" | "ln"
            | "log" | "exp" | "arcsin" | "arccos" | "arctan" => {
                out.push('\\');
                out.push_str(name);
                out.push(' ');
            }
            "σ" => out.push_str("\\sigma "),
            other => {
                out.push_str("\\operatorname{");
                out.push_str(&latex_escape(other));
                out.push('}');
            }
        },
        // A sign that opens a group (`-x`, `e^{-x}`) is unary: no space before it.
        Layout::Op(o) if o == "−" && (out.is_empty() || out.ends_with(['{', '(', '['])) => {
            out.push('-')
        }
        Layout::Op(o) => out.push_str(match o.as_str() {
            "−" => " - ",
            "+" => " + ",
            "·" => " \\cdot ",
            "\u{2062}" => " ",
            "=" => " = ",
            other => other,
        }),
        Layout::Text(t) => {
            out.push_str("\\text{");
            out.push_str(&latex_escape(t));
            out.push('}');
        }
        Layout::Frac(a, b) => {
            out.push_str("\\frac{");
            latex(a, out);
            out.push_str("}{");
            latex(b, out);
            out.push('}');
        }
        // `\sin^{2}`: a function name takes its power directly, as in every textbook.
        Layout::Sup(a, b) if matches!(**a, Layout::Func(_)) => {
            latex(a, out);
            out.push_str("^{");
            latex(b, out);
            out.push('}');
        }
        Layout::Sup(a, b) => {
            out.push('{');
            latex(a, out);
            out.push_str("}^{");
            latex(b, out);
            out.push('}');
        }
        Layout::Sub(a, b) => {
            out.push('{');
            latex(a, out);
            out.push_str("}_{");
            latex(b, out);
            out.push('}');
        }
        Layout::Sqrt(a) => {
            out.push_str("\\sqrt{");
            latex(a, out);
            out.push('}');
        }
        Layout::Paren(a) => {
            out.push_str("\\left(");
            latex(a, out);
            out.push_str("\\right)");
        }
        Layout::Root(a, n) => {
            out.push_str("\\sqrt[");
            latex(n, out);
            out.push_str("]{");
            latex(a, out);
            out.push('}');
        }
        Layout::Fence(f, a) => {
            let (open, close) = f.latex();
            out.push_str(open);
            latex(a, out);
            out.push_str(close);
        }
    }
}

/// Escapes text for use inside an XML/HTML element or attribute.
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn element(tag: &str, text: &str, out: &mut String) {
    out.push('<');
    out.push_str(tag);
    out.push('>');
    out.push_str(&escape_xml(text));
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

fn wrapped(tag: &str, children: &[&Layout], out: &mut String) {
    out.push('<');
    out.push_str(tag);
    out.push('>');
    for c in children {
        out.push_str("<mrow>");
        mathml(c, out);
        out.push_str("</mrow>");
    }
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

/// Serialises a layout as presentation MathML (without the `<math>` wrapper).
pub fn mathml(l: &Layout, out: &mut String) {
    match l {
        Layout::Row(items) => {
            out.push_str("<mrow>");
            for (i, item) in items.iter().enumerate() {
                mathml(item, out);
                if (matches!(item, Layout::Func(_)) || is_func_sup(item))
                    && matches!(items.get(i + 1), Some(Layout::Paren(_)))
                {
                    out.push_str("<mo>&#x2061;</mo>");
                }
            }
            out.push_str("</mrow>");
        }
        Layout::Mark(a) => mathml(a, out),
        Layout::Num(n) => element("mn", n, out),
        Layout::Ident(s) => element("mi", s, out),
        Layout::Func(s) => element("mi", s, out),
        Layout::Op(o) if o == "\u{2062}" => out.push_str("<mo>&#x2062;</mo>"),
        Layout::Op(o) => element("mo", o, out),
        Layout::Text(t) => element("mtext", t, out),
        Layout::Frac(a, b) => wrapped("mfrac", &[a, b], out),
        Layout::Sup(a, b) => wrapped("msup", &[a, b], out),
        Layout::Sub(a, b) => wrapped("msub", &[a, b], out),
        Layout::Sqrt(a) => wrapped("msqrt", &[a], out),
        Layout::Paren(a) => fenced("(", ")", a, out),
        Layout::Root(a, n) => wrapped("mroot", &[a, n], out),
        Layout::Fence(f, a) => {
            let (open, close) = f.chars();
            fenced(open, close, a, out)
        }
    }
}

fn is_func_sup(l: &Layout) -> bool {
    matches!(l, Layout::Sup(b, _) if matches!(**b, Layout::Func(_)))
        || matches!(l, Layout::Sub(b, _) if matches!(**b, Layout::Func(_)))
}

fn fenced(open: &str, close: &str, inner: &Layout, out: &mut String) {
    out.push_str("<mrow><mo fence=\"true\">");
    out.push_str(open);
    out.push_str("</mo>");
    mathml(inner, out);
    out.push_str("<mo fence=\"true\">");
    out.push_str(close);
    out.push_str("</mo></mrow>");
}

/// A complete `<math>` element for an expression.
pub fn to_mathml(e: &Expr) -> String {
    math_element(&layout(e))
}

/// Wraps a layout in a `<math>` element.
pub fn math_element(l: &Layout) -> String {
    let mut out = String::from("<math xmlns=\"http://www.w3.org/1998/Math/MathML\">");
    mathml(l, &mut out);
    out.push_str("</math>");
    out
}
