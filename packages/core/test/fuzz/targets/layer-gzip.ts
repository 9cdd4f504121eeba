/** A gzip layer stream: the inflater's errors and the tar inside, as the walk reads them. */
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import type { FuzzTarget } from '../contract.js';
import { tarBytes, tarSeeds, walkBytes } from './tar.js';

export const layerGzip: FuzzTarget = {
  name: 'layer-gzip',
  parser: 'layers/layer-tar.ts (gzip stream → tar)',
  promise:
    "The compression is told by the bytes. An inflate error (bad data, a stream cut short) is a LAYER error in zlib's words, or DIGEST_MISMATCH when the blob is not the descriptor's. No limit on expansion: time grows with the inflated bytes, memory does not (256 KiB output chunks, released as they pass: a 10 GiB bomb peaks near 107 MB RSS in generate-sbom).",
  run: walkBytes,
  seeds: () => [
    ...tarSeeds().map((t) => gzipSync(t)),
    gzipSync(Buffer.alloc(0)),
    Buffer.concat([gzipSync(tarSeeds()[0] as Buffer), gzipSync(Buffer.alloc(1024))]),
  ],
  generate: () => fc.tuple(tarBytes, fc.integer({ min: 0, max: 9 })).map(([t, level]) => gzipSync(t, { level })),
};
