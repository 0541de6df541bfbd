#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite, then builds and checks the .deb; the README's second command.
# Usage: tools/test.sh [--sanitize] [--fuzz SECONDS] [--all]
#   --sanitize      also build with clang, ASan+UBSan and libFuzzer instrumentation in build-asan/, and run the
#                   whole suite there
#   --fuzz SECONDS  also run every libFuzzer target for SECONDS (tools/fuzz.sh; with --sanitize, on build-asan/)
#   --all           both, with 60 seconds of fuzzing per target (what CI runs)
# With CI=true warnings are errors.
set -euo pipefail
cd "$(dirname "$0")/.."
sanitize=0
fuzz_seconds=0
while [ $# -gt 0 ]; do
  case "$1" in
    --sanitize) sanitize=1 ;;
    --fuzz) fuzz_seconds="$2"; shift ;;
    --all) sanitize=1; fuzz_seconds=60 ;;
    *) echo "test.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
  shift
done
werror=OFF
[ "${CI:-}" = true ] && werror=ON
jobs=$(nproc 2>/dev/null || echo 2)
# CI must stay under 30 minutes: each phase says how long it took, so that a slower one is seen at once.
phase_start=$SECONDS
phase_done() {
  echo "test.sh: $1 took $((SECONDS - phase_start)) s (total $SECONDS s)"
  phase_start=$SECONDS
}

tools/setup.sh --test -- -DILO_TBX_WERROR="$werror"
phase_done "set-up and build"
# Twice as many tests as cores: much of the suite waits rather than computes (Java start-up, Lokalize on its display,
# fsync). On a clean checkout with 2 cores the suite took 347 s at -j2 and 325 s at -j4.
ctest --test-dir build --output-on-failure -j "$((jobs * 2))"
phase_done "the test suite"
echo "test.sh: the Debian package, unpacked into a clean directory and run from its installed files"
debian_packages=$(tools/package.sh build)
tools/check-package.sh $debian_packages
phase_done "the package check"

if [ "$sanitize" = 1 ]; then
  echo "test.sh: the whole suite again under ASan+UBSan, built by clang with the libFuzzer targets (build-asan/)"
  # One clang build serves the sanitizer suite and the fuzzing; an older gcc build-asan/ cannot be reconfigured.
  if [ -f build-asan/CMakeCache.txt ] && ! grep -q '^ILO_TBX_FUZZ:BOOL=ON' build-asan/CMakeCache.txt; then
    rm -rf build-asan
  fi
  # Line tables only: ASan and UBSan reports still name every frame's file and line, and the build takes about a
  # tenth less CPU than with full debug information.
  tools/setup.sh --test --fuzz --build-dir build-asan -- -DILO_TBX_WERROR="$werror" -DILO_TBX_FUZZ=ON \
    -DCMAKE_CXX_COMPILER=clang++-14 -DILO_TBX_UNIT_TEST_SHARDS=4 \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -gline-tables-only -DNDEBUG"
  phase_done "the sanitizer build"
  # The acceptance tests exercise other programs (OmegaT, translate-toolkit, Lokalize), not our memory
  # handling, and they already passed in the plain build above.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure -j "$jobs" -LE "acceptance|official|bench"
  phase_done "the suite under ASan+UBSan"
fi
if [ "$fuzz_seconds" != 0 ]; then
  if [ "$sanitize" = 1 ]; then
    tools/fuzz.sh --build-dir build-asan "$fuzz_seconds"
  else
    tools/fuzz.sh "$fuzz_seconds"
  fi
  phase_done "the fuzzing"
fi
