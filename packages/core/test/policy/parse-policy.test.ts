import { describe, it, expect } from '@jest/globals';
import { isBydigestError, parsePolicy, type SigstoreSigned } from '../../src/index.js';
import { ACCEPTED_SIGSTORE_STANZAS, BROKEN_SIGSTORE_STANZAS } from './broken-stanzas.js';

function reason(text: string): string {
  try {
    parsePolicy(text, '/etc/containers/policy.json');
  } catch (e) {
    if (!isBydigestError(e, 'POLICY')) throw e;
    return e.message;
  }
  throw new Error('parsed');
}

const PREFIX = 'invalid policy in "/etc/containers/policy.json": ';

describe('parsePolicy', () => {
  it('reads the policy a bootc image ships', () => {
    const p = parsePolicy(
      JSON.stringify({
        default: [{ type: 'reject' }],
        transports: {
          docker: {
            'ghcr.io/ublue-os': [
              {
                type: 'sigstoreSigned',
                keyPath: '/etc/pki/containers/ublue-os.pub',
                signedIdentity: { type: 'matchRepository' },
              },
            ],
            'quay.io': [{ type: 'insecureAcceptAnything' }],
          },
          'docker-daemon': { '': [{ type: 'insecureAcceptAnything' }] },
        },
      }),
    );
    expect(p.default).toEqual([{ type: 'reject' }]);
    const req = p.transports.get('docker')?.get('ghcr.io/ublue-os')?.[0] as SigstoreSigned;
    expect(req).toEqual({
      type: 'sigstoreSigned',
      keys: { kind: 'keyPath', paths: ['/etc/pki/containers/ublue-os.pub'] },
      signedIdentity: { type: 'matchRepository' },
    });
    expect(p.transports.get('docker-daemon')?.get('')).toEqual([{ type: 'insecureAcceptAnything' }]);
  });

  it('defaults signedIdentity to matchRepoDigestOrExact and decodes keyData / keyDatas / keyPaths', () => {
    const pem = Buffer.from('-----BEGIN PUBLIC KEY-----\n').toString('base64');
    const p = parsePolicy(
      JSON.stringify({
        default: [{ type: 'sigstoreSigned', keyData: pem }],
        transports: {
          docker: {
            a: [{ type: 'sigstoreSigned', keyDatas: [pem, pem] }],
            b: [{ type: 'sigstoreSigned', keyPaths: ['x.pub', 'y.pub'] }],
          },
        },
      }),
    );
    expect(p.default[0]).toEqual({
      type: 'sigstoreSigned',
      keys: { kind: 'keyData', datas: [Buffer.from('-----BEGIN PUBLIC KEY-----\n')] },
      signedIdentity: { type: 'matchRepoDigestOrExact' },
    });
    expect((p.transports.get('docker')?.get('a')?.[0] as SigstoreSigned).keys).toEqual({
      kind: 'keyDatas',
      datas: [Buffer.from('-----BEGIN PUBLIC KEY-----\n'), Buffer.from('-----BEGIN PUBLIC KEY-----\n')],
    });
    expect((p.transports.get('docker')?.get('b')?.[0] as SigstoreSigned).keys).toEqual({
      kind: 'keyPaths',
      paths: ['x.pub', 'y.pub'],
    });
  });

  it('parses every signedIdentity rule', () => {
    const rules = [
      { type: 'matchExact' },
      { type: 'matchRepoDigestOrExact' },
      { type: 'matchRepository' },
      { type: 'exactReference', dockerReference: 'ghcr.io/o/img:stable' },
      { type: 'exactRepository', dockerRepository: 'ghcr.io/o/img' },
      { type: 'remapIdentity', prefix: 'mirror.example.com/o', signedPrefix: 'ghcr.io/o' },
    ];
    for (const signedIdentity of rules) {
      const p = parsePolicy(
        JSON.stringify({ default: [{ type: 'sigstoreSigned', keyPath: '/k.pub', signedIdentity }] }),
      );
      expect((p.default[0] as SigstoreSigned).signedIdentity).toEqual(signedIdentity);
    }
  });

  it('parses Fulcio with Rekor (evaluable); marks Fulcio without Rekor, keys with Rekor and PKI as not evaluable; parses signedBy', () => {
    const p = parsePolicy(
      JSON.stringify({
        default: [{ type: 'sigstoreSigned', keyPath: '/k.pub', rekorPublicKeyPath: '/r.pub' }],
        transports: {
          docker: {
            f: [
              {
                type: 'sigstoreSigned',
                fulcio: { caPath: '/ca', oidcIssuer: 'https://issuer', subjectEmail: 'a@example.com' },
                rekorPublicKeyPath: '/r.pub',
              },
            ],
            p: [{ type: 'sigstoreSigned', pki: { caRootsPath: '/roots', subjectHostname: 'ci.example.com' } }],
            g: [{ type: 'signedBy', keyType: 'GPGKeys', keyPath: '/k.gpg' }],
          },
        },
      }),
    );
    expect((p.default[0] as SigstoreSigned).unsupported).toMatch(/Rekor/);
    const f = p.transports.get('docker')?.get('f')?.[0] as SigstoreSigned;
    expect({ unsupported: f.unsupported, fulcio: f.fulcio, rekor: f.rekorKeys }).toEqual({
      unsupported: undefined,
      fulcio: { caPath: '/ca', oidcIssuer: 'https://issuer', subjectEmail: 'a@example.com' },
      rekor: { kind: 'keyPath', paths: ['/r.pub'] },
    });
    expect((p.transports.get('docker')?.get('p')?.[0] as SigstoreSigned).unsupported).toMatch(/PKI/);
    expect(p.transports.get('docker')?.get('g')).toEqual([{ type: 'signedBy' }]);
  });

  it.each(ACCEPTED_SIGSTORE_STANZAS)('loads %s, as containers/image does', (_name, requirement) => {
    const p = parsePolicy(
      JSON.stringify({
        default: [{ type: 'reject' }],
        transports: { docker: { 'elsewhere.example.com': [requirement] } },
      }),
    );
    expect(p.transports.get('docker')?.get('elsewhere.example.com')).toHaveLength(1);
  });

  it.each<[string, string, string]>([
    ['no default', '{"transports":{}}', 'Default policy is missing'],
    ['an unknown top-level key', '{"default":[{"type":"reject"}],"defaults":[]}', 'Unknown key "defaults"'],
    ['a duplicate key', '{"default":[{"type":"reject"}],"default":[{"type":"reject"}]}', 'Duplicate key "default"'],
    ['an empty requirement list', '{"default":[]}', 'List of verification policy requirements must not be empty'],
    ['an unknown requirement type', '{"default":[{"type":"sigstore"}]}', 'Unknown policy requirement type "sigstore"'],
    ['an extra field on reject', '{"default":[{"type":"reject","keyPath":"/x"}]}', 'Unknown key "keyPath"'],
    ['a typo in sigstoreSigned', '{"default":[{"type":"sigstoreSigned","keypath":"/x"}]}', 'Unknown key "keypath"'],
    [
      'no key source',
      '{"default":[{"type":"sigstoreSigned"}]}',
      'exactly one of keyPath, keyPaths, keyData, keyDatas, fulcio, and pki must be specified',
    ],
    [
      'two key sources',
      '{"default":[{"type":"sigstoreSigned","keyPath":"/a","keyData":"eA=="}]}',
      'exactly one of keyPath, keyPaths, keyData, keyDatas, fulcio, and pki must be specified',
    ],
    ['an empty keyPaths', '{"default":[{"type":"sigstoreSigned","keyPaths":[]}]}', '"keyPaths" contains no entries'],
    [
      'keyData not base64',
      '{"default":[{"type":"sigstoreSigned","keyData":"not base64!"}]}',
      'illegal base64 data at input byte 3',
    ],
    [
      'a keyPath that is a number',
      '{"default":[{"type":"sigstoreSigned","keyPath":1}]}',
      'json: cannot unmarshal number into Go value of type string',
    ],
    [
      'an unknown signedIdentity',
      '{"default":[{"type":"sigstoreSigned","keyPath":"/a","signedIdentity":{"type":"matchTag"}}]}',
      'Unknown policy reference match type "matchTag"',
    ],
    [
      'exactReference without a tag',
      '{"default":[{"type":"sigstoreSigned","keyPath":"/a","signedIdentity":{"type":"exactReference","dockerReference":"ghcr.io/o/i"}}]}',
      'dockerReference "ghcr.io/o/i" contains neither a tag nor digest',
    ],
    [
      'exactRepository without its field',
      '{"default":[{"type":"sigstoreSigned","keyPath":"/a","signedIdentity":{"type":"exactRepository"}}]}',
      'Key "dockerRepository" missing in a JSON object',
    ],
    [
      'a bad remap prefix',
      '{"default":[{"type":"sigstoreSigned","keyPath":"/a","signedIdentity":{"type":"remapIdentity","prefix":"Not/Valid!","signedPrefix":"ghcr.io"}}]}',
      'prefix "Not/Valid!" is not valid',
    ],
    [
      'a scope that is not a list',
      '{"default":[{"type":"reject"}],"transports":{"docker":{"x":{"type":"reject"}}}}',
      'json: cannot unmarshal object into Go value of type []json.RawMessage',
    ],
    ['broken JSON', '{"default":[{"type":"reject"}]', 'unexpected end of JSON input'],
    ...BROKEN_SIGSTORE_STANZAS.flatMap(([name, requirement, message]): [string, string, string][] => [
      [`${name} (default)`, JSON.stringify({ default: [requirement] }), message],
      [
        `${name} (in a scope no pull here uses)`,
        JSON.stringify({
          default: [{ type: 'reject' }],
          transports: { docker: { 'elsewhere.example.com': [requirement] } },
        }),
        message,
      ],
    ]),
  ])("refuses %s with containers/image's message", (_name, text, message) => {
    expect(reason(text)).toBe(PREFIX + message);
  });
});
