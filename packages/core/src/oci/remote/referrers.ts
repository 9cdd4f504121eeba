import { BydigestError } from '../../errors.js';
import { digestHex, sha256Digest } from '../digest.js';
import { parseManifestJson } from '../manifest.js';
import { isIndexMediaType, MediaType } from '../media-types.js';
import { formatReference, withDigest, withTag } from '../reference.js';
import type { RegistryClient, RepoRef } from './registry.js';
import { appendUntilSettled, type SettleOptions, type SettleReport } from './settle.js';
import type { Descriptor, ImageIndex, ManifestBytes } from '../types.js';

export type ReferrersMode = 'auto' | 'api' | 'tag';

/** The tag the OCI 1.1 fallback keeps a subject's referrers index under. */
export function referrersFallbackTag(subjectDigest: string): string {
  return `sha256-${digestHex(subjectDigest)}`;
}

/** ghcr.io and Docker Hub have no referrers API: go to the tag directly, saving a request. */
export function defaultReferrersMode(registry: string): 'api' | 'tag' | 'auto' {
  return registry === 'ghcr.io' || registry === 'docker.io' ? 'tag' : 'auto';
}

export interface ReferrersListing {
  /** How the list was found. */
  via: 'api' | 'tag';
  descriptors: Descriptor[];
  /** The fallback index as read (tag path only), for read-modify-write. */
  index?: ManifestBytes;
}

/**
 * The referrers of a digest, optionally filtered by artifact type: through the referrers
 * API where the registry has one, else the `sha256-<hex>` fallback index.
 */
export async function listReferrers(
  client: RegistryClient,
  repo: RepoRef,
  subjectDigest: string,
  opts: { artifactType?: string; mode?: ReferrersMode } = {},
): Promise<ReferrersListing> {
  const mode = opts.mode ?? 'auto';
  const filter = (ds: Descriptor[]) =>
    opts.artifactType ? ds.filter((d) => d.artifactType === opts.artifactType) : ds;
  if (mode !== 'tag') {
    const api = await referrersThroughApi(client, repo, subjectDigest, opts.artifactType);
    if (api) return { via: 'api', descriptors: filter(api) };
    if (mode === 'api') {
      throw new BydigestError('REGISTRY', `${formatReference(repo)} has no referrers API`, {
        hint: 'use referrers: tag (or auto)',
      });
    }
  }
  const index = await readFallbackIndex(client, repo, subjectDigest);
  const listing: ReferrersListing = {
    via: 'tag',
    descriptors: filter(index ? indexEntries(index, formatReference(repo)) : []),
  };
  if (index) listing.index = index;
  return listing;
}

// A subject with more referrers than this many pages hold is not one bydigest's pipeline made.
const MAX_REFERRER_PAGES = 100;

/** Every page of the referrers API's answer, or undefined when the registry has no such API. */
async function referrersThroughApi(
  client: RegistryClient,
  repo: RepoRef,
  subjectDigest: string,
  artifactType: string | undefined,
): Promise<Descriptor[] | undefined> {
  const where = `${formatReference(repo)}@${subjectDigest}`;
  const first = await client.referrersApi(repo, subjectDigest, artifactType);
  if (!first) return undefined;
  const descriptors = indexEntries(first, formatReference(repo));
  const asked = new Set<string>();
  for (let page = 2, next = first.next; next !== undefined; page++) {
    if (asked.has(next) || page > MAX_REFERRER_PAGES)
      throw new BydigestError(
        'REGISTRY',
        `the referrers of ${where} do not end: page ${page} ${asked.has(next) ? `asks again for ${next}` : `exceeds the bound of ${MAX_REFERRER_PAGES} pages`}`,
        {
          operation: 'GET referrers',
          reference: where,
          hint: 'the registry paginates its referrers API wrongly; report it to the registry operator',
        },
      );
    asked.add(next);
    const more = await client.referrersApi(repo, subjectDigest, artifactType, next);
    if (!more)
      throw new BydigestError(
        'REGISTRY',
        `page ${page} of the referrers of ${where} (${next}) is not a referrers index`,
        {
          operation: 'GET referrers',
          reference: where,
        },
      );
    descriptors.push(...indexEntries(more, formatReference(repo)));
    next = more.next;
  }
  return descriptors;
}

/**
 * Reads the fallback index, refusing a tag that is not an index or that resolves to the
 * subject itself (GitLab answers `sha256-<hex>` with the subject manifest).
 */
export async function readFallbackIndex(
  client: RegistryClient,
  repo: RepoRef,
  subjectDigest: string,
): Promise<ManifestBytes | undefined> {
  const tag = referrersFallbackTag(subjectDigest);
  const m = await client.getManifestIfExists(withTag(repo, tag));
  if (!m) return undefined;
  const where = formatReference(withTag(repo, tag));
  if (m.digest === subjectDigest) {
    throw new BydigestError(
      'REGISTRY',
      `${where} resolves to the subject ${subjectDigest} itself, not to a referrers index`,
      {
        hint: 'this registry maps sha256-<hex> tags onto digests; use referrers: api if it has a referrers API',
      },
    );
  }
  if (!isIndexMediaType(m.mediaType)) {
    throw new BydigestError(
      'REGISTRY',
      `${where} holds a ${m.mediaType}, not a referrers index; refusing to overwrite it`,
    );
  }
  return m;
}

function indexEntries(m: ManifestBytes, where: string): Descriptor[] {
  const doc = parseManifestJson(m, where) as ImageIndex;
  return Array.isArray(doc.manifests) ? doc.manifests : [];
}

