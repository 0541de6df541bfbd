#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan+UBSan) in build-fuzz/ and runs each for a given time on its seed corpus.
# Usage: tools/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default 60 seconds, every target)
# A crash, leak or timeout fails the run; its reproducer is kept in build-fuzz/findings/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true

tools/setup.sh --fuzz --build-dir build-fuzz -- -DCMAKE_CXX_COMPILER=clang++-14 -DILO_TBX_FUZZ=ON

# Every target's seed inputs: the project's own test inputs and the shared reference files.
declare -A seeds=(
  [emn_reader_fuzz]="samples/ilo-page.txt ../shared/seeds tests/emn"
  [tbx_reader_fuzz]="samples tests/tbx ../shared/reference/tbx ../shared/reference/real-world/tbx"
  [csv_reader_fuzz]="tests/csv ../shared/reference/real-world/csv"
)

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for binary in build-fuzz/tests/fuzz/*_fuzz; do targets+=("$(basename "$binary")"); done
fi

status=0
for target in "${targets[@]}"; do
  corpus="build-fuzz/corpus/$target"
  findings="build-fuzz/findings/$target"
  mkdir -p "$corpus" "$findings"
  for seed in ${seeds[$target]:-}; do
    [ -e "$seed" ] || continue
    find "$seed" -type f -size -1M -exec cp -t "$corpus" {} + 2>/dev/null || true
  done
  echo "fuzz: $target for ${seconds}s"
  if ! ASAN_OPTIONS=detect_leaks=1 "build-fuzz/tests/fuzz/$target" "$corpus" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$findings/" >"build-fuzz/$target.log" 2>&1; then
    echo "fuzz: $target FAILED; reproducer(s) in $findings:" >&2
    ls "$findings" >&2
    tail -40 "build-fuzz/$target.log" >&2
    status=1
  fi
  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "build-fuzz/$target.log" | sed "s/^/fuzz: $target /" || true
  grep -Eo 'cov: [0-9]+ ft: [0-9]+' "build-fuzz/$target.log" | tail -1 | sed "s/^/fuzz: $target final /" || true
done
exit $status
