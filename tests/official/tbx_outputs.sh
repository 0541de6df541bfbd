#!/usr/bin/env bash
# Writes every readable reference TBX with ilo-tbx in one dialect and style, then runs the official checkers for that dialect and style on all of them.
# Usage: tbx_outputs.sh ILO_TBX_BINARY OFFICIAL_CHECK WORK_DIR DIALECT STYLE  (ILO_SHARED_DIR in the environment)
#   DIALECT: basic, core or min; STYLE: dca or dct. Always the official core RNG; then the dialect's
#   Schematrons through Saxon, and for DCT the dialect's NVDL through jing (module RNGs on the module elements).
#   DIALECT core with STYLE 2008: TBX 2008 in the core structure (--to tbx2008 --dialect core), checked with
#   the official 2008 core DTD and RELAX NG (TBX-Default).
set -euo pipefail
binary=$1 official_check=$2 work=$3 dialect=$4 style=$5
reference="$ILO_SHARED_DIR/reference"
tbx="$reference/tbx"
case "$dialect" in
  basic) type=TBX-Basic ;;
  core) type=TBX-Core ;;
  min) type=TBX-Min ;;
  *) echo "unknown dialect $dialect" >&2; exit 2 ;;
esac
rm -rf "$work" && mkdir -p "$work"
count=0
while IFS= read -r file; do
  case "$file" in *notwellformed*|*poorly_formed*) continue ;; esac  # not XML: nothing to write
  count=$((count + 1))
  out="$work/$count.tbx"
  if [ "$style" = 2008 ]; then
    options=(--to tbx2008 --dialect "$dialect") declared='<martif type="TBX" '
  else
    options=(--dialect "$dialect" --style "$style") declared="type=\"$type\" style=\"$style\""
  fi
  if ! "$binary" import "$file" "${options[@]}" --out "$out" 2>"$work/$count.err"; then
    echo "FAIL: ilo-tbx import ${options[*]} $file" >&2
    cat "$work/$count.err" >&2
    exit 1
  fi
  grep -q "$declared" "$out" || { echo "FAIL: $out does not declare $declared" >&2; exit 1; }
done < <(find "$reference" -name '*.tbx' | LC_ALL=C sort)
[ "$count" -gt 20 ] || { echo "FAIL: only $count reference TBX files found under $reference" >&2; exit 1; }
echo "wrote $count $type $style files"
if [ "$style" = 2008 ]; then
  default="$tbx/tbx-v2/TBX-Default/Validation"
  "$official_check" dtd --dtd "$default/TBXcoreStructV02.dtd" "$work"/*.tbx
  "$official_check" rng --schema "$default/TBXcoreStructV02.rng" "$work"/*.tbx
  exit 0
fi
"$official_check" rng "$work"/*.tbx
case "$dialect/$style" in
  core/*) schematrons=("$tbx/ltac-tbx-core/Schemas/TBX-Core.sch") ;;
  basic/dca) schematrons=("$tbx/ltac-tbx-basic/DCA/TBX-Basic_DCA.sch") ;;
  basic/dct) schematrons=("$tbx/ltac-tbx-basic/DCT/TBX-Basic_DCT.sch" "$tbx/ltac-tbx-basic-module/Basic.sch"
                          "$tbx/ltac-tbx-min-module/Min.sch")
             "$official_check" nvdl "$tbx/ltac-tbx-basic/DCT/TBX-Basic.nvdl" "$work"/*.tbx ;;
  min/dca) schematrons=("$tbx/ltac-tbx-min/DCA/TBX-Min_DCA.sch") ;;
  min/dct) schematrons=("$tbx/ltac-tbx-min/DCT/TBX-Min_DCT.sch" "$tbx/ltac-tbx-min-module/Min.sch")
           "$official_check" nvdl "$tbx/ltac-tbx-min/DCT/TBX-Min.nvdl" "$work"/*.tbx ;;
esac
for schematron in "${schematrons[@]}"; do
  "$official_check" schematron "$schematron" "$work"/*.tbx
done
