import type { Readable } from 'node:stream';
import { BydigestError } from '../../errors.js';
import { credentialResolver, type CredentialOptions, type CredentialResolver } from './auth/credentials.js';
import { sha256Digest } from '../digest.js';
import { BlobUploads, type BlobSource } from './blob-upload.js';
import { pull, push, repoName } from './repo-scopes.js';
import { isBlobLinkRace, isRetryableError, retryingOn, withRetry } from './http/retry.js';
import { describeError, RegistryTransport, type HttpResponse, type RequestEvent } from './http/transport.js';
import { assertManifestMediaType, detectManifestMediaType, MAX_MANIFEST_BYTES } from '../manifest.js';
import { MANIFEST_ACCEPT } from '../media-types.js';
import { apiHost, formatReference, type ImageReference, type RepoRef } from '../reference.js';
import type { ManifestBytes } from '../types.js';

export interface RegistryClientOptions {
  credentials?: CredentialResolver | CredentialOptions;
  retries?: number;
  insecure?: boolean;
  ca?: string | Buffer;
  timeoutMs?: number;
  backoff?: { baseMs: number; maxMs: number; retryAfterCapMs?: number };
  onRequest?: (e: RequestEvent) => void;
}

// Declared beside what uses them first (the upload, the reference), re-exported for the client's callers.
export type { BlobSource } from './blob-upload.js';
export type { RepoRef } from '../reference.js';

/**
 * The registry operations bydigest needs, for any number of registry hosts. Manifests are
 * handled as bytes; every digest is computed over bytes received.
 */
export class RegistryClient {
  private readonly transports = new Map<string, RegistryTransport>();
  private readonly credentials: CredentialResolver;
  private readonly uploads: BlobUploads;

  constructor(private readonly opts: RegistryClientOptions = {}) {
    const c = opts.credentials;
    this.credentials = typeof c === 'function' ? c : credentialResolver(c ?? {});
    this.uploads = new BlobUploads({
      transport: (registry) => this.transport(registry),
      headBlob: (repo, digest) => this.headBlob(repo, digest),
      retries: opts.retries ?? 3,
    });
  }

  transport(registry: string): RegistryTransport {
    const host = apiHost(registry);
    let t = this.transports.get(host);
    if (!t) {
      t = new RegistryTransport(host, {
        credentials: (h) => this.credentials(h === 'registry-1.docker.io' ? 'docker.io' : h),
        ...(this.opts.retries !== undefined ? { retries: this.opts.retries } : {}),
        ...(this.opts.insecure !== undefined ? { insecure: this.opts.insecure } : {}),
        ...(this.opts.ca !== undefined ? { ca: this.opts.ca } : {}),
        ...(this.opts.timeoutMs !== undefined ? { timeoutMs: this.opts.timeoutMs } : {}),
        ...(this.opts.backoff !== undefined ? { backoff: this.opts.backoff } : {}),
        ...(this.opts.onRequest !== undefined ? { onRequest: this.opts.onRequest } : {}),
      });
      this.transports.set(host, t);
    }
    return t;
  }

  /** The transport retries until headers arrive; a body cut short afterwards is retried here. */
  private retryingBody<T>(read: () => Promise<T>): Promise<T> {
    return withRetry({ retries: this.opts.retries ?? 3, baseMs: 250, maxMs: 4000 }, retryingOn(isBodyFailure, read));
  }

  async close(): Promise<void> {
    await Promise.all([...this.transports.values()].map((t) => t.close()));
    this.transports.clear();
  }

  /** Digest, media type and size of a tag or digest; undefined when the registry has none. */
  async headManifest(ref: ImageReference): Promise<{ digest: string; mediaType: string; size: number } | undefined> {
    const where = formatReference(ref);
    const res = await this.transport(ref.registry).request({
      method: 'HEAD',
      path: `/v2/${ref.repository}/manifests/${manifestRef(ref)}`,
      headers: { accept: MANIFEST_ACCEPT },
      scopes: pull(ref),
      operation: 'HEAD manifest',
      reference: where,
      accept: (s) => s === 200 || s === 404,
    });
    await res.body.dump();
    if (res.status === 404) return undefined;
    const digest = res.headers['docker-content-digest'];
    // Some registries omit the header on HEAD: hash the body instead.
    if (!digest || !/^sha256:[a-f0-9]{64}$/.test(digest)) {
      const m = await this.getManifest(ref);
      return { digest: m.digest, mediaType: m.mediaType, size: m.bytes.length };
    }
    if (ref.digest && digest !== ref.digest) {
      throw new BydigestError('DIGEST_MISMATCH', `HEAD manifest ${where}: registry answered digest ${digest}`, {
        reference: where,
      });
    }
    return { digest, mediaType: res.headers['content-type'] ?? '', size: Number(res.headers['content-length'] ?? 0) };
  }

