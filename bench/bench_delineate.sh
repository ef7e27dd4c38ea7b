#!/bin/sh
# Nile from ETOPO5: `riparia delineate` wall time with the outlet chain Juba/Roseires .. Cairo
# (14 outlets; sea mask, stream burning along the chain, priority-flood with the FIFO pit queue
# of Barnes et al. 2014 Algorithm 2, D8, accumulation, polygons), and, in the same run, the
# baseline: the same basin file with --no-burn; then with the closed-lake rule (--closed-lakes,
# the climatologies of ../shared/data/climate: a second fill and D8 with the closed lakes as
# sinks, docs/delineation.md step 8). Prints each run's wall time, the timings that
# riparia records and the Nile's upstream area at Cairo (TFDD: 2,961,322 km2).
# Usage: bench/bench_delineate.sh [path/to/riparia] [runs]   (default: build/riparia, 3)
set -eu
exe=${1:-build/riparia}
runs=${2:-3}
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# The Nile's sub-basins of basins/delineation/outlets.toml (ids NILE and NILE_*).
python3 - "$here/../basins/delineation/outlets.toml" "$dir/nile.toml" <<'PY'
import sys
text = open(sys.argv[1]).read()
blocks = text.split("[[subbasin]]")[1:]
nile = [b for b in blocks if 'id = "NILE' in b]
open(sys.argv[2], "w").write('[basin]\nname = "nile"\n' + "".join("[[subbasin]]" + b for b in nile))
PY
climate="$here/../../shared/data/climate"
for mode in burn no-burn closed-lakes; do
    flag=""
    [ "$mode" = no-burn ] && flag=--no-burn
    [ "$mode" = closed-lakes ] && flag="--closed-lakes --precipitation
        $climate/itu_p837-7_monthly_precip_0.5deg.nc --temperature
        $climate/ghcn_cams_air.mon.ltm.1991-2020.nc"
    k=1
    while [ "$k" -le "$runs" ]; do
        t0=$(date +%s.%N)
        "$exe" delineate "$dir/nile.toml" --out "$dir/out" --quiet $flag
        t1=$(date +%s.%N)
        python3 - "$dir/out/delineation.json" "$mode" "$k" "$t0" "$t1" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
cairo = next(s for s in j["subbasins"] if s["id"] == "NILE")
t = {k: round(v, 3) for k, v in j["timing_s"].items()}
wall = float(sys.argv[5]) - float(sys.argv[4])
print(f"{sys.argv[2]:8s} run {sys.argv[3]}: wall {wall:.2f} s, "
      f"Cairo {cairo['upstream_area_km2']:,.0f} km2, timings {t}")
print(json.dumps({"bench": "delineate", "mode": sys.argv[2], "run": int(sys.argv[3]),
                  "wall_s": round(wall, 3), "cairo_upstream_km2": cairo["upstream_area_km2"],
                  "tfdd_nile_km2": 2961322, "goal_s": 10}))
PY
        k=$((k + 1))
    done
done
