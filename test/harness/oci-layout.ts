import { buildImage, writeOciLayout as writeLayout } from './image.js';
import type { TinyImage } from './tiny-image.js';

/** Writes image into an OCI image layout at dir, tagged `ref` (so `oci:DIR:REF` names it). */
export async function writeOciLayout(dir: string, image: TinyImage, ref = 'latest'): Promise<void> {
  const built = { ...buildImage({ layerSizes: [] }), ...image.manifest, config: image.config, layers: [image.layer] };
  writeLayout(dir, built, { refName: ref });
}
