#!/usr/bin/env bash
# Rebuilds data/geo from the shared source data set (see data/geo/SOURCES.md): copies the region
# files, the national files and the OSM test extract unchanged, then cuts the care-facility
# layers for each region. Rerunnable; the project files (*.caremap.json) and SOURCES.md are
# written by hand and are not touched.
#
#   tools/prepare_geo_data.sh [shared_data_dir]     (default /work/shared/data)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
shared=${1:-/work/shared/data}
geo=$root/data/geo

mkdir -p "$geo/munakata-fukutsu" "$geo/itabashi" "$geo/national" "$geo/osm"
find "$shared"/munakata-fukutsu -maxdepth 1 -type f -exec install -m 0644 {} "$geo/munakata-fukutsu/" \;
# The trunk roads (KSJ N01, 1996) as a line layer; the original MLIT zip stays in the source set.
install -m 0644 "$shared"/munakata-fukutsu/roads/roads_n01_1996.geojson "$geo/munakata-fukutsu/"
install -m 0644 "$shared"/itabashi/* "$geo/itabashi/"
install -m 0644 "$shared"/national/* "$geo/national/"
install -m 0644 "$shared"/osm/monaco.osm.pbf "$geo/osm/"

"$root/tools/cut_care_facilities.sh" "$geo/national" "$geo/munakata-fukutsu" 40220 40224
"$root/tools/cut_care_facilities.sh" "$geo/national" "$geo/itabashi" 13119
