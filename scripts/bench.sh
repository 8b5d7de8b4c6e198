#!/usr/bin/env bash
# Benchmarks the optimised widget: builds a release bundle into target/bench-dist (so
# dist/ is left alone), prints the sizes of what a browser downloads (raw, gzip -9,
# brotli -q 11), then times loading and rendering in headless Chromium (e2e/bench.mjs).
#
#   bash scripts/bench.sh                 release build, then 15 fresh loads
#   bash scripts/bench.sh --runs 30       more runs (passed on to e2e/bench.mjs)
#   BENCH_SKIP_BUILD=1 bash scripts/bench.sh   reuse target/bench-dist as it is
#   BENCH_DIST=dist BENCH_SKIP_BUILD=1 bash scripts/bench.sh   measure another build
#
# Installs what is missing first (see scripts/tools.sh). The release build takes a few
# minutes on a 2-core machine.
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$ROOT"

OUT="${BENCH_DIST:-target/bench-dist}"

if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  ensure_build_tools
  wasm_env
  log "trunk build --release --dist $OUT"
  trunk build --release --dist "$OUT"
fi
ensure_browser
apt_install brotli gzip

[ -f "$OUT/terms-widget_bg.wasm" ] || { echo "no build in $OUT (run without BENCH_SKIP_BUILD=1)" >&2; exit 1; }

raw_size() { wc -c < "$1" | tr -d ' '; }
gz_size() { gzip -9 -c "$1" | wc -c | tr -d ' '; }
br_size() { brotli -q 11 -c "$1" | wc -c | tr -d ' '; }

# Prints one row per file, then a total row when given more than one file.
# Usage: size_rows LABEL FILE...
TOTAL_RAW=0 TOTAL_GZ=0 TOTAL_BR=0
row() { printf '%-58s %10s %10s %12s\n' "$@"; }
size_rows() {
  local label="$1"; shift
  local raw=0 gz=0 br=0 f r g b
  for f in "$@"; do
    r=$(raw_size "$f"); g=$(gz_size "$f"); b=$(br_size "$f")
    row "  ${f#"$OUT"/}" "$r" "$g" "$b"
    raw=$((raw + r)); gz=$((gz + g)); br=$((br + b))
  done
  if [ $# -gt 1 ]; then row "  = $label" "$raw" "$gz" "$br"; fi
  SUM_RAW=$raw SUM_GZ=$gz SUM_BR=$br
}

mapfile -t SNIPPETS < <(find "$OUT/snippets" -type f -name '*.js' 2>/dev/null | sort)

echo
echo "terms-widget sizes: $OUT (bytes; each file compressed on its own)"
echo
row "file" "raw" "gzip -9" "brotli -q11"
row "----" "---" "-------" "-----------"
echo "WebAssembly"
size_rows "wasm" "$OUT/terms-widget_bg.wasm"
TOTAL_RAW=$((TOTAL_RAW + SUM_RAW)); TOTAL_GZ=$((TOTAL_GZ + SUM_GZ)); TOTAL_BR=$((TOTAL_BR + SUM_BR))
echo "JavaScript (wasm-bindgen glue, loader, snippets)"
size_rows "JavaScript" "$OUT/terms-widget.js" "$OUT/embed.js" "${SNIPPETS[@]}"
TOTAL_RAW=$((TOTAL_RAW + SUM_RAW)); TOTAL_GZ=$((TOTAL_GZ + SUM_GZ)); TOTAL_BR=$((TOTAL_BR + SUM_BR))
echo "CSS"
size_rows "page CSS" "$OUT/page.css"
TOTAL_RAW=$((TOTAL_RAW + SUM_RAW)); TOTAL_GZ=$((TOTAL_GZ + SUM_GZ)); TOTAL_BR=$((TOTAL_BR + SUM_BR))
# The widget's own stylesheet is compiled into the wasm (include_str!), so it is already
# counted there; shown for reference only.
r=$(raw_size styles/widget.css); g=$(gz_size styles/widget.css); b=$(br_size styles/widget.css)
row "  styles/widget.css (inside the wasm)" "$r" "$g" "$b"
echo "HTML"
size_rows "HTML" "$OUT/index.html"
TOTAL_RAW=$((TOTAL_RAW + SUM_RAW)); TOTAL_GZ=$((TOTAL_GZ + SUM_GZ)); TOTAL_BR=$((TOTAL_BR + SUM_BR))
row "----" "---" "-------" "-----------"
row "SPA first load (wasm + JS + page CSS + HTML)" "$TOTAL_RAW" "$TOTAL_GZ" "$TOTAL_BR"
echo

log "refund decisions per second, natively (cargo --profile bench-native)"
cargo run --quiet --locked --profile bench-native --example refund_throughput

log "node e2e/bench.mjs $OUT $*"
node e2e/bench.mjs "$OUT" "$@"
