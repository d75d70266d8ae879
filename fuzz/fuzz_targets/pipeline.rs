//! The whole pipeline on arbitrary input (see `slope::math::selfcheck`): nothing may panic,
//! every step is bounded by the engine's own budgets (libFuzzer's `-timeout` catches a hang),
//! and printed text must read back to the same function. Inputs it breaks on are kept in
//! `tests/fuzz_regressions/` and replayed by `cargo test`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(src) = std::str::from_utf8(data) {
        if let Err(e) = slope::math::selfcheck::pipeline(src) {
            panic!("{e}");
        }
    }
});
