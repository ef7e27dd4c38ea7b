#!/bin/sh
# Nile from ETOPO5: `riparia delineate` wall time (priority-flood with the FIFO pit queue,
# Barnes et al. 2014 Algorithm 2) with the outlets of Cairo..Juba (the basin reaches Dongola).
# Baseline in the same run: none inside the CLI; the heap-only fill (Algorithm 1) is compared by
# the unit test "priority-flood fills a pit" for equality only. Prints seconds per run.
set -eu
exe=${1:-build/riparia}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat > "$dir/nile.toml" <<'TOML'
[basin]
name = "nile"
[[subbasin]]
id = "NILE"
country = "EGY"
area_km2 = 2961322
lat = 10.0
lon = 31.0
outlet = { lat = 30.10, lon = 31.25 }
gr4j = { x1 = 350.0, x2 = 0.0, x3 = 90.0, x4 = 1.7 }
TOML
for k in 1 2 3; do
    "$exe" delineate "$dir/nile.toml" --out "$dir/out" --quiet
    python3 -c "import json,sys; t=json.load(open(sys.argv[1]))['timing_s']; print('run', $k, t)" "$dir/out/delineation.json"
done
