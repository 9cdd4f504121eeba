/** cosign verify's view: signatures valid for one of the public keys and naming this digest. */
import type { KeyObject } from 'node:crypto';
import {
  verifyAttachments,
  type LegacyVerification,
  type SigstoreAttachments,
} from '../cosign/legacy/signature-store.js';
import type { ImageReference } from '../oci/reference.js';
import type { RegistryClient } from '../oci/remote/registry.js';
import { bundleVerdicts, type BundleVerdict } from './bundle-verdicts.js';

export interface KeyCheck {
  /** The `.sig` layers judged; undefined with format bundle. */
  legacy?: LegacyVerification;
  /** The sigstore bundles judged; undefined with format legacy. */
  bundle?: BundleVerdict[];
  /** Valid signatures, legacy and bundle together. */
  valid: number;
}

/**
 * `sig` reads the `.sig` (format legacy or any); the bundles are read here (format bundle or
 * any). The two are independent reads, made at once.
 */
export async function keyCheck(
  client: RegistryClient,
  at: ImageReference & { digest: string },
  keys: readonly KeyObject[],
  sig: Promise<SigstoreAttachments> | undefined,
  readBundles: boolean,
): Promise<KeyCheck> {
  const [fetched, bundle] = await Promise.all([sig, readBundles ? bundleVerdicts(client, at, keys) : undefined]);
  const check: KeyCheck = { valid: 0 };
  if (fetched) {
    check.legacy = verifyAttachments(fetched, at.digest, [...keys]);
    check.valid += check.legacy.valid.length;
  }
  if (bundle) {
    check.bundle = bundle;
    check.valid += bundle.filter((v) => v.keyIndex !== undefined).length;
  }
  return check;
}
