import { describe, it, expect } from '@jest/globals';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { loadPublicKey, loadPublicKeys, publicKeyId, publicKeyPem, samePublicKey } from '../../src/index.js';
import { thrown } from '../bydigest-error.js';
import { fixtureText } from './fixtures.js';

describe('loadPublicKey', () => {
  it('reads cosign.pub and prints it back byte-for-byte', () => {
    for (const file of [
      'cosign-2.5.0-keys/cosign.pub',
      'containers-image/cosign.pub',
      'containers-image/cosign2.pub',
      'sigstore-cosign/cosign-test.pub',
    ]) {
      const pem = fixtureText(file);
      expect(publicKeyPem(loadPublicKey(pem))).toBe(pem);
    }
  });

  it('ignores text around the PEM block, like Go pem.Decode', () => {
    const pem = fixtureText('containers-image/cosign.pub');
    expect(samePublicKey(loadPublicKey(`# the signing key\n${pem}\ntrailing`), loadPublicKey(pem))).toBe(true);
  });

  it('accepts a PKCS#1 RSA PUBLIC KEY', () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pkcs1 = publicKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    expect(samePublicKey(loadPublicKey(pkcs1), publicKey)).toBe(true);
  });

  it('says a path is a path', () => {
    const err = thrown(() => loadPublicKey('./keys/cosign.pub'));
    expect(err.code).toBe('KEY');
    expect(err.hint).toContain('looks like a file path');
  });

  it('refuses a private key in its place', () => {
    const err = thrown(() => loadPublicKey(fixtureText('cosign-2.5.0-keys/cosign.key.password-test')));
    expect(err.message).toContain('"ENCRYPTED SIGSTORE PRIVATE KEY"');
    expect(err.hint).toContain('never cosign.key');
  });

  it('refuses a damaged body', () => {
    const pem = fixtureText('containers-image/cosign.pub').replace('MFkw', 'MFkx');
    expect(thrown(() => loadPublicKey(pem)).message).toContain('cannot be parsed');
  });
});

describe('loadPublicKeys: several keys, all or an error', () => {
  const a = fixtureText('containers-image/cosign.pub');
  const b = fixtureText('containers-image/cosign2.pub');

  it('reads every block, in order, with text between them', () => {
    const keys = loadPublicKeys(`# current\n${a}\n# next\n${b}`);
    expect(keys.map((k) => publicKeyPem(k))).toEqual([a, b]);
  });

  it('refuses a damaged second block, naming it, instead of trusting the first alone', () => {
    const err = thrown(() => loadPublicKeys(a + b.replace('MFkw', 'MFkx')));
    expect(err.message).toMatch(/PEM block 2.*cannot be parsed/);
    const cut = thrown(() => loadPublicKeys(a + b.split('-----END')[0]));
    expect(cut.message).toMatch(/PEM block 2.*is not PEM: no "-----END PUBLIC KEY-----" line/);
  });

  it('loadPublicKey refuses text with two keys rather than pick the first', () => {
    expect(thrown(() => loadPublicKey(a + b)).message).toContain('holds 2 PEM blocks where one public key is expected');
  });
});

describe('key identity', () => {
  it('publicKeyId is sha256 of the DER public key', () => {
    const pem = fixtureText('containers-image/cosign.pub');
    const der = Buffer.from(
      pem
        .split('\n')
        .filter((l) => l && !l.startsWith('-----'))
        .join(''),
      'base64',
    );
    expect(publicKeyId(loadPublicKey(pem))).toBe(createHash('sha256').update(der).digest('hex'));
  });

  it('samePublicKey tells keys apart, and matches a private key with its public half', () => {
    const a = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const b = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(samePublicKey(a.publicKey, a.privateKey)).toBe(true);
    expect(samePublicKey(a.publicKey, b.publicKey)).toBe(false);
  });
});
