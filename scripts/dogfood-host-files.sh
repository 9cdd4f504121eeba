#!/usr/bin/env bash
# Writes the files a bootc image ships so that hosts verify its updates (docs/host-setup.md),
# under ROOT instead of /:
#   ROOT/etc/pki/containers/dogfood.pub            the cosign public key (from $PUBLIC_KEY)
#   ROOT/etc/containers/policy.json                sigstoreSigned for IMAGE, reject elsewhere
#   ROOT/etc/containers/registries.d/dogfood.yaml  use-sigstore-attachments for IMAGE
# Usage: PUBLIC_KEY="$(cat cosign.pub)" dogfood-host-files.sh ROOT IMAGE
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: PUBLIC_KEY=… $0 ROOT IMAGE" >&2; exit 2; }
root="$1" image="$2"
: "${PUBLIC_KEY:?PUBLIC_KEY must hold the cosign public key (PEM)}"
etc="$root/etc"
mkdir -p "$etc/pki/containers" "$etc/containers/registries.d"
printf '%s\n' "$PUBLIC_KEY" >"$etc/pki/containers/dogfood.pub"
cat >"$etc/containers/policy.json" <<JSON
{
  "default": [{ "type": "reject" }],
  "transports": {
    "docker": {
      "$image": [
        {
          "type": "sigstoreSigned",
          "keyPath": "$etc/pki/containers/dogfood.pub",
          "signedIdentity": { "type": "matchRepository" }
        }
      ]
    },
    "dir": { "": [{ "type": "insecureAcceptAnything" }] }
  }
}
JSON
cat >"$etc/containers/registries.d/dogfood.yaml" <<YAML
docker:
  $image:
    use-sigstore-attachments: true
YAML
echo "dogfood-host-files: wrote $etc/containers/policy.json, registries.d/dogfood.yaml, pki/containers/dogfood.pub"
