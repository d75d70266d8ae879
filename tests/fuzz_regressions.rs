//! Every input the fuzzer (`make fuzz`) broke the engine with, replayed through the same
//! end-to-end check. New finds go in `tests/fuzz_regressions/` as they are.
#![cfg(not(target_arch = "wasm32"))]

#[test]
fn inputs_the_fuzzer_found() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let src = String::from_utf8_lossy(&bytes);
        if let Err(e) = slope::math::selfcheck::pipeline(&src) {
            panic!("{}: {src:?}: {e}", path.display());
        }
        n += 1;
    }
    assert!(n > 0, "no regression inputs in {}", dir.display());
}
