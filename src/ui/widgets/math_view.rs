//! Typeset formulas as native browser MathML, built as Yew elements from the math core's
//! `Layout` tree. Every piece of text becomes a text node, so nothing typed becomes markup.

use yew::prelude::*;

use crate::math::layout::{layout, Layout};
use crate::math::{to_text, Expr};

/// `name(var) = e` as one formula, e.g. `f′(x) = 2x`.
pub fn definition(name: &str, var: &str, e: &Expr, block: bool) -> Html {
    let text = format!("{name}({var}) = {}", to_text(e));
    let spoken = format!(
        "{} of {var} equals {}",
        name.replace('′', " prime"),
        crate::math::to_speech(e)
    );
    // Typesetting thousands of operations would stall the page and help nobody read them.
    if e.op_count() > TYPESET_LIMIT {
        return html! { <code class="long-formula" tabindex="0">{ text }</code> };
    }
    math_layout(&named(name, var, layout(e)), &spoken, block)
}

/// `name(var) = body` as a layout.
pub fn named(name: &str, var: &str, body: Layout) -> Layout {
    Layout::Row(vec![
        // An identifier, not a function name: no function-application space in `f(x)`.
        Layout::Ident(name.to_string()),
        Layout::Paren(Box::new(Layout::Ident(var.to_string()))),
        Layout::Op("=".into()),
        body,
    ])
}

/// Largest formula (in operations) typeset as MathML; longer ones are shown as text.
pub const TYPESET_LIMIT: usize = 300;

/// A `<math>` element for a layout, with `alt` text (its spoken form where we have one) for
/// assistive technology that does not read MathML itself.
pub fn math_layout(l: &Layout, alt: &str, block: bool) -> Html {
    let display = if block { "block" } else { "inline" };
    html! {
        <math display={display} alttext={alt.to_string()}>{ node(l) }</math>
    }
}

fn wrap(tag: &'static str, children: Vec<Html>) -> Html {
    html! { <@{tag}>{ for children.into_iter().map(|c| html! { <mrow>{ c }</mrow> }) }</@> }
}

fn fenced(open: &'static str, close: &'static str, inner: &Layout) -> Html {
    html! {
        <mrow><mo fence="true">{ open }</mo>{ node(inner) }<mo fence="true">{ close }</mo></mrow>
    }
}

fn node(l: &Layout) -> Html {
    match l {
        Layout::Row(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                out.push(node(item));
                let is_function = matches!(item, Layout::Func(_))
                    || matches!(item, Layout::Sup(b, _) | Layout::Sub(b, _) if matches!(**b, Layout::Func(_)));
                if is_function && matches!(items.get(i + 1), Some(Layout::Paren(_))) {
                    out.push(html! { <mo>{ "\u{2061}" }</mo> });
                }
            }
            html! { <mrow>{ for out }</mrow> }
        }
        Layout::Num(n) => html! { <mn>{ n.clone() }</mn> },
        Layout::Ident(s) | Layout::Func(s) => html! { <mi>{ s.clone() }</mi> },
        Layout::Op(o) => html! { <mo>{ o.clone() }</mo> },
        Layout::Text(t) => html! { <mtext>{ t.clone() }</mtext> },
        Layout::Frac(a, b) => wrap("mfrac", vec![node(a), node(b)]),
        Layout::Sup(a, b) => wrap("msup", vec![node(a), node(b)]),
        Layout::Sub(a, b) => wrap("msub", vec![node(a), node(b)]),
        Layout::Sqrt(a) => wrap("msqrt", vec![node(a)]),
        Layout::Paren(a) => fenced("(", ")", a),
        Layout::Root(a, n) => wrap("mroot", vec![node(a), node(n)]),
        Layout::Fence(f, a) => {
            let (open, close) = f.chars();
            fenced(open, close, a)
        }
        Layout::Mark(a) => html! { <mrow class="mark">{ node(a) }</mrow> },
    }
}
