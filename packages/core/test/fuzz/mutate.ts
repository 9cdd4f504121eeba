/**
 * Byte-level mutations of seed inputs as a fast-check arbitrary (libFuzzer's usual moves: flip,
 * set interesting values as 16/32-bit integers of either byte order, insert, delete, duplicate
 * a range, truncate, splice two seeds), so the fast tier and the campaign shrink a failure to
 * a small input. Structure-aware generators live with their target.
 */
import fc from 'fast-check';

const INTERESTING = [
  0, 1, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xffffffff, 512, 4096, 65536,
];

type Mutation = (b: Buffer) => Buffer;

const at = (b: Buffer, f: number) => (b.length === 0 ? 0 : Math.floor(f * b.length) % b.length);

const mutation = (other: fc.Arbitrary<Buffer>): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc
      .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 7 }))
      .map(([f, bit]): Mutation => (b) => {
        const c = Buffer.from(b);
        const i = at(c, f);
        if (c.length) c[i] = (c[i] as number) ^ (1 << bit);
        return c;
      }),
    fc
      .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 }))
      .map(([f, v]): Mutation => (b) => {
        const c = Buffer.from(b);
        if (c.length) c[at(c, f)] = v;
        return c;
      }),
    fc
      .tuple(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(...INTERESTING),
        fc.constantFrom(2, 4),
        fc.boolean(),
      )
      .map(([f, v, width, le]): Mutation => (b) => {
        const c = Buffer.from(b);
        const i = at(c, f);
        if (i + width > c.length) return c;
        if (width === 2 && le) c.writeUInt16LE(v & 0xffff, i);
        else if (width === 2) c.writeUInt16BE(v & 0xffff, i);
        else if (le) c.writeUInt32LE(v >>> 0, i);
        else c.writeUInt32BE(v >>> 0, i);
        return c;
      }),
    fc
      .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.uint8Array({ minLength: 1, maxLength: 64 }))
      .map(([f, bytes]): Mutation => (b) => {
        const i = at(b, f);
        return Buffer.concat([b.subarray(0, i), bytes, b.subarray(i)]);
      }),
    fc
      .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 4096 }))
      .map(([f, n]): Mutation => (b) => {
        const i = at(b, f);
        return Buffer.concat([b.subarray(0, i), b.subarray(i + n)]);
      }),
    fc
      .tuple(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 1024 }),
        fc.integer({ min: 1, max: 8 }),
      )
      .map(([f, g, n, times]): Mutation => (b) => {
        const from = b.subarray(at(b, f), at(b, f) + n);
        const i = at(b, g);
        return Buffer.concat([b.subarray(0, i), ...Array<Buffer>(times).fill(from), b.subarray(i)]).subarray(
          0,
          1 << 20,
        );
      }),
    fc.double({ min: 0, max: 1, noNaN: true }).map(
      (f): Mutation =>
        (b) =>
          b.subarray(0, Math.floor(f * b.length)),
    ),
    fc.tuple(other, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })).map(
      ([o, f, g]): Mutation =>
        (b) =>
          Buffer.concat([b.subarray(0, at(b, f)), o.subarray(at(o, g))]),
    ),
  );

/** A seed with one to eight mutations applied. */
export function mutated(seeds: Buffer[]): fc.Arbitrary<Buffer> {
  const seed = fc.constantFrom(...seeds);
  return fc
    .tuple(seed, fc.array(mutation(seed), { minLength: 1, maxLength: 8 }))
    .map(([s, ms]) => ms.reduce((b, m) => m(b), s));
}
