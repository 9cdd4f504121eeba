import { createHash } from 'node:crypto';
import { createGzip } from 'node:zlib';
import { tarHeader, type BuiltBlob, type BuiltManifest } from './image.js';

const sha = (b: Buffer | string) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

export interface BuiltLayer {
  /** The gzip-compressed layer. */
  gz: Buffer;
  /** sha256 of the uncompressed tar. */
  diffId: string;
}

/**
 * One gzip layer of `count` empty regular files whose paths are `nameLength` characters long,
 * spread over directories of 1,000 (as a bootc image's /usr is spread): the shape of an image
 * with hundreds of thousands of files, made in seconds. Headers are written in 1,000-entry
 * batches straight into the compressor; only the compressed layer is kept.
 */
export async function manyFilesLayer(count: number, nameLength: number): Promise<BuiltLayer> {
  const gzip = createGzip({ level: 1 });
  const out: Buffer[] = [];
  gzip.on('data', (b: Buffer) => out.push(b));
  const ended = new Promise<void>((resolve, reject) => {
    gzip.on('end', resolve);
    gzip.on('error', reject);
  });
  const diff = createHash('sha256');
  const write = async (b: Buffer) => {
    diff.update(b);
    if (!gzip.write(b)) await new Promise((r) => gzip.once('drain', r));
  };
  for (let d = 0; d * 1000 < count; d++) {
    const dir = `usr/share/bulk/d${String(d).padStart(4, '0')}/`;
    const batch: Buffer[] = [];
    for (let i = d * 1000; i < Math.min(count, (d + 1) * 1000); i++) {
      const file = `f${String(i).padStart(7, '0')}-`.padEnd(nameLength - dir.length, 'x');
      // ustar: the directory in the prefix field, the file name (≤ 100 bytes) in the name field.
      const h = tarHeader(file, 0);
      h.write(dir.slice(0, -1), 345, 155, 'utf8');
      h.fill(' ', 148, 156);
      let sum = 0;
      for (const c of h) sum += c;
      h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
      batch.push(h);
    }
    await write(Buffer.concat(batch));
  }
  await write(Buffer.alloc(1024));
  gzip.end();
  await ended;
  return { gz: Buffer.concat(out), diffId: `sha256:${diff.digest('hex')}` };
}

const blob = (bytes: Buffer): BuiltBlob => ({ digest: sha(bytes), size: bytes.length, bytes });

/** An OCI image (linux/amd64) of gzip layers, bottom first. */
export function imageOfLayers(layers: BuiltLayer[]): BuiltManifest {
  const config = blob(
    Buffer.from(
      JSON.stringify({
        architecture: 'amd64',
        os: 'linux',
        rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
        history: layers.map(() => ({ created_by: 'bydigest test' })),
      }),
    ),
  );
  const blobs = layers.map((l) => blob(l.gz));
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: config.digest, size: config.size },
      layers: blobs.map((l) => ({
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        digest: l.digest,
        size: l.size,
      })),
    }),
  );
  return {
    ...blob(manifest),
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config,
    layers: blobs,
    platform: { architecture: 'amd64', os: 'linux' },
  };
}
