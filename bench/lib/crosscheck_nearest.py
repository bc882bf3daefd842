#!/usr/bin/python3
"""Cross-check of benchmark A: does another tool pick the same nearest hospital as cKDTree?

usage: crosscheck_nearest.py DATA_DIR N REFERENCE_CSV OTHER_FILE

REFERENCE_CSV is the cKDTree output (demand_id,facility_id,distance_m). OTHER_FILE is any table GDAL
reads (CSV, GeoPackage, ...): the demand id column is the first of DEMAND_COLUMNS present, the
facility column the first of FACILITY_COLUMNS present (QGIS writes id / HubName / HubDist).

A column whose name ends in "fid" holds feature numbers instead of ids (caremap's demand_fid and
facility_fid): they are mapped to ids through the row order of demand_<n>.csv and hospitals.csv,
numbered from 0 or from 1, whichever makes the reported distances match the positions.

A point agrees when the ids are equal. When they differ, the distance from the point to each of the
two hospitals is computed in the benchmark CRS (DATA_DIR/*_xy.txt): equal within TIE_M means a tie
(two hospitals at the same distance, e.g. the 5 pairs of hospitals sharing coordinates), anything
else is a real disagreement (a projection or distance-model difference). Prints one JSON object.
"""

import csv
import json
import os
import sys

import numpy as np
from osgeo import ogr

from columns import pick

ogr.UseExceptions()
DEMAND_COLUMNS = ["demand_id", "id", "demand", "point_id", "demand_fid"]
FACILITY_COLUMNS = ["facility_id", "nearest_id", "nearest_facility_id", "facility", "HubName", "hub_id",
                    "facility_fid"]
DISTANCE_COLUMNS = ["distance_m", "HubDist", "distance", "dist_m"]
TIE_M = 0.001


def read_table(path):
    """(demand ids, facility ids, distances or None) from any GDAL-readable table."""
    ds = ogr.Open(path)
    layer = ds.GetLayer(0)
    defn = layer.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    demand_col, facility_col = pick(names, DEMAND_COLUMNS), pick(names, FACILITY_COLUMNS)
    distance_col = pick(names, DISTANCE_COLUMNS)
    if facility_col is None:
        raise SystemExit(f"{path}: no facility column among {names}")
    demand, facility, distance = [], [], []
    for i, feature in enumerate(layer, start=1):
        demand.append(int(feature.GetField(demand_col)) if demand_col else i)
        facility.append(feature.GetField(facility_col))
        if distance_col:
            distance.append(float(feature.GetField(distance_col)))
    return demand, facility, (distance if distance_col else None), (demand_col, facility_col, distance_col)


def fid_base(demand, facility, distance, demand_xy, hospitals_xy):
    """0 or 1: the numbering of facility feature numbers that best explains the distances."""
    if distance is None:
        return 0
    sample = range(0, len(demand), max(1, len(demand) // 1000))
    error = {}
    for base in (0, 1):
        gaps = [abs(float(np.hypot(*(hospitals_xy[facility[k] - base] - demand_xy[demand[k] - 1])))
                    - distance[k]) for k in sample
                if 0 <= facility[k] - base < len(hospitals_xy) and 0 < demand[k] <= len(demand_xy)]
        error[base] = float(np.median(gaps)) if gaps else float("inf")
    return min(error, key=error.get)


def main():
    data_dir, n, reference, other = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    with open(os.path.join(data_dir, "hospitals.csv"), encoding="utf-8", newline="") as f:
        hospital_ids = [row["id"] for row in csv.DictReader(f)]
    row_of = {h: i for i, h in enumerate(hospital_ids)}
    hospitals_xy = np.loadtxt(os.path.join(data_dir, "hospitals_xy.txt"))
    demand_xy = np.loadtxt(os.path.join(data_dir, f"demand_{n}_xy.txt"))

    ref = {}
    with open(reference, newline="") as f:
        for row in csv.DictReader(f):
            ref[int(row["demand_id"])] = (row["facility_id"], float(row["distance_m"]))

    demand, facility, distance, columns = read_table(other)
    demand_col, facility_col = columns[0], columns[1]
    if demand_col and demand_col.lower().endswith("fid") and demand and min(demand) == 0:
        demand = [d + 1 for d in demand]
    if facility_col.lower().endswith("fid"):
        facility = [int(f) for f in facility]
        facility = [hospital_ids[f - base] if 0 <= f - base < len(hospital_ids) else f"#{f}"
                    for base in [fid_base(demand, facility, distance, demand_xy, hospitals_xy)]
                    for f in facility]
    else:
        facility = [str(f) for f in facility]
    same = ties = differ = missing = unknown = 0
    worst = 0.0
    distance_error = []
    for k, (d_id, f_id) in enumerate(zip(demand, facility)):
        if d_id not in ref:
            missing += 1
            continue
        ref_id, ref_dist = ref[d_id]
        if f_id == ref_id:
            same += 1
            if distance is not None:
                distance_error.append(abs(distance[k] - ref_dist))
            continue
        if f_id not in row_of:
            unknown += 1
            continue
        p = demand_xy[d_id - 1]
        gap = float(np.hypot(*(hospitals_xy[row_of[f_id]] - p))) - ref_dist
        if abs(gap) <= TIE_M:
            ties += 1
        else:
            differ += 1
            worst = max(worst, abs(gap))
    compared = same + ties + differ + unknown
    print(json.dumps({
        "columns": columns,
        "rows": len(demand),
        "compared": compared,
        "not_in_reference": missing,
        "reference_rows": len(ref),
        "same_id": same,
        "tie_other_id": ties,
        "different": differ,
        "unknown_facility_id": unknown,
        "agree_pct": 100.0 * (same + ties) / compared if compared else 0.0,
        "same_id_pct": 100.0 * same / compared if compared else 0.0,
        "worst_distance_gap_m": worst,
        "max_distance_diff_same_id_m": max(distance_error) if distance_error else None,
        "median_distance_diff_same_id_m": float(np.median(distance_error)) if distance_error else None,
    }))


if __name__ == "__main__":
    main()
