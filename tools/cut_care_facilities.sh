#!/usr/bin/env bash
# Cuts the four MHLW care-facility layers for one region out of the national files, by the
# municipality code column 都道府県コード又は市町村コード (6 digits with check digit, e.g. 402206;
# matched on the 5-digit code as a prefix). Rows are copied byte for byte (no re-typing, no
# re-quoting, CRLF line ends as in the source): ogr2ogr reads every column as text and quotes
# only where CSV needs it. The script checks that every output line is a line of the source.
#
#   tools/cut_care_facilities.sh <national_dir> <out_dir> <code5> [<code5> ...]
#   tools/cut_care_facilities.sh data/geo/national data/geo/munakata-fukutsu 40220 40224
#   tools/cut_care_facilities.sh data/geo/national data/geo/itabashi 13119
#
# Output: care_tokuyou.csv (特別養護老人ホーム), care_rouken.csv (介護老人保健施設),
# care_medical_institute.csv (介護医療院), care_regular_patrol_nursing.csv (定期巡回・随時対応型
# 訪問介護看護), each with the national file's header. Needs ogr2ogr (gdal-bin).
set -euo pipefail

if [ $# -lt 3 ]; then
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
national=$1
out=$2
shift 2

column='"都道府県コード又は市町村コード"'
where=""
for code in "$@"; do
  if ! [[ $code =~ ^[0-9]{5}$ ]]; then
    echo "not a 5-digit municipality code: $code" >&2
    exit 2
  fi
  where+="${where:+ OR }$column LIKE '$code%'"
done

mkdir -p "$out"
declare -A files=(
  [care_tokuyou.csv]=510_tokuyou_20250601.csv
  [care_rouken.csv]=520_rouken_20250601.csv
  [care_medical_institute.csv]=550_care_medical_institute_20250601.csv
  [care_regular_patrol_nursing.csv]=760_regular_patrol_nursing_20250601.csv
)
for target in care_tokuyou.csv care_rouken.csv care_medical_institute.csv care_regular_patrol_nursing.csv; do
  source="$national/${files[$target]}"
  tmp="$out/.$target.tmp.csv"
  rm -f "$tmp"
  ogr2ogr -f CSV "$tmp" "$source" \
    -oo AUTODETECT_TYPE=NO -oo EMPTY_STRING_AS_NULL=NO -lco STRING_QUOTING=IF_NEEDED -lco LINEFORMAT=CRLF \
    -where "$where"
  # Every output line must be a line of the national file, unchanged.
  if grep -Fxv -f "$source" "$tmp" >/dev/null; then
    echo "cut rows differ from $source" >&2
    rm -f "$tmp"
    exit 1
  fi
  mv "$tmp" "$out/$target"
  printf '%-56s %5d rows  (from %s)\n' "$out/$target" "$(($(wc -l < "$out/$target") - 1))" "${files[$target]}"
done
