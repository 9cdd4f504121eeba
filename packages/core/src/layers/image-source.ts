import { BydigestError } from '../errors.js';
import { openLayout, parseLayoutTransport } from '../oci/layout/open.js';
import { selectLayoutManifest } from '../oci/layout/select.js';
import type { LayoutSource } from '../oci/layout/source.js';
import { parseManifestJson } from '../oci/manifest.js';
import { isIndexMediaType } from '../oci/media-types.js';
import { formatReference, parseDigestReference, type ImageReference } from '../oci/reference.js';
import type { RegistryClient } from '../oci/remote/registry.js';
import { SharedRings } from '../util/file-chunks.js';
import type { LayerChunks } from './layer-tar.js';
import type { Descriptor, ImageIndex, ImageManifest, ManifestBytes, Platform } from '../oci/types.js';

/** An image's layers, bottom first, each readable as a stream of its stored (compressed) bytes. */
export interface LayeredImage {
  /** What the user named, for messages: `oci:DIR:tag`, `docker://repo@sha256:…`. */
  readonly description: string;
  /** Digest of the image manifest (the platform's, for an index). */
  readonly digest: string;
  /** Digest of what `source` names: the index when there is one, else the manifest. */
  readonly subjectDigest: string;
  readonly layers: Descriptor[];
  /** The stored bytes; a chunk is valid until the next is asked for (see LayerChunks). */
  openLayer(layer: Descriptor): Promise<LayerChunks>;
  close(): Promise<void>;
}

export type ImageSourceSpec =
  | { kind: 'oci' | 'oci-archive'; path: string; ref?: string }
  | { kind: 'docker'; ref: ImageReference & { digest: string } }
  | { kind: 'dir'; path: string };

/** `oci:DIR[:tag]`, `oci-archive:FILE[:tag]`, `docker://REPO@sha256:…`, `dir:ROOTFS`. */
export function parseImageSource(value: string): ImageSourceSpec {
  const layout = parseLayoutTransport(value);
  if (layout) return layout;
  if (value.startsWith('docker://'))
    return { kind: 'docker', ref: parseDigestReference(value.slice('docker://'.length)) };
  if (value.startsWith('dir:') && value.length > 4) return { kind: 'dir', path: value.slice(4) };
  throw new BydigestError('INVALID_ARGUMENT', `${JSON.stringify(value)} is not an image source`, {
    hint: 'use oci:DIR[:tag], oci-archive:FILE[:tag], docker://REPO@sha256:… or dir:ROOTFS',
  });
}

export function parsePlatform(value: string): Platform {
  const [os, architecture, variant, ...rest] = value.split('/');
  if (!os || !architecture || rest.length > 0) {
    throw new BydigestError('INVALID_ARGUMENT', `${JSON.stringify(value)} is not a platform`, {
      hint: 'write os/arch[/variant], e.g. linux/amd64 or linux/arm64/v8',
    });
  }
  return variant ? { os, architecture, variant } : { os, architecture };
}

function choosePlatform(index: ImageIndex, want: Platform, where: string): Descriptor {
  const matches = (index.manifests ?? []).filter(
    (d) =>
      d.platform?.os === want.os &&
      d.platform?.architecture === want.architecture &&
      (want.variant === undefined || d.platform?.variant === want.variant),
  );
  const chosen = matches[0];
  if (!chosen) {
    const have = (index.manifests ?? []).map((d) =>
      d.platform ? [d.platform.os, d.platform.architecture, d.platform.variant].filter(Boolean).join('/') : d.digest,
    );
    throw new BydigestError(
      'NOT_FOUND',
      `${where}: the index has no ${want.os}/${want.architecture}${want.variant ? `/${want.variant}` : ''} image`,
      {
        hint: have.length ? `it has: ${have.join(', ')}; set platform` : 'the index lists no manifests',
      },
    );
  }
  return chosen;
}

/** The image `top` names for `platform` (itself, or its index's entry for the platform), with its layers. */
async function layeredImage(
  description: string,
  top: ManifestBytes,
  platform: Platform,
  source: {
    fetch: (d: Descriptor) => Promise<ManifestBytes>;
    openLayer: LayeredImage['openLayer'];
    close: () => Promise<void>;
  },
): Promise<LayeredImage> {
  const m = isIndexMediaType(top.mediaType)
    ? await source.fetch(choosePlatform(parseManifestJson(top, description) as ImageIndex, platform, description))
    : top;
  const doc = imageManifest(m, description);
  return {
    description,
    digest: m.digest,
    subjectDigest: top.digest,
    layers: doc.layers,
    openLayer: source.openLayer,
    close: source.close,
  };
}

function imageManifest(m: ManifestBytes, where: string): ImageManifest {
  const doc = parseManifestJson(m, where) as ImageManifest;
  if (!Array.isArray(doc.layers))
    throw new BydigestError('LAYOUT', `${where}: manifest ${m.digest} lists no layers`, {
      hint: 'is this an image (not an artifact)?',
    });
  return doc;
}

// Each chunk is a message to the digest thread: larger than the default, fewer of them; a ring
// of six lets the digest fall a few chunks behind the inflate.
const sharedRings = new SharedRings(6, 512 * 1024);

export async function openLayoutImage(
  spec: { kind: 'oci' | 'oci-archive'; path: string; ref?: string },
  platform: Platform,
): Promise<LayeredImage> {
  const layout: LayoutSource = await openLayout(spec.kind, spec.path);
  const description = `${spec.kind}:${spec.path}${spec.ref ? `:${spec.ref}` : ''}`;
  try {
    const top = await selectLayoutManifest(layout, spec.ref);
    return await layeredImage(description, top, platform, {
      fetch: async (d) => ({ bytes: await layout.readBlob(d.digest), mediaType: d.mediaType, digest: d.digest }),
      openLayer: async (l) => {
        await layout.blobSize(l.digest);
        // Reused read buffers in shared memory: reading a layer makes no garbage of its own, and the
        // digest is taken on a worker thread from the same bytes the walk inflates.
        const ring = sharedRings.take();
        const chunks = layout.blobChunks(l.digest, { buffers: ring });
        return Object.assign(chunks, {
          reusesBuffers: true,
          sharedRing: ring.length,
          release: () => sharedRings.give(ring),
        } satisfies Partial<LayerChunks>);
      },
      close: () => layout.close(),
    });
  } catch (e) {
    await layout.close();
    throw e;
  }
}

export async function openRegistryImage(
  client: RegistryClient,
  ref: ImageReference & { digest: string },
  platform: Platform,
): Promise<LayeredImage> {
  const description = `docker://${formatReference(ref)}`;
  const top = await client.getManifest(ref);
  return layeredImage(description, top, platform, {
    fetch: (d) => client.getManifest({ ...ref, digest: d.digest }),
    openLayer: (l) => client.openBlob(ref, l.digest),
    close: async () => {},
  });
}
