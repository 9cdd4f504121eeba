/** The tar walk (TarScanner through walkLayerTar): headers, pax and GNU records, sizes, padding. */
import fc from 'fast-check';
import { Writable } from 'node:stream';
import { walkLayerTar } from '../../../src/layers/layer-tar.js';
import type { FuzzTarget } from '../contract.js';
import { chunksOf, descriptorOf } from '../inputs.js';
import { rawTar, type RawMember } from '../tar-writer.js';

/** Accepts and drops a file member's bytes, as a spool file would take them. */
const discard = () =>
  new Writable({
    write(_chunk, _enc, cb) {
      cb();
    },
  });

/** Walks a layer blob (compressed or not) as generate-sbom and check-host-trust do. */
export async function walkBytes(input: Buffer): Promise<number> {
  let members = 0;
  await walkLayerTar(chunksOf(input), descriptorOf(input), 'fuzz', (e) => {
    members++;
    return e.type === 'file' ? discard() : undefined;
  });
  return members;
}

const NAMES = [
  'etc',
  'etc/os-release',
  'usr/lib/os-release',
  './a',
  'a/../../b',
  '/abs',
  '..',
  '',
  'x'.repeat(150),
  'é/ü',
  'a\0b',
  '.wh.a',
  'd/.wh..wh..opq',
];
const TYPES = ['0', '\0', '1', '2', '3', '4', '5', '6', '7', 'S', 'V', 'M', 'x', 'g', 'L', 'K', 'Z'];
const PAX_KEYS = [
  'path',
  'linkpath',
  'size',
  'SCHILY.xattr.security.selinux',
  'GNU.sparse.major',
  'GNU.sparse.size',
  'GNU.sparse.map',
  'mtime',
  'uid',
];

export const member: fc.Arbitrary<RawMember> = fc.record(
  {
    name: fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 120 })),
    type: fc.constantFrom(...TYPES),
    linkname: fc.oneof(
      fc.constantFrom('', '/', '..', '../../etc', '/etc/os-release', 'a', 'etc'),
      fc.string({ maxLength: 40 }),
    ),
    content: fc.uint8Array({ maxLength: 1500 }).map((a) => Buffer.from(a)),
    size: fc.oneof(fc.nat(4096), fc.constantFrom(0, 511, 512, 0o77777777777, 2 ** 40, 2 ** 53 - 1)),
    pax: fc.dictionary(
      fc.constantFrom(...PAX_KEYS),
      fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.constantFrom('0', '-1', '99999999999999999999', 'system_u:object_r:etc_t:s0'),
      ),
    ),
    longName: fc.string({ maxLength: 300 }),
    sparseExtensions: fc.nat(3),
  },
  { requiredKeys: ['name'] },
);

export const tarBytes: fc.Arbitrary<Buffer> = fc
  .tuple(fc.array(member, { maxLength: 12 }), fc.boolean())
  .map(([ms, end]) => rawTar(ms, { end }));

export function tarSeeds(): Buffer[] {
  return [
    rawTar([
      { name: 'etc/', type: '5' },
      { name: 'etc/os-release', content: Buffer.from('ID=fedora\n') },
      { name: 'usr/lib/os-release', type: '2', linkname: '../../etc/os-release' },
    ]),
    rawTar([
      {
        name: 'a',
        content: Buffer.from('x'),
        pax: { path: 'etc/os-release', 'SCHILY.xattr.security.selinux': 'system_u:object_r:etc_t:s0' },
      },
      { name: 'b', type: '1', linkname: 'etc/os-release' },
    ]),
    rawTar([
      { name: 'short', longName: `${'d/'.repeat(80)}file`, content: Buffer.from('long') },
      { name: 'sparse', type: 'S', content: Buffer.alloc(600, 1), sparseExtensions: 2 },
    ]),
    rawTar([{ name: 'etc/.wh.os-release', content: Buffer.alloc(0) }, { name: 'usr/.wh..wh..opq' }], { end: false }),
  ];
}

export const tar: FuzzTarget = {
  name: 'tar',
  parser: 'layers/tar-scanner.ts through layers/layer-tar.ts (uncompressed layer)',
  promise:
    "Reads what Go's archive/tar reads and refuses the rest with a LAYER error naming the layer and member. Headers are parsed in place and bodies skipped by arithmetic: memory per layer is one 512-byte block, one pax or GNU long-name record of at most 1 MiB (a larger one is refused before it is read, as Go refuses it) and the pax map; time is linear in the layer's bytes. Sizes up to 2^53 (base-256); old-GNU sparse extension blocks are skipped.",
  run: walkBytes,
  seeds: tarSeeds,
  generate: () => tarBytes,
};
