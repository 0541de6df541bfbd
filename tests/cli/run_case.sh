#!/usr/bin/env bash
# Runs one CLI test case file and compares exit code, stdout and stderr; ILO_TBX_ACCEPT=1 rewrites the expectations.
# Usage: run_case.sh ILO_TBX_BINARY CASE_FILE SOURCE_DIR
# A case file holds, in order:
#   # comment lines saying what the case guards
#   args: ARGUMENTS...           (split on spaces; run from SOURCE_DIR)
#   stdin: FILE                  (optional; relative to SOURCE_DIR)
#   workdir: temp                (optional; run in a fresh empty directory instead, so that output
#                                 paths in messages are stable; $SOURCE in args, setup and check
#                                 lines stands for SOURCE_DIR)
#   setup: SHELL COMMAND         (optional, repeatable; run in the working directory before the command)
#   check: SHELL COMMAND         (optional, repeatable; run there after it, must succeed: e.g. that
#                                 an output file is as expected or that no temporary file is left)
#   exit: CODE
#   --- stdout
#   expected standard output, verbatim
#   --- stderr
#   expected standard error, verbatim
set -uo pipefail
binary=$(realpath "$1") case_file=$(realpath "$2") source_dir=$(realpath "$3")

args_line=$(grep -m1 '^args: ' "$case_file" | sed 's/^args: //')
stdin_file=$(grep -m1 '^stdin: ' "$case_file" | sed 's/^stdin: //')
expected_exit=$(grep -m1 '^exit: ' "$case_file" | sed 's/^exit: //')
expected_stdout=$(awk '/^--- stdout$/{on=1;next} /^--- stderr$/{on=0} on' "$case_file"; echo x)
expected_stdout=${expected_stdout%x}
expected_stderr=$(awk '/^--- stderr$/{on=1;next} on' "$case_file"; echo x)
expected_stderr=${expected_stderr%x}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
args_line=${args_line//\$SOURCE/$source_dir}
read -r -a args <<<"$args_line"
if [ "$(grep -m1 '^workdir: ' "$case_file" | sed 's/^workdir: //')" = temp ]; then
  mkdir "$work/run" && cd "$work/run" || exit 2
  [ -z "$stdin_file" ] || stdin_file="$source_dir/$stdin_file"
else
  cd "$source_dir" || exit 2
fi
while IFS= read -r setup_line; do
  SOURCE=$source_dir bash -c "$setup_line" || { echo "setup failed: $setup_line"; exit 1; }
done < <(grep '^setup: ' "$case_file" | sed 's/^setup: //')
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
while IFS= read -r check_line; do
  SOURCE=$source_dir bash -c "$check_line" >"$work/check" 2>&1 || {
    echo "check failed: $check_line"; cat "$work/check"; status=1; }
done < <(grep '^check: ' "$case_file" | sed 's/^check: //')
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
