import { describe, expect, it } from '@jest/globals';
import { KeySigner, PendingKey, encryptCosignKey, verifyPayload } from '@bydigest/core';
import { generateKeyPairSync } from 'node:crypto';

async function keyFileEnv(password: string): Promise<NodeJS.ProcessEnv> {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pem = await encryptCosignKey(privateKey, password, { N: 32768 });
  return { KEY: pem, PW: password };
}

describe('PendingKey owns its rejection', () => {
  it('a wrong password rejects key() and ready(), and never escapes as an unhandled rejection', async () => {
    const env = await keyFileEnv('right');
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      const pending = PendingKey.start('env://KEY', 'PW', { ...env, PW: 'wrong' });
      await expect(pending.parsed()).resolves.toBeUndefined();
      // Nobody awaits the key while scrypt runs and fails: no unhandled rejection may surface.
      await new Promise((r) => setTimeout(r, 600));
      await expect(pending.key()).rejects.toMatchObject({
        code: 'KEY_PASSWORD',
        message: expect.stringMatching(/wrong password/),
      });
      await expect(new KeySigner(pending).ready()).rejects.toMatchObject({ code: 'KEY_PASSWORD' });
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('a malformed key input rejects parsed() at once, before scrypt', async () => {
    const pending = PendingKey.start('env://MISSING', 'PW', {});
    await expect(pending.parsed()).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/MISSING is not set/),
    });
  });

  it('KeySigner signs with the key and hands back its public key as the verification material', async () => {
    const env = await keyFileEnv('pw');
    const signer = new KeySigner(PendingKey.start('env://KEY', 'PW', env));
    const payload = Buffer.from('{"critical":{}}');
    const signed = await signer.sign(payload);
    expect(signed.material.kind).toBe('public-key');
    expect(signed.material.kind === 'public-key' && signed.material.publicKeyPem).toMatch(
      /^-----BEGIN PUBLIC KEY-----/,
    );
    expect(verifyPayload(signed.material.publicKey, payload, signed.signature)).toBe(true);
    expect(verifyPayload(signed.material.publicKey, Buffer.from('other'), signed.signature)).toBe(false);
  });
});
