#!/usr/bin/env bash
# Serves the widget with its built-in documents on http://127.0.0.1:8080/
# (the partner-page example at /partner.html). Installs what is missing first.
#   bash scripts/serve.sh            debug build, quick
#   bash scripts/serve.sh --release  optimised build (LTO + wasm-opt -Oz), slower
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_build_tools
wasm_env "$(build_mode "$@")"
cd "$ROOT"
log "trunk serve $* (http://127.0.0.1:8080/)"
exec trunk serve "$@"
