#!/usr/bin/env bash
# Installs the real peers the interop tests judge us by. Bookworm's own skopeo (1.9) is built with
# sigstore disabled and cannot verify, so the working peers come from Debian's newer suites:
#   docker-registry (distribution 2.8) from bookworm itself;
#   cosign 2.5 and 3.1, oras 1.2 and 1.3, crane, skopeo 1.18 and the ntfy server (notify-digest's
#   tests) unpacked from trixie/sid into a git-ignored cache, so the base system stays bookworm.
# Idempotent: a second run with everything present does no network work.
# --no-registry: the peers only (a CI job that already has a registry, e.g. a service container
# on :5000, where the Debian package's own service would fight it for the port).
set -euo pipefail
with_registry=1
[ "${1:-}" = "--no-registry" ] && with_registry=0

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${BYDIGEST_PEERS_DIR:-$root/.cache/peers}"
bin="$cache/bin"
mkdir -p "$bin"

sudo_() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

need_update=0
if [ ! -f /etc/apt/sources.list.d/bydigest-newer.sources ]; then
  sudo_ tee /etc/apt/sources.list.d/bydigest-newer.sources >/dev/null <<'SRC'
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie sid
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  # Below 500: newer suites are only used when asked for by name.
  sudo_ tee /etc/apt/preferences.d/bydigest-newer >/dev/null <<'PIN'
Package: *
Pin: release n=trixie
Pin-Priority: 100

Package: *
Pin: release n=sid
Pin-Priority: 90
PIN
  need_update=1
fi

# generate-sbom's oracles: Debian's rpm/rpmbuild and dpkg-query answer what a package
# database holds, debootstrap makes a real Debian root, pyspdxtools is the SPDX project's own validator;
# umoci (bookworm's 0.4.7) writes images the way other tools do (layers without tar padding).
sbom_oracles="rpm python3-spdx-tools debootstrap umoci"
for cmd in rpmbuild pyspdxtools debootstrap umoci; do
  command -v "$cmd" >/dev/null 2>&1 || [ -x "/usr/sbin/$cmd" ] || need_update=1
done

if [ "$with_registry" = 1 ] && ! command -v docker-registry >/dev/null 2>&1 && [ ! -x /usr/bin/docker-registry ]; then
  need_update=1
fi

# package/suite -> folder under the cache
declare -A want=(
  [cosign-2.5]="cosign/trixie"
  [cosign-3.1]="cosign/sid"
  [oras-1.2]="oras/trixie"
  [oras-1.3]="oras/sid"
  [crane]="crane/sid"
  [skopeo]="skopeo/trixie"
  [ntfy]="ntfy/trixie"
  [trixie-libs]="libc6/trixie libgpgme11t64/trixie libassuan9/trixie libgpg-error0/trixie libsqlite3-0/trixie"
)
for dir in "${!want[@]}"; do
  [ -f "$cache/$dir/.done" ] || need_update=1
done

if [ "$need_update" = 1 ]; then
  sudo_ apt-get update -qq
fi

if [ "$with_registry" = 1 ] && [ ! -x /usr/bin/docker-registry ]; then
  sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-registry >/dev/null
  # The package starts a system service on :5000 we do not want; tests start their own.
  (sudo_ systemctl disable --now docker-registry 2>/dev/null || sudo_ service docker-registry stop 2>/dev/null || true) >/dev/null 2>&1
fi

if ! command -v rpmbuild >/dev/null 2>&1 || ! command -v pyspdxtools >/dev/null 2>&1 || [ ! -x /usr/sbin/debootstrap ] || ! command -v umoci >/dev/null 2>&1; then
  # shellcheck disable=SC2086
  sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $sbom_oracles >/dev/null
fi

for dir in "${!want[@]}"; do
  [ -f "$cache/$dir/.done" ] && continue
  rm -rf "${cache:?}/$dir"
  mkdir -p "$cache/$dir"
  debs="$cache/debs/$dir"
  rm -rf "$debs" && mkdir -p "$debs"
  for pkg in ${want[$dir]}; do
    # The sandbox user cannot write into the cache; download as the caller.
    (cd "$debs" && apt-get download -qq -o APT::Sandbox::User="$(id -un)" "$pkg" >/dev/null)
  done
  for deb in "$debs"/*.deb; do dpkg -x "$deb" "$cache/$dir"; done
  touch "$cache/$dir/.done"
done

# Wrappers with the version in the name, so a test names the peer it judges by.
write_wrapper() { # name, exec line
  printf '#!/bin/sh\nexec %s "$@"\n' "$2" >"$bin/$1"
  chmod 0755 "$bin/$1"
}
write_wrapper cosign-2.5 "$cache/cosign-2.5/usr/bin/cosign"
write_wrapper cosign-3.1 "$cache/cosign-3.1/usr/bin/cosign"
write_wrapper oras-1.2 "$cache/oras-1.2/usr/bin/oras"
write_wrapper oras-1.3 "$cache/oras-1.3/usr/bin/oras"
write_wrapper crane "$cache/crane/usr/bin/crane"
lib="$cache/trixie-libs/usr/lib/x86_64-linux-gnu"
# skopeo 1.18 needs glibc 2.38: run it under trixie's loader and libraries.
write_wrapper skopeo "$lib/ld-linux-x86-64.so.2 --library-path $lib:$cache/skopeo/usr/lib/x86_64-linux-gnu $cache/skopeo/usr/bin/skopeo"
# ntfy links libsqlite3, which a fresh machine may lack: the same trixie loader and libraries.
write_wrapper ntfy "$lib/ld-linux-x86-64.so.2 --library-path $lib $cache/ntfy/usr/bin/ntfy"

for tool in cosign-2.5 cosign-3.1 oras-1.2 oras-1.3 crane skopeo ntfy; do
  # ntfy has no version command; its help starting proves the loader and libraries resolve.
  "$bin/$tool" version >/dev/null 2>&1 || "$bin/$tool" --version >/dev/null 2>&1 || { [ "$tool" = ntfy ] && "$bin/$tool" serve --help >/dev/null 2>&1; } || {
    echo "install-test-peers: $tool does not run ($bin/$tool)" >&2
    exit 1
  }
done
echo "install-test-peers: peers ready in $bin"
