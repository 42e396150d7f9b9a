#!/usr/bin/env bash
# Installs what building and testing need on a Debian 12 machine (as root,
# or with sudo): compilers and libraries from Debian, npm packages from the
# lockfile. Quick when everything is already there.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

wanted=(cmake ninja-build g++ clang-14 libgtest-dev libbenchmark-dev nlohmann-json3-dev emscripten
        chromium fonts-noto-cjk  # the browser tests; the fonts so screenshots show Chinese
        curl)  # scripts/verify-release.sh, which a Node test runs against a served copy
# (clang-14: the ubsan build, whose float-cast-overflow check gcc lacks)
# A machine may bring its own (newer) node and npm: keep them.
command -v node >/dev/null || wanted+=(nodejs)
command -v npm >/dev/null || wanted+=(npm)

missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [ -f package-lock.json ] && { [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; }; then
  npm ci --no-audit --no-fund
fi
