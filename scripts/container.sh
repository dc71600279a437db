#!/usr/bin/env bash
# Builds Aviso's container image with podman from the Dockerfile (on base images made from Debian
# packages by scripts/container-base.sh) and starts it with its data in a volume.
#   scripts/container.sh build   build the image aviso:latest
#   scripts/container.sh start   build, then run it as "aviso" on port ${AVISO_CONTAINER_PORT:-3000}
#   scripts/container.sh check   build, start on a free port, wait for the health check, stop it
#                                with SIGTERM and require a clean exit (0)
set -euo pipefail
cd "$(dirname "$0")/.."
image="${AVISO_IMAGE:-localhost/aviso:latest}"

# What some machines need to run containers at all: runc where cgroups are mixed v1/v2 (crun
# refuses that: Debian package runc), and open-file/process limits within the ones granted.
if [ -z "${AVISO_PODMAN_RUNTIME:-}" ] && [ -d /sys/fs/cgroup/unified ] && command -v runc >/dev/null 2>&1; then
  AVISO_PODMAN_RUNTIME=runc
fi
podman_() { podman ${AVISO_PODMAN_RUNTIME:+--runtime "$AVISO_PODMAN_RUNTIME"} "$@"; }
limits=(--ulimit "nofile=${AVISO_NOFILE:-1024}:${AVISO_NOFILE:-1024}" --ulimit "nproc=${AVISO_NPROC:-4096}:${AVISO_NPROC:-4096}")

build() {
  bash scripts/container-base.sh
  local extra=()
  # A registry reached through a TLS-inspecting proxy: npm's own CA file is lent to the build, not copied into the image.
  local cafile
  cafile="$(npm config get cafile 2>/dev/null || true)"
  if [ -n "$cafile" ] && [ "$cafile" != "null" ] && [ -f "$cafile" ]; then
    extra+=(--volume "$cafile:/run/npm-ca.crt:ro" --build-arg NPM_CONFIG_CAFILE=/run/npm-ca.crt)
  fi
  podman_ build --format docker "${limits[@]}" --network host \
    --build-arg BUILD_BASE=localhost/aviso-base-build:latest \
    --build-arg RUN_BASE=localhost/aviso-base-run:latest \
    --build-arg NPM_CONFIG_REGISTRY="$(npm config get registry)" \
    "${extra[@]}" -t "$image" .
}

run() {
  local name="$1" port="$2"
  podman_ rm -f "$name" >/dev/null 2>&1 || true
  podman_ run -d --name "$name" "${limits[@]}" -p "127.0.0.1:$port:3000" -v "$name-data:/data" \
    -e AVISO_PUBLIC_URL="${AVISO_PUBLIC_URL:-http://localhost:$port}" "$image"
}

wait_healthy() {
  local name="$1"
  for _ in $(seq 1 60); do
    if podman_ healthcheck run "$name" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  podman_ logs "$name" | tail -20
  return 1
}

case "${1:-start}" in
  build) build ;;
  start)
    build
    port="${AVISO_CONTAINER_PORT:-3000}"
    run aviso "$port"
    wait_healthy aviso
    echo "Aviso runs in the container \"aviso\" at http://localhost:$port (data in the volume aviso-data)."
    ;;
  check)
    build
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
    name="aviso-check-$$"
    trap 'podman_ rm -f "$name" >/dev/null 2>&1 || true; podman_ volume rm -f "$name-data" >/dev/null 2>&1 || true' EXIT
    run "$name" "$port"
    wait_healthy "$name"
    echo "healthy: $(curl -fsS "http://127.0.0.1:$port/healthz")"
    curl -fsS -o /dev/null -w "GET / -> %{http_code}, %{size_download} bytes\n" "http://127.0.0.1:$port/"
    echo "user in the container: $(podman_ exec "$name" id -un) (pid 1: $(podman_ exec "$name" cat /proc/1/cmdline | tr '\0' ' '))"
    started=$(date +%s%N)
    podman_ stop -t 20 "$name" >/dev/null
    code="$(podman_ inspect -f '{{.State.ExitCode}}' "$name")"
    echo "stopped with SIGTERM in $(( ($(date +%s%N) - started) / 1000000 )) ms, exit code $code"
    podman_ logs "$name" 2>&1 | grep -E '"msg":"(stopping|stopped)' || true
    [ "$code" = 0 ]
    ;;
  *)
    echo "usage: $0 build|start|check" >&2
    exit 2
    ;;
esac
