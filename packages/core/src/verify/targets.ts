import { mapLimit } from '../util/map-limit.js';
import { getSubjectManifest, platformManifests } from '../oci/remote/platforms.js';
import { formatReference, withDigest, type ImageReference } from '../oci/reference.js';
import type { RegistryClient } from '../oci/remote/registry.js';

/** A manifest whose signatures are checked. */
export interface Target {
  digest: string;
  manifestBytes: Buffer;
  /** "linux/arm64" for a platform manifest of an index; undefined for the image itself. */
  platform?: string;
}

/** The image and, for an index, each platform manifest, with the bytes the policy judges. */
export async function verificationTargets(
  client: RegistryClient,
  image: ImageReference & { digest: string },
): Promise<Target[]> {
  const top = await getSubjectManifest(
    client,
    image,
    'verify the digest capture-digest reported, after the push (and check the registry credentials)',
  );
  const children = await mapLimit(platformManifests(top, formatReference(image)), 4, async ({ digest, platform }) => ({
    digest,
    platform,
    manifestBytes: (await client.getManifest(withDigest(image, digest))).bytes,
  }));
  return [{ digest: image.digest, manifestBytes: top.bytes }, ...children];
}
