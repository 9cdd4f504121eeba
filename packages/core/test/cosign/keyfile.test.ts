import { describe, it, expect } from '@jest/globals';
import { constants, generateKeyPairSync, verify } from 'node:crypto';
import {
  decryptCosignKey,
  encryptCosignKey,
  generateKeyPair,
  loadPublicKey,
  parseCosignKeyEnvelope,
  publicKeyId,
  samePublicKey,
  signPayload,
  signingKeyFromPkcs8,
  verifyPayload,
} from '../../src/index.js';
import { rejection, thrown } from '../bydigest-error.js';
import { fixtureText } from './fixtures.js';

describe('decryptCosignKey accepts every ECDSA P-256 key fixture', () => {
  const cases: Array<{ file: string; password: string; N: number; label: string; pub?: string }> = [
    { file: 'sigstore-cosign/pemcosignkey.pem', password: 'hello', N: 32768, label: 'ENCRYPTED COSIGN PRIVATE KEY' },
    {
      file: 'sigstore-cosign/pemsigstorekey.pem',
      password: 'hello',
      N: 32768,
      label: 'ENCRYPTED SIGSTORE PRIVATE KEY',
    },
    {
      file: 'sigstore-rs/ecdsa_encrypted_private.key',
      password: '123',
      N: 32768,
      label: 'ENCRYPTED COSIGN PRIVATE KEY',
    },
    {
      file: 'sigstore-rs/cosign_generated_encrypted_empty_private.key',
      password: '',
      N: 65536,
      label: 'ENCRYPTED SIGSTORE PRIVATE KEY',
    },
    // sigstore-rs's plaintext and public files are unrelated keys, so there is no .pub to compare with here.
    {
      file: 'sigstore-rs/ECDSA_P256_ASN1_ENCRYPTED_PRIVATE_PEM.key',
      password: 'password',
      N: 32768,
      label: 'ENCRYPTED COSIGN PRIVATE KEY',
    },
    {
      file: 'cosign-2.5.0-keys/cosign.key.password-test',
      password: 'test',
      N: 65536,
      label: 'ENCRYPTED SIGSTORE PRIVATE KEY',
      pub: 'cosign-2.5.0-keys/cosign.pub',
    },
    {
      file: 'cosign-2.5.0-keys/cosign-empty-password.key',
      password: '',
      N: 65536,
      label: 'ENCRYPTED SIGSTORE PRIVATE KEY',
      pub: 'cosign-2.5.0-keys/cosign-empty-password.pub',
    },
    {
      file: 'node-encrypted-keys/legacy-N32768-COSIGN-label.key.password-pw1',
      password: 'pw1',
      N: 32768,
      label: 'ENCRYPTED COSIGN PRIVATE KEY',
      pub: 'node-encrypted-keys/plain.pub',
    },
    {
      file: 'node-encrypted-keys/owasp-N131072.key.password-pw1',
      password: 'pw1',
      N: 131072,
      label: 'ENCRYPTED SIGSTORE PRIVATE KEY',
      pub: 'node-encrypted-keys/plain.pub',
    },
  ];

  for (const c of cases) {
    it(`${c.file} (N=${c.N})`, async () => {
      const pem = fixtureText(c.file);
      const envelope = parseCosignKeyEnvelope(pem);
      expect(envelope.label).toBe(c.label);
      expect(envelope.kdf).toMatchObject({ N: c.N, r: 8, p: 1 });

      const key = await decryptCosignKey(pem, c.password);
      expect(key.privateKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
      expect(key.keyId).toBe(publicKeyId(key.publicKey));
      expect(key.keyId).toMatch(/^[a-f0-9]{64}$/);
      if (c.pub) {
        // Byte-for-byte: publicKeyPem is what cosign prints (and wrote to the .pub next to the key).
        expect(key.publicKeyPem).toBe(fixtureText(c.pub));
      }
      const payload = Buffer.from('{"hello":"world"}');
      expect(verifyPayload(loadPublicKey(key.publicKeyPem), payload, signPayload(key, payload))).toBe(true);
    });
  }

  it('a key file with CRLF line endings (edited on Windows) decodes, as Go pem.Decode allows', async () => {
    const pem = fixtureText('sigstore-cosign/pemcosignkey.pem').replace(/\n/g, '\r\n');
    expect((await decryptCosignKey(pem, 'hello')).privateKey.asymmetricKeyType).toBe('ec');
  });

  it('cosign-test.key (password unknown) parses, and a wrong guess is reported as such', async () => {
    const pem = fixtureText('sigstore-cosign/cosign-test.key');
    expect(parseCosignKeyEnvelope(pem).kdf.N).toBe(32768);
    const err = await rejection(decryptCosignKey(pem, 'not-the-password'));
    expect(err.message).toContain('wrong password or corrupted key');
  });
});

describe('decryptCosignKey takes RSA keys, signing PKCS#1 v1.5 over SHA-256 as cosign does', () => {
  it('RSA-4096 (sigstore-rs)', async () => {
    const key = await decryptCosignKey(fixtureText('sigstore-rs/rsa_encrypted_private.key'), '123');
    expect(key.privateKey.asymmetricKeyDetails?.modulusLength).toBe(4096);
    expect(key.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    const payload = Buffer.from('{"hello":"world"}');
    const signature = signPayload(key, payload);
    expect(verifyPayload(loadPublicKey(key.publicKeyPem), payload, signature)).toBe(true);
    // PKCS#1 v1.5 is deterministic: the same bytes each time (PSS would differ).
    expect(signPayload(key, payload)).toBe(signature);
    expect(
      verify(
        'sha256',
        payload,
        { key: key.publicKey, padding: constants.RSA_PKCS1_PADDING },
        Buffer.from(signature, 'base64'),
      ),
    ).toBe(true);
  });

  it.each([2048, 3072])('RSA-%i written by encryptCosignKey', async (modulusLength) => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength });
    const key = await decryptCosignKey(await encryptCosignKey(privateKey, 'pw'), 'pw');
    expect(key.privateKey.asymmetricKeyDetails?.modulusLength).toBe(modulusLength);
  });

  it('RSA-1024 is refused, naming the sizes cosign signs', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const err = await rejection(decryptCosignKey(await encryptCosignKey(privateKey, 'pw'), 'pw'));
    expect(err.code).toBe('KEY');
    expect(err.message).toBe('cannot sign with an RSA-1024 key: cosign signs RSA keys of 2048, 3072, 4096 bits only');
  });
});

