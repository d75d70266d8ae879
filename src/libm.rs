//! The release site's floating-point functions are the browser's own `Math` ones (V8's are
//! fdlibm, the algorithms Rust's libm ports too). `compiler_builtins` defines `sin`, `pow`, …
//! with weak linkage so that a program can bring its own: these strong definitions replace
//! its copies, and about 16 KB of float code is not downloaded. Only the site binary
//! (`src/main.rs`) links this file; native tests, the CLI and the browser tests keep Rust's
//! libm, and the smoke test checks the release build's numbers.

use wasm_bindgen::prelude::*;

macro_rules! from_js_math {
    ($($name:ident($($arg:ident),+)),+ $(,)?) => {
        mod js {
            use super::*;
            #[wasm_bindgen]
            extern "C" {
                $(
                    #[wasm_bindgen(js_namespace = Math)]
                    pub fn $name($($arg: f64),+) -> f64;
                )+
            }
        }
        $(
            #[no_mangle]
            pub extern "C" fn $name($($arg: f64),+) -> f64 {
                js::$name($($arg),+)
            }
        )+
    };
}

from_js_math! {
    sin(x), cos(x), tan(x), asin(x), acos(x), atan(x),
    sinh(x), cosh(x), tanh(x), asinh(x), acosh(x),
    exp(x), expm1(x), log(x), log1p(x), log10(x),
    cbrt(x), hypot(x, y),
}

mod js_pow {
    use super::*;
    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = Math)]
        pub fn pow(x: f64, y: f64) -> f64;
    }
}

/// C's `pow`, which Rust's `powf` promises: 1 to any power and −1 to ±∞ are 1, where
/// JavaScript's `Math.pow` says NaN.
#[no_mangle]
pub extern "C" fn pow(x: f64, y: f64) -> f64 {
    if x == 1.0 || (x == -1.0 && y.is_infinite()) {
        1.0
    } else {
        js_pow::pow(x, y)
    }
}
