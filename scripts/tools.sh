# Sourced by serve.sh, test.sh and bench.sh: installs what is missing and sets up the
# WebAssembly build environment. Safe to source again; each step is skipped when done.
#
# What a fresh machine needs beyond the rustup toolchain and node/npm:
#   - the wasm32-unknown-unknown standard library. Where rustup has the target, it is
#     used as is. Where it does not (and cannot be downloaded), Debian's rustc-web
#     (1.96) builds std from source (rust-web-src) with -Zbuild-std, linked by lld-22.
#   - Trunk 0.21.x and wasm-bindgen-cli at exactly the Cargo.lock version (cargo install)
#   - wasm-opt from the npm package binaryen (package.json)

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO="sudo"; fi
APT_UPDATED=""
apt_install() {
  local missing=()
  for p in "$@"; do
    # "install ok installed" only: a removed package can linger as config files.
    [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = "install ok installed" ] || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ -z "$APT_UPDATED" ]; then
    log "apt-get update"
    $SUDO apt-get update -qq
    APT_UPDATED=1
  fi
  log "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The wasm-bindgen version pinned in Cargo.lock.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

have_rustup_wasm_target() {
  [ -d "$(rustc --print sysroot)/lib/rustlib/wasm32-unknown-unknown/lib" ]
}

# Sets up the environment for building wasm32-unknown-unknown in this shell.
# Only wasm builds use it: native cargo (tests, clippy) keeps the rustup toolchain.
#
#   wasm_env           debug builds and the wasm-bindgen tests
#   wasm_env release   release builds (serve.sh/build.sh --release, bench.sh): where std is
#                      built from source, also std's `optimize_for_size` and the
#                      `immediate-abort` panic strategy, which drops the panic-message
#                      machinery (a panic in the browser never printed its message: there
#                      is no panic hook, and wasm32-unknown-unknown has no stderr). About
#                      7% fewer bytes; measured in the README's byte table. Artefacts go
#                      to their own folder, so switching profiles rebuilds nothing.
wasm_env() {
  local mode="${1:-debug}"
  if have_rustup_wasm_target; then
    return 0
  fi
  apt_install rustc-web cargo-web rust-web-src lld-22
  mkdir -p "$ROOT/target/wasm-toolchain"
  # Debian's cargo and rustc, ahead of rustup's proxies, for Trunk and cargo alike.
  ln -sf /usr/bin/cargo "$ROOT/target/wasm-toolchain/cargo"
  ln -sf /usr/bin/rustc "$ROOT/target/wasm-toolchain/rustc"
  export PATH="$ROOT/target/wasm-toolchain:$PATH"
  export RUSTC=/usr/bin/rustc
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD="${CARGO_UNSTABLE_BUILD_STD:-std,panic_abort}"
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=/usr/lib/llvm-22/bin/wasm-ld
  # Separate build artefacts from the native toolchain's, so neither rebuilds the other's.
  export CARGO_TARGET_DIR="$ROOT/target/wasm"
  if [ "$mode" = release ]; then
    export CARGO_UNSTABLE_BUILD_STD_FEATURES="${CARGO_UNSTABLE_BUILD_STD_FEATURES:-optimize_for_size}"
    export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
    export CARGO_TARGET_DIR="$ROOT/target/wasm-release"
  fi
}

# "release" when the arguments ask Trunk for a release build, else "debug".
build_mode() {
  local a
  for a in "$@"; do
    if [ "$a" = --release ]; then
      echo release
      return 0
    fi
  done
  echo debug
}

ensure_trunk() {
  if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
    log "cargo install trunk 0.21.x"
    cargo install --locked trunk --version '~0.21' >&2
  fi
}

ensure_wasm_bindgen() {
  local want
  want="$(wasm_bindgen_version)"
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $want\$"; then
    log "cargo install wasm-bindgen-cli $want"
    # Not --locked: its lock file pins a webpki-roots release the registry no longer serves.
    cargo install wasm-bindgen-cli --version "=$want" >&2
  fi
}

ensure_npm() {
  if [ ! -x "$ROOT/node_modules/.bin/wasm-opt" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    log "npm ci"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
}

ensure_build_tools() {
  command -v cargo >/dev/null || { echo "cargo not found: install Rust with rustup first" >&2; exit 1; }
  command -v npm >/dev/null || { echo "npm not found: install Node.js and npm first" >&2; exit 1; }
  ensure_trunk
  ensure_wasm_bindgen
  ensure_npm
}

ensure_browser() {
  apt_install chromium chromium-driver
}
