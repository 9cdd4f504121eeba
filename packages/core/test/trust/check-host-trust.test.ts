/**
 * checkHostTrust on flat rootfs exports (dir:), no registry: the checks that need only the files
 * (1, 2, 4, 5, 6), the /usr/etc layout of older ostree images, and the field each finding names.
 * The registry, the layer walk and skopeo's agreement are in test/check-host-trust.test.ts.
 */
import { describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  checkHostTrust,
  isBydigestError,
  parseReference,
  type CheckId,
  type HostTrustReport,
} from '../../src/index.js';

const REPO = 'ghcr.io/owner/os';
const pullRef = parseReference(`${REPO}:stable`);
const pem = () =>
  generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }) as string;

function rootfs(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'trust-rootfs-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const policy = (scopes: Record<string, object[]>) =>
  JSON.stringify({ default: [{ type: 'insecureAcceptAnything' }], transports: { docker: scopes } });
const keyed = (keyPath: string) => ({ type: 'sigstoreSigned', keyPath, signedIdentity: { type: 'matchRepository' } });
const ATTACH = `docker:\n  ${REPO}:\n    use-sigstore-attachments: true\n`;

const status = (r: HostTrustReport, id: CheckId) => r.checks.find((c) => c.id === id)?.status;
const findings = (r: HostTrustReport, id: CheckId) => r.checks.find((c) => c.id === id)?.findings ?? [];
const check = (root: string) => checkHostTrust({ source: `dir:${root}`, pullRef });

describe('checkHostTrust (dir: rootfs)', () => {
  it('a good image: everything passes but the signatures, which need a registry', async () => {
    const root = rootfs({
      'etc/containers/policy.json': policy({
        [REPO]: [
          {
            type: 'sigstoreSigned',
            keyPaths: ['/etc/pki/containers/a.pub', '/etc/pki/containers/b.pub'],
            signedIdentity: { type: 'matchRepository' },
          },
        ],
      }),
      'etc/containers/registries.d/os.yaml': ATTACH,
      'etc/pki/containers/a.pub': pem(),
      'etc/pki/containers/b.pub': pem(),
    });
    const r = await check(root);
    expect(r.passed).toBe(true);
    expect(r.checks.map((c) => [c.id, c.status])).toEqual([
      ['policy-loads', 'pass'],
      ['key-files', 'pass'],
      ['signatures', 'skip'],
      ['scope-and-attachments', 'pass'],
      ['signing-key', 'pass'],
      ['fulcio-identity', 'pass'],
    ]);
    expect(r.scope).toBe(`transports.docker["${REPO}"]`);
    expect(r.keys.map((k) => k.fingerprints[0])).toEqual([
      expect.stringMatching(/^[a-f0-9]{64}$/),
      expect.stringMatching(/^[a-f0-9]{64}$/),
    ]);
  });

  it('older ostree layout: /usr/etc holds the default /etc, and /etc key paths are found there', async () => {
    const root = rootfs({
      'usr/etc/containers/policy.json': policy({ [REPO]: [keyed('/etc/pki/containers/a.pub')] }),
      'usr/etc/containers/registries.d/os.yaml': ATTACH,
      'usr/etc/pki/containers/a.pub': pem(),
    });
    const r = await check(root);
    expect(status(r, 'key-files')).toBe('pass');
    expect(status(r, 'scope-and-attachments')).toBe('pass');
    // One key: a warning about rotation, not a failure.
    expect(status(r, 'signing-key')).toBe('warn');
    expect(r.passed).toBe(true);
  });

  it('an unknown key deep in the policy: the finding names its JSON location', async () => {
    const root = rootfs({
      'etc/containers/policy.json': policy({
        [REPO]: [
          {
            type: 'sigstoreSigned',
            fulcio: { caPath: '/x', oidcIssuer: 'i', subjectEmail: 'e', bogus: 1 },
            rekorPublicKeyPath: '/r',
          },
        ],
      }),
    });
    const r = await check(root);
    const [f] = findings(r, 'policy-loads');
    expect(f).toMatchObject({
      status: 'fail',
      file: '/etc/containers/policy.json',
      field: `transports.docker["${REPO}"][0].fulcio.bogus`,
    });
    expect(f?.message).toContain('Unknown key "bogus"');
    expect(f?.message).toContain('every pull');
    expect(status(r, 'key-files')).toBe('skip');
  });

  it('a namespace in two registries.d files fails loading and names a file', async () => {
    const root = rootfs({
      'etc/containers/policy.json': policy({ [REPO]: [keyed('/k.pub')] }),
      'etc/containers/registries.d/a.yaml': ATTACH,
      'etc/containers/registries.d/b.yaml': ATTACH,
      'etc/containers/registries.d/ignored.yml': 'not: [valid',
    });
    const r = await check(root);
    const [f] = findings(r, 'policy-loads');
    expect(f?.file).toBe('/etc/containers/registries.d/a.yaml');
    expect(f?.message).toContain('defined both in');
  });

  it('a key that does not parse fails; a broken key in another scope only warns', async () => {
    const root = rootfs({
      'etc/containers/policy.json': policy({
        [REPO]: [keyed('/etc/pki/containers/a.pub')],
        'quay.io/other': [keyed('/etc/pki/containers/missing.pub')],
      }),
      'etc/containers/registries.d/os.yaml': ATTACH,
      'etc/pki/containers/a.pub': 'not a key\n',
    });
    const r = await check(root);
    const fs = findings(r, 'key-files');
    expect(fs.map((f) => [f.status, f.field])).toEqual([
      ['fail', `transports.docker["${REPO}"][0].keyPath`],
      ['warn', 'transports.docker["quay.io/other"][0].keyPath'],
    ]);
    expect(fs[0]?.message).toContain('PEM decoding failed');
    expect(fs[0]?.file).toBe('/etc/pki/containers/a.pub');
    expect(fs[1]?.message).toContain('not in the image');
    expect(r.passed).toBe(false);
  });

  it('use-sigstore-attachments: false names the file and the namespace that turned it off', async () => {
    const root = rootfs({
      'etc/containers/policy.json': policy({ [REPO]: [keyed('/k.pub')] }),
      'etc/containers/registries.d/os.yaml': `docker:\n  ghcr.io/owner:\n    use-sigstore-attachments: false\n`,
      'k.pub': pem(),
    });
    const [f] = findings(await check(root), 'scope-and-attachments');
    expect(f).toMatchObject({
      status: 'fail',
      file: '/etc/containers/registries.d/os.yaml',
      field: 'docker["ghcr.io/owner"]',
    });
  });

  it('fulcio: a GitHub identity fails in the pulled scope; another issuer warns', async () => {
    const fulcio = (oidcIssuer: string, subjectEmail: string) => ({
      type: 'sigstoreSigned',
      fulcio: { caData: 'AA==', oidcIssuer, subjectEmail },
      rekorPublicKeyData: 'AA==',
    });
    const root = rootfs({
      'etc/containers/policy.json': policy({
        [REPO]: [fulcio('https://token.actions.githubusercontent.com', 'me@example.com')],
        'quay.io/x': [fulcio('https://accounts.google.com', 'me@example.com')],
      }),
      'etc/containers/registries.d/os.yaml': ATTACH,
    });
    const fs = findings(await check(root), 'fulcio-identity');
    expect(fs.map((f) => f.status)).toEqual(['fail', 'warn']);
    expect(fs[0]?.message).toContain('URI SAN');
  });

  it('no policy.json at all: a clear error, not a verdict', async () => {
    const root = rootfs({ 'usr/bin/app': 'x' });
    const e = await check(root).catch((x: unknown) => x);
    expect(isBydigestError(e, 'POLICY')).toBe(true);
    expect((e as Error).message).toContain('has no /etc/containers/policy.json');
    expect((e as { hint: string }).hint).toContain('bootc');
  });
});