  async getManifest(ref: ImageReference): Promise<ManifestBytes> {
    const m = await this.getManifestIfExists(ref);
    if (!m) {
      throw new BydigestError('NOT_FOUND', `GET manifest ${formatReference(ref)}: not found (HTTP 404)`, {
        operation: 'GET manifest',
        reference: formatReference(ref),
        status: 404,
      });
    }
    return m;
  }

  async getManifestIfExists(ref: ImageReference): Promise<ManifestBytes | undefined> {
    return this.retryingBody(() => this.getManifestOnce(ref));
  }

  private async getManifestOnce(ref: ImageReference): Promise<ManifestBytes | undefined> {
    const where = formatReference(ref);
    const res = await this.transport(ref.registry).request({
      method: 'GET',
      path: `/v2/${ref.repository}/manifests/${manifestRef(ref)}`,
      headers: { accept: MANIFEST_ACCEPT },
      scopes: pull(ref),
      operation: 'GET manifest',
      reference: where,
      accept: (s) => s === 200 || s === 404,
    });
    if (res.status === 404) {
      await res.body.dump();
      return undefined;
    }
    const bytes = await readLimited(res, MAX_MANIFEST_BYTES, where);
    const digest = sha256Digest(bytes);
    if (ref.digest && digest !== ref.digest) {
      throw new BydigestError('DIGEST_MISMATCH', `GET manifest ${where}: the bytes received hash to ${digest}`, {
        reference: where,
      });
    }
    const header = (res.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
    const mediaType = detectManifestMediaType(bytes) ?? header;
    assertManifestMediaType(mediaType, `GET manifest ${where}`);
    return { bytes, mediaType, digest };
  }

  /**
   * PUTs the exact bytes with their exact Content-Type under a tag or digest, and checks the
   * registry stored what we sent. Returns the `OCI-Subject` header when the registry sent one
   * (its sign of a referrers API).
   */
  async putManifest(
    ref: ImageReference,
    manifest: { bytes: Buffer; mediaType: string },
    opts: { retry?: boolean } = {},
  ): Promise<{ digest: string; subject?: string }> {
    const where = formatReference(ref);
    const digest = sha256Digest(manifest.bytes);
    if (ref.digest && ref.digest !== digest) {
      throw new BydigestError('DIGEST_MISMATCH', `PUT manifest ${where}: the bytes hash to ${digest}`, {
        reference: where,
      });
    }
    const send = () =>
      this.transport(ref.registry).request({
        method: 'PUT',
        path: `/v2/${ref.repository}/manifests/${manifestRef(ref)}`,
        headers: { 'content-type': manifest.mediaType },
        body: () => manifest.bytes,
        scopes: push(ref),
        operation: 'PUT manifest',
        reference: where,
        // A read-modify-write caller re-reads instead: a delayed retry would replay a stale state.
        ...(opts.retry === false ? { retry: false } : {}),
      });
    // Asking again after distribution's blob-link race is safe except for a read-modify-write
    // caller (retry: false), which reads again instead.
    const res = await withRetry(
      { retries: opts.retry === false ? 0 : (this.opts.retries ?? 3), baseMs: 100, maxMs: 1000 },
      retryingOn(isBlobLinkRace, send),
    );
    await res.body.dump();
    const stored = res.headers['docker-content-digest'];
    if (stored && stored !== digest) {
      throw new BydigestError(
        'DIGEST_MISMATCH',
        `PUT manifest ${where}: registry stored ${stored}, expected ${digest}`,
        { reference: where },
      );
    }
    const subject = res.headers['oci-subject'];
    return subject ? { digest, subject } : { digest };
  }

  async deleteManifest(ref: ImageReference & { digest: string }): Promise<void> {
    const res = await this.transport(ref.registry).request({
      method: 'DELETE',
      path: `/v2/${ref.repository}/manifests/${ref.digest}`,
      scopes: push(ref),
      operation: 'DELETE manifest',
      reference: formatReference(ref),
      accept: (s) => s === 202 || s === 404,
    });
    await res.body.dump();
  }

  /** Size of a blob, or undefined when the repository does not have it. */
  async headBlob(repo: RepoRef, digest: string): Promise<number | undefined> {
    const res = await this.transport(repo.registry).request({
      method: 'HEAD',
      path: `/v2/${repo.repository}/blobs/${digest}`,
      scopes: pull(repo),
      operation: 'HEAD blob',
      reference: `${repoName(repo)}@${digest}`,
      accept: (s) => s === 200 || s === 404,
    });
    await res.body.dump();
    return res.status === 200 ? Number(res.headers['content-length'] ?? 0) : undefined;
  }

  async openBlob(repo: RepoRef, digest: string): Promise<Readable> {
    const res = await this.transport(repo.registry).request({
      method: 'GET',
      path: `/v2/${repo.repository}/blobs/${digest}`,
      scopes: pull(repo),
      operation: 'GET blob',
      reference: `${repoName(repo)}@${digest}`,
    });
    return res.body;
  }

  /** A small blob (config, payload) read whole and checked against its digest. */
  async getBlob(repo: RepoRef, digest: string, maxBytes = 16 * 1024 * 1024): Promise<Buffer> {
    return this.retryingBody(() => this.getBlobOnce(repo, digest, maxBytes));
  }

  private async getBlobOnce(repo: RepoRef, digest: string, maxBytes: number): Promise<Buffer> {
    const where = `${repoName(repo)}@${digest}`;
    const res = await this.transport(repo.registry).request({
      method: 'GET',
      path: `/v2/${repo.repository}/blobs/${digest}`,
      scopes: pull(repo),
      operation: 'GET blob',
      reference: where,
    });
    const bytes = await readLimited(res, maxBytes, where);
    if (sha256Digest(bytes) !== digest)
      throw new BydigestError('DIGEST_MISMATCH', `GET blob ${where}: content does not match its digest`, {
        reference: where,
      });
    return bytes;
  }

  /** Uploads a blob unless the repository has it (see BlobUploads). */
  uploadBlob(
    repo: RepoRef,
    blob: BlobSource,
    opts: { skipExistenceCheck?: boolean; mountFrom?: RepoRef } = {},
  ): Promise<'exists' | 'mounted' | 'uploaded'> {
    return this.uploads.upload(repo, blob, opts);
  }

  /**
   * Every tag of a repository, 1,000 a page, following the `Link` header (distribution, GHCR).
   * A registry whose pages never end (a `last` that loops) stops at a repeated page or at
   * `maxPages` with a REGISTRY error; a page that is not a tag list is a REGISTRY error. A
   * repository the registry does not know is [] unless `missing: 'error'` (then NOT_FOUND).
   */
  async listTags(repo: RepoRef, opts: { missing?: 'empty' | 'error'; maxPages?: number } = {}): Promise<string[]> {
    const tags: string[] = [];
    const where = repoName(repo);
    const maxPages = opts.maxPages ?? 10_000;
    const seen = new Set<string>();
    let path: string | undefined = `/v2/${repo.repository}/tags/list?n=1000`;
    for (let page = 1; path; page++) {
      if (seen.has(path) || page > maxPages) {
        throw new BydigestError(
          'REGISTRY',
          `the tag list of ${where} does not end: page ${page} ${seen.has(path) ? `asks again for ${path}` : `exceeds the bound of ${maxPages} pages`} (a \`last\` that loops); stopped after ${tags.length} tags`,
          {
            operation: 'list tags',
            reference: where,
            hint: 'the registry paginates its tags/list wrongly; report it to the registry operator',
          },
        );
      }
      seen.add(path);
      const { status, body, next } = await this.retryingBody(() => this.tagPage(repo, path as string));
      if (status === 404) {
        if (opts.missing === 'error') {
          throw new BydigestError(
            'NOT_FOUND',
            `${where}: the registry has no such repository (tags/list answered HTTP 404)`,
            {
              operation: 'list tags',
              reference: where,
              status: 404,
              hint: 'check the repository name and that the credentials can read it',
            },
          );
        }
        return tags;
      }
      tags.push(...tagListEntries(body, where, page));
      path = next;
    }
    return tags;
  }

  private async tagPage(repo: RepoRef, path: string): Promise<{ status: number; body?: Buffer; next?: string }> {
    const where = repoName(repo);
    const res: HttpResponse = await this.transport(repo.registry).request({
      method: 'GET',
      path,
      scopes: pull(repo),
      operation: 'list tags',
      reference: where,
      accept: (s) => s === 200 || s === 404,
    });
    if (res.status === 404) {
      await res.body.dump();
      return { status: 404 };
    }
    const body = await readLimited(res, MAX_TAG_PAGE_BYTES, `${where} tags/list`);
    const next = nextPage(res);
    return next ? { status: 200, body, next } : { status: 200, body };
  }

  /**
   * The referrers API answer for a digest: the index bytes, or undefined when the registry
   * has no such API (distribution 2.8 answers 404 for the route). `next` is the path of the
   * following page when the registry paginates (a `Link` header, as the distribution spec allows);
   * `page` asks for such a path instead of the first.
   */
  async referrersApi(
    repo: RepoRef,
    digest: string,
    artifactType?: string,
    page?: string,
  ): Promise<(ManifestBytes & { next?: string }) | undefined> {
    const where = `${repoName(repo)}@${digest}`;
    let path = page ?? `/v2/${repo.repository}/referrers/${digest}`;
    if (artifactType && !page) path += `?artifactType=${encodeURIComponent(artifactType)}`;
    const res = await this.transport(repo.registry).request({
      method: 'GET',
      path,
      headers: { accept: 'application/vnd.oci.image.index.v1+json' },
      scopes: pull(repo),
      operation: 'GET referrers',
      reference: where,
      accept: (s) => s === 200 || s === 404 || s === 400 || s === 405,
    });
    if (
      res.status !== 200 ||
      !(res.headers['content-type'] ?? '').includes('application/vnd.oci.image.index.v1+json')
    ) {
      await res.body.dump();
      return undefined;
    }
    const bytes = await readLimited(res, MAX_MANIFEST_BYTES, where);
    const next = nextPage(res);
    const index = { bytes, mediaType: 'application/vnd.oci.image.index.v1+json', digest: sha256Digest(bytes) };
    return next ? { ...index, next } : index;
  }
}

/** The path of the next page a `Link: <…>; rel="next"` header names, on the same registry. */
function nextPage(res: HttpResponse): string | undefined {
  const link = /<([^>]+)>;\s*rel="?next"?/.exec(res.headers.link ?? '');
  if (!link) return undefined;
  const url = new URL(link[1] as string, res.url);
  return url.pathname + url.search;
}

/** A body cut short (a NETWORK error after the headers, or undici's own). */
function isBodyFailure(e: unknown): boolean {
  return (e instanceof BydigestError && e.code === 'NETWORK') || (!(e instanceof BydigestError) && isRetryableError(e));
}

// 1,000 tags of at most 128 characters, quoted, with room to spare.
const MAX_TAG_PAGE_BYTES = 1024 * 1024;

/** The `tags` of one tags/list page; anything else is the registry's fault, named. */
function tagListEntries(body: Buffer | undefined, where: string, page: number): string[] {
  let doc: unknown;
  try {
    doc = JSON.parse((body ?? Buffer.alloc(0)).toString('utf8'));
  } catch (e) {
    throw new BydigestError('REGISTRY', `tag list page ${page} of ${where} is not JSON: ${(e as Error).message}`, {
      operation: 'list tags',
      reference: where,
    });
  }
  const tags = (doc as { tags?: unknown } | null)?.tags;
  if (tags === undefined || tags === null) return [];
  if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) {
    throw new BydigestError(
      'REGISTRY',
      `tag list page ${page} of ${where} is malformed: "tags" is not a list of strings`,
      { operation: 'list tags', reference: where },
    );
  }
  return tags as string[];
}

