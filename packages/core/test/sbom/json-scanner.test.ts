import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { JsonObjectScanner, JsonScanError, type JsonScanHandler } from '../../src/sbom/json-scanner.js';
import { fixture } from './fixtures.js';

/** Rebuilds the document from the scanner's events, to compare with JSON.parse. */
function scan(bytes: Buffer, split: (i: number) => number): Record<string, unknown> {
  const doc: Record<string, unknown> = {};
  const handler: JsonScanHandler = {
    member: (k, v) => void (doc[k] = v),
    arrayStart: (k) => void (doc[k] = []),
    element: (k, i, v) => {
      expect((doc[k] as unknown[]).length).toBe(i);
      (doc[k] as unknown[]).push(v);
    },
    arrayEnd: (k, n) => expect((doc[k] as unknown[]).length).toBe(n),
  };
  const s = new JsonObjectScanner(handler);
  // a reused buffer, as the file reader does: the scanner must copy what it keeps
  const reused = Buffer.alloc(64);
  let k = 0;
  for (let i = 0; i < bytes.length;) {
    const n = Math.min(split(k++), bytes.length - i, reused.length);
    bytes.copy(reused, 0, i, i + n);
    s.push(reused.subarray(0, n));
    reused.fill(0x7b);
    i += n;
  }
  s.end();
  return doc;
}

function scanError(text: string | Buffer): JsonScanError {
  try {
    scan(Buffer.isBuffer(text) ? text : Buffer.from(text), () => 64);
  } catch (e) {
    if (e instanceof JsonScanError) return e;
    throw e;
  }
  throw new Error('no error');
}

const TRICKY = Buffer.from(
  JSON.stringify({
    a: 'x\\"y\\\\',
    b: [1, -2.5e-3, true, false, null, 'q"uo\\te', { n: [[], {}] }, [[[]]]],
    'we ird"key': { '}': ']', '[': '{' },
    empty: [],
    u: 'ünïcødé 😀 \u0001',
    // A literal past 2^53 on purpose: the scanner copies the digits, it never converts them.
    // eslint-disable-next-line no-loss-of-precision
    n: 12345678901234567890,
    deep: [[{ a: [{ b: ['\\'] }] }]],
  }).replace(/,/g, ' ,\n\t'),
);

describe('JsonObjectScanner', () => {
  it.each([1, 2, 3, 5, 7, 13, 64])('gives JSON.parse results whatever the chunk size (%i)', (size) => {
    expect(scan(TRICKY, () => size)).toEqual(JSON.parse(TRICKY.toString()));
  });

  it('survives random chunking of every valid fixture', () => {
    let seed = 42;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 9) + 1;
    for (const f of ['valid.spdx.json', 'valid.cdx.json', 'valid.syft.json', 'valid-2.2.spdx.json']) {
      const bytes = readFileSync(fixture(f));
      expect(scan(bytes, rand)).toEqual(JSON.parse(bytes.toString()));
    }
  });

  it('splits a backslash-escaped quote across chunks correctly', () => {
    const text = Buffer.from('{"k":["a\\\\","b\\"}]","c"]}');
    for (let cut = 1; cut < text.length; cut++) {
      let first = true;
      const doc = scan(text, () => (first ? ((first = false), cut) : 64));
      expect(doc).toEqual({ k: ['a\\', 'b"}]', 'c'] });
    }
  });

  it.each([
    ['{"a":1,}', 7, /expected a double-quoted property name after ','/],
    ['{"a" 1}', 5, /expected ':' after property name "a"/],
    ['{"a":[1,]}', 8, /expected a value for a\[1\] after ','/],
    ['{"a":[{"b":1]]}', 12, /']' does not match the open '{'/],
    ['{"a":[{"b":1,}]}', 13, /expected a double-quoted property name, found "}" \(in a\[0\]\)/],
    ['{"a":tru}', 5, /expected a value, found "t" \(in the value of "a"\)/],
    ['{"a":"x\ty"}', 7, /control character U\+0009 inside a string/],
    ['{"a":1} x', 8, /unexpected 'x' after the end of the top-level object/],
    ['{"a":[{"b":"\\q"}]}', 12, /bad escape \\q/],
    ['{"a":[1 2]}', 8, /expected ',' or '\]' after a\[0\], found '2'/],
  ])('%s: error at byte %i', (text, offset, message) => {
    const e = scanError(text);
    expect(e.kind).toBe('syntax');
    expect(e.offset).toBe(offset);
    expect(e.message).toMatch(message);
  });

  it('counts byte offsets past multi-byte characters', () => {
    const e = scanError('{"é":"ü","b":[{"c":1 "d"}]}');
    expect(e.offset).toBe(Buffer.byteLength('{"é":"ü","b":[{"c":1 '));
  });

  it('reports truncation with where the file ends', () => {
    const e = scanError('{"packages":[{"a":1},{"b":');
    expect(e.kind).toBe('truncated');
    expect(e.message).toContain('inside packages[1]');
    expect(scanError('{"a":1').message).toContain('inside the value of "a"');
    expect(scanError('{"a":1 ').message).toContain('after the value of "a"');
  });

  it('reports the first invalid UTF-8 byte', () => {
    const bytes = Buffer.concat([Buffer.from('{"a":["ok","caf'), Buffer.from([0xe9]), Buffer.from('"]}')]);
    const e = scanError(bytes);
    expect(e.kind).toBe('utf8');
    expect(e.offset).toBe(15);
  });

  it('rejects overlong and surrogate UTF-8 sequences', () => {
    expect(scanError(Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')])).kind).toBe(
      'utf8',
    );
    expect(
      scanError(Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')])).kind,
    ).toBe('utf8');
  });

  it('keeps memory bounded: a value over the limit fails even when it never closes', () => {
    const s = new JsonObjectScanner(
      { member() {}, arrayStart() {}, element() {}, arrayEnd() {} },
      { maxValueBytes: 1000 },
    );
    s.push(Buffer.from('{"packages":[{"a":"'));
    expect(() => {
      for (let i = 0; i < 100; i++) s.push(Buffer.alloc(100, 0x61));
    }).toThrow(/packages\[0\] is larger than 1000 bytes/);
  });

  it('does not let a "__proto__" key touch prototypes', () => {
    const doc = scan(Buffer.from('{"__proto__":{"polluted":true},"x":[{"__proto__":{"p":1}}]}'), () => 5);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(doc)).toContain('x');
  });
});
