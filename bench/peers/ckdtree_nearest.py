#!/usr/bin/python3
"""Peer of benchmark A: SciPy cKDTree, one thread, build + k=1 query in projected metres.

usage: ckdtree_nearest.py HOSPITALS_CSV HOSPITALS_XY DEMAND_XY OUT_CSV [REPEATS]

DEMAND_XY is a file of x y pairs, or uniform:N: N points drawn uniformly over the facilities'
bounding box with a fixed seed, the demand distribution of bench/nearest/nearest_bench.cpp (same
distribution, not the same points). OUT_CSV "-" writes nothing.

Times, REPEATS times (default 5), cKDTree(facilities) construction and query(demand, k=1,
workers=1) with time.perf_counter (wall) and time.process_time (CPU), after the inputs are loaded into numpy arrays (file reading
and projection are excluded: they are the same for every tool and are not what this peer measures).
Prints one JSON object (median and min seconds of build, query and build+query, and the per-point
time), and writes OUT_CSV: demand_id,facility_id,distance_m (demand ids are 1-based row numbers, as
in demand_<n>.csv).
"""

import csv
import json
import statistics
import sys
import time

import numpy as np
import scipy
from scipy.spatial import cKDTree


def main():
    hospitals_csv, hospitals_xy, demand_xy, out_csv = sys.argv[1:5]
    repeats = int(sys.argv[5]) if len(sys.argv) > 5 else 5
    with open(hospitals_csv, encoding="utf-8", newline="") as f:
        ids = [row["id"] for row in csv.DictReader(f)]
    facilities = np.loadtxt(hospitals_xy, dtype=np.float64)
    if demand_xy.startswith("uniform:"):
        n = int(demand_xy.split(":")[1])
        rng = np.random.Generator(np.random.PCG64(7 + n))
        low, high = facilities.min(axis=0), facilities.max(axis=0)
        demand = low + (high - low) * rng.random((n, 2))
    else:
        demand = np.loadtxt(demand_xy, dtype=np.float64)
    if len(ids) != len(facilities):
        sys.exit(f"{hospitals_csv} has {len(ids)} rows but {hospitals_xy} has {len(facilities)}")

    builds, queries, cpu = [], [], []
    for _ in range(repeats):
        c0 = time.process_time()
        t0 = time.perf_counter()
        tree = cKDTree(facilities)
        t1 = time.perf_counter()
        distance, index = tree.query(demand, k=1, workers=1)
        t2 = time.perf_counter()
        cpu.append(time.process_time() - c0)
        builds.append(t1 - t0)
        queries.append(t2 - t1)
    totals = [b + q for b, q in zip(builds, queries)]

    if out_csv != "-":
        with open(out_csv, "w", newline="") as f:
            f.write("demand_id,facility_id,distance_m\n")
            for i, (j, d) in enumerate(zip(index, distance), start=1):
                f.write(f"{i},{ids[j]},{d:.3f}\n")

    n = len(demand)
    print(json.dumps({
        "scipy": scipy.__version__,
        "points": n,
        "facilities": len(facilities),
        "repeats": repeats,
        "build_s_median": statistics.median(builds),
        "query_s_median": statistics.median(queries),
        "total_s_median": statistics.median(totals),
        "total_s_min": min(totals),
        "per_point_ns_median": statistics.median(totals) / n * 1e9,
        "per_point_ns_min": min(totals) / n * 1e9,
        "cpu_per_point_ns_median": statistics.median(cpu) / n * 1e9,
    }))


if __name__ == "__main__":
    main()
