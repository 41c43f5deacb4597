#!/usr/bin/env bash
# Installs what the given builds need, once; a second run only checks and returns.
# Usage: web/tools/setup.sh [BUILD...]   BUILD: native, native-asan, web, browser, dist (none: all)
# Sets up: the build's Debian packages (listed in web/tools/packages.txt), the browser tests' npm
# packages, Dear ImGui for every build (the views build natively for their tests) and SDL2 for
# wasm, from Debian's source packages into a cache outside the source tree.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cache=${AIO_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/aio-playground}
wants=("$@"); [ ${#wants[@]} -gt 0 ] || wants=(native native-asan web browser dist)
want() { [[ " ${wants[*]} " == *" $1 "* ]]; }
say() { echo "setup: $*" >&2; }

# --- Debian packages -------------------------------------------------------------
items=$("$here/packages.sh" "${wants[@]}")
missing=()
for item in $items; do
  pkg=${item%%=*}
  if [[ $item == *=* ]]; then   # a command (or absolute path) that stands in for the package
    stand_in=${item#*=}
    if [[ $stand_in == /* ]]; then [ -x "$stand_in" ] && continue
    else command -v "$stand_in" >/dev/null 2>&1 && continue; fi
  fi
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@";
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo "$@";
  else return 1; fi
}

if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  if ! { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=900 "${missing[@]}" >/dev/null; }; then
    say "could not install packages (needs root and Debian's archive). Install them by hand:"
    say "  sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
fi

# emcc links at -O1+ need acorn; Debian ships it outside the nodesource node's search path.
if [ -d /usr/share/nodejs/acorn ]; then export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}; fi

# --- npm packages, pinned by tests/browser/package-lock.json ----------------------
if want browser; then
  npmdir="$repo/tests/browser"
  stamp="$npmdir/node_modules/.aio-lock"
  if ! cmp -s "$npmdir/package-lock.json" "$stamp" 2>/dev/null; then
    say "installing npm packages in tests/browser"
    if ! (cd "$npmdir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null); then
      say "npm ci failed: the npm registry must be reachable. Run by hand: (cd tests/browser && npm ci)"
      exit 1
    fi
    cp "$npmdir/package-lock.json" "$stamp"
  fi
fi

# --- Dear ImGui (every build) and SDL2 (wasm), from Debian's source packages ----------
fetch_source() { # $1 = source package, $2 = glob of the orig tarball; prints its path
  local dl="$cache/sources"
  mkdir -p "$dl"
  local f; f=$(ls "$dl"/$2 2>/dev/null | head -1 || true)
  if [ -z "$f" ]; then
    if ! apt-cache showsrc "$1" >/dev/null 2>&1 || [ -z "$(apt-cache showsrc "$1" 2>/dev/null)" ]; then
      if [ ! -f /etc/apt/sources.list.d/debian-src.sources ] && as_root true; then
        say "enabling Debian source packages (deb-src) for $1"
        as_root tee /etc/apt/sources.list.d/debian-src.sources >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
        as_root apt-get update -qq
      fi
    fi
    (cd "$dl" && apt-get source --download-only "$1" >/dev/null 2>&1) || {
      say "could not download Debian's source package '$1'. Enable deb-src for bookworm and run:"
      say "  (cd $dl && apt-get source --download-only $1)"
      exit 1
    }
    f=$(ls "$dl"/$2 | head -1)
  fi
  echo "$f"
}

# Dear ImGui's sources: the views build against them natively (their tests) and for the page.
imgui_dir="$cache/imgui-1.86"
if [ ! -f "$imgui_dir/imgui.h" ]; then
  tarball=$(fetch_source imgui 'imgui_1.86*.orig.tar.*')
  say "unpacking Dear ImGui into $imgui_dir"
  tar -C "$cache" -xf "$tarball"
fi
emver=$(em++ -dumpversion 2>/dev/null || echo unknown)
sdl_prefix="$cache/sdl2-2.26.5-wasm-emcc$emver"
if want web || want browser || want dist; then
  if [ ! -f "$sdl_prefix/lib/libSDL2.a" ]; then
    tarball=$(fetch_source libsdl2 'libsdl2_2.26.5*.orig.tar.*')
    say "building SDL2 for wasm (a few minutes, once) into $sdl_prefix"
    work="$cache/sdl2-build"; rm -rf "$work"; mkdir -p "$work"
    tar -C "$work" -xf "$tarball"
    (cd "$work" && emcmake cmake -S SDL2-2.26.5 -B build -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF \
        -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$sdl_prefix" >build.log 2>&1 \
      && cmake --build build -j"$(nproc)" >>build.log 2>&1 && cmake --install build >>build.log 2>&1) || {
      say "SDL2 build failed; see $work/build.log"; exit 1; }
    rm -rf "$work"
  fi
fi
# Read by CMakePresets.json and the build scripts; SDL2 once a web build has set it up.
mkdir -p "$cache"
{
  echo "AIO_IMGUI_DIR=$imgui_dir"
  if [ -f "$sdl_prefix/lib/libSDL2.a" ]; then echo "AIO_SDL2_PREFIX=$sdl_prefix"; fi
} > "$cache/paths.env"
