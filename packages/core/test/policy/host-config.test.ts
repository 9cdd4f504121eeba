/**
 * A bootc host's configuration (fixtures/policy/bootc-host, shaped like Universal Blue's plus a
 * downstream scope as in the supply-chain chapter §8.4), loaded from disk and evaluated.
 */
import { beforeAll, describe, it, expect } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import {
  evaluatePolicy,
  loadPolicyFile,
  loadRegistriesDir,
  parseReference,
  type KeyFileReader,
  type LoadedRegistriesD,
  type Policy,
} from '../../src/index.js';
import { DIGEST_A, makeTestKey, signedLayer, type PolicyTestKey } from './helpers.js';

const fixture = (p: string) => fileURLToPath(new URL(`../fixtures/policy/${p}`, import.meta.url));

let policy: Policy;
let registries: LoadedRegistriesD;
let ublue: PolicyTestKey;
let margine: PolicyTestKey;
beforeAll(async () => {
  policy = await loadPolicyFile(fixture('bootc-host/policy.json'));
  registries = await loadRegistriesDir(fixture('bootc-host/registries.d'));
  [ublue, margine] = await Promise.all([makeTestKey(), makeTestKey()]);
});

/** The host's /etc/pki/containers, as the image under test would ship it. */
function pki(files: Record<string, string>): KeyFileReader {
  return (path) => {
    const pem = files[path];
    if (pem === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return Buffer.from(pem);
  };
}

function pull(ref: string, signatures: ReturnType<typeof signedLayer>[], readKeyFile: KeyFileReader) {
  return evaluatePolicy({
    policy,
    registries: registries.config,
    image: { reference: parseReference(ref), manifestDigest: DIGEST_A },
    attachments: { signatures },
    readKeyFile,
  });
}

describe('a bootc host configuration loaded from disk', () => {
  it('reads the *.yaml files only', () => {
    expect(registries.files.map((f) => f.slice(f.lastIndexOf('/') + 1))).toEqual([
      'default.yaml',
      'margine.yaml',
      'ublue-os.yaml',
    ]);
  });

  it('bootc switch ghcr.io/daniel-g-carrasco/margine:stable: verified by the margine key, matchRepository', () => {
    const keys = pki({
      '/etc/pki/containers/margine.pub': margine.publicKeyPem,
      '/etc/pki/containers/ublue-os.pub': ublue.publicKeyPem,
    });
    const ok = pull(
      'ghcr.io/daniel-g-carrasco/margine:stable',
      [signedLayer(margine.key, 'ghcr.io/daniel-g-carrasco/margine', DIGEST_A)],
      keys,
    );
    expect(ok.allowed).toBe(true);
    expect(ok.scope.label).toBe('transports.docker["ghcr.io/daniel-g-carrasco/margine"]');
    expect(ok.attachments).toMatchObject({ enabled: true, decidedBy: 'docker["ghcr.io/daniel-g-carrasco/margine"]' });
    // Signed with the upstream key instead: refused.
    const wrong = pull(
      'ghcr.io/daniel-g-carrasco/margine:stable',
      [signedLayer(ublue.key, 'ghcr.io/daniel-g-carrasco/margine', DIGEST_A)],
      keys,
    );
    expect(wrong.message).toMatch(/^cryptographic signature verification failed/);
  });

  it('the bluefin-dx incident: an image without /etc/pki/containers/ublue-os.pub refuses its own updates', () => {
    const sig = signedLayer(ublue.key, 'ghcr.io/ublue-os/bluefin-dx', DIGEST_A);
    expect(
      pull('ghcr.io/ublue-os/bluefin-dx:stable', [sig], pki({ '/etc/pki/containers/ublue-os.pub': ublue.publicKeyPem }))
        .allowed,
    ).toBe(true);
    expect(pull('ghcr.io/ublue-os/bluefin-dx:stable', [sig], pki({})).message).toBe(
      'open /etc/pki/containers/ublue-os.pub: no such file or directory',
    );
  });

  it('other registries fall to the "" scope; GPG scopes are reported, not guessed', () => {
    expect(pull('quay.io/fedora/fedora-bootc:42', [], pki({})).scope.label).toBe('transports.docker[""]');
    expect(pull('quay.io/fedora/fedora-bootc:42', [], pki({})).allowed).toBe(true);
    expect(() => pull('registry.access.redhat.com/ubi9:latest', [], pki({}))).toThrow(/signedBy .* cannot evaluate/);
  });

  it('an unsigned margine image is refused, with or without registries.d', () => {
    expect(pull('ghcr.io/daniel-g-carrasco/margine:stable', [], pki({})).message).toBe(
      'A signature was required, but no signature exists',
    );
  });

  it("the chapter's policy excerpt alone is not a loadable policy", async () => {
    await expect(loadPolicyFile(fixture('chapter-snippet.json'))).rejects.toThrow(
      /^invalid policy in ".*chapter-snippet.json": Default policy is missing$/,
    );
  });
});
