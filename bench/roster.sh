#!/usr/bin/env bash
# Benchmark (not a test): rows per second of the roster path on a generated
# 100,000-row roster as rosters are (every person their own birth date, mixed
# destinations, complete rows; roster_bench generate), native, release build.
#   1. in-process: core parses, evaluates, writes the annotated CSV and the
#      summary (bench/roster_bench.cpp), median of 7;
#   2. the CLI as a user runs it: `xueshe roster FILE > out.csv` (process start,
#      reading, UTF-8 check, everything above, writing the output), median of
#      7, for the UTF-8 file and for the same roster saved as GB18030.
# Usage: bash bench/roster.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-100000}"
cmake --preset release >/dev/null
cmake --build --preset release --target xueshe roster_bench >/dev/null
bin=build/release/cli
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$bin/roster_bench" generate "$rows" > "$work/roster.csv"
tail -c +4 "$work/roster.csv" | iconv -f UTF-8 -t GB18030 > "$work/roster-gb18030.csv"
echo "roster: $rows rows, $(stat -c %s "$work/roster.csv") bytes (UTF-8), $(nproc) CPU(s)"

"$bin/roster_bench" run "$rows" 7

# FILE -> "wall cpu": medians over 7 runs of the wall time and of the CPU
# time (user + sys; steadier than wall time on a shared machine), in seconds.
median_cli() {
  local walls=() cpus=()
  local TIMEFORMAT='%R %U %S'
  for _ in 1 2 3 4 5 6 7; do
    local t
    # The last run's output is removed first, untimed: the shell's `>` would otherwise truncate 38 MB of it
    # inside the timed command (≈ 20 ms of the kernel freeing pages), which is not the tool's work.
    rm -f "$work/out.csv" "$work/summary.json"
    t=$( { time "$bin/xueshe" roster "$1" --today 2022-07-01 --summary "$work/summary.json" > "$work/out.csv"; } 2>&1 )
    walls+=("$(awk '{ print $1 }' <<<"$t")")
    cpus+=("$(awk '{ print $2 + $3 }' <<<"$t")")
  done
  echo "$(printf '%s\n' "${walls[@]}" | sort -n | sed -n 4p) $(printf '%s\n' "${cpus[@]}" | sort -n | sed -n 4p)"
}
for f in roster.csv roster-gb18030.csv; do
  read -r wall cpu <<<"$(median_cli "$work/$f")"
  awk -v f="$f" -v w="$wall" -v c="$cpu" -v n="$rows" -v out="$(stat -c %s "$work/out.csv")" \
    'BEGIN { printf "CLI, %-18s wall %6.0f ms (%8.0f rows/s), CPU %6.0f ms (%8.0f rows/s); output %d bytes\n", f, w * 1000, n / w, c * 1000, n / c, out }'
done
