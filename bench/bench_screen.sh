#!/bin/sh
# riparia screen: 310 TFDD basins x 3 scenarios x 100 members on 1 thread (the baseline,
# measured in the same run) and on 2 threads. Usage: bench/bench_screen.sh [BUILD_DIR]
set -eu
build=${1:-build}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
time_run() {
    start=$(date +%s.%N)
    "$build/riparia" screen --out "$out" --members 100 --threads "$1" --quiet
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}
t1=$(time_run 1)
t2=$(time_run 2)
echo "screen 310 x 3 x 100: 1 thread ${t1} s (baseline), 2 threads ${t2} s," \
     "speed-up $(echo "scale=2; $t1 / $t2" | bc)x (target: < 60 s)"
printf '{"bench":"screen","basins":310,"scenarios":3,"members":100,"one_thread_s":%.3f,"two_threads_s":%.3f,"ratio_2t_vs_1t":%.3f,"goal_s":60}\n' \
  "$t1" "$t2" "$(echo "$t1 / $t2" | bc -l)"
