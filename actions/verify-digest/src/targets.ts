import {
  BydigestError,
  formatReference,
  isIndexMediaType,
  parseManifestJson,
  withDigest,
  type ImageIndex,
  type ImageReference,
  type RegistryClient,
} from '@bydigest/core';

/** A manifest whose signatures are checked. */
export interface Target {
  digest: string;
  manifestBytes: Buffer;
  /** "linux/arm64" for a platform manifest of an index; undefined for image-ref itself. */
  platform?: string;
}

/**
 * image-ref and, for an index, each platform manifest: containers/image checks the policy on
 * the index and again on the platform manifest it pulls, each against its own `.sig`.
 */
export async function verificationTargets(client: RegistryClient, image: ImageReference & { digest: string }): Promise<Target[]> {
  const top = await client.getManifestIfExists(image);
  if (!top) {
    throw new BydigestError('NOT_FOUND', `${formatReference(image)} does not exist in the registry`, {
      hint: 'verify the digest capture-digest reported, after the push (and check the registry credentials)',
    });
  }
  const targets: Target[] = [{ digest: image.digest, manifestBytes: top.bytes }];
  if (!isIndexMediaType(top.mediaType)) return targets;
  const index = parseManifestJson(top, formatReference(image)) as ImageIndex;
  for (const d of index.manifests ?? []) {
    const child = await client.getManifest(withDigest(image, d.digest));
    const platform = d.platform ? [d.platform.os, d.platform.architecture, d.platform.variant].filter(Boolean).join('/') : 'unknown platform';
    targets.push({ digest: d.digest, manifestBytes: child.bytes, platform });
  }
  return targets;
}
