#!/usr/bin/python3
"""Reads a Google Benchmark JSON file (--benchmark_out_format=json) and prints one tab-separated
line per benchmark run: name, real time in milliseconds, CPU time in milliseconds (of the main
thread, as Google Benchmark measures it), ns per item (from ns_per_point or
items_per_second; "-" if neither), and the user counters as k=v pairs ("-" if none). No field is
empty, so that shell `read` with a tab IFS keeps the columns apart.
Aggregates (mean/median/stddev of repetitions) are skipped unless they are the median.

usage: gbench.py FILE.json
"""

import json
import sys

TO_MS = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}
SKIP = {"name", "run_name", "run_type", "repetitions", "repetition_index", "threads", "iterations",
        "real_time", "cpu_time", "time_unit", "family_index", "per_family_instance_index",
        "aggregate_name", "aggregate_unit", "label", "error_occurred", "error_message"}


def main():
    data = json.load(open(sys.argv[1]))
    for b in data.get("benchmarks", []):
        if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
            continue
        if b.get("error_occurred"):
            print(f'{b["name"]}\t-\t-\t-\terror: {b.get("error_message", "")}')
            continue
        real_ms = b["real_time"] * TO_MS[b.get("time_unit", "ns")]
        cpu_ms = b["cpu_time"] * TO_MS[b.get("time_unit", "ns")]
        per_item = "-"
        if "ns_per_point" in b:
            per_item = f'{b["ns_per_point"]:.1f}'
        elif b.get("items_per_second"):
            per_item = f'{1e9 / b["items_per_second"]:.1f}'
        counters = " ".join(f"{k}={v:.6g}" for k, v in b.items()
                            if k not in SKIP and isinstance(v, (int, float)))
        print(f'{b["name"]}\t{real_ms:.4f}\t{cpu_ms:.4f}\t{per_item}\t{counters or "-"}')


if __name__ == "__main__":
    main()
