import { open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BydigestError } from '../errors.js';
import { fileChunks } from '../util/file-chunks.js';
import { digestHex, sha256Digest } from './digest.js';
import { assertManifestMediaType, detectManifestMediaType } from './manifest.js';
import type { Descriptor, ImageIndex, ManifestBytes } from './types.js';

/** Read access to the blobs of an OCI image layout, as a directory or an oci-archive tar. */
export interface LayoutSource {
  readonly description: string;
  readIndex(): Promise<Buffer>;
  blobSize(digest: string): Promise<number>;
  readBlob(digest: string): Promise<Buffer>;
  /** The blob as chunks from a reused buffer ring (flat memory): a chunk is valid until `ring` more have been read. */
  blobChunks(digest: string, opts?: { ring?: number; chunkSize?: number }): AsyncIterable<Uint8Array>;
  close(): Promise<void>;
}

const REF_NAME = 'org.opencontainers.image.ref.name';

/**
 * `oci:DIR[:REF]` / `oci-archive:FILE[:REF]` → source and reference, as containers/image
 * spells them. The path may contain colons only when a REF follows.
 */
export function parseLayoutTransport(
  value: string,
): { kind: 'oci' | 'oci-archive'; path: string; ref?: string } | undefined {
  const m = /^(oci|oci-archive):(.+)$/.exec(value);
  if (!m) return undefined;
  const kind = m[1] as 'oci' | 'oci-archive';
  const rest = m[2] as string;
  const colon = rest.lastIndexOf(':');
  if (colon > 0 && !rest.slice(colon + 1).includes('/'))
    return { kind, path: rest.slice(0, colon), ref: rest.slice(colon + 1) };
  return { kind, path: rest };
}

export async function openLayout(kind: 'oci' | 'oci-archive', path: string): Promise<LayoutSource> {
  let st;
  try {
    st = await stat(path);
  } catch {
    throw new BydigestError('LAYOUT', `${kind}:${path}: no such ${kind === 'oci' ? 'directory' : 'file'}`, {
      hint:
        kind === 'oci'
          ? 'point `source` at the directory holding oci-layout and index.json'
          : 'point `source` at the .tar file',
    });
  }
  if (kind === 'oci') {
    if (!st.isDirectory())
      throw new BydigestError('LAYOUT', `oci:${path} is not a directory`, { hint: 'use oci-archive: for a tar file' });
    return new DirectoryLayout(path);
  }
  if (!st.isFile()) throw new BydigestError('LAYOUT', `oci-archive:${path} is not a file`);
  return TarLayout.open(path);
}

/** The manifest a layout's index.json names: by `ref.name` annotation, or its only entry. */
export async function selectLayoutManifest(
  layout: LayoutSource,
  ref?: string,
): Promise<ManifestBytes & { descriptor: Descriptor }> {
  let index: ImageIndex;
  try {
    index = JSON.parse((await layout.readIndex()).toString('utf8')) as ImageIndex;
  } catch (e) {
    if (e instanceof BydigestError) throw e;
    throw new BydigestError('LAYOUT', `${layout.description}: index.json is not valid JSON`);
  }
  const entries = Array.isArray(index.manifests) ? index.manifests : [];
  let chosen: Descriptor | undefined;
  if (ref !== undefined) {
    chosen = entries.find((d) => d.annotations?.[REF_NAME] === ref);
    if (!chosen) {
      const names = entries.map((d) => d.annotations?.[REF_NAME]).filter(Boolean);
      throw new BydigestError(
        'LAYOUT',
        `${layout.description}: no manifest named ${JSON.stringify(ref)} in index.json`,
        {
          hint: names.length ? `it has: ${names.join(', ')}` : 'its index.json names no manifests',
        },
      );
    }
  } else if (entries.length === 1) {
    chosen = entries[0];
  } else {
    throw new BydigestError(
      'LAYOUT',
      `${layout.description}: index.json lists ${entries.length} manifests; say which one with :REF`,
      {
        hint: 'e.g. oci:DIR:latest',
      },
    );
  }
  const d = chosen as Descriptor;
  const bytes = await layout.readBlob(d.digest);
  const mediaType = detectManifestMediaType(bytes) ?? d.mediaType;
  assertManifestMediaType(mediaType, layout.description);
  return { bytes, mediaType, digest: d.digest, descriptor: d };
}

class DirectoryLayout implements LayoutSource {
  readonly description: string;
  constructor(private readonly dir: string) {
    this.description = `oci:${dir}`;
  }

  private blobPath(digest: string): string {
    return join(this.dir, 'blobs', 'sha256', digestHex(digest));
  }

  async readIndex(): Promise<Buffer> {
    try {
      return await readFile(join(this.dir, 'index.json'));
    } catch {
      throw new BydigestError('LAYOUT', `${this.description}: index.json is missing`, {
        hint: 'is this an OCI image layout (skopeo copy … oci:DIR)?',
      });
    }
  }

  async blobSize(digest: string): Promise<number> {
    try {
      return (await stat(this.blobPath(digest))).size;
    } catch {
      throw missingBlob(this.description, digest);
    }
  }

  async readBlob(digest: string): Promise<Buffer> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.blobPath(digest));
    } catch {
      throw missingBlob(this.description, digest);
    }
    if (sha256Digest(bytes) !== digest)
      throw new BydigestError('LAYOUT', `${this.description}: blob ${digest} does not match its digest`);
    return bytes;
  }

  blobChunks(digest: string, opts?: { ring?: number; chunkSize?: number }): AsyncIterable<Uint8Array> {
    return fileChunks(this.blobPath(digest), 0, Number.POSITIVE_INFINITY, opts);
  }

  async close(): Promise<void> {}
}

