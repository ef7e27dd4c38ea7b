#!/usr/bin/env bash
# End-to-end benchmark: `riparia run` on a synthetic 100-sub-basin tree, 100 years daily.
# Prints the phase breakdown from run.json and the whole-process wall time, with a baseline of
# the same run on one thread measured in the same script.
#   bench/end_to_end.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/bench/make_synthetic_study" "$work/study" 100 100 10

run_once() { # threads label [--daily]
  local start end
  start=$(date +%s.%N)
  "$build/riparia" run "$work/study/study.toml" --out "$work/out-$2" --quiet --threads "$1" ${3:-}
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

best() { # threads label [--daily]: best wall time of 3
  local b=999 t
  for _ in 1 2 3; do
    t=$(run_once "$1" "$2" "${3:-}")
    b=$(echo "if ($t < $b) $t else $b" | bc -l)
  done
  echo "$b"
}

one=$(best 1 t1)
all=$(best 0 tall)
daily=$(best 0 daily --daily)
phases() {
  grep -A12 '"timings_s"' "$work/out-$1/run.json" | grep -E '"(load|forcing|runoff|routing|model|output|total)"' |
    sed 's/[",]//g' | awk '{printf "    %-10s %8.4f s\n", $1, $2}'
}
echo "riparia run: 100 sub-basins x 100 years (36,525 daily steps), monthly output, 10 forcing CSVs"
echo "  1 thread : whole process $(printf %.3f "$one") s"
phases t1
echo "  all cores: whole process $(printf %.3f "$all") s  (ratio vs 1 thread: $(echo "$one / $all" | bc -l | xargs printf %.2f))"
phases tall
echo "  all cores, --daily output (205 MB of doubles, deflate 5): whole process $(printf %.3f "$daily") s"
phases daily
"$build/bench/make_synthetic_study" "$work/managed" 30 100 5 managed
start=$(date +%s.%N)
"$build/riparia" run "$work/managed/study.toml" --out "$work/out-managed" --quiet
end=$(date +%s.%N)
echo "managed: 30 sub-basins (5 reservoirs, 10 demands, an environmental flow, an agreement) x 100 years, monthly output"
echo "  whole process $(echo "$end - $start" | bc -l | xargs printf %.3f) s (goal: under 1 s)"
phases managed
echo "  reference: best-known C++ framework about 10 s; goal: model < 0.1 s, whole process < 1 s"
managed_s=$(echo "$end - $start" | bc -l | xargs printf %.3f)
echo "{\"bench\":\"end_to_end\",\"subbasins\":100,\"years\":100,\"one_thread_s\":$(printf %.4f "$one"),\"all_cores_s\":$(printf %.4f "$all"),\"ratio_all_vs_1t\":$(echo "$one / $all" | bc -l | xargs printf %.3f),\"daily_output_s\":$(printf %.4f "$daily"),\"managed_30_subbasins_s\":$managed_s,\"subbasin_days_per_s_1t\":$(echo "3652500 / $one" | bc -l | xargs printf %.0f)}"
