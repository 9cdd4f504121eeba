import { PassThrough } from 'node:stream';
import { BydigestError } from '../../errors.js';
import { mapLimit } from '../../util/map-limit.js';
import { parseManifestJson, referencedBlobs } from '../manifest.js';
import { isIndexMediaType } from '../media-types.js';
import { formatReference, sameRepository, withDigest, type ImageReference } from '../reference.js';
import type { RegistryClient, RepoRef } from './registry.js';
import type { Descriptor, ManifestBytes } from '../types.js';

export interface BlobCopyStats {
  existing: number;
  mounted: number;
  streamed: number;
}

export function emptyStats(): BlobCopyStats {
  return { existing: 0, mounted: 0, streamed: 0 };
}

/**
 * Makes one blob of `from` present in `to`: a cross-repository mount on the same registry
 * (one POST; a 202 means the registry refused and opened an upload, which we then stream
 * into), or HEAD + stream between registries. Layers are never buffered.
 */
export async function copyBlob(
  client: RegistryClient,
  from: RepoRef,
  to: RepoRef,
  blob: Descriptor,
  stats: BlobCopyStats,
): Promise<void> {
  const open = () => {
    const out = new PassThrough({ highWaterMark: 1024 * 1024 });
    client.openBlob(from, blob.digest).then(
      (body) => body.pipe(out),
      (e: Error) => out.destroy(e),
    );
    return out;
  };
  const source = { digest: blob.digest, size: blob.size, open };
  const outcome =
    from.registry === to.registry
      ? await client.uploadBlob(to, source, { skipExistenceCheck: true, mountFrom: from })
      : await client.uploadBlob(to, source);
  if (outcome === 'exists') stats.existing++;
  else if (outcome === 'mounted') stats.mounted++;
  else stats.streamed++;
}

/**
 * Makes a manifest (and, for an index, every child) and all blobs they reference present
 * in `to`, children before their index, each PUT by digest with its exact bytes.
 */
export async function copyManifestContent(
  client: RegistryClient,
  from: RepoRef,
  to: RepoRef,
  manifest: ManifestBytes,
  stats: BlobCopyStats,
  opts: { concurrency?: number; putSelf?: boolean } = {},
): Promise<void> {
  const concurrency = opts.concurrency ?? 4;
  const refs = referencedBlobs(parseManifestJson(manifest, formatReference(from)), manifest.mediaType);
  await mapLimit(refs.manifests, concurrency, async (child) => {
    const bytes = await client.getManifest(withDigest(from, child.digest));
    if (isIndexMediaType(bytes.mediaType)) {
      throw new BydigestError(
        'REGISTRY',
        `${formatReference(withDigest(from, child.digest))}: nested indexes are not supported`,
      );
    }
    await copyManifestContent(client, from, to, bytes, stats, { concurrency, putSelf: true });
  });
  await mapLimit(refs.blobs, concurrency, (b) => copyBlob(client, from, to, b, stats));
  if (opts.putSelf) await client.putManifest(withDigest(to, manifest.digest), manifest);
}

export interface PromoteResult {
  manifest: ManifestBytes;
  written: string[];
  stats: BlobCopyStats;
}

/**
 * Puts the exact bytes of `source` (fetched once, by digest) under every target, copying
 * content first where a target is another repository, then resolves every target and
 * fails unless each one is the source digest.
 */
export async function promoteByDigest(
  client: RegistryClient,
  source: ImageReference & { digest: string },
  targets: (ImageReference & { tag: string })[],
  opts: {
    concurrency?: number;
    manifest?: ManifestBytes;
    /** Runs after the content is in every target repository and before any tag moves (e.g. copying signatures). */
    beforeTags?: () => Promise<void>;
  } = {},
): Promise<PromoteResult> {
  const manifest = opts.manifest ?? (await client.getManifest(source));
  const stats = emptyStats();
  const repos = new Map<string, RepoRef>();
  for (const t of targets) if (!sameRepository(t, source)) repos.set(`${t.registry}/${t.repository}`, t);
  for (const repo of repos.values())
    await copyManifestContent(client, source, repo, manifest, stats, {
      ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
    });

  // A tag that moves before what verifiers look up next to the digest is there would point a
  // host with a signature policy at an image it must refuse.
  await opts.beforeTags?.();
  await mapLimit(targets, 4, (t) => client.putManifest(t, manifest));
  const resolved = await mapLimit(targets, 4, async (t) => ({
    ref: formatReference(t),
    digest: (await client.headManifest(t))?.digest,
  }));
  const wrong = resolved.filter((r) => r.digest !== manifest.digest);
  if (wrong.length > 0) {
    throw new BydigestError(
      'TAG_MISMATCH',
      `after promotion, ${wrong.map((r) => `${r.ref} resolves to ${r.digest ?? 'nothing'}`).join('; ')} instead of ${manifest.digest}`,
      {
        hint: 'another writer moved the tag during promotion; re-run, and do not promote the same tag from parallel jobs',
      },
    );
  }
  return { manifest, written: resolved.map((r) => r.ref), stats };
}
