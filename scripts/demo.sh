#!/usr/bin/env bash
# The README's first command: installs what the demo needs on a Debian/Ubuntu machine with
# Node >= 20 (pnpm, dependencies, docker-registry, and the peers that double-check the result),
# then runs the whole pipeline on a local registry (scripts/demo.ts). Exits non-zero if any hop fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
echo "demo: installing dependencies and peers (scripts/setup.sh --peers)…"
bash scripts/setup.sh --peers
# The demo runs the committed bundles; build them only if this tree has none.
[ -f dist/capture-digest/index.js ] || pnpm -s bundle
exec pnpm -s demo "$@"