function manifestRef(ref: ImageReference): string {
  if (ref.digest) return ref.digest;
  if (ref.tag) return ref.tag;
  throw new BydigestError('INVALID_REFERENCE', `${formatReference(ref)} has neither tag nor digest`);
}

async function readLimited(res: HttpResponse, max: number, where: string): Promise<Buffer> {
  const declared = Number(res.headers['content-length'] ?? NaN);
  if (declared > max) {
    await res.body.dump();
    throw new BydigestError('REGISTRY', `${where}: response of ${declared} bytes exceeds the ${max}-byte limit`);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of res.body) {
      total += (chunk as Buffer).length;
      if (total > max) {
        res.body.destroy();
        throw new BydigestError('REGISTRY', `${where}: response exceeds the ${max}-byte limit`);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (e) {
    if (e instanceof BydigestError) throw e;
    // undici's own error names neither the request nor the reference; NETWORK is retried (isBodyFailure).
    throw new BydigestError('NETWORK', `${where}: the body broke off after ${total} bytes: ${describeError(e)}`, {
      reference: where,
      cause: e,
    });
  }
  const bytes = Buffer.concat(chunks);
  if (!Number.isNaN(declared) && declared !== bytes.length) {
    throw new BydigestError('NETWORK', `${where}: body truncated (${bytes.length} of ${declared} bytes)`);
  }
  return bytes;
}
