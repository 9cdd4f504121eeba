/**
 * Key types against the judges. RSA cosign keys sign PKCS#1 v1.5 over SHA-256, which cosign 2.5,
 * cosign 3.1 and skopeo 1.18 all verify, so sign-digest signs with them and verify-digest accepts
 * them. Ed25519 and P-384 keys are refused: cosign 3.1's own signatures with them are rejected
 * by skopeo, which this file shows too.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decryptCosignKey, encryptCosignKey, parseDigestReference, signatureTag, withTag } from '@bydigest/core';
import { runPeer, runPeerOk } from './harness/peers.js';
import { pushTestImage, testClient } from './harness/push.js';
import { startRegistry, type RunningRegistry } from './harness/registry.js';
import { errorLines, REPO_ROOT, runAction } from './harness/runner.js';
import { cosignVerify, sign, skopeoPull, writeHostPolicy, type TestKey } from './harness/signing.js';

let reg: RunningRegistry;
beforeAll(async () => {
  reg = await startRegistry({ mode: 'none' });
});
afterAll(async () => {
  await reg?.stop();
});

const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));

/** A TestKey from a cosign key file: its public half written where peers and policies read it. */
async function testKey(privateKeyPem: string, password: string): Promise<TestKey> {
  const { publicKeyPem } = await decryptCosignKey(privateKeyPem, password);
  const pubFile = join(tmp('key-'), 'cosign.pub');
  writeFileSync(pubFile, publicKeyPem);
  return { privateKeyPem, publicKeyPem, password, pubFile };
}

/** What a user with an RSA key does: `cosign import-key-pair` (cosign 3.1) writes cosign's encrypted key file. */
async function importedRsaKey(modulusLength: number, password: string): Promise<TestKey> {
  const dir = tmp('rsa-');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength });
  writeFileSync(join(dir, 'rsa.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  await runPeerOk('cosign-3.1', ['import-key-pair', '--key', 'rsa.pem', '--output-key-prefix', 'imported'], {
    cwd: dir,
    env: { COSIGN_PASSWORD: password },
  });
  return {
    privateKeyPem: readFileSync(join(dir, 'imported.key'), 'utf8'),
    publicKeyPem: readFileSync(join(dir, 'imported.pub'), 'utf8'),
    password,
    pubFile: join(dir, 'imported.pub'),
  };
}

const SIGSTORE_RS_RSA_4096 = join(
  REPO_ROOT,
  'packages/core/test/fixtures/cosign/sigstore-rs/rsa_encrypted_private.key',
);

function verifyDigest(inputs: Record<string, string>) {
  return runAction('verify-digest', { inputs, env: { REGISTRY_AUTH_FILE: reg.authFile } });
}

/** cosign 3.1 writing a legacy .sig offline, as the release docs' workflows do. */
async function cosign31Sign(key: TestKey, ref: string): Promise<void> {
  const file = join(tmp('cosign-key-'), 'cosign.key');
  writeFileSync(file, key.privateKeyPem, { mode: 0o600 });
  await runPeerOk(
    'cosign-3.1',
    [
      'sign',
      '--key',
      file,
      '--new-bundle-format=false',
      '--use-signing-config=false',
      '--tlog-upload=false',
      '--allow-http-registry',
      '-y',
      ref,
    ],
    {
      env: { ...reg.clientEnv, COSIGN_PASSWORD: key.password },
      context: reg.logs,
    },
  );
}

const matchRepository = (k: TestKey) => ({
  type: 'sigstoreSigned',
  keyPath: k.pubFile,
  signedIdentity: { type: 'matchRepository' },
});

