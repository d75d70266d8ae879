//! Embedding a page in someone else's (a course page, an LMS): the address flags that make a
//! page's embed form, the ready-to-paste snippet, and what a `slope:set` message does to an
//! address. Pure, tested natively; the shell (`shell::embed`) does the DOM side. Lessons know
//! nothing of it: a message only ever changes the address, and every page's state follows
//! its address.

use super::query::{self, parameters};

/// The flag that shows a page's embed form: only the page, no header, contents or footer.
pub const FLAG: &str = "embed";

/// Longest value a message may set: past the parser's own limit (1000 bytes), so a too-long
/// function is refused inline by the parser as a typed one is, but short enough that no
/// message can make the address unwieldy.
pub const MAX_VALUE_BYTES: usize = 10_000;

/// The colours a reader or an embedding page asks for (`theme=light|dark`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

/// Whether the query asks for the embed form.
pub fn is_embed(query: &str) -> bool {
    query::has(query, FLAG)
}

/// The theme the query asks for, if any.
pub fn theme(query: &str) -> Option<Theme> {
    match query::get(query, "theme").as_deref() {
        Some("light") => Some(Theme::Light),
        Some("dark") => Some(Theme::Dark),
        _ => None,
    }
}

/// The query without the parameters named `drop` (in the order it had).
fn without(query: &str, drop: &[&str]) -> String {
    let kept: Vec<(String, String)> = parameters(query)
        .into_iter()
        .filter(|(k, _)| !drop.contains(&k.as_str()))
        .collect();
    encode(&kept)
}

fn encode(pairs: &[(String, String)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = pairs
        .iter()
        .map(|(k, v)| {
            if k == FLAG && v.is_empty() {
                // A bare flag (`?embed`), as it is typed.
                FLAG.to_string()
            } else {
                query::to_query(&[(k.as_str(), v.clone())])[1..].to_string()
            }
        })
        .collect();
    format!("?{}", parts.join("&"))
}

/// The full page's query for an embedded one ("Open in Slope": the same state).
pub fn full_page(query: &str) -> String {
    without(query, &[FLAG])
}

/// The embed form's query for a page now at `query` (the snippet's address).
pub fn embedded(query: &str) -> String {
    let mut pairs = vec![(FLAG.to_string(), String::new())];
    pairs.extend(
        parameters(query)
            .into_iter()
            .filter(|(k, _)| k != FLAG && k != "theme"),
    );
    encode(&pairs)
}

/// The query a page writes (`next`, its own state) with the shell's flags of the address
/// it replaces (`current`: `embed`, `theme`) kept: pages know nothing of them, and an
/// embedded page that rewrites its address stays embedded.
pub fn carry(current: &str, next: &str) -> String {
    let mut pairs = parameters(next);
    if is_embed(current) && !is_embed(next) {
        pairs.insert(0, (FLAG.to_string(), String::new()));
    }
    if let (Some(t), None) = (query::get(current, "theme"), query::get(next, "theme")) {
        pairs.push(("theme".into(), t));
    }
    encode(&pairs)
}

/// Why a `slope:set` was refused as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// A parameter's name is not a name any page uses.
    BadName(String),
    /// A value is longer than `MAX_VALUE_BYTES`.
    TooLong(String),
    /// Nothing to set.
    Empty,
}

impl Refusal {
    /// What the embedding page's developer reads in the console.
    pub fn message(&self) -> String {
        match self {
            Refusal::BadName(k) => format!("no page has a parameter named \"{k}\""),
            Refusal::TooLong(k) => {
                format!("the value of {k} is longer than {MAX_VALUE_BYTES} bytes")
            }
            Refusal::Empty => "slope:set without parameters".into(),
        }
    }
}

/// The address query after a `slope:set` of `params` on a page at `current`: the given
/// parameters replace their values and the others stay (so `{f: "x^3"}` keeps x₀ and the
/// view). The embed flag and theme cannot be set this way. The values are plain text the
/// page reads as it reads a typed address, through the same parser and limits.
pub fn set(current: &str, params: &[(String, String)]) -> Result<String, Refusal> {
    if params.is_empty() {
        return Err(Refusal::Empty);
    }
    for (k, v) in params {
        let name_ok = (1..=16).contains(&k.len())
            && k.starts_with(|c: char| c.is_ascii_lowercase())
            && k.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            && k != FLAG
            && k != "theme";
        if !name_ok {
            return Err(Refusal::BadName(k.clone()));
        }
        if v.len() > MAX_VALUE_BYTES {
            return Err(Refusal::TooLong(k.clone()));
        }
    }
    let mut pairs = parameters(current);
    for (k, v) in params {
        match pairs.iter_mut().find(|(name, _)| name == k) {
            Some(pair) => pair.1.clone_from(v),
            None => pairs.push((k.clone(), v.clone())),
        }
    }
    Ok(encode(&pairs))
}

