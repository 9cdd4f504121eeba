import type { Writable } from 'node:stream';
import { BydigestError } from '../errors.js';
import type { Descriptor } from '../oci/types.js';
import { releaseBuffers } from '../util/release-buffers.js';
import { localDigest, sharedMemoryDigest, type ChunkDigest } from '../util/sha256-worker.js';
import { normalizeImagePath } from './image-path.js';
import { type Inflater, openInflater } from './inflate.js';
import { TarFormatError, TarScanner } from './tar-scanner.js';

export interface LayerEntry {
  /** Normalised (see normalizeImagePath). */
  path: string;
  type: 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';
  /** Symlink target as written; hard link target normalised. */
  linkname?: string;
  size: number;
}

/**
 * What to do with a member's content: skip it, or hand back a writable sink that receives it
 * (a spool file). Called in tar order; the body is never buffered here.
 */
export type EntryVisitor = (entry: LayerEntry) => Writable | undefined;

const GZIP = [0x1f, 0x8b];
const ZSTD = [0x28, 0xb5, 0x2f, 0xfd];
const startsWith = (b: Buffer, magic: number[]) => magic.every((m, i) => b[i] === m);

/**
 * The stored bytes of a layer, as chunks. A chunk may be a reused buffer (a read ring): it is
 * valid until the next one is asked for, so the walk hands each one on and waits until it is
 * consumed before asking again.
 */
export type LayerChunks = AsyncIterable<Uint8Array> & {
  destroy?: (e?: Error) => void;
  on?: (event: 'error', listener: (e: Error) => void) => unknown;
  /** Chunks come from a fixed ring; otherwise each is a fresh Buffer, garbage once consumed. */
  reusesBuffers?: boolean;
  /**
   * The size of the ring when its buffers are shared memory: the digest is then taken on a worker
   * thread, which must have read a chunk before the ring comes round to it.
   */
  sharedRing?: number;
  /** Gives the ring back: called once the walk and the digest are done with it. */
  release?: () => void;
};

/**
 * Streams one layer blob through digest check, decompression (gzip, zstd or none, told by the
 * bytes rather than the media type, which tools get wrong) and a tar parser. Throws a LAYER
 * error naming the layer (and member) when the tar is cut short or malformed, and
 * DIGEST_MISMATCH when the stored bytes are not the descriptor's: callers must drop what the
 * visitor kept from a layer that throws.
 */
export async function walkLayerTar(
  source: LayerChunks,
  layer: Descriptor,
  where: string,
  visit: EntryVisitor,
  signal?: AbortSignal,
): Promise<void> {
  // A response's errors reach the walk through its iterator; this keeps one that fails while
  // nobody iterates it (abandoned, below) from becoming an uncaught 'error' event.
  source.on?.('error', () => undefined);
  // Abandoned (the walk stopped above this layer): stop reading; the caller ignores the result.
  const onAbort = () => source.destroy?.();
  if (signal?.aborted) {
    onAbort();
    throw new Error('layer no longer needed');
  }
  signal?.addEventListener('abort', onAbort, { once: true });
  const chunks = source[Symbol.asyncIterator]();
  try {
    await walk(chunks, source.reusesBuffers === true, source.sharedRing, layer, where, visit, signal);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    // Closes the file (or the response) when the walk stops early.
    await chunks.return?.().catch(() => undefined);
    source.release?.();
  }
}

// Output chunks the size of the read ring's: what is in flight when a scavenge runs survives it
// until a full collection, so the chunk size sets how much memory waits for one.
const OUTPUT_CHUNK = 256 * 1024;

async function walk(
  it: AsyncIterator<Uint8Array>,
  reusesBuffers: boolean,
  sharedRing: number | undefined,
  layer: Descriptor,
  where: string,
  visit: EntryVisitor,
  signal?: AbortSignal,
): Promise<void> {
  const hash = sharedRing !== undefined ? sharedMemoryDigest() : localDigest();
  try {
    await walkHashed(it, reusesBuffers, sharedRing ?? Number.POSITIVE_INFINITY, hash, layer, where, visit, signal);
  } finally {
    // The ring is given back after this: nothing may still be reading it.
    await hash.idle();
    hash.drop();
  }
}

