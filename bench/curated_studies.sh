#!/usr/bin/env bash
# Every curated basin's study (basins/*/study.toml: 20 members x 30 years, all its scenarios and
# policies), one after the other, on all cores and — the baseline of the same script — on one
# thread. Prints each study's runs and wall time and the total.
#   bench/curated_studies.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run_all() { # threads: total seconds; prints one line per study
  local total=0 start end t runs
  for study in "$here"/basins/*/study.toml; do
    name=$(basename "$(dirname "$study")")
    [ "$name" = demo ] && continue
    start=$(date +%s.%N)
    "$build/riparia" run "$study" --out "$work/$name-$1" --quiet --threads "$1"
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc -l)
    runs=$(grep -c '"run":' "$work/$name-$1/run.json" || true)
    printf "    %-28s %4s runs %7.2f s\n" "$name" "$runs" "$t" >&2
    total=$(echo "$total + $t" | bc -l)
  done
  echo "$total"
}

echo "curated studies, all cores:"
all=$(run_all 0)
echo "curated studies, 1 thread:"
one=$(run_all 1)
printf "total: all cores %.2f s, 1 thread %.2f s (ratio %.2fx); goal: under 60 s on 2 cores\n" \
  "$all" "$one" "$(echo "$one / $all" | bc -l)"
printf '{"bench":"curated_studies","all_cores_s":%.3f,"one_thread_s":%.3f,"ratio_all_vs_1t":%.3f,"goal_s":60}\n' \
  "$all" "$one" "$(echo "$one / $all" | bc -l)"
