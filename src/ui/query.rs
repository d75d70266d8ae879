//! Reading a page address's query string (`?f=x^2+1&x0=pi/4`) as a person typed it. Pure
//! Rust, so it is tested natively. Addresses are typed by hand and pasted from chats: a bare
//! `+` there means plus (a function never needs a space), so unlike HTML forms we do not read
//! it as a space. Everything read here is untrusted text for the parser, never markup.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// What a value keeps readable in an address: letters, digits and `- . _ ~ ( ) * / ^ ,`.
/// Everything else is escaped, `+`, `&`, `=`, `#`, `%` and spaces included.
const VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'(')
    .remove(b')')
    .remove(b'*')
    .remove(b'/')
    .remove(b'^')
    .remove(b',');

/// A query string (with its `?`) for the parameters; `parameters` reads it back exactly.
pub fn to_query(pairs: &[(&str, String)]) -> String {
    let body: Vec<String> = pairs
        .iter()
        .map(|(k, v)| {
            format!(
                "{}={}",
                utf8_percent_encode(k, VALUE),
                utf8_percent_encode(v, VALUE)
            )
        })
        .collect();
    format!("?{}", body.join("&"))
}

/// The query's parameters in order, decoded. A leading `?` is ignored; a parameter without
/// `=` has an empty value; invalid UTF-8 after decoding is replaced, never trusted.
pub fn parameters(query: &str) -> Vec<(String, String)> {
    query
        .strip_prefix('?')
        .unwrap_or(query)
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// The first value of parameter `name`, if present.
pub fn get(query: &str, name: &str) -> Option<String> {
    parameters(query)
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

/// Whether the query has the parameter `name` (with or without a value).
pub fn has(query: &str, name: &str) -> bool {
    parameters(query).iter().any(|(k, _)| k == name)
}

fn decode(s: &str) -> String {
    percent_decode_str(s).decode_utf8_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_plus_is_plus() {
        assert_eq!(get("?f=x^2+1", "f").as_deref(), Some("x^2+1"));
        assert_eq!(
            get("?f=e^x+sin(x)&x0=1", "f").as_deref(),
            Some("e^x+sin(x)")
        );
        // What the share link writes: `+` encoded, spaces encoded.
        assert_eq!(get("?f=x%5E2%2B1", "f").as_deref(), Some("x^2+1"));
        assert_eq!(get("?f=sin%20x", "f").as_deref(), Some("sin x"));
    }

    #[test]
    fn written_queries_read_back() {
        let f = "sin x + 1/2 & √x=|x| # 100% e^(2x)";
        let q = to_query(&[("f", f.to_string()), ("x0", "pi/4".into())]);
        assert_eq!(get(&q, "f").as_deref(), Some(f));
        assert_eq!(get(&q, "x0").as_deref(), Some("pi/4"));
        assert!(!q.contains(' ') && !q[1..].contains('+') && !q.contains('#'));
        assert_eq!(to_query(&[("f", "x^2+1".into())]), "?f=x^2%2B1");
    }

    #[test]
    fn hand_typed_addresses() {
        let q = "?f=x^2&xmin=-5&xmax=5&x0=pi/4&bench";
        assert_eq!(get(q, "x0").as_deref(), Some("pi/4"));
        assert_eq!(get(q, "xmin").as_deref(), Some("-5"));
        assert!(has(q, "bench"));
        assert!(!has(q, "embed"));
        assert_eq!(get(q, "missing"), None);
        assert_eq!(get("f=x", "f").as_deref(), Some("x"));
        assert_eq!(get("?f=", "f").as_deref(), Some(""));
        // The first of a repeated parameter wins; a broken escape is kept as typed.
        assert_eq!(get("?f=x&f=y", "f").as_deref(), Some("x"));
        assert_eq!(get("?f=100%", "f").as_deref(), Some("100%"));
        assert_eq!(get("?f=%E2%88%9Ax", "f").as_deref(), Some("√x"));
        assert_eq!(get("?f=%FF", "f").as_deref(), Some("\u{FFFD}"));
        assert_eq!(get("?f=a=b", "f").as_deref(), Some("a=b"));
    }
}
