import type { KeyObject } from 'node:crypto';
import { verifyBundleSignatures, type ImageReference, type RegistryClient } from '@bydigest/core';

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
  verdicts: BundleVerdict[];
}

/**
 * The sigstore bundles (cosign v3's default format) that refer to `image`, each checked with
 * `keys`: one DSSE signature by a key, over an in-toto statement naming the digest, of
 * cosign's signature predicate. Bundles carry no docker-reference, so `identity` is the
 * subject annotations at most. containers/image (bootc) never reads bundles, so policy
 * evaluation does not use this.
 */
export async function collectBundleVerdicts(
  client: RegistryClient,
  image: ImageReference & { digest: string },
  keys: readonly KeyObject[],
): Promise<BundleVerdicts> {
  const v = await verifyBundleSignatures(client, image, keys);
  return {
    verdicts: v.verdicts.map((x) => {
      const out: BundleVerdict = { referrerDigest: x.referrerDigest };
      if (x.keyIndex !== undefined) out.keyIndex = x.keyIndex;
      if (x.reason !== undefined) out.reason = x.reason;
      const annotations = x.statement?.subjects[0]?.annotations;
      if (annotations && Object.keys(annotations).length > 0) out.identity = JSON.stringify(annotations);
      return out;
    }),
  };
}
