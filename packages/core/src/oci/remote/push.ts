import { BydigestError, isBydigestError } from '../../errors.js';
import { mapLimit } from '../../util/map-limit.js';
import type { LayoutSource } from '../layout/source.js';
import { parseManifestJson, referencedBlobs } from '../manifest.js';
import { isIndexMediaType } from '../media-types.js';
import { formatReference, withDigest, withTag } from '../reference.js';
import type { RegistryClient, RepoRef } from './registry.js';
import type { Descriptor, ManifestBytes } from '../types.js';

export interface PushResult {
  digest: string;
  mediaType: string;
  blobsUploaded: number;
  blobsSkipped: number;
  bytesUploaded: number;
}

/**
 * Pushes one manifest (image or index) from a layout: every blob once, skipping those the
 * repository has, several in flight; child manifests by digest before their index; then the
 * exact manifest bytes under every tag (or by digest when there are none).
 */
export async function pushLayout(
  client: RegistryClient,
  repo: RepoRef,
  layout: LayoutSource,
  manifest: ManifestBytes,
  tags: string[],
  opts: { concurrency?: number } = {},
): Promise<PushResult> {
  const children: ManifestBytes[] = [];
  const blobs = new Map<string, Descriptor>();
  const collect = (m: ManifestBytes): Descriptor[] => {
    const refs = referencedBlobs(parseManifestJson(m, layout.description), m.mediaType);
    for (const b of refs.blobs) blobs.set(b.digest, b);
    return refs.manifests;
  };
  for (const child of collect(manifest)) {
    const bytes = await layout.readBlob(child.digest);
    const c: ManifestBytes = { bytes, mediaType: child.mediaType, digest: child.digest };
    if (isIndexMediaType(c.mediaType)) {
      throw new BydigestError('LAYOUT', `${layout.description}: nested index ${child.digest} is not supported`);
    }
    collect(c);
    children.push(c);
  }

  let uploaded = 0;
  let skipped = 0;
  let bytesUploaded = 0;
  await mapLimit([...blobs.values()], opts.concurrency ?? 4, async (d) => {
    const size = await layout.blobSize(d.digest);
    if (size !== d.size) {
      throw new BydigestError(
        'LAYOUT',
        `${layout.description}: blob ${d.digest} has ${size} bytes, the manifest says ${d.size}`,
      );
    }
    const outcome = await client
      .uploadBlob(repo, { digest: d.digest, size, open: () => layout.blobChunks(d.digest) })
      .catch((e: unknown) => {
        // Blobs are streamed, not hashed first: the registry is the one to notice bytes that do not
        // match their digest, and it refuses the upload (no manifest or tag is written).
        if (isBydigestError(e) && e.status === 400 && e.registryCodes.includes('DIGEST_INVALID')) {
          throw new BydigestError(
            'LAYOUT',
            `a blob in the layout does not match its digest; the registry refused it (${e.message})`,
            { hint: 'the layout is corrupt: export it again', cause: e },
          );
        }
        throw e;
      });
    if (outcome === 'exists') skipped++;
    else {
      uploaded++;
      bytesUploaded += size;
    }
  });

  await mapLimit(children, opts.concurrency ?? 4, (c) => client.putManifest(withDigest(repo, c.digest), c));
  if (tags.length === 0) await client.putManifest(withDigest(repo, manifest.digest), manifest);
  for (const tag of tags) await client.putManifest(withTag(repo, tag), manifest);
  return {
    digest: manifest.digest,
    mediaType: manifest.mediaType,
    blobsUploaded: uploaded,
    blobsSkipped: skipped,
    bytesUploaded,
  };
}

export interface ResolvedTag {
  tag: string;
  reference: string;
  digest: string | undefined;
}

/** HEADs every tag (with the full Accept list) in parallel. */
export async function resolveTags(client: RegistryClient, repo: RepoRef, tags: string[]): Promise<ResolvedTag[]> {
  return mapLimit(tags, 8, async (tag) => {
    const ref = withTag(repo, tag);
    const head = await client.headManifest(ref);
    return { tag, reference: formatReference(ref), digest: head?.digest };
  });
}

/** Fails, naming each tag and its digest, unless every tag resolves to `expected` (or to one digest). */
export function assertSingleDigest(resolved: ResolvedTag[], expected?: string): string {
  const missing = resolved.filter((r) => r.digest === undefined);
  if (missing.length > 0) {
    throw new BydigestError(
      'NOT_FOUND',
      `tag${missing.length > 1 ? 's' : ''} not found: ${missing.map((r) => r.reference).join(', ')}`,
      {
        hint: 'push the image first, or give `source` so capture-digest pushes it',
      },
    );
  }
  const digests = new Set(resolved.map((r) => r.digest as string));
  if (expected !== undefined) digests.add(expected);
  if (digests.size !== 1) {
    const lines = resolved.map((r) => `  ${r.reference} -> ${r.digest}`).join('\n');
    throw new BydigestError(
      'TAG_MISMATCH',
      `tags resolve to ${digests.size} different digests${expected ? ` (expected ${expected})` : ''}:\n${lines}`,
      { hint: 'another push may have moved a tag; re-run the push, and do not tag from parallel jobs' },
    );
  }
  return [...digests][0] as string;
}
