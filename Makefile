# Slope's commands. `make serve` and `make test` install whatever is missing first
# (scripts/setup.sh), so both work on a fresh Debian machine as root and are fast the second time.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT ?= 120
PORT ?= 8080

.PHONY: setup serve build scorm test lint test-native test-browser test-e2e bench screenshots worst fuzz

setup:
	@bash scripts/setup.sh
	@cargo fetch --quiet

## Build the release site and serve it on http://127.0.0.1:$(PORT)
serve: setup
	@echo "Slope: building, then serving on http://127.0.0.1:$(PORT) (Ctrl-C to stop)"
	bash scripts/trunk.sh serve --release --port $(PORT)

## The release site in dist/, ready for any static host
build: setup
	bash scripts/trunk.sh build --release

## A SCORM 1.2 package for an LMS: dist-scorm/slope-practice.zip, or another page or set with
## SCORM_PAGE=chain-rule, SCORM_SET=7, SCORM_MASTERY=80 (scripts/scorm.mjs)
scorm: build
	node scripts/scorm.mjs

## Every test: format and lints, native (math core, plot, architecture), browser (headless Chromium), release build + smoke test
test: setup lint test-native test-browser test-e2e

## rustfmt, and clippy with warnings as errors on the native workspace and on the browser code
lint:
	cargo fmt --all --check
	cargo clippy --locked --workspace --all-targets -- -D warnings
	cargo clippy --locked --target wasm32-unknown-unknown --lib --bins --test web -- -D warnings

test-native:
	cargo test --locked --workspace

test-browser:
	cargo test --locked --target wasm32-unknown-unknown --test web

test-e2e: build
	node tests/e2e/smoke.mjs
	node tests/e2e/embed.mjs
	node tests/e2e/offline.mjs
	node tests/e2e/scorm.mjs

bench:
	cargo run --release --example bench_engine

screenshots: build
	node tests/e2e/screenshots.mjs

## How long the slowest inputs we know block the page (release build, headless Chromium)
worst: build
	node tests/e2e/worst_inputs.mjs

## Coverage-guided fuzzing of the whole pipeline (nightly + cargo-fuzz), for FUZZ_SECONDS.
## Finds land in fuzz/artifacts/pipeline/: copy each to tests/fuzz_regressions/ and fix it.
## No sanitizer: the math crate forbids unsafe code, so AddressSanitizer finds nothing there
## and only slows each run and grows the fuzzer's memory. A panic or a hang is the find.
FUZZ_SECONDS ?= 600
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.2 --locked
	@rustup toolchain list | grep -q nightly || rustup toolchain install nightly --profile minimal
	mkdir -p fuzz/corpus/pipeline
	cd fuzz && cargo +nightly fuzz run --sanitizer none pipeline corpus/pipeline seeds -- -dict=pipeline.dict \
		-max_len=1000 -timeout=5 -rss_limit_mb=2048 -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1
