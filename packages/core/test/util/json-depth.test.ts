/**
 * Nesting depth in the files a host reads (policy.json, signature payloads, registries.d).
 * Go's encoding/json refuses more than 10,000 levels and accepts 10,000; skopeo 1.18 prints, for
 * `skopeo copy --policy <file>`:
 *   10,000 levels under an unknown key → invalid policy in "<file>": Unknown key "x"
 *   10,001 levels                      → invalid policy in "<file>": invalid character '[' exceeded max depth
 * and for registries.d (yaml.v3): 10,001 levels of [ → parsing <file>: yaml: line 2: exceeded max depth of 10000.
 */
import { describe, it, expect } from '@jest/globals';
import { isBydigestError, mergeRegistriesFiles, parsePolicy, parseSimpleSigningPayload } from '../../src/index.js';
import { MAX_JSON_DEPTH, parseJsonTree, toPlain, type JsonNode } from '../../src/util/json/strict-json.js';

const arrays = (depth: number, inner = ''): string => '['.repeat(depth) + inner + ']'.repeat(depth);
const objects = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

function depthOf(root: JsonNode): number {
  let depth = 0;
  for (let node: JsonNode | undefined = root; node && (node.kind === 'array' || node.kind === 'object'); depth++) {
    node = node.kind === 'array' ? node.items[0] : node.entries[0]?.[1];
  }
  return depth;
}

function policyError(text: string): string {
  try {
    parsePolicy(text, '/etc/containers/policy.json');
  } catch (e) {
    if (!isBydigestError(e, 'POLICY')) throw e;
    return e.message;
  }
  throw new Error('the policy loaded');
}

const TOO_DEEP = (c: string) => `invalid character '${c}' exceeded max depth (JSON nested deeper than 10000 levels)`;

describe('JSON nesting depth (encoding/json: at most 10,000 levels)', () => {
  it('is the limit Go uses', () => expect(MAX_JSON_DEPTH).toBe(10_000));

  it('parses 10,000 levels of arrays and of objects, without recursion', () => {
    expect(depthOf(parseJsonTree(arrays(10_000)))).toBe(10_000);
    expect(depthOf(parseJsonTree(objects(10_000)))).toBe(10_000);
    // An empty container at the deepest level counts as a level, as in Go's scanner.
    expect(depthOf(parseJsonTree(arrays(9_999, '[]')))).toBe(10_000);
  });

  it('refuses level 10,001 at its opening bracket, with Go’s words and the limit', () => {
    expect(() => parseJsonTree(arrays(10_001))).toThrow(TOO_DEEP('['));
    expect(() => parseJsonTree(objects(10_001))).toThrow(TOO_DEEP('{'));
    expect(() => parseJsonTree(arrays(10_000, '{}'))).toThrow(TOO_DEEP('{'));
    // Refused before the syntax error further on, as Go's scanner reaches the depth first.
    expect(() => parseJsonTree(arrays(10_001).slice(0, -5) + 'x')).toThrow(TOO_DEEP('['));
  });

  it('refuses 200,000 levels with the same message, not a RangeError', () => {
    let error: unknown;
    try {
      parseJsonTree(arrays(200_000));
    } catch (e) {
      error = e;
    }
    expect(error).not.toBeInstanceOf(RangeError);
    expect((error as Error).message).toBe(TOO_DEEP('['));
  });

  it('a parsed 10,000-level tree becomes plain values without recursion, duplicates as before', () => {
    let plain = toPlain(parseJsonTree(objects(10_000)));
    let depth = 0;
    while (typeof plain === 'object' && plain !== null) {
      plain = (plain as { a: unknown }).a;
      depth++;
    }
    expect([depth, plain]).toEqual([10_000, 1]);
    const dup = toPlain(parseJsonTree('{"b":1,"a":[{"x":null}],"b":[2,true],"__proto__":"s"}')) as Record<
      string,
      unknown
    >;
    expect(Object.keys(dup)).toEqual(['b', 'a', '__proto__']);
    expect(dup).toEqual({ b: [2, true], a: [{ x: null }], ['__proto__']: 's' });
    expect(Object.getPrototypeOf(dup)).toBe(Object.prototype);
  });
});

