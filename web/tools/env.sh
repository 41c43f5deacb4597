# Sourced by the build scripts: where setup.sh put ImGui and SDL2, and Node's path for Debian's emcc.
cache=${AIO_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/aio-playground}
if [ -f "$cache/paths.env" ]; then set -a; . "$cache/paths.env"; set +a; fi
if [ -d /usr/share/nodejs/acorn ]; then export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}; fi
