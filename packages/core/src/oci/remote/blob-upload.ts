// The blob upload protocol (distribution's POST → PUT upload session, with cross-repository
// mount), apart from the client that uses it.
import type { Readable } from 'node:stream';
import { BydigestError } from '../../errors.js';
import { done, retryAfter, withRetry } from './http/retry.js';
import type { RegistryTransport } from './http/transport.js';
import type { Scope } from './http/transport.js';
import type { RepoRef } from '../reference.js';
import { push, repoName } from './repo-scopes.js';

export interface BlobSource {
  digest: string;
  size: number;
  /** Opened anew for every attempt. */
  open: () => Buffer | Readable | AsyncIterable<Uint8Array>;
}

export type UploadOutcome = 'exists' | 'mounted' | 'uploaded';

export interface BlobUploadDeps {
  transport: (registry: string) => RegistryTransport;
  headBlob: (repo: RepoRef, digest: string) => Promise<number | undefined>;
  retries: number;
}

/** Failures another upload session cannot fix. */
const FINAL = new Set(['DIGEST_MISMATCH', 'UNAUTHORIZED', 'INVALID_ARGUMENT']);

export class BlobUploads {
  /** Blobs seen present (HEAD 200, upload, mount): no need to ask again. */
  private readonly known = new Set<string>();
  private readonly inFlight = new Map<string, Promise<UploadOutcome>>();

  constructor(private readonly deps: BlobUploadDeps) {}

  /**
   * Uploads a blob unless the repository has it (one HEAD). Callers in parallel (an index's
   * platforms, both signature formats) share one upload of the same blob: concurrent uploads
   * of one digest race inside distribution.
   */
  async upload(
    repo: RepoRef,
    blob: BlobSource,
    opts: { skipExistenceCheck?: boolean; mountFrom?: RepoRef } = {},
  ): Promise<UploadOutcome> {
    const key = `${repo.registry}/${repo.repository}@${blob.digest}`;
    if (this.known.has(key)) return 'exists';
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.uploadOnce(repo, blob, opts).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    const outcome = await pending;
    this.known.add(key);
    return outcome;
  }

  /**
   * A failed PUT on an upload session is not retried blindly: the blob may have landed, so
   * HEAD again, then start a new session. No wait between sessions: the transport already
   * backed off inside each request.
   */
  private async uploadOnce(
    repo: RepoRef,
    blob: BlobSource,
    opts: { skipExistenceCheck?: boolean; mountFrom?: RepoRef },
  ): Promise<UploadOutcome> {
    if (!opts.skipExistenceCheck && (await this.deps.headBlob(repo, blob.digest)) !== undefined) return 'exists';
    return withRetry({ retries: this.deps.retries, baseMs: 0, maxMs: 0 }, async (attempt) => {
      if (attempt > 0 && (await this.deps.headBlob(repo, blob.digest)) !== undefined) return done('uploaded' as const);
      const mounting =
        opts.mountFrom && attempt === 0 ? await this.tryMount(repo, blob.digest, opts.mountFrom) : undefined;
      if (mounting?.mounted) return done('mounted' as const);
      let location: string;
      if (mounting && !mounting.mounted) {
        location = mounting.location;
      } else {
        const started = await this.start(repo, blob.digest);
        if (started.mounted) return done('mounted' as const);
        location = started.location;
      }
      try {
        await this.finish(repo, location, blob);
        return done('uploaded' as const);
      } catch (e) {
        if (e instanceof BydigestError && FINAL.has(e.code)) throw e;
        return retryAfter(e);
      }
    });
  }

  /**
   * A refused mount is not an error: registries answer 202 with an upload session, or, with
   * token auth, 401 when the token may not pull from the other repository. Either way we
   * upload the blob ourselves. Undefined means "no session yet, start a plain one".
   */
  private async tryMount(
    repo: RepoRef,
    digest: string,
    from: RepoRef,
  ): Promise<{ mounted: true } | { mounted: false; location: string } | undefined> {
    try {
      return await this.start(repo, digest, from);
    } catch (e) {
      if (e instanceof BydigestError && e.code === 'UNAUTHORIZED' && e.status !== undefined) return undefined;
      throw e;
    }
  }

  private async start(
    repo: RepoRef,
    digest: string,
    mountFrom?: RepoRef,
  ): Promise<{ mounted: true } | { mounted: false; location: string }> {
    const where = repoName(repo);
    const scopes: Scope[] = push(repo);
    let path = `/v2/${repo.repository}/blobs/uploads/`;
    if (mountFrom) {
      scopes.push({ repository: mountFrom.repository, actions: ['pull'] });
      path += `?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(mountFrom.repository)}`;
    }
    const res = await this.deps.transport(repo.registry).request({
      method: 'POST',
      path,
      headers: { 'content-length': '0' },
      scopes,
      operation: mountFrom ? 'mount blob' : 'start blob upload',
      reference: `${where}@${digest}`,
      accept: (s) => s === 201 || s === 202,
    });
    await res.body.dump();
    if (res.status === 201 && mountFrom) return { mounted: true };
    const location = res.headers.location;
    if (!location)
      throw new BydigestError('REGISTRY', `start blob upload ${where}: no Location header`, {
        reference: where,
        status: res.status,
      });
    return { mounted: false, location: new URL(location, res.url).toString() };
  }

  private async finish(repo: RepoRef, location: string, blob: BlobSource): Promise<void> {
    const where = `${repoName(repo)}@${blob.digest}`;
    const url = new URL(location);
    url.searchParams.set('digest', blob.digest);
    const res = await this.deps.transport(repo.registry).request({
      method: 'PUT',
      path: url.toString(),
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(blob.size) },
      body: blob.open,
      scopes: push(repo),
      operation: 'PUT blob',
      reference: where,
      accept: (s) => s === 201,
      retry: false,
    });
    await res.body.dump();
    const stored = res.headers['docker-content-digest'];
    if (stored && stored !== blob.digest)
      throw new BydigestError('DIGEST_MISMATCH', `PUT blob ${where}: registry stored ${stored}`, { reference: where });
  }
}
