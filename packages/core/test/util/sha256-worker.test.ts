import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SharedRings } from '../../src/util/file-chunks.js';
import { localDigest, sharedMemoryDigest, type ChunkDigest } from '../../src/util/sha256-worker.js';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Feeds `data` through a two-buffer shared ring, as the layer walk does: a buffer is refilled once read. */
async function digestThroughRing(digest: ChunkDigest, data: Buffer, chunk: number): Promise<string> {
  const ring = new SharedRings(2, chunk).take();
  const reading: Promise<void>[] = [];
  for (let off = 0, i = 0; off < data.length; off += chunk, i++) {
    if (reading.length >= 1) await reading.shift();
    const buf = ring[i % 2] as Buffer;
    const n = data.copy(buf, 0, off, off + chunk);
    const read = digest.update(buf.subarray(0, n));
    if (read) reading.push(read);
  }
  await digest.idle();
  return digest.hex();
}

describe('sha256 on a worker thread', () => {
  const data = randomBytes(3 * 1024 * 1024 + 17);

  it('gives the digest of the bytes, at every chunk size, while the ring is refilled', async () => {
    for (const chunk of [1, 4096, 65_537, 1024 * 1024]) {
      const part = chunk === 1 ? data.subarray(0, 3000) : data;
      expect(await digestThroughRing(sharedMemoryDigest(), part, chunk)).toBe(sha256(part));
    }
  });

  it('keeps digests taken at once apart', async () => {
    const other = randomBytes(2 * 1024 * 1024);
    const [a, b] = await Promise.all([
      digestThroughRing(sharedMemoryDigest(), data, 256 * 1024),
      digestThroughRing(sharedMemoryDigest(), other, 100_000),
    ]);
    expect([a, b]).toEqual([sha256(data), sha256(other)]);
  });

  it('agrees with the digest on this thread, and tells different bytes apart', async () => {
    const changed = Buffer.from(data);
    changed[changed.length - 1] ^= 1;
    expect(await digestThroughRing(localDigest(), data, 65_536)).toBe(sha256(data));
    expect(await digestThroughRing(sharedMemoryDigest(), changed, 65_536)).not.toBe(sha256(data));
  });

  it('refuses a chunk that is not shared memory (the worker could not read it in place)', () => {
    expect(() => sharedMemoryDigest().update(Buffer.alloc(16))).toThrow('not shared memory');
  });

  it('reuses a ring given back, so a GiB of layers does not pile up shared memory', () => {
    const rings = new SharedRings(3, 1024);
    const ring = rings.take();
    expect(ring.every((b) => b.buffer instanceof SharedArrayBuffer && b.length === 1024)).toBe(true);
    rings.give(ring);
    expect(rings.take()).toBe(ring);
    expect(rings.take()).not.toBe(ring);
  });

  it('does not keep the process alive once the digest is taken', () => {
    const module = join(dirname(fileURLToPath(import.meta.url)), '../../src/util/sha256-worker.ts');
    const script = `
      const { sharedMemoryDigest } = await import(${JSON.stringify(module)});
      const d = sharedMemoryDigest();
      const b = Buffer.from(new SharedArrayBuffer(5)); b.write('hello');
      await d.update(b);
      console.log(await d.hex());`;
    const started = Date.now();
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(sha256(Buffer.from('hello')));
    expect(r.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
