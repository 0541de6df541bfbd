#!/usr/bin/env bash
# Cuts a good input file at every STEP-th byte and checks that import refuses each cut with exit 1 and one
# file:line:col error, leaving no output and no temporary file; only the whole document may succeed.
# Usage: truncation_sweep.sh ILO_TBX_BINARY GOOD_FILE [STEP]
set -uo pipefail
binary=$(realpath "$1") good=$(realpath "$2") step=${3:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2
extension=${good##*.}
size=$(wc -c <"$good")
# The document is complete once everything but trailing white space is there.
complete=$(/usr/bin/python3 -c 'import sys; print(len(open(sys.argv[1], "rb").read().rstrip()))' "$good")
failures=0 checked=0
for ((cut = 0; cut < size; cut += step)); do
  head -c "$cut" "$good" >"cut.$extension"
  "$binary" import "cut.$extension" --to json --out out.json >stdout 2>stderr
  status=$?
  checked=$((checked + 1))
  leftovers=$(ls -A | grep -v -x -e "cut.$extension" -e stdout -e stderr -e out.json)
  problem=
  if [ "$cut" -ge "$complete" ]; then
    [ "$status" = 0 ] || problem="the complete document failed with exit $status"
  elif [ "$status" != 1 ]; then
    problem="exit $status, expected 1"
  elif ! head -1 stderr | grep -Eq "^cut\.$extension:[0-9]+:[0-9]+: error: .+ \[[a-z]+\.[a-z0-9-]+\]\$"; then
    problem="the first line is not a file:line:col error: $(head -1 stderr)"
  elif [ -e out.json ]; then
    problem="an output file was written"
  fi
  [ -z "$leftovers" ] || problem="${problem:+$problem; }files left behind: $leftovers"
  if [ -n "$problem" ]; then
    echo "cut at byte $cut of $(basename "$good"): $problem"
    failures=$((failures + 1))
  fi
  rm -f out.json
done
echo "checked $checked cuts of $(basename "$good") ($size bytes), $failures failed"
[ "$failures" = 0 ]