describe('decryptCosignKey refuses keys whose cosign signatures hosts reject, saying why', () => {
  it('Ed25519 (sigstore-rs, PKCS#8 v2 that OpenSSL cannot even parse)', async () => {
    const err = await rejection(decryptCosignKey(fixtureText('sigstore-rs/ed25519_encrypted_private.key'), '123'));
    expect(err.code).toBe('KEY');
    expect(err.message).toMatch(/is Ed25519; only ECDSA P-256 and RSA keys are supported/);
    expect(err.message).toContain('Ed25519ph');
    expect(err.message).toContain('hosts reject its signatures');
  });

  it('SEC1 "EC PRIVATE KEY" inside the envelope (cosign pemcosigneckey)', async () => {
    const err = await rejection(decryptCosignKey(fixtureText('sigstore-cosign/pemcosigneckey.pem'), 'hello'));
    expect(err.code).toBe('KEY');
    expect(err.message).toContain('SEC1 "EC PRIVATE KEY"');
    expect(err.message).toContain('not PKCS#8');
  });

  it('P-384', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const pem = await encryptCosignKey(privateKey, 'pw');
    const err = await rejection(decryptCosignKey(pem, 'pw'));
    expect(err.message).toMatch(/ECDSA P-384; only ECDSA P-256 and RSA keys are supported/);
    expect(err.message).toContain('SHA-256');
    expect(err.message).toContain('hosts reject its signatures');
  });

  it('N=16384 is refused as unsupported scrypt parameters before any key derivation', () => {
    const pem = fixtureText('node-encrypted-keys/REJECTED-N16384.key.password-pw1');
    const err = thrown(() => parseCosignKeyEnvelope(pem));
    expect(err.code).toBe('KEY');
    expect(err.message).toContain('unsupported scrypt parameters');
    expect(err.message).toContain('N=16384');
  });

  it('N=16384 is refused by decryptCosignKey too', async () => {
    const err = await rejection(
      decryptCosignKey(fixtureText('node-encrypted-keys/REJECTED-N16384.key.password-pw1'), 'pw1'),
    );
    expect(err.message).toContain('unsupported scrypt parameters');
  });

  const unencrypted: Array<[string, string]> = [
    ['node-encrypted-keys/plain-unencrypted-pkcs8.key', 'PRIVATE KEY'],
    ['sigstore-cosign/validecpkcs8.pem', 'PRIVATE KEY'],
    ['sigstore-cosign/validrsapkcs8.pem', 'PRIVATE KEY'],
    ['sigstore-cosign/ed25519key.pem', 'PRIVATE KEY'],
    ['sigstore-cosign/validecp256.pem', 'EC PRIVATE KEY'],
    ['sigstore-rs/ecdsa_private.key', 'PRIVATE KEY'],
    ['sigstore-rs/rsa_private.key', 'RSA PRIVATE KEY'],
  ];
  for (const [file, label] of unencrypted) {
    it(`an unencrypted key is refused like cosign sign --key does: ${file}`, async () => {
      const err = await rejection(decryptCosignKey(fixtureText(file), ''));
      expect(err.code).toBe('KEY');
      expect(err.message).toContain(`is not encrypted (PEM label "${label}")`);
      expect(err.message).toContain('cosign sign --key refuses unencrypted keys');
      expect(err.hint).toContain('cosign import-key-pair');
    });
  }

  it('a public key passed as the signing key', () => {
    const err = thrown(() => parseCosignKeyEnvelope(fixtureText('cosign-2.5.0-keys/cosign.pub')));
    expect(err.message).toContain('is a public key');
    expect(err.hint).toContain('cosign.key');
  });

  it('text that is not PEM', () => {
    const err = thrown(() => parseCosignKeyEnvelope('/home/runner/cosign.key'));
    expect(err.code).toBe('KEY');
    expect(err.message).toContain('is not PEM');
  });

  it('a truncated key file', () => {
    const pem = fixtureText('sigstore-cosign/pemcosignkey.pem');
    const lines = pem.split('\n');
    const truncated = [...lines.slice(0, 3), lines.at(-2), ''].join('\n');
    const err = thrown(() => parseCosignKeyEnvelope(truncated));
    expect(err.code).toBe('KEY');
    expect(err.message).toMatch(/not a valid cosign encrypted key|not base64/);
  });
});

