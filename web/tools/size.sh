#!/usr/bin/env bash
# Prints the transferred (gzip -9) size of the files a visit downloads. Usage: web/tools/size.sh DIR
set -euo pipefail
dir=${1:?usage: web/tools/size.sh DIR}
cd "$dir"   # the globs below name the site's files, not the source tree's
total=0
for f in index.html aio_playground.js aio_playground.wasm web/page.css web/js/*.js web/fonts/*.ttf sw.js; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f"); gz=$(gzip -9c "$f" | wc -c); total=$((total + gz))
  printf '%8d B raw %8d B gzip  %s\n' "$raw" "$gz" "$f"
done
printf '%26d B gzip  total\n' "$total"
