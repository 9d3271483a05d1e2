#!/usr/bin/env bash
# Benchmark (not a test): the instructions one `xueshe roster` run executes on
# the generated 100,000-row roster (bench/roster.sh's roster), counted by
# valgrind's cachegrind. Unlike time, the count is the same from one run to
# the next on any machine, so two builds can be compared where times drift
# (a shared virtual machine: the same binary took 150-330 ms within an hour
# in session 15). It does not count waiting for memory or the kernel's work.
# Usage: bash bench/roster-instructions.sh [XUESHE_BINARY...]
#   (default: the release build's CLI; several binaries are counted in turn)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { apt-get update >/dev/null && apt-get install -y valgrind >/dev/null; }
cmake --preset release >/dev/null
cmake --build --preset release --target xueshe roster_bench >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
build/release/cli/roster_bench generate 100000 > "$work/roster.csv"
[ $# -gt 0 ] || set -- build/release/cli/xueshe
for bin in "$@"; do
  valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file="$work/cg.out" \
    "$bin" roster "$work/roster.csv" --today 2022-07-01 --summary "$work/summary.json" \
    > "$work/out.csv" 2> "$work/valgrind.txt"
  refs=$(sed -n 's/.*I *refs: *\([0-9,]*\).*/\1/p' "$work/valgrind.txt" | tr -d ,)
  awk -v b="$bin" -v r="$refs" 'BEGIN { printf "%s: %.1f M instructions (%.0f a row)\n", b, r / 1e6, r / 100000 }'
done
