import { describe, expect, it } from '@jest/globals';
import { encryptCosignKey } from '@bydigest/core';
import { generateKeyPairSync } from 'node:crypto';
import { SigningKeys } from '../src/early-key.js';
import { keyInputChecked, keyInputSigners } from '../src/signing-key.js';

async function cosignKey(password: string): Promise<string> {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return encryptCosignKey(privateKey, password);
}

describe('SigningKeys: the key and password-env lists', () => {
  it('pairs each key line with its password variable, or one variable with every key', async () => {
    const env = { K1: await cosignKey('one'), K2: await cosignKey('two'), P1: 'one', P2: 'two' };
    const paired = SigningKeys.start('env://K1\nenv://K2', 'P1\nP2', env);
    expect(paired.problem).toBeUndefined();
    expect(paired.keys.map((k) => [k.spec, k.passwordEnv])).toEqual([
      ['env://K1', 'P1'],
      ['env://K2', 'P2'],
    ]);
    const signers = keyInputSigners(paired);
    await Promise.all(signers.map((s) => s.ready()));
    const pems = await Promise.all(signers.map((s) => s.publicKeyPem()));
    expect(new Set(pems).size).toBe(2);
    const shared = SigningKeys.start('env://K1\nenv://K2', 'P1', env);
    expect(shared.keys.map((k) => k.passwordEnv)).toEqual(['P1', 'P1']);
    // K2's password is not P1's: the error names password-env and which key.
    await expect(keyInputSigners(shared)[0]!.ready()).rejects.toThrow(
      /input 'password-env': key 2 of 2 \(env:\/\/K2\): .*wrong password \(P1\)/,
    );
  });

  it('defaults to env://COSIGN_PRIVATE_KEY and COSIGN_PASSWORD', () => {
    const keys = SigningKeys.start('', '', {});
    expect(keys.keys.map((k) => [k.spec, k.passwordEnv])).toEqual([['env://COSIGN_PRIVATE_KEY', 'COSIGN_PASSWORD']]);
  });

  it('refuses a count mismatch and a key line given twice, before any key is read', async () => {
    const mismatch = SigningKeys.start('env://K1\nenv://K2\nenv://K3', 'P1\nP2', {});
    await expect(keyInputChecked(mismatch)).rejects.toThrow(/input 'password-env': lists 2 variable names for 3 keys/);
    const pasted = SigningKeys.start(
      '-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----',
      '',
      {},
    );
    await expect(keyInputChecked(pasted)).rejects.toThrow(
      /input 'key': holds PEM text: a private key never goes in with:/,
    );
    const twice = SigningKeys.start('env://K1\nenv://K1', '', {});
    await expect(keyInputChecked(twice)).rejects.toThrow(/input 'key': lists env:\/\/K1 twice \(lines 1 and 2\)/);
  });

  it('refuses the same key under two names once decoded: no signer gets ready', async () => {
    const pem = await cosignKey('');
    const keys = SigningKeys.start('env://A\nenv://B', '', { A: pem, B: pem });
    await keyInputChecked(keys);
    const signers = keyInputSigners(keys);
    for (const s of signers)
      await expect(s.ready()).rejects.toThrow(/input 'key': lines 1 and 2 \(env:\/\/A, env:\/\/B\) are the same key/);
  });
});
