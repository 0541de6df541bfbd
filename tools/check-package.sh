#!/usr/bin/env bash
# Checks the built .debs: the tool's (ilo-tbx) and the library's (libilo-tbx<soversion>, libilo-tbx-dev). Each
# Depends names exactly the Debian runtime packages of the libraries its binaries load, files are in Debian's
# places, the tool works with no source tree present, and the example builds against the unpacked library.
# Usage: tools/check-package.sh PACKAGE.deb...     (the three packages tools/package.sh makes, in any order)
# Packages are unpacked with dpkg -x into a fresh directory (no root needed, the machine is not changed).
# When this runs as root and may make a private mount namespace (unshare -m), the source checkout is
# hidden behind an empty directory while the installed tool runs; otherwise it says so and runs from a
# temporary working directory only.
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/.." && pwd)
fail() { echo "check-package.sh: $*" >&2; exit 1; }
deb="" library_deb="" development_deb=""
for package in "$@"; do
  case "$(dpkg-deb -f "$package" Package)" in
    ilo-tbx) deb=$(realpath "$package") ;;
    libilo-tbx-dev) development_deb=$(realpath "$package") ;;
    libilo-tbx*) library_deb=$(realpath "$package") ;;
    *) fail "$package is not a package of ilo-tbx" ;;
  esac
done
[ -n "$deb" ] && [ -n "$library_deb" ] && [ -n "$development_deb" ] ||
  fail "expected the ilo-tbx, libilo-tbx<soversion> and libilo-tbx-dev packages, got: $*"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root="$work/root"
dpkg-deb -x "$deb" "$root"
name=$(dpkg-deb -f "$deb" Package)
echo "check-package.sh: $(basename "$deb"): $(du -k "$deb" | cut -f1) KiB packed, $(du -sk "$root" | cut -f1) KiB installed"

# --- the files, in Debian's places
expected_files=(usr/bin/ilo-tbx usr/share/man/man1/ilo-tbx.1.gz usr/share/bash-completion/completions/ilo-tbx)
for file in "${expected_files[@]}"; do
  [ -e "$root/$file" ] || fail "$name lacks /$file"
done
unexpected=$(cd "$root" && find . -type f | sed 's|^\./||' | grep -v -e '^usr/bin/' -e '^usr/share/' || true)
[ -z "$unexpected" ] || fail "files outside usr/bin and usr/share: $unexpected"
file "$root/usr/bin/ilo-tbx" | grep -q 'stripped' && ! file "$root/usr/bin/ilo-tbx" | grep -q 'not stripped' ||
  fail "the packaged binary is not stripped"

