import type { Writable } from 'node:stream';
import { constants, createGunzip, createZstdDecompress, gzipSync, zstdCompressSync } from 'node:zlib';
import { releaseBuffers } from '../util/release-buffers.js';

export type Compression = 'gzip' | 'zstd';

/**
 * Takes one output chunk. The chunk is only valid until the call returns, or until the promise it
 * returns resolves (the inflater reuses the buffer for the next output).
 */
export type OnOutput = (chunk: Buffer) => Promise<void> | undefined;

/** A layer's decompressor, fed chunk by chunk; each write resolves once its input is consumed. */
export interface Inflater {
  /** Output chunks share one buffer: what a consumer keeps past OnOutput's wait must be copied. */
  readonly reusesOutput: boolean;
  write(input: Buffer): Promise<void>;
  /** No more input: flushes, and fails when the compressed stream was cut short. */
  end(): Promise<void>;
  close(): void;
}

/**
 * Opens a decompressor that inflates into one reused output buffer on the thread pool. zlib's
 * stream API allocates a fresh buffer for every output chunk and passes it through a readable
 * queue: at a GiB of layers that was most of the walk's garbage, page faults and time (the
 * bottom-layer benchmark, docs/benchmarks.md). The native handle behind the stream is driven
 * directly; a runtime whose handle does not behave as probed gets the stream API instead.
 */
export function openInflater(
  kind: Compression,
  chunkSize: number,
  onOutput: OnOutput,
  use: 'native' | 'stream' = 'native',
): Inflater {
  return use === 'native' && handleWorks(kind)
    ? new HandleInflater(kind, chunkSize, onOutput)
    : new StreamInflater(kind, chunkSize, onOutput);
}

/** The native handle is usable on this runtime (a test pins this, so a Node change is seen). */
export function handleWorks(kind: Compression): boolean {
  return (probed[kind] ??= probe(kind));
}

// The native handle's interface (node/src/node_zlib.cc): write(flush, in, inOff, inLen, out,
// outOff, outLen) runs on the thread pool and reports through the callback given to init, with
// the bytes of output and input left in the shared state array.
interface NativeHandle {
  init(...args: unknown[]): void;
  write(flush: number, input: Buffer, inOff: number, inLen: number, out: Buffer, outOff: number, outLen: number): void;
  writeSync(
    flush: number,
    input: Buffer,
    inOff: number,
    inLen: number,
    out: Buffer,
    outOff: number,
    outLen: number,
  ): void;
  close(): void;
  onerror?: (message: string, errno: number, code?: string) => void;
}
type HandleClass = new (mode?: number) => NativeHandle;

const FLUSH = {
  gzip: { more: constants.Z_NO_FLUSH, finish: constants.Z_FINISH },
  zstd: { more: constants.ZSTD_e_continue, finish: constants.ZSTD_e_end },
};

const probed: Partial<Record<Compression, boolean>> = {};

function handleClass(kind: Compression): HandleClass | undefined {
  const stream = kind === 'gzip' ? createGunzip() : createZstdDecompress();
  const handle = (stream as unknown as { _handle?: { constructor?: unknown } })._handle;
  stream.close();
  return typeof handle?.constructor === 'function' ? (handle.constructor as HandleClass) : undefined;
}

function newHandle(kind: Compression, state: Uint32Array, done: () => void): NativeHandle {
  const Class = handleClass(kind);
  if (!Class) throw new Error('no native zlib handle');
  if (kind === 'gzip') {
    const handle = new Class(constants.GUNZIP);
    handle.init(15, constants.Z_DEFAULT_COMPRESSION, 8, constants.Z_DEFAULT_STRATEGY, state, done, undefined);
    return handle;
  }
  const handle = new Class();
  // Every decompression parameter unset (-1), as Node's ZstdDecompress passes them.
  const maxParam = Math.max(
    ...Object.entries(constants).map(([k, v]) => (k.startsWith('ZSTD_d_') ? (v as number) : 0)),
  );
  handle.init(new Uint32Array(maxParam + 1).fill(-1), undefined, state, done, undefined);
  return handle;
}

