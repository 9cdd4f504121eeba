import { createHash } from 'node:crypto';
import { buildImage, type BuiltBlob } from './image.js';

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
export const OCI_LAYER_GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip';

export function sha256(bytes: Buffer | string): string {
  return 'sha256:' + createHash('sha256').update(bytes).digest('hex');
}

export interface Blob extends BuiltBlob {
  mediaType: string;
}

export interface TinyImage {
  config: Blob;
  layer: Blob;
  /** The manifest exactly as pushed; its digest is the image's identity. */
  manifest: Blob;
}

/**
 * A small, valid single-layer OCI image. `seed` changes the file's content, so tests that need
 * distinct images (and digests) in one registry get them deterministically.
 */
export function makeTinyImage(seed = 'bydigest'): TinyImage {
  const img = buildImage({ label: seed, layerSizes: [64] });
  return {
    config: { ...(img.config as BuiltBlob), mediaType: OCI_CONFIG },
    layer: { ...(img.layers[0] as BuiltBlob), mediaType: OCI_LAYER_GZIP },
    manifest: { digest: img.digest, size: img.size, bytes: img.bytes, mediaType: OCI_MANIFEST },
  };
}
