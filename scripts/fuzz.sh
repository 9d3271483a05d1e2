#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan) and runs each for SECONDS
# (default 60), seeded from the scenario files and policies. Prints each
# target's execution count. Longer runs by hand: scripts/fuzz.sh 600
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
missing=()
for p in clang libclang-rt-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
work=build/fuzz/run
mkdir -p "$work"
node tests/fuzz/make_seeds.mjs "$work/seeds" build/fuzz/cli/xueshe
for target in evaluate policy roster takeaway; do
  mkdir -p "$work/corpus-$target"
  dict=(); [[ "$target" = evaluate || "$target" = takeaway ]] && dict=(-dict=tests/fuzz/answers.dict)
  echo "== fuzz_$target for ${seconds}s"
  build/fuzz/tests/fuzz/fuzz_$target "$work/corpus-$target" "$work/seeds/$target" "${dict[@]}" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$work/crash-$target-" 2>"$work/fuzz_$target.log" || { tail -50 "$work/fuzz_$target.log"; exit 1; }
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb|Done [0-9]+ runs" "$work/fuzz_$target.log"
done
