import { open } from 'node:fs/promises';

/**
 * Reads `length` bytes of a file from `start` into a small ring of reused buffers. Streaming
 * a large SBOM or layer through fresh 1 MiB buffers leaves ~100 MB of garbage before V8
 * collects it; a ring keeps peak memory flat. Safe because the HTTP client pulls the next
 * chunk only after the socket drained the previous one (each chunk exceeds the socket's
 * high-water mark), and a buffer comes round again only `ring - 1` pulls later; the registry
 * checks the digest of what arrives in any case. `buffers`: the ring to read into, the caller's.
 */
export async function* fileChunks(
  path: string,
  start = 0,
  length = Number.POSITIVE_INFINITY,
  opts: { ring?: number; chunkSize?: number; buffers?: Buffer[] } = {},
): AsyncGenerator<Buffer> {
  const ring =
    opts.buffers ?? Array.from({ length: opts.ring ?? 8 }, () => Buffer.allocUnsafe(opts.chunkSize ?? 256 * 1024));
  const fh = await open(path, 'r');
  try {
    let pos = start;
    let left = length;
    for (let i = 0; left > 0; i++) {
      const buf = ring[i % ring.length] as Buffer;
      const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, left), pos);
      if (bytesRead === 0) return;
      pos += bytesRead;
      left -= bytesRead;
      yield buf.subarray(0, bytesRead);
    }
  } finally {
    await fh.close();
  }
}

/**
 * Rings of buffers in shared memory, so another thread can read a chunk in place (the layer
 * walk's digest), reused from file to file: a SharedArrayBuffer a worker has seen is freed only
 * once both threads have collected it, and a worker's small heap rarely collects, so a fresh ring
 * per layer piled up (~100 MB over a GiB of layers).
 */
export class SharedRings {
  private readonly idle: Buffer[][] = [];
  constructor(
    readonly count: number,
    readonly chunkSize: number,
  ) {}

  take(): Buffer[] {
    return (
      this.idle.pop() ?? Array.from({ length: this.count }, () => Buffer.from(new SharedArrayBuffer(this.chunkSize)))
    );
  }

  /** Only once nothing reads the ring any more, on any thread. */
  give(ring: Buffer[]): void {
    this.idle.push(ring);
  }
}
