//! The layering invariants from ARCHITECTURE.md. The math core is a crate without
//! dependencies (its manifest is read); inside the UI crate the sources are read with `syn`:
//! `plot` knows nothing of Yew or the UI, `learn` nothing of the browser, the plots or the UI,
//! widgets know no lesson and no shell, and a lesson never uses another lesson. Paths are
//! read as Rust paths (`use a::{b, c::d}` trees expanded, macros' tokens, `super::`
//! resolved), so `use crate::{ui, …}` or `gloo_timers::` cannot slip past.
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

/// Every path a file names, read by `syn`: `use` trees expanded, paths in the code, and
/// `a::b` token runs inside macros (`html! { <crate::ui::widgets::X /> }`); `self::` and
/// `super::` are resolved against the file's module path (`crate::ui::lessons::explorer`).
fn paths(code: &str, module: &str) -> Vec<String> {
    struct Paths(Vec<String>);
    fn tree(prefix: &str, t: &syn::UseTree, out: &mut Vec<String>) {
        let join = |name: &str| match prefix {
            "" => name.to_string(),
            _ => format!("{prefix}::{name}"),
        };
        match t {
            syn::UseTree::Path(p) => tree(&join(&p.ident.to_string()), &p.tree, out),
            syn::UseTree::Name(n) => out.push(join(&n.ident.to_string())),
            syn::UseTree::Rename(r) => out.push(join(&r.ident.to_string())),
            syn::UseTree::Glob(_) => out.push(prefix.to_string()),
            syn::UseTree::Group(g) => g.items.iter().for_each(|t| tree(prefix, t, out)),
        }
    }
    fn tokens(ts: proc_macro2::TokenStream, out: &mut Vec<String>) {
        let mut run: Vec<String> = Vec::new();
        let mut colons = 0;
        fn end(run: &mut Vec<String>, out: &mut Vec<String>) {
            if run.len() > 1 {
                out.push(run.join("::"));
            }
            run.clear();
        }
        for t in ts {
            match t {
                proc_macro2::TokenTree::Ident(i) if colons == 2 || run.is_empty() => {
                    run.push(i.to_string());
                    colons = 0;
                }
                proc_macro2::TokenTree::Punct(p) if p.as_char() == ':' && !run.is_empty() => {
                    colons += 1
                }
                proc_macro2::TokenTree::Group(g) => {
                    end(&mut run, out);
                    tokens(g.stream(), out)
                }
                other => {
                    end(&mut run, out);
                    colons = 0;
                    if let proc_macro2::TokenTree::Ident(i) = other {
                        run.push(i.to_string());
                    }
                }
            }
        }
        end(&mut run, out);
    }
    impl<'a> syn::visit::Visit<'a> for Paths {
        fn visit_item_use(&mut self, u: &'a syn::ItemUse) {
            tree("", &u.tree, &mut self.0);
        }
        fn visit_path(&mut self, p: &'a syn::Path) {
            let names: Vec<String> = p.segments.iter().map(|s| s.ident.to_string()).collect();
            if names.len() > 1 {
                self.0.push(names.join("::"));
            }
            syn::visit::visit_path(self, p);
        }
        fn visit_macro(&mut self, m: &'a syn::Macro) {
            self.visit_path(&m.path);
            tokens(m.tokens.clone(), &mut self.0);
        }
    }
    let file = syn::parse_file(code).expect("the file parses");
    let mut found = Paths(Vec::new());
    syn::visit::Visit::visit_file(&mut found, &file);
    found
        .0
        .into_iter()
        .map(|p| {
            let mut segments: Vec<&str> = module.split("::").collect();
            let mut parts = p.split("::").peekable();
            let mut relative = false;
            while let Some(&s) = parts.peek().filter(|s| ["super", "self"].contains(*s)) {
                if s == "super" {
                    segments.pop();
                }
                relative = true;
                parts.next();
            }
            match relative {
                true => format!(
                    "{}::{}",
                    segments.join("::"),
                    parts.collect::<Vec<_>>().join("::")
                ),
                false => p,
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
        let code = std::fs::read_to_string(&file).unwrap();
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
fn the_path_reader_sees_through_use_trees_macros_and_relative_paths() {
    let code = "use crate::{ui, plot::{a, b::c}};\n// yew::x\nfn f() { let s = \"gloo::y\"; \
        gloo_timers::z(); html! { <crate::ui::widgets::W /> } }\nuse super::super::typing::T;";
    let p = paths(code, "crate::ui::lessons::explorer::page");
    for want in [
        "crate::ui",
        "crate::plot::a",
        "crate::plot::b::c",
        "gloo_timers::z",
        "crate::ui::widgets::W",
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

/// The crates a manifest depends on: the keys of its `[dependencies]` and
/// `[target.'…'.dependencies]` tables, inline (`name = …`) or as their own tables
/// (`[dependencies.name]`). Dev- and build-dependencies are not the library's.
fn dependencies(manifest: &str) -> Vec<String> {
    let mut table = String::new();
    let mut out = Vec::new();
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            table = line.trim_matches(|c| c == '[' || c == ']').to_string();
            // `[dependencies.name]` / `[target.'cfg(…)'.dependencies.name]`
            if let Some((head, name)) = table.rsplit_once("dependencies.") {
                if head.is_empty() || head.ends_with('.') {
                    out.push(name.trim_matches('"').to_string());
                }
            }
            continue;
        }
        let in_deps = table == "dependencies"
            || (table.starts_with("target.") && table.ends_with(".dependencies"));
        if in_deps && !line.is_empty() && !line.starts_with('#') {
            if let Some((name, _)) = line.split_once('=') {
                out.push(name.trim().trim_matches('"').to_string());
            }
        }
    }
    out
}

fn manifest_of(krate: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(krate)
            .join("Cargo.toml"),
    )
    .unwrap()
}

#[test]
fn the_manifest_reader_sees_every_kind_of_dependency_table() {
    let manifest = "[package]\nname = \"x\"\n[dependencies]\na = \"1\"\n# b = 1\n\
        [dev-dependencies]\nc = \"1\"\n[target.'cfg(unix)'.dependencies]\nd = { version = \"1\" }\n\
        [dependencies.e]\nversion = \"1\"\n[target.'cfg(unix)'.dependencies.f]\nversion = \"1\"\n\
        [target.'cfg(unix)'.dev-dependencies]\ng = \"1\"\n";
    assert_eq!(dependencies(manifest), ["a", "d", "e", "f"]);
}

/// The math core is a crate without dependencies, so the compiler keeps it pure.
#[test]
fn math_is_its_own_crate_without_dependencies() {
    let deps = dependencies(&manifest_of("math"));
    assert!(deps.is_empty(), "math/ depends on {deps:?}");
    assert!(!Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/math")
        .exists());
}

/// The plots and the neural-network numbers are modules of the UI crate: as crates they
/// cost the site 2.2 KB gzipped (different inlining, worse packing), which the budget does
/// not have. So their boundaries are read here.
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
