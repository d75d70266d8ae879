//! The layering invariants from ARCHITECTURE.md, checked by reading the source tree. The math
//! core is its own crate without dependencies, so the compiler already keeps it pure; this
//! test checks the rest: `plot` knows nothing of Yew or the UI, widgets know no lesson and no
//! shell, and a lesson never uses another lesson. Paths are read as Rust paths (comments and
//! strings removed, `use a::{b, c::d}` trees expanded, `super::` resolved), so
//! `use crate::{ui, …}` or `gloo_timers::` cannot slip past.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The source without comments, string and char literals (each replaced by a space).
fn strip(src: &str) -> String {
    let b: Vec<char> = src.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < b.len() && !(b[i] == '*' && b[i + 1] == '/') {
                i += 1;
            }
            i += 2;
            out.push(' ');
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && !prev_is_ident(&b, i) {
            // Raw string r"…" or r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while j < b.len() && b[j] == '#' {
                hashes += 1;
                j += 1;
            }
            if j < b.len() && b[j] == '"' {
                j += 1;
                loop {
                    if j >= b.len() {
                        break;
                    }
                    if b[j] == '"'
                        && b[j + 1..]
                            .iter()
                            .take(hashes)
                            .filter(|c| **c == '#')
                            .count()
                            == hashes
                    {
                        j += 1 + hashes;
                        break;
                    }
                    j += 1;
                }
                i = j;
                out.push(' ');
            } else {
                out.push(c);
                i += 1;
            }
        } else if c == '"' {
            i += 1;
            while i < b.len() && b[i] != '"' {
                if b[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push(' ');
        } else if c == '\'' && b.get(i + 2) == Some(&'\'') {
            i += 3;
            out.push(' ');
        } else if c == '\'' && next == Some('\\') {
            i += 2;
            while i < b.len() && b[i] != '\'' {
                i += 1;
            }
            i += 1;
            out.push(' ');
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn prev_is_ident(b: &[char], i: usize) -> bool {
    i > 0 && (b[i - 1].is_alphanumeric() || b[i - 1] == '_')
}

/// Expands a use tree (`a::{b, c::{d, e}}`) into full paths.
fn expand(prefix: &str, tree: &str, out: &mut Vec<String>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let head = tree[..open].trim().trim_end_matches("::");
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let base = join(prefix, head);
        let mut depth = 0;
        let mut start = 0;
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand(&base, &inner[start..i], out);
                    start = i + 1;
                }
                _ => {}
            }
        }
        expand(&base, &inner[start..], out);
    } else if !tree.is_empty() {
        let name = tree.split(" as ").next().unwrap().trim();
        out.push(join(prefix, name));
    }
}

fn join(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ => format!("{a}::{b}"),
    }
}

/// Every path a file names: `use` trees expanded, plus `a::b` paths in the code; `self::` and
/// `super::` are resolved against the file's module path (`crate::ui::lessons::explorer`).
fn paths(code: &str, module: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("use ") {
        let before_ok = i == 0 || !rest[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_');
        let end = rest[i..].find(';').map(|e| i + e).unwrap_or(rest.len());
        if before_ok {
            expand("", &rest[i + 4..end], &mut out);
        }
        rest = &rest[(i + 4).min(rest.len())..];
    }
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if (chars[i].is_alphabetic() || chars[i] == '_') && !prev_is_ident(&chars, i) {
            let mut j = i;
            let mut path = String::new();
            loop {
                let s = j;
                while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '_') {
                    j += 1;
                }
                path.extend(&chars[s..j]);
                if chars.get(j) == Some(&':') && chars.get(j + 1) == Some(&':') {
                    let k = j + 2;
                    if chars.get(k).is_some_and(|c| c.is_alphabetic() || *c == '_') {
                        path.push_str("::");
                        j = k;
                        continue;
                    }
                }
                break;
            }
            if path.contains("::") {
                out.push(path);
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out.into_iter()
        .map(|p| {
            let mut segments: Vec<&str> = module.split("::").collect();
            let mut parts = p.split("::").peekable();
            let mut resolved = false;
            while let Some(&s) = parts.peek() {
                match s {
                    "super" => {
                        segments.pop();
                        resolved = true;
                    }
                    "self" => resolved = true,
                    _ => break,
                }
                parts.next();
            }
            if resolved {
                let rest: Vec<&str> = parts.collect();
                format!("{}::{}", segments.join("::"), rest.join("::"))
            } else {
                p
            }
        })
        .collect()
}

/// The module path of a source file: `src/ui/lessons/explorer/page.rs` →
/// `crate::ui::lessons::explorer::page`.
fn module_of(file: &Path) -> String {
    let rel = file
        .strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
        .unwrap();
    let mut parts: Vec<String> = rel
        .with_extension("")
        .iter()
        .map(|s| s.to_string_lossy().to_string())
        .collect();
    if parts.last().is_some_and(|l| l == "mod") {
        parts.pop();
    }
    format!("crate::{}", parts.join("::"))
}

/// Every (file, path) under `dir`.
fn references(dir: &str) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut files);
    assert!(!files.is_empty(), "no sources under {dir}");
    let mut out = Vec::new();
    for file in files {
        let code = strip(&std::fs::read_to_string(&file).unwrap());
        let module = module_of(&file);
        for p in paths(&code, &module) {
            out.push((file.clone(), p));
        }
    }
    out
}

