import { createHash } from 'node:crypto';
import { gzipSync, zstdCompressSync } from 'node:zlib';
import tar from 'tar-stream';
import type { BuiltBlob, BuiltManifest } from './image.js';

/** One tar member of a test layer. */
export type TarMember =
  | { name: string; content: Buffer | string }
  | { name: string; dir: true }
  | { name: string; symlink: string }
  | { name: string; hardlink: string };

const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const blob = (bytes: Buffer): BuiltBlob => ({ digest: sha(bytes), size: bytes.length, bytes });

/** A real tar (tar-stream's writer: ustar, pax for long names), members in the order given. */
export async function tarOf(members: TarMember[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const c of pack) chunks.push(c as Buffer);
  })();
  for (const m of members) {
    await new Promise<void>((resolve, reject) => {
      const cb = (e?: Error | null) => (e ? reject(e) : resolve());
      if ('content' in m) pack.entry({ name: m.name, mode: 0o644, mtime: new Date(0) }, Buffer.from(m.content), cb);
      else if ('dir' in m) pack.entry({ name: m.name, type: 'directory', mode: 0o755, mtime: new Date(0) }, cb);
      else if ('symlink' in m)
        pack.entry({ name: m.name, type: 'symlink', linkname: m.symlink, mtime: new Date(0) }, cb);
      else pack.entry({ name: m.name, type: 'link', linkname: m.hardlink, mtime: new Date(0) }, cb);
    });
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

export type Compression = 'gzip' | 'zstd' | 'none';

const LAYER_TYPES: Record<Compression, string> = {
  gzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  zstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
  none: 'application/vnd.oci.image.layer.v1.tar',
};

/** An OCI image of the given tars, bottom layer first, each compressed as asked. */
export function imageOfTars(
  tars: { tar: Buffer; compression?: Compression }[],
  opts: { architecture?: string } = {},
): BuiltManifest {
  const layers = tars.map(({ tar: t, compression = 'gzip' }) => ({
    ...blob(compression === 'gzip' ? gzipSync(t, { level: 1 }) : compression === 'zstd' ? zstdCompressSync(t) : t),
    mediaType: LAYER_TYPES[compression],
  }));
  const architecture = opts.architecture ?? 'amd64';
  const config = blob(
    Buffer.from(
      JSON.stringify({
        architecture,
        os: 'linux',
        rootfs: { type: 'layers', diff_ids: tars.map((t) => sha(t.tar)) },
        history: tars.map(() => ({ created_by: 'bydigest test' })),
      }),
    ),
  );
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: config.digest, size: config.size },
      layers: layers.map((l) => ({ mediaType: l.mediaType, digest: l.digest, size: l.size })),
    }),
  );
  return {
    ...blob(manifest),
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config,
    layers,
    platform: { architecture, os: 'linux' },
  };
}
