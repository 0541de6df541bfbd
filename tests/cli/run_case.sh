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
#   setup: SHELL COMMAND         (optional, repeatable; run in the working directory before the command;
#                                 $ILO_TBX is the binary, e.g. to convert an input first)
#   check: SHELL COMMAND         (optional, repeatable; run there after it, must succeed: e.g. that
#                                 an output file is as expected or that no temporary file is left;
#                                 $STDOUT_FILE and $STDERR_FILE hold what the command printed, and
#                                 $ILO_TBX is the binary, for a second run such as one on a terminal)
#   cleanup: SHELL COMMAND       (optional, repeatable; run at the end whatever happened, e.g. umount)
#   requires: root|tmpfs         (optional; without it the case exits 77, which CTest shows as skipped:
#                                 root for cases that need privileges, tmpfs for a mountable tmpfs)
#   ulimit-f: BLOCKS             (optional; run the command with `ulimit -f BLOCKS`, 1 KiB blocks,
#                                 to simulate a full disk)
#   max-rss-mb: MEGABYTES        (optional; the command's peak resident memory, measured with GNU time,
#                                 must stay below this: bounded memory on hostile input)
#   stdout-to: FILE              (optional; the command's standard output goes to FILE, e.g. /dev/full,
#                                 instead of being compared)
#   as: nobody                   (optional; run the command as user nobody when running as root, so
#                                 that file permissions apply; as another user it runs as that user)
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
: >"$work/stdout"
cleanup() {
  while IFS= read -r cleanup_line; do
    (cd "$work/run" 2>/dev/null || cd "$work"; bash -c "$cleanup_line") >/dev/null 2>&1 || true
  done < <(grep '^cleanup: ' "$case_file" | sed 's/^cleanup: //')
  rm -rf "$work"
}
trap cleanup EXIT
for requirement in $(grep '^requires: ' "$case_file" | sed 's/^requires: //'); do
  case "$requirement" in
    root) [ "$(id -u)" = 0 ] || { echo "skipped: needs root"; exit 77; } ;;
    tmpfs)
      mkdir "$work/probe"
      if [ "$(id -u)" != 0 ] || ! mount -t tmpfs -o size=16k tmpfs "$work/probe" 2>/dev/null; then
        echo "skipped: cannot mount a tmpfs here"; exit 77
      fi
      umount "$work/probe" ;;
    *) echo "unknown requirement: $requirement"; exit 2 ;;
  esac
done
file_limit=$(grep -m1 '^ulimit-f: ' "$case_file" | sed 's/^ulimit-f: //')
run_as=$(grep -m1 '^as: ' "$case_file" | sed 's/^as: //')
max_rss_mb=$(grep -m1 '^max-rss-mb: ' "$case_file" | sed 's/^max-rss-mb: //')
# AddressSanitizer's quarantine and shadow memory count in RSS (a 12 MiB run peaks at 340 MiB there), so
# the memory bound is checked in the plain build only, and the sanitizer run says so.
if [ -n "$max_rss_mb" ] && grep -q __asan_init "$binary"; then
  echo "note: peak memory not checked in an AddressSanitizer build (the plain build checks below $max_rss_mb MB)"
  max_rss_mb=
fi
stdout_to=$(grep -m1 '^stdout-to: ' "$case_file" | sed 's/^stdout-to: //')
launcher=()
[ -z "$max_rss_mb" ] || launcher=(/usr/bin/time -o "$work/rss" -f %M)
if [ "$run_as" = nobody ] && [ "$(id -u)" = 0 ]; then
  chmod 755 "$work"
  launcher+=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
fi
args_line=${args_line//\$SOURCE/$source_dir}
read -r -a args <<<"$args_line"
if [ "$(grep -m1 '^workdir: ' "$case_file" | sed 's/^workdir: //')" = temp ]; then
  mkdir "$work/run" && cd "$work/run" || exit 2
  [ -z "$stdin_file" ] || stdin_file="$source_dir/$stdin_file"
else
  cd "$source_dir" || exit 2
fi
while IFS= read -r setup_line; do
  SOURCE=$source_dir ILO_TBX=$binary bash -c "$setup_line" || { echo "setup failed: $setup_line"; exit 1; }
done < <(grep '^setup: ' "$case_file" | sed 's/^setup: //')
[ -n "$stdin_file" ] || stdin_file=/dev/null
(
  [ -z "$file_limit" ] || ulimit -f "$file_limit"
  exec "${launcher[@]}" "$binary" "${args[@]}" <"$stdin_file" >"${stdout_to:-$work/stdout}"
) 2>"$work/stderr"
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
  SOURCE=$source_dir STDOUT_FILE=$work/stdout STDERR_FILE=$work/stderr ILO_TBX=$binary bash -c "$check_line" >"$work/check" 2>&1 || {
    echo "check failed: $check_line"; cat "$work/check"; status=1; }
done < <(grep '^check: ' "$case_file" | sed 's/^check: //')
if [ -n "$max_rss_mb" ]; then
  rss_kb=$(tail -1 "$work/rss")
  if ! [ "$rss_kb" -lt $((max_rss_mb * 1024)) ] 2>/dev/null; then
    echo "peak memory: expected below $max_rss_mb MB, got ${rss_kb} KB"; status=1
  fi
fi
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
