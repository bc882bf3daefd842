#!/usr/bin/env bash
# tools/screenshots.sh: regenerate the README's pictures in docs/screenshots from the viewer's own
# command-line options, under Xvfb at 1600x1000 (Mesa llvmpipe). Every picture is rendered from the
# shipped data only, so anyone can redo them after a visible change and compare.
#   VIEWER_BIN  the viewer to run (default build/src/app/caremap-viewer)
#   OUT_DIR     where to write (default docs/screenshots)
#   ONLY        a substring: regenerate only the pictures whose name contains it
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
viewer=${VIEWER_BIN:-$root/build/src/app/caremap-viewer}
out=${OUT_DIR:-$root/docs/screenshots}
[ -x "$viewer" ] || { echo "no viewer at $viewer (build the caremap-viewer target)" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "xvfb-run missing (apt-get install xvfb xauth)" >&2; exit 1; }
mkdir -p "$out"
config=$(mktemp -d)
trap 'rm -rf "$config"' EXIT
export XDG_CONFIG_HOME=$config
export XDG_STATE_HOME=$config/state  # the autosave of these runs is not the user's

# A real facility layer on the OpenStreetMap network caremap ships for tests (see
# tests/app/data/README.md); the default region has trunk roads only (KSJ N01, 1996).
monaco_pharmacies=$root/tests/app/data/monaco_pharmacies.geojson

shot() {
  local name=$1
  shift
  if [ -n "${ONLY:-}" ] && [[ $name != *"$ONLY"* ]]; then
    return
  fi
  xvfb-run -a -s "-screen 0 1600x1000x24" "$viewer" --no-settings --size 1600x1000 "$@" \
    --screenshot "$out/$name.png.tmp" >/dev/null
  mv "$out/$name.png.tmp" "$out/$name.png"
  echo "wrote $out/$name.png"
}

# Straight-line tools on the default region (宗像市・福津市).
shot viewer-default-ja --lang ja
shot viewer-default-en --lang en
shot viewer-zoom-labels-ja --lang ja --view 130.552,33.806,14
shot viewer-nearest-ja --lang ja --nearest 130.500,33.790 --k 3 --view 130.52,33.80,12
shot viewer-coverage-ja --lang ja --coverage clinic:4000
shot viewer-team-ja --lang ja --team --view 130.53,33.82,11.4 --frames 30
# Travel time on the default region's trunk roads (KSJ N01 1996): service areas from 宗像市役所.
shot viewer-default-service-area-ja --lang ja --service-area 130.5406,33.8054 --bands 5,10,15 \
  --tab network --frames 40
shot viewer-table-inspector-ja --lang ja --inspector --table hospitals --search 病院 \
  --select hospitals:0
# Planning on the default region: 湊診療所 closed and one clinic added on the north coast (what-if).
shot viewer-plan-ja --lang ja --plan-remove 130.495043,33.849467 --plan-add 130.540,33.870 \
  --plan-reach 20 --tab network --frames 60 --view 130.52,33.83,12
# The disaster drill (issue 13): the region's ready drill at t = 40 (a hospital has lost power),
# patients coloured by hospital, routes, hospitals with patients/beds.
shot viewer-drill-ja --lang ja --drill default --drill-t 40 --view 130.53,33.795,12.4 --frames 60
# The travel-time tab without a road network: it says so instead of falling back.
shot viewer-network-missing-ja --lang ja --tab network
# Road network tools on Monaco (OpenStreetMap), with Monaco's pharmacies as facilities.
shot viewer-route-ja --lang ja --region monaco "$monaco_pharmacies" --route 7.4205,43.7335 --k 3 \
  --view 7.424,43.737,15
shot viewer-service-area-ja --lang ja --region monaco "$monaco_pharmacies" \
  --service-area 7.4205,43.7335 --bands 2,4,6,8 --view 7.424,43.737,14
shot viewer-closure-ja --lang ja --region monaco "$monaco_pharmacies" --route 7.4205,43.7335 --k 3 \
  --closure-polygon "7.4230 43.7370, 7.4260 43.7370, 7.4260 43.7390, 7.4230 43.7390" \
  --slowdown "2:7.4180 43.7320, 7.4210 43.7320, 7.4210 43.7340, 7.4180 43.7340" \
  --view 7.424,43.737,15

# The map alone, offscreen, for slides.
if [ -z "${ONLY:-}" ] || [[ map-export-ja == *"$ONLY"* ]]; then
  xvfb-run -a -s "-screen 0 1600x1000x24" "$viewer" --no-settings --lang ja \
    --export-map "$out/map-export-ja.png.tmp" --export-width 2400 >/dev/null
  mv "$out/map-export-ja.png.tmp" "$out/map-export-ja.png"
  echo "wrote $out/map-export-ja.png"
fi

# The home-care team (issue 12): census cells coloured by the team member out of reach, the map
# alone with its legend (the north coast and the islands, where the gaps are).
if [ -z "${ONLY:-}" ] || [[ map-team-missing-ja == *"$ONLY"* ]]; then
  xvfb-run -a -s "-screen 0 1600x1000x24" "$viewer" --no-settings --lang ja --team \
    --view 130.47,33.86,12.0 --frames 30 \
    --export-map "$out/map-team-missing-ja.png.tmp" --export-width 1800 --export-height 1400 >/dev/null
  mv "$out/map-team-missing-ja.png.tmp" "$out/map-team-missing-ja.png"
  echo "wrote $out/map-team-missing-ja.png"
fi

# Crash recovery: a planner's session (a what-if clinic, a closed area, service areas) killed with
# kill -9 once its autosave holds them; the next start offers to recover it.
if [ -z "${ONLY:-}" ] || [[ viewer-recover-ja == *"$ONLY"* ]]; then
  session=$XDG_STATE_HOME/caremap/session.json
  rm -f "$session"
  xvfb-run -a -s "-screen 0 1600x1000x24" "$viewer" --no-settings --size 1600x1000 --lang ja \
    --plan-add 130.540,33.870 --plan-reach 20 --service-area 130.5406,33.8054 --bands 5,10,15 \
    --closure-polygon "130.530 33.800, 130.545 33.800, 130.545 33.810, 130.530 33.810" \
    >/dev/null 2>&1 &
  session_run=$!
  for _ in $(seq 600); do
    if grep -q '"add": \[$' "$session" 2>/dev/null && grep -q '"closures": \[$' "$session"; then
      break
    fi
    sleep 0.2
  done
  killed=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["pid"])' "$session")
  kill -9 "$killed"
  wait "$session_run" || true
  shot viewer-recover-ja --lang ja --recover ask --frames 3
fi
