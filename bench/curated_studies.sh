#!/usr/bin/env bash
# Every curated basin's study (basins/*/study.toml but the demo: 20 members x 30 years), one after
# the other, in two sections, each on all cores and — the baseline of the same script — on one
# thread:
#   baseline  `--scenario baseline --policy basin`: the baseline climate with the basin as built,
#             and its pristine counterfactual (riparia run keeps it: the stress indicators are
#             measured against it); goal: under 60 s on 2 cores
#   all runs  every scenario and policy of each study
# Prints each study's runs and wall time and the totals, then one JSON line.
#   bench/curated_studies.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run_all() { # threads label [riparia run options...]: total seconds; one line per study on stderr
  local threads=$1 label=$2 total=0 start end t runs name
  shift 2
  for study in "$here"/basins/*/study.toml; do
    name=$(basename "$(dirname "$study")")
    [ "$name" = demo ] && continue
    start=$(date +%s.%N)
    "$build/riparia" run "$study" --out "$work/$name-$label-$threads" --quiet \
      --threads "$threads" "$@"
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc -l)
    runs=$(grep -c '"run":' "$work/$name-$label-$threads/run.json" || true)
    printf "    %-28s %4s runs %7.2f s\n" "$name" "$runs" "$t" >&2
    rm -rf "${work:?}/$name-$label-$threads"
    total=$(echo "$total + $t" | bc -l)
  done
  echo "$total"
}

ratio() { echo "$2 / $1" | bc -l; }

echo "curated studies, baseline (--scenario baseline --policy basin, with pristine), all cores:"
base_all=$(run_all 0 baseline --scenario baseline --policy basin)
echo "curated studies, baseline, 1 thread:"
base_one=$(run_all 1 baseline --scenario baseline --policy basin)
printf "baseline total: all cores %.2f s, 1 thread %.2f s (ratio %.2fx); goal: under 60 s on 2 cores\n" \
  "$base_all" "$base_one" "$(ratio "$base_all" "$base_one")"
echo "curated studies, all runs, all cores:"
all=$(run_all 0 all)
echo "curated studies, all runs, 1 thread:"
one=$(run_all 1 all)
printf "all runs total: all cores %.2f s, 1 thread %.2f s (ratio %.2fx)\n" \
  "$all" "$one" "$(ratio "$all" "$one")"
# all_cores_s/one_thread_s: every run (the figures of earlier results.json); baseline_*: the
# baseline section, whose goal_s is the goal.
printf '{"bench":"curated_studies","baseline_all_cores_s":%.3f,"baseline_one_thread_s":%.3f,"baseline_ratio_all_vs_1t":%.3f,"all_cores_s":%.3f,"one_thread_s":%.3f,"ratio_all_vs_1t":%.3f,"goal_s":60}\n' \
  "$base_all" "$base_one" "$(ratio "$base_all" "$base_one")" "$all" "$one" "$(ratio "$all" "$one")"
