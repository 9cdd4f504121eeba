/** A zstd layer stream (zstd and zstd:chunked layers): the decompressor's errors and the tar inside. */
import fc from 'fast-check';
import { zstdCompressSync } from 'node:zlib';
import type { FuzzTarget } from '../contract.js';
import { tarBytes, tarSeeds, walkBytes } from './tar.js';

/** zstd:chunked appends skippable frames (the TOC and its footer) that a plain reader skips. */
function skippable(payload: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32LE(0x184d2a50, 0);
  head.writeUInt32LE(payload.length, 4);
  return Buffer.concat([head, payload]);
}

export const layerZstd: FuzzTarget = {
  name: 'layer-zstd',
  parser: 'layers/layer-tar.ts (zstd stream → tar)',
  promise:
    "As gzip; zstd:chunked's skippable frames are skipped; a stream whose frames end before the blob does (garbage after the last frame) is a LAYER error in zstd's words (it was an uncaught 'error' event that killed the process).",
  run: walkBytes,
  seeds: () => [
    ...tarSeeds().map((t) => zstdCompressSync(t)),
    Buffer.concat([
      zstdCompressSync(tarSeeds()[0] as Buffer),
      skippable(Buffer.from('{"version":1,"entries":[]}')),
      skippable(Buffer.alloc(64)),
    ]),
  ],
  generate: () =>
    fc.tuple(tarBytes, fc.boolean(), fc.uint8Array({ maxLength: 200 })).map(([t, chunked, toc]) => {
      const z = zstdCompressSync(t);
      return chunked ? Buffer.concat([z, skippable(Buffer.from(toc))]) : z;
    }),
};
