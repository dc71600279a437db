#!/usr/bin/env bash
# Builds Aviso's two container base images from Debian packages with mmdebstrap, so the image can
# be built where no image registry is reachable: aviso-base-build (Node.js, npm and a C++ toolchain
# for the SQLite driver) and aviso-base-run (Node.js only). Debian trixie ships Node.js 20.19.
# Usage: scripts/container-base.sh [--force]   (needs root, mmdebstrap and podman)
set -euo pipefail
suite="${AVISO_DEBIAN_SUITE:-trixie}"
mirror="${AVISO_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

build_base() {
  local name="$1" packages="$2"
  if [ "$force" = 0 ] && podman image exists "localhost/$name:latest"; then
    echo "localhost/$name:latest exists (--force rebuilds it)"
    return
  fi
  echo "building localhost/$name:latest from Debian $suite: $packages"
  mmdebstrap --variant=minbase --include="$packages" \
    --customize-hook='rm -rf "$1"/var/cache/apt/archives/*.deb "$1"/var/lib/apt/lists/*' \
    "$suite" "$work/$name.tar" "$mirror"
  podman import --change 'CMD ["bash"]' "$work/$name.tar" "localhost/$name:latest"
  rm -f "$work/$name.tar"
}

force=0
[ "${1:-}" = "--force" ] && force=1
build_base aviso-base-build "nodejs,npm,libnode-dev,node-gyp,python3,make,g++,ca-certificates"
build_base aviso-base-run "nodejs,ca-certificates"
