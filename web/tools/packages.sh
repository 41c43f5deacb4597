#!/usr/bin/env bash
# Prints the items web/tools/packages.txt lists for each BUILD given, one a line, @BUILD expanded.
# Usage: web/tools/packages.sh BUILD...   (an unknown build stops with the list of builds)
set -euo pipefail
list=$(cd "$(dirname "$0")" && pwd)/packages.txt
items() {
  local found
  found=$(awk -v b="$1:" '/^#/ {next} /^[^ \t]/ {on = ($1 == b)} on {for (i = (/^[^ \t]/ ? 2 : 1); i <= NF; i++) print $i}' "$list")
  if [ -z "$found" ]; then
    echo "packages: unknown build '$1'; builds are: $(awk '/^[a-z]/ {printf "%s ", substr($1, 1, length($1) - 1)}' "$list")" >&2
    exit 1
  fi
  local item
  for item in $found; do if [[ $item == @* ]]; then items "${item#@}"; else echo "$item"; fi; done
}
[ $# -gt 0 ] || { echo "usage: web/tools/packages.sh BUILD..." >&2; exit 1; }
for build in "$@"; do items "$build"; done | awk '!seen[$0]++'
