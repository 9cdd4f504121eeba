import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BuiltBlob {
  digest: string;
  size: number;
  bytes: Buffer;
}

export interface BuiltManifest extends BuiltBlob {
  mediaType: string;
  config?: BuiltBlob;
  layers: BuiltBlob[];
  platform?: { architecture: string; os: string };
}

const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const blob = (bytes: Buffer): BuiltBlob => ({ digest: sha(bytes), size: bytes.length, bytes });

/** A one-file tar, gzipped: real layers, so peers that look inside them are satisfied. */
export function tarGzLayer(name: string, content: Buffer): Buffer {
  return gzipSync(tarLayer(name, content), { level: 1 });
}

/** The ustar header of one regular file of `size` bytes (mode 0644, uid/gid 0, mtime 0). */
export function tarHeader(name: string, size: number): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0, 100, 'utf8');
  header.write('0000644\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  header.write('00000000000\0', 136);
  header.fill(' ', 148, 156);
  header.write('0', 156);
  header.write('ustar\0', 257);
  header.write('00', 263);
  let sum = 0;
  for (const b of header) sum += b;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return header;
}

/** A one-file tar (uncompressed): its digest is the layer's diff_id. */
function tarLayer(name: string, content: Buffer): Buffer {
  const header = tarHeader(name, content.length);
  const pad = Buffer.alloc((512 - (content.length % 512)) % 512);
  return Buffer.concat([header, content, pad, Buffer.alloc(1024)]);
}

export interface ImageSpec {
  /** Sizes of the random content of each layer. Default: two small layers. */
  layerSizes?: number[];
  architecture?: string;
  os?: string;
  /** Random layers unless a seed label is given (for reproducible digests). */
  label?: string;
  /** More labels in the config (as `buildah build --label` writes them). */
  labels?: Record<string, string>;
}

export function buildImage(spec: ImageSpec = {}): BuiltManifest {
  const sizes = spec.layerSizes ?? [512, 2048];
  // Incompressible content: the byte counts then mean what they say on the wire.
  const tars = sizes.map((n, i) =>
    tarLayer(`file-${i}`, spec.label ? seeded(`${spec.label}-${i}`, n) : randomBytes(n)),
  );
  const layers = tars.map((t) => blob(gzipSync(t, { level: 1 })));
  const architecture = spec.architecture ?? 'amd64';
  const os = spec.os ?? 'linux';
  const config = blob(
    Buffer.from(
      JSON.stringify({
        architecture,
        os,
        config: { Labels: { 'org.opencontainers.image.title': spec.label ?? 'bydigest-test', ...spec.labels } },
        // diff_ids name the uncompressed layers, as pullers that unpack them (crane validate, podman) check.
        rootfs: { type: 'layers', diff_ids: tars.map((t) => sha(t)) },
        history: layers.map(() => ({ created_by: 'bydigest test' })),
      }),
    ),
  );
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: config.digest, size: config.size },
      layers: layers.map((l) => ({
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
    layers,
    platform: { architecture, os },
  };
}

export function buildIndex(children: BuiltManifest[]): BuiltManifest {
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: children.map((c) => ({
        mediaType: c.mediaType,
        digest: c.digest,
        size: c.size,
        platform: c.platform,
      })),
    }),
  );
  return { ...blob(bytes), mediaType: 'application/vnd.oci.image.index.v1+json', layers: [] };
}

/** Every blob of a manifest (and of its children), for writing layouts or pushing. */
export function allBlobs(m: BuiltManifest, children: BuiltManifest[] = []): BuiltBlob[] {
  const out: BuiltBlob[] = [];
  for (const c of [...children, m]) {
    if (c.config) out.push(c.config);
    out.push(...c.layers, c);
  }
  return out;
}

/** Writes an OCI image layout; `refName` becomes the org.opencontainers.image.ref.name annotation. */
export function writeOciLayout(
  dir: string,
  m: BuiltManifest,
  opts: { refName?: string; children?: BuiltManifest[] } = {},
): string {
  mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true });
  for (const b of allBlobs(m, opts.children)) writeFileSync(join(dir, 'blobs', 'sha256', b.digest.slice(7)), b.bytes);
  writeFileSync(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  const entry: Record<string, unknown> = { mediaType: m.mediaType, digest: m.digest, size: m.size };
  if (opts.refName) entry.annotations = { 'org.opencontainers.image.ref.name': opts.refName };
  writeFileSync(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [entry] }));
  return dir;
}

/** Deterministic pseudo-random bytes (sha256 in counter mode), for reproducible digests. */
export function seeded(label: string, n: number): Buffer {
  const out = Buffer.alloc(n);
  for (let off = 0, i = 0; off < n; i++) {
    const h = createHash('sha256').update(`${label}:${i}`).digest();
    off += h.copy(out, off);
  }
  return out;
}
