// The generate-sbom benchmark's image: an OCI layout of many tar+gzip layers of semi-compressible
// files (hex text: gzip halves it, as it does a real /usr), one of which holds the rpm database
// and os-release, as in a rechunked bootc image. Streamed to disk once, reused by later runs.
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { tarHeader } from '../../test/harness/image.js';

export interface SbomImageFixture {
  dir: string;
  digest: string;
  layers: number;
  /** Index (0 = bottom) of the layer holding the rpm database and os-release. */
  dbLayer: number;
  /** Uncompressed bytes (what a flat export writes) and compressed bytes (the blobs). */
  tarBytes: number;
  blobBytes: number;
  packages: number;
}

export interface SbomImageSpec {
  layers: number;
  filesPerLayer: number;
  fileSize: number;
  dbLayer: number;
  /** The rpm database to place (a real rpmdb.sqlite). */
  rpmdb: string;
  packages: number;
  /** Random bytes (stored by gzip as they are) instead of hex text. */
  incompressible?: boolean;
}

export const FIXTURE_TAG = 'bench';

function pad(n: number): Buffer {
  return Buffer.alloc((512 - (n % 512)) % 512);
}

function symlinkHeader(name: string, target: string): Buffer {
  const h = tarHeader(name, 0);
  h.write('2', 156);
  h.write(target, 157, 100, 'utf8');
  h.fill(' ', 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

async function* layerTar(spec: SbomImageSpec, i: number): AsyncGenerator<Buffer> {
  if (i === 0) yield symlinkHeader('var/lib/rpm', '../../usr/lib/sysimage/rpm');
  for (let f = 0; f < spec.filesPerLayer; f++) {
    yield tarHeader(`usr/share/bench/layer-${i}/file-${f}`, spec.fileSize);
    for (let left = spec.fileSize; left > 0;) {
      const n = Math.min(left, 1 << 20);
      yield spec.incompressible ? randomBytes(n) : Buffer.from(randomBytes(n / 2).toString('hex'));
      left -= n;
    }
    yield pad(spec.fileSize);
  }
  if (i === spec.dbLayer) {
    const osRelease = Buffer.from(
      'NAME="Fedora Linux"\nID=fedora\nVERSION_ID=42\nPRETTY_NAME="Fedora Linux 42 (bench)"\n',
    );
    const db = readFileSync(spec.rpmdb);
    for (const [name, bytes] of [
      ['usr/lib/os-release', osRelease],
      ['usr/lib/sysimage/rpm/rpmdb.sqlite', db],
    ] as const) {
      yield tarHeader(name, bytes.length);
      yield bytes;
      yield pad(bytes.length);
    }
    yield symlinkHeader('etc/os-release', '../usr/lib/os-release');
  }
  yield Buffer.alloc(1024);
}

export async function sbomImageFixture(root: string, name: string, spec: SbomImageSpec): Promise<SbomImageFixture> {
  const dir = join(root, name);
  const marker = join(dir, '.bench-fixture.json');
  const key = JSON.stringify({ ...spec, rpmdb: undefined, tagged: FIXTURE_TAG });
  if (existsSync(marker)) {
    const saved = JSON.parse(readFileSync(marker, 'utf8')) as SbomImageFixture & { spec: string };
    if (saved.spec === key) return saved;
  }
  rmSync(dir, { recursive: true, force: true });
  const blobs = join(dir, 'blobs', 'sha256');
  mkdirSync(blobs, { recursive: true });
  const layers: { digest: string; size: number; diffId: string }[] = [];
  let tarBytes = 0;
  for (let i = 0; i < spec.layers; i++) {
    const tarHash = createHash('sha256');
    const gzHash = createHash('sha256');
    let gzSize = 0;
    const tap = (hash: ReturnType<typeof createHash>, count: (n: number) => void) =>
      new Transform({
        transform(chunk: Buffer, _enc, cb) {
          hash.update(chunk);
          count(chunk.length);
          cb(null, chunk);
        },
      });
    const tmp = join(blobs, `.tmp-${i}`);
    await pipeline(
      Readable.from(layerTar(spec, i)),
      tap(tarHash, (n) => (tarBytes += n)),
      createGzip({ level: 1 }),
      tap(gzHash, (n) => (gzSize += n)),
      createWriteStream(tmp),
    );
    const hex = gzHash.digest('hex');
    renameSync(tmp, join(blobs, hex));
    layers.push({ digest: `sha256:${hex}`, size: gzSize, diffId: `sha256:${tarHash.digest('hex')}` });
  }
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
    }),
  );
  const configHex = createHash('sha256').update(config).digest('hex');
  writeFileSync(join(blobs, configHex), config);
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: `sha256:${configHex}`,
        size: config.length,
      },
      layers: layers.map((l) => ({
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        digest: l.digest,
        size: l.size,
      })),
    }),
  );
  const manifestHex = createHash('sha256').update(manifest).digest('hex');
  writeFileSync(join(blobs, manifestHex), manifest);
  writeFileSync(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  // Tagged `bench` in the layout, for peers that take DIR:TAG (umoci).
  const entry = {
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    digest: `sha256:${manifestHex}`,
    size: manifest.length,
    annotations: { 'org.opencontainers.image.ref.name': FIXTURE_TAG },
  };
  writeFileSync(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [entry] }));
  const out: SbomImageFixture = {
    dir,
    digest: `sha256:${manifestHex}`,
    layers: spec.layers,
    dbLayer: spec.dbLayer,
    tarBytes,
    blobBytes: layers.reduce((a, l) => a + l.size, 0),
    packages: spec.packages,
  };
  writeFileSync(marker, JSON.stringify({ ...out, spec: key }));
  return out;
}