describe('sign-digest with RSA keys: cosign 2.5, cosign 3.1 and skopeo 1.18 verify, and so does verify-digest', () => {
  const keys: [string, () => Promise<TestKey>][] = [
    ['RSA-2048 imported by cosign 3.1', () => importedRsaKey(2048, 'rsa-pw')],
    ['RSA-4096 (sigstore-rs fixture)', () => testKey(readFileSync(SIGSTORE_RS_RSA_4096, 'utf8'), '123')],
  ];
  it.each(keys)('%s', async (name, make) => {
    const key = await make();
    const repo = `rsa/${name.startsWith('RSA-2048') ? '2048' : '4096'}`;
    const img = await pushTestImage(reg, repo, ['stable']);
    // Both formats: the .sig (cosign 2.5, skopeo) and the sigstore bundle (cosign 3.1's default).
    const run = await sign(reg, img.ref, key, { format: 'both' });
    expect(errorLines(run.main)).toEqual([]);
    expect(run.main.outputs['public-key']).toBe((await decryptCosignKey(key.privateKeyPem, key.password)).publicKeyPem);

    for (const v of ['2.5', '3.1'] as const) {
      const r = await cosignVerify(v, reg, key.pubFile, img.ref);
      expect({ v, code: r.code, err: r.code === 0 ? '' : r.stderr }).toEqual({ v, code: 0, err: '' });
      // cosign 3.1 judged the bundle (its sign/v1 statement), cosign 2.5 the .sig.
      expect({ v, bundle: r.stdout.includes('https://sigstore.dev/cosign/sign/v1') }).toEqual({
        v,
        bundle: v === '3.1',
      });
    }
    const legacy31 = await runPeer(
      'cosign-3.1',
      [
        'verify',
        '--key',
        key.pubFile,
        '--insecure-ignore-tlog=true',
        '--new-bundle-format=false',
        '--allow-http-registry',
        img.ref,
      ],
      { env: reg.clientEnv },
    );
    expect(legacy31.code === 0 ? '' : legacy31.stderr).toBe('');
    const host = writeHostPolicy(`${reg.host}/${repo}`, matchRepository(key));
    const pulled = await skopeoPull(reg, `${reg.host}/${repo}:stable`, host);
    expect(pulled.code === 0 ? '' : pulled.stderr).toBe('');

    const byKey = await verifyDigest({ 'image-ref': img.ref, 'public-key': key.publicKeyPem });
    expect(errorLines(byKey.main)).toEqual([]);
    expect(byKey.main.outputs.verified).toBe('true');
    const asHost = await verifyDigest({
      'image-ref': img.ref,
      policy: host.policy,
      'registries-d': host.registriesD,
      'pull-ref': `${reg.host}/${repo}:stable`,
    });
    expect(errorLines(asHost.main)).toEqual([]);
  });

  it("verify-digest accepts cosign 3.1's own RSA signature, as skopeo does", async () => {
    const key = await importedRsaKey(2048, '');
    const img = await pushTestImage(reg, 'rsa/by-cosign', ['stable']);
    await cosign31Sign(key, img.ref);
    const host = writeHostPolicy(`${reg.host}/rsa/by-cosign`, matchRepository(key));
    const pulled = await skopeoPull(reg, `${reg.host}/rsa/by-cosign:stable`, host);
    expect(pulled.code === 0 ? '' : pulled.stderr).toBe('');
    const byKey = await verifyDigest({ 'image-ref': img.ref, 'public-key': key.pubFile });
    expect(errorLines(byKey.main)).toEqual([]);
    expect(byKey.main.outputs).toEqual({ verified: 'true', signatures: '1' });
    const asHost = await verifyDigest({
      'image-ref': img.ref,
      policy: host.policy,
      'registries-d': host.registriesD,
      'pull-ref': `${reg.host}/rsa/by-cosign:stable`,
    });
    expect(errorLines(asHost.main)).toEqual([]);
  });
});

describe('sign-digest refuses Ed25519 and P-384 keys, whose cosign signatures hosts reject', () => {
  const refused: [string, () => Promise<TestKey>, RegExp][] = [
    [
      'Ed25519',
      () => refusedKey(generateKeyPairSync('ed25519')),
      /is Ed25519; .*Ed25519ph, which containers\/image .* rejects, so hosts reject its signatures/,
    ],
    [
      'P-384',
      () => refusedKey(generateKeyPairSync('ec', { namedCurve: 'P-384' })),
      /is ECDSA P-384; .*verifies with SHA-256 only, so hosts reject its signatures/,
    ],
  ];

  it.each(refused)(
    '%s: sign-digest exits 1 with the reason and writes nothing; cosign 3.1 signs it and skopeo refuses',
    async (name, make, reason) => {
      const key = await make();
      const repo = `refused/${name.toLowerCase().replace('-', '')}`;
      const img = await pushTestImage(reg, repo, ['stable']);
      const run = await sign(reg, img.ref, key);
      expect(run.main.code).toBe(1);
      expect(errorLines(run.main).join('\n')).toMatch(reason);
      expect(run.main.outputs).toEqual({});
      const client = testClient(reg);
      try {
        const image = parseDigestReference(img.ref);
        expect(await client.headManifest(withTag(image, signatureTag(image.digest)))).toBeUndefined();
      } finally {
        await client.close();
      }

      // The reason is the judge's: cosign 3.1 signs with this key, and skopeo 1.18 rejects the signature.
      await cosign31Sign(key, img.ref);
      const pulled = await skopeoPull(
        reg,
        `${reg.host}/${repo}:stable`,
        writeHostPolicy(`${reg.host}/${repo}`, matchRepository(key)),
      );
      expect(pulled.code).not.toBe(0);
      expect(pulled.stderr).toContain('Source image rejected: cryptographic signature verification failed');
    },
  );
});

/** A cosign key file for a key type bydigest refuses (decryptCosignKey would not give its public half). */
async function refusedKey(pair: { privateKey: KeyObject; publicKey: KeyObject }): Promise<TestKey> {
  const publicKeyPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const pubFile = join(tmp('key-'), 'cosign.pub');
  writeFileSync(pubFile, publicKeyPem);
  return { privateKeyPem: await encryptCosignKey(pair.privateKey, 'pw'), publicKeyPem, password: 'pw', pubFile };
}
