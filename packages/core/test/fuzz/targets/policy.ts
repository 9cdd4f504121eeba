/** The trust files check-host-trust reads from an image: policy.json, registries.d YAML, key PEM/DER. */
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadPublicKeys } from '../../../src/cosign/keys/public-key.js';
import { identifyPrivateKey } from '../../../src/cosign/keys/private-key-type.js';
import { parsePolicy } from '../../../src/policy/parse-policy.js';
import { parseRegistriesFile } from '../../../src/policy/registries-d.js';
import { loadTrustRoot } from '../../../src/policy/trust-root.js';
import type { FuzzTarget } from '../contract.js';
import { fixture, fixtures, FIXTURES } from '../inputs.js';

const nested = (open: string, close: string) =>
  fc.integer({ min: 1, max: 200_000 }).map((n) => Buffer.from(open.repeat(n) + close.repeat(n)));

export const policyJson: FuzzTarget = {
  name: 'policy-json',
  parser:
    'policy/parse-policy.ts, parse-requirement.ts, json-decode.ts; util/json/strict-json.ts, paranoid-json.ts (containers/image rules)',
  promise:
    "containers/image's strict rules (unknown or duplicate keys refused), every failure a POLICY error in skopeo's words; nesting is parsed without recursion (issue 27). check-host-trust reads at most 4 MiB of any trust file (a 50 MB policy.json is refused from its size).",
  run: (input) => parsePolicy(input, 'policy.json'),
  seeds: () => [fixture('policy/bootc-host/policy.json'), fixture('policy/chapter-snippet.json')],
  generate: () =>
    fc.oneof(
      fc
        .jsonValue({ maxDepth: 6 })
        .map((v) =>
          Buffer.from(
            JSON.stringify({ default: [{ type: 'insecureAcceptAnything' }], transports: { docker: { x: v } } }),
          ),
        ),
      fc.jsonValue({ maxDepth: 4 }).map((v) => Buffer.from(JSON.stringify(v))),
      nested('[', ']'),
      nested('{"default":', '}'),
      fc.string({ maxLength: 200 }).map((s) => Buffer.from(`{"default":[{"type":"sigstoreSigned","keyData":"${s}"}]}`)),
    ),
};

const yamlSeeds = (): Buffer[] => fixtures('policy/bootc-host/registries.d', (n) => n.endsWith('.yaml'));

export const registriesD: FuzzTarget = {
  name: 'registries-d',
  parser: 'policy/registries-d.ts, yaml-depth.ts (YAML 1.1)',
  promise:
    "Flow nesting is counted before the YAML library sees the text (over 512 levels refused, over 10,000 in yaml.v3's words); block nesting is counted by indentation first too (over 512 levels refused: the library's stack overflow near 900 came or went with how warm the engine was, found by a 5-minute campaign); aliases are bounded by the library (100 per document: no billion laughs); POLICY errors naming the file.",
  run: (input) => parseRegistriesFile(input.toString('utf8'), '/etc/containers/registries.d/fuzz.yaml'),
  seeds: yamlSeeds,
  generate: () =>
    fc.oneof(
      nested('[', ']'),
      nested('{a: ', '}'),
      // block nesting by indentation: n lines, the last indented n - 1 spaces (1,400 levels is ~1 MB)
      fc
        .integer({ min: 1, max: 1_400 })
        .map((n) => Buffer.from(Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k:`).join('\n'))),
      // billion laughs: each level aliases the one before ten times
      fc
        .integer({ min: 1, max: 12 })
        .map((n) =>
          Buffer.from(
            [
              'a0: &a0 [x]',
              ...Array.from({ length: n }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`),
            ].join('\n'),
          ),
        ),
      fc
        .array(
          fc.constantFrom(
            'docker:',
            '  quay.io:',
            '    use-sigstore-attachments: yes',
            'default-docker:',
            '  lookaside: http://x',
            '  sigstore: [a]',
            '- a',
            '? b',
            '!!binary AAAA',
            '<<: *x',
            '&x',
            '"\\u0000"',
            '__proto__:',
            '  ',
            '\t',
          ),
          { maxLength: 30 },
        )
        .map((ls) => Buffer.from(ls.join('\n'))),
    ),
};

const pemSeeds = (): Buffer[] => {
  const dirs = ['cosign/cosign-2.5.0-keys', 'cosign/containers-image'];
  return dirs.flatMap((d) =>
    readdirSync(join(FIXTURES, d))
      .filter((n) => n.endsWith('.pub'))
      .map((n) => fixture(join(d, n))),
  );
};

export const keys: FuzzTarget = {
  name: 'keys',
  parser: 'cosign/keys/pem.ts, public-key.ts, der.ts, private-key-type.ts; policy/trust-root.ts',
  promise:
    "PEM blocks are found line by line (no backtracking); DER goes to OpenSSL, whose failures become KEY errors, or for a policy's keys the Go-worded KEY_UNUSABLE reason; the DER sniffing of key types never throws.",
  run: (input) => {
    const root = loadTrustRoot({ kind: 'keyData', datas: [input] }, () => Buffer.alloc(0));
    if (!root.ok && !root.reason) throw new Error('a refused key without a reason');
    identifyPrivateKey(input);
    return loadPublicKeys(input.toString('latin1'));
  },
  seeds: pemSeeds,
  generate: () =>
    fc.oneof(
      fc
        .uint8Array({ maxLength: 200 })
        .map((a) =>
          Buffer.from(`-----BEGIN PUBLIC KEY-----\n${Buffer.from(a).toString('base64')}\n-----END PUBLIC KEY-----\n`),
        ),
      fc.integer({ min: 1, max: 50_000 }).map((n) => Buffer.from('-----BEGIN PUBLIC KEY-----\n'.repeat(n))),
      fc.integer({ min: 1, max: 20_000 }).map((n) => Buffer.from('-----BEGIN A-----\n-----END A-----\n'.repeat(n))),
      fc
        .array(fc.constantFrom(0x30, 0x80, 0x81, 0x84, 0xff, 0x02, 0x06, 0x04, 0x00, 0x7f), { maxLength: 64 })
        .map((a) => Buffer.from(a)),
    ),
};
