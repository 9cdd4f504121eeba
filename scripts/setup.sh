#!/usr/bin/env bash
# Installs what bydigest needs on a Debian/Ubuntu machine with Node >= 20:
# pnpm, the workspace's dependencies (Node 24 among them, the runner's runtime) and
# Debian's docker-registry. With --peers, also the interop peers (cosign, skopeo, oras, crane).
# Idempotent; run as root or with sudo available.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
PNPM_VERSION=12.21.0

sudo_() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v node >/dev/null 2>&1; then
  echo "setup: Node.js >= 20 is required (apt-get install nodejs, or nodesource)" >&2
  exit 1
fi
if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  echo "setup: Node.js >= 20 is required, found $(node --version)" >&2
  exit 1
fi
if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  sudo_ npm install -g --silent "pnpm@$PNPM_VERSION" >/dev/null
fi

if [ "${CI:-}" = "true" ]; then
  pnpm install --frozen-lockfile --reporter=silent
else
  pnpm install --reporter=silent
fi

if [ "${1:-}" = "--peers" ]; then
  bash scripts/install-test-peers.sh
elif [ ! -x /usr/bin/docker-registry ]; then
  sudo_ apt-get update -qq
  sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-registry >/dev/null
  (sudo_ systemctl disable --now docker-registry || sudo_ service docker-registry stop || true) >/dev/null 2>&1
fi
