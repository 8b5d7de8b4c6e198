#!/usr/bin/env bash
# Builds dist/ (the SPA, embed.js, the partner example). Pass --release for the
# optimised bundle. Installs what is missing first.
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_build_tools
wasm_env "$(build_mode "$@")"
cd "$ROOT"
log "trunk build $*"
trunk build "$@"
