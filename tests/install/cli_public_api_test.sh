#!/usr/bin/env bash
# The command-line tool uses only the public API: src/cli includes its own headers, include/ilo_tbx and system headers.
# Usage: cli_public_api_test.sh SOURCE_DIR
set -euo pipefail
cd "$1"
internal=$(grep -n '^\s*#\s*include\s*"' src/cli/*.cpp src/cli/*.hpp | grep -vE '#\s*include\s*"(cli|ilo_tbx)/' || true)
if [ -n "$internal" ]; then
  echo "cli_public_api_test: src/cli includes library headers outside include/ilo_tbx:"
  echo "$internal"
  exit 1
fi
echo "cli_public_api_test: ok: src/cli includes only cli/ and ilo_tbx/ headers ($(cat src/cli/* | grep -c "#include \"ilo_tbx/") public includes)"
