import { toTrustMaterial } from '@sigstore/verify';
import { BydigestError } from '../../errors.js';
import type { KeylessTrust } from './verify.js';

/**
 * The public-good Sigstore trust root (fulcio.sigstore.dev, rekor.sigstore.dev), fetched and
 * checked through Sigstore's TUF repository; `cachePath` keeps the TUF metadata between calls.
 */
export async function publicGoodTrust(cachePath?: string): Promise<KeylessTrust> {
  try {
    // Only verify-digest without a trusted-root file needs TUF: loaded then.
    const { getTrustedRoot } = await import('@sigstore/tuf');
    const root = await getTrustedRoot(cachePath ? { cachePath } : {});
    return { material: toTrustMaterial(root), source: 'the public-good Sigstore root (TUF)' };
  } catch (e) {
    throw new BydigestError(
      'NETWORK',
      `cannot fetch the public-good Sigstore trust root through TUF: ${(e as Error).message}`,
      {
        operation: 'fetch the Sigstore trusted root',
        hint: 'pass trusted-root: a trusted_root.json file (e.g. from `cosign trusted-root create`) to verify offline',
        cause: e,
      },
    );
  }
}
