#!/usr/bin/env bash
# Hands a registry:2 service container's storage from one dogfood job to the next
# (.github/workflows/dogfood.yml): a service lives only as long as its job.
#   dogfood-registry.sh save CONTAINER_ID FILE.tar   storage → tar
#   dogfood-registry.sh load CONTAINER_ID FILE.tar   tar → storage (the registry reads it on demand)
set -euo pipefail
usage() { echo "usage: $0 save|load CONTAINER_ID FILE.tar" >&2; exit 2; }
[ $# -eq 3 ] || usage
op="$1" id="$2" file="$3"
case "$op" in
  save) docker cp "$id:/var/lib/registry" - >"$file" ;;
  load) docker cp - "$id:/var/lib" <"$file" ;;
  *) usage ;;
esac
echo "dogfood-registry: $op $(du -h "$file" | cut -f1) ($file)"
