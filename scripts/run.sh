#!/usr/bin/env bash
# Quick start, first command: install what is missing, build, and start the
# questionnaire with the built-in 2022 policy. Extra arguments go to `xueshe ask`
# (e.g. --lang en, --today 2022-07-01).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
exec build/release/cli/xueshe ask "$@"
