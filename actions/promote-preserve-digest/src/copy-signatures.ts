import {
  appendUntilSettled,
  buildSigManifest,
  copyManifestContent,
  emptyStats,
  extrasOf,
  formatReference,
  isIndexMediaType,
  parseManifestJson,
  listReferrers,
  MediaType,
  parseSigManifest,
  readFallbackIndex,
  readSignatureManifest,
  referrersFallbackTag,
  sha256Digest,
  sigConfigBytes,
  SIGNATURE_ANNOTATION,
  signatureTag,
  appendToFallbackIndex,
  withDigest,
  withTag,
  type ImageIndex,
  type ImageReference,
  type ManifestBytes,
  type RegistryClient,
  type RepoRef,
  type SigDescriptor,
  type StoredSignatures,
} from '@bydigest/core';

/**
 * Carries what verifiers look up next to a digest into another repository, bytes unchanged:
 * the `.sig` manifest (cosign, containers/image) and every referrer (SBOMs, bundles) with
 * their own `.sig`, plus the referrers fallback index. Returns the manifests copied.
 * `imageSignatures: false` leaves out the image's own `.sig` (and its platform manifests'):
 * they name the source repository, and the caller signs the target itself.
 */
export async function copySignatures(
  client: RegistryClient,
  source: ImageReference & { digest: string },
  target: RepoRef,
  concurrency: number,
  manifest?: ManifestBytes,
  opts: { imageSignatures: boolean } = { imageSignatures: true },
): Promise<number> {
  let copied = 0;
  const stats = emptyStats();
  // The subject goes up by digest before anything that refers to it: should a later step fail,
  // no .sig or referrers index at the target points at a manifest the target does not have
  // (cosign and oras look the subject up first and would fail on it). Its content is there.
  let subjectPut: Promise<unknown> | undefined;
  const ensureSubject = () => (subjectPut ??= manifest ? client.putManifest(withDigest(target, source.digest), manifest) : Promise.resolve());
  const copySig = async (digest: string): Promise<void> => {
    const sig = await readSignatureManifest(client, source, digest);
    if (!sig) return;
    await ensureSubject();
    await copyManifestContent(client, source, target, sig.manifest, stats, { concurrency });
    await mergeSignatures(client, target, digest, sig);
    copied++;
  };
  if (opts.imageSignatures) await copySig(source.digest);
  // sign-digest signs an index's platform manifests too: containers/image verifies the one it pulls.
  if (opts.imageSignatures && manifest && isIndexMediaType(manifest.mediaType)) {
    const index = parseManifestJson(manifest, formatReference(source)) as ImageIndex;
    for (const child of index.manifests ?? []) await copySig(child.digest);
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

const layerKey = (d: SigDescriptor) => `${d.digest} ${d.annotations?.[SIGNATURE_ANNOTATION] ?? ''}`;

/**
 * Adds the source's signature layers to the target's `.sig`, keeping every layer the target
 * had (signed there, or copied from an earlier snapshot): the source bytes verbatim when the
 * target has none, else the union, appended like sign-digest appends (read, merge, write,
 * re-read until quiet). The layers' blobs were copied by the caller.
 */
async function mergeSignatures(client: RegistryClient, target: RepoRef, digest: string, sig: StoredSignatures): Promise<void> {
  const tag = withTag(target, signatureTag(digest));
  const wanted = sig.parsed.layers;
  let firstSeen: SigDescriptor[] | undefined;
  const layersOf = (m: ManifestBytes | undefined) => (m ? parseSigManifest(m.bytes).layers : []);
  await appendUntilSettled<ManifestBytes | undefined>({
    what: `signature manifest ${formatReference(tag)}`,
    read: async () => {
      const m = await client.getManifestIfExists(tag);
      firstSeen ??= layersOf(m);
      return m;
    },
    satisfied: (m) => {
      const have = new Set(layersOf(m).map(layerKey));
      return [...(firstSeen ?? []), ...wanted].every((d) => have.has(layerKey(d)));
    },
    merge: async (m) => {
      if (!m && (firstSeen ?? []).length === 0) return sig.manifest;
      const parsed = m ? parseSigManifest(m.bytes) : sig.parsed;
      const layers = (m ? parsed.layers : []).map(plainDescriptor);
      for (const d of [...(firstSeen ?? []), ...wanted]) if (!layers.some((l) => layerKey(l) === layerKey(d))) layers.push(plainDescriptor(d));
      const bytes = buildSigManifest(layers, extrasOf(parsed)).manifestBytes;
      const config = sigConfigBytes(layers);
      await client.uploadBlob(target, { digest: sha256Digest(config), size: config.length, open: () => config });
      return { bytes, mediaType: MediaType.OciManifest, digest: sha256Digest(bytes) };
    },
    write: async (m) => {
      await client.putManifest(tag, m as ManifestBytes, { retry: false });
    },
    fingerprint: (m) => m?.digest ?? 'none',
  });
}

function plainDescriptor(d: SigDescriptor): SigDescriptor {
  const out: SigDescriptor = { mediaType: d.mediaType, size: d.size, digest: d.digest };
  if (d.urls) out.urls = d.urls;
  if (d.annotations && Object.keys(d.annotations).length > 0) out.annotations = d.annotations;
  if (d.artifactType) out.artifactType = d.artifactType;
  return out;
}
