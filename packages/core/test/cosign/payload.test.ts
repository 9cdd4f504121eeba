import { describe, it, expect } from '@jest/globals';
import { BydigestError, parseSimpleSigningPayload, simpleSigningPayload } from '../../src/index.js';
import { fixtureBytes } from './fixtures.js';

const DIGEST = 'sha256:65855d7eaf01d6d664dfafe2cd651fd2cae08a09f7b9e259d960e7b5a4cdd925';

function parseError(input: string | Buffer): BydigestError {
  try {
    parseSimpleSigningPayload(input);
  } catch (e) {
    expect(e).toBeInstanceOf(BydigestError);
    expect((e as BydigestError).code).toBe('SIGNATURE');
    return e as BydigestError;
  }
  throw new Error(`accepted: ${input.toString()}`);
}

describe('simpleSigningPayload writes cosign bytes', () => {
  it('equals the payload cosign 2.5.0 pushed, without annotations', () => {
    const bytes = simpleSigningPayload({ dockerReference: '127.0.0.1:5055/test/app', manifestDigest: DIGEST });
    expect(bytes.equals(fixtureBytes('registry-legacy-sig/v1.sig.layer0.payload.json'))).toBe(true);
  });

  it('equals the payload cosign 2.5.0 pushed with -a foo=bar', () => {
    const bytes = simpleSigningPayload({
      dockerReference: '127.0.0.1:5055/test/app',
      manifestDigest: DIGEST,
      optional: { foo: 'bar' },
    });
    expect(bytes.equals(fixtureBytes('registry-legacy-sig/v1.sig.layer1.payload.json'))).toBe(true);
  });

  it('sorts annotation keys and escapes like Go encoding/json', () => {
    const bytes = simpleSigningPayload({
      dockerReference: 'ghcr.io/o/img',
      manifestDigest: DIGEST,
      optional: {
        timestamp: 1484683104,
        creator: 'CREATOR',
        'a<b>&c': 'line\nbreak\u2028"q"',
        nested: { z: true, a: [1, null] },
      },
    });
    expect(bytes.toString()).toBe(
      `{"critical":{"identity":{"docker-reference":"ghcr.io/o/img"},"image":{"docker-manifest-digest":"${DIGEST}"},"type":"cosign container image signature"},` +
        '"optional":{"a\\u003cb\\u003e\\u0026c":"line\\nbreak\\u2028\\"q\\"","creator":"CREATOR","nested":{"a":[1,null],"z":true},"timestamp":1484683104}}',
    );
  });

  it('an explicit empty optional is written as {}, absent as null', () => {
    expect(simpleSigningPayload({ dockerReference: 'r/x', manifestDigest: DIGEST, optional: {} }).toString()).toMatch(
      /"optional":\{\}\}$/,
    );
    expect(simpleSigningPayload({ dockerReference: 'r/x', manifestDigest: DIGEST, optional: null }).toString()).toMatch(
      /"optional":null\}$/,
    );
  });

  it('round-trips through the strict parser', () => {
    const bytes = simpleSigningPayload({
      dockerReference: 'ghcr.io/o/img:tag',
      manifestDigest: DIGEST,
      optional: { creator: 'bydigest', timestamp: 1700000000, foo: 'bar' },
    });
    expect(parseSimpleSigningPayload(bytes)).toEqual({
      dockerReference: 'ghcr.io/o/img:tag',
      manifestDigest: DIGEST,
      creator: 'bydigest',
      timestamp: 1700000000,
      optional: { creator: 'bydigest', foo: 'bar', timestamp: 1700000000 },
    });
  });

  it('refuses input containers/image could not read', () => {
    expect(() => simpleSigningPayload({ dockerReference: '', manifestDigest: DIGEST })).toThrow(
      /docker-reference .* is empty/,
    );
    expect(() => simpleSigningPayload({ dockerReference: 'r/x', manifestDigest: 'sha256:ABC' })).toThrow(
      /sha256:<64 lower-case hex>/,
    );
    expect(() => simpleSigningPayload({ dockerReference: 'r/x', manifestDigest: 'latest' })).toThrow(BydigestError);
    expect(() =>
      simpleSigningPayload({ dockerReference: 'r/x', manifestDigest: DIGEST, optional: { creator: 1 } }),
    ).toThrow(/"creator" annotation must be a string/);
    expect(() =>
      simpleSigningPayload({ dockerReference: 'r/x', manifestDigest: DIGEST, optional: { timestamp: 1.5 } }),
    ).toThrow(/"timestamp" annotation must be an integer/);
    expect(() =>
      simpleSigningPayload({ dockerReference: 'r/x', manifestDigest: DIGEST, optional: { timestamp: '1' } }),
    ).toThrow(/"timestamp"/);
  });
});

