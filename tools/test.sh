#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite; what the README's second command and CI run.
# With CI=true warnings are errors.
set -euo pipefail
cd "$(dirname "$0")/.."
werror=OFF
[ "${CI:-}" = true ] && werror=ON
tools/setup.sh --test -- -DILO_TBX_WERROR="$werror"
jobs=$(nproc 2>/dev/null || echo 2)
ctest --test-dir build --output-on-failure -j "$jobs"
