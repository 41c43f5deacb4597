#!/usr/bin/env bash
# Runs every test: native unit tests (plain, then under ASan+UBSan) with a short run of each parser
# fuzzer, the runtime tests compiled to wasm under Node, and the browser tests in headless
# Chromium. Installs what is missing first.
# Usage: tests/run.sh [native] [asan] [wasm] [browser]   (no argument: all layers)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
layers=("$@"); [ ${#layers[@]} -gt 0 ] || layers=(native asan wasm browser)
for layer in "${layers[@]}"; do
  case $layer in native|asan|wasm|browser) ;;
    *) echo "run.sh: unknown layer '$layer'; layers are: native asan wasm browser" >&2; exit 1 ;; esac
done
has() { [[ " ${layers[*]} " == *" $1 "* ]]; }
jobs=$(nproc)

# Each layer's build, as web/tools/packages.txt names them: only what the chosen layers need.
builds=()
has native && builds+=(native)
has asan && builds+=(native-asan)
has wasm && builds+=(web)
has browser && builds+=(browser)
web/tools/setup.sh "${builds[@]}"
. web/tools/env.sh

configure() { # $1 = preset; configures once, then the build re-runs CMake when needed
  local dir="build/$1"
  [ -f "$dir/build.ninja" ] && return 0
  if [[ $1 == web* ]]; then emcmake cmake --preset "$1" >/dev/null; else cmake --preset "$1" >/dev/null; fi
}

if has native; then
  echo "== native unit tests"
  configure native && cmake --build build/native -j"$jobs"
  ctest --preset native -j"$jobs"
  echo "== the parsers' fuzzers against CPython, briefly (libFuzzer, clang-14)"
  configure fuzz && cmake --build build/fuzz -j"$jobs"
  ctest --preset fuzz -j"$jobs"
fi
if has asan; then
  echo "== native unit tests under AddressSanitizer + UndefinedBehaviorSanitizer"
  configure native-asan && cmake --build build/native-asan -j"$jobs"
  ASAN_OPTIONS=detect_leaks=1 ctest --preset native-asan -j"$jobs"
fi
if has wasm || has browser; then
  configure web && cmake --build build/web -j"$jobs"
fi
if has wasm; then
  echo "== runtime unit tests in wasm under Node"
  ctest --preset web -j"$jobs"
fi
if has browser; then
  # The release page too: the budget test measures what users download.
  configure web-release && cmake --build build/web-release -j"$jobs" --target aio_playground aio_offline
  echo "== browser tests (headless Chromium)"
  /usr/bin/python3 tests/support/check_packages.py browser --build-dir build/web
  node --test tests/node/ tests/browser/
fi
