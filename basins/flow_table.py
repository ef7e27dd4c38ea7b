#!/usr/bin/env python3
"""Published vs simulated mean annual flow at each curated basin's key points.

Runs every basins/<name>/study.toml (or the ones named) with the built riparia, reads the run
summaries in run.json (mean over the members of each member's mean annual outflow of the key
sub-basin, baseline scenario; the pristine policy for natural flows, the basin as built for
observed ones) and prints a Markdown table per basin for basins/README.md.

    basins/flow_table.py [--riparia build/riparia] [--work DIR] [basin ...]
"""
import argparse
import json
import pathlib
import subprocess
import sys
import tempfile
import tomllib

HERE = pathlib.Path(__file__).resolve().parent


def mean_annual_km3(run, node):
    stats = run["statistics"]
    volumes, days = stats["outflow_km3"][node], stats["days"]
    return sum(volumes) * 365.25 / sum(days)


def simulated(record, point):
    runs = record["ensemble"]["runs"] if "ensemble" in record else []
    scenario = record["ensemble"]["scenarios"][0]["name"]
    policies = [p["name"] for p in record["ensemble"]["policies"]]
    wanted = "pristine" if point.get("kind") == "natural" else next(
        p for p in policies if p != "pristine")
    values = [mean_annual_km3(r, point["subbasin"]) for r in runs
              if r["scenario"] == scenario and r["policy"] == wanted]
    return sum(values) / len(values), wanted, len(values)


def table(name, riparia, work):
    folder = HERE / name
    out = pathlib.Path(work) / name
    subprocess.run([riparia, "run", str(folder / "study.toml"), "--out", str(out), "--quiet"],
                   check=True)
    record = json.loads((out / "run.json").read_text())
    points = tomllib.loads((folder / "key_points.toml").read_text())["point"]
    lines = [f"### {name}", "",
             "| key point | sub-basin | kind | published km³/yr | simulated km³/yr | difference |",
             "|---|---|---|---:|---:|---:|"]
    worst = 0.0
    for p in points:
        value, policy, members = simulated(record, p)
        published = p["published_mean_annual_flow_km3"]
        diff = 100 * (value - published) / published
        worst = max(worst, abs(diff))
        lines.append(f"| {p['name']} | {p['subbasin']} | {p.get('kind', 'observed')} "
                     f"({policy}) | {published:.1f} | {value:.1f} | {diff:+.1f} % |")
    lines.append("")
    lines.append(f"Simulated: baseline scenario, mean of {members} members, "
                 f"{record['options']['start']} .. {record['options']['end']}.")
    return "\n".join(lines), worst


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--riparia", default=str(HERE.parent / "build" / "riparia"))
    parser.add_argument("--work", default=None)
    parser.add_argument("basins", nargs="*")
    args = parser.parse_args()
    names = args.basins or sorted(p.parent.name for p in HERE.glob("*/key_points.toml"))
    work = args.work or tempfile.mkdtemp(prefix="riparia-flows-")
    worst_all = 0.0
    for name in names:
        text, worst = table(name, args.riparia, work)
        worst_all = max(worst_all, worst)
        print(text + "\n")
    print(f"worst difference over all key points: {worst_all:.1f} % (goal: within 10 %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
