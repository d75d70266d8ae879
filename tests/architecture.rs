//! The layering invariants from ARCHITECTURE.md, checked by reading the source tree:
//! `src/math` knows nothing of the web stack or plotters, `src/plot` knows nothing of Yew.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[track_caller]
fn check_no_imports(dir: &str, forbidden: &[&str]) {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut files);
    assert!(!files.is_empty(), "no sources under {dir}");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for crate_name in forbidden {
                assert!(
                    !code.contains(&format!("{crate_name}::")),
                    "{}:{} uses {crate_name}: {line}",
                    file.display(),
                    n + 1
                );
            }
        }
    }
}

#[test]
fn math_is_pure_rust() {
    check_no_imports(
        "src/math",
        &[
            "yew",
            "web_sys",
            "wasm_bindgen",
            "js_sys",
            "plotters",
            "gloo",
            "crate::ui",
            "crate::plot",
        ],
    );
}

#[test]
fn plot_knows_nothing_of_yew() {
    check_no_imports("src/plot", &["yew", "crate::ui", "gloo"]);
}
