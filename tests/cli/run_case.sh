#!/usr/bin/env bash
# Runs one CLI test case file and compares exit code, stdout and stderr; ILO_TBX_ACCEPT=1 rewrites the expectations.
# Usage: run_case.sh ILO_TBX_BINARY CASE_FILE SOURCE_DIR
# A case file holds, in order:
#   # comment lines saying what the case guards
#   args: ARGUMENTS...           (split on spaces; run from SOURCE_DIR)
#   stdin: FILE                  (optional; relative to SOURCE_DIR)
#   exit: CODE
#   --- stdout
#   expected standard output, verbatim
#   --- stderr
#   expected standard error, verbatim
set -uo pipefail
binary=$1 case_file=$2 source_dir=$3

args_line=$(grep -m1 '^args: ' "$case_file" | sed 's/^args: //')
stdin_file=$(grep -m1 '^stdin: ' "$case_file" | sed 's/^stdin: //')
expected_exit=$(grep -m1 '^exit: ' "$case_file" | sed 's/^exit: //')
expected_stdout=$(awk '/^--- stdout$/{on=1;next} /^--- stderr$/{on=0} on' "$case_file"; echo x)
expected_stdout=${expected_stdout%x}
expected_stderr=$(awk '/^--- stderr$/{on=1;next} on' "$case_file"; echo x)
expected_stderr=${expected_stderr%x}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
read -r -a args <<<"$args_line"
cd "$source_dir" || exit 2
if [ -n "$stdin_file" ]; then
  "$binary" "${args[@]}" <"$stdin_file" >"$work/stdout" 2>"$work/stderr"
else
  "$binary" "${args[@]}" </dev/null >"$work/stdout" 2>"$work/stderr"
fi
actual_exit=$?

if [ "${ILO_TBX_ACCEPT:-}" = 1 ]; then
  {
    sed '/^--- stdout$/,$d' "$case_file" | sed "s/^exit: .*/exit: $actual_exit/"
    echo '--- stdout'
    cat "$work/stdout"
    echo '--- stderr'
    cat "$work/stderr"
  } >"$work/case" && cp "$work/case" "$case_file"
  echo "accepted $case_file"
  exit 0
fi

status=0
if [ "$actual_exit" != "$expected_exit" ]; then
  echo "exit code: expected $expected_exit, got $actual_exit"
  status=1
fi
if ! diff -u <(printf '%s' "$expected_stdout") "$work/stdout" >"$work/diff"; then
  echo "stdout differs:"; cat "$work/diff"; status=1
fi
if ! diff -u <(printf '%s' "$expected_stderr") "$work/stderr" >"$work/diff"; then
  echo "stderr differs:"; cat "$work/diff"; status=1
fi
exit $status
