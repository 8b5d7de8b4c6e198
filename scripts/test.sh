#!/usr/bin/env bash
# Runs every test: formatting, clippy, native tests, wasm-bindgen tests in headless
# Chromium, Playwright end-to-end tests (with axe-core), and a 30 s fuzz smoke a target.
# Installs what is missing first (Trunk, wasm-bindgen-cli, npm packages, Chromium).
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$ROOT"

step() { log "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (all targets, -D warnings)"
cargo clippy --all-targets --locked -- -D warnings
# The consent-only build's code (no default features: only the consent elements' words).
cargo clippy --lib --bins --locked --no-default-features -- -D warnings
# The documents build's code (<terms-widget> alone: the documents, refund and words areas).
cargo clippy --lib --bins --locked --no-default-features --features documents -- -D warnings

step "native tests (cargo test)"
cargo test --locked

ensure_build_tools
ensure_browser

step "wasm-bindgen tests in headless Chromium"
(
  wasm_env
  export CHROMEDRIVER=/usr/bin/chromedriver
  export WASM_BINDGEN_TEST_TIMEOUT=120
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
  cargo test --locked --target wasm32-unknown-unknown --test web --test refund_web --test consent_web --test consent_ui_web --test acceptance_web
)

step "build the SPA (trunk build)"
(wasm_env && trunk build)

step "Playwright end-to-end tests (SPA, partner, refund and consent pages)"
DIST_DIR="$ROOT/dist" node --test --test-concurrency=1 e2e/

step "fuzz smoke: each cargo-fuzz target for 30 s (scripts/fuzz.sh)"
bash "$ROOT/scripts/fuzz.sh" 30
