#!/usr/bin/env bash
# The README's serve command: set up, build, and serve dist/ on
# http://127.0.0.1:${PORT:-8080}/ until interrupted.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
bash scripts/build.sh site
exec node scripts/serve.js dist "${PORT:-8080}"
