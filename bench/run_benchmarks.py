#!/usr/bin/env python3
"""Runs every benchmark and writes bench/results.json (python3 standard library only).

Each benchmark prints its figures for people and one or more JSON lines starting with
{"bench": ...} (its ratios against the baselines measured in the same run and its absolute
throughput); this script keeps those lines, and measures each benchmark's wall time and peak
memory (the largest resident set of the benchmark or any process it started, from wait4).
results.json also records the machine (CPU model, cores, memory, load average before and after),
the date and the git commit. It is written under a temporary name and renamed when complete.

Usage: bench/run_benchmarks.py [BUILD_DIR] [--only NAME,...] [--out PATH]
"""
import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def benchmarks(build):
    """(name, command) of every benchmark, in the order `make -f Makefile.ci bench` runs them."""
    exe = lambda name: os.path.join(build, "bench", name)
    script = lambda name: os.path.join(HERE, name)
    return [
        ("gr4j_kernel", [exe("bench_gr4j_kernel"), "/dev/stdout"]),
        ("allocation", [exe("bench_allocation")]),
        ("area_weights", [exe("bench_area_weights")]),
        ("end_to_end", [script("end_to_end.sh"), build]),
        ("ensemble_throughput", [script("ensemble_throughput.sh"), build]),
        ("curated_studies", [script("curated_studies.sh"), build]),
        ("delineate", [script("bench_delineate.sh"), os.path.join(build, "riparia")]),
        ("screen", [script("bench_screen.sh"), build]),
        ("scale_tree", [exe("bench_scale_tree")]),
        ("scale_global", [exe("bench_scale_global")]),
    ]


def run(name, command):
    """Runs one benchmark, echoing its output; returns its entry of results.json."""
    print(f"== {name}: {' '.join(command)}", flush=True)
    start = time.monotonic()
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    results = []
    for line in child.stdout:
        sys.stdout.write(line)
        if line.startswith('{"bench"'):
            results.append(json.loads(line))
    # wait4's ru_maxrss: the largest resident set of the child and of the processes it waited for.
    _, status, usage = os.wait4(child.pid, 0)
    return {
        "name": name,
        "command": command,
        "exit_code": os.waitstatus_to_exitcode(status),
        "wall_s": round(time.monotonic() - start, 3),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
        "peak_rss_bytes": usage.ru_maxrss * 1024,
        "results": results,
    }


def machine():
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        cpu = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), cpu)
    with open("/proc/meminfo") as f:
        mem_kib = next(int(l.split()[1]) for l in f if l.startswith("MemTotal"))
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_bytes": mem_kib * 1024,
            "system": f"{platform.system()} {platform.release()}",
            "load_average_before": os.getloadavg()}


def git(*args):
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", nargs="?", default="build")
    parser.add_argument("--only", default="", help="comma-separated benchmark names")
    parser.add_argument("--out", default=os.path.join(HERE, "results.json"))
    args = parser.parse_args()
    build = os.path.abspath(args.build)
    chosen = [b for b in benchmarks(build) if not args.only or b[0] in args.only.split(",")]
    unknown = set(filter(None, args.only.split(","))) - {b[0] for b in benchmarks(build)}
    if unknown:
        sys.exit(f"run_benchmarks.py: unknown benchmark(s) {sorted(unknown)}")
    record = {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
              "git_commit": git("rev-parse", "HEAD"),
              "git_dirty": bool(git("status", "--porcelain", "--untracked-files=no")),
              "machine": machine(), "benchmarks": []}
    for name, command in chosen:
        record["benchmarks"].append(run(name, command))
    record["machine"]["load_average_after"] = os.getloadavg()
    temporary = args.out + ".tmp-" + str(os.getpid())
    with open(temporary, "w") as f:
        json.dump(record, f, indent=1)
        f.write("\n")
    os.replace(temporary, args.out)
    failed = [b["name"] for b in record["benchmarks"] if b["exit_code"] != 0]
    print(f"wrote {args.out}" + (f"; failed: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
