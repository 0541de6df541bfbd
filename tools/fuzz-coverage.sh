#!/usr/bin/env bash
# Measures how much of each reader the fuzz corpora reach: source-based line and region coverage (clang, llvm-cov).
# Usage: tools/fuzz-coverage.sh [--build-dir DIR] [TARGET=CORPUS_DIR...]
#   Each fuzz target replays its CTest seeds (tests/fuzz/CMakeLists.txt) and, for TARGET=DIR arguments, the corpus a
#   long run grew (e.g. csv_reader_fuzz=build-fuzzfast/corpus/csv_reader_fuzz); then one table is printed: for each
#   target, the inputs replayed and the coverage of the reader's own source files, and the whole library's.
# Builds build-cov/ (clang, -fprofile-instr-generate -fcoverage-mapping, no sanitizers); needs tools/setup.sh --fuzz.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=build-cov
if [ "${1:-}" = --build-dir ]; then
  build_dir="$2"
  shift 2
fi
declare -A extra_corpus=()
for argument in "$@"; do
  extra_corpus[${argument%%=*}]="${argument#*=}"
done

flags="-fprofile-instr-generate -fcoverage-mapping"
tools/setup.sh --fuzz --no-build --build-dir "$build_dir" -- -DCMAKE_CXX_COMPILER=clang++-14 \
  -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" -DILO_TBX_FUZZ=OFF \
  -DILO_TBX_TESTS=ON >/dev/null
targets=(emn_reader_fuzz csv_reader_fuzz tbx_reader_fuzz xlsx_reader_fuzz xlsx_parts_fuzz json_reader_fuzz tbx_stream_fuzz)
cmake --build "$build_dir" --target "${targets[@]}" -j "$(nproc)" >/dev/null

# The reader files of each target: what its inputs must reach.
declare -A reader_sources=(
  [emn_reader_fuzz]="src/formats/emn_reader.cpp src/formats/emn_terms.cpp"
  [csv_reader_fuzz]="src/formats/csv_reader.cpp src/formats/csv_layout.cpp src/formats/csv_tokenizer.cpp"
  [tbx_reader_fuzz]="src/formats/tbx_reader.cpp"
  [xlsx_reader_fuzz]="src/formats/xlsx_reader.cpp"
  [xlsx_parts_fuzz]="src/formats/xlsx_reader.cpp"
  [json_reader_fuzz]="src/formats/json_reader.cpp"
  [tbx_stream_fuzz]="src/formats/tbx_reader.cpp"
)

# From llvm-cov's JSON summary: "covered of total (percent)" for lines, then for regions.
percentages='
import json, sys
totals = json.load(sys.stdin)["data"][0]["totals"]
cells = ["{covered:,} of {count:,} ({percent:.1f}%)".format(**totals[kind]) for kind in ("lines", "regions")]
print(" | ".join(cells))'

profiles="$build_dir/coverage"
rm -rf "$profiles"
mkdir -p "$profiles"
printf '| target | inputs | reader lines | reader regions | library lines |\n| --- | ---: | ---: | ---: | ---: |\n'
for target in "${targets[@]}"; do
  # The seeds CTest replays, read from the test's own command line.
  seeds=$(ctest --test-dir "$build_dir" -R "^fuzz_replay\.$target\$" --show-only=json-v1 |
    /usr/bin/python3 -c 'import json,sys; print("\n".join(json.load(sys.stdin)["tests"][0]["command"][1:]))')
  mapfile -t corpus <<<"$seeds"
  [ -n "${extra_corpus[$target]:-}" ] && corpus+=("${extra_corpus[$target]}")
  inputs=0
  for path in "${corpus[@]}"; do
    [ -e "$path" ] && inputs=$((inputs + $(find "$path" -type f | wc -l)))
  done
  LLVM_PROFILE_FILE="$profiles/$target.profraw" "$build_dir/tests/fuzz/$target" "${corpus[@]}" >/dev/null 2>&1
  llvm-profdata-14 merge -sparse "$profiles/$target.profraw" -o "$profiles/$target.profdata"
  # The summary as JSON: per file, and the totals of the files asked for.
  summary() {
    llvm-cov-14 export -summary-only -instr-profile="$profiles/$target.profdata" "$build_dir/tests/fuzz/$target" "$@"
  }
  reader=$(summary $(printf "$PWD/%s " ${reader_sources[$target]}) | /usr/bin/python3 -c "$percentages")
  library=$(summary "$PWD/src" | /usr/bin/python3 -c "$percentages" | sed 's/ | .*//')
  printf '| %s | %d | %s | %s |\n' "$target" "$inputs" "$reader" "$library"
done
