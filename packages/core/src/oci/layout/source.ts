import { BydigestError } from '../../errors.js';
import { sha256Digest } from '../digest.js';

/** Read access to the blobs of an OCI image layout, as a directory or an oci-archive tar. */
export interface LayoutSource {
  readonly description: string;
  readIndex(): Promise<Buffer>;
  blobSize(digest: string): Promise<number>;
  readBlob(digest: string): Promise<Buffer>;
  /**
   * The blob as chunks from a reused buffer ring (flat memory): a chunk is valid until `ring` more have been read.
   * `buffers`: the ring to read into, owned by the caller (shared memory a worker thread reads).
   */
  blobChunks(digest: string, opts?: BlobChunkOptions): AsyncIterable<Uint8Array>;
  close(): Promise<void>;
}

export interface BlobChunkOptions {
  ring?: number;
  chunkSize?: number;
  buffers?: Buffer[];
}

export function missingBlob(where: string, digest: string): BydigestError {
  return new BydigestError('LAYOUT', `${where}: blob ${digest} is missing`, {
    hint: 'the layout is incomplete; re-export it',
  });
}

/** A blob read whole is checked against its name: a layout on disk is not content-addressed storage. */
export function verifiedBlob(where: string, digest: string, bytes: Buffer): Buffer {
  if (sha256Digest(bytes) !== digest)
    throw new BydigestError('LAYOUT', `${where}: blob ${digest} does not match its digest`);
  return bytes;
}
