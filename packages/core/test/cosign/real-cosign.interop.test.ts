/**
 * REAL-BINARY INTEROP: runs cosign 2.5 and 3.1 (scripts/install-test-peers.sh puts them in
 * .cache/peers/bin). These tests never skip: a missing binary fails them, because cosign is the
 * judge of the key and signature formats. All offline: no Rekor upload, no tlog check.
 */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { peer, runPeer, type PeerName } from '../../../../test/harness/peers.js';
import { makeTempDir, removeDir } from '../../../../test/harness/tmp.js';
import { generateKeyPairFiles } from '../../../../scripts/generate-key-pair.js';
import {
  decryptCosignKey,
  encryptCosignKey,
  loadPublicKey,
  signPayload,
  simpleSigningPayload,
  verifyPayload,
} from '../../src/index.js';
import { fixturePath } from './fixtures.js';

type Cosign = Extract<PeerName, 'cosign-2.5' | 'cosign-3.1'>;

let dir: string;
let blob: string;
const blobBytes = simpleSigningPayload({
  dockerReference: 'ghcr.io/bydigest/test',
  manifestDigest: 'sha256:65855d7eaf01d6d664dfafe2cd651fd2cae08a09f7b9e259d960e7b5a4cdd925',
});

beforeAll(async () => {
  // Resolve both up front so a missing peer fails loudly here, not as a confusing spawn error.
  peer('cosign-2.5');
  peer('cosign-3.1');
  dir = await makeTempDir('bydigest-cosign-');
  blob = join(dir, 'payload.json');
  await writeFile(blob, blobBytes);
});

afterAll(async () => {
  if (dir) await removeDir(dir);
});

/** cosign sign-blob with a key file, legacy output (a bare base64 signature), nothing uploaded. */
async function cosignSignBlob(
  cosign: Cosign,
  keyPath: string,
  password: string,
): Promise<{ code: number | null; signature: string; stderr: string }> {
  const legacy = cosign === 'cosign-3.1' ? ['--use-signing-config=false', '--new-bundle-format=false'] : [];
  const r = await runPeer(cosign, ['sign-blob', '--key', keyPath, '--tlog-upload=false', ...legacy, '--yes', blob], {
    env: { COSIGN_PASSWORD: password },
  });
  return { code: r.code, signature: r.stdout.trim(), stderr: r.stderr };
}

async function cosignVerifyBlob(
  cosign: Cosign,
  pubPath: string,
  signature: string,
  file = blob,
): Promise<{ code: number | null; stderr: string }> {
  const sigPath = join(dir, `sig-${Math.random().toString(36).slice(2)}.b64`);
  await writeFile(sigPath, signature);
  const r = await runPeer(cosign, [
    'verify-blob',
    '--key',
    pubPath,
    '--signature',
    sigPath,
    '--insecure-ignore-tlog=true',
    file,
  ]);
  return { code: r.code, stderr: r.stderr };
}

describe('REAL cosign: keys we write', () => {
  it('scripts/generate-key-pair.ts writes cosign.key (0600) and cosign.pub that cosign 2.5 and 3.1 sign with', async () => {
    const out = join(dir, 'generated');
    const { keyPath, pubPath, publicKeyPem } = await generateKeyPairFiles([out], { COSIGN_PASSWORD: 'correct horse' });
    expect((await stat(keyPath)).mode & 0o777).toBe(0o600);
    expect(await readFile(pubPath, 'utf8')).toBe(publicKeyPem);
    expect(await readFile(keyPath, 'utf8')).toMatch(/^-----BEGIN ENCRYPTED COSIGN PRIVATE KEY-----\n/);
    await expect(generateKeyPairFiles([out], { COSIGN_PASSWORD: 'x' })).rejects.toThrow(/EEXIST/);
    await expect(generateKeyPairFiles([join(dir, 'nopw')], {})).rejects.toThrow(/COSIGN_PASSWORD is not set/);

    const pub = loadPublicKey(publicKeyPem);
    for (const cosign of ['cosign-2.5', 'cosign-3.1'] as const) {
      const signed = await cosignSignBlob(cosign, keyPath, 'correct horse');
      expect({ cosign, code: signed.code, stderr: signed.code === 0 ? '' : signed.stderr }).toEqual({
        cosign,
        code: 0,
        stderr: '',
      });
      expect(verifyPayload(pub, blobBytes, signed.signature)).toBe(true);
    }
    // cosign really decrypts our file: the wrong password is refused.
    const wrong = await cosignSignBlob('cosign-2.5', keyPath, 'wrong horse');
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/decrypt/i);
  });

  it.each([
    [65536, 'ENCRYPTED SIGSTORE PRIVATE KEY'],
    [131072, 'ENCRYPTED SIGSTORE PRIVATE KEY'],
    [32768, 'ENCRYPTED COSIGN PRIVATE KEY'],
  ] as const)('cosign 2.5 reads encryptCosignKey output with N=%i, label %s', async (N, label) => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const keyPath = join(dir, `enc-${N}.key`);
    await writeFile(keyPath, await encryptCosignKey(privateKey, '', { N, label }), { mode: 0o600 });
    const signed = await cosignSignBlob('cosign-2.5', keyPath, '');
    expect(signed.code).toBe(0);
    expect(verifyPayload(publicKey, blobBytes, signed.signature)).toBe(true);
  });
});

