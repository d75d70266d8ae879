//! Words and formulas written by us, in HTML and MathML: the one place markup is inserted as
//! markup. It takes `&'static str` only, so nothing a reader typed, put in an address or sent
//! from another page can ever reach it; everything else in Slope becomes text nodes.

use yew::prelude::*;

/// A block of our own HTML (paragraphs, lists, a `<math>` element).
pub fn prose(html: &'static str) -> Html {
    Html::from_html_unchecked(AttrValue::Static(html))
}
