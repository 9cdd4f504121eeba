/** What the targets share: the fixtures' place, a scratch file per input, a layer as chunks. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LayerChunks } from '../../src/layers/layer-tar.js';
import type { Descriptor } from '../../src/oci/types.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export function fixture(path: string): Buffer {
  return readFileSync(join(FIXTURES, path));
}

/** Every file of a fixture directory whose name passes `keep`. */
export function fixtures(dir: string, keep: (name: string) => boolean): Buffer[] {
  return readdirSync(join(FIXTURES, dir))
    .filter(keep)
    .sort()
    .map((n) => fixture(join(dir, n)));
}

let scratch: string | undefined;
let n = 0;

/** Writes the input to a fresh file, runs `fn` on its path, removes it. */
export async function asFile<T>(input: Buffer, fn: (path: string) => Promise<T>): Promise<T> {
  scratch ??= mkdtempSync(join(process.env.RUNNER_TEMP || tmpdir(), 'bydigest-fuzz-'));
  const path = join(scratch, `in-${n++}`);
  writeFileSync(path, input);
  try {
    return await fn(path);
  } finally {
    rmSync(path, { force: true });
  }
}

export function descriptorOf(bytes: Buffer): Descriptor {
  return {
    mediaType: 'application/vnd.oci.image.layer.v1.tar',
    digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
    size: bytes.length,
  };
}

/**
 * The bytes as a layer source, cut at sizes that put chunk edges inside headers and records
 * (a registry's response comes in whatever pieces the network makes).
 */
export function chunksOf(bytes: Buffer): LayerChunks {
  const sizes = [1, 511, 4096, 7, 65536, 513];
  return {
    async *[Symbol.asyncIterator]() {
      for (let at = 0, i = 0; at < bytes.length; i++) {
        const size = sizes[(i + bytes.length) % sizes.length] as number;
        yield bytes.subarray(at, at + size);
        at += size;
      }
    },
  };
}
