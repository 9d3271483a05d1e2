#!/usr/bin/env bash
# Quick start, second command: install what is missing and run every test —
# the native suite, then the same suite under AddressSanitizer + UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --workflow --preset native
cmake --workflow --preset native-asan