/// Text made safe inside a double-quoted HTML attribute.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The snippet a teacher pastes: an iframe of `src` with a title, lazy loading and a fixed
/// height that shows the whole widget where scripts are stripped, then the one-line resizer
/// script (`embed.js` beside the site) that sizes it to its content where they are not.
pub fn snippet(src: &str, title: &str, height: u32, resizer: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" loading=\"lazy\" \
         style=\"border:0;max-width:100%\" allow=\"clipboard-write\"></iframe>\n\
         <script src=\"{}\" async></script>",
        attribute(src),
        attribute(title),
        attribute(resizer)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_that_writes_its_address_stays_embedded() {
        assert_eq!(carry("?embed&f=x", "?f=x2&x0=1"), "?embed&f=x2&x0=1");
        assert_eq!(
            carry("?embed&theme=dark&f=x", "?f=x"),
            "?embed&f=x&theme=dark"
        );
        assert_eq!(carry("?f=x", "?f=x2"), "?f=x2");
        assert_eq!(carry("?embed", "?embed&f=x"), "?embed&f=x");
        assert_eq!(carry("", ""), "");
    }

    fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
        p.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn flags_and_their_removal() {
        assert!(is_embed("?embed&f=x^3") && is_embed("?f=x&embed=") && !is_embed("?f=x"));
        assert_eq!(theme("?embed&theme=dark"), Some(Theme::Dark));
        assert_eq!(theme("?theme=pink"), None);
        assert_eq!(full_page("?embed&f=x^3&theme=dark"), "?f=x^3&theme=dark");
        assert_eq!(full_page("?embed"), "");
        assert_eq!(embedded("?f=x^3&x0=1"), "?embed&f=x^3&x0=1");
        assert_eq!(embedded("?embed&theme=dark&f=x"), "?embed&f=x");
        assert_eq!(embedded(""), "?embed");
    }

    #[test]
    fn set_merges_and_refuses() {
        assert_eq!(
            set("?embed&f=x^2&x0=1", &pairs(&[("f", "x^3")])),
            Ok("?embed&f=x^3&x0=1".into())
        );
        assert_eq!(
            set("?embed", &pairs(&[("z", "3,1,0.1")])),
            Ok("?embed&z=3,1,0.1".into())
        );
        // Markup is only ever a value, escaped in the address.
        assert_eq!(
            set("", &pairs(&[("f", "<img src=x onerror=alert(1)>")])),
            Ok("?f=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E".into())
        );
        assert_eq!(set("?embed", &[]), Err(Refusal::Empty));
        for bad in [
            "embed",
            "theme",
            "F",
            "",
            "a b",
            "x&y",
            "<b>",
            "abcdefghijklmnopq",
        ] {
            assert_eq!(
                set("?embed", &pairs(&[(bad, "1")])),
                Err(Refusal::BadName(bad.into())),
                "{bad}"
            );
        }
        let long = "x+".repeat(5001);
        assert_eq!(
            set("?embed", &pairs(&[("f", &long)])),
            Err(Refusal::TooLong("f".into()))
        );
        // 5 000 characters pass to the page, whose parser refuses them inline.
        assert!(set("?embed", &pairs(&[("f", &"x".repeat(5000))])).is_ok());
    }

    #[test]
    fn the_snippet_is_markup_we_wrote_around_escaped_text() {
        let s = snippet(
            "https://a.b/c/index.html#/?embed&f=x\"><script>",
            "Derivative explorer — Slope",
            720,
            "https://a.b/c/embed.js",
        );
        assert!(s.starts_with(
            "<iframe src=\"https://a.b/c/index.html#/?embed&amp;f=x&quot;&gt;&lt;script&gt;\""
        ));
        assert!(s.contains("title=\"Derivative explorer — Slope\""));
        assert!(s.contains("height=\"720\"") && s.contains("loading=\"lazy\""));
        assert!(s.ends_with("<script src=\"https://a.b/c/embed.js\" async></script>"));
        assert_eq!(s.matches("<script").count(), 1);
    }
}
