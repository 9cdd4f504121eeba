// What promotion carries into another repository besides the image: its signatures, re-made for
// the target's identity or copied as they are, and every referrer with its own `.sig`.
import { copyManifestContent, emptyStats } from '../../oci/remote/copy.js';
import { digestWithPlatforms } from '../../oci/remote/platforms.js';
import { repositoryName, withDigest, withTag, type ImageReference } from '../../oci/reference.js';
import {
  appendToFallbackIndex,
  listReferrers,
  readFallbackIndex,
  referrersFallbackTag,
} from '../../oci/remote/referrers.js';
import type { RegistryClient, RepoRef } from '../../oci/remote/registry.js';
import type { ManifestBytes } from '../../oci/types.js';
import type { Signer } from '../../signer/signer.js';
import { appendSignatureLayers, exactLayer } from './append-signatures.js';
import { signatureTag } from './sig-manifest.js';
import { signImage, type SignedDigest } from './sign-image.js';
import { readSignatureManifest } from './signature-store.js';

type Digested = ImageReference & { digest: string };

/** The `.sig` references that exist for these digests at the source. */
export async function sourceSignatureRefs(
  client: RegistryClient,
  source: Digested,
  digests: string[],
): Promise<string[]> {
  const found = await Promise.all(digests.map((d) => readSignatureManifest(client, source, d)));
  return found.flatMap((s) => (s ? [s.ref] : []));
}

export interface CopySignaturesOptions {
  concurrency: number;
  /** The source manifest: put at the target by digest before anything that refers to it. */
  manifest?: ManifestBytes;
  /**
   * false leaves out the image's own `.sig` (and its platform manifests'): they name the source
   * repository, and the caller signs the target itself.
   */
  imageSignatures?: boolean;
}

/**
 * Carries what verifiers look up next to a digest into another repository, bytes unchanged:
 * the `.sig` manifest (cosign, containers/image) and every referrer (SBOMs, bundles) with
 * their own `.sig`, plus the referrers fallback index. Returns the manifests copied.
 */
export async function copySignatures(
  client: RegistryClient,
  source: Digested,
  target: RepoRef,
  opts: CopySignaturesOptions,
): Promise<number> {
  const { manifest, concurrency } = opts;
  let copied = 0;
  const stats = emptyStats();
  // The subject goes up by digest before anything that refers to it: should a later step fail,
  // no .sig or referrers index at the target points at a manifest the target does not have
  // (cosign and oras look the subject up first and would fail on it). Its content is there.
  let subjectPut: Promise<unknown> | undefined;
  const ensureSubject = () =>
    (subjectPut ??= manifest ? client.putManifest(withDigest(target, source.digest), manifest) : Promise.resolve());
  const copySig = async (digest: string): Promise<void> => {
    const sig = await readSignatureManifest(client, source, digest);
    if (!sig) return;
    await ensureSubject();
    await copyManifestContent(client, source, target, sig.manifest, stats, { concurrency });
    // The target may hold signatures of its own (signed there, or an earlier copy): the union.
    await appendSignatureLayers(client, withTag(target, signatureTag(digest)), {
      layers: sig.parsed.layers.map(exactLayer),
      verbatimIfEmpty: sig.manifest.bytes,
    });
    copied++;
  };
  if (opts.imageSignatures ?? true) {
    for (const digest of manifest ? digestWithPlatforms(source, manifest) : [source.digest]) await copySig(digest);
  }

  const referrers = await listReferrers(client, source, source.digest);
  for (const d of referrers.descriptors) {
    await ensureSubject();
    const m = await client.getManifest(withDigest(source, d.digest));
    await copyManifestContent(client, source, target, m, stats, { concurrency, putSelf: true });
    copied++;
    await copySig(d.digest);
  }
  if (referrers.via === 'tag' && referrers.index) {
    // Another writer may already keep an index at the target: merge rather than overwrite.
    const existing = await readFallbackIndex(client, target, source.digest);
    if (!existing) await client.putManifest(withTag(target, referrersFallbackTag(source.digest)), referrers.index);
    else for (const d of referrers.descriptors) await appendToFallbackIndex(client, target, source.digest, d);
  }
  return copied;
}

export interface SignedInRepository {
  /** The docker-reference the signatures name: the target repository. */
  identity: string;
  signed: SignedDigest[];
}

/**
 * Signs a promoted digest in the target repository with that repository's identity (what
 * sign-digest's identity: repository writes there), so a host whose policy for the target uses
 * matchRepository accepts it. The manifest goes up by digest first: no `.sig` may name a
 * subject the repository does not hold.
 */
export async function signInRepository(
  client: RegistryClient,
  opts: { source: Digested; target: RepoRef; manifest: ManifestBytes; signer: Signer | readonly Signer[] },
): Promise<SignedInRepository> {
  const image = withDigest(opts.target, opts.source.digest);
  await client.putManifest(image, opts.manifest);
  const identity = repositoryName(image);
  const signed = await signImage(client, {
    image,
    identities: [identity],
    targets: digestWithPlatforms(opts.source, opts.manifest),
    signer: opts.signer,
  });
  return { identity, signed };
}
