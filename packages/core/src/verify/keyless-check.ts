/** cosign's keyless view: `.sig` layers and bundles whose certificate matches the identity and issuer. */
import { readImageBundles } from '../cosign/bundle/bundle-store.js';
import type { SigstoreAttachments } from '../cosign/legacy/signature-store.js';
import type { ImageReference } from '../oci/reference.js';
import type { RegistryClient } from '../oci/remote/registry.js';
import {
  checkKeylessBundle,
  isKeylessBundle,
  verifyKeylessAttachments,
  type CertificateMatch,
  type KeylessTrust,
  type KeylessVerification,
} from '../cosign/keyless/verify.js';

export interface KeylessRequest {
  match: CertificateMatch;
  trust: KeylessTrust;
}

/** `sig` reads the `.sig` (format legacy or any); the bundles are read here (format bundle or any), at once. */
export async function keylessCheck(
  client: RegistryClient,
  at: ImageReference & { digest: string },
  { match, trust }: KeylessRequest,
  sig: Promise<SigstoreAttachments> | undefined,
  readBundles: boolean,
): Promise<KeylessVerification> {
  const [fetched, bundles = []] = await Promise.all([sig, readBundles ? readImageBundles(client, at) : undefined]);
  const legacy = fetched ? verifyKeylessAttachments(fetched, at.digest, trust, match) : undefined;
  const fromBundles = bundles
    .filter((b) => b.bundleBytes && isKeylessBundle(b.bundleBytes))
    .map((b) => ({
      layerDigest: b.referrerDigest,
      bundle: true,
      ...checkKeylessBundle(b.bundleBytes!, at.digest, trust, match),
    }));
  const verdicts = [...(legacy?.verdicts ?? []), ...fromBundles];
  return {
    signatureRef: legacy?.signatureRef ?? 'the sigstore bundles',
    verdicts,
    valid: verdicts.filter((v) => v.valid),
  };
}
