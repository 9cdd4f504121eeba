import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPublicKey, parseDigestReference, verifyLegacySignatures } from '@bydigest/core';
import { pushTestImage, testClient } from './harness/push.js';
import { startRegistry, type RunningRegistry } from './harness/registry.js';
import { errorLines, runAction } from './harness/runner.js';
import { cosignVerify, makeKey, skopeoPull, writeHostPolicy, type TestKey } from './harness/signing.js';

// Key rotation's overlap: one sign-digest step signs with the current and the next key, a .sig
// layer each, so hosts trusting either key (or both, with keyPaths) keep pulling.
let reg: RunningRegistry;
let a: TestKey;
let b: TestKey;
beforeAll(async () => {
  reg = await startRegistry({ mode: 'token' });
  [a, b] = [await makeKey('current-pw'), await makeKey('next-pw')];
});
afterAll(async () => {
  await reg?.stop();
});

/** The step env of a rotation: both keys and both passwords as secrets. */
const twoKeyEnv = () => ({
  COSIGN_PRIVATE_KEY: a.privateKeyPem,
  COSIGN_PASSWORD: a.password,
  COSIGN_PRIVATE_KEY_NEXT: b.privateKeyPem,
  COSIGN_PASSWORD_NEXT: b.password,
});
const TWO_KEYS = {
  key: 'env://COSIGN_PRIVATE_KEY\nenv://COSIGN_PRIVATE_KEY_NEXT',
  'password-env': 'COSIGN_PASSWORD\nCOSIGN_PASSWORD_NEXT',
};

async function sigState(ref: string): Promise<{ digest?: string; layers: number }> {
  const client = testClient(reg);
  try {
    const r = parseDigestReference(ref);
    const m = await client.getManifestIfExists({
      ...r,
      digest: undefined,
      tag: `sha256-${r.digest.slice(7)}.sig`,
    } as never);
    return m
      ? { digest: m.digest, layers: (JSON.parse(m.bytes.toString()) as { layers: unknown[] }).layers.length }
      : { layers: 0 };
  } finally {
    await client.close();
  }
}

async function validKeyIndexes(ref: string, keys: TestKey[]): Promise<number[]> {
  const client = testClient(reg);
  try {
    const v = await verifyLegacySignatures(
      client,
      parseDigestReference(ref),
      keys.map((k) => loadPublicKey(k.publicKeyPem)),
    );
    return v.valid.map((x) => x.keyIndex as number).sort();
  } finally {
    await client.close();
  }
}

