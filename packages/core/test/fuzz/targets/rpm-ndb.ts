/** rpm's ndb `Packages.db` (rpm-ndb.ts): slot pages and blobs. */
import fc from 'fast-check';
import { readRpmNdb } from '../../../src/pkgdb/rpm-ndb.js';
import type { FuzzTarget } from '../contract.js';
import { asFile, fixture } from '../inputs.js';
import { simpleHeader } from './rpm-header.js';

const PAGE = 4096;

/** One slot page; each slot names a package index and the 16-byte block its blob starts at. */
export function ndbFile(
  slots: { pkg: number; block: number }[],
  blobs: { at: number; pkg: number; header: Buffer }[],
): Buffer {
  const end = Math.max(PAGE, ...blobs.map((b) => b.at * 16 + 16 + b.header.length));
  const db = Buffer.alloc(end);
  db.writeUInt32LE(0x506d7052, 0);
  db.writeUInt32LE(1, 12);
  for (let at = 32; at < PAGE; at += 16) db.writeUInt32LE(0x746f6c53, at);
  slots.slice(0, 254).forEach((s, i) => {
    db.writeUInt32LE(s.pkg, 32 + i * 16 + 4);
    db.writeUInt32LE(s.block, 32 + i * 16 + 8);
  });
  for (const b of blobs) {
    db.writeUInt32LE(0x53626c42, b.at * 16);
    db.writeUInt32LE(b.pkg, b.at * 16 + 4);
    db.writeUInt32LE(b.header.length, b.at * 16 + 12);
    b.header.copy(db, b.at * 16 + 16);
  }
  return db;
}

const small = (): Buffer =>
  ndbFile(
    [
      { pkg: 1, block: 256 },
      { pkg: 2, block: 260 },
    ],
    [
      { at: 256, pkg: 1, header: simpleHeader('bash') },
      { at: 260, pkg: 2, header: simpleHeader('glibc') },
    ],
  );

const generated: fc.Arbitrary<Buffer> = fc
  .tuple(
    fc.array(fc.record({ pkg: fc.integer({ min: 0, max: 3 }), block: fc.integer({ min: 250, max: 270 }) }), {
      maxLength: 300,
    }),
    fc.array(fc.record({ at: fc.integer({ min: 256, max: 266 }), pkg: fc.integer({ min: 1, max: 3 }) }), {
      maxLength: 4,
    }),
  )
  .map(([slots, blobs]) =>
    ndbFile(
      slots,
      blobs.map((b) => ({ ...b, header: simpleHeader(`p${b.pkg}`) })),
    ),
  );

export const rpmNdb: FuzzTarget = {
  name: 'rpm-ndb',
  parser: 'pkgdb/rpm-ndb.ts',
  promise:
    "Slot pages must fit the file, each blob must carry its BlbS header for its package, and blobs may not overlap: the bytes all slots name stay within the file's size (slots naming one big blob hung for minutes before).",
  run: (input) => asFile(input, (f) => readRpmNdb(f, 'fuzz')),
  seeds: () => [small(), fixture('rpmdb/sle15-bci__Packages.db')],
  generate: () => generated,
};