async function walkHashed(
  it: AsyncIterator<Uint8Array>,
  reusesBuffers: boolean,
  ring: number,
  hash: ChunkDigest,
  layer: Descriptor,
  where: string,
  visit: EntryVisitor,
  signal?: AbortSignal,
): Promise<void> {
  let size = 0;
  // Chunks a worker thread has yet to digest: the source's ring must not come round to one.
  const hashing: Promise<void>[] = [];
  const next = async (): Promise<IteratorResult<Uint8Array>> => {
    if (signal?.aborted) throw new Error('layer no longer needed');
    while (hashing.length >= ring - 1) await hashing.shift();
    const r = await it.next();
    if (!r.done) {
      const read = hash.update(r.value);
      if (read) {
        // Awaited when the ring comes round; a failure until then is the digest's to report.
        read.catch(() => undefined);
        hashing.push(read);
      }
      size += r.value.length;
      if (!reusesBuffers) releaseBuffers(r.value.length);
    }
    return r;
  };
  const digestMismatch = async (): Promise<BydigestError | undefined> => {
    const digest = `sha256:${await hash.hex()}`;
    if (digest === layer.digest && (layer.size === undefined || size === layer.size)) return undefined;
    return new BydigestError(
      'DIGEST_MISMATCH',
      `${where}: layer ${layer.digest}: content is ${digest} (${size} bytes), not what the manifest says (${layer.size} bytes)`,
      {
        operation: 'read layer',
        reference: layer.digest,
        hint: 'the stored blob is corrupt or was replaced; re-push the image',
      },
    );
  };
  // The first bytes tell the compression; they are copied (the source may reuse its buffer).
  const head: Buffer[] = [];
  let headLen = 0;
  let ended = false;
  while (headLen < 4 && !ended) {
    const r = await next();
    if (r.done) ended = true;
    else {
      head.push(Buffer.from(r.value));
      headLen += r.value.length;
    }
  }
  const first = Buffer.concat(head);
  const compression = startsWith(first, GZIP) ? 'gzip' : startsWith(first, ZSTD) ? 'zstd' : undefined;
  // The parser reads each decompressed chunk as it comes; a sink that asks to wait holds the
  // decompressor (and so the feed) back.
  const inflater: Inflater | undefined = compression
    ? openInflater(compression, OUTPUT_CHUNK, (out) => (tar.done ? undefined : tar.push(out)))
    : undefined;
  const tar: TarScanner = new TarScanner(
    (h) => {
      const entry: LayerEntry = { path: normalizeImagePath(h.name), type: h.type, size: h.size };
      if (entry.type === 'symlink') entry.linkname = h.linkname;
      if (entry.type === 'hardlink') entry.linkname = normalizeImagePath(h.linkname);
      const sink = visit(entry);
      return entry.type === 'file' ? sink : undefined;
    },
    inflater ? inflater.reusesOutput : reusesBuffers,
  );
  // Each chunk is handed on and consumed before the next is read, so the source can reuse its
  // buffers: a layer costs two read buffers and the decompressor's output, not a queue.
  const write = inflater
    ? (b: Buffer) => inflater.write(b)
    : async (b: Buffer) => {
        if (!tar.done) await tar.push(b);
      };
  let e: unknown;
  try {
    // One read ahead while the decompressor works on the current chunk (the source's ring
    // holds at least two buffers, so the one being read is never the one being consumed).
    let ahead = ended ? undefined : next();
    // Rejects when the walk is abandoned while the first chunk is written: awaited below, or dropped.
    ahead?.catch(() => undefined);
    if (first.length) await write(first);
    while (ahead) {
      const r = await ahead;
      if (r.done) break;
      ahead = next();
      ahead.catch(() => undefined);
      await write(Buffer.from(r.value.buffer, r.value.byteOffset, r.value.byteLength));
    }
    await inflater?.end();
    await tar.end();
  } catch (err) {
    e = err;
  } finally {
    inflater?.close();
  }
  if (e !== undefined) {
    tar.abort();
    if (e instanceof BydigestError) throw e;
    if (signal?.aborted) throw e as Error;
    // A parse error in a layer that is not the one the manifest names is a digest mismatch:
    // read the rest (bounded by the descriptor's size) to tell which.
    if (layer.size === undefined || size <= layer.size) {
      try {
        for (let r = await next(); !r.done && size <= (layer.size ?? 0); r = await next());
      } catch {
        // the source itself failed; report the parse error
      }
    }
    const mismatch = await digestMismatch().catch(() => undefined);
    if (mismatch) throw mismatch;
    const at = tar.member !== undefined ? `member ${JSON.stringify(tar.member)}` : 'between members';
    throw new BydigestError('LAYER', `${where}: layer ${layer.digest}: ${(e as Error).message} (${at})`, {
      operation: 'read layer',
      reference: layer.digest,
      hint: e instanceof TarFormatError ? e.hint : 'the layer is truncated or not a tar stream; re-push the image',
      cause: e,
    });
  }
  const mismatch = await digestMismatch();
  if (mismatch) throw mismatch;
}
