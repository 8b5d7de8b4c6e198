#!/usr/bin/env bash
# Fuzzes the parsers that read untrusted text (cargo-fuzz, libFuzzer):
#   bundle         the bundle loader (domain::documents::bundle::load_json, and back)
#   markdown       the Markdown model, search and diff (domain::documents::markdown::parse, …)
#   consent_store  the stored consent records decoder (domain::consent::decode, and back)
#   acceptance_store  the stored acceptance records and outbox decoders
#                  (domain::acceptance::decode, records::outbox::Outbox::decode, and back)
#   refund         the refund contract (domain::refund::evaluate_str)
#
#   bash scripts/fuzz.sh            # each target for 30 s (what CI runs)
#   bash scripts/fuzz.sh 600        # each target for 10 minutes
#   bash scripts/fuzz.sh 600 refund # one target
#
# Nightly Rust is not available here: the rustup toolchain builds the targets with
# RUSTC_BOOTSTRAP=1, and without a sanitizer (`-s none`; Rust's own checks, debug
# assertions and overflow checks stay on). Seeds are in fuzz/seeds/<target>; the corpus
# grows in target/fuzz-corpus/<target>, and a crash is saved to fuzz/artifacts/<target>/.
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$ROOT"

SECONDS_EACH="${1:-30}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(bundle markdown consent_store acceptance_store refund)

if ! cargo fuzz --version >/dev/null 2>&1; then
  log "cargo install cargo-fuzz"
  cargo install --locked cargo-fuzz >&2
fi

export RUSTC_BOOTSTRAP=1
for target in "${TARGETS[@]}"; do
  corpus="$ROOT/target/fuzz-corpus/$target"
  mkdir -p "$corpus"
  log "fuzz $target for ${SECONDS_EACH}s"
  log_file="$ROOT/target/fuzz-$target.log"
  status=0
  cargo fuzz run -s none --fuzz-dir fuzz "$target" "$corpus" "fuzz/seeds/$target" -- \
    -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    >"$log_file" 2>&1 || status=$?
  # libFuzzer's progress lines are in the log; the figures and any crash are shown.
  grep -E '^(Done [0-9]+ runs|stat::number_of_executed_units|stat::average_exec_per_sec|==[0-9]+==|SUMMARY|thread .* panicked|Test unit written|error)' "$log_file" >&2 || true
  if [ "$status" -ne 0 ]; then
    tail -40 "$log_file" >&2
    echo "fuzz target $target failed (the input is in fuzz/artifacts/$target/)" >&2
    exit 1
  fi
done
