#!/usr/bin/python3
"""Inputs of benchmark A (nearest facility), generated deterministically from the shipped national data.

Writes into OUT_DIR (default bench/data/generated):
  hospitals.csv            id,name,lon,lat   MHLW national hospitals with usable coordinates (see
                           EXCLUSION); id = MHLW ID, name = 正式名称
  hospitals_xy.txt         x y          the same hospitals in the benchmark CRS (metres), one per line
  hospitals.gpkg           layer hospitals (field id, text), benchmark CRS, for QGIS
  demand_<n>.csv           id,lon,lat   n demand points (1000000 and 100000)
  demand_<n>_xy.txt        x y          the same points in the benchmark CRS
  demand_100000.gpkg       layer demand (field id, integer), benchmark CRS, for QGIS

EXCLUSION: a hospital row is kept only if both 所在地座標（緯度） and 所在地座標（経度） parse as numbers,
neither is zero, and the point lies in Japan's bounding box (lat 20..46, lon 122..154). The same
cleaned file is given to every tool, so every tool sees exactly the same facilities.

DEMAND POINTS: sampled with replacement from real facility locations (hospitals plus the four MHLW
care-facility files) and moved by a uniform random offset inside a 3 km disc, so they spread over
Japan's populated land. numpy's PCG64 generator with a fixed seed makes the file byte-identical on
every run; the 100,000-point set is the first 100,000 rows of the 1,000,000-point set.

CRS: every projected file uses BENCH_CRS (a Lambert conformal conic over Japan, GRS80), projected by
PROJ through pyproj for the text files and through GDAL (same PROJ) for the GeoPackages.
"""

import csv
import os
import subprocess
import sys

import numpy as np
import pyproj

NATIONAL = "/work/shared/data/national"
HOSPITALS = "01-1_hospital_facility_info_20250601.csv"
CARE_FILES = [
    "510_tokuyou_20250601.csv",
    "520_rouken_20250601.csv",
    "550_care_medical_institute_20250601.csv",
    "760_regular_patrol_nursing_20250601.csv",
]
LAT_COL, LON_COL = "所在地座標（緯度）", "所在地座標（経度）"
SEED = 20250601
JITTER_RADIUS_M = 3000.0
SIZES = [1_000_000, 100_000]
BENCH_CRS = os.environ.get(
    "BENCH_CRS",
    "+proj=lcc +lat_0=35 +lon_0=136 +lat_1=28 +lat_2=42 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs",
)


def in_japan(lat, lon):
    return 20.0 < lat < 46.0 and 122.0 < lon < 154.0


def parse(value):
    try:
        return float(value.strip())
    except ValueError:
        return None


def read_hospitals():
    kept, excluded = [], 0
    with open(os.path.join(NATIONAL, HOSPITALS), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            lat, lon = parse(row[LAT_COL]), parse(row[LON_COL])
            if lat is None or lon is None or lat == 0.0 or lon == 0.0 or not in_japan(lat, lon):
                excluded += 1
                continue
            kept.append((row["ID"], lon, lat, row["正式名称"]))
    return kept, excluded


def read_care_locations():
    points = []
    for name in CARE_FILES:
        with open(os.path.join(NATIONAL, name), encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                lat, lon = parse(row["緯度"]), parse(row["経度"])
                if lat is not None and lon is not None and in_japan(lat, lon):
                    points.append((lon, lat))
    return points


def write_xy(path, x, y):
    np.savetxt(path, np.column_stack([x, y]), fmt="%.3f")


def to_gpkg(csv_path, gpkg_path, layer, column_types):
    # A .csvt side file types the columns (the id stays text or integer); GDAL reads lon/lat as the
    # geometry.
    with open(csv_path[:-4] + ".csvt", "w") as f:
        f.write(",".join(f'"{t}"' for t in column_types) + "\n")
    subprocess.run(
        ["ogr2ogr", "-q", "-f", "GPKG", "-overwrite", gpkg_path, csv_path, "-nln", layer,
         "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat", "-oo", "KEEP_GEOM_COLUMNS=NO",
         "-s_srs", "EPSG:4326", "-t_srs", BENCH_CRS],
        check=True)


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "generated")
    os.makedirs(out_dir, exist_ok=True)
    to_xy = pyproj.Transformer.from_crs("EPSG:4326", BENCH_CRS, always_xy=True)

    hospitals, excluded = read_hospitals()
    path = os.path.join(out_dir, "hospitals.csv")
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["id", "name", "lon", "lat"])
        for hid, lon, lat, name in hospitals:
            out.writerow([hid, name, f"{lon:.6f}", f"{lat:.6f}"])
    lon = np.array([h[1] for h in hospitals])
    lat = np.array([h[2] for h in hospitals])
    x, y = to_xy.transform(np.round(lon, 6), np.round(lat, 6))
    write_xy(os.path.join(out_dir, "hospitals_xy.txt"), x, y)
    to_gpkg(path, os.path.join(out_dir, "hospitals.gpkg"), "hospitals",
            ["String", "String", "Real", "Real"])
    print(f"hospitals: {len(hospitals)} kept, {excluded} excluded (zero/empty/outside Japan)")

    seeds = np.array([(h[1], h[2]) for h in hospitals] + read_care_locations())
    rng = np.random.Generator(np.random.PCG64(SEED))
    n = max(SIZES)
    pick = rng.integers(0, len(seeds), n)
    radius = JITTER_RADIUS_M * np.sqrt(rng.random(n))
    angle = 2.0 * np.pi * rng.random(n)
    base_lon, base_lat = seeds[pick, 0], seeds[pick, 1]
    # Local metres-per-degree on the GRS80 sphere approximation; exact enough for a jitter.
    m_per_deg_lat = 111_132.0
    m_per_deg_lon = 111_320.0 * np.cos(np.radians(base_lat))
    dem_lon = np.round(base_lon + radius * np.cos(angle) / m_per_deg_lon, 7)
    dem_lat = np.round(base_lat + radius * np.sin(angle) / m_per_deg_lat, 7)
    dx, dy = to_xy.transform(dem_lon, dem_lat)
    for size in SIZES:
        path = os.path.join(out_dir, f"demand_{size}.csv")
        with open(path, "w", newline="") as f:
            f.write("id,lon,lat\n")
            for i in range(size):
                f.write(f"{i + 1},{dem_lon[i]:.7f},{dem_lat[i]:.7f}\n")
        write_xy(os.path.join(out_dir, f"demand_{size}_xy.txt"), dx[:size], dy[:size])
        print(f"demand_{size}: {size} points from {len(seeds)} seed locations")
    to_gpkg(os.path.join(out_dir, "demand_100000.csv"), os.path.join(out_dir, "demand_100000.gpkg"),
            "demand", ["Integer", "Real", "Real"])
    with open(os.path.join(out_dir, "bench_crs.txt"), "w") as f:
        f.write(BENCH_CRS + "\n")


if __name__ == "__main__":
    main()
