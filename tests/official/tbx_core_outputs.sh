#!/usr/bin/env bash
# Writes every readable reference TBX as TBX-Core with ilo-tbx, then runs the official core RNG and TBX-Core Schematron on all of them.
# Usage: tbx_core_outputs.sh ILO_TBX_BINARY OFFICIAL_CHECK WORK_DIR  (ILO_SHARED_DIR in the environment)
set -euo pipefail
binary=$1 official_check=$2 work=$3
reference="$ILO_SHARED_DIR/reference"
rm -rf "$work" && mkdir -p "$work"
count=0
while IFS= read -r file; do
  case "$file" in *notwellformed*|*poorly_formed*) continue ;; esac  # not XML: nothing to write
  count=$((count + 1))
  out="$work/$count.tbx"
  if ! "$binary" import "$file" --dialect core --out "$out" 2>"$work/$count.err"; then
    echo "FAIL: ilo-tbx import --dialect core $file" >&2
    cat "$work/$count.err" >&2
    exit 1
  fi
  grep -q 'type="TBX-Core"' "$out" || { echo "FAIL: $out does not declare TBX-Core" >&2; exit 1; }
done < <(find "$reference" -name '*.tbx' | LC_ALL=C sort)
[ "$count" -gt 20 ] || { echo "FAIL: only $count reference TBX files found under $reference" >&2; exit 1; }
echo "wrote $count TBX-Core files"
"$official_check" rng "$work"/*.tbx
"$official_check" schematron "$reference/tbx/ltac-tbx-core/Schemas/TBX-Core.sch" "$work"/*.tbx