/** Inflates a small known payload through the handle, synchronously, and compares. */
function probe(kind: Compression): boolean {
  try {
    const plain = Buffer.from('bydigest probes the native inflater '.repeat(64));
    const packed = kind === 'gzip' ? gzipSync(plain) : zstdCompressSync(plain);
    const state = new Uint32Array(2);
    const handle = newHandle(kind, state, () => undefined);
    let failed = false;
    handle.onerror = () => {
      failed = true;
    };
    const out = Buffer.alloc(plain.length * 2);
    handle.writeSync(FLUSH[kind].finish, packed, 0, packed.length, out, 0, out.length);
    handle.close();
    const produced = out.length - state[0]!;
    return !failed && state[1] === 0 && out.subarray(0, produced).equals(plain);
  } catch {
    return false;
  }
}

class HandleInflater implements Inflater {
  readonly reusesOutput = true;
  private readonly state = new Uint32Array(2);
  private readonly out: Buffer;
  private readonly handle: NativeHandle;
  private readonly flush: { more: number; finish: number };
  private step: { resolve: () => void; reject: (e: Error) => void } | undefined;
  private failure: Error | undefined;
  private closed = false;

  constructor(
    kind: Compression,
    chunkSize: number,
    private readonly onOutput: OnOutput,
  ) {
    this.out = Buffer.allocUnsafe(chunkSize);
    this.flush = FLUSH[kind];
    this.handle = newHandle(kind, this.state, () => this.step?.resolve());
    // On an error the native side calls this instead of the write callback.
    this.handle.onerror = (message, errno, code) => {
      this.failure = Object.assign(new Error(message), { errno, code });
      this.step?.reject(this.failure);
    };
  }

  write(input: Buffer): Promise<void> {
    return this.run(this.flush.more, input);
  }

  end(): Promise<void> {
    return this.run(this.flush.finish, Buffer.alloc(0));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    // Waits on the native side for a write in flight, which then reports to nobody.
    this.handle.close();
  }

  private async run(flush: number, input: Buffer): Promise<void> {
    let offset = 0;
    let left = input.length;
    for (;;) {
      if (this.failure) throw this.failure;
      if (this.closed) throw new Error('the decompressor was closed');
      await new Promise<void>((resolve, reject) => {
        this.step = { resolve, reject };
        this.handle.write(flush, input, offset, left, this.out, 0, this.out.length);
      });
      this.step = undefined;
      const outLeft = this.state[0]!;
      const inLeft = this.state[1]!;
      offset += left - inLeft;
      left = inLeft;
      const produced = this.out.length - outLeft;
      if (produced > 0) {
        const wait = this.onOutput(this.out.subarray(0, produced));
        if (wait) await wait;
      }
      // Room left in the output: the decompressor wants more input, or its stream ended (input
      // after the end is ignored, as Node's streams do).
      if (outLeft !== 0) return;
    }
  }
}

/** Node's stream API: a fresh buffer per output chunk, released as it is spent. */
class StreamInflater implements Inflater {
  readonly reusesOutput = false;
  private readonly stream: Writable & AsyncIterable<Buffer>;
  private readonly consumed: Promise<void>;
  private failure: Error | undefined;

  constructor(kind: Compression, chunkSize: number, onOutput: OnOutput) {
    const stream = kind === 'gzip' ? createGunzip({ chunkSize }) : createZstdDecompress({ chunkSize });
    this.stream = stream;
    this.stream.on('error', (e: Error) => {
      this.failure ??= e;
    });
    this.consumed = (async () => {
      for await (const out of stream as AsyncIterable<Buffer>) {
        releaseBuffers(out.length);
        try {
          const wait = onOutput(out);
          if (wait) await wait;
        } catch (e) {
          // Set before leaving the loop destroys the stream, so the pending write reports it.
          this.failure ??= e as Error;
          throw e;
        }
      }
    })();
    this.consumed.catch(() => undefined);
  }

  write(input: Buffer): Promise<void> {
    return new Promise((resolve, reject) => {
      // A decompressor that fails mid-chunk never calls back; its close rejects instead.
      const closed = () => reject(this.failure ?? new Error('the decompressor stopped'));
      this.stream.once('close', closed);
      this.stream.write(input, (e) => {
        this.stream.off('close', closed);
        if (e) reject(this.failure ?? e);
        else resolve();
      });
    });
  }

  async end(): Promise<void> {
    this.stream.end();
    await this.consumed;
    if (this.failure) throw this.failure;
  }

  close(): void {
    this.stream.destroy();
  }
}
