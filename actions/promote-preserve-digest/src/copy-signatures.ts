import {
  copyManifestContent,
  emptyStats,
  listReferrers,
  readFallbackIndex,
  readSignatureManifest,
  referrersFallbackTag,
  signatureTag,
  appendToFallbackIndex,
  withDigest,
  withTag,
  type ImageReference,
  type RegistryClient,
  type RepoRef,
} from '@bydigest/core';

/**
 * Carries what verifiers look up next to a digest into another repository, bytes unchanged:
 * the `.sig` manifest (cosign, containers/image) and every referrer (SBOMs, bundles) with
 * their own `.sig`, plus the referrers fallback index. Returns the manifests copied.
 */
export async function copySignatures(client: RegistryClient, source: ImageReference & { digest: string }, target: RepoRef, concurrency: number): Promise<number> {
  let copied = 0;
  const stats = emptyStats();
  const copySig = async (digest: string): Promise<void> => {
    const sig = await readSignatureManifest(client, source, digest);
    if (!sig) return;
    await copyManifestContent(client, source, target, sig.manifest, stats, { concurrency });
    await client.putManifest(withTag(target, signatureTag(digest)), sig.manifest);
    copied++;
  };
  await copySig(source.digest);

  const referrers = await listReferrers(client, source, source.digest);
  for (const d of referrers.descriptors) {
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
