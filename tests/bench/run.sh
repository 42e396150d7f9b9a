#!/usr/bin/env bash
# Benchmark figures of the engine: native against wasm on the same 10,000
# generated full profiles (talent-genprofiles full 10000 42, the generator and
# seed tests/bench/native_bench.cpp uses), and the gzipped size of dist/.
#
# Not a test: it prints figures and budget checks and always exits 0.
# It builds nothing; build both presets first:
#   cmake --preset native && cmake --build --preset native
#   NODE_PATH=/usr/share/nodejs cmake --preset wasm && NODE_PATH=/usr/share/nodejs cmake --build --preset wasm
# Environment: TALENT_DIST (default dist/), BENCH_REPETITIONS (native, default 5).
# Sizes are in KB of 1,024 bytes.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
GEN=$ROOT/build/native/tests/talent-genprofiles
BENCH=$ROOT/build/native/tests/talent-bench
DIST=${TALENT_DIST:-$ROOT/dist}
REPS=${BENCH_REPETITIONS:-5}
BUDGET_WASM_US=100
BUDGET_RATIO=2
BUDGET_KB=100

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

note() { printf '  note: %s\n' "$*" >&2; }
# calc EXPR: floating-point arithmetic (awk); prints nothing for a missing operand.
calc() { awk "BEGIN { printf \"%s\", ($1) }" 2>/dev/null || true; }
fmt() { [[ -n "$2" ]] && printf "$1" "$2" || printf 'n/a'; }
check() {  # check LABEL VALUE LIMIT UNIT
  local pad=$((35 - ${#1}))  # characters, not bytes (the label may hold µ)
  if [[ -z "$2" ]]; then printf '%s%*s%s\n' "$1" "$pad" "" "n/a (not measured)"
  elif awk "BEGIN { exit !($2 <= $3) }"; then printf '%s%*sPASS (%s %s)\n' "$1" "$pad" "" "$2" "$4"
  else printf '%s%*sOVER (%s %s)\n' "$1" "$pad" "" "$2" "$4"; fi
}

native_median= native_mean= wasm_us= profiles=$tmp/profiles.jsonl

# --- the profiles -------------------------------------------------------------
if [[ -x $GEN ]]; then
  "$GEN" full 10000 42 > "$profiles" || { note "talent-genprofiles failed"; rm -f "$profiles"; }
else
  note "$GEN not found: build the native preset"
fi

# --- native (Google Benchmark) ------------------------------------------------
if [[ -x $BENCH ]]; then
  if "$BENCH" --benchmark_format=json --benchmark_repetitions="$REPS" > "$tmp/native.json" 2> "$tmp/native.err"; then
    # Mean and median over the repetitions (computed here: with one
    # repetition Google Benchmark reports no aggregates).
    read -r native_mean native_median < <(node -e '
      const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      const scale = { ns: 1e-3, us: 1, ms: 1e3, s: 1e6 };
      const t = r.benchmarks.filter((b) => b.run_name === "BM_Evaluate" && b.run_type === "iteration")
                            .map((b) => b.real_time * scale[b.time_unit]).sort((a, b) => a - b);
      if (!t.length) process.exit(1);
      const median = t.length % 2 ? t[(t.length - 1) / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2;
      console.log((t.reduce((a, b) => a + b, 0) / t.length).toFixed(2), median.toFixed(2));' "$tmp/native.json") ||
      note "could not read the native benchmark's JSON"
  else
    note "talent-bench failed: $(tail -3 "$tmp/native.err")"
  fi
else
  note "$BENCH not found: build the native preset (needs Google Benchmark)"
fi

# --- wasm (Node) ---------------------------------------------------------------
if [[ -f $profiles && -f $DIST/engine.js && -f $DIST/engine.wasm ]]; then
  if TALENT_DIST=$DIST node "$ROOT/tests/bench/wasm_bench.js" "$profiles" > "$tmp/wasm.json" 2> "$tmp/wasm.err"; then
    wasm_us=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).median_us_per_evaluation ?? "")' \
                "$tmp/wasm.json") || note "could not read wasm_bench.js output"
  else
    note "wasm_bench.js failed: $(tail -3 "$tmp/wasm.err")"
  fi
else
  note "no profiles or no $DIST/engine.js + engine.wasm: build the wasm preset"
fi

# --- sizes ---------------------------------------------------------------------
gz() { [[ -f $1 ]] && gzip -9 -c "$1" | wc -c | tr -d ' ' || true; }
wasm_gz=$(gz "$DIST/engine.wasm")
js_gz=$(gz "$DIST/engine.js")
wasm_kb= js_kb= sum_kb=
[[ -n $wasm_gz ]] && wasm_kb=$(calc "sprintf(\"%.1f\", $wasm_gz / 1024)")
[[ -n $js_gz ]] && js_kb=$(calc "sprintf(\"%.1f\", $js_gz / 1024)")
[[ -n $wasm_gz && -n $js_gz ]] && sum_kb=$(calc "sprintf(\"%.1f\", ($wasm_gz + $js_gz) / 1024)")

# --- the table -----------------------------------------------------------------
per_s() { [[ -n "$1" ]] && calc "sprintf(\"%.0f\", 1e6 / $1)" || true; }
ratio=
[[ -n $wasm_us && -n $native_median ]] && ratio=$(calc "sprintf(\"%.2f\", $wasm_us / $native_median)")

echo "Engine benchmark: 10,000 full profiles (talent-genprofiles full 10000 42)"
printf '%-34s %13s %12s\n' "" "µs/eval" "evals/s"
printf '%-34s %12s %12s\n' "native, median of $REPS runs" "$(fmt %s "$native_median")" "$(fmt %s "$(per_s "$native_median")")"
printf '%-34s %12s %12s\n' "native, mean of $REPS runs" "$(fmt %s "$native_mean")" "$(fmt %s "$(per_s "$native_mean")")"
printf '%-34s %12s %12s\n' "wasm in Node, median of 9 rounds" "$(fmt %s "$wasm_us")" "$(fmt %s "$(per_s "$wasm_us")")"
printf '%-34s %12s\n' "ratio wasm/native (medians)" "$(fmt %s "$ratio")"
echo
printf '%-34s %12s %12s\n' "gzip -9" "bytes" "KB"
printf '%-34s %12s %12s\n' "dist/engine.wasm" "$(fmt %s "$wasm_gz")" "$(fmt %s "$wasm_kb")"
printf '%-34s %12s %12s\n' "dist/engine.js" "$(fmt %s "$js_gz")" "$(fmt %s "$js_kb")"
printf '%-34s %12s %12s\n' "sum" "$( [[ -n $wasm_gz && -n $js_gz ]] && echo $((wasm_gz + js_gz)) || echo n/a)" "$(fmt %s "$sum_kb")"
echo
check "budget wasm <= $BUDGET_WASM_US µs/eval" "$wasm_us" "$BUDGET_WASM_US" "µs/eval"
check "budget wasm/native <= $BUDGET_RATIO" "$ratio" "$BUDGET_RATIO" "x"
check "budget gzip sum <= $BUDGET_KB KB" "$sum_kb" "$BUDGET_KB" "KB"
exit 0
