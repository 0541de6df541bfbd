#!/usr/bin/env bash
# Writes the man page ilo-tbx.1 (and ilo-tbx.1.gz) with help2man from the binary's own --help, --version and
# every subcommand's --help, so the man page and the help can never disagree. Run at build time by man/CMakeLists.txt.
# Usage: tools/make-man-page.sh ILO_TBX_BINARY OUTPUT_DIR
set -euo pipefail
binary=$(realpath "$1")
output_dir=$2
source_dir=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$output_dir"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# roff-escapes preformatted help text: backslashes, hyphens (so options copy as ASCII), leading dots and quotes.
escape_roff() { sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"; }

commands=$("$binary" --list-commands)
[ -n "$commands" ] || { echo "make-man-page.sh: $binary --list-commands listed nothing" >&2; exit 1; }
{
  echo "[COMMANDS IN DETAIL]"
  echo "Each command's own \\fB\\-\\-help\\fR, as the installed binary prints it."
  for command in $commands; do
    echo ".SS \"ilo\\-tbx $command\""
    echo ".nf"
    "$binary" "$command" --help | escape_roff
    echo ".fi"
  done
  echo "[SEE ALSO]"
  echo "The user guide, the JSON model and the TBX mapping in"
  echo ".IR /usr/share/doc/ilo\\-tbx/ ,"
  echo "or in the project's"
  echo ".I docs/"
  echo "folder."
} >"$work/include.h2m"

# A reproducible date: the commit's, when built from git.
if [ -z "${SOURCE_DATE_EPOCH:-}" ] && epoch=$(git -C "$source_dir" log -1 --format=%ct 2>/dev/null); then
  export SOURCE_DATE_EPOCH=$epoch
fi
help2man --no-info --no-discard-stderr --section=1 \
  --name="convert EMN glossary entries and term bases to and from TBX" \
  --include="$work/include.h2m" --output="$work/ilo-tbx.1" "$binary"
mv "$work/ilo-tbx.1" "$output_dir/ilo-tbx.1"
gzip -9n -c "$output_dir/ilo-tbx.1" >"$output_dir/ilo-tbx.1.gz"
