#!/usr/bin/env bash
# Builds the native engine (and its tests) and the wasm module, then the
# static site into dist/. Usage: scripts/build.sh [native|wasm|site|all]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NODE_PATH=/usr/share/nodejs  # Debian's emscripten finds acorn there
what=${1:-all}

if [[ $what == native || $what == all ]]; then
  cmake --preset native >/dev/null
  cmake --build --preset native
fi
if [[ $what == wasm || $what == site || $what == all ]]; then
  # The toolchain file is where this machine's Emscripten keeps it, so it is
  # named here, not in the shared presets.
  cmake --preset wasm -DCMAKE_TOOLCHAIN_FILE="$(em-config EMSCRIPTEN_ROOT)/cmake/Modules/Platform/Emscripten.cmake" >/dev/null
  cmake --build --preset wasm
fi
if [[ $what == site || $what == all ]]; then
  node scripts/build-site.js
fi