fn starts(path: &str, prefix: &str) -> bool {
    path == prefix || path.starts_with(&format!("{prefix}::"))
}

#[test]
fn the_path_reader_sees_through_use_trees_and_relative_paths() {
    let code = strip(
        "use crate::{ui, plot::{a, b::c}};\n// yew::x\nlet s = \"gloo::y\"; gloo_timers::z(); use super::super::typing::T;",
    );
    let p = paths(&code, "crate::ui::lessons::explorer::page");
    for want in [
        "crate::ui",
        "crate::plot::a",
        "crate::plot::b::c",
        "gloo_timers::z",
        "crate::ui::lessons::typing::T",
    ] {
        assert!(p.iter().any(|x| x == want), "{want} in {p:?}");
    }
    assert!(
        !p.iter()
            .any(|x| x.starts_with("yew") || x.starts_with("gloo::")),
        "{p:?}"
    );
}

#[test]
fn math_is_its_own_crate_without_dependencies() {
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("math/Cargo.toml"))
            .unwrap();
    assert!(
        !manifest.contains("[dependencies]"),
        "the math core depends on nothing"
    );
    assert!(!Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/math")
        .exists());
}

#[test]
fn plot_knows_nothing_of_yew_or_the_ui() {
    for (file, p) in references("src/plot") {
        let first = p.split("::").next().unwrap();
        assert!(
            !(first == "yew" || first.starts_with("gloo") || starts(&p, "crate::ui")),
            "{}: {p}",
            file.display()
        );
    }
}

/// The neural-network numbers are pure: no browser, no plots, no UI.
#[test]
fn learn_knows_nothing_of_the_browser_plots_or_ui() {
    for (file, p) in references("src/learn") {
        let first = p.split("::").next().unwrap();
        assert!(
            !(["yew", "web_sys", "js_sys", "wasm_bindgen"].contains(&first)
                || first.starts_with("gloo")
                || starts(&p, "crate::ui")
                || starts(&p, "crate::plot")),
            "{}: {p}",
            file.display()
        );
    }
}

#[test]
fn widgets_know_no_lesson_and_no_shell() {
    for (file, p) in references("src/ui/widgets") {
        assert!(
            !(starts(&p, "crate::ui::lessons") || starts(&p, "crate::ui::shell")),
            "{}: {p}",
            file.display()
        );
    }
}

#[test]
fn lessons_never_use_each_other_or_the_shell() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui/lessons");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let lesson = entry.unwrap().path();
        if !lesson.is_dir() {
            continue;
        }
        let name = lesson.file_name().unwrap().to_string_lossy().to_string();
        for (file, p) in references(&format!("src/ui/lessons/{name}")) {
            let other_lesson = starts(&p, "crate::ui::lessons")
                && !starts(&p, &format!("crate::ui::lessons::{name}"));
            assert!(
                !(other_lesson || starts(&p, "crate::ui::shell")),
                "{}: {p}",
                file.display()
            );
        }
    }
}
