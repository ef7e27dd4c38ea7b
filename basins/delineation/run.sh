#!/bin/sh
# Delineates the basins of outlets.toml from ETOPO5 with the built riparia and compares their
# areas with the TFDD register (sum of each basin's basin-country rows), writing areas.md.
# Usage: basins/delineation/run.sh [path/to/riparia]   (default: build/riparia)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
exe=${1:-$root/build/riparia}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$exe" delineate "$here/outlets.toml" --out "$out/etopo5" --snap-radius 4 --quiet
python3 - "$out/etopo5/delineation.json" "$root/../shared/data/tfdd/basin_country_register.csv" \
    "$here/areas.md.partial" <<'PY'
import csv, json, sys
result, register, target = sys.argv[1:4]
tfdd = {}
with open(register, encoding="utf-8-sig") as f:
    for row in csv.DictReader(f):
        tfdd[row["bcode"]] = tfdd.get(row["bcode"], 0.0) + float(row["area"] or 0)
bcode = {"AMU": "ARAL", "SYR": "ARAL"}  # two rivers of the Aral basin
got = {}
for s in json.load(open(result))["subbasins"]:
    code = bcode.get(s["id"], s["id"])
    got[code] = got.get(code, 0.0) + s["upstream_area_km2"]
lines = ["| basin (TFDD BCODE) | TFDD km² | delineated km² | difference % | within 15 % |",
         "|---|---:|---:|---:|---|"]
for code, km2 in got.items():
    ref = tfdd[code]
    diff = 100.0 * (km2 - ref) / ref
    ok = "yes" if abs(diff) <= 15 else "no"
    lines.append(f"| {code} | {ref:,.0f} | {km2:,.0f} | {diff:+.1f} | {ok} |")
header = ("# ETOPO5 delineation against the TFDD register\n\n"
          "Written by `basins/delineation/run.sh` (riparia delineate on ETOPO5 5', "
          "priority-flood + D8, snap radius 4 cells) from `outlets.toml`. TFDD: sum of the "
          "basin's rows in `basin_country_register.csv`. ARAL = Amu Darya + Syr Darya.\n\n")
open(target, "w").write(header + "\n".join(lines) + "\n")
PY
mv "$here/areas.md.partial" "$here/areas.md"
cat "$here/areas.md"
