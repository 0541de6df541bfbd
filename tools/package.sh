#!/usr/bin/env bash
# Builds the Debian package from a configured build directory and prints its path: BUILD_DIR/package/ilo-tbx_VERSION_ARCH.deb.
# Usage: tools/package.sh [BUILD_DIR]      (default build/, as configured by tools/setup.sh)
# The package holds what `cmake --install` installs (component "runtime"), under /usr, with stripped binaries.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
if [ ! -f "$build_dir/CPackConfig.cmake" ]; then
  echo "package.sh: $build_dir is not a configured build directory (run tools/setup.sh first)" >&2
  exit 2
fi
jobs=$(nproc 2>/dev/null || echo 2)
cmake --build "$build_dir" -j "$jobs" -- --no-print-directory >/dev/null
rm -rf "$build_dir/package"
cpack --config "$build_dir/CPackConfig.cmake" -B "$build_dir/package" >"$build_dir/package.log" 2>&1 || {
  cat "$build_dir/package.log" >&2
  echo "package.sh: cpack failed" >&2
  exit 1
}
shopt -s nullglob
packages=("$build_dir"/package/*.deb)
if [ ${#packages[@]} = 0 ]; then
  cat "$build_dir/package.log" >&2
  echo "package.sh: cpack made no .deb" >&2
  exit 1
fi
printf '%s\n' "${packages[@]}"
