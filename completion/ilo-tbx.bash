# Bash completion for ilo-tbx: subcommands, options, --to/--from/--profile/--dialect/--style values and files by extension.
# Installed as share/bash-completion/completions/ilo-tbx. Every list comes from the binary being completed
# (ilo-tbx --list-commands, --list-values NAME, and COMMAND --help for the options), so it cannot go stale.

# The options of one command, from its --help (Boost.Program_options lists them as "  -o [ --out ] FILE  text"
# or "  --strict  text"); "--name=" marks those that take a value.
_ilo_tbx_options() {
    local binary=$1 command=$2 line spec
    "$binary" "$command" --help 2>/dev/null | while IFS= read -r line; do
        [[ $line =~ ^\ \ (-[A-Za-z]\ \[\ )?(--[A-Za-z0-9-]+)(\ \])?(\ [^ ]+)?(\ \ |$) ]] || continue
        spec=${BASH_REMATCH[2]}
        [ -n "${BASH_REMATCH[4]}" ] && spec+="="
        echo "$spec"
    done
}

# Files whose names end in one of the extensions (".tbx .json"), and directories to descend into.
_ilo_tbx_files() {
    local cur=$1 extensions=$2 file extension
    local IFS=$'\n'
    local -a found=()
    for file in $(compgen -f -- "$cur"); do
        if [ -d "$file" ]; then
            found+=("$file")
            continue
        fi
        [ -z "$extensions" ] && { found+=("$file"); continue; }
        for extension in ${extensions//[$' \t']/$'\n'}; do
            [[ ${file,,} == *"$extension" ]] && { found+=("$file"); break; }
        done
    done
    COMPREPLY+=("${found[@]}")
    compopt -o filenames 2>/dev/null
    return 0
}

_ilo_tbx() {
    local binary=${COMP_WORDS[0]} cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    COMPREPLY=()
    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=($(compgen -W "$("$binary" --list-commands 2>/dev/null) --help --version" -- "$cur"))
        return 0
    fi
    local command=${COMP_WORDS[1]}
    local options
    options=$(_ilo_tbx_options "$binary" "$command")
    case $prev in
        --to|-t|--from|--profile|--dialect|--style)
            local name=${prev#--}
            [ "$name" = -t ] && name=to
            COMPREPLY=($(compgen -W "$("$binary" --list-values "$name" 2>/dev/null)" -- "$cur"))
            return 0 ;;
        --out|-o)
            COMPREPLY=($(compgen -W "-" -- "$cur"))
            _ilo_tbx_files "$cur" "$("$binary" --list-values write-extensions 2>/dev/null)"
            return 0 ;;
        --schema)
            _ilo_tbx_files "$cur" ".rng"
            return 0 ;;
    esac
    # Any other option that takes a value: a file name is the best guess.
    if [[ $prev == -* ]] && grep -qx -- "${prev}=" <<<"$options"; then
        _ilo_tbx_files "$cur" ""
        return 0
    fi
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(sed 's/=$//' <<<"$options")" -- "$cur"))
        return 0
    fi
    case $command in
        export) _ilo_tbx_files "$cur" "$("$binary" --list-values page-extensions 2>/dev/null)" ;;
        validate) _ilo_tbx_files "$cur" ".tbx" ;;
        *) _ilo_tbx_files "$cur" "$("$binary" --list-values read-extensions 2>/dev/null)" ;;
    esac
    return 0
}
complete -F _ilo_tbx ilo-tbx
