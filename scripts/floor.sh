#!/usr/bin/env bash
# The consent banner's floor (issue 9): how soon a banner can show, and in how few bytes,
# on this stack. Builds two stand-ins for the consent build from scripts/floor/, each
# putting the banner exactly as the release build renders it (markup and stylesheet,
# captured by e2e/floor-capture.mjs) into <terms-consent>, with nothing else:
#   - web-sys: the smallest wasm that can (wasm-bindgen, web-sys, js-sys);
#   - Yew: the same, mounted by Yew (the product's component framework).
# Then e2e/bench.mjs measures the consent-only page three times, with the real consent
# build and with each stand-in (each against its own static page, in its own run), and
# prints the bytes and the banner's ratio. A stand-in does none of the banner's work
# (configuration, stored choices, Global Privacy Control, records): its figures are a
# lower bound, not a target.
#
#   bash scripts/floor.sh                  release build into target/bench-dist, then the floors
#   BENCH_SKIP_BUILD=1 bash scripts/floor.sh    reuse target/bench-dist (from scripts/bench.sh)
#   BENCH_DIST=dist BENCH_SKIP_BUILD=1 bash scripts/floor.sh    measure another build
#   bash scripts/floor.sh --runs 30        more loads per page (passed on to e2e/bench.mjs)
#
# Writes under target/floor (and the build into target/bench-dist, unless
# BENCH_SKIP_BUILD=1). A report: exits 0 whatever the figures.
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$ROOT"

OUT="${BENCH_DIST:-target/bench-dist}"
FLOOR=target/floor

ensure_build_tools
wasm_env release
if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  log "trunk build --release --dist $OUT"
  trunk build --release --dist "$OUT"
fi
[ -f "$OUT/terms-consent_bg.wasm" ] || { echo "no build in $OUT (run without BENCH_SKIP_BUILD=1)" >&2; exit 1; }
ensure_browser

log "capture the banner from $OUT"
node e2e/floor-capture.mjs "$OUT" "$FLOOR/capture"

# The stand-ins resolve the same crate versions as the widget: a copy of the crate with
# the widget's Cargo.lock (cargo drops the entries it does not use).
rm -rf "$FLOOR/crate"
mkdir -p "$FLOOR/crate"
cp -r scripts/floor/. "$FLOOR/crate/"
cp Cargo.lock "$FLOOR/crate/"

stand_in() {
  local name="$1" dist="$FLOOR/dist-$1" bindgen="$FLOOR/bindgen-$1"
  shift
  log "the $name stand-in: cargo build --release $*"
  FLOOR_CAPTURE="$ROOT/$FLOOR/capture" CARGO_TARGET_DIR="$ROOT/$FLOOR/target" \
    cargo build --quiet --release --target wasm32-unknown-unknown \
    --manifest-path "$FLOOR/crate/Cargo.toml" "$@"
  rm -rf "$dist" "$bindgen"
  cp -r "$OUT" "$dist"
  wasm-bindgen --target web --out-dir "$bindgen" "$FLOOR/target/wasm32-unknown-unknown/release/terms-consent.wasm"
  node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals "$bindgen/terms-consent_bg.wasm" -o "$dist/terms-consent_bg.wasm"
  cp "$bindgen/terms-consent.js" "$dist/terms-consent.js"
}
stand_in web-sys
stand_in yew --features yew

# One row of the table, from e2e/bench.mjs's JSON report (a figure it could not measure: -).
figures() {
  node -e '
    const k = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).kinds.consent ?? {};
    const ms = (x) => (x == null ? "-" : x.toFixed(1));
    console.log([k.bytes == null ? "-" : `${(k.bytes / 1000).toFixed(1)} KB`, ms(k.ready?.median), ms(k.visible?.median),
      ms(k.staticVisible?.median), k.ratio == null ? "-" : `${k.ratio.toFixed(2)}×`].join("\t"));
  ' "$1"
}
row() { printf '%-38s %9s %11s %15s %13s %7s\n' "$@"; }
rows=()
for dist in "$OUT" "$FLOOR/dist-yew" "$FLOOR/dist-web-sys"; do
  log "node e2e/bench.mjs $dist --kinds consent $*"
  report="$FLOOR/bench-$(basename "$dist")"
  node e2e/bench.mjs "$dist" --kinds consent --json "$report.json" "$@" > "$report.txt"
  case "$dist" in
    "$OUT") name="the consent build ($OUT)" ;;
    *yew) name="Yew mounting the banner" ;;
    *) name="web-sys putting the banner" ;;
  esac
  IFS=$'\t' read -r bytes ready visible static ratio < <(figures "$report.json")
  rows+=("$(row "$name" "$bytes" "$ready" "$visible" "$static" "$ratio")")
done
echo
echo "The consent-only page, medians in ms from navigation (full reports: $FLOOR/bench-*.txt):"
row "build" "brotli" "wasm ready" "banner visible" "static page" "ratio"
printf '%s\n' "${rows[@]}"
