import { BydigestError } from '../../errors.js';
import { assertManifestMediaType, detectManifestMediaType } from '../manifest.js';
import type { Descriptor, ImageIndex, ManifestBytes } from '../types.js';
import type { LayoutSource } from './source.js';

const REF_NAME = 'org.opencontainers.image.ref.name';

/** The manifest a layout's index.json names: by `ref.name` annotation, or its only entry. */
export async function selectLayoutManifest(
  layout: LayoutSource,
  ref?: string,
): Promise<ManifestBytes & { descriptor: Descriptor }> {
  let index: ImageIndex;
  try {
    index = JSON.parse((await layout.readIndex()).toString('utf8')) as ImageIndex;
  } catch (e) {
    if (e instanceof BydigestError) throw e;
    throw new BydigestError('LAYOUT', `${layout.description}: index.json is not valid JSON`);
  }
  const entries = Array.isArray(index.manifests) ? index.manifests : [];
  let chosen: Descriptor | undefined;
  if (ref !== undefined) {
    chosen = entries.find((d) => d.annotations?.[REF_NAME] === ref);
    if (!chosen) {
      const names = entries.map((d) => d.annotations?.[REF_NAME]).filter(Boolean);
      throw new BydigestError(
        'LAYOUT',
        `${layout.description}: no manifest named ${JSON.stringify(ref)} in index.json`,
        {
          hint: names.length ? `it has: ${names.join(', ')}` : 'its index.json names no manifests',
        },
      );
    }
  } else if (entries.length === 1) {
    chosen = entries[0];
  } else {
    throw new BydigestError(
      'LAYOUT',
      `${layout.description}: index.json lists ${entries.length} manifests; say which one with :REF`,
      {
        hint: 'e.g. oci:DIR:latest',
      },
    );
  }
  const d = chosen as Descriptor;
  const bytes = await layout.readBlob(d.digest);
  const mediaType = detectManifestMediaType(bytes) ?? d.mediaType;
  assertManifestMediaType(mediaType, layout.description);
  return { bytes, mediaType, digest: d.digest, descriptor: d };
}
