import { open } from 'node:fs/promises';
import { BydigestError } from '../../errors.js';
import { fileChunks } from '../../util/file-chunks.js';
import { digestHex } from '../digest.js';
import { missingBlob, verifiedBlob, type BlobChunkOptions, type LayoutSource } from './source.js';

/**
 * An oci-archive read in place: one pass over the tar headers records where each member
 * starts, and blobs are streamed from those offsets; nothing is extracted.
 */
export class TarLayout implements LayoutSource {
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
    return verifiedBlob(this.description, digest, bytes);
  }

  blobChunks(digest: string, opts?: BlobChunkOptions): AsyncIterable<Uint8Array> {
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
