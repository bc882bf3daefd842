#!/usr/bin/env bash
# Peer of benchmark B: pgRouting pgr_drivingDistance on PostgreSQL 15 + PostGIS.
#
# usage: pgrouting.sh WORK_DIR   (environment: BENCH_RESULTS_TSV, BENCH_DATA, BENCH_RUNS)
#
# Starts a private PostgreSQL server in a fresh temporary directory (unix socket only, no TCP;
# as the `postgres` system user when run as root, because initdb and postgres refuse root), loads
# the Monaco car roads with osm2pgrouting (timed: the load), runs pgr_drivingDistance for the 50
# origins in one call with a 1000 m limit on length_m, one-way streets respected (timed: the
# query, $PGR_QUERY_RUNS times in one psql session), and writes WORK_DIR/pgrouting_reached.csv
# (origin_osm_id,node_osm_id,agg_cost_m) for the cross-check. The server and its directory are
# removed on exit, whatever happens.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR
source "$here/../lib/common.sh"

work=${1:?usage: pgrouting.sh WORK_DIR}
mkdir -p "$work"
PGR_QUERY_RUNS=${PGR_QUERY_RUNS:-50}
pg_bin=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || true)
[ -x "$pg_bin/initdb" ] || { record_failure routing pgRouting setup "PostgreSQL 15 not installed"; exit 1; }
have_cmd osm2pgrouting || { record_failure routing pgRouting setup "osm2pgrouting not installed"; exit 1; }

as_pg=()
if [ "$(id -u)" -eq 0 ]; then as_pg=(runuser -u postgres --); fi

pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/caremap-bench-pg.XXXXXX")
chmod 755 "$pg_dir"
[ ${#as_pg[@]} -gt 0 ] && chown postgres:postgres "$pg_dir"
port=55432
cleanup() {
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap cleanup EXIT
trap 'record_failure routing pgRouting run "failed at: $BASH_COMMAND (logs in $work)"' ERR

bench_log "pgRouting: starting a private PostgreSQL in $pg_dir"
"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 \
  --no-sync >"$work/pg_initdb.log" 2>&1
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-k $pg_dir -p $port -c listen_addresses= -c fsync=off" start >"$work/pg_ctl.log" 2>&1
export PGHOST=$pg_dir PGPORT=$port PGUSER=postgres PGDATABASE=bench
createdb bench
psql -q -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION postgis; CREATE EXTENSION pgrouting; CREATE EXTENSION hstore;'
versions=$(psql -At -c "SELECT 'PostgreSQL ' || current_setting('server_version') || ', PostGIS ' || postgis_lib_version() || ', pgRouting ' || pgr_version()")

bench_log "pgRouting: loading Monaco with osm2pgrouting"
time_process routing pgRouting "load (osm2pgrouting, Monaco cars)" "$work/pgrouting_load.log" -- \
  osm2pgrouting -f "$BENCH_DATA/monaco.osm" -c "$here/mapconfig_cars.xml" -d bench -U postgres \
  -h "$pg_dir" -p "$port" --clean || exit 1
edges=$(psql -At -c 'SELECT count(*) FROM ways')
vertices=$(psql -At -c 'SELECT count(*) FROM ways_vertices_pgr')

origin_ids=$(tail -n +2 "$BENCH_DATA/origins.csv" | cut -d, -f2 | paste -sd,)
found=$(psql -At -c "SELECT count(*) FROM ways_vertices_pgr WHERE osm_id IN ($origin_ids)")
[ "$found" -eq "$(tail -n +2 "$BENCH_DATA/origins.csv" | wc -l)" ] ||
  bench_warn "pgRouting: only $found origins are graph vertices"

# Edge costs in metres (length_m, geodesic, computed by osm2pgrouting); a negative cost closes that
# direction, which is how osm2pgrouting marks one-way streets.
edges_sql="SELECT gid AS id, source, target,
  CASE WHEN cost < 0 THEN -1 ELSE length_m END AS cost,
  CASE WHEN reverse_cost < 0 THEN -1 ELSE length_m END AS reverse_cost FROM ways"
query="pgr_drivingDistance(\$\$${edges_sql}\$\$,
  (SELECT array_agg(id ORDER BY id) FROM ways_vertices_pgr WHERE osm_id IN ($origin_ids)),
  1000, directed => true)"

{
  printf '%s\n' '\timing on'
  for _ in $(seq "$PGR_QUERY_RUNS"); do echo "SELECT count(*) FROM $query;"; done
} >"$work/pgrouting_query.sql"
psql -v ON_ERROR_STOP=1 -f "$work/pgrouting_query.sql" >"$work/pgrouting_query.log" 2>&1
read -r median min rows < <("$PY" -c '
import re, statistics, sys
text = open(sys.argv[1]).read()
ms = [float(t) for t in re.findall(r"^Time: ([0-9.]+) ms", text, re.M)]
rows = re.findall(r"^\s*(\d+)\s*$", text, re.M)
print(f"{statistics.median(ms):.2f} {min(ms):.2f} {rows[-1]}")' "$work/pgrouting_query.log")
record routing pgRouting "query: pgr_drivingDistance 50 origins, 1000 m, one call" \
  "query time (median of $PGR_QUERY_RUNS)" "$median" ms \
  "min $min ms; includes pgRouting reading the edge SQL and building its graph; $rows (origin, node) rows; $edges edges, $vertices vertices; $versions"

# psql reads a \copy command up to the end of its line: one line each.
copy_reached="\\copy (SELECT s.osm_id AS origin_osm_id, n.osm_id AS node_osm_id,
  round(d.agg_cost::numeric, 3) AS agg_cost_m FROM $query d
  JOIN ways_vertices_pgr s ON s.id = d.from_v JOIN ways_vertices_pgr n ON n.id = d.node
  ORDER BY 1, 2) TO '$work/pgrouting_reached.csv' CSV HEADER"
copy_vertices="\\copy (SELECT osm_id, ST_X(the_geom) AS lon, ST_Y(the_geom) AS lat
  FROM ways_vertices_pgr ORDER BY osm_id) TO '$work/pgrouting_vertices.csv' CSV HEADER"
psql -v ON_ERROR_STOP=1 -q -c "$(tr '\n' ' ' <<<"$copy_reached")"
psql -v ON_ERROR_STOP=1 -q -c "$(tr '\n' ' ' <<<"$copy_vertices")"
bench_log "pgRouting: done ($median ms per 50-origin query)"
