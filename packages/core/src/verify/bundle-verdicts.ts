import type { KeyObject } from 'node:crypto';
import { verifyBundleSignatures } from '../cosign/bundle/bundle-store.js';
import type { ImageReference } from '../oci/reference.js';
import type { RegistryClient } from '../oci/remote/registry.js';

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

/**
 * The sigstore bundles (cosign v3's default format) that refer to `image`, each checked with
 * `keys`: one DSSE signature by a key, over an in-toto statement naming the digest, of
 * cosign's signature predicate. Bundles carry no docker-reference, so `identity` is the
 * subject annotations at most. containers/image (bootc) never reads bundles, so policy
 * evaluation does not use this.
 */
export async function bundleVerdicts(
  client: RegistryClient,
  image: ImageReference & { digest: string },
  keys: readonly KeyObject[],
): Promise<BundleVerdict[]> {
  const v = await verifyBundleSignatures(client, image, keys);
  return v.verdicts.map((x) => {
    const out: BundleVerdict = { referrerDigest: x.referrerDigest };
    if (x.keyIndex !== undefined) out.keyIndex = x.keyIndex;
    if (x.reason !== undefined) out.reason = x.reason;
    const annotations = x.statement?.subjects[0]?.annotations;
    if (annotations && Object.keys(annotations).length > 0) out.identity = JSON.stringify(annotations);
    return out;
  });
}
