#!/usr/bin/env bash
# Regenerates the seed corpora in fuzz/corpus/<target>/ from the real files in data/geo, trimmed
# to a few rows each (libFuzzer mutates small inputs faster). Findings are added by hand beside
# them as crash-<what>.<ext> (docs/FUZZING.md). Needs iconv (libc-bin) and /usr/bin/python3.
set -euo pipefail
cd "$(dirname "$0")/.."
geo=data/geo
out=fuzz/corpus
mk() { mkdir -p "$out/$1"; }

# CSV facility and demand files: header + 3 rows of each kind, as published (UTF-8).
mk csv_utf8
for f in hospitals clinics pharmacies shelters care_tokuyou care_regular_patrol_nursing; do
  head -n 4 "$geo/munakata-fukutsu/$f.csv" > "$out/csv_utf8/$f.csv"
done
head -n 4 "$geo/drills/munakata-fukutsu/patients.csv" > "$out/csv_utf8/demand_patients.csv"

# The same rows in CP932 (what Excel on Japanese Windows saves: no byte order mark); a file
# with a character CP932 lacks is left out rather than altered.
mk csv_cp932
for f in "$out"/csv_utf8/*.csv; do
  sed '1s/^\xEF\xBB\xBF//' "$f" | iconv -f UTF-8 -t CP932 > "$out/csv_cp932/$(basename "$f")" ||
    rm -f "$out/csv_cp932/$(basename "$f")"
done

# GeoJSON: the first features of point, polygon and line layers. The boundaries ship as a
# GeoPackage; ogr2ogr (gdal-bin) turns them into the GeoJSON the trimming reads.
mk geojson
mk line_layer
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
boundaries_json="$tmp/boundaries.geojson"
ogr2ogr -f GeoJSON "$boundaries_json" "$geo/munakata-fukutsu/boundaries.gpkg"
/usr/bin/python3 - "$geo" "$out" "$boundaries_json" <<'PY'
import json, sys
geo, out, boundaries_json = sys.argv[1], sys.argv[2], sys.argv[3]
def trim(src, n, dst, prefix=b""):
    with open(src, encoding="utf-8") as f:
        doc = json.load(f)
    feats = doc["features"][:n]
    for ft in feats:
        g = ft["geometry"]
        if g and g["type"] == "MultiPolygon":  # a city's 648 islets: keep its first part
            g["type"], g["coordinates"] = "Polygon", g["coordinates"][0]
        if g and g["type"] == "Polygon":  # the shape of the data, not its size: 16 vertices
            g["coordinates"] = [r[:15] + [r[0]] for r in g["coordinates"][:2]]
    doc["features"] = feats
    with open(dst, "wb") as f:
        f.write(prefix + json.dumps(doc, ensure_ascii=False).encode("utf-8"))
trim(f"{geo}/munakata-fukutsu/hospitals.geojson", 3, f"{out}/geojson/hospitals.geojson")
trim(f"{geo}/munakata-fukutsu/shelters_designated_evacuation.geojson", 3,
     f"{out}/geojson/shelters.geojson")
trim(boundaries_json, 2, f"{out}/geojson/boundaries.geojson")
trim(f"{geo}/drills/munakata-fukutsu/route3_link274.geojson", 2, f"{out}/geojson/closure.geojson")
trim(f"{geo}/munakata-fukutsu/roads_n01_1996.geojson", 4, f"{out}/geojson/roads.geojson")
# line_layer: first byte 0 = GeoJSON lines, 1 = a line-layer profile JSON
trim(f"{geo}/munakata-fukutsu/roads_n01_1996.geojson", 6, f"{out}/line_layer/n01_roads",
     prefix=b"\x00")
with open(f"{geo}/profiles/n01-1996.profile.json", "rb") as f:
    profile = f.read()
with open(f"{out}/line_layer/n01_profile", "wb") as f:
    f.write(b"\x01" + profile)
PY

# e-Stat mesh: the two header rows and 12 cells (secret groups among them), CP932 as published
# and UTF-8.
mk estat_mesh
src="$geo/munakata-fukutsu/population/tblT001101H5030.txt"
head -n 14 "$src" > "$out/estat_mesh/cp932_head.txt"
# the first receiving cell (HTKSYORI 1) with the withheld cells (2) it merges
{ head -n 2 "$src"; awk -F, 'NR > 2 && ($2 == "1" || $2 == "2") && n++ < 3' "$src"; } \
  > "$out/estat_mesh/cp932_secret.txt"
iconv -f CP932 -t UTF-8 "$out/estat_mesh/cp932_head.txt" > "$out/estat_mesh/utf8_head.txt"

# Project and drill scenario files as shipped.
mk project
cp "$geo"/*.caremap.json "$out/project/"
mk drill_scenario
cp "$geo/drills/munakata-fukutsu/drill.json" "$out/drill_scenario/munakata-fukutsu.json"
cp "$geo/drills/monaco/drill.json" "$out/drill_scenario/monaco.json"
