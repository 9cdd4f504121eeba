import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  isBydigestError,
  maskValuesFor,
  parseEnviron,
  parseSecretFileSpecs,
  readSecretValues,
  readStartupEnviron,
} from '../../src/index.js';

describe('readSecretValues', () => {
  const specs = parseSecretFileSpecs('a=VAR_A\nb=VAR_B\nc=VAR_C');

  it('returns the exact UTF-8 bytes, no newline added or removed', () => {
    const value = 'line1\r\nline2\n\ttab \u00e9\u{1F511}\n';
    const got = readSecretValues(parseSecretFileSpecs('a=V'), { V: value });
    expect(got).toHaveLength(1);
    expect(got[0]?.value.equals(Buffer.from(value, 'utf8'))).toBe(true);
  });

  it('names every unset or empty variable at once, and no value', () => {
    let err: unknown;
    try {
      readSecretValues(specs, { VAR_A: 'present-secret', VAR_C: '' });
    } catch (e) {
      err = e;
    }
    expect(isBydigestError(err, 'SECRETS')).toBe(true);
    const e = err as Error & { hint: string };
    expect(e.message).toBe(
      'line 2 (b): environment variable VAR_B is not set; line 3 (c): environment variable VAR_C is empty',
    );
    expect(e.hint).toContain('VAR_B: ${{ secrets.VAR_B }}');
    expect(e.hint).toContain('allow-empty: true');
    expect(`${e.message}${e.hint}`).not.toContain('present-secret');
  });

  it('stages unset or empty variables as empty files with allowEmpty', () => {
    const got = readSecretValues(specs, { VAR_A: 'x', VAR_C: '' }, { allowEmpty: true });
    expect(got.map((v) => [v.name, v.value.length])).toEqual([
      ['a', 1],
      ['b', 0],
      ['c', 0],
    ]);
  });

  it('recovers bytes that are not UTF-8 from the startup environment', () => {
    const raw = Buffer.from([0xff, 0xfe, 0x41, 0x80]);
    const lossy = raw.toString('utf8');
    expect(lossy).toContain('\uFFFD');
    const got = readSecretValues(parseSecretFileSpecs('k=V'), { V: lossy }, { rawEnviron: new Map([['V', raw]]) });
    expect(got[0]?.value.equals(raw)).toBe(true);
    // Changed since start-up: process.env wins.
    const changed = readSecretValues(
      parseSecretFileSpecs('k=V'),
      { V: 'new\uFFFD' },
      { rawEnviron: new Map([['V', raw]]) },
    );
    expect(changed[0]?.value.toString('utf8')).toBe('new\uFFFD');
  });
});

describe('environ', () => {
  it('parses NUL-separated NAME=value entries; first definition wins; values may hold =', () => {
    const block = Buffer.concat([
      Buffer.from('A=1\0B=x=y\0'),
      Buffer.from([0x43, 0x3d, 0xff, 0]),
      Buffer.from('A=2\0NOEQ\0=bad\0'),
    ]);
    const m = parseEnviron(block);
    expect(m.get('A')?.toString()).toBe('1');
    expect(m.get('B')?.toString()).toBe('x=y');
    expect(m.get('C')?.equals(Buffer.from([0xff]))).toBe(true);
    expect(m.has('NOEQ')).toBe(false);
    expect(m.size).toBe(3);
  });

  it("reads this process's startup environment on Linux", () => {
    const m = readStartupEnviron();
    expect(m).toBeDefined();
    expect(m?.get('PATH')?.toString()).toBe(parseEnviron(readFileSync('/proc/self/environ')).get('PATH')?.toString());
  });
});

describe('maskValuesFor', () => {
  it('masks the value and its base64 form', () => {
    expect(maskValuesFor(Buffer.from('s3cr3t'))).toEqual(['s3cr3t', Buffer.from('s3cr3t').toString('base64')]);
    expect(maskValuesFor(Buffer.alloc(0))).toEqual([]);
  });

  it('masks each line of a multi-line secret (CRLF too), skipping lines too short to matter', () => {
    const pem =
      '-----BEGIN PRIVATE KEY-----\r\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\r\n  indented  \r\n==\r\n\r\n-----END PRIVATE KEY-----\r\n';
    const masks = maskValuesFor(Buffer.from(pem));
    expect(masks).toContain(pem);
    expect(masks).toContain(Buffer.from(pem).toString('base64'));
    expect(masks).toContain('-----BEGIN PRIVATE KEY-----');
    expect(masks).toContain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC');
    expect(masks).toContain('  indented  ');
    expect(masks).toContain('indented');
    expect(masks).toContain('-----END PRIVATE KEY-----');
    expect(masks).not.toContain('==');
    expect(masks.every((m) => (m.trim() !== '' && !m.includes('\r')) || m === pem)).toBe(true);
    expect(new Set(masks).size).toBe(masks.length);
  });
});
