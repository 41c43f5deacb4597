#!/usr/bin/env bash
# Writes dist/: the release page (index.html, js, wasm, assets), servable as-is by any static host.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
"$repo/web/tools/setup.sh" dist
. "$repo/web/tools/env.sh"
cd "$repo"
[ -f build/web-release/build.ninja ] || emcmake cmake --preset web-release >/dev/null
cmake --build build/web-release --target aio_playground aio_offline
rm -rf dist && cp -r build/web-release/site dist
echo "dist/ written. Transferred (gzip -9) sizes:"
web/tools/size.sh dist
printf '%26d B gzip  aio-playground.html, the single file (opened from disk)\n' "$(gzip -9 -c dist/aio-playground.html | wc -c)"
