#!/usr/bin/env bash
# Checks an installed ilo-tbx library from outside the build tree: its headers stand alone and include only the
# standard library, and examples/concepts.cpp builds against it with find_package(ilo_tbx) and with pkg-config,
# runs, and prints and writes what examples/concepts.expected says.
# Usage: tools/check-library.sh PREFIX      (the install prefix: /usr of an unpacked .deb, or a cmake --install --prefix)
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/.." && pwd)
prefix=$(realpath "$1")
fail() { echo "check-library.sh: $*" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
headers=$(cd "$prefix/include" && find ilo_tbx -name '*.hpp' | sort)
[ -n "$headers" ] || fail "no headers under $prefix/include/ilo_tbx"
libdir=$(dirname "$(find "$prefix" -name 'libilo_tbx.so' -print -quit)")
[ -n "$libdir" ] && [ "$libdir" != . ] || fail "no libilo_tbx.so under $prefix"
config=$(find "$prefix" -name ilo_tbxConfig.cmake -print -quit)
pc=$(find "$prefix" -name ilo_tbx.pc -print -quit)
[ -n "$config" ] || fail "no ilo_tbxConfig.cmake under $prefix"
[ -n "$pc" ] || fail "no ilo_tbx.pc under $prefix"

# The project's own warnings, as errors: a consumer that builds with them sees no warning from our headers.
strict="-Wall -Wextra -Wpedantic -Wshadow -Wconversion -Werror"

# --- the headers: only <standard> and "ilo_tbx/..." includes (no pugixml, libxml2, ICU, Boost, JSON), and each
# one compiles on its own
for header in $headers; do
  foreign=$(grep -E '^\s*#\s*include' "$prefix/include/$header" | grep -vE '^\s*#\s*include\s*(<[a-z_]+>|"ilo_tbx/[a-z_]+\.hpp")' || true)
  [ -z "$foreign" ] || fail "$header includes more than the standard library and ilo_tbx: $foreign"
  echo "#include <$header>" | g++ -std=c++20 $strict -fsyntax-only -I "$prefix/include" -x c++ - ||
    fail "$header does not compile on its own"
done
echo "check-library.sh: $(echo "$headers" | wc -l) headers include only the standard library and each other, and compile alone"

# --- the example, built against the installed files only
cp "$source_dir/examples/concepts.cpp" "$source_dir/examples/CMakeLists.txt" "$work/"
cmake -S "$work" -B "$work/cmake-build" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON >"$work/cmake.log" 2>&1 || { cat "$work/cmake.log" >&2; fail "cmake configure of the example failed"; }
found_dir=$(sed -n 's/^ilo_tbx_DIR:PATH=//p' "$work/cmake-build/CMakeCache.txt")
[ "$(realpath "$found_dir")" = "$(realpath "$(dirname "$config")")" ] || fail "find_package found $found_dir, not $(dirname "$config")"
cmake --build "$work/cmake-build" >>"$work/cmake.log" 2>&1 || { cat "$work/cmake.log" >&2; fail "building the example with find_package failed"; }
PKG_CONFIG_PATH="$(dirname "$pc")" pkg-config --cflags --libs ilo_tbx >"$work/pkg-config.flags" || fail "pkg-config ilo_tbx failed"
[ "$(PKG_CONFIG_PATH="$(dirname "$pc")" pkg-config --modversion ilo_tbx)" = "$(sed -n 's/^Version: //p' "$pc")" ] || fail "pkg-config --modversion"
# shellcheck disable=SC2046
g++ -std=c++20 $strict -O1 -o "$work/pkg-config-build" "$work/concepts.cpp" $(cat "$work/pkg-config.flags") ||
  fail "building the example with pkg-config ($(cat "$work/pkg-config.flags")) failed"
echo "check-library.sh: the example built with find_package(ilo_tbx) ($found_dir) and pkg-config ($(cat "$work/pkg-config.flags"))"

expected="$source_dir/examples/concepts.expected"
for program in "$work/cmake-build/ilo_tbx_concepts" "$work/pkg-config-build"; do
  loaded=$(LD_LIBRARY_PATH="$libdir" ldd "$program" | awk '$1 ~ /^libilo_tbx\.so/ { print $3 }')
  [ "$(realpath "$loaded")" = "$(realpath "$libdir/$(readlink "$libdir/libilo_tbx.so")")" ] ||
    fail "$program loads libilo_tbx from '$loaded', not from $libdir"
  run=$(mktemp -d -p "$work")
  printf '<martif type="TBX-Basic">\n  <text>\n' >"$run/broken.tbx"
  # Each run as "$ command", its standard output, its standard error with "! " before each line, and
  # "exit N" when N is not 0.
  for arguments in "--out ilo-2008.tbx" "ilo-2008.tbx" "broken.tbx"; do
    echo "\$ ilo_tbx_concepts $arguments"
    status=0
    # shellcheck disable=SC2086
    (cd "$run" && LD_LIBRARY_PATH="$libdir" "$program" $arguments 2>"$run/stderr") || status=$?
    sed 's/^/! /' "$run/stderr"
    [ "$status" = 0 ] || echo "exit $status"
  done >"$run/output"
  [ "${ILO_TBX_ACCEPT:-}" = 1 ] && cp "$run/output" "$expected"   # accept mode: rewrite the golden file
  diff -u "$expected" "$run/output" || fail "$program printed other than examples/concepts.expected"
  cmp "$run/ilo-2008.tbx" "$source_dir/samples/ilo-2008.tbx" || fail "the example's TBX 2008 differs from samples/ilo-2008.tbx"
done
echo "check-library.sh: ok: both builds ran against $libdir, wrote samples/ilo-2008.tbx byte for byte, read it back and refused a broken file"