/**
 * An oci-archive read in place: one pass over the tar headers records where each member
 * starts, and blobs are streamed from those offsets; nothing is extracted.
 */
class TarLayout implements LayoutSource {
  readonly description: string;
  private constructor(
    private readonly file: string,
    private readonly members: Map<string, { offset: number; size: number }>,
  ) {
    this.description = `oci-archive:${file}`;
  }

  static async open(file: string): Promise<TarLayout> {
    const members = new Map<string, { offset: number; size: number }>();
    const fh = await open(file, 'r');
    try {
      const header = Buffer.alloc(512);
      let offset = 0;
      let paxPath: string | undefined;
      let paxSize: number | undefined;
      let longName: string | undefined;
      for (let n = 0; n < 1_000_000; n++) {
        const { bytesRead } = await fh.read(header, 0, 512, offset);
        if (bytesRead < 512 || header.every((b) => b === 0)) break;
        const type = String.fromCharCode(header[156] ?? 48);
        const size = paxSize ?? tarNumber(header.subarray(124, 136));
        const dataOffset = offset + 512;
        if (type === 'x' || type === 'L') {
          const { buffer } = await readAt(fh, dataOffset, size);
          if (type === 'L') longName = buffer.toString('utf8').replace(/\0.*$/s, '');
          else ({ path: paxPath, size: paxSize } = parsePax(buffer));
        } else {
          const prefix = cString(header.subarray(345, 500));
          const name =
            paxPath ??
            longName ??
            (prefix ? `${prefix}/${cString(header.subarray(0, 100))}` : cString(header.subarray(0, 100)));
          if (type === '0' || type === '\0' || type === '7')
            members.set(name.replace(/^\.\//, ''), { offset: dataOffset, size });
          paxPath = undefined;
          paxSize = undefined;
          longName = undefined;
        }
        offset = dataOffset + Math.ceil(size / 512) * 512;
      }
    } finally {
      await fh.close();
    }
    if (members.size === 0) throw new BydigestError('LAYOUT', `oci-archive:${file} is not a tar archive or is empty`);
    return new TarLayout(file, members);
  }

  private member(name: string): { offset: number; size: number } | undefined {
    return this.members.get(name);
  }

  async readIndex(): Promise<Buffer> {
    const m = this.member('index.json');
    if (!m)
      throw new BydigestError('LAYOUT', `${this.description}: index.json is missing`, {
        hint: 'is this an oci-archive (skopeo copy … oci-archive:FILE)?',
      });
    return this.readMember(m);
  }

  async blobSize(digest: string): Promise<number> {
    const m = this.member(`blobs/sha256/${digestHex(digest)}`);
    if (!m) throw missingBlob(this.description, digest);
    return m.size;
  }

  async readBlob(digest: string): Promise<Buffer> {
    const m = this.member(`blobs/sha256/${digestHex(digest)}`);
    if (!m) throw missingBlob(this.description, digest);
    const bytes = await this.readMember(m);
    if (sha256Digest(bytes) !== digest)
      throw new BydigestError('LAYOUT', `${this.description}: blob ${digest} does not match its digest`);
    return bytes;
  }

  blobChunks(digest: string, opts?: { ring?: number; chunkSize?: number }): AsyncIterable<Uint8Array> {
    const m = this.member(`blobs/sha256/${digestHex(digest)}`);
    if (!m) throw missingBlob(this.description, digest);
    return fileChunks(this.file, m.offset, m.size, opts);
  }

  private async readMember(m: { offset: number; size: number }): Promise<Buffer> {
    const fh = await open(this.file, 'r');
    try {
      return (await readAt(fh, m.offset, m.size)).buffer;
    } finally {
      await fh.close();
    }
  }

  async close(): Promise<void> {}
}

async function readAt(
  fh: import('node:fs/promises').FileHandle,
  offset: number,
  size: number,
): Promise<{ buffer: Buffer }> {
  const buffer = Buffer.alloc(size);
  let done = 0;
  while (done < size) {
    const { bytesRead } = await fh.read(buffer, done, size - done, offset + done);
    if (bytesRead === 0) throw new BydigestError('LAYOUT', 'archive is truncated');
    done += bytesRead;
  }
  return { buffer };
}

function cString(b: Buffer): string {
  const end = b.indexOf(0);
  return b.subarray(0, end < 0 ? b.length : end).toString('utf8');
}

/** Octal, or GNU base-256 for members over 8 GiB. */
function tarNumber(b: Buffer): number {
  if ((b[0] ?? 0) & 0x80) {
    let n = 0;
    for (let i = 1; i < b.length; i++) n = n * 256 + (b[i] ?? 0);
    return n;
  }
  const s = cString(b).trim();
  return s === '' ? 0 : parseInt(s, 8);
}

function parsePax(b: Buffer): { path: string | undefined; size: number | undefined } {
  let path: string | undefined;
  let size: number | undefined;
  let i = 0;
  while (i < b.length) {
    const sp = b.indexOf(0x20, i);
    if (sp < 0) break;
    const len = parseInt(b.subarray(i, sp).toString('ascii'), 10);
    if (!(len > 0)) break;
    const rec = b.subarray(sp + 1, i + len - 1).toString('utf8');
    const eq = rec.indexOf('=');
    const key = rec.slice(0, eq);
    const val = rec.slice(eq + 1);
    if (key === 'path') path = val;
    if (key === 'size') size = Number(val);
    i += len;
  }
  return { path, size };
}

function missingBlob(where: string, digest: string): BydigestError {
  return new BydigestError('LAYOUT', `${where}: blob ${digest} is missing`, {
    hint: 'the layout is incomplete; re-export it',
  });
}
