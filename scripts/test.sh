#!/usr/bin/env bash
# Quick start, second command: install what is missing and run every test —
# native (Catch2, the CLI as a process, scenario files, properties), the same
# under ASan+UBSan, a short fuzz run of each libFuzzer target, then the shipped
# wasm module under Node and the page in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --workflow --preset native
cmake --workflow --preset native-asan
bash scripts/fuzz.sh "${XUESHE_FUZZ_SECONDS:-60}"
npm ci --no-audit --no-fund   # terser for the wasm build; the test tools after it
cmake --workflow --preset wasm
node --test --test-concurrency=1 tests/wasm/ $( [ -d tests/browser ] && echo tests/browser/ )
