#!/usr/bin/env bash
# Ensemble throughput: member-years per second for a 50-sub-basin managed basin driven by the
# weather generator (8 reservoirs, 17 demands, an environmental flow, an agreement), 40 members
# x 30 years, monthly output. Baselines measured in the same script: 1 thread vs 2 threads, and
# 1 MPI rank vs 2 ranks (one thread each). Also the peak memory for 10 vs 40 members (outputs
# stream to disk, so it should not grow with the members).
#   bench/ensemble_throughput.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
members=40
years=30
"$build/bench/make_synthetic_study" "$work/study" 50 $years 0 managed members=$members
"$build/bench/make_synthetic_study" "$work/small" 50 $years 0 managed members=10
study="$work/study/study.toml"

seconds() { # command...: best wall time of 3
  local best=999 start end t
  for _ in 1 2 3; do
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc -l)
    best=$(echo "if ($t < $best) $t else $best" | bc -l)
  done
  echo "$best"
}
peak_kib() { # command...: maximum resident set size
  /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1
}
rate() { echo "$members * $years / $1" | bc -l | xargs printf %.0f; }

t1=$(seconds "$build/riparia" run "$study" --out "$work/o1" --quiet --threads 1)
t2=$(seconds "$build/riparia" run "$study" --out "$work/o2" --quiet --threads 2)
echo "ensemble: 50 managed sub-basins, $members members x $years years (generator forcing)"
echo "  1 thread : $(printf %.3f "$t1") s, $(rate "$t1") member-years/s"
echo "  2 threads: $(printf %.3f "$t2") s, $(rate "$t2") member-years/s; speed-up $(echo "$t1 / $t2" | bc -l | xargs printf %.2f)x (goal >= 1.85x)"
if command -v mpirun >/dev/null; then
  r1=$(seconds mpirun -np 1 "$build/riparia" run "$study" --out "$work/r1" --quiet --threads 1)
  r2=$(seconds mpirun -np 2 "$build/riparia" run "$study" --out "$work/r2" --quiet --threads 1)
  echo "  mpirun -np 1: $(printf %.3f "$r1") s, $(rate "$r1") member-years/s"
  echo "  mpirun -np 2: $(printf %.3f "$r2") s, $(rate "$r2") member-years/s; speed-up $(echo "$r1 / $r2" | bc -l | xargs printf %.2f)x (goal >= 1.85x)"
fi
if [ -x /usr/bin/time ]; then
  m10=$(peak_kib "$build/riparia" run "$work/small/study.toml" --out "$work/m10" --quiet --threads 1)
  m40=$(peak_kib "$build/riparia" run "$study" --out "$work/m40" --quiet --threads 1)
  echo "  peak memory: 10 members $((m10 / 1024)) MiB, $members members $((m40 / 1024)) MiB"
fi
# One JSON line for bench/run_benchmarks.py (MPI and memory figures when measured).
echo "{\"bench\":\"ensemble_throughput\",\"members\":$members,\"years\":$years,\"threads_1_s\":$t1,\"threads_2_s\":$t2,\"member_years_per_s_2t\":$(rate "$t2"),\"ratio_2t_vs_1t\":$(echo "$t1 / $t2" | bc -l | xargs printf %.3f)${r2:+,\"mpi_1_s\":$r1,\"mpi_2_s\":$r2,\"ratio_mpi_2_vs_1\":$(echo "$r1 / $r2" | bc -l | xargs printf %.3f)}${m40:+,\"peak_rss_bytes_10_members\":$((m10 * 1024)),\"peak_rss_bytes\":$((m40 * 1024))}}"

