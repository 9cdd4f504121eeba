import { BydigestError } from '../errors.js';
import { isIndexMediaType, isManifestMediaType, MediaType } from './media-types.js';
import type { Descriptor, ImageIndex, ImageManifest, ManifestBytes } from './types.js';

/** Manifests above this are refused: no registry accepts them and they would only cost memory. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

export function parseManifestJson(m: ManifestBytes, where: string): ImageManifest | ImageIndex {
  let doc: unknown;
  try {
    doc = JSON.parse(m.bytes.toString('utf8'));
  } catch {
    throw new BydigestError('REGISTRY', `${where}: manifest ${m.digest} is not valid JSON`);
  }
  if (!doc || typeof doc !== 'object')
    throw new BydigestError('REGISTRY', `${where}: manifest ${m.digest} is not a JSON object`);
  return doc as ImageManifest | ImageIndex;
}

/**
 * The media type of manifest bytes: the `mediaType` field when present (OCI and Docker
 * both set it), else guessed from the shape as distribution does.
 */
export function detectManifestMediaType(bytes: Buffer): string | undefined {
  try {
    const doc = JSON.parse(bytes.toString('utf8')) as {
      mediaType?: unknown;
      manifests?: unknown;
      config?: unknown;
      schemaVersion?: unknown;
    };
    if (typeof doc.mediaType === 'string') return doc.mediaType;
    if (doc.schemaVersion !== 2) return undefined;
    if (Array.isArray(doc.manifests)) return MediaType.OciIndex;
    if (doc.config) return MediaType.OciManifest;
  } catch {
    return undefined;
  }
  return undefined;
}

/** Children of an index, or config + layers of an image manifest. */
export function referencedBlobs(
  doc: ImageManifest | ImageIndex,
  mediaType: string,
): { manifests: Descriptor[]; blobs: Descriptor[] } {
  if (isIndexMediaType(mediaType)) return { manifests: [...((doc as ImageIndex).manifests ?? [])], blobs: [] };
  const m = doc as ImageManifest;
  const blobs = [m.config, ...(m.layers ?? [])].filter((d): d is Descriptor => !!d && typeof d.digest === 'string');
  return { manifests: [], blobs };
}

export function assertManifestMediaType(mediaType: string, where: string): void {
  if (!isManifestMediaType(mediaType)) {
    throw new BydigestError('REGISTRY', `${where}: unsupported manifest media type ${JSON.stringify(mediaType)}`, {
      hint: 'only OCI and Docker v2 schema 2 manifests and indexes are supported',
    });
  }
}
