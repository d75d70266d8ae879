//! The site's colours, read from styles/main.css for both themes: text at least 4.5:1 and
//! the focus ring at least 3:1 against every background they sit on (WCAG 2.2's contrast
//! minimum and its focus-appearance ratio); and every line of a graph at least 3:1 against
//! what it is drawn on (WCAG's non-text contrast), the same colours in plots and page.

use std::collections::HashMap;

/// The custom properties of the first rule whose selector is `selector`.
fn colours(css: &str, selector: &str) -> HashMap<String, String> {
    let start = css
        .find(&format!("{selector} {{"))
        .unwrap_or_else(|| panic!("no {selector} rule"));
    let body = &css[start..start + css[start..].find('}').unwrap()];
    body.lines()
        .filter_map(|l| {
            let l = l.trim().trim_end_matches(';');
            let (k, v) = l.strip_prefix("--")?.split_once(':')?;
            let v = v.trim();
            v.starts_with('#')
                .then(|| (k.trim().to_string(), v.to_string()))
        })
        .collect()
}

/// The page's colours in the light theme and in the dark one (which overrides some).
fn themes() -> (HashMap<String, String>, HashMap<String, String>) {
    let css = std::fs::read_to_string("styles/main.css").unwrap();
    let light = colours(&css, ":root");
    let mut dark = light.clone();
    dark.extend(colours(&css, ":root.dark"));
    (light, dark)
}

fn luminance(hex: &str) -> f64 {
    let h = hex.trim_start_matches('#');
    assert_eq!(h.len(), 6, "{hex}");
    let c = |i: usize| {
        let v = u8::from_str_radix(&h[i..i + 2], 16).unwrap() as f64 / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * c(0) + 0.7152 * c(2) + 0.0722 * c(4)
}

fn ratio(a: &str, b: &str) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[test]
fn text_and_the_focus_ring_stand_out_in_both_themes() {
    let (light, dark) = themes();
    assert_eq!(luminance("#ffffff"), 1.0);
    assert!((ratio("#000000", "#ffffff") - 21.0).abs() < 1e-9);
    let mut failures = Vec::new();
    for (theme, c) in [("light", &light), ("dark", &dark)] {
        let mut need = |fg: &str, bg: &str, min: f64| {
            let r = ratio(&c[fg], &c[bg]);
            if r < min {
                failures.push(format!(
                    "{theme}: --{fg} on --{bg} is {r:.2}:1, under {min}:1"
                ));
            }
        };
        for bg in ["bg", "panel"] {
            need("text", bg, 4.5);
            need("muted", bg, 4.5);
        }
        for bg in ["bg", "panel", "mark-bg", "error-bg"] {
            need("focus", bg, 3.0);
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

fn hex(c: slope::plot::theme::RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

#[test]
fn graph_lines_stand_out_in_both_themes_and_match_the_page() {
    use slope::plot::theme::Theme;
    let (light, dark) = themes();
    let mut failures = Vec::new();
    for (name, theme, page) in [
        ("light", Theme::light(1.0), &light),
        ("dark", Theme::dark(1.0), &dark),
    ] {
        let lines = [
            ("function", theme.function, "f"),
            ("derivative", theme.derivative, "df"),
            ("secant", theme.secant, "secant"),
            ("tangent", theme.tangent, "tangent"),
        ];
        for (line, colour, var) in lines {
            for (on, bg) in [("background", theme.background), ("shade", theme.shade)] {
                let r = ratio(&hex(colour), &hex(bg));
                if r < 3.0 {
                    failures.push(format!("{name}: the plot's {line} on its {on} is {r:.2}:1"));
                }
            }
            // The page draws the same lines (SVG charts, legends' swatches) in --f, --df, ….
            if page[var] != hex(colour) {
                failures.push(format!(
                    "{name}: --{var} is {} but the plot's {line} is {}",
                    page[var],
                    hex(colour)
                ));
            }
            for bg in ["bg", "panel"] {
                let r = ratio(&page[var], &page[bg]);
                if r < 3.0 {
                    failures.push(format!("{name}: --{var} on --{bg} is {r:.2}:1"));
                }
            }
        }
        let r = ratio(&hex(theme.axis), &hex(theme.background));
        if r < 3.0 {
            failures.push(format!("{name}: the axes are {r:.2}:1"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
