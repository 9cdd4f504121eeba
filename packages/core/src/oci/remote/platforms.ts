import { BydigestError } from '../../errors.js';
import { parseManifestJson } from '../manifest.js';
import { isIndexMediaType } from '../media-types.js';
import { formatReference, type ImageReference } from '../reference.js';
import type { RegistryClient } from './registry.js';
import type { ImageIndex, ManifestBytes } from '../types.js';

/** One manifest an index lists. */
export interface PlatformManifest {
  digest: string;
  /** "linux/arm64/v8"; "unknown platform" when the index does not say. */
  platform: string;
}

/**
 * The manifests an index lists, in its order; none for an image manifest. containers/image
 * checks the policy on the index and again on the platform manifest it pulls, each against its
 * own `.sig`, so signing, verifying and copying signatures all walk this same list.
 */
export function platformManifests(manifest: ManifestBytes, reference: string): PlatformManifest[] {
  if (!isIndexMediaType(manifest.mediaType)) return [];
  const index = parseManifestJson(manifest, reference) as ImageIndex;
  return (index.manifests ?? []).map((d) => ({
    digest: d.digest,
    platform: d.platform
      ? [d.platform.os, d.platform.architecture, d.platform.variant].filter(Boolean).join('/')
      : 'unknown platform',
  }));
}

/** GETs `image` by digest; a missing manifest is an error that says which digest to use. */
export async function getSubjectManifest(
  client: RegistryClient,
  image: ImageReference & { digest: string },
  hint: string,
): Promise<ManifestBytes> {
  const manifest = await client.getManifestIfExists(image);
  if (!manifest) {
    throw new BydigestError('NOT_FOUND', `${formatReference(image)} does not exist in the registry`, {
      operation: 'GET manifest',
      reference: formatReference(image),
      status: 404,
      hint,
    });
  }
  return manifest;
}

/** The digest and, for an index, every manifest it lists: what a host may check a `.sig` for. */
export function digestWithPlatforms(image: ImageReference & { digest: string }, manifest: ManifestBytes): string[] {
  return [image.digest, ...platformManifests(manifest, formatReference(image)).map((p) => p.digest)];
}
