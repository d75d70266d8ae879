#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing. Idempotent: a second run
# only checks versions. Everything comes from rustup, crates.io, npm or Debian's apt.
# Pins live here and in Cargo.toml / Trunk.toml; keep them equal.
set -euo pipefail

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132
ROOT="$(cd "$(dirname "$0")/.." && pwd)"

say() { printf '[setup] %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
# `make test` starts with `cargo fmt --check` and clippy.
for component in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding rust component $component"
    rustup component add "$component"
  fi
done

# The release site's toolchain (a pinned nightly with rust-src) and the crates its std is
# built from: trunk runs cargo --offline, so they are fetched here.
SITE_TOOLCHAIN="$(bash "$ROOT/scripts/site-toolchain.sh")"
cargo +"$SITE_TOOLCHAIN" fetch --locked --quiet \
  --manifest-path "$(rustc +"$SITE_TOOLCHAIN" --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (takes ~11 minutes the first time)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Its lockfile names a webpki-roots the registry mirror lacks: try --locked, then without.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked \
    || cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# wasm-opt (npm binaryen; Debian's is too old for wasm-bindgen's output), playwright-core
# (drives the system Chromium for the smoke test; it never downloads a browser of its own) and
# axe-core (the accessibility checks the smoke test runs on every route), terser (minifies
# the JavaScript glue in release builds, scripts/post-build.mjs), fflate (zips the SCORM
# package, scripts/scorm.mjs) and scorm-again (the LMS-side runtime its test runs against).
if ! "$ROOT/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version $BINARYEN_VERSION" \
   || [ ! -f "$ROOT/node_modules/playwright-core/package.json" ] \
   || [ ! -f "$ROOT/node_modules/axe-core/axe.min.js" ] \
   || [ ! -f "$ROOT/node_modules/terser/package.json" ] \
   || [ ! -f "$ROOT/node_modules/fflate/package.json" ] \
   || [ ! -f "$ROOT/node_modules/scorm-again/package.json" ]; then
  say "installing npm tools from package-lock.json (binaryen, playwright-core, axe-core, terser, fflate, scorm-again)"
  (cd "$ROOT" && npm ci --no-audit --no-fund)
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing chromium and chromium-driver from apt"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
fi

say "toolchain ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version | head -1), $(chromium --version 2>/dev/null | head -1)"
