import { formatReference, repositoryName, signImage, withDigest, type ImageReference, type ManifestBytes, type RegistryClient, type RepoRef, type SignedDigest, type SigningKey } from '@bydigest/core';

/**
 * Signs the promoted digest in a target repository with that repository's identity (what
 * sign-digest's identity: repository writes there), so a host whose policy for the target uses
 * matchRepository accepts it. The manifest goes up by digest first: no `.sig` may name a
 * subject the repository does not hold. `digests` are the image and an index's platform
 * manifests, all of which containers/image may verify.
 */
export async function signInTarget(
  client: RegistryClient,
  source: ImageReference & { digest: string },
  target: RepoRef,
  manifest: ManifestBytes,
  digests: string[],
  key: SigningKey,
): Promise<{ identity: string; signed: SignedDigest[] }> {
  const image = withDigest(target, source.digest);
  await client.putManifest(image, manifest);
  const identity = repositoryName(image);
  const signed = await signImage(client, { image, identities: [identity], targets: digests, key });
  return { identity, signed };
}

export function describeSigned(image: ImageReference & { digest: string }, s: { identity: string; signed: SignedDigest[] }): string {
  const writes = s.signed.every((x) => x.alreadySigned) ? 'already signed' : 'signed';
  return `${writes} ${formatReference(image)} (${s.signed.length} manifest(s)) for identity ${s.identity} -> ${s.signed[0]?.signatureRef ?? '?'}`;
}