# --- Depends: only runtime packages, each installed here, and together they provide every library loaded
# The package owning a library path; dpkg records /lib paths for what ldd may show under /usr/lib (usrmerge).
owner_of() {
  local path=$1 candidate
  for candidate in "$path" "${path#/usr}" "/usr$path" "$(realpath "$path")" "$(realpath "$path" | sed 's|^/usr||')"; do
    dpkg-query -S "$candidate" 2>/dev/null | head -1 | cut -d: -f1 && return 0
  done
  return 1
}
# check_depends PACKAGE.deb ELF: the package's Depends names exactly the installed runtime packages that provide
# the libraries ELF names itself (DT_NEEDED; ldd also lists what those load in turn).
check_depends() {
  local package=$1 elf=$2 depends dependency_names needed resolved owners library path owner
  depends=$(dpkg-deb -f "$package" Depends)
  echo "check-package.sh: $(dpkg-deb -f "$package" Package) Depends: $depends"
  dependency_names=$(echo "$depends" | tr ',' '\n' | sed -e 's/([^)]*)//g' -e 's/|.*//' -e 's/^ *//' -e 's/ *$//' | sort -u)
  for dependency in $dependency_names; do
    case "$dependency" in *-dev) fail "Depends names a development package: $dependency" ;; esac
    [ "$(dpkg-query -W -f='${Status}' "$dependency" 2>/dev/null)" = "install ok installed" ] ||
      fail "Depends names $dependency, which is not an installed Debian package here"
  done
  needed=$(readelf -d "$elf" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
  [ -n "$needed" ] || fail "readelf found no NEEDED libraries in $elf"
  # libxlsxwriter and libzip are opened with dlopen on first use (src/formats/xlsx_libraries.cpp), not NEEDED:
  # their sonames are strings in the binary, and their packages belong in Depends as well.
  needed=$(printf '%s\n' $needed $(grep -aoE 'lib(xlsxwriter|zip)\.so\.[0-9]+' "$elf") | sort -u)
  # "name => path (address)", and for the dynamic loader "path (address)": PIC code that reaches thread-local
  # variables of another library (std::call_once's) calls __tls_get_addr, so the loader is NEEDED too.
  resolved=$(ldd "$elf" | awk '$2 == "=>" { print $1, $3 } $1 ~ /^\// { n = split($1, part, "/"); print part[n], $1 }')
  owners=""
  for library in $needed; do
    path=$(echo "$resolved" | awk -v lib="$library" '$1 == lib { print $2 }')
    # awk reads to the end (no exit): ldconfig must not be cut off by SIGPIPE under pipefail.
    [ -n "$path" ] || path=$(ldconfig -p | awk -v lib="$library" '$1 == lib && !found { print $NF; found = 1 }')
    [ -n "$path" ] || fail "library $library of $elf is not found on this machine"
    owner=$(owner_of "$path") || fail "no Debian package owns $path ($library)"
    echo "$dependency_names" | grep -qx "$owner" || fail "$elf needs $library from package $owner, which Depends lacks"
    owners+="$owner"$'\n'
  done
  for dependency in $dependency_names; do
    echo "$owners" | grep -qx "$dependency" || fail "Depends names $dependency, but $elf needs no library from it"
  done
  echo "check-package.sh: Depends covers exactly the packages of the NEEDED libraries of $(basename "$elf"):" $needed
}
check_depends "$deb" "$root/usr/bin/ilo-tbx"

