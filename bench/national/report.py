#!/usr/bin/python3
"""The Markdown page of benchmark I (bench/national/run): one row per caremap run (hyperfine wall
and CPU time, the `--timing` phases and the peak resident memory of one run under
/usr/bin/time -v), the peers, the cross-check and the machine load.

usage: report.py WORK_DIR LOAD_BEFORE LOAD_AFTER CORES COMMIT CLI
"""

import json
import os
import re
import sys

WHAT = {
    "nearest-1M": "nearest, benchmark A's 7,317 hospitals (hospitals.csv) × 1M points, CSV out, every core",
    "nearest-1M-1thread": "the same, `--threads 1`",
    "nearest-1M-no-output": "the same, `--threads 1`, no output file (the search alone, as cKDTree)",
    "baseline-nearest-1M": "the same as the first row with the caremap before this change (`BASELINE_BIN`)",
    "national-nearest-hospital": "nearest, `--region national --category hospital` (MHLW file as published) × 1M points, CSV out",
    "national-nearest-care": "nearest, `--region national --category care_facility` (four MHLW care files) × 1M points, CSV out",
    "national-coverage-hospital": "coverage `--demand`, hospitals at 16 km × 1M points, CSV out",
    "national-coverage-hospital-care": "coverage `--demand`, hospitals and care facilities at 16 km × 1M points, CSV out",
}


def phases(err_path):
    out, peak = [], None
    for line in open(err_path, encoding="utf-8", errors="replace"):
        # "time read: 1146.6 ms (cpu 1087.0 ms)"; a phase split by the analysis gives the CPU
        # time of the group ("(cpu of index + search + summary: 518.6 ms)"); older builds none.
        m = re.match(r"time ([^:]+): ([0-9.]+) ms(?: \(cpu (?:of ([^:]+): )?([0-9.]+) ms\))?", line)
        if m:
            text = f"{m.group(1)} {float(m.group(2)) / 1000:.3f}"
            if m.group(4):
                group = f"{m.group(3)} " if m.group(3) else ""
                text += f" (CPU {group}{float(m.group(4)) / 1000:.3f})"
            out.append(text)
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", line)
        if m:
            peak = int(m.group(1)) / 1024
    return ", ".join(out), peak


def main():
    work, before, after, cores, commit, cli = sys.argv[1:7]
    print("# Benchmark I: national scale, nearest and coverage (issue 16)\n")
    print(f"Commit {commit}, `{os.path.relpath(cli)}`. Whole process: hyperfine median (min in brackets), "
          "CPU = user + sys of all threads. Phases (s: wall, with the process's CPU time in the phase where the build reports it) and peak memory (maximum resident set size, "
          "/usr/bin/time -v) from one more run with `--timing`. The 1,000,000 demand points are benchmark A's "
          "**synthetic** points (facility locations moved by up to 3 km), not people or patients.\n")
    print("| run | wall | CPU | phases (s) | peak memory |")
    print("|---|---:|---:|---|---:|")
    rows = [l.split("\t")[0] for l in open(os.path.join(work, "runs.tsv"))]
    for label in rows:
        j = json.load(open(os.path.join(work, label + ".json")))["results"][0]
        ph, peak = phases(os.path.join(work, label + ".err"))
        print(f"| {WHAT.get(label, label)} | {j['median']:.3f} s ({j['min']:.3f}) | "
              f"{j['user'] + j['system']:.3f} s | {ph} | {peak:.0f} MiB |")
    ck = os.path.join(work, "ckdtree.json")
    if os.path.exists(ck):
        c = json.load(open(ck))
        print(f"| SciPy {c['scipy']} cKDTree, 1M points, `workers=1`, in-process, median of {c['repeats']} | "
              f"build + query {c['total_s_median']:.3f} s ({c['total_s_min']:.3f}) | "
              f"{c['cpu_per_point_ns_median'] * c['points'] / 1e9:.3f} s | arrays already in memory; no file read or written | – |")
    q = os.path.join(work, "qgis.json")
    if os.path.exists(q):
        r = json.load(open(q))["results"][0]
        print(f"| QGIS `qgis:distancetonearesthubpoints`, **100k** points, whole process, one run | "
              f"{r['median']:.3f} s | {r['user'] + r['system']:.3f} s | – | – |")
    x = os.path.join(work, "crosscheck.json")
    if os.path.exists(x):
        c = json.load(open(x))
        print(f"\nCross-check of the first row against cKDTree: {c['compared']} points, {c['same_id']} same "
              f"hospital, {c['tie_other_id']} ties (another hospital at the same distance), {c['different']} "
              f"different ({c['agree_pct']:.3f} % agree).")
    print(f"\nMachine: {cores} logical CPUs, **shared** with other builds and benchmarks while measured. "
          f"Load average (1, 5, 15 min): {before} at the start, {after} at the end.")


if __name__ == "__main__":
    main()
