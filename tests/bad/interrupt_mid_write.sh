#!/usr/bin/env bash
# Interrupts an import while it writes a big generated term base (tools/gen-termbase) with SIGINT, SIGTERM and
# SIGHUP: each time the old output file must be intact and no temporary file left, and the process must end
# by that signal. An import that finishes before the signal fails the test (the input is then too small).
# Usage: interrupt_mid_write.sh ILO_TBX_BINARY SOURCE_DIR
set -uo pipefail
binary=$(realpath "$1") source_dir=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2
/usr/bin/python3 "$source_dir/tools/gen-termbase" 4000 --out big.tbx || exit 2
failures=0
for signal in INT TERM HUP; do
  printf 'old content\n' >out.tbx
  "$binary" import big.tbx --to tbx2008 --out out.tbx 2>stderr &
  pid=$!
  # Wait until the temporary file exists and has data in it: the process is mid-write.
  for _ in $(seq 1 3000); do
    temporary=$(ls -A | grep '^\.out\.tbx\.tmp-' || true)
    [ -n "$temporary" ] && [ -s "$temporary" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.01
  done
  if [ -z "$temporary" ] || ! kill -"$signal" "$pid" 2>/dev/null; then
    echo "SIG$signal: the import finished before it could be interrupted; give a bigger input"
    failures=$((failures + 1))
    wait "$pid"
    continue
  fi
  wait "$pid"
  status=$?
  expected=$((128 + $(kill -l "$signal")))
  [ "$status" = "$expected" ] || { echo "SIG$signal: exit $status, expected $expected (ended by the signal)"; failures=$((failures + 1)); }
  [ "$(cat out.tbx)" = "old content" ] || { echo "SIG$signal: the old output was changed"; failures=$((failures + 1)); }
  left=$(ls -A | grep -v -x -e big.tbx -e out.tbx -e stderr)
  [ -z "$left" ] || { echo "SIG$signal: left behind: $left"; failures=$((failures + 1)); }
  echo "SIG$signal: interrupted mid-write (temporary file $(basename "$temporary")), exit $status"
done
[ "$failures" = 0 ]