describe('sign-digest with two keys: the overlap of a rotation', () => {
  it('one layer per key in the same .sig; cosign 2.5 and 3.1 verify each key alone; skopeo with keyPaths [A, B] and with either keyPath; a re-run adds nothing', async () => {
    const img = await pushTestImage(reg, 'rotate/overlap', ['stable']);
    const run = await runAction('sign-digest', {
      inputs: { 'image-ref': img.ref, ...TWO_KEYS },
      env: { ...twoKeyEnv(), REGISTRY_AUTH_FILE: reg.authFile },
    });
    expect(errorLines(run.main)).toEqual([]);
    expect(run.main.outputs['public-key']).toBe(a.publicKeyPem + b.publicKeyPem);
    expect(run.main.summary).toMatch(/Keys <code>[0-9a-f]{16}<\/code>, <code>[0-9a-f]{16}<\/code>/);
    const state = await sigState(img.ref);
    expect(state.layers).toBe(2);
    expect(await validKeyIndexes(img.ref, [a, b])).toEqual([0, 1]);

    for (const v of ['2.5', '3.1'] as const) {
      for (const k of [a, b]) {
        const r = await cosignVerify(v, reg, k.pubFile, img.ref);
        expect({ v, code: r.code, err: r.code === 0 ? '' : r.stderr }).toEqual({ v, code: 0, err: '' });
      }
    }
    const scope = `${reg.host}/rotate/overlap`;
    const identity = { signedIdentity: { type: 'matchRepository' } };
    const hosts = {
      keyPaths: writeHostPolicy(scope, { type: 'sigstoreSigned', keyPaths: [a.pubFile, b.pubFile], ...identity }),
      keyPathA: writeHostPolicy(scope, { type: 'sigstoreSigned', keyPath: a.pubFile, ...identity }),
      keyPathB: writeHostPolicy(scope, { type: 'sigstoreSigned', keyPath: b.pubFile, ...identity }),
    };
    for (const [name, host] of Object.entries(hosts)) {
      const pulled = await skopeoPull(reg, `${scope}:stable`, host);
      expect({ name, code: pulled.code, err: pulled.code ? pulled.stderr : '' }).toEqual({ name, code: 0, err: '' });
    }
    // A third key's host is refused: the layers are checked, not just counted.
    const other = await makeKey();
    const refused = await skopeoPull(
      reg,
      `${scope}:stable`,
      writeHostPolicy(scope, { type: 'sigstoreSigned', keyPath: other.pubFile, ...identity }),
    );
    expect(refused.code).not.toBe(0);

    const again = await runAction('sign-digest', {
      inputs: { 'image-ref': img.ref, ...TWO_KEYS },
      env: { ...twoKeyEnv(), REGISTRY_AUTH_FILE: reg.authFile },
    });
    expect(errorLines(again.main)).toEqual([]);
    expect(again.main.stdout).toMatch(/already signed/);
    expect(await sigState(img.ref)).toEqual(state);
  });

  it("adds only the next key's layer to a .sig the current key already signed; one password variable serves both keys", async () => {
    const img = await pushTestImage(reg, 'rotate/add-next', ['x']);
    const one = await runAction('sign-digest', {
      inputs: { 'image-ref': img.ref },
      env: { ...twoKeyEnv(), REGISTRY_AUTH_FILE: reg.authFile },
    });
    expect(errorLines(one.main)).toEqual([]);
    expect((await sigState(img.ref)).layers).toBe(1);
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    const [fileA, fileB] = [join(dir, 'a.key'), join(dir, 'b.key')];
    const { encryptCosignKey } = await import('@bydigest/core');
    const { loadSigningKey } = await import('@bydigest/core/keys');
    // Both keys under one password, as files: the key input takes paths too.
    for (const [k, file] of [
      [a, fileA],
      [b, fileB],
    ] as const) {
      const decoded = await loadSigningKey('env://K', 'P', { K: k.privateKeyPem, P: k.password });
      writeFileSync(file, await encryptCosignKey(decoded.privateKey, 'shared'), { mode: 0o600 });
    }
    const both = await runAction('sign-digest', {
      inputs: { 'image-ref': img.ref, key: `${fileA}\n${fileB}`, 'password-env': 'SHARED_PW' },
      env: { SHARED_PW: 'shared', REGISTRY_AUTH_FILE: reg.authFile },
    });
    expect(errorLines(both.main)).toEqual([]);
    expect((await sigState(img.ref)).layers).toBe(2);
    expect(await validKeyIndexes(img.ref, [a, b])).toEqual([0, 1]);
  });
});

describe('sign-digest with several keys: bad input writes nothing', () => {
  let img: { ref: string; digest: string };
  beforeAll(async () => {
    img = await pushTestImage(reg, 'rotate/bad', ['x']);
  });

  const cases: [string, () => Record<string, string>, () => Record<string, string>, RegExp][] = [
    [
      'the same key twice',
      () => ({ key: 'env://COSIGN_PRIVATE_KEY\nenv://COSIGN_PRIVATE_KEY_NEXT', 'password-env': 'COSIGN_PASSWORD' }),
      () => ({ COSIGN_PRIVATE_KEY_NEXT: a.privateKeyPem }),
      /input 'key': lines 1 and 2 .* are the same key/,
    ],
    [
      'the next key does not decrypt',
      () => TWO_KEYS,
      () => ({ COSIGN_PASSWORD_NEXT: 'wrong' }),
      /input 'password-env': key 2 of 2 \(env:\/\/COSIGN_PRIVATE_KEY_NEXT\): .*wrong password \(COSIGN_PASSWORD_NEXT\)/,
    ],
    [
      'three password names for two keys',
      () => ({ ...TWO_KEYS, 'password-env': 'A\nB\nC' }),
      () => ({}),
      /input 'password-env': lists 3 variable names for 2 keys/,
    ],
    [
      'the next key variable unset',
      () => TWO_KEYS,
      () => ({ COSIGN_PRIVATE_KEY_NEXT: '' }),
      /input 'key': key 2 of 2 \(env:\/\/COSIGN_PRIVATE_KEY_NEXT\): environment variable COSIGN_PRIVATE_KEY_NEXT is not set/,
    ],
  ];
  it.each(cases)('%s: exit 1, the input named, no .sig', async (_n, inputs, env, message) => {
    const run = await runAction('sign-digest', {
      inputs: { 'image-ref': img.ref, ...inputs() },
      env: { ...twoKeyEnv(), REGISTRY_AUTH_FILE: reg.authFile, ...env() },
    });
    expect(run.main.code).toBe(1);
    expect(errorLines(run.main).join('\n')).toMatch(message);
    expect(await sigState(img.ref)).toEqual({ layers: 0 });
    expect(run.main.outputs).toEqual({});
  });
});

