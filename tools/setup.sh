#!/usr/bin/env bash
# Installs the Debian packages ilo-tbx needs (only those missing), then configures and builds it in build/.
# Usage: tools/setup.sh [--test] [--fuzz] [--build-dir DIR] [--no-build] [-- extra cmake arguments]
#   --test   also install what the test suite needs (official-schema checkers: jing, Saxon, lxml;
#            the translation tools the acceptance tests run: OmegaT, a JDK, translate-toolkit, and
#            Lokalize with a virtual X server and the AT-SPI accessibility bus)
#   --fuzz   also install clang, its sanitizer/libFuzzer runtime and the LLVM coverage tools
#   --no-build  install and configure only (for scripts that build only the targets they need)
# Idempotent: when everything is present it installs nothing and prints only the build's own output.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
want_fuzz=0
want_build=1
build_dir=build
cmake_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --test) want_test=1 ;;
    --fuzz) want_fuzz=1 ;;
    --no-build) want_build=0 ;;
    --build-dir) build_dir="$2"; shift ;;
    --) shift; cmake_args+=("$@"); break ;;
    *) echo "setup.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
  shift
done

build_packages=(g++ cmake make pkg-config libpugixml-dev libxml2-dev libboost-program-options-dev
                libicu-dev libgtest-dev nlohmann-json3-dev help2man)
# Excel workbooks: libxlsxwriter writes them, libzip unpacks them for reading.
build_packages+=(libxlsxwriter-dev libzip-dev)
test_packages=(libxml2-utils jing libsaxonhe-java default-jre-headless python3 python3-lxml)
# The hardening tests: peak memory (GNU time) and proof that no file or network is touched (strace).
test_packages+=(time strace)
# The translation tools that the acceptance tests (tests/acceptance) run.
test_packages+=(omegat default-jdk-headless translate-toolkit python3-translate
               lokalize xvfb xauth dbus at-spi2-core python3-pyatspi python3-gi x11-utils)
# tools/package.sh and tools/check-package.sh: cpack's dpkg-shlibdeps, and `file` to see the binary is stripped.
test_packages+=(dpkg-dev file)
# tests/install: the man page is rendered with man (man-db, groff-base).
test_packages+=(man-db groff-base)
# llvm-14: llvm-profdata and llvm-cov for tools/fuzz-coverage.sh.
fuzz_packages=(clang-14 libclang-rt-14-dev llvm-14)

packages=("${build_packages[@]}")
[ "$want_test" = 1 ] && packages+=("${test_packages[@]}")
[ "$want_fuzz" = 1 ] && packages+=("${fuzz_packages[@]}")

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "setup.sh: missing Debian packages: ${missing[*]}; run as root, or install them with apt-get" >&2
    exit 1
  fi
  echo "setup.sh: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "${cmake_args[@]}" >/dev/null
[ "$want_build" = 1 ] || exit 0
cmake --build "$build_dir" -j "$jobs" -- --no-print-directory >/dev/null
