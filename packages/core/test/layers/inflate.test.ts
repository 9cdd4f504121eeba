import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { gzipSync, zstdCompressSync } from 'node:zlib';
import { type Compression, handleWorks, openInflater } from '../../src/layers/inflate.js';

const pack = (kind: Compression, b: Buffer) => (kind === 'gzip' ? gzipSync(b, { level: 1 }) : zstdCompressSync(b));

/** Feeds `packed` in `inChunk` pieces; returns the output, copied as it comes (the buffer is reused). */
async function inflate(
  kind: Compression,
  packed: Buffer,
  use: 'native' | 'stream',
  opts: { inChunk?: number; outChunk?: number; slow?: boolean } = {},
): Promise<Buffer> {
  const parts: Buffer[] = [];
  const inflater = openInflater(
    kind,
    opts.outChunk ?? 4096,
    (out) => {
      const copy = Buffer.from(out);
      if (!opts.slow) {
        parts.push(copy);
        return undefined;
      }
      // The output must stay untouched until the wait resolves.
      return new Promise<void>((resolve) =>
        setTimeout(() => {
          expect(out.equals(copy)).toBe(true);
          parts.push(copy);
          resolve();
        }, 1),
      );
    },
    use,
  );
  try {
    const step = opts.inChunk ?? 1000;
    for (let at = 0; at < packed.length; at += step) await inflater.write(packed.subarray(at, at + step));
    await inflater.end();
  } finally {
    inflater.close();
  }
  return Buffer.concat(parts);
}

describe.each(['gzip', 'zstd'] as const)('openInflater (%s)', (kind) => {
  // A Node release whose native handle changed would silently fall back to the slower stream path.
  it('drives the native handle on this runtime', () => {
    expect(handleWorks(kind)).toBe(true);
  });

  it.each(['native', 'stream'] as const)('%s: inflates what was packed, whatever the chunk sizes', async (use) => {
    const plain = Buffer.concat([randomBytes(50_000), Buffer.alloc(200_000, 7), randomBytes(1234)]);
    const packed = pack(kind, plain);
    for (const [inChunk, outChunk] of [
      [7, 4096],
      [997, 512],
      [packed.length, 1 << 16],
    ] as const) {
      expect((await inflate(kind, packed, use, { inChunk, outChunk })).equals(plain)).toBe(true);
    }
  });

  it.each(['native', 'stream'] as const)('%s: holds the output while the consumer waits', async (use) => {
    const plain = randomBytes(40_000);
    expect((await inflate(kind, pack(kind, plain), use, { slow: true, outChunk: 1024 })).equals(plain)).toBe(true);
  });

  it.each(['native', 'stream'] as const)('%s: a stream cut short fails at the end', async (use) => {
    const packed = pack(kind, randomBytes(20_000));
    await expect(inflate(kind, packed.subarray(0, packed.length - 100), use)).rejects.toThrow();
  });

  it.each(['native', 'stream'] as const)('%s: bytes that are not the format fail', async (use) => {
    const packed = pack(kind, randomBytes(1000));
    const bad = Buffer.concat([packed.subarray(0, 4), Buffer.alloc(2000, 0xff)]);
    await expect(inflate(kind, bad, use)).rejects.toThrow();
  });

  it.each(['native', 'stream'] as const)("%s: the consumer's error is the write's", async (use) => {
    const inflater = openInflater(
      kind,
      1024,
      () => {
        throw new Error('not a tar stream');
      },
      use,
    );
    try {
      await expect(
        (async () => {
          await inflater.write(pack(kind, randomBytes(5000)));
          await inflater.end();
        })(),
      ).rejects.toThrow('not a tar stream');
    } finally {
      inflater.close();
    }
  });
});

it('gzip: members written one after another read as one stream, as Go and Node read them', async () => {
  const a = randomBytes(3000);
  const b = randomBytes(5000);
  for (const use of ['native', 'stream'] as const) {
    expect((await inflate('gzip', Buffer.concat([gzipSync(a), gzipSync(b)]), use)).equals(Buffer.concat([a, b]))).toBe(
      true,
    );
  }
});
