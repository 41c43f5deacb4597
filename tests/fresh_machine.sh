#!/usr/bin/env bash
# Tries each README command on a fresh Debian 12 machine: a clean bookworm root (mmdebstrap, from
# Debian's archive) per command, the repository cloned into it at one commit, the command run alone.
# Not part of tests/run.sh: it takes 40-60 minutes and needs root. Run it as
#   nice -n 10 tests/fresh_machine.sh [--commit REV] [--reuse-cache] [--keep] [serve] [tests] [dist]
# --commit REV   what to clone (default HEAD; committed work only)
# --reuse-cache  share one ~/.cache/aio-playground (SDL2, ImGui) between the roots: quick reruns,
#                but then only the first command sees a machine without it
# --keep         leave the roots in place for a look inside (they are deleted otherwise)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${AIO_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/aio-playground}/fresh-machine
mirror=http://deb.debian.org/debian
commit=HEAD reuse=0 keep=0 checks=()
while [ $# -gt 0 ]; do
  case $1 in
    --commit) commit=${2:?--commit needs a revision}; shift ;;
    --reuse-cache) reuse=1 ;;
    --keep) keep=1 ;;
    serve|tests|dist) checks+=("$1") ;;
    *) echo "fresh_machine: unknown argument '$1'; give --commit REV, --reuse-cache, --keep, serve, tests, dist" >&2; exit 1 ;;
  esac
  shift
done
[ ${#checks[@]} -gt 0 ] || checks=(serve tests dist)
[ "$(id -u)" = 0 ] || { echo "fresh_machine: needs root (chroot, mount)" >&2; exit 1; }
command -v mmdebstrap >/dev/null || { echo "fresh_machine: needs mmdebstrap: apt-get install mmdebstrap" >&2; exit 1; }
commit=$(git -C "$repo" rev-parse --verify "$commit^{commit}")
mkdir -p "$cache"

# The base root, built once: what debootstrap gives a new Debian 12 install (priority important).
base=$cache/bookworm-important.tar
if [ ! -f "$base" ]; then
  echo "fresh_machine: building a clean Debian 12 root into $base (a few minutes, once)"
  mmdebstrap --variant=important --quiet bookworm "$cache/partial.tar" \
    "deb $mirror bookworm main" "deb $mirror bookworm-updates main"
  mv "$cache/partial.tar" "$base"   # mmdebstrap picks the format from the .tar name
fi

root=""
unmount() {
  [ -n "$root" ] || return 0
  local m
  for m in root/.cache/aio-playground dev sys proc; do
    if mountpoint -q "$root/$m"; then umount -R "$root/$m"; fi
  done
}
remove_root() { # never through a mount still in place: /dev and /sys are the host's
  unmount
  rm -rf --one-file-system "$root"
}
trap unmount EXIT
# A login's plain environment inside the root.
# Node reads only its own CA list unless told to add the system store's.
root_env=(/usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
          NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt)

new_root() { # $1 = name: a fresh copy of the base with the repository cloned at $commit
  root=$cache/roots/$1
  remove_root; mkdir -p "$root"
  tar -C "$root" -xf "$base"
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  # This network's own certificate authorities (a TLS-inspecting proxy, say), as any machine on it
  # needs for https (npm): ca-certificates adds them to the system store when setup.sh installs it.
  if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    mkdir -p "$root/usr/local/share/ca-certificates"
    cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  fi
  git clone -q --no-hardlinks "$repo" "$root/root/aio"
  git -C "$root/root/aio" -c advice.detachedHead=false checkout -q "$commit"
  mount -t proc proc "$root/proc"
  mount --rbind /sys "$root/sys"; mount --make-rslave "$root/sys"   # unmounting them later must
  mount --rbind /dev "$root/dev"; mount --make-rslave "$root/dev"   # not reach the host's mounts
  if [ $reuse = 1 ]; then
    mkdir -p "$cache/shared-aio-cache" "$root/root/.cache/aio-playground"
    mount --bind "$cache/shared-aio-cache" "$root/root/.cache/aio-playground"
  fi
}

in_root() { chroot "$root" "${root_env[@]}" bash -c "cd /root/aio && $1"; }

check_serve() { # serve.sh in the background; passes once / and the wasm come back over http
  local port=$((20000 + RANDOM % 10000)) pid ok=1
  setsid chroot "$root" "${root_env[@]}" bash -c "cd /root/aio && web/tools/serve.sh --port $port" &
  pid=$!   # setsid runs it as its own process group, so the kill below ends the server too
  local page=$root/tmp/index.html wasm=$root/tmp/aio_playground.wasm deadline=$((SECONDS + 90 * 60))
  while kill -0 $pid 2>/dev/null && [ $SECONDS -lt $deadline ]; do
    if curl -sf -o "$page" "http://127.0.0.1:$port/"; then
      echo "fresh_machine: GET / answered"
      grep -q 'web/js/boot.js' "$page" \
        && curl -sf -o /dev/null "http://127.0.0.1:$port/aio_playground.js" \
        && curl -sf -o "$wasm" "http://127.0.0.1:$port/aio_playground.wasm" \
        && head -c 4 "$wasm" | cmp -s - <(printf '\0asm') \
        && echo "fresh_machine: / is the page, /aio_playground.js answered, /aio_playground.wasm is wasm ($(stat -c %s "$wasm") B)" \
        && ok=0
      break
    fi
    sleep 5
  done
  kill -- -$pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  return $ok
}

declare -A result
for check in "${checks[@]}"; do
  log=$cache/$check.log
  echo "fresh_machine: $check at $(git -C "$repo" rev-parse --short "$commit"); log in $log"
  start=$SECONDS
  new_root "$check"
  case $check in
    serve) check_serve >"$log" 2>&1 && status=pass || status=fail ;;
    tests) in_root tests/run.sh >"$log" 2>&1 && status=pass || status=fail ;;
    dist) { in_root web/tools/dist.sh && in_root 'test -s dist/index.html && test -s dist/aio_playground.wasm'; } >"$log" 2>&1 \
            && status=pass || status=fail ;;
  esac
  took=$(( (SECONDS - start + 30) / 60 ))
  result[$check]="$status in $took min"
  echo "fresh_machine: $check: ${result[$check]}"
  [ $status = pass ] || { echo "--- last lines of $log:"; tail -n 25 "$log"; echo "---"; }
  unmount
  [ $keep = 1 ] || remove_root
done

echo "fresh_machine: summary for $(git -C "$repo" rev-parse --short "$commit") on Debian 12 (bookworm), fresh roots:"
failed=0
for check in "${checks[@]}"; do
  echo "  $check: ${result[$check]}"
  [[ ${result[$check]} == pass* ]] || failed=1
done
exit $failed