# --- the installed tool, run from an empty directory with only the installed files
cat >"$work/run.sh" <<SCRIPT
set -euo pipefail
export PATH="$root/usr/bin:/usr/bin:/bin" LC_ALL=C.UTF-8
mkdir -p "$work/run/x" && cd "$work/run"
ilo-tbx --version
ilo-tbx export --out "$work/run/x/ilo.tbx"
ilo-tbx export --to tbx2008 --out "$work/run/x/ilo-2008.tbx"
ilo-tbx import "$work/run/x/ilo.tbx" --out "$work/run/x/ilo.json"
ilo-tbx import "$work/run/x/ilo.json" --to tbx --out "$work/run/x/round-trip.tbx"
ilo-tbx export --to xlsx --layout long --out "$work/run/x/ilo.xlsx"
ilo-tbx import "$work/run/x/ilo.xlsx" --out "$work/run/x/from-xlsx.tbx"
ilo-tbx info "$work/run/x/ilo.tbx" >"$work/run/x/info.txt"
ilo-tbx validate "$work/run/x/ilo.tbx"
ilo-tbx validate --rng "$work/run/x/ilo-2008.tbx"
ilo-tbx validate "$work/run/x/round-trip.tbx"
MANWIDTH=80 man -l "$root/usr/share/man/man1/ilo-tbx.1.gz" | grep -q 'ilo-tbx validate'
source "$root/usr/share/bash-completion/completions/ilo-tbx"
COMP_WORDS=(ilo-tbx va) COMP_CWORD=1 && _ilo_tbx && [ "\${COMPREPLY[*]}" = validate ]
COMP_WORDS=(ilo-tbx export --to "") COMP_CWORD=3 && _ilo_tbx && [[ " \${COMPREPLY[*]} " == *" tbx2008 "* ]]
echo "man page and completion: ok"
SCRIPT
hidden=no
if [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null; then
  mkdir "$work/empty"
  unshare -m bash -c "mount --bind '$work/empty' '$source_dir' && test -z \"\$(ls -A '$source_dir')\" && bash '$work/run.sh'" \
    >"$work/run.out" 2>&1 || { cat "$work/run.out" >&2; fail "the installed tool failed (source tree hidden)"; }
  hidden=yes
else
  bash "$work/run.sh" >"$work/run.out" 2>&1 || { cat "$work/run.out" >&2; fail "the installed tool failed"; }
fi
cat "$work/run.out"
head -1 "$work/run.out" | grep -qx "ilo-tbx $(dpkg-deb -f "$deb" Version)" || fail "--version does not match the package version"
cmp "$work/run/x/ilo.tbx" "$source_dir/samples/ilo.tbx" || fail "the installed export differs from samples/ilo.tbx"
cmp "$work/run/x/ilo-2008.tbx" "$source_dir/samples/ilo-2008.tbx" || fail "the installed 2008 export differs from samples/ilo-2008.tbx"
cmp "$work/run/x/round-trip.tbx" "$source_dir/samples/ilo.tbx" || fail "TBX -> JSON -> TBX through the installed tool is not equal"
grep -qx 'concepts: 1' "$work/run/x/info.txt" && grep -qx 'terms: 30' "$work/run/x/info.txt" || fail "info did not count 1 concept and 30 terms"
if [ "$hidden" = yes ]; then
  echo "check-package.sh: ok: the installed tool exported, converted, described and validated with the source tree hidden"
else
  echo "check-package.sh: ok: the installed tool exported, converted, described and validated from a temporary directory" \
       "(the source tree was NOT hidden: needs root and unshare -m)"
fi

# --- the library: the shared library alone in libilo-tbx<soversion>, the development files in libilo-tbx-dev
# (which depends on exactly this build of the library), and the example built against the two unpacked
library_root="$work/library-root"
dpkg-deb -x "$library_deb" "$library_root"
library_name=$(dpkg-deb -f "$library_deb" Package)
library_files=$(cd "$library_root" && find . ! -type d | sed 's|^\./||' | sort)
echo "check-package.sh: $library_name:" $library_files
! echo "$library_files" | grep -vqE '^usr/lib/([a-z0-9_-]+/)?libilo_tbx\.so\.[0-9.]+$' ||
  fail "$library_name holds more than libilo_tbx.so.*: $library_files"
shared_object=$(cd "$library_root" && find . -type f -name 'libilo_tbx.so.*' | sed 's|^\./||')
soname=$(readelf -d "$library_root/$shared_object" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[ "$library_name" = "libilo-tbx${soname#libilo_tbx.so.}" ] || fail "package $library_name does not match the soname $soname"
[ -L "$library_root/$(dirname "$shared_object")/$soname" ] || fail "$library_name lacks the soname link $soname"
check_depends "$library_deb" "$library_root/$shared_object"
# A shlibs file, so that dpkg-shlibdeps makes programs packaged against the library depend on this package.
dpkg-deb --ctrl-tarfile "$library_deb" | tar -x -O ./shlibs >"$work/shlibs" 2>/dev/null || fail "$library_name has no shlibs file"
[ "$(cat "$work/shlibs")" = "libilo_tbx ${soname#libilo_tbx.so.} $library_name (= $(dpkg-deb -f "$library_deb" Version))" ] ||
  fail "$library_name shlibs: $(cat "$work/shlibs")"

development_root="$work/development-root"
dpkg-deb -x "$development_deb" "$development_root"
[ "$(dpkg-deb -f "$development_deb" Depends)" = "$library_name (= $(dpkg-deb -f "$library_deb" Version))" ] ||
  fail "libilo-tbx-dev Depends '$(dpkg-deb -f "$development_deb" Depends)', expected exactly $library_name of this version"
development_files=$(cd "$development_root" && find . ! -type d | sed 's|^\./||' | sort)
! echo "$development_files" | grep -vqE '^usr/include/ilo_tbx/[a-z_]+\.hpp$|^usr/lib/([a-z0-9_-]+/)?(libilo_tbx\.so|pkgconfig/ilo_tbx\.pc|cmake/ilo_tbx/ilo_tbx[A-Za-z-]*\.cmake)$' ||
  fail "libilo-tbx-dev holds files outside the headers, the link and the configs: $development_files"
dpkg-deb -x "$development_deb" "$library_root"
"$source_dir/tools/check-library.sh" "$library_root/usr"
echo "check-package.sh: ok: $library_name and libilo-tbx-dev, unpacked together, built and ran the example"
