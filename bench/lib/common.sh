# shellcheck shell=bash
# Shared helpers of bench/run and the peer scripts in bench/peers/: paths, logging, the results
# file, wall-clock timing with hyperfine, machine and version reporting.
#
# Every figure goes through `record`, one tab-separated line per figure in $BENCH_RESULTS_TSV:
#   benchmark  tool  case  metric  value  unit  note
# bench/lib/report.py turns that file into the printed table and the Markdown result file.

BENCH_DIR=${BENCH_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
REPO_ROOT=${REPO_ROOT:-$(cd "$BENCH_DIR/.." && pwd)}
BENCH_DATA=${BENCH_DATA:-$BENCH_DIR/data/generated}
BENCH_BUILD_DIR=${BENCH_BUILD_DIR:-$REPO_ROOT/build-bench}
# Debian's interpreter: numpy, scipy, pyproj and GDAL come from Debian packages, not from a
# python3 that happens to be first on PATH (pyenv, venv).
PY=${PY:-/usr/bin/python3}
# How many timed runs each whole-process measurement takes (hyperfine --runs).
BENCH_RUNS=${BENCH_RUNS:-3}

export QT_QPA_PLATFORM=offscreen

bench_log() { printf '\033[1m[bench]\033[0m %s\n' "$*" >&2; }
bench_warn() { printf '\033[1;33m[bench] warning:\033[0m %s\n' "$*" >&2; }

# record BENCHMARK TOOL CASE METRIC VALUE UNIT [NOTE]
record() {
  : "${BENCH_RESULTS_TSV:?BENCH_RESULTS_TSV is not set}"
  local note=${7:-}
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$6" "${note//$'\t'/ }" \
    >>"$BENCH_RESULTS_TSV"
}

# record_failure BENCHMARK TOOL CASE WHY: a peer that could not run still leaves a row.
record_failure() {
  bench_warn "$2 ($3) failed: $4"
  record "$1" "$2" "$3" "failed" "-" "-" "$4"
}

# time_process BENCHMARK TOOL CASE LOG [--prepare SHELL_CMD] -- COMMAND...
# Whole-process wall time of COMMAND with hyperfine: $BENCH_RUNS timed runs after one warm-up run
# (the warm-up puts the inputs and the tool's own files in the page cache, as on a machine that
# has just used them). SHELL_CMD runs before every run, untimed (e.g. removing the previous
# output). Records the median and the min; returns non-zero if the command failed.
time_process() {
  local benchmark=$1 tool=$2 case_name=$3 log_file=$4
  shift 4
  local prepare=()
  if [ "${1:-}" = --prepare ]; then
    prepare=(--prepare "$2")
    shift 2
  fi
  shift # --
  local json="${log_file%.log}.hyperfine.json"
  local cmd
  cmd=$(printf '%q ' "$@")
  if ! hyperfine --runs "$BENCH_RUNS" --warmup 1 "${prepare[@]}" --style basic --export-json "$json" \
    --command-name "$tool $case_name" "$cmd" >"$log_file" 2>&1; then
    # hyperfine hides the command's own messages: run it once more to keep them.
    [ ${#prepare[@]} -gt 0 ] && bash -c "${prepare[1]}"
    local failure="${log_file%.log}.failure.log"
    "$@" >"$failure" 2>&1
    record_failure "$benchmark" "$tool" "$case_name" \
      "exit $?, see $failure: $(tail -n 3 "$failure" | tr '\n' ' ' | cut -c1-300)"
    return 1
  fi
  local median min cpu
  read -r median min cpu < <("$PY" -c '
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print("%.3f %.3f %.3f" % (r["median"], r["min"], r["user"] + r["system"]))' "$json")
  record "$benchmark" "$tool" "$case_name" "wall time (median of $BENCH_RUNS)" "$median" s \
    "min $min s; whole process"
  record "$benchmark" "$tool" "$case_name" "CPU time, user + sys (mean of $BENCH_RUNS)" "$cpu" s \
    "all threads and child processes; less sensitive than wall time to other load on the machine"
}

# have_cmd NAME: true if NAME is an executable on PATH.
have_cmd() { command -v "$1" >/dev/null 2>&1; }

# Where the caremap binaries are, or empty.
# (bench/run keeps a copy of each last successful build in $BENCH_BUILD_DIR/last-good.)
caremap_cli() {
  local bin
  for bin in ${CAREMAP_BIN:+"$CAREMAP_BIN"} "$BENCH_BUILD_DIR/src/cli/caremap" \
    "$BENCH_BUILD_DIR/last-good/caremap"; do
    [ -x "$bin" ] && printf '%s' "$bin" && return 0
  done
  return 1
}
# bench_binary nearest|routing: the Google Benchmark binary of bench/<name>/, under either name.
bench_binary() {
  local bin
  for bin in "$BENCH_BUILD_DIR/bench/$1/caremap_bench_$1" "$BENCH_BUILD_DIR/bench/$1/caremap_$1_bench" \
    "$BENCH_BUILD_DIR/last-good/caremap_bench_$1" "$BENCH_BUILD_DIR/last-good/caremap_$1_bench"; do
    [ -x "$bin" ] && printf '%s' "$bin" && return 0
  done
  return 1
}

# caremap_supports SUBCOMMAND OPTION: true if `caremap SUBCOMMAND --help` mentions OPTION.
caremap_supports() {
  local cli
  cli=$(caremap_cli) || return 1
  "$cli" "$1" --help 2>&1 | grep -qE -- "(^|[[:space:],])$2([[:space:]=,]|$)"
}

machine_info() {
  local cpu mem
  cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
  mem=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
  printf -- '- CPU: %s, %s logical CPUs (nproc)\n' "$cpu" "$(nproc)"
  printf -- '- RAM: %s\n' "$mem"
  printf -- '- OS: %s, kernel %s\n' "$(. /etc/os-release && echo "$PRETTY_NAME")" "$(uname -r)"
}

tool_versions() {
  local v
  for p in qgis python3-scipy python3-numpy python3-pyproj postgresql-15 postgresql-15-postgis-3 \
    postgresql-15-pgrouting osm2pgrouting osmium-tool gdal-bin hyperfine; do
    v=$(dpkg-query -W -f='${Version}' "$p" 2>/dev/null) || v="not installed"
    printf -- '- %s %s\n' "$p" "$v"
  done
  local cli
  if cli=$(caremap_cli); then
    printf -- '- %s (%s)\n' "$("$cli" --version 2>/dev/null | head -n1)" \
      "$(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown) + working tree"
  else
    printf -- '- caremap: not built\n'
  fi
}
