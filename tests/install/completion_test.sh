#!/usr/bin/env bash
# The bash completion: sources the script, sets COMP_WORDS/COMP_CWORD as bash does, calls the function and
# checks COMPREPLY for subcommands, options, option values (each accepted by the binary) and files by extension.
# Usage: completion_test.sh ILO_TBX_BINARY COMPLETION_SCRIPT
set -uo pipefail
binary=$(realpath "$1") script=$(realpath "$2")
failures=0
fail() { echo "completion_test: $*"; failures=$((failures + 1)); }

# shellcheck source=/dev/null
source "$script"
complete -p ilo-tbx | grep -q -- '-F _ilo_tbx' || { echo "completion_test: the script registers no _ilo_tbx for ilo-tbx"; exit 1; }

# Completes the command line "$@" (the last word is the one being completed) and prints COMPREPLY sorted.
complete_line() {
    COMP_WORDS=("$binary" "$@")
    COMP_CWORD=$#
    COMPREPLY=()
    _ilo_tbx
    printf '%s\n' "${COMPREPLY[@]}" | sed '/^$/d' | sort
}
expect() {  # expect "WORDS..." "EXPECTED, one per line"
    local words=$1 expected=$2 actual
    read -r -a line <<<"$words"
    [[ $words == *" " ]] && line+=("")
    actual=$(complete_line "${line[@]}")
    [ "$actual" = "$(sort <<<"$expected")" ] ||
        fail "ilo-tbx $words<TAB>: expected [$(echo $expected)], got [$(echo $actual)]"
}

commands=$("$binary" --list-commands)
expect " " "$(printf '%s\n' $commands --help --version)"
expect "ex" "export"
expect "va" "validate"
expect "--v" "--version"

# Options come from each command's --help: known ones are offered, and nothing that --help lacks.
for command in $commands; do
    offered=$(complete_line "$command" "--")
    [ -n "$offered" ] || fail "ilo-tbx $command --<TAB> offered nothing"
    help_text=$("$binary" "$command" --help)
    for option in $offered; do
        grep -qE -- "^  (-[A-Za-z] \[ )?$option( |\$)" <<<"$help_text" || fail "ilo-tbx $command: offered $option, not in --help"
    done
    grep -qx -- "--help" <<<"$offered" || fail "ilo-tbx $command --<TAB> lacks --help"
done
offered=$(complete_line export "--")
for option in --out --strict --explain --to --dialect --style --profile --source-lang --langs; do
    grep -qx -- "$option" <<<"$offered" || fail "ilo-tbx export --<TAB> lacks $option"
done
expect "export --st" "$(printf '%s\n' --strict --style)"

# Values: what the binary lists, and each one is accepted by the binary.
expect "export --to " "$("$binary" --list-values to)"
expect "export -t " "$("$binary" --list-values to)"
expect "import --from " "$("$binary" --list-values from)"
expect "export --dialect " "$("$binary" --list-values dialect)"
expect "export --style " "$("$binary" --list-values style)"
expect "export --profile " "$("$binary" --list-values profile)"
for format in tbx tbx2008 json; do grep -qx "$format" <<<"$("$binary" --list-values to)" || fail "--list-values to lacks $format"; done
for dialect in basic core min; do grep -qx "$dialect" <<<"$("$binary" --list-values dialect)" || fail "--list-values dialect lacks $dialect"; done
grep -qx omegat <<<"$("$binary" --list-values profile)" || fail "--list-values profile lacks omegat"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for option in to profile dialect style; do
    values=$("$binary" --list-values "$option")
    for value in $values; do
        "$binary" export "--$option" "$value" --out - >/dev/null 2>"$work/err"
        [ $? != 2 ] || fail "ilo-tbx export --$option $value (offered by the completion) is a usage error: $(cat "$work/err")"
    done
    # A value the list lacks is refused, and the message names exactly the listed values.
    "$binary" export "--$option" no-such-value --out - >/dev/null 2>"$work/err"
    [ $? = 2 ] || fail "ilo-tbx export --$option no-such-value was not a usage error"
    for value in $values; do
        grep -qE "(: |, | or |expected )$value(,| or |$| \()" <(head -1 "$work/err") || fail "--$option: the usage error does not name '$value': $(head -1 "$work/err")"
    done
done
"$binary" --list-values no-such-list >/dev/null 2>&1
[ $? = 2 ] || fail "--list-values with an unknown name is not a usage error"

# Files by extension, directories always (to descend into).
mkdir -p "$work/files/sub" && cd "$work/files" || exit 1
touch a.tbx B.TBX c.json d.txt e.emn f.rng g.pdf
expect "validate " "$(printf '%s\n' a.tbx B.TBX sub)"
expect "export " "$(printf '%s\n' d.txt e.emn sub)"
expect "info a" "a.tbx"
readable=$(complete_line import "")
for file in a.tbx B.TBX c.json sub; do grep -qx "$file" <<<"$readable" || fail "ilo-tbx import <TAB> lacks $file"; done
grep -qx g.pdf <<<"$readable" && fail "ilo-tbx import <TAB> offers g.pdf"
grep -qx f.rng <<<"$readable" && fail "ilo-tbx import <TAB> offers f.rng"
written=$(complete_line export --out "")
for file in - a.tbx c.json sub; do grep -qx -- "$file" <<<"$written" || fail "ilo-tbx export --out <TAB> lacks $file"; done
grep -qx d.txt <<<"$written" && fail "ilo-tbx export --out <TAB> offers d.txt (no format writes .txt pages)"
expect "validate --schema " "$(printf '%s\n' f.rng sub)"
expect "export --strict " "$(printf '%s\n' d.txt e.emn sub)"

if [ "$failures" != 0 ]; then echo "completion_test: $failures failures"; exit 1; fi
echo "completion_test: ok"
