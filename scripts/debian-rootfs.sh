#!/usr/bin/env bash
# A real Debian root (debootstrap --variant=minbase, bookworm) as a tar, for generate-sbom's dpkg
# tests: dpkg-query --admindir on it is the oracle. Cached under .cache/ (a minute or two the first time).
# Usage: scripts/debian-rootfs.sh [OUT.tar]   (default .cache/debian-bookworm-minbase.tar)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/.cache/debian-bookworm-minbase.tar}"
[ -s "$out" ] && exit 0
mkdir -p "$(dirname "$out")"
work="$(mktemp -d "$(dirname "$out")/.debootstrap.XXXXXX")"
trap 'rm -rf "$work"' EXIT
/usr/sbin/debootstrap --variant=minbase bookworm "$work/root" http://deb.debian.org/debian >"$work/log" 2>&1 || {
  tail -20 "$work/log" >&2
  exit 1
}
# Numeric owners, no device nodes: the tar is test data, not a system to boot.
tar --numeric-owner --exclude=./dev/* -C "$work/root" -cf "$work/rootfs.tar" .
mv "$work/rootfs.tar" "$out"
