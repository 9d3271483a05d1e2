#!/usr/bin/env bash
# Quick start, first command: install what is missing, build the wasm module and
# the page, and serve them on http://127.0.0.1:8123/ (built-in 2022 policy).
# PORT=9000 bash scripts/run.sh picks another port. The terminal questionnaire
# is `build/native/cli/xueshe ask` after the test command, or `bash scripts/run.sh ask`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --no-browser
if [[ "${1:-}" == "ask" ]]; then
  shift
  cmake --preset release >/dev/null
  cmake --build --preset release
  exec build/release/cli/xueshe ask "$@"
fi
npm ci --no-audit --no-fund   # terser: the build minifies the page's scripts
cmake --workflow --preset wasm
echo "Serving the page (Ctrl-C stops); the single file for offline use is build/wasm/site/xueshe-offline.html"
exec node web/serve.mjs build/wasm/site "${PORT:-8123}"
