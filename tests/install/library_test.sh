#!/usr/bin/env bash
# The library as `cmake --install` puts it into a fresh prefix (components library and development), checked from
# outside the build tree by tools/check-library.sh: headers alone, the example built with find_package and pkg-config.
# Usage: library_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build_dir=$1 source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for component in library development; do
  cmake --install "$build_dir" --prefix "$work/prefix" --component "$component" >/dev/null
done
"$source_dir/tools/check-library.sh" "$work/prefix"
