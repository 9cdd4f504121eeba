/** rpm's Berkeley DB `Packages` (rpm-bdb.ts): metadata page, hash pages, overflow chains. */
import fc from 'fast-check';
import { readRpmBdb } from '../../../src/pkgdb/rpm-bdb.js';
import type { FuzzTarget } from '../contract.js';
import { asFile, fixture } from '../inputs.js';
import { simpleHeader } from './rpm-header.js';

const PAGE = 512;

export interface BdbShape {
  /** Per hash page: the overflow page each of its items points at. */
  hashItems: number[][];
  /** Per overflow page: its next page (0 ends the chain) and the bytes it holds. */
  overflow: { next: number; data: Buffer }[];
}

/** A little-endian 512-byte-page hash file: page 0 metadata, then hash pages, then overflow pages. */
export function bdbFile(shape: BdbShape): Buffer {
  const pages = 1 + shape.hashItems.length + shape.overflow.length;
  const db = Buffer.alloc(pages * PAGE);
  db.writeUInt32LE(0x061561, 12);
  db.writeUInt32LE(PAGE, 20);
  db.writeUInt32LE(pages - 1, 32);
  shape.hashItems.forEach((items, h) => {
    const start = (1 + h) * PAGE;
    db[start + 25] = 13; // P_HASH
    const n = Math.min(items.length, 28);
    db.writeUInt16LE(n * 2, start + 20);
    for (let i = 0; i < n; i++) {
      // a key item then an H_OFFPAGE value item (12 bytes each), packed from the page's end
      const value = PAGE - 12 * (i + 1);
      db.writeUInt16LE(value, start + 26 + (2 * i + 1) * 2);
      db[start + value] = 3;
      db.writeUInt32LE(items[i] as number, start + value + 4);
    }
  });
  shape.overflow.forEach((o, k) => {
    const start = (1 + shape.hashItems.length + k) * PAGE;
    db[start + 25] = 7; // P_OVERFLOW
    db.writeUInt32LE(o.next, start + 16);
    const data = o.data.subarray(0, PAGE - 26);
    db.writeUInt16LE(data.length, start + 22);
    data.copy(db, start + 26);
  });
  return db;
}

/** One package per overflow chain, each header split across pages. */
function wellFormed(): Buffer {
  const blob = simpleHeader('bash');
  const first = 2;
  return bdbFile({ hashItems: [[first]], overflow: [{ next: 0, data: blob }] });
}

const shape: fc.Arbitrary<Buffer> = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 30 }))
  .chain(([h, o]) =>
    fc.record({
      hashItems: fc.array(fc.array(fc.integer({ min: 0, max: h + o + 1 }), { maxLength: 28 }), {
        minLength: h,
        maxLength: h,
      }),
      overflow: fc.array(
        fc.record({
          next: fc.integer({ min: 0, max: h + o + 1 }),
          data: fc.oneof(
            fc.constant(simpleHeader('pkg')),
            fc.uint8Array({ maxLength: 600 }).map((a) => Buffer.from(a)),
          ),
        }),
        { minLength: o, maxLength: o },
      ),
    }),
  )
  .map(bdbFile);

export const rpmBdb: FuzzTarget = {
  name: 'rpm-bdb',
  parser: 'pkgdb/rpm-bdb.ts',
  promise:
    'The metadata page is checked (magic, page size a power of two from 512 to 64 KiB, not encrypted, every page inside the file); an off-page item must fit its page; each overflow page is read at most once over all chains, so a loop or a page shared by two items is a PKGDB error and the work is linear in the file (a shared chain took 6 s on 1 MB before).',
  run: (input) => asFile(input, (f) => readRpmBdb(f, 'fuzz')),
  seeds: () => [fixture('rpmdb/libuuid__Packages'), wellFormed()],
  generate: () => shape,
};
