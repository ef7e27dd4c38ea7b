#!/bin/sh
# Delineates the basins of outlets.toml from ETOPO5 with the built riparia (stream burning along
# the declared outlet chains, the endorheic terminal sinks of sinks.toml, and once more with
# --no-burn), draining the level flats of at least 50,000 km2 towards their lower edges
# (--flat-min-km2, docs/delineation.md step 7), ending the hyper-arid closed lakes
# (--closed-lakes, step 8; once more without it), and compares the upstream areas of
# the terminal outlets (no `downstream`) with the TFDD register (sum of each basin's
# basin-country rows), writing areas.md.
# Usage: basins/delineation/run.sh [path/to/riparia]   (default: build/riparia)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
exe=${1:-$root/build/riparia}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
climate="$root/../shared/data/climate"
lakes="--closed-lakes --precipitation $climate/itu_p837-7_monthly_precip_0.5deg.nc
    --temperature $climate/ghcn_cams_air.mon.ltm.1991-2020.nc"
# shellcheck disable=SC2086 # $lakes is a list of arguments
"$exe" delineate "$here/outlets.toml" --out "$out/burnt" --snap-radius 4 --quiet \
    --sinks "$here/sinks.toml" --flat-min-km2 50000 $lakes
# shellcheck disable=SC2086
"$exe" delineate "$here/outlets.toml" --out "$out/unburnt" --snap-radius 4 --quiet --no-burn \
    --sinks "$here/sinks.toml" --flat-min-km2 50000 $lakes
"$exe" delineate "$here/outlets.toml" --out "$out/open" --snap-radius 4 --quiet \
    --sinks "$here/sinks.toml" --flat-min-km2 50000
python3 - "$out/burnt/delineation.json" "$out/unburnt/delineation.json" "$out/open/delineation.json" \
    "$root/../shared/data/tfdd/basin_country_register.csv" "$here/outlets.toml" \
    "$here/areas.md.partial" <<'PY'
import csv, json, sys, tomllib
result, unburnt, open_lakes, register, outlets, target = sys.argv[1:7]
tfdd = {}
with open(register, encoding="utf-8-sig") as f:
    for row in csv.DictReader(f):
        tfdd[row["bcode"]] = tfdd.get(row["bcode"], 0.0) + float(row["area"] or 0)
bcode = {"AMU": "ARAL", "SYR": "ARAL"}  # the chains of the Aral Sea's two rivers
declared = {t["id"]: t.get("downstream") for t in tomllib.load(open(outlets, "rb"))["subbasin"]}


def terminal_areas(path):
    got, chain, moved = {}, {}, {}
    for s in json.load(open(path))["subbasins"]:
        code = bcode.get(s["id"].split("_")[0], s["id"].split("_")[0])
        moved[code] = max(moved.get(code, 0.0), s["moved_km"])
        ok, n = chain.get(code, (0, 0))
        if declared[s["id"]] is None:
            got[code] = got.get(code, 0.0) + s["upstream_area_km2"]
        else:
            chain[code] = (ok + (s["downstream_delineated"] == declared[s["id"]]), n + 1)
    return got, chain, moved


got, chain, moved = terminal_areas(result)
before, _, _ = terminal_areas(unburnt)
spilled, _, _ = terminal_areas(open_lakes)
lines = ["| basin (TFDD BCODE) | TFDD km² | delineated km² | difference % | within 15 % "
         "| chain outlets draining to the declared next | largest snap move km "
         "| --no-burn km² | --no-burn % | without --closed-lakes km² | without --closed-lakes % |",
         "|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|"]
for code, km2 in got.items():
    ref = tfdd[code]
    diff = 100.0 * (km2 - ref) / ref
    ok = "yes" if abs(diff) <= 15 else "no"
    links = "{} of {}".format(*chain[code]) if code in chain else "–"
    b, o = before[code], spilled[code]
    lines.append(f"| {code} | {ref:,.0f} | {km2:,.0f} | {diff:+.1f} | {ok} | {links} "
                 f"| {moved[code]:.1f} | {b:,.0f} | {100.0 * (b - ref) / ref:+.1f} "
                 f"| {o:,.0f} | {100.0 * (o - ref) / ref:+.1f} |")
lakes = json.load(open(result))["closed_lakes"]
header = ("# ETOPO5 delineation against the TFDD register\n\n"
          "Written by `basins/delineation/run.sh` (riparia delineate on ETOPO5 5', "
          "sea = cells < 0 m joined to the grid edge, the declared chains land down to their outlets "
          "through delta cells down to -10 m, stream burning along them, the endorheic sinks of "
          "`sinks.toml`, priority-flood + D8, level flats of at least 50,000 km² drained towards their "
          "lower edges, the closed lakes of hyper-arid depressions (P/PET < 0.05) as sinks, snap radius "
          "4 cells) from `outlets.toml`; two columns rerun it with `--no-burn`, the last two without "
          "`--closed-lakes`. Areas are those of each basin's terminal outlet. "
          "TFDD: sum of the basin's rows in `basin_country_register.csv`. "
          "ARAL: the Amu Darya and the Syr Darya end in the Aral Sea (terminal outlet ARAL).\n\n")
footer = (f"\nClosed lakes in the crop of all outlets: {lakes['closed']:,}, lake area "
          f"{lakes['lake_km2']:,.0f} km² (ITU-R P.837-7 precipitation, GHCN-CAMS temperature, "
          f"Fu w = {lakes['fu_omega']}).\n")
open(target, "w").write(header + "\n".join(lines) + "\n" + footer)
PY
mv "$here/areas.md.partial" "$here/areas.md"
cat "$here/areas.md"
