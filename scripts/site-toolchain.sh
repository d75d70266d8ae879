#!/usr/bin/env bash
# Prints the name of the Rust toolchain that builds the release site, installing it first if
# it is missing: a pinned nightly with rust-src, so that the standard library is rebuilt for
# the site with panic=immediate-abort (no panic messages, no formatting machinery behind
# them: 21 KB less gzipped than stable's prebuilt std, see ARCHITECTURE.md "Size").
# Everything else (tests, the CLI, benchmarks) uses the stable toolchain.
set -euo pipefail
PINNED=nightly-2026-05-20
PINNED_COMMIT_DATE=2026-05-19
export PATH="$HOME/.cargo/bin:$PATH"

has_src() { [ -f "$(rustc +"$1" --print sysroot)/lib/rustlib/src/rust/library/Cargo.lock" ]; }

if rustc +"$PINNED" -V >/dev/null 2>&1; then
  name=$PINNED
elif rustc +nightly -vV 2>/dev/null | grep -qx "commit-date: $PINNED_COMMIT_DATE"; then
  # The same nightly, installed under the channel's plain name.
  name=nightly
else
  echo "[setup] installing Rust $PINNED with rust-src (for the release site's std)" >&2
  rustup toolchain install "$PINNED" --profile minimal --component rust-src >&2
  name=$PINNED
fi
if ! has_src "$name"; then
  echo "[setup] adding rust-src to $name" >&2
  rustup component add rust-src --toolchain "$name" >&2
fi
echo "$name"
