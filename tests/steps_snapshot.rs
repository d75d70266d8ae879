//! The step-by-step text of every function in `tests/simplify_corpus.txt`, pinned as a
//! snapshot (`tests/snapshots/steps.txt`), so a wrong explanation cannot slip in unseen.
//! After a deliberate change, regenerate with `UPDATE_EXPECT=1 cargo test --test
//! steps_snapshot` and read the diff before committing it.
#![cfg(not(target_arch = "wasm32"))]

use expect_test::expect_file;
use slope::math::{differentiate, explain, parse, to_text, Order};

#[test]
fn step_text_of_the_corpus() {
    let corpus = include_str!("simplify_corpus.txt");
    let mut out = String::new();
    for line in corpus
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let f = parse(line).unwrap_or_else(|e| panic!("{line}: {e}"));
        let d = differentiate(&f, "x");
        out.push_str(&format!("f(x) = {}\n", to_text(&f)));
        for (i, l) in explain(&d, Order::Textbook).iter().enumerate() {
            out.push_str(&format!(
                "{:>3}. {}{}\n",
                i + 1,
                "  ".repeat(l.depth),
                l.text()
            ));
        }
        out.push('\n');
    }
    expect_file!["snapshots/steps.txt"].assert_eq(&out);
}
