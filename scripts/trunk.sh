#!/usr/bin/env bash
# trunk for the release site (`make build`, `make serve`): the pinned nightly of
# scripts/site-toolchain.sh rebuilds std with panic=immediate-abort. A panic in the site then
# stops the page without a message, exactly as panic=abort did, but the code that would have
# formatted the message (file names, `Debug`, float printing) is no longer shipped.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export RUSTUP_TOOLCHAIN="$(bash "$ROOT/scripts/site-toolchain.sh")"
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
exec trunk "$@"
