#!/usr/bin/env bash
# Lighthouse budget figures for the built page in dist/: Performance,
# Accessibility, Best Practices, SEO, first-load transfer and CLS against their
# budgets, median of 3 mobile runs (tests/budget/lighthouse.js).
#
# Not a test: it prints a PASS/OVER table and exits 0 whatever the figures;
# it fails only when Lighthouse cannot run. It builds nothing.
# Environment: CHROME_PATH (default /usr/bin/chromium).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Lighthouse lives in its own package so the main install stays small; install
# it again when the lockfile has changed since the last install.
budget=tests/budget
if [[ ! -d $budget/node_modules || $budget/package-lock.json -nt $budget/node_modules ]]; then
  (cd "$budget" && npm ci --no-audit --no-fund)
  touch "$budget/node_modules"  # npm ci may leave its mtime older than the lockfile
fi

if [[ ! -f dist/index.html ]]; then
  echo "budget: dist/index.html not found; build the page first: bash scripts/build.sh" >&2
  exit 1
fi

exec node "$budget/lighthouse.js"
