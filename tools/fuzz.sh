#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan+UBSan) in build-fuzz/ and runs each for a given time on its seed corpus.
# Usage: tools/fuzz.sh [--build-dir DIR] [SECONDS_PER_TARGET] [TARGET...]  (default 60 seconds, every target)
#        tools/fuzz.sh [--build-dir DIR] --runs N [TARGET...]               (stop each after N executions instead)
#   --build-dir DIR  use the targets of an existing ILO_TBX_FUZZ build (CI's build-asan/, which also has
#                    the test suite) instead of configuring and building build-fuzz/
# Environment: ILO_FUZZ_NICE (niceness), ILO_FUZZ_TIMEOUT (seconds per input, default 30), ILO_FUZZ_FLAGS (more
# libFuzzer flags, given after the defaults so that they win: "-entropic=0 -max_len=4096" for a long volume run).
# A crash, leak, timeout or broken property fails the run; its reproducer is kept in build-fuzz/findings/TARGET/
# and printed (base64) in the log. New inputs go to build-fuzz/corpus/TARGET (the first, scratch corpus
# directory); the seed directories (tests and ../shared/reference) are only read, never written.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=
if [ "${1:-}" = --build-dir ]; then
  build_dir="$2"
  shift 2
fi
limit=(-max_total_time="${1:-60}")
if [ "${1:-}" = --runs ]; then
  limit=(-runs="$2")
  shift 2
else
  shift || true
fi

if [ -z "$build_dir" ]; then
  build_dir=build-fuzz
  tools/setup.sh --fuzz --build-dir "$build_dir" -- -DCMAKE_CXX_COMPILER=clang++-14 -DILO_TBX_FUZZ=ON \
    -DILO_TBX_TESTS=OFF
elif ! grep -q '^ILO_TBX_FUZZ:BOOL=ON' "$build_dir/CMakeCache.txt" 2>/dev/null; then
  echo "fuzz.sh: $build_dir is not a build configured with -DILO_TBX_FUZZ=ON" >&2
  exit 2
fi

# Every target's seeds: the project's own test inputs and the shared reference files (read where they are).
declare -A seeds=(
  [emn_reader_fuzz]="samples/ilo-page.txt ../shared/seeds tests/emn tests/lint tests/cli/pages tests/bad/emn-no-translations.txt tests/fuzz/corpus/emn"
  [tbx_reader_fuzz]="samples/ilo.tbx samples/ilo-2008.tbx tests/tbx tests/bad tests/data/tbx-writer ../shared/reference/tbx ../shared/reference/real-world/tbx tests/fuzz/corpus/tbx"
  [csv_reader_fuzz]="tests/csv ../shared/reference/real-world/csv tests/fuzz/corpus/csv"
  [xlsx_reader_fuzz]="tests/fuzz/corpus/xlsx"
  [xlsx_parts_fuzz]="tests/fuzz/corpus/xlsx-parts"
  [json_reader_fuzz]="samples/ilo-page.model.json tests/emn tests/fuzz/corpus/json"
  [tbx_stream_fuzz]="samples/ilo.tbx samples/ilo-2008.tbx tests/tbx tests/bad tests/data/tbx-writer ../shared/reference/tbx ../shared/reference/real-world/tbx tests/fuzz/corpus/tbx tests/fuzz/corpus/tbx-stream"
)

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for binary in "$build_dir"/tests/fuzz/*_fuzz; do targets+=("$(basename "$binary")"); done
fi

# One target's run; its report goes to $build_dir/TARGET.report and its exit status to TARGET.status.
fuzz_one() {
  local target=$1
  local corpus="$build_dir/corpus/$target"
  local single_files="$build_dir/seed-files/$target"
  local findings="$build_dir/findings/$target"
  local report="$build_dir/$target.report"
  mkdir -p "$corpus" "$single_files" "$findings"
  # libFuzzer takes directories; single seed files are gathered into one.
  local seed_dirs=("$single_files")
  for seed in ${seeds[$target]:-}; do
    if [ -d "$seed" ]; then seed_dirs+=("$seed"); elif [ -f "$seed" ]; then cp "$seed" "$single_files/"; fi
  done
  echo "fuzz: $target (${limit[*]})" >"$report"
  local result=0
  # The timeout is wall-clock time: generous, so that a busy machine does not pass for a hang.
  if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
        nice -n "${ILO_FUZZ_NICE:-0}" "$build_dir/tests/fuzz/$target" "$corpus" "${seed_dirs[@]}" \
        "${limit[@]}" -max_len=65536 -timeout="${ILO_FUZZ_TIMEOUT:-30}" -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$findings/" ${ILO_FUZZ_FLAGS:-} >"$build_dir/$target.log" 2>&1; then
    {
      echo "fuzz: $target FAILED; reproducer(s) in $findings:"
      tail -60 "$build_dir/$target.log"
      for finding in "$findings"/*; do
        [ -f "$finding" ] || continue
        echo "fuzz: reproducer $finding ($(wc -c <"$finding") bytes), base64:"
        head -c 65536 "$finding" | base64
      done
    } >>"$report"
    result=1
  fi
  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$build_dir/$target.log" | sed "s/^/fuzz: $target /" \
    >>"$report" || true
  grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$build_dir/$target.log" | tail -1 | sed "s/^/fuzz: $target final /" \
    >>"$report" || true
  echo "$result" >"$build_dir/$target.status"
}

# As many targets at once as there are cores: each still gets its full time.
jobs=$(nproc 2>/dev/null || echo 2)
running=0
for target in "${targets[@]}"; do
  fuzz_one "$target" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n || true
    running=$((running - 1))
  fi
done
wait

status=0
for target in "${targets[@]}"; do
  if [ "$(cat "$build_dir/$target.status" 2>/dev/null)" = 0 ]; then
    cat "$build_dir/$target.report"
  else
    cat "$build_dir/$target.report" >&2
    status=1
  fi
done
exit $status
