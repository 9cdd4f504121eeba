import { attachReferrer, readFallbackEntries, type ReferrersMode } from '../../oci/remote/referrers.js';
import { withDigest, type ImageReference } from '../../oci/reference.js';
import type { BlobSource, RegistryClient } from '../../oci/remote/registry.js';
import type { ManifestBytes } from '../../oci/types.js';
import { signImage } from './sign-image.js';
import type { Signer } from '../../signer/signer.js';

export interface SignedReferrerOptions {
  /** The subject (its repository receives everything). */
  image: ImageReference & { digest: string };
  /** The referrer manifest (with `subject`), pushed by digest. */
  referrer: ManifestBytes;
  /** Every blob the referrer names (its config and layers). */
  blobs: BlobSource[];
  mode: ReferrersMode;
  /**
   * Signs the referrer's digest (legacy `.sig`) when given, a layer per signer; may still be getting ready (scrypt).
   */
  signer?: Signer | readonly Signer[];
  /** The docker-reference the signature names. */
  identity: string;
}

export interface SignedReferrer {
  via: 'api' | 'tag';
  signatureRef?: string;
}

/**
 * Pushes a referrer and, with a key, signs it, then lists it among the subject's referrers.
 * Everything that cannot be seen before a manifest names it (blobs, the signature's payload and
 * config, a first read of the fallback index) runs while the key is still being derived; the
 * referrer manifest is pushed once the key (so the password) has proven right. It is listed in
 * the fallback index only once its signature is in the `.sig`, so a failure never lists an
 * unsigned referrer there; the index's quiet window runs beside the `.sig`'s, not after it.
 */
export async function attachSignedReferrer(
  client: RegistryClient,
  opts: SignedReferrerOptions,
): Promise<SignedReferrer> {
  const { image, referrer, mode, signer } = opts;
  const ref = withDigest(image, referrer.digest);
  // Read while the key is derived: a change by the time we append means another writer.
  const earlyIndex =
    signer && mode !== 'api' ? readFallbackEntries(client, image, image.digest).catch(() => undefined) : undefined;
  const uploads = Promise.all(opts.blobs.map((b) => client.uploadBlob(image, b)));
  uploads.catch(() => undefined);
  let pushed: { subject?: string } | undefined;
  const push = async () => {
    await uploads;
    pushed = await client.putManifest(ref, referrer);
  };
  if (!signer) {
    await push();
    return attachReferrer(client, image, referrer, mode, { pushed });
  }

  let inPlace!: () => void;
  const signatureInPlace = new Promise<void>((resolve) => (inPlace = resolve));
  // The referrer manifest goes up once every signer is ready (a wrong password writes no manifest).
  let pushedOnce: Promise<void> | undefined;
  const signers = [signer].flat();
  const readyThenManifest: Signer[] = signers.map((s) => ({
    ready: () => (pushedOnce ??= Promise.all(signers.map((x) => x.ready())).then(push)),
    sign: (payload) => s.sign(payload),
  }));
  const signing = signImage(client, {
    image: ref,
    targets: [referrer.digest],
    identities: [opts.identity],
    recursive: false,
    signer: readyThenManifest,
    settle: { onInPlace: inPlace },
  });
  const listing = Promise.race([signatureInPlace, signing]).then(async () =>
    attachReferrer(client, image, referrer, mode, { pushed, early: await earlyIndex, settle: { minQuietMs: 40 } }),
  );
  // Both settle before the caller closes the client, even when one fails.
  const [signed, listed] = await Promise.allSettled([signing, listing]);
  if (signed.status === 'rejected') throw signed.reason;
  if (listed.status === 'rejected') throw listed.reason;
  return { via: listed.value.via, signatureRef: signed.value[0]!.signatureRef };
}
