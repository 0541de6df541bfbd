#!/usr/bin/env bash
# --version prints "ilo-tbx VERSION" and "commit ID" (the checkout's HEAD), and a tree outside git gets "commit unknown".
# Usage: version_test.sh ILO_TBX_BINARY SOURCE_DIR VERSION
set -euo pipefail
binary=$1 source_dir=$2 version=$3
fail() { echo "version_test: $*"; exit 1; }

output=$("$binary" --version)
[ "$(echo "$output" | wc -l)" = 2 ] || fail "expected two lines, got: $output"
[ "$(echo "$output" | sed -n 1p)" = "ilo-tbx $version" ] || fail "first line: $(echo "$output" | sed -n 1p)"
commit_line=$(echo "$output" | sed -n 2p)
if head=$(git -C "$source_dir" rev-parse --short=12 HEAD 2>/dev/null); then
  [[ "$commit_line" =~ ^commit\ $head(-dirty)?$ ]] || fail "second line '$commit_line', expected 'commit $head' (rebuild after committing)"
else
  [ "$commit_line" = "commit unknown" ] || fail "second line '$commit_line' outside git, expected 'commit unknown'"
fi
[ "$("$binary" -V)" = "$output" ] || fail "-V differs from --version"

# The build-time lookup, on a source tree that is not a git checkout (a release tarball).
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/tarball"
cmake -DSOURCE_DIR="$work/tarball" -DOUTPUT="$work/build_info.cpp" -P "$source_dir/tools/build-info.cmake"
grep -qx 'std::string_view git_commit() { return "unknown"; }' "$work/build_info.cpp" ||
  fail "outside git: $(cat "$work/build_info.cpp")"
# A tarball unpacked inside some other repository must not report that repository's commit.
git -C "$work" init -q && mkdir -p "$work/tarball" &&
  git -C "$work" -c user.name=t -c user.email=t@t commit -q --allow-empty -m outer
cmake -DSOURCE_DIR="$work/tarball" -DOUTPUT="$work/build_info.cpp" -P "$source_dir/tools/build-info.cmake"
grep -qx 'std::string_view git_commit() { return "unknown"; }' "$work/build_info.cpp" ||
  fail "inside another repository: $(cat "$work/build_info.cpp")"
# And a checkout reports its own HEAD, with -dirty once a tracked file changes.
git -C "$work/tarball" init -q && echo a >"$work/tarball/f" && git -C "$work/tarball" add f &&
  git -C "$work/tarball" -c user.name=t -c user.email=t@t commit -q -m inner
inner=$(git -C "$work/tarball" rev-parse --short=12 HEAD)
cmake -DSOURCE_DIR="$work/tarball" -DOUTPUT="$work/build_info.cpp" -P "$source_dir/tools/build-info.cmake"
grep -qx "std::string_view git_commit() { return \"$inner\"; }" "$work/build_info.cpp" || fail "clean checkout: $(cat "$work/build_info.cpp")"
echo b >"$work/tarball/f"
cmake -DSOURCE_DIR="$work/tarball" -DOUTPUT="$work/build_info.cpp" -P "$source_dir/tools/build-info.cmake"
grep -qx "std::string_view git_commit() { return \"$inner-dirty\"; }" "$work/build_info.cpp" || fail "modified checkout: $(cat "$work/build_info.cpp")"
echo "version_test: ok ($output)"