describe('REAL cosign: signatures we make', () => {
  it('verify with cosign 2.5 and 3.1 verify-blob, and a changed payload does not', async () => {
    const key = await decryptCosignKey(
      await readFile(fixturePath('cosign-2.5.0-keys/cosign.key.password-test'), 'utf8'),
      'test',
    );
    const signature = signPayload(key, blobBytes);
    const pubPath = fixturePath('cosign-2.5.0-keys/cosign.pub');
    const changed = join(dir, 'changed.json');
    await writeFile(changed, Buffer.concat([blobBytes, Buffer.from(' ')]));
    for (const cosign of ['cosign-2.5', 'cosign-3.1'] as const) {
      const ok = await cosignVerifyBlob(cosign, pubPath, signature);
      expect({ cosign, code: ok.code, stderr: ok.code === 0 ? '' : ok.stderr }).toEqual({
        cosign,
        code: 0,
        stderr: '',
      });
      expect((await cosignVerifyBlob(cosign, pubPath, signature, changed)).code).not.toBe(0);
      expect((await cosignVerifyBlob(cosign, fixturePath('node-encrypted-keys/plain.pub'), signature)).code).not.toBe(
        0,
      );
    }
  });
});

describe('REAL cosign: keys cosign 3.1 writes', () => {
  it.each([
    ['with a password', 'p4ss w0rd'],
    ['with the empty password', ''],
  ])('decrypt %s, print the same .pub, and sign for cosign', async (_what, password) => {
    const prefix = join(dir, `c31-${password ? 'pw' : 'empty'}`);
    const gen = await runPeer('cosign-3.1', ['generate-key-pair', '--output-key-prefix', prefix], {
      env: { COSIGN_PASSWORD: password },
    });
    expect({ code: gen.code, stderr: gen.code === 0 ? '' : gen.stderr }).toEqual({ code: 0, stderr: '' });
    const pem = await readFile(`${prefix}.key`, 'utf8');
    expect(pem).toMatch(/^-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\n/);

    const key = await decryptCosignKey(pem, password, { passwordName: 'COSIGN_PASSWORD' });
    expect(key.publicKeyPem).toBe(await readFile(`${prefix}.pub`, 'utf8'));
    await expect(decryptCosignKey(pem, `${password}x`, { passwordName: 'COSIGN_PASSWORD' })).rejects.toThrow(
      'wrong password (COSIGN_PASSWORD) or corrupted key',
    );

    const verified = await cosignVerifyBlob('cosign-3.1', `${prefix}.pub`, signPayload(key, blobBytes));
    expect(verified.code).toBe(0);
  });
});

describe('REAL cosign: what cosign refuses, we refuse', () => {
  it.each([
    [
      'node-encrypted-keys/REJECTED-N16384.key.password-pw1',
      'pw1',
      /unsupported scrypt parameters/,
      /unsupported scrypt parameters/,
    ],
    [
      'node-encrypted-keys/plain-unencrypted-pkcs8.key',
      '',
      /unsupported pem type: PRIVATE KEY/,
      /not encrypted \(PEM label "PRIVATE KEY"\)/,
    ],
    ['sigstore-cosign/pemcosigneckey.pem', 'hello', /failed to parse private key/, /SEC1 "EC PRIVATE KEY"/],
  ])('%s', async (file, password, theirsMessage, oursMessage) => {
    const theirs = await cosignSignBlob('cosign-2.5', fixturePath(file), password);
    expect(theirs.code).not.toBe(0);
    expect(theirs.stderr).toMatch(theirsMessage);
    await expect(decryptCosignKey(await readFile(fixturePath(file), 'utf8'), password)).rejects.toThrow(oursMessage);
  });
});
