#!/usr/bin/env bash
# Builds the web playground and serves it on http://127.0.0.1:8000/ (Ctrl-C stops).
# Usage: web/tools/serve.sh [--port N]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
"$repo/web/tools/setup.sh" web
. "$repo/web/tools/env.sh"
cd "$repo"
[ -f build/web/build.ninja ] || emcmake cmake --preset web >/dev/null
cmake --build build/web --target aio_playground aio_offline
exec /usr/bin/python3 web/tools/dev_server.py --dir build/web/site "$@"
