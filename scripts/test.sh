#!/usr/bin/env bash
# The README's test command: set up, then every test.
#   1. native build, GoogleTest suite (cases, coverage by clause, loader, bad input)
#   2. the dev build, which must compile without a warning; the same suite
#      under AddressSanitizer + UBSan (gcc), and under clang's UBSan with
#      float-cast-overflow; libFuzzer on evaluate, check_team and the roster, 60 s each
#      (TALENT_FUZZ_SECONDS)
#   3. the wasm module and the site, then Node's runner: the same case files,
#      10,000+ hostile inputs, native/wasm byte-for-byte parity, and the
#      release: dist/manifest.json, scripts/verify-release.sh against a
#      served copy, and a second clean build elsewhere that must give the
#      same dist/ byte for byte (about a minute on two cores)
#   4. the page in Debian's Chromium (playwright-core): personas in zh and en,
#      share/remember/print, axe, privacy; screenshots in tests/e2e/artifacts/
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NODE_PATH=/usr/share/nodejs

bash scripts/setup.sh

echo "== native"
bash scripts/build.sh native
ctest --preset native

echo "== dev (-Wconversion -Wpedantic, warnings are errors)"
cmake --preset dev >/dev/null
cmake --build --preset dev

echo "== asan"
cmake --preset asan >/dev/null
cmake --build --preset asan
ctest --preset asan

echo "== ubsan (clang: undefined behaviour, float-cast-overflow included)"
cmake --preset ubsan -DCMAKE_CXX_COMPILER=clang++-14 >/dev/null
cmake --build --preset ubsan
ctest --preset ubsan

echo "== fuzz (libFuzzer, ASan and UBSan: tests/fuzz/run.sh)"
bash tests/fuzz/run.sh "${TALENT_FUZZ_SECONDS:-60}"

echo "== wasm and site"
bash scripts/build.sh site
node --test tests/node/

echo "== page in Chromium"
node --test tests/e2e/
