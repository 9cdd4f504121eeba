import { describe, it, expect } from '@jest/globals';
import { deriveAndOpen, deriveBoxKey, parseEncryptedEnvelope, sealEnvelope } from '../../src/index.js';
import { thrown } from '../bydigest-error.js';
import { fixtureText } from './fixtures.js';

// go-securesystemslib encrypted_test.go: these are raw scrypt+secretbox blobs, not keys.
const PASSPHRASE = 'supersecret';
const PLAINTEXT = 'reallyimportant';

function mutate(json: string, edit: (doc: Record<string, any>) => void): string {
  const doc = JSON.parse(json) as Record<string, any>;
  edit(doc);
  return JSON.stringify(doc);
}

describe('go-securesystemslib vectors', () => {
  // TestDecrypt seals the bytes themselves; the kdfVectors come from encrypted.Marshal, which seals
  // the JSON encoding of the []byte (a quoted base64 string).
  const vectors: Array<[string, number, string]> = [
    ['TestDecrypt.json', 32768, PLAINTEXT],
    ['kdfVector_Legacy.json', 32768, JSON.stringify(Buffer.from(PLAINTEXT).toString('base64'))],
    ['kdfVector_Standard.json', 65536, JSON.stringify(Buffer.from(PLAINTEXT).toString('base64'))],
    ['kdfVector_OWASP.json', 131072, JSON.stringify(Buffer.from(PLAINTEXT).toString('base64'))],
  ];
  for (const [file, N, expected] of vectors) {
    it(`${file} (N=${N}) opens to the known plaintext`, async () => {
      const envelope = parseEncryptedEnvelope(fixtureText(`go-securesystemslib/${file}`));
      expect(envelope.kdf).toMatchObject({ N, r: 8, p: 1 });
      const plaintext = await deriveAndOpen(envelope, PASSPHRASE);
      expect(plaintext.toString()).toBe(expected);
    });
  }

  it('a wrong passphrase fails authentication', async () => {
    const envelope = parseEncryptedEnvelope(fixtureText('go-securesystemslib/TestDecrypt.json'));
    await expect(deriveAndOpen(envelope, 'Supersecret', { passwordName: 'PW' })).rejects.toThrow(
      /wrong password \(PW\) or corrupted key/,
    );
  });

  it('tampering with the nonce fails authentication', async () => {
    const json = mutate(fixtureText('go-securesystemslib/TestDecrypt.json'), (d) => {
      const nonce = Buffer.from(d.cipher.nonce as string, 'base64');
      nonce[0] = (nonce[0] as number) ^ 0x80;
      d.cipher.nonce = nonce.toString('base64');
    });
    await expect(deriveAndOpen(parseEncryptedEnvelope(json), PASSPHRASE)).rejects.toThrow(
      /wrong password or corrupted key/,
    );
  });
});

describe('parseEncryptedEnvelope refuses before any scrypt work', () => {
  const base = fixtureText('go-securesystemslib/TestDecrypt.json');
  const refusals: Array<[string, (d: Record<string, any>) => void, RegExp]> = [
    [
      'N=99, r=99, p=99 (go-securesystemslib TestUnsupportedKDFParameters)',
      (d) => (d.kdf.params = { N: 99, r: 99, p: 99 }),
      /unsupported scrypt parameters.*N=99, r=99, p=99/,
    ],
    ['N=2^20', (d) => (d.kdf.params.N = 1048576), /unsupported scrypt parameters/],
    ['r=16 with an allowed N', (d) => (d.kdf.params.r = 16), /unsupported scrypt parameters/],
    ['N as a string', (d) => (d.kdf.params.N = '32768'), /unsupported scrypt parameters/],
    ['another kdf', (d) => (d.kdf.name = 'pbkdf2'), /unknown kdf name "pbkdf2"/],
    ['another cipher', (d) => (d.cipher.name = 'aes-gcm'), /unknown cipher name "aes-gcm"/],
    ['a short nonce', (d) => (d.cipher.nonce = Buffer.alloc(12).toString('base64')), /incorrect nonce size 12/],
    [
      'URL-safe base64 in the salt',
      (d) => (d.kdf.salt = 'N9a7x5JFGbrtB2uBR81jPwp0eiLR4A7FV3mjVAQrg1g_'),
      /field "salt" is not base64/,
    ],
    ['no ciphertext', (d) => delete d.ciphertext, /field "ciphertext" is missing/],
  ];
  for (const [what, edit, message] of refusals) {
    it(what, () => {
      const err = thrown(() => parseEncryptedEnvelope(mutate(base, edit)));
      expect(err.code).toBe('KEY');
      expect(err.message).toMatch(message);
    });
  }

  it('non-JSON', () => {
    expect(thrown(() => parseEncryptedEnvelope('{"kdf":')).message).toMatch(/not JSON/);
  });
});

describe('sealEnvelope', () => {
  it('writes go-securesystemslib field order and opens again', async () => {
    const sealed = (await sealEnvelope(Buffer.from(PLAINTEXT), PASSPHRASE)).toString();
    expect(sealed).toMatch(
      /^\{"kdf":\{"name":"scrypt","params":\{"N":32768,"r":8,"p":1\},"salt":"[A-Za-z0-9+/]{43}="\},"cipher":\{"name":"nacl\/secretbox","nonce":"[A-Za-z0-9+/]{32}"\},"ciphertext":"[A-Za-z0-9+/=]+"\}$/,
    );
    const opened = await deriveAndOpen(parseEncryptedEnvelope(sealed), PASSPHRASE);
    expect(opened.toString()).toBe(PLAINTEXT);
    // 16-byte Poly1305 tag in front of the XSalsa20 ciphertext.
    expect(parseEncryptedEnvelope(sealed).ciphertext).toHaveLength(16 + PLAINTEXT.length);
  });

  it('uses a fresh salt and nonce every time', async () => {
    const [a, b] = await Promise.all([sealEnvelope(Buffer.from('x'), 'pw'), sealEnvelope(Buffer.from('x'), 'pw')]);
    const ea = parseEncryptedEnvelope(a);
    const eb = parseEncryptedEnvelope(b);
    expect(ea.kdf.salt.equals(eb.kdf.salt)).toBe(false);
    expect(ea.nonce.equals(eb.nonce)).toBe(false);
  });
});

describe('deriveBoxKey', () => {
  it('runs scrypt off the event loop, so other work overlaps it', async () => {
    const envelope = parseEncryptedEnvelope(fixtureText('go-securesystemslib/kdfVector_OWASP.json'));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const key = await deriveBoxKey(envelope, PASSPHRASE);
    clearInterval(timer);
    expect(key).toHaveLength(32);
    expect(ticks).toBeGreaterThan(3);
  });
});