const sameDescriptor = (a: Descriptor, b: Descriptor) => a.digest === b.digest;

/** A referrers descriptor carries the artifact type and every annotation of the referrer. */
export function referrerDescriptor(manifest: ManifestBytes): Descriptor {
  const doc = parseManifestJson(manifest, manifest.digest) as {
    artifactType?: string;
    config?: Descriptor;
    annotations?: Record<string, string>;
  };
  const d: Descriptor = { mediaType: manifest.mediaType, digest: manifest.digest, size: manifest.bytes.length };
  const artifactType = doc.artifactType ?? doc.config?.mediaType;
  if (artifactType) d.artifactType = artifactType;
  if (doc.annotations && Object.keys(doc.annotations).length > 0) d.annotations = doc.annotations;
  return d;
}

function fallbackIndexBytes(entries: Descriptor[]): Buffer {
  return Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MediaType.OciIndex, manifests: entries }));
}

/** The entries of the fallback index of `subjectDigest` (none when it does not exist). */
export async function readFallbackEntries(
  client: RegistryClient,
  repo: RepoRef,
  subjectDigest: string,
): Promise<Descriptor[]> {
  const index = await readFallbackIndex(client, repo, subjectDigest);
  return index ? indexEntries(index, formatReference(withTag(repo, referrersFallbackTag(subjectDigest)))) : [];
}

/**
 * Adds `descriptor` to the fallback index of `subjectDigest`: read (404 = empty), append,
 * write, re-read, confirm our entry and every entry we saw at first are there, retry.
 */
export async function appendToFallbackIndex(
  client: RegistryClient,
  repo: RepoRef,
  subjectDigest: string,
  descriptor: Descriptor,
  settle: SettleOptions = {},
  /** The entries read earlier (e.g. while the key was derived): a change since means another writer. */
  early?: Descriptor[],
): Promise<SettleReport> {
  const tag = withTag(repo, referrersFallbackTag(subjectDigest));
  let first: Descriptor[] | undefined;
  const read = async (): Promise<Descriptor[]> => {
    const entries = await readFallbackEntries(client, repo, subjectDigest);
    first ??= entries;
    return entries;
  };
  const fingerprint = (entries: Descriptor[]) => sha256Digest(fallbackIndexBytes(entries));
  const must = (): Descriptor[] => [...(first ?? []), descriptor];
  return appendUntilSettled<Descriptor[]>(
    {
      what: `referrers index ${formatReference(tag)}`,
      read,
      satisfied: (entries) => must().every((d) => entries.some((e) => sameDescriptor(e, d))),
      merge: (entries) => {
        const out = [...entries];
        for (const d of must()) if (!out.some((e) => sameDescriptor(e, d))) out.push(d);
        return out;
      },
      write: async (entries) => {
        await client.putManifest(
          tag,
          { bytes: fallbackIndexBytes(entries), mediaType: MediaType.OciIndex },
          { retry: false },
        );
      },
      fingerprint,
      contended: () => early !== undefined && first !== undefined && fingerprint(early) !== fingerprint(first),
    },
    settle,
  );
}

/** The subject descriptor a referrer manifest points at. */
export async function subjectDescriptor(client: RegistryClient, repo: RepoRef, digest: string): Promise<Descriptor> {
  const head = await client.headManifest(withDigest(repo, digest));
  if (!head) {
    throw new BydigestError('NOT_FOUND', `${formatReference(withDigest(repo, digest))} does not exist`, {
      hint: 'the image must be pushed before anything can refer to it',
    });
  }
  return { mediaType: head.mediaType, digest, size: head.size };
}

/**
 * Pushes a referrer manifest by digest and makes sure listing the subject's referrers finds
 * it: a registry with the API says so with `OCI-Subject`; otherwise (or with mode `tag`)
 * the fallback index is appended to, keeping every entry other writers put there.
 */
export async function attachReferrer(
  client: RegistryClient,
  repo: RepoRef,
  manifest: ManifestBytes,
  mode: ReferrersMode,
  opts: {
    settle?: SettleOptions;
    /** The answer to the caller's own PUT of `manifest` by digest, if it made one: not pushed again. */
    pushed?: { subject?: string };
    /** The fallback index entries read earlier (see appendToFallbackIndex). */
    early?: Descriptor[];
  } = {},
): Promise<{ via: 'api' | 'tag' }> {
  const doc = parseManifestJson(manifest, manifest.digest) as { subject?: Descriptor };
  const subject = doc.subject?.digest;
  if (!subject) throw new BydigestError('INVALID_ARGUMENT', `referrer ${manifest.digest} has no subject`);
  const put = opts.pushed ?? (await client.putManifest(withDigest(repo, manifest.digest), manifest));
  if (mode !== 'tag' && put.subject === subject) return { via: 'api' };
  if (mode === 'api') {
    // quay.io has the API but omits OCI-Subject: ask the API itself before giving up.
    const listed = await listReferrers(client, repo, subject, { mode: 'api' });
    if (listed.descriptors.some((d) => d.digest === manifest.digest)) return { via: 'api' };
    throw new BydigestError('REGISTRY', `${formatReference(repo)} did not index referrer ${manifest.digest}`, {
      hint: 'use referrers: tag or auto',
    });
  }
  await appendToFallbackIndex(client, repo, subject, referrerDescriptor(manifest), opts.settle, opts.early);
  return { via: 'tag' };
}
