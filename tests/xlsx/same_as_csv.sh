#!/usr/bin/env bash
# Exports the built-in ILO entry with one sheet layout or profile as XLSX (twice) and as CSV, and checks that the
# workbook holds exactly the CSV's cells, has the fixed creation time, is the same bytes both times, and reads back.
# Usage: same_as_csv.sh ILO_TBX_BINARY SOURCE_DIR LAYOUT_OR_PROFILE [EXTRA EXPORT OPTIONS...]
set -euo pipefail
binary=$(realpath "$1") source_dir=$(realpath "$2") layout=$3
shift 3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
case "$layout" in
  wide|long) options=(--layout "$layout") ;;
  *) options=(--profile "$layout") ;;
esac
options+=("$@")
"$binary" export --to xlsx "${options[@]}" --out "$work/first.xlsx" 2>"$work/xlsx.err"
"$binary" export --to csv "${options[@]}" --out "$work/sheet.csv" 2>"$work/csv.err"
# The same loss report for both: the layout decides what is kept, not the container.
cmp "$work/xlsx.err" "$work/csv.err"
sleep 1.1  # a timestamp taken from the clock would now differ
"$binary" export --to xlsx "${options[@]}" --out "$work/second.xlsx" 2>/dev/null
cmp "$work/first.xlsx" "$work/second.xlsx"
/usr/bin/python3 "$source_dir/tests/xlsx/xlsx_cells.py" "$work/first.xlsx" --same-as "$work/sheet.csv" \
  --expect-cell "Immigration Liaison Officer"
# What the workbook says, read back, is what the CSV says.
read_options=()
# (lokalise's 'term' column and translate-toolkit's 'source'/'target' do not name their languages)
[ "$layout" = wide ] || [ "$layout" = long ] || read_options=(--profile "$layout" --source-lang en "$@")
"$binary" import "$work/first.xlsx" "${read_options[@]}" --to json --out "$work/from-xlsx.json" 2>"$work/xlsx-read.err"
"$binary" import "$work/sheet.csv" "${read_options[@]}" --to json --out "$work/from-csv.json" 2>"$work/csv-read.err"
cmp "$work/from-xlsx.json" "$work/from-csv.json"
