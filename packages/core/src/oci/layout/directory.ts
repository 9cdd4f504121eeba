import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BydigestError } from '../../errors.js';
import { fileChunks } from '../../util/file-chunks.js';
import { digestHex } from '../digest.js';
import { missingBlob, verifiedBlob, type BlobChunkOptions, type LayoutSource } from './source.js';

/** An OCI image layout directory (`oci:DIR`): blobs are files under blobs/sha256. */
export class DirectoryLayout implements LayoutSource {
  readonly description: string;
  constructor(private readonly dir: string) {
    this.description = `oci:${dir}`;
  }

  private blobPath(digest: string): string {
    return join(this.dir, 'blobs', 'sha256', digestHex(digest));
  }

  async readIndex(): Promise<Buffer> {
    try {
      return await readFile(join(this.dir, 'index.json'));
    } catch {
      throw new BydigestError('LAYOUT', `${this.description}: index.json is missing`, {
        hint: 'is this an OCI image layout (skopeo copy … oci:DIR)?',
      });
    }
  }

  async blobSize(digest: string): Promise<number> {
    try {
      return (await stat(this.blobPath(digest))).size;
    } catch {
      throw missingBlob(this.description, digest);
    }
  }

  async readBlob(digest: string): Promise<Buffer> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.blobPath(digest));
    } catch {
      throw missingBlob(this.description, digest);
    }
    return verifiedBlob(this.description, digest, bytes);
  }

  blobChunks(digest: string, opts?: BlobChunkOptions): AsyncIterable<Uint8Array> {
    return fileChunks(this.blobPath(digest), 0, Number.POSITIVE_INFINITY, opts);
  }

  async close(): Promise<void> {}
}
