// Benchmark inputs, written once under .cache/bench/fixtures and reused by later runs:
// OCI layouts of incompressible tar+gzip layers (streamed to disk, so a 1 GiB layout never
// sits in memory), a cosign key (scrypt N=65536, password set) and an SPDX document.
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { encryptCosignKey, publicKeyPem } from '@bydigest/core';
import { writeBigSpdx } from '../../packages/core/test/sbom/big-spdx.js';
import { tarHeader } from '../../test/harness/image.js';

export interface LayoutFixture {
  dir: string;
  digest: string;
  layers: number;
  /** Sum of the layer blob sizes (compressed, what goes over the wire). */
  bytes: number;
}

/** One file of `size` random bytes as a tar stream, in 1 MiB chunks. */
async function* tarOfRandom(name: string, size: number): AsyncGenerator<Buffer> {
  yield tarHeader(name, size);
  for (let left = size; left > 0;) {
    const n = Math.min(left, 1 << 20);
    yield randomBytes(n);
    left -= n;
  }
  yield Buffer.alloc(((512 - (size % 512)) % 512) + 1024);
}

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** Streams a gzip layer into blobs/sha256; returns its digest, size and diff_id. */
async function writeLayer(
  blobs: string,
  name: string,
  size: number,
): Promise<{ digest: string; size: number; diffId: string }> {
  const tmp = join(blobs, `.tmp-${name}`);
  const tarHash = createHash('sha256');
  const gzHash = createHash('sha256');
  let gzSize = 0;
  const tap = (hash: ReturnType<typeof createHash>, count?: (n: number) => void) =>
    new Transform({
      transform(chunk: Buffer, _enc, cb) {
        hash.update(chunk);
        count?.(chunk.length);
        cb(null, chunk);
      },
    });
  await pipeline(
    Readable.from(tarOfRandom(name, size)),
    tap(tarHash),
    createGzip({ level: 1 }),
    tap(gzHash, (n) => (gzSize += n)),
    createWriteStream(tmp),
  );
  const hex = gzHash.digest('hex');
  renameSync(tmp, join(blobs, hex));
  return { digest: `sha256:${hex}`, size: gzSize, diffId: `sha256:${tarHash.digest('hex')}` };
}

/**
 * An OCI image layout with one image manifest whose layers hold `sizes[i]` random bytes each.
 * Cached by name: a layout whose marker file exists is reused as is.
 */
export async function layoutFixture(root: string, name: string, sizes: number[]): Promise<LayoutFixture> {
  const dir = join(root, name);
  const marker = join(dir, '.bench-fixture.json');
  const spec = JSON.stringify(sizes);
  if (existsSync(marker)) {
    const saved = JSON.parse(readFileSync(marker, 'utf8')) as LayoutFixture & { spec: string };
    if (saved.spec === spec) return { dir, digest: saved.digest, layers: saved.layers, bytes: saved.bytes };
  }
  rmSync(dir, { recursive: true, force: true });
  const blobs = join(dir, 'blobs', 'sha256');
  mkdirSync(blobs, { recursive: true });
  const layers: { digest: string; size: number; diffId: string }[] = [];
  // Two at a time: the machine has two cores and gzip is the bottleneck.
  for (let i = 0; i < sizes.length; i += 2) {
    layers.push(...(await Promise.all(sizes.slice(i, i + 2).map((s, j) => writeLayer(blobs, `layer-${i + j}`, s)))));
  }
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { Labels: { 'org.opencontainers.image.title': `bydigest-bench-${name}` } },
      rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
      history: layers.map(() => ({ created_by: 'bydigest bench' })),
    }),
  );
  writeFileSync(join(blobs, sha256(config)), config);
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: `sha256:${sha256(config)}`,
        size: config.length,
      },
      layers: layers.map((l) => ({
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        digest: l.digest,
        size: l.size,
      })),
    }),
  );
  const digest = `sha256:${sha256(manifest)}`;
  writeFileSync(join(blobs, digest.slice(7)), manifest);
  writeFileSync(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  writeFileSync(
    join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest, size: manifest.length }],
    }),
  );
  const fixture: LayoutFixture = { dir, digest, layers: layers.length, bytes: layers.reduce((a, l) => a + l.size, 0) };
  writeFileSync(marker, JSON.stringify({ ...fixture, spec }));
  return fixture;
}

/** `count` layer sizes between lo and hi bytes, deterministic (a realistic spread, not all equal). */
export function spreadSizes(count: number, lo: number, hi: number): number[] {
  let a = 0x9e3779b9;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    a = (Math.imul(a ^ (a >>> 15), 0x2c1b3c6d) + 0x297a2d39) >>> 0;
    out.push(Math.round(lo + (a / 2 ** 32) * (hi - lo)));
  }
  return out;
}

export interface KeyFixture {
  keyFile: string;
  pubFile: string;
  password: string;
}

/** A cosign key file encrypted with scrypt N=65536 (cosign generate-key-pair's default), password set. */
export async function keyFixture(root: string): Promise<KeyFixture> {
  const dir = join(root, 'key-n65536');
  const keyFile = join(dir, 'cosign.key');
  const pubFile = join(dir, 'cosign.pub');
  const password = 'bydigest-bench-password';
  if (!existsSync(keyFile) || !existsSync(pubFile)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    writeFileSync(keyFile, await encryptCosignKey(privateKey, password, { N: 65536 }), { mode: 0o600 });
    writeFileSync(pubFile, publicKeyPem(publicKey));
  }
  return { keyFile, pubFile, password };
}

export interface SpdxFixture {
  dir: string;
  file: string;
  name: string;
  size: number;
}

/** An SPDX 2.3 JSON document of about `bytes`, shaped like syft's output for a bootc image. */
export async function spdxFixture(root: string, bytes: number): Promise<SpdxFixture> {
  const dir = join(root, `spdx-${bytes}`);
  const name = 'sbom.spdx.json';
  const file = join(dir, name);
  const marker = join(dir, '.size');
  if (!existsSync(marker)) {
    mkdirSync(dir, { recursive: true });
    const r = await writeBigSpdx(file, bytes);
    writeFileSync(marker, String(r.size));
  }
  return { dir, file, name, size: Number(readFileSync(marker, 'utf8')) };
}
