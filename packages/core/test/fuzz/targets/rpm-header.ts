/** One rpm header blob (rpm-header.ts), as all three rpm databases store it. */
import fc from 'fast-check';
import { parseRpmHeader, RPMTAG } from '../../../src/pkgdb/rpm-header.js';
import type { FuzzTarget } from '../contract.js';
import { fixture } from '../inputs.js';

export interface HeaderEntry {
  tag: number;
  type: number;
  offset: number;
  count: number;
}

/** `il`, `dl`, the index entries, the data store; `dl` and `il` may lie. */
export function headerBlob(entries: HeaderEntry[], data: Buffer, lie: { il?: number; dl?: number } = {}): Buffer {
  const b = Buffer.alloc(8 + entries.length * 16);
  b.writeUInt32BE(lie.il ?? entries.length, 0);
  b.writeUInt32BE(lie.dl ?? data.length, 4);
  entries.forEach((e, i) => {
    b.writeInt32BE(e.tag | 0, 8 + i * 16);
    b.writeUInt32BE(e.type >>> 0, 12 + i * 16);
    b.writeInt32BE(e.offset | 0, 16 + i * 16);
    b.writeUInt32BE(e.count >>> 0, 20 + i * 16);
  });
  return Buffer.concat([b, data]);
}

/** A well-formed header of strings (and an int) at the tags the parser reads. */
export function simpleHeader(name: string, version = '1.0'): Buffer {
  const strings = [name, version, '1.fc42', 'x86_64'];
  const tags = [RPMTAG.NAME, RPMTAG.VERSION, RPMTAG.RELEASE, RPMTAG.ARCH];
  let offset = 0;
  const entries: HeaderEntry[] = strings.map((s, i) => {
    const e = { tag: tags[i] as number, type: 6, offset, count: 1 };
    offset += Buffer.byteLength(s) + 1;
    return e;
  });
  const size = Buffer.alloc(4);
  size.writeUInt32BE(1234);
  entries.push({ tag: RPMTAG.SIZE, type: 4, offset, count: 1 });
  return headerBlob(entries, Buffer.concat([Buffer.from(strings.map((s) => `${s}\0`).join('')), size]));
}

const TAGS = [...Object.values(RPMTAG), 0, -1, 100, 1000];
const entry: fc.Arbitrary<HeaderEntry> = fc.record({
  tag: fc.constantFrom(...TAGS),
  type: fc.constantFrom(0, 4, 6, 8, 9, 7, 0xffffffff),
  offset: fc.oneof(fc.nat(300), fc.constantFrom(-1, 0x7fffffff)),
  count: fc.oneof(fc.nat(10), fc.constant(0xffffffff)),
});

export const headerArb: fc.Arbitrary<Buffer> = fc
  .tuple(
    fc.array(entry, { maxLength: 20 }),
    fc.uint8Array({ maxLength: 300 }),
    fc.option(fc.constantFrom(0, 1, 0xffff, 0x10000, 0xffffffff)),
    fc.option(fc.constantFrom(0, 0xffffffff, 256 * 1024 * 1024)),
  )
  .map(([es, data, il, dl]) =>
    headerBlob(es, Buffer.from(data), { ...(il !== null ? { il } : {}), ...(dl !== null ? { dl } : {}) }),
  );

export const rpmHeader: FuzzTarget = {
  name: 'rpm-header',
  parser: 'pkgdb/rpm-header.ts',
  promise:
    "rpm's own limits (at most 65,535 index entries and 256 MiB of data); every offset is checked against the data store and every type against the tag's; PKGDB errors naming the database and record; work linear in the blob.",
  run: (input) => parseRpmHeader(input, 'fuzz'),
  seeds: () => [fixture('rpmdb/blob.bin'), simpleHeader('bash')],
  generate: () => headerArb,
};
