#!/usr/bin/python3
"""The GeoPandas peer of `caremap coverage --category clinic --mesh none --json` on the default region:
import the e-Stat 500 m mesh file as published, apportion its cells to 宗像市 and 福津市 by area, and count
the people (all ages, 65+, 75+) within 16 km of a clinic, per city. Prints JSON on stdout.

The same rules as caremap (bench/README.md, "Benchmark D"):
  - e-Stat file in CP932 with two header rows; columns found by label (人口（総数）, ６５歳以上人口　総数,
    ７５歳以上人口　総数); '*', 'X', '' unknown, '-' zero;
  - secret cells: totals cell by cell; a merged group's 65+ / 75+ (on its receiving cell) shared among the
    group's cells in proportion to their own totals;
  - mesh cells from their JIS X 0410 codes (corners in JGD2011 lon/lat, projected to EPSG:6670);
  - apportionment: people x area(cell ∩ city) / area(cell);
  - coverage: the 97 clinics buffered by the radius (default 1 km; 360 vertices per circle), united; a piece
    counts by the share of its area inside the union.
Usage: geopandas_people.py [DATA_DIR [RADIUS_M]]
"""
import json
import sys

import geopandas as gpd
import pandas as pd
from shapely.geometry import Polygon


def mesh_corners(code: str):
    """South-west and north-east corners (lon, lat) of a 9-digit (500 m) JIS mesh code."""
    p, u = int(code[0:2]), int(code[2:4])
    q, v = int(code[4]), int(code[5])
    r, w = int(code[6]), int(code[7])
    m = int(code[8])
    lat = p / 1.5 + q * (5 / 60) + r * (30 / 3600) + ((m - 1) // 2) * (15 / 3600)
    lon = 100 + u + v * (7.5 / 60) + w * (45 / 3600) + ((m - 1) % 2) * (22.5 / 3600)
    return lon, lat, lon + 22.5 / 3600, lat + 15 / 3600


def read_estat(path: str) -> pd.DataFrame:
    raw = pd.read_csv(path, encoding="cp932", header=None, dtype=str, keep_default_na=False)
    codes, labels = list(raw.iloc[0]), [str(x).replace("\u3000", "").replace(" ", "") for x in raw.iloc[1]]
    data = raw.iloc[2:].reset_index(drop=True)
    data.columns = codes

    def column(label):
        return codes[labels.index(label)]

    def number(s):
        s = s.strip()
        if s == "-":
            return 0.0
        try:
            return float(s)
        except ValueError:
            return float("nan")

    out = pd.DataFrame({
        "code": data["KEY_CODE"].str.strip(),
        "status": data["HTKSYORI"].str.strip(),
        "target": data["HTKSAKI"].str.strip(),
        "pop": data[column("人口（総数）")].map(number),
        "p65": data[column("６５歳以上人口総数")].map(number),
        "p75": data[column("７５歳以上人口総数")].map(number),
    })
    # Secret groups: receiving cell -> its own row plus the withheld rows that name it.
    group = out["code"].where(out["status"] != "2", out["target"])
    in_group = out["status"].isin(["1", "2"])
    totals = out[in_group].groupby(group[in_group])["pop"].sum()
    receiving = out[out["status"] == "1"].set_index("code")
    for col in ("p65", "p75"):
        figure = group.map(receiving[col])
        share = figure * out["pop"] / group.map(totals)
        out.loc[in_group, col] = share[in_group]
    return out


def main(data_dir: str, radius_m: float) -> None:
    cells = read_estat(f"{data_dir}/munakata-fukutsu/population/tblT001101H5030.txt")
    cells = cells[cells["pop"] > 0]
    polygons = []
    for code in cells["code"]:
        x0, y0, x1, y1 = mesh_corners(code)
        polygons.append(Polygon([(x0, y0), (x0, y1), (x1, y1), (x1, y0)]))
    cells = gpd.GeoDataFrame(cells, geometry=polygons, crs="EPSG:4326").to_crs("EPSG:6670")
    cells["cell_m2"] = cells.area

    cities = gpd.read_file(f"{data_dir}/munakata-fukutsu/boundaries.gpkg").to_crs("EPSG:6670")
    cities["geometry"] = cities.buffer(0)  # repair, as caremap does (boost make_valid)
    cities = cities[["N03_004", "geometry"]]

    pieces = gpd.overlay(cells, cities, how="intersection", keep_geom_type=True)
    share = pieces.area / pieces["cell_m2"]
    for col in ("pop", "p65", "p75"):
        pieces[col] = pieces[col].fillna(0.0) * share
    pieces["piece_m2"] = pieces.area
    pieces["piece"] = range(len(pieces))

    clinics = pd.read_csv(f"{data_dir}/munakata-fukutsu/clinics.csv", dtype=str)
    clinics = gpd.GeoDataFrame(
        clinics, geometry=gpd.points_from_xy(clinics["lon"].astype(float), clinics["lat"].astype(float)),
        crs="EPSG:4326").to_crs("EPSG:6670")
    reach = clinics.buffer(radius_m, resolution=90).unary_union
    covered = gpd.overlay(pieces, gpd.GeoDataFrame(geometry=[reach], crs="EPSG:6670"),
                          how="intersection", keep_geom_type=True)
    covered_share = covered.area / covered["piece_m2"]

    result = {"cities": []}
    for city in cities["N03_004"]:
        mine = pieces[pieces["N03_004"] == city]
        cov = covered[covered["N03_004"] == city]
        cs = covered_share[covered["N03_004"] == city]
        result["cities"].append({
            "city": city,
            "people": float(mine["pop"].sum()),
            "people_65plus": float(mine["p65"].sum()),
            "people_75plus": float(mine["p75"].sum()),
            "covered": float((cov["pop"] * cs).sum()),
            "covered_65plus": float((cov["p65"] * cs).sum()),
            "covered_75plus": float((cov["p75"] * cs).sum()),
        })
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "data/geo",
         float(sys.argv[2]) if len(sys.argv) > 2 else 1000.0)
