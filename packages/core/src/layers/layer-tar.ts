import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createZstdDecompress } from 'node:zlib';
import tar from 'tar-stream';
import { BydigestError } from '../errors.js';
import type { Descriptor } from '../oci/types.js';
import { releaseBuffers } from '../util/release-buffers.js';
import { normalizeImagePath } from './image-path.js';

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

/** Compressed bytes between two releases of spent buffers (see releaseBuffers). */
const RELEASE_EVERY = 8 * 1024 * 1024;

const GZIP = [0x1f, 0x8b];
const ZSTD = [0x28, 0xb5, 0x2f, 0xfd];
const startsWith = (b: Buffer, magic: number[]) => magic.every((m, i) => b[i] === m);

/**
 * Streams one layer blob through digest check, decompression (gzip, zstd or none, told by the
 * bytes rather than the media type, which tools get wrong) and a tar parser. Throws a LAYER
 * error naming the layer (and member) when the tar is cut short or malformed, and
 * DIGEST_MISMATCH when the stored bytes are not the descriptor's: callers must drop what the
 * visitor kept from a layer that throws.
 */
export async function walkLayerTar(source: Readable, layer: Descriptor, where: string, visit: EntryVisitor, signal?: AbortSignal): Promise<void> {
  // Abandoned (the walk stopped above this layer): stop reading; the caller ignores the result.
  const onAbort = () => source.destroy(new Error('layer no longer needed'));
  if (signal?.aborted) onAbort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await walk(source, layer, where, visit);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

async function walk(source: Readable, layer: Descriptor, where: string, visit: EntryVisitor): Promise<void> {
  const hash = createHash('sha256');
  let size = 0;
  let member: string | undefined;
  let sinceRelease = 0;
  const hashed = async function* (src: AsyncIterable<Buffer>) {
    for await (const chunk of src) {
      hash.update(chunk);
      size += chunk.length;
      // Compressed input here; about twice as much decompressed output follows it.
      sinceRelease += chunk.length;
      if (sinceRelease >= RELEASE_EVERY) {
        sinceRelease = 0;
        releaseBuffers();
      }
      yield chunk;
    }
  };
  const it = hashed(source)[Symbol.asyncIterator]();
  const digestMismatch = (): BydigestError | undefined => {
    const digest = `sha256:${hash.copy().digest('hex')}`;
    if (digest === layer.digest && (layer.size === undefined || size === layer.size)) return undefined;
    return new BydigestError('DIGEST_MISMATCH', `${where}: layer ${layer.digest}: content is ${digest} (${size} bytes), not what the manifest says (${layer.size} bytes)`, {
      operation: 'read layer',
      reference: layer.digest,
      hint: 'the stored blob is corrupt or was replaced; re-push the image',
    });
  };
  // The first chunk(s) tell the compression; they are put back in front of the rest.
  const head: Buffer[] = [];
  let headLen = 0;
  let done = false;
  while (headLen < 4 && !done) {
    const r = await it.next();
    if (r.done) done = true;
    else {
      head.push(r.value);
      headLen += r.value.length;
    }
  }
  const first = Buffer.concat(head);
  const rest = async function* () {
    if (first.length) yield first;
    if (done) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  };
  const stages: NodeJS.ReadWriteStream[] = [];
  // Large output chunks: the tar parser's cost is per chunk, not per byte.
  const chunkSize = 256 * 1024;
  if (startsWith(first, GZIP)) stages.push(createGunzip({ chunkSize }));
  else if (startsWith(first, ZSTD)) stages.push(createZstdDecompress({ chunkSize }));

  const extract = tar.extract();
  const consume = (async () => {
    for await (const e of extract) {
      const h = e.header;
      member = h.name;
      const entry: LayerEntry = { path: normalizeImagePath(h.name), type: entryType(h.type), size: h.size ?? 0 };
      if (entry.type === 'symlink') entry.linkname = h.linkname ?? '';
      if (entry.type === 'hardlink') entry.linkname = normalizeImagePath(h.linkname ?? '');
      const sink = visit(entry);
      if (sink && entry.type === 'file') await drainInto(e as AsyncIterable<Buffer>, sink);
      else e.resume();
      member = undefined;
    }
  })();
  consume.catch(() => undefined);
  try {
    // Byte mode with a 1 MiB buffer: object mode would queue 16 chunks of any size.
    const src = Readable.from(rest(), { objectMode: false, highWaterMark: 1 << 20 });
    const stage = stages[0];
    await Promise.all([stage ? pipeline(src, stage, extract) : pipeline(src, extract), consume]);
  } catch (e) {
    if (e instanceof BydigestError) throw e;
    // A parse error in a layer that is not the one the manifest names is a digest mismatch:
    // read the rest (bounded by the descriptor's size) to tell which.
    if (layer.size === undefined || size <= layer.size) {
      try {
        for (let r = await it.next(); !r.done && size <= (layer.size ?? 0); r = await it.next());
      } catch {
        // the source itself failed; report the parse error
      }
    }
    const mismatch = digestMismatch();
    if (mismatch) throw mismatch;
    const at = member ? `member ${JSON.stringify(member)}` : 'between members';
    throw new BydigestError('LAYER', `${where}: layer ${layer.digest}: ${(e as Error).message} (${at})`, {
      operation: 'read layer',
      reference: layer.digest,
      hint: 'the layer is truncated or not a tar stream; re-push the image',
      cause: e,
    });
  }
  const mismatch = digestMismatch();
  if (mismatch) throw mismatch;
}

function entryType(t: string | null | undefined): LayerEntry['type'] {
  switch (t) {
    case 'file':
    case 'contiguous-file':
      return 'file';
    case 'directory':
      return 'dir';
    case 'symlink':
      return 'symlink';
    case 'link':
      return 'hardlink';
    default:
      return 'other';
  }
}

/** Copies a tar member (a streamx stream) into a Node writable, honouring backpressure. */
async function drainInto(body: AsyncIterable<Buffer>, sink: Writable): Promise<void> {
  for await (const chunk of body) if (!sink.write(chunk)) await once(sink, 'drain');
  sink.end();
  await once(sink, 'finish');
}
