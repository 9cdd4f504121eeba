import type { KeyObject } from 'node:crypto';
import type { ImageReference, RegistryClient } from '@bydigest/core';

/** A sigstore bundle (cosign v3 referrer) found for the digest, and the verdict on it. */
export interface BundleVerdict {
  /** Digest of the bundle referrer manifest. */
  referrerDigest: string;
  /** Index into the keys given, when one verified the bundle. */
  keyIndex?: number;
  /** Identity the bundle's statement claims, when it could be read. */
  identity?: string;
  reason?: string;
}

export interface BundleVerdicts {
  /** False while bundle verification is not wired in: the verdicts are then always empty. */
  supported: boolean;
  verdicts: BundleVerdict[];
}

/**
 * SEAM — pending sigstore-bundle support (packages/core/src/cosign/bundle*.ts, written
 * separately). It will list the digest's referrers with artifactType
 * application/vnd.dev.sigstore.bundle.v0.3+json (referrers API or the sha256-<hex> fallback
 * index), verify each DSSE envelope with `keys` and check the in-toto subject digest.
 * Until then it reports that nothing was checked, and verify-digest says so instead of
 * claiming a bundle was verified. containers/image (bootc) never reads bundles, so policy
 * evaluation does not depend on this.
 */
export async function collectBundleVerdicts(
  _client: RegistryClient,
  _image: ImageReference & { digest: string },
  _keys: readonly KeyObject[],
): Promise<BundleVerdicts> {
  return { supported: false, verdicts: [] };
}