describe('parseSimpleSigningPayload follows containers/image', () => {
  const valid = `{"critical":{"identity":{"docker-reference":"reference"},"image":{"docker-manifest-digest":"${DIGEST}"},"type":"cosign container image signature"},"optional":{"creator":"CREATOR","timestamp":1484683104}}`;
  type Doc = { critical: any; optional: any; [k: string]: any };
  const modified = (edit: (d: Doc) => void): string => {
    const d = JSON.parse(valid) as Doc;
    edit(d);
    return JSON.stringify(d);
  };

  it('reads the fixture payloads cosign wrote', () => {
    expect(parseSimpleSigningPayload(fixtureBytes('registry-legacy-sig/v1.sig.layer0.payload.json'))).toEqual({
      dockerReference: '127.0.0.1:5055/test/app',
      manifestDigest: DIGEST,
      optional: null,
    });
    expect(parseSimpleSigningPayload(fixtureBytes('registry-legacy-sig/v1.sig.layer1.payload.json')).optional).toEqual({
      foo: 'bar',
    });
  });

  // The corruptions of containers/image's TestUntrustedSigstorePayloadUnmarshalJSON, with its messages.
  const broken: Array<[string, (d: Doc) => void, string]> = [
    ['critical missing', (d) => delete d.critical, 'Key "critical" missing in a JSON object'],
    ['optional missing', (d) => delete d.optional, 'Key "optional" missing in a JSON object'],
    ['extra top-level member', (d) => (d.unexpected = 1), 'Unknown key "unexpected"'],
    ['critical not an object', (d) => (d.critical = 1), 'JSON object expected, got 1'],
    ['optional not an object', (d) => (d.optional = 1), 'JSON object expected, got 1'],
    ['optional an array', (d) => (d.optional = []), 'JSON object expected, got 91'],
    ['critical.type missing', (d) => delete d.critical.type, 'Key "type" missing in a JSON object'],
    ['critical.image missing', (d) => delete d.critical.image, 'Key "image" missing in a JSON object'],
    ['critical.identity missing', (d) => delete d.critical.identity, 'Key "identity" missing in a JSON object'],
    ['extra critical member', (d) => (d.critical.unexpected = 1), 'Unknown key "unexpected"'],
    ['type not a string', (d) => (d.critical.type = 1), 'json: cannot unmarshal number into Go value of type string'],
    ['another type', (d) => (d.critical.type = 'unexpected'), 'Unrecognized signature type unexpected'],
    ['image not an object', (d) => (d.critical.image = 1), 'JSON object expected, got 1'],
    [
      'docker-manifest-digest missing',
      (d) => delete d.critical.image['docker-manifest-digest'],
      'Key "docker-manifest-digest" missing in a JSON object',
    ],
    ['extra image member', (d) => (d.critical.image.unexpected = 1), 'Unknown key "unexpected"'],
    [
      'docker-manifest-digest not a string',
      (d) => (d.critical.image['docker-manifest-digest'] = 1),
      'json: cannot unmarshal number into Go value of type string',
    ],
    ['identity not an object', (d) => (d.critical.identity = 1), 'JSON object expected, got 1'],
    [
      'docker-reference missing',
      (d) => delete d.critical.identity['docker-reference'],
      'Key "docker-reference" missing in a JSON object',
    ],
    ['extra identity member', (d) => (d.critical.identity.unexpected = 1), 'Unknown key "unexpected"'],
    [
      'docker-reference not a string',
      (d) => (d.critical.identity['docker-reference'] = 1),
      'json: cannot unmarshal number into Go value of type string',
    ],
    [
      'creator not a string',
      (d) => (d.optional.creator = 1),
      'json: cannot unmarshal number into Go value of type string',
    ],
    [
      'timestamp a string',
      (d) => (d.optional.timestamp = 'unexpected'),
      'json: cannot unmarshal string into Go value of type float64',
    ],
    ['timestamp fractional', (d) => (d.optional.timestamp = 0.5), 'Field optional.timestamp is not is not an integer'],
  ];
  for (const [what, edit, message] of broken) {
    it(`rejects: ${what}`, () => {
      expect(parseError(modified(edit)).message).toBe(message);
    });
  }

  it('accepts and keeps unknown optional members, and optional null', () => {
    expect(parseSimpleSigningPayload(modified((d) => (d.optional.unexpected = { deep: [1] }))).optional).toMatchObject({
      unexpected: { deep: [1] },
    });
    expect(parseSimpleSigningPayload(modified((d) => (d.optional = null)))).toEqual({
      dockerReference: 'reference',
      manifestDigest: DIGEST,
      optional: null,
    });
    expect(parseSimpleSigningPayload(modified((d) => (d.optional = {}))).optional).toEqual({});
  });

  it('rejects duplicate keys at every level containers/image parses, which JSON.parse would hide', () => {
    const dup = (from: string, to: string) => {
      expect(valid.includes(from)).toBe(true);
      return valid.replace(from, to);
    };
    expect(parseError(dup('"optional":', '"critical":{},"optional":')).message).toBe('Duplicate key "critical"');
    expect(parseError(dup('"type":', '"type":"x","type":')).message).toBe('Duplicate key "type"');
    expect(
      parseError(dup('{"docker-manifest-digest"', '{"docker-manifest-digest":"a","docker-manifest-digest"')).message,
    ).toBe('Duplicate key "docker-manifest-digest"');
    expect(parseError(dup('{"docker-reference"', '{"docker-reference":"evil","docker-reference"')).message).toBe(
      'Duplicate key "docker-reference"',
    );
    expect(parseError(dup('"timestamp":', '"timestamp":1,"timestamp":')).message).toBe('Duplicate key "timestamp"');
    // Inside an unknown optional member Go decodes into `any`, which does not check.
    expect(parseSimpleSigningPayload(dup('"creator":', '"x":{"a":1,"a":2},"creator":')).optional).toMatchObject({
      x: { a: 2 },
    });
  });

  it('applies go-digest rules to docker-manifest-digest', () => {
    const withDigest = (v: string) => modified((d) => (d.critical.image['docker-manifest-digest'] = v));
    expect(parseError(withDigest('digest!@#')).message).toBe(
      'invalid docker-manifest-digest value "digest!@#": invalid checksum digest format',
    );
    expect(parseError(withDigest('sha256:abc')).message).toBe(
      'invalid docker-manifest-digest value "sha256:abc": invalid checksum digest length',
    );
    expect(parseError(withDigest(DIGEST.toUpperCase().replace('SHA256', 'sha256'))).message).toMatch(
      /invalid checksum digest format$/,
    );
    expect(parseError(withDigest('md5:d41d8cd98f00b204e9800998ecf8427e')).message).toMatch(
      /unsupported digest algorithm$/,
    );
    expect(parseSimpleSigningPayload(withDigest(`sha512:${'a'.repeat(128)}`)).manifestDigest).toBe(
      `sha512:${'a'.repeat(128)}`,
    );
  });

  it('treats null like Go does for scalar fields', () => {
    expect(parseError(modified((d) => (d.critical.type = null))).message).toBe('Unrecognized signature type ');
    expect(
      parseSimpleSigningPayload(modified((d) => (d.critical.identity['docker-reference'] = null))).dockerReference,
    ).toBe('');
  });

  it('rejects malformed JSON with Go wording', () => {
    expect(parseError('&').message).toBe("invalid character '&' looking for beginning of value");
    expect(parseError('1').message).toBe('JSON object expected, got 1');
    expect(parseError(`${valid} {}`).message).toBe("invalid character '{' after top-level value");
    expect(parseError(valid.slice(0, -1)).message).toBe('unexpected end of JSON input');
    expect(parseError(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(valid)])).message).toMatch(
      /^invalid character .* looking for beginning of value$/,
    );
    expect(parseError(valid.replace('"reference"', '"ref\u0001"')).message).toMatch(/in string literal$/);
    expect(parseError(valid.replace('1484683104', '01484683104')).message).toMatch(/after object key:value pair$/);
  });

  it('timestamps: integral floats are integers, huge ones are not', () => {
    expect(parseSimpleSigningPayload(valid.replace('1484683104', '1.484683104e9')).timestamp).toBe(1484683104);
    expect(parseError(valid.replace('1484683104', '1e19')).message).toBe(
      'Field optional.timestamp is not is not an integer',
    );
    expect(parseError(valid.replace('1484683104', '1e400')).message).toBe(
      'json: cannot unmarshal number 1e400 into Go value of type float64',
    );
  });
});
