#!/usr/bin/env bash
# Fuzzes evaluate(), check_team() and the staff roster's reading with
# libFuzzer (clang-14, ASan and UBSan), SECONDS each (default 60), all at
# once. Every input must get a whole JSON answer, the same bytes whatever
# was asked before it, and no sanitizer report (answer_checks.hpp). The corpora grow in build/fuzz/run/
# from one run to the next. Usage: tests/fuzz/run.sh [SECONDS]
#   a longer run: tests/fuzz/run.sh 3600
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
seconds=${1:-60}
work=build/fuzz/run

cmake --preset fuzz -DCMAKE_CXX_COMPILER=clang++-14 >/dev/null
cmake --build --preset fuzz
# The seeds come from the case files through the native build's tools.
if [[ ! -x build/native/tests/talent-case-inputs ]]; then
  cmake --preset native >/dev/null
  cmake --build --preset native --target talent-check talent-case-inputs
fi
mkdir -p "$work/artifacts"
node tests/fuzz/prepare.js build/native/core/talent-check build/native/tests/talent-case-inputs "$work"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
pids=()
calls=(evaluate team roster)
for call in "${calls[@]}"; do
  build/fuzz/tests/fuzz/talent-fuzz-$call "$work/corpus-$call" -dict="$work/fuzz.dict" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
    -artifact_prefix="$work/artifacts/$call-" -print_final_stats=1 >"$work/$call.log" 2>&1 &
  pids+=($!)
done
failed=0
for i in "${!calls[@]}"; do
  call=${calls[$i]}
  if wait "${pids[$i]}"; then
    stat() { sed -n "s/^stat::$1: *//p" "$work/$call.log"; }
    echo "fuzz $call: $(stat number_of_executed_units) inputs in ${seconds} s, $(stat average_exec_per_sec) a second," \
         "$(stat new_units_added) new in the corpus ($(ls "$work/corpus-$call" | wc -l) in all), peak $(stat peak_rss_mb) MB"
  else
    failed=1
    echo "fuzz $call FAILED; an input that failed is saved in $work/artifacts/ (make it a case file). The end of its log:" >&2
    tail -n 40 "$work/$call.log" >&2
  fi
done
exit $failed
