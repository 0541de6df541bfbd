#!/usr/bin/env bash
# Runs every command that parses XML on the hostile inputs under strace and fails if any of them opened
# /etc/passwd (or anything the documents name) or made a network socket: DTDs, entities and xml-model
# targets are never loaded, not even tried.
# Usage: no_external_access.sh ILO_TBX_BINARY SOURCE_DIR
set -uo pipefail
binary=$(realpath "$1") source_dir=$(realpath "$2")
command -v strace >/dev/null || { echo "strace is missing: run tools/setup.sh --test"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2
failures=0 runs=0
# LeakSanitizer cannot run under ptrace (it stops the process to scan it), and aborts: in the ASan build
# the leak check is left to every other test, not to these runs under strace.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
for input in "$source_dir"/tests/bad/xml-*.tbx; do
  cp "$input" .
  name=$(basename "$input")
  for command in "import $name --to json --out -" "import $name --out out.tbx" "info $name" "lint $name" \
                 "validate $name" "validate --rng $name"; do
    read -r -a args <<<"$command"
    strace -f -qq -e trace=open,openat,connect,socket -o trace.txt "$binary" "${args[@]}" >stdout 2>stderr
    status=$?
    runs=$((runs + 1))
    if [ "$status" -ge 128 ]; then
      echo "ilo-tbx $command: killed by a signal (exit $status)"; failures=$((failures + 1))
    fi
    if grep -E '/etc/passwd|connect\(|socket\((AF_INET|AF_INET6|PF_INET)' trace.txt; then
      echo "ilo-tbx $command: touched a file or the network the document names (above)"; failures=$((failures + 1))
    fi
    if grep -q '^root:' stdout stderr; then
      echo "ilo-tbx $command: printed the content of /etc/passwd"; failures=$((failures + 1))
    fi
    rm -f out.tbx
  done
done
echo "$runs runs, $failures problems"
[ "$failures" = 0 ] && [ "$runs" -gt 0 ]
