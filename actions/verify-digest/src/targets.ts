import { formatReference, getSubjectManifest, mapLimit, platformManifests, withDigest, type ImageReference, type RegistryClient } from '@bydigest/core';

/** A manifest whose signatures are checked. */
export interface Target {
  digest: string;
  manifestBytes: Buffer;
  /** "linux/arm64" for a platform manifest of an index; undefined for image-ref itself. */
  platform?: string;
}

/** image-ref and, for an index, each platform manifest, with the bytes the policy judges. */
export async function verificationTargets(client: RegistryClient, image: ImageReference & { digest: string }): Promise<Target[]> {
  const top = await getSubjectManifest(client, image, 'verify the digest capture-digest reported, after the push (and check the registry credentials)');
  const children = await mapLimit(platformManifests(top, formatReference(image)), 4, async ({ digest, platform }) => ({
    digest,
    platform,
    manifestBytes: (await client.getManifest(withDigest(image, digest))).bytes,
  }));
  return [{ digest: image.digest, manifestBytes: top.bytes }, ...children];
}
