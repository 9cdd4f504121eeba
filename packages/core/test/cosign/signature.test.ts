import { describe, it, expect } from '@jest/globals';
import { createHash, generateKeyPairSync, sign, X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import {
  checkPayloadSignature,
  decryptCosignKey,
  loadPublicKey,
  parseSimpleSigningPayload,
  signPayload,
  verifyPayload,
} from '../../src/index.js';
import { fixtureBytes, fixturePath, fixtureText, readSigstoreJsonSignature } from './fixtures.js';

const SIGNATURE = 'dev.cosignproject.cosign/signature';
const cosignPub = loadPublicKey(fixtureText('containers-image/cosign.pub'));
const cosign2Pub = loadPublicKey(fixtureText('containers-image/cosign2.pub'));

function manifestDigest(dir: string): string | undefined {
  const path = `containers-image/${dir}/manifest.json`;
  return existsSync(fixturePath(path))
    ? `sha256:${createHash('sha256').update(fixtureBytes(path)).digest('hex')}`
    : undefined;
}

describe('containers/image dir-img-cosign fixtures', () => {
  // [fixture, signature file, key that made it ('cosign' | 'cosign2' | 'certificate' | 'unknown'), does the signed
  // digest match manifest.json]
  const cases: Array<[string, string, 'cosign' | 'cosign2' | 'certificate' | 'unknown', boolean | 'no manifest']> = [
    ['dir-img-cosign-valid', 'signature-1', 'cosign', true],
    ['dir-img-cosign-valid-2', 'signature-1', 'cosign', true],
    ['dir-img-cosign-valid-2', 'signature-2', 'cosign', true],
    ['dir-img-cosign-valid-with-tag', 'signature-1', 'cosign', true],
    ['dir-img-cosign-key-rekor-valid', 'signature-1', 'cosign2', true],
    ['dir-img-cosign-mixed', 'signature-1', 'unknown', true],
    ['dir-img-cosign-mixed', 'signature-2', 'cosign', true],
    ['dir-img-cosign-manifest-digest-error', 'signature-1', 'cosign', false],
    ['dir-img-cosign-modified-manifest', 'signature-1', 'cosign', false],
    ['dir-img-cosign-no-manifest', 'signature-1', 'cosign', 'no manifest'],
    ['dir-img-cosign-fulcio-rekor-valid', 'signature-1', 'certificate', true],
    ['dir-img-cosign-pki-valid', 'signature-1', 'certificate', true],
  ];

  for (const [dir, file, signer, digestMatches] of cases) {
    it(`${dir}/${file}: ${signer === 'unknown' ? 'no known key' : `valid for ${signer}`}, digest ${String(digestMatches)}`, () => {
      const sig = readSigstoreJsonSignature(`containers-image/${dir}/${file}`);
      expect(sig.mimeType).toBe('application/vnd.dev.cosign.simplesigning.v1+json');
      const b64 = sig.annotations[SIGNATURE] as string;
      expect(verifyPayload(cosignPub, sig.payload, b64)).toBe(signer === 'cosign');
      expect(verifyPayload(cosign2Pub, sig.payload, b64)).toBe(signer === 'cosign2');
      if (signer === 'certificate') {
        const cert = new X509Certificate(sig.annotations['dev.sigstore.cosign/certificate'] as string);
        expect(verifyPayload(cert.publicKey, sig.payload, b64)).toBe(true);
      }
      const payload = parseSimpleSigningPayload(sig.payload);
      const digest = manifestDigest(dir);
      if (digestMatches === 'no manifest') expect(digest).toBeUndefined();
      else expect(payload.manifestDigest === digest).toBe(digestMatches);
    });
  }

  it('the broken signature of the mixed fixture fails with containers/image wording', () => {
    const sig = readSigstoreJsonSignature('containers-image/dir-img-cosign-mixed/signature-1');
    expect(checkPayloadSignature(cosignPub, sig.payload, sig.annotations[SIGNATURE] as string)).toEqual({
      valid: false,
      reason: 'cryptographic signature verification failed: invalid signature when validating ASN.1 encoded signature',
    });
  });

  it('other-attachment is not a signature: wrong MIME type, no valid signature, payload not JSON', () => {
    const sig = readSigstoreJsonSignature('containers-image/dir-img-cosign-other-attachment/signature-1');
    expect(sig.mimeType).toBe('text/plain');
    expect(verifyPayload(cosignPub, sig.payload, sig.annotations[SIGNATURE] as string)).toBe(false);
    expect(() => parseSimpleSigningPayload(sig.payload)).toThrow(
      "invalid character 'h' in literal true (expecting 'r')",
    );
  });

  it('the RSA signature of pki-valid is base64 wrapped at 76 columns, which Go (and we) accept', () => {
    const sig = readSigstoreJsonSignature('containers-image/dir-img-cosign-pki-valid/signature-1');
    expect(sig.annotations[SIGNATURE]).toContain('\n');
  });

  it('the tagged payload carries creator and timestamp', () => {
    const payload = parseSimpleSigningPayload(
      readSigstoreJsonSignature('containers-image/dir-img-cosign-valid-with-tag/signature-1').payload,
    );
    expect(payload).toEqual({
      dockerReference: '192.168.64.2:5000/skopeo-signed:tag',
      manifestDigest: 'sha256:634a8f35b5f16dcf4aaa0822adc0b1964bb786fca12f6831de8ddc45e5986a00',
      creator: 'containers/image 5.21.2-dev',
      timestamp: 1657296609,
      optional: { creator: 'containers/image 5.21.2-dev', timestamp: 1657296609 },
    });
  });
});

describe('checkPayloadSignature rejects what containers/image rejects', () => {
  const sig = readSigstoreJsonSignature('containers-image/dir-img-cosign-valid/signature-1');
  const b64 = sig.annotations[SIGNATURE] as string;
  const raw = Buffer.from(b64, 'base64');

  it('accepts the original', () => {
    expect(checkPayloadSignature(cosignPub, sig.payload, b64)).toEqual({ valid: true });
  });

  for (const [what, bad] of [
    ['invalid base64 characters', '&'],
    ['extra padding', `${b64}=`],
    ['truncated base64', b64.slice(0, -1)],
  ] as const) {
    it(what, () => {
      const res = checkPayloadSignature(cosignPub, sig.payload, bad);
      expect(res.valid).toBe(false);
      expect(!res.valid && res.reason).toMatch(/^base64 decoding: illegal base64 data at input byte \d+$/);
    });
  }

  for (const [what, bad] of [
    ['an empty signature', Buffer.alloc(0)],
    ['garbage', Buffer.from('invalid signature')],
    ['the signature twice', Buffer.concat([raw, raw])],
  ] as const) {
    it(what, () => {
      expect(checkPayloadSignature(cosignPub, sig.payload, bad.toString('base64'))).toEqual({
        valid: false,
        reason:
          'cryptographic signature verification failed: invalid signature when validating ASN.1 encoded signature',
      });
    });
  }

  it('a payload changed by one byte', () => {
    const changed = Buffer.from(sig.payload);
    changed[changed.length - 3] = 0x20;
    expect(verifyPayload(cosignPub, changed, b64)).toBe(false);
  });

  it('Ed25519 and RSA public keys verify too, as containers/image does', () => {
    const ed = generateKeyPairSync('ed25519');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const data = Buffer.from('data');
    expect(verifyPayload(ed.publicKey, data, sign(null, data, ed.privateKey).toString('base64'))).toBe(true);
    expect(verifyPayload(rsa.publicKey, data, sign('sha256', data, rsa.privateKey).toString('base64'))).toBe(true);
    expect(
      checkPayloadSignature(
        rsa.publicKey,
        Buffer.from('other'),
        sign('sha256', data, rsa.privateKey).toString('base64'),
      ),
    ).toEqual({
      valid: false,
      reason: 'cryptographic signature verification failed: crypto/rsa: verification error',
    });
  });
});

describe('signPayload', () => {
  it('writes standard base64 of an ASN.1 DER ECDSA signature that verifies only for its payload and key', async () => {
    const key = await decryptCosignKey(fixtureText('cosign-2.5.0-keys/cosign.key.password-test'), 'test');
    const payload = fixtureBytes('registry-legacy-sig/v1.sig.layer0.payload.json');
    const b64 = signPayload(key, payload);
    expect(b64).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    const der = Buffer.from(b64, 'base64');
    expect(der[0]).toBe(0x30); // SEQUENCE { r, s }
    expect(der[1]).toBe(der.length - 2);
    expect(verifyPayload(key.publicKey, payload, b64)).toBe(true);
    expect(verifyPayload(loadPublicKey(fixtureText('node-encrypted-keys/plain.pub')), payload, b64)).toBe(false);
    // cosign's own signature over the same payload verifies with the same key.
    expect(
      verifyPayload(key.publicKey, payload, fixtureText('registry-legacy-sig/v1.sig.layer0.signature.b64').trim()),
    ).toBe(true);
  });
});