describe('policy.json nested deeply', () => {
  const policy = (depth: number): string => `{"default":[{"type":"insecureAcceptAnything"}],"x":${arrays(depth - 1)}}`;

  it('10,000 levels: read to the end, refused for its unknown key as skopeo does', () => {
    expect(policyError(policy(10_000))).toBe('invalid policy in "/etc/containers/policy.json": Unknown key "x"');
  });

  it('10,001 and 200,000 levels: refused for the depth, naming the file and the limit', () => {
    for (const depth of [10_001, 200_000]) {
      expect(policyError(policy(depth))).toBe(`invalid policy in "/etc/containers/policy.json": ${TOO_DEEP('[')}`);
    }
  });
});

describe('signature payload nested deeply', () => {
  const DIGEST = 'sha256:65855d7eaf01d6d664dfafe2cd651fd2cae08a09f7b9e259d960e7b5a4cdd925';
  // `optional` may carry unknown members; the document's own two levels count toward the 10,000.
  const payload = (depth: number): string =>
    `{"critical":{"identity":{"docker-reference":"r/x"},"image":{"docker-manifest-digest":"${DIGEST}"},"type":"cosign container image signature"},"optional":{"deep":${arrays(depth - 2)}}}`;

  it('10,000 levels are accepted, 10,001 refused with the limit named', () => {
    const parsed = parseSimpleSigningPayload(payload(10_000));
    expect(parsed.manifestDigest).toBe(DIGEST);
    expect(() => parseSimpleSigningPayload(payload(10_001))).toThrow(TOO_DEEP('['));
    expect(() => parseSimpleSigningPayload(payload(200_000))).toThrow(TOO_DEEP('['));
  });
});

describe('registries.d nested deeply', () => {
  function registriesError(text: string): string {
    try {
      mergeRegistriesFiles([{ path: '/etc/containers/registries.d/a.yaml', text }]);
    } catch (e) {
      if (!isBydigestError(e, 'POLICY')) throw e;
      return e.message;
    }
    throw new Error('the file loaded');
  }
  const flow = (depth: number): string => `docker:\n  x: ${arrays(depth)}\n`;

  it('more than 10,000 levels of [ : yaml.v3’s refusal, with the depth', () => {
    expect(registriesError(flow(200_000))).toBe(
      'parsing /etc/containers/registries.d/a.yaml: yaml: line 2: exceeded max depth of 10000 ([ and { nested 200000 levels deep)',
    );
    expect(registriesError(flow(10_001))).toContain('yaml: line 2: exceeded max depth of 10000');
  });

  it('deeper than the YAML library follows: refused with the depth, not the engine’s words', () => {
    expect(registriesError(flow(10_000))).toBe(
      'parsing /etc/containers/registries.d/a.yaml: [ and { nested 10000 levels deep: bydigest reads at most 512 (containers/image 10000), and a registries.d file needs 3; flatten it',
    );
    let block = 'docker:\n';
    for (let i = 0; i < 1500; i++) block += `${' '.repeat(i + 2)}a:\n`;
    const message = registriesError(block);
    expect(message).toBe(
      'parsing /etc/containers/registries.d/a.yaml: mappings or lists indented 1501 levels deep (past 512 at line 513): bydigest reads at most 512, and a registries.d file needs 3; flatten it',
    );
    expect(message).not.toMatch(/stack/i);
  });

  it('brackets in quoted scalars and comments are not nesting', () => {
    const text = `docker:\n  'r/x${'['.repeat(600)}':\n    lookaside: "${'{'.repeat(600)}" # ${'['.repeat(600)}\n`;
    expect(mergeRegistriesFiles([{ path: 'a.yaml', text }]).docker.get(`r/x${'['.repeat(600)}`)?.lookaside).toBe(
      '{'.repeat(600),
    );
  });
});