describe('wrong password or tampering', () => {
  const pem = fixtureText('cosign-2.5.0-keys/cosign.key.password-test');

  it('names the password variable the caller uses', async () => {
    const err = await rejection(decryptCosignKey(pem, 'wrong', { passwordName: 'COSIGN_PASSWORD' }));
    // Its own code: an action points the user at the password input, not the key file.
    expect(err.code).toBe('KEY_PASSWORD');
    expect(err.message).toContain('wrong password (COSIGN_PASSWORD) or corrupted key');
    expect(err.hint).toContain('COSIGN_PASSWORD');
  });

  it('the empty password is a password like any other', async () => {
    const err = await rejection(decryptCosignKey(pem, ''));
    expect(err.message).toContain('wrong password or corrupted key');
    await expect(decryptCosignKey(fixtureText('cosign-2.5.0-keys/cosign-empty-password.key'), 'test')).rejects.toThrow(
      /wrong password/,
    );
  });

  it('a flipped ciphertext byte fails authentication', async () => {
    const body = pem
      .split('\n')
      .filter((l) => l && !l.startsWith('-----'))
      .join('');
    const doc = JSON.parse(Buffer.from(body, 'base64').toString()) as { ciphertext: string };
    const ct = Buffer.from(doc.ciphertext, 'base64');
    ct[40] = (ct[40] as number) ^ 1;
    doc.ciphertext = ct.toString('base64');
    const tampered = `-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\n${Buffer.from(JSON.stringify(doc)).toString('base64')}\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----\n`;
    const err = await rejection(decryptCosignKey(tampered, 'test', { passwordName: 'COSIGN_PASSWORD' }));
    expect(err.code).toBe('KEY_PASSWORD');
    expect(err.message).toContain('wrong password (COSIGN_PASSWORD) or corrupted key');
  });
});

