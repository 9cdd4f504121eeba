/**
 * An in-memory RegistryClient for unit tests of an action's glue (its `run`): manifests, tags and
 * blobs in maps, no HTTP, no referrers API (so referrers go through the fallback tag, as on
 * distribution 2.8). Never an interop test: those run against the real docker-registry.
 */
import { Readable } from 'node:stream';
import {
  BydigestError,
  formatReference,
  RegistryClient,
  sha256Digest,
  type BlobSource,
  type ImageReference,
  type ManifestBytes,
  type RepoRef,
} from '@bydigest/core';

interface Repository {
  manifests: Map<string, ManifestBytes>;
  tags: Map<string, string>;
  blobs: Map<string, Buffer>;
}

export class MemoryRegistry extends RegistryClient {
  private readonly repos = new Map<string, Repository>();
  /** Every write (PUT manifest, blob upload, DELETE), in order: "PUT ghcr.io/o/img:tag". */
  readonly writes: string[] = [];
  closed = false;

  private repo(r: RepoRef): Repository {
    const key = `${r.registry}/${r.repository}`;
    let repo = this.repos.get(key);
    if (!repo) this.repos.set(key, (repo = { manifests: new Map(), tags: new Map(), blobs: new Map() }));
    return repo;
  }

  private resolve(ref: ImageReference): ManifestBytes | undefined {
    const repo = this.repo(ref);
    const digest = ref.digest ?? (ref.tag !== undefined ? repo.tags.get(ref.tag) : undefined);
    return digest === undefined ? undefined : repo.manifests.get(digest);
  }

  /** Stores a manifest (and tags it), as a push would; not counted as a write. */
  seedManifest(ref: ImageReference, manifest: { bytes: Buffer; mediaType: string }): string {
    const digest = sha256Digest(manifest.bytes);
    const repo = this.repo(ref);
    repo.manifests.set(digest, { ...manifest, digest });
    if (ref.tag !== undefined) repo.tags.set(ref.tag, digest);
    return digest;
  }

  seedBlob(repo: RepoRef, bytes: Buffer): string {
    const digest = sha256Digest(bytes);
    this.repo(repo).blobs.set(digest, bytes);
    return digest;
  }

  tagsOf(repo: RepoRef): Map<string, string> {
    return new Map(this.repo(repo).tags);
  }

  override transport(): never {
    throw new Error('MemoryRegistry has no HTTP transport');
  }

  override async close(): Promise<void> {
    this.closed = true;
  }

  override async headManifest(
    ref: ImageReference,
  ): Promise<{ digest: string; mediaType: string; size: number } | undefined> {
    const m = this.resolve(ref);
    return m && { digest: m.digest, mediaType: m.mediaType, size: m.bytes.length };
  }

  override async getManifest(ref: ImageReference): Promise<ManifestBytes> {
    const m = this.resolve(ref);
    if (!m)
      throw new BydigestError('NOT_FOUND', `GET manifest ${formatReference(ref)}: not found (HTTP 404)`, {
        status: 404,
        reference: formatReference(ref),
      });
    return m;
  }

  override async getManifestIfExists(ref: ImageReference): Promise<ManifestBytes | undefined> {
    return this.resolve(ref);
  }

  override async putManifest(
    ref: ImageReference,
    manifest: { bytes: Buffer; mediaType: string },
  ): Promise<{ digest: string; subject?: string }> {
    const digest = sha256Digest(manifest.bytes);
    if (ref.digest && ref.digest !== digest)
      throw new BydigestError('DIGEST_MISMATCH', `PUT manifest ${formatReference(ref)}: the bytes hash to ${digest}`);
    this.writes.push(`PUT ${formatReference(ref)}`);
    this.seedManifest(ref, manifest);
    return { digest };
  }

  override async deleteManifest(ref: ImageReference & { digest: string }): Promise<void> {
    this.writes.push(`DELETE ${formatReference(ref)}`);
    const repo = this.repo(ref);
    repo.manifests.delete(ref.digest);
    for (const [tag, d] of repo.tags) if (d === ref.digest) repo.tags.delete(tag);
  }

  override async headBlob(repo: RepoRef, digest: string): Promise<number | undefined> {
    return this.repo(repo).blobs.get(digest)?.length;
  }

  override async openBlob(repo: RepoRef, digest: string): Promise<Readable> {
    return Readable.from([await this.getBlob(repo, digest)]);
  }

  override async getBlob(repo: RepoRef, digest: string): Promise<Buffer> {
    const b = this.repo(repo).blobs.get(digest);
    if (!b)
      throw new BydigestError(
        'NOT_FOUND',
        `GET blob ${repo.registry}/${repo.repository}@${digest}: not found (HTTP 404)`,
        { status: 404 },
      );
    return b;
  }

  override async uploadBlob(
    repo: RepoRef,
    blob: BlobSource,
    opts: { skipExistenceCheck?: boolean; mountFrom?: RepoRef } = {},
  ): Promise<'exists' | 'mounted' | 'uploaded'> {
    if (!opts.skipExistenceCheck && this.repo(repo).blobs.has(blob.digest)) return 'exists';
    const mounted = opts.mountFrom && this.repo(opts.mountFrom).blobs.get(blob.digest);
    this.writes.push(`BLOB ${repo.registry}/${repo.repository}@${blob.digest}`);
    if (mounted) {
      this.repo(repo).blobs.set(blob.digest, mounted);
      return 'mounted';
    }
    const chunks: Buffer[] = [];
    const body = blob.open();
    if (Buffer.isBuffer(body)) chunks.push(body);
    else for await (const c of body) chunks.push(Buffer.from(c));
    const bytes = Buffer.concat(chunks);
    if (sha256Digest(bytes) !== blob.digest)
      throw new BydigestError('DIGEST_MISMATCH', `upload ${blob.digest}: the bytes do not match`);
    this.repo(repo).blobs.set(blob.digest, bytes);
    return 'uploaded';
  }

  override async listTags(repo: RepoRef): Promise<string[]> {
    return [...this.repo(repo).tags.keys()].sort();
  }

  override async referrersApi(): Promise<ManifestBytes | undefined> {
    return undefined;
  }
}

/** A small single-platform image (config and one layer) at `repo:tag`; returns its digest reference. */
export function seedImage(
  registry: MemoryRegistry,
  repo: RepoRef & { tag?: string },
  content = 'layer',
): ImageReference & { digest: string } {
  const config = Buffer.from(
    JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } }),
  );
  const layer = Buffer.from(content);
  const manifest = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: registry.seedBlob(repo, config),
      size: config.length,
    },
    layers: [
      {
        mediaType: 'application/vnd.oci.image.layer.v1.tar',
        digest: registry.seedBlob(repo, layer),
        size: layer.length,
      },
    ],
  };
  const digest = registry.seedManifest(
    { ...repo, tag: repo.tag ?? 'latest' },
    { bytes: Buffer.from(JSON.stringify(manifest)), mediaType: manifest.mediaType },
  );
  return { registry: repo.registry, repository: repo.repository, digest };
}
