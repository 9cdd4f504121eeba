import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';

/** 1 MiB reads: large enough that per-read overhead is noise, small enough to stay out of the RSS budget. */
export const CHUNK_BYTES = 1 << 20;

export interface FileDigest {
  size: number;
  digest: string;
}

/**
 * Reads a file once, front to back, into two reused buffers (no per-chunk allocation, which
 * otherwise lets garbage pile up to ~2x the file size in RSS before GC catches up). The next read
 * is in flight on libuv's pool while `onChunk` works on the current one.
 * `onChunk` runs synchronously and must copy what it keeps: the buffer is reused.
 */
export async function readAndHash(
  fh: FileHandle,
  onChunk: (chunk: Buffer) => void,
  chunkBytes = CHUNK_BYTES,
): Promise<FileDigest> {
  const hash = createHash('sha256');
  const buffers = [Buffer.allocUnsafeSlow(chunkBytes), Buffer.allocUnsafeSlow(chunkBytes)] as const;
  let position = 0;
  let which = 0;
  let pending = fh.read(buffers[0], 0, chunkBytes, 0);
  try {
    for (;;) {
      const { bytesRead, buffer } = await pending;
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      position += bytesRead;
      which ^= 1;
      pending = fh.read(buffers[which as 0 | 1], 0, chunkBytes, position);
      hash.update(chunk);
      onChunk(chunk);
    }
  } catch (e) {
    await pending.catch(() => undefined);
    throw e;
  }
  return { size: position, digest: `sha256:${hash.digest('hex')}` };
}

/** 1-based line and column (in characters) of a byte offset; error path only, so it re-reads the file. */
export async function locate(fh: FileHandle, offset: number): Promise<{ line: number; column: number }> {
  const buf = Buffer.allocUnsafe(CHUNK_BYTES);
  let line = 1;
  let column = 1;
  let position = 0;
  while (position < offset) {
    const { bytesRead } = await fh.read(buf, 0, Math.min(CHUNK_BYTES, offset - position), position);
    if (bytesRead === 0) break;
    for (let i = 0; i < bytesRead; i++) {
      const c = buf[i]!;
      if (c === 0x0a) {
        line++;
        column = 1;
      } else if ((c & 0xc0) !== 0x80) column++;
    }
    position += bytesRead;
  }
  return { line, column };
}
