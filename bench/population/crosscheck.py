#!/usr/bin/python3
"""Compares the people figures of `caremap coverage --json` with the GeoPandas peer's JSON, per city:
people, 65+, 75+ and those within reach. Prints a Markdown table; exits 1 when a figure differs by more
than the tolerance (default 0.1 %).
Usage: crosscheck.py CAREMAP_JSON GEOPANDAS_JSON [TOLERANCE_PCT]"""
import json
import sys


def main() -> int:
    caremap = json.load(open(sys.argv[1]))
    peer = {c["city"]: c for c in json.load(open(sys.argv[2]))["cities"]}
    tolerance = float(sys.argv[3]) if len(sys.argv) > 3 else 0.1
    worst = 0.0
    print("| city | figure | caremap | GeoPandas | difference |")
    print("|---|---|---:|---:|---:|")
    for city in caremap["cities"]:
        p = peer[city["city"]]
        people = city["people"]
        pairs = [
            ("people", people["total"]["people"], p["people"]),
            ("65+", people["total"]["people_65plus"], p["people_65plus"]),
            ("75+", people["total"]["people_75plus"], p["people_75plus"]),
            ("people within reach", people["covered"]["people"], p["covered"]),
            ("65+ within reach", people["covered"]["people_65plus"], p["covered_65plus"]),
            ("75+ within reach", people["covered"]["people_75plus"], p["covered_75plus"]),
        ]
        for name, a, b in pairs:
            diff = 100.0 * abs(a - b) / max(abs(b), 1e-9)
            worst = max(worst, diff)
            print(f"| {city['city']} | {name} | {a:,.1f} | {b:,.1f} | {diff:.4f} % |")
    print(f"\nLargest difference: {worst:.4f} % (tolerance {tolerance} %).")
    return 0 if worst <= tolerance else 1


if __name__ == "__main__":
    sys.exit(main())