describe('writing keys', () => {
  it('generateKeyPair → decrypt → sign → verify', async () => {
    const pair = await generateKeyPair('s3cret');
    expect(pair.privateKeyPem).toMatch(
      /^-----BEGIN ENCRYPTED COSIGN PRIVATE KEY-----\n(?:[A-Za-z0-9+/=]{64}\n)+[A-Za-z0-9+/=]{1,64}\n-----END ENCRYPTED COSIGN PRIVATE KEY-----\n$/,
    );
    expect(pair.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n$/);
    expect(parseCosignKeyEnvelope(pair.privateKeyPem).kdf).toMatchObject({ N: 32768, r: 8, p: 1 });

    const key = await decryptCosignKey(pair.privateKeyPem, 's3cret');
    expect(key.publicKeyPem).toBe(pair.publicKeyPem);
    const payload = Buffer.from('payload bytes');
    const sig = signPayload(key, payload);
    const pub = loadPublicKey(pair.publicKeyPem);
    expect(verifyPayload(pub, payload, sig)).toBe(true);
    expect(verifyPayload(pub, Buffer.from('payload bytez'), sig)).toBe(false);
    await expect(decryptCosignKey(pair.privateKeyPem, 's3cret ')).rejects.toThrow(/wrong password/);
  });

  it('two generated key pairs differ', async () => {
    const [a, b] = await Promise.all([generateKeyPair(''), generateKeyPair('')]);
    expect(a.publicKeyPem).not.toBe(b.publicKeyPem);
    expect(await decryptCosignKey(a.privateKeyPem, '')).toBeDefined();
  });

  it('encryptCosignKey writes the stronger parameters and the SIGSTORE label on request', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = await encryptCosignKey(privateKey, 'pw', { N: 131072, label: 'ENCRYPTED SIGSTORE PRIVATE KEY' });
    const envelope = parseCosignKeyEnvelope(pem);
    expect(envelope.label).toBe('ENCRYPTED SIGSTORE PRIVATE KEY');
    expect(envelope.kdf.N).toBe(131072);
    expect(envelope.kdf.salt).toHaveLength(32);
    expect(envelope.nonce).toHaveLength(24);
    expect(samePublicKey((await decryptCosignKey(pem, 'pw')).publicKey, publicKey)).toBe(true);
  });

  it('encryptCosignKey refuses scrypt parameters cosign cannot read', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    await expect(encryptCosignKey(privateKey, 'pw', { N: 16384 as 32768 })).rejects.toThrow(
      /unsupported scrypt parameters/,
    );
  });
});

describe('signingKeyFromPkcs8', () => {
  it('zeroes the decrypted DER once the key object exists', () => {
    const der = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'der' });
    expect(der.some((b) => b !== 0)).toBe(true);
    const key = signingKeyFromPkcs8(der);
    expect(der.every((b) => b === 0)).toBe(true);
    expect(key.privateKey.asymmetricKeyType).toBe('ec');
  });

  it('zeroes it on refusal too', () => {
    const der = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' });
    expect(() => signingKeyFromPkcs8(der)).toThrow(/Ed25519/);
    expect(der.every((b) => b === 0)).toBe(true);
  });
});
