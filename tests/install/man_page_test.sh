#!/usr/bin/env bash
# The generated man page documents every subcommand the binary knows and every option of each, renders without
# warnings, and carries the binary's version.
# Usage: man_page_test.sh ILO_TBX_BINARY MAN_PAGE (the ilo-tbx.1 the build generated)
set -euo pipefail
binary=$1 man_page=$2
fail() { echo "man_page_test: $*"; exit 1; }
[ -s "$man_page" ] || fail "no man page at $man_page"
[ -s "$man_page.gz" ] && cmp -s <(gzip -dc "$man_page.gz") "$man_page" || fail "$man_page.gz is not $man_page compressed"

version=$("$binary" --version | head -1)
grep -q "^\.TH ILO-TBX \"1\" \"[^\"]*\" \"$version\"" "$man_page" || fail "the .TH line does not name '$version'"

# roff spells '-' as '\-'; undo that to compare with the help text.
plain=$(sed 's/\\-/-/g' "$man_page")
commands=$("$binary" --list-commands)
[ "$(echo "$commands" | wc -l)" -ge 5 ] || fail "--list-commands listed only: $commands"
checked=0
for command in $commands; do
  grep -qx "\.SS \"ilo-tbx $command\"" <<<"$plain" || fail "no section for the subcommand '$command'"
  grep -A1 "^\.TP" <<<"$plain" | grep -qx "$command" || fail "the Commands list lacks '$command'"
  # Every option line of the subcommand's help is in the man page, verbatim.
  while IFS= read -r option_line; do
    grep -qF -- "$option_line" <<<"$plain" || fail "ilo-tbx $command: option line missing: $option_line"
    checked=$((checked + 1))
  done < <("$binary" "$command" --help | grep -E '^  -')
done
[ "$checked" -ge 20 ] || fail "only $checked option lines found in the subcommands' help: is the help format still parsed?"

# man renders it without complaint (groff warnings go to stderr).
warnings=$(MANWIDTH=80 man --warnings -l "$man_page" 2>&1 >/dev/null || true)
[ -z "$warnings" ] || fail "man reports: $warnings"
MANWIDTH=80 man -l "$man_page" 2>/dev/null | grep -q "ilo-tbx validate" || fail "the rendered page lacks 'ilo-tbx validate'"
echo "man_page_test: ok ($(echo $commands | wc -w) commands, $checked option lines)"
