/**
 * containers/image's own sigstore fixtures (signature/fixtures, copied to fixtures/cosign/containers-image),
 * evaluated as its TestPRSigstoreSignedIsRunningImageAllowed does, with the same expectations.
 */
import { describe, it, expect } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import {
  evaluatePolicy,
  mergeRegistriesFiles,
  parsePolicy,
  parseReference,
  type PolicyEvaluation,
  type UntrustedSignature,
} from '../../src/index.js';
import { fixtureBytes, fixturePath, readSigstoreJsonSignature } from '../cosign/fixtures.js';

const registries = mergeRegistriesFiles([
  { path: 'default.yaml', text: 'default-docker:\n  use-sigstore-attachments: true\n' },
]);

function signatures(dir: string): UntrustedSignature[] {
  const names = readdirSync(fixturePath(`containers-image/${dir}`))
    .filter((n) => n.startsWith('signature-'))
    .sort();
  return names.map((n) => {
    const s = readSigstoreJsonSignature(`containers-image/${dir}/${n}`);
    return {
      layerDigest: `sha256:${createHash('sha256').update(s.payload).digest('hex')}`,
      mediaType: s.mimeType,
      annotations: s.annotations,
      payload: s.payload,
    };
  });
}

function run(
  dir: string,
  pulled: string,
  signedIdentity: object = { type: 'matchRepository' },
  key = 'cosign.pub',
): PolicyEvaluation {
  const manifest = `containers-image/${dir}/manifest.json`;
  const bytes = existsSync(fixturePath(manifest)) ? fixtureBytes(manifest) : Buffer.from('no manifest');
  const policy = parsePolicy(
    JSON.stringify({
      default: [{ type: 'sigstoreSigned', keyPath: fixturePath(`containers-image/${key}`), signedIdentity }],
    }),
  );
  return evaluatePolicy({
    policy,
    registries,
    image: {
      reference: parseReference(pulled),
      manifestDigest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
      manifestBytes: bytes,
    },
    attachments: { signatures: signatures(dir) },
  });
}

const SAMPLE = '192.168.64.2:5000/cosign-signed-single-sample';

describe('containers/image sigstore fixtures', () => {
  it('a single valid cosign signature, and two', () => {
    expect(run('dir-img-cosign-valid', SAMPLE).allowed).toBe(true);
    expect(run('dir-img-cosign-valid-2', SAMPLE).allowed).toBe(true);
  });

  it('one signature by an unknown key, then a valid one: allowed', () => {
    const e = run('dir-img-cosign-mixed', SAMPLE);
    expect(e.allowed).toBe(true);
    expect(e.requirements[0]?.signatures.map((s) => s.accepted)).toEqual([false, true]);
    expect(e.requirements[0]?.signatures[0]?.reason).toMatch(/^cryptographic signature verification failed/);
  });

  it('only a non-signature attachment', () => {
    expect(run('dir-img-cosign-other-attachment', 'testing/manifest:latest').message).toBe(
      'A signature was required, but no signature exists (0 non-sigstore signatures, 1 sigstore non-signature attachments)',
    );
  });

  it('a valid signature for another repository', () => {
    expect(run('dir-img-cosign-valid', 'testing/manifest:notlatest').message).toBe(
      `Signature for identity "${SAMPLE}" is not accepted`,
    );
    expect(run('dir-img-cosign-valid-2', 'this/does-not:match').message).toBe(
      `None of the signatures were accepted, reasons: Signature for identity "${SAMPLE}" is not accepted; Signature for identity "${SAMPLE}" is not accepted`,
    );
  });

  it('a valid signature over a modified manifest', () => {
    expect(run('dir-img-cosign-modified-manifest', SAMPLE).message).toBe(
      'Signature for digest sha256:634a8f35b5f16dcf4aaa0822adc0b1964bb786fca12f6831de8ddc45e5986a00 does not match',
    );
  });

  it('matchExact: a skopeo-made signature for :tag, and cosign signatures', () => {
    expect(
      run('dir-img-cosign-valid-with-tag', '192.168.64.2:5000/skopeo-signed:tag', { type: 'matchExact' }).allowed,
    ).toBe(true);
    expect(
      run('dir-img-cosign-valid-with-tag', '192.168.64.2:5000/skopeo-signed:othertag', { type: 'matchExact' }).message,
    ).toBe('Signature for identity "192.168.64.2:5000/skopeo-signed:tag" is not accepted');
    expect(run('dir-img-cosign-valid', SAMPLE, { type: 'matchExact' }).message).toBe(
      `Signature for identity "${SAMPLE}" is not accepted`,
    );
  });

  it('the key-rekor fixture verifies with cosign2.pub and not with cosign.pub', () => {
    expect(
      run(
        'dir-img-cosign-key-rekor-valid',
        '192.168.64.2:5000/cosign-signed/key-1',
        { type: 'matchRepository' },
        'cosign2.pub',
      ).allowed,
    ).toBe(true);
    expect(run('dir-img-cosign-key-rekor-valid', '192.168.64.2:5000/cosign-signed/key-1').message).toMatch(
      /^cryptographic signature verification failed: /,
    );
  });
});