describe('public-key inputs take several keys, any one verifying', () => {
  let img: { ref: string; digest: string };
  beforeAll(async () => {
    img = await pushTestImage(reg, 'rotate/verify', ['stable']);
    const run = await runAction('sign-digest', {
      inputs: { 'image-ref': img.ref },
      env: { ...twoKeyEnv(), REGISTRY_AUTH_FILE: reg.authFile },
    });
    expect(errorLines(run.main)).toEqual([]);
  });

  it('verify-digest: PEM blocks concatenated, or files one per line; a damaged block is an error naming it', async () => {
    const verify = (publicKey: string) =>
      runAction('verify-digest', {
        inputs: { 'image-ref': img.ref, 'public-key': publicKey, format: 'legacy' },
        env: { REGISTRY_AUTH_FILE: reg.authFile },
      });
    // Signed with A only: [B, A] passes (A verifies), [B] alone fails.
    expect(errorLines((await verify(b.publicKeyPem + a.publicKeyPem)).main)).toEqual([]);
    expect(errorLines((await verify(`${b.pubFile}\n${a.pubFile}`)).main)).toEqual([]);
    expect((await verify(b.publicKeyPem)).main.code).toBe(1);
    const damaged = await verify(a.publicKeyPem + b.publicKeyPem.replace(/\n[A-Za-z0-9+/]{10}/, '\n!!!!!!!!!!'));
    expect(damaged.main.code).toBe(1);
    expect(errorLines(damaged.main).join('\n')).toMatch(
      /input 'public-key': the public key \(PEM block 2\) is not PEM/,
    );
    const twice = await verify(a.publicKeyPem + a.publicKeyPem);
    expect(errorLines(twice.main).join('\n')).toMatch(/input 'public-key': gives the same key twice \(keys 1 and 2/);
  });

  it('promote-preserve-digest require-signature: either key suffices', async () => {
    const promote = (keys: string) =>
      runAction('promote-preserve-digest', {
        inputs: { source: img.ref, tags: 'promoted', 'require-signature': keys },
        env: { REGISTRY_AUTH_FILE: reg.authFile },
      });
    expect(errorLines((await promote(b.publicKeyPem + a.publicKeyPem)).main)).toEqual([]);
    const refused = await promote(b.publicKeyPem);
    expect(errorLines(refused.main).join('\n')).toMatch(/input 'require-signature': .*no valid signature/);
  });
});

describe('check-host-trust public-key: the image must trust one of the signing keys', () => {
  it('passes when the image trusts B (and a backup) and the keys are [A, B]; fails naming both when it trusts neither', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rootfs-'));
    mkdirSync(join(dir, 'etc/containers/registries.d'), { recursive: true });
    mkdirSync(join(dir, 'etc/pki/containers'), { recursive: true });
    const backup = await makeKey();
    writeFileSync(join(dir, 'etc/pki/containers/next.pub'), b.publicKeyPem);
    writeFileSync(join(dir, 'etc/pki/containers/backup.pub'), backup.publicKeyPem);
    const scope = `${reg.host}/rotate/host`;
    writeFileSync(
      join(dir, 'etc/containers/policy.json'),
      JSON.stringify({
        default: [{ type: 'reject' }],
        transports: {
          docker: {
            [scope]: [
              {
                type: 'sigstoreSigned',
                keyPaths: ['/etc/pki/containers/next.pub', '/etc/pki/containers/backup.pub'],
                signedIdentity: { type: 'matchRepository' },
              },
            ],
          },
        },
      }),
    );
    writeFileSync(
      join(dir, 'etc/containers/registries.d/rotate.yaml'),
      `docker:\n  ${scope}:\n    use-sigstore-attachments: true\n`,
    );
    const check = (keys: string) =>
      runAction('check-host-trust', {
        inputs: {
          source: `dir:${dir}`,
          'pull-ref': `${scope}:stable`,
          'image-digest': `sha256:${'1'.repeat(64)}`,
          'public-key': keys,
        },
        env: { REGISTRY_AUTH_FILE: reg.authFile },
      });
    const ok = await check(a.publicKeyPem + b.publicKeyPem);
    expect(ok.main.stdout).toMatch(
      /PASS signing key trusted, with a backup: 1 of the 2 signing keys are among the 2 trusted keys/,
    );
    const other = await makeKey();
    const bad = await check(a.publicKeyPem + other.publicKeyPem);
    expect(bad.main.stdout).toMatch(/FAIL signing key trusted/);
    expect(errorLines(bad.main).join('\n')).toMatch(
      /none of the 2 signing keys \(public-key sha256:[0-9a-f]{16}, sha256:[0-9a-f]{16}\) is among the keys .* trusts/,
    );
    expect(bad.main.code).toBe(1);
  });
});
