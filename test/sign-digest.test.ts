import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPublicKey, parseDigestReference, verifyLegacySignatures } from '@bydigest/core';
import { runPeer, runPeerOk } from './harness/peers.js';
import { pushTestImage, testClient } from './harness/push.js';
import { startRegistry, type RunningRegistry } from './harness/registry.js';
import { errorLines, runAction } from './harness/runner.js';
import { cosignVerify, keyEnv, makeKey, sign, skopeoPull, writeHostPolicy, type TestKey } from './harness/signing.js';

let reg: RunningRegistry;
beforeAll(async () => {
  reg = await startRegistry({ mode: 'token' });
});
afterAll(async () => {
  await reg?.stop();
});

async function validSignatures(ref: string, keys: TestKey[]): Promise<number[]> {
  const client = testClient(reg);
  try {
    const v = await verifyLegacySignatures(
      client,
      parseDigestReference(ref),
      keys.map((k) => loadPublicKey(k.publicKeyPem)),
    );
    return v.valid.map((x) => x.keyIndex as number);
  } finally {
    await client.close();
  }
}

async function sigDigest(ref: string): Promise<string | undefined> {
  const client = testClient(reg);
  try {
    const r = parseDigestReference(ref);
    return (await client.headManifest({ ...r, digest: undefined, tag: `sha256-${r.digest.slice(7)}.sig` } as never))
      ?.digest;
  } finally {
    await client.close();
  }
}

describe('sign-digest: annotations of the workflow run', () => {
  it('annotate-github puts repository, sha, workflow ref and run id into the payload; cosign verify -a checks them', async () => {
    const key = await makeKey();
    const img = await pushTestImage(reg, 'sign/annotated', ['candidate']);
    const sha = 'f'.repeat(40);
    const github = {
      GITHUB_REPOSITORY: 'ublue-os/bluefin',
      GITHUB_SHA: sha,
      GITHUB_RUN_ID: '4242',
      GITHUB_WORKFLOW_REF: 'ublue-os/bluefin/.github/workflows/build.yml@refs/heads/main',
    };
    const run = await runAction('sign-digest', {
      inputs: { 'image-ref': img.ref, 'annotate-github': 'true', annotations: 'org.example/flavor=dx' },
      env: { ...keyEnv(key), REGISTRY_AUTH_FILE: reg.authFile, ...github },
    });
    expect(errorLines(run.main)).toEqual([]);
    const verify = (annotations: string[]) =>
      runPeer(
        'cosign-2.5',
        [
          'verify',
          '--key',
          key.pubFile,
          '--insecure-ignore-tlog=true',
          '--allow-http-registry',
          ...annotations.flatMap((a) => ['-a', a]),
          img.ref,
        ],
        { env: reg.clientEnv, timeoutMs: 60_000 },
      );
    const ok = await verify([
      `github.sha=${sha}`,
      'github.repository=ublue-os/bluefin',
      'github.run_id=4242',
      `github.workflow_ref=${github.GITHUB_WORKFLOW_REF}`,
      'org.example/flavor=dx',
    ]);
    expect({ code: ok.code, err: ok.code === 0 ? '' : ok.stderr }).toEqual({ code: 0, err: '' });
    const wrong = await verify(['github.sha=' + '0'.repeat(40)]);
    expect(wrong.code).not.toBe(0);
  });

  it('annotate-github refuses an annotations line that sets the same key', async () => {
    const key = await makeKey();
    const img = await pushTestImage(reg, 'sign/annotated-clash', ['candidate']);
    const run = await runAction('sign-digest', {
      inputs: { 'image-ref': img.ref, 'annotate-github': 'true', annotations: 'github.sha=forged' },
      env: { ...keyEnv(key), REGISTRY_AUTH_FILE: reg.authFile, GITHUB_SHA: 'a'.repeat(40) },
    });
    expect(run.main.code).toBe(1);
    expect(errorLines(run.main).join('\n')).toMatch(
      /input 'annotations': sets github\.sha, which annotate-github sets too/,
    );
    expect(await sigDigest(img.ref)).toBeUndefined();
  });
});

describe('sign-digest: what the verifiers accept', () => {
  it('identity repository: cosign 2.5 and 3.1 verify, skopeo pulls a tag under matchRepository', async () => {
    const key = await makeKey('s3cret');
    const img = await pushTestImage(reg, 'sign/repo', ['candidate', 'stable']);
    const run = await sign(reg, img.ref, key);
    expect(errorLines(run.main)).toEqual([]);
    expect(run.main.outputs['signature-ref']).toBe(`${reg.host}/sign/repo:sha256-${img.digest.slice(7)}.sig`);
    expect(run.main.outputs['signature-digest']).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(run.main.outputs['public-key']).toBe(key.publicKeyPem);
    expect(run.main.summary).toContain('sha256-');

    for (const v of ['2.5', '3.1'] as const) {
      const r = await cosignVerify(v, reg, key.pubFile, img.ref);
      expect({ v, code: r.code, err: r.code === 0 ? '' : r.stderr }).toEqual({ v, code: 0, err: '' });
      expect(r.stdout).toContain(img.digest);
    }
    const host = writeHostPolicy(`${reg.host}/sign/repo`, {
      type: 'sigstoreSigned',
      keyPath: key.pubFile,
      signedIdentity: { type: 'matchRepository' },
    });
    const pulled = await skopeoPull(reg, `${reg.host}/sign/repo:stable`, host);
    expect({ code: pulled.code, err: pulled.stderr }).toEqual({ code: 0, err: expect.any(String) });

    // The same signature under the default identity rule is refused: why identity: tags exists.
    const strict = writeHostPolicy(`${reg.host}/sign/repo`, { type: 'sigstoreSigned', keyPath: key.pubFile });
    const refused = await skopeoPull(reg, `${reg.host}/sign/repo:stable`, strict);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/is not accepted/);
    // And another key's policy refuses it cryptographically.
    const other = await makeKey();
    const wrong = writeHostPolicy(`${reg.host}/sign/repo`, {
      type: 'sigstoreSigned',
      keyPath: other.pubFile,
      signedIdentity: { type: 'matchRepository' },
    });
    const refused2 = await skopeoPull(reg, `${reg.host}/sign/repo:stable`, wrong);
    expect(refused2.code).not.toBe(0);
    expect(refused2.stderr).toMatch(/cryptographic signature verification failed/);
  });

  it('identity tags: skopeo pulls each tag under the default matchRepoDigestOrExact', async () => {
    const key = await makeKey();
    const img = await pushTestImage(reg, 'sign/tags', ['a', 'b']);
    const run = await sign(reg, img.ref, key, { identity: 'tags', tags: 'a\nb' });
    expect(errorLines(run.main)).toEqual([]);
    const host = writeHostPolicy(`${reg.host}/sign/tags`, { type: 'sigstoreSigned', keyPath: key.pubFile });
    for (const tag of ['a', 'b']) {
      const pulled = await skopeoPull(reg, `${reg.host}/sign/tags:${tag}`, host);
      expect({ tag, code: pulled.code, err: pulled.code ? pulled.stderr : '' }).toEqual({ tag, code: 0, err: '' });
    }
    expect((await validSignatures(img.ref, [key])).length).toBe(2);
  });

  it('signs an index and each platform manifest (recursive)', async () => {
    const key = await makeKey();
    const img = await pushTestImage(reg, 'sign/multi', ['multi'], { platforms: ['amd64', 'arm64'] });
    const run = await sign(reg, img.ref, key);
    expect(errorLines(run.main)).toEqual([]);
    for (const d of [img.digest, ...img.children.map((c) => c.digest)]) {
      expect(await validSignatures(`${reg.host}/sign/multi@${d}`, [key])).toEqual([0]);
    }
    const host = writeHostPolicy(`${reg.host}/sign/multi`, {
      type: 'sigstoreSigned',
      keyPath: key.pubFile,
      signedIdentity: { type: 'matchRepository' },
    });
    const pulled = await skopeoPull(reg, `${reg.host}/sign/multi:multi`, host);
    expect(pulled.code === 0 ? '' : pulled.stderr).toBe('');
  });

  it.each(['2.5', '3.1'])(
    'signs with keys generated by real cosign %s, with and without a password',
    async (version) => {
      for (const password of ['', 'pa55']) {
        const dir = mkdtempSync(join(tmpdir(), 'cosign-keys-'));
        await runPeerOk(`cosign-${version}` as 'cosign-2.5', ['generate-key-pair'], {
          cwd: dir,
          env: { COSIGN_PASSWORD: password },
        });
        const key: TestKey = {
          privateKeyPem: readFileSync(join(dir, 'cosign.key'), 'utf8'),
          publicKeyPem: readFileSync(join(dir, 'cosign.pub'), 'utf8'),
          password,
          pubFile: join(dir, 'cosign.pub'),
        };
        const img = await pushTestImage(reg, `sign/cosign-keys-${version.replace('.', '')}`, ['x']);
        const run = await sign(reg, img.ref, key);
        expect(errorLines(run.main)).toEqual([]);
        const r = await cosignVerify(version as '2.5', reg, key.pubFile, img.ref);
        expect(r.code === 0 ? '' : r.stderr).toBe('');
      }
    },
  );

  it('takes the key from a file path too', async () => {
    const key = await makeKey('pw');
    const file = join(mkdtempSync(join(tmpdir(), 'keyfile-')), 'cosign.key');
    writeFileSync(file, key.privateKeyPem, { mode: 0o600 });
    const img = await pushTestImage(reg, 'sign/file', ['x']);
    const run = await sign(reg, img.ref, { ...key, privateKeyPem: '' }, { key: file });
    expect(errorLines(run.main)).toEqual([]);
    expect(await validSignatures(img.ref, [key])).toEqual([0]);
  });
});

describe('sign-digest: appending to the .sig', () => {
  it('two keys make two layers; the same key again adds none', async () => {
    const [k1, k2] = [await makeKey(), await makeKey()];
    const img = await pushTestImage(reg, 'sign/append', ['x']);
    expect((await sign(reg, img.ref, k1)).main.code).toBe(0);
    expect((await sign(reg, img.ref, k2)).main.code).toBe(0);
    const before = await sigDigest(img.ref);
    const again = await sign(reg, img.ref, k1);
    expect(again.main.code).toBe(0);
    expect(again.main.stdout).toMatch(/already signed/);
    expect(await sigDigest(img.ref)).toBe(before);
    const valid = await validSignatures(img.ref, [k1, k2]);
    expect(valid.sort()).toEqual([0, 1]);
  });

  it('a wrong password fails clearly and leaves the .sig unchanged', async () => {
    const key = await makeKey('right');
    const img = await pushTestImage(reg, 'sign/wrongpw', ['x']);
    expect((await sign(reg, img.ref, key)).main.code).toBe(0);
    const before = await sigDigest(img.ref);
    const run = await sign(reg, img.ref, { ...key, password: 'wrong' });
    expect(run.main.code).toBe(1);
    expect(errorLines(run.main)[0]).toMatch(
      /input 'password-env': .*wrong password \(COSIGN_PASSWORD\) or corrupted key/,
    );
    expect(await sigDigest(img.ref)).toBe(before);
    expect(run.main.outputs).toEqual({});
  });
});

describe('sign-digest: bad input and secrets', () => {
  let img: { ref: string; digest: string };
  let key: TestKey;
  beforeAll(async () => {
    img = await pushTestImage(reg, 'sign/bad', ['latest']);
    key = await makeKey('pw');
  });

  const cases: [string, () => Record<string, string>, () => Record<string, string>, RegExp][] = [
    [
      'a tag instead of a digest',
      () => ({ 'image-ref': `${reg.host}/sign/bad:latest` }),
      () => ({}),
      /input 'image-ref': .*digest is required[\s\S]*capture-digest/,
    ],
    ['truncated digest', () => ({ 'image-ref': img.ref.slice(0, -3) }), () => ({}), /input 'image-ref': .*64 hex/],
    [
      'unset key variable',
      () => ({ 'image-ref': img.ref, key: 'env://NOPE_KEY' }),
      () => ({}),
      /input 'key': environment variable NOPE_KEY is not set/,
    ],
    [
      'a key that is not PEM',
      () => ({ 'image-ref': img.ref }),
      () => ({ COSIGN_PRIVATE_KEY: 'garbage' }),
      /input 'key': .*not PEM/,
    ],
    [
      'a public key as key',
      () => ({ 'image-ref': img.ref }),
      () => ({ COSIGN_PRIVATE_KEY: key.publicKeyPem }),
      /input 'key': .*public key/,
    ],
    [
      'a missing key file',
      () => ({ 'image-ref': img.ref, key: '/nonexistent/cosign.key' }),
      () => ({}),
      /input 'key': cannot read key file/,
    ],
    [
      'an unknown format',
      () => ({ 'image-ref': img.ref, format: 'gpg' }),
      () => ({}),
      /input 'format': must be one of legacy, bundle, both/,
    ],
    [
      'identity tags without tags',
      () => ({ 'image-ref': img.ref, identity: 'tags' }),
      () => ({}),
      /input 'tags': is empty but identity is tags/,
    ],
    [
      'an image that does not exist',
      () => ({ 'image-ref': `${reg.host}/sign/none@sha256:${'0'.repeat(64)}` }),
      () => ({}),
      /does not exist/,
    ],
    [
      'annotations that are not key=value',
      () => ({ 'image-ref': img.ref, annotations: 'novalue' }),
      () => ({}),
      /input 'annotations': expected key=value/,
    ],
  ];
  it.each(cases)('%s: exit 1, a message naming the input, nothing written', async (_n, inputs, env, message) => {
    const before = await sigDigest(img.ref);
    const { runAction } = await import('./harness/runner.js');
    const run = await runAction('sign-digest', {
      inputs: inputs(),
      env: {
        COSIGN_PRIVATE_KEY: key.privateKeyPem,
        COSIGN_PASSWORD: key.password,
        REGISTRY_AUTH_FILE: reg.authFile,
        ...env(),
      },
    });
    expect(run.main.code).toBe(1);
    expect(errorLines(run.main).join('\n')).toMatch(message);
    expect(await sigDigest(img.ref)).toBe(before);
  });

  it('the key and password reach no log line (but masks), output or state', async () => {
    const k = await makeKey('hunter2-password');
    const run = await sign(reg, img.ref, k);
    expect(run.main.code).toBe(0);
    const logs = (run.main.stdout + run.main.stderr).replace(/^::add-mask::.*$/gm, '');
    const body = k.privateKeyPem.split('\n').filter((l) => l && !l.startsWith('-----'));
    for (const secret of ['hunter2-password', ...body]) {
      expect(logs).not.toContain(secret);
      expect(JSON.stringify(run.main.outputs)).not.toContain(secret);
      expect(JSON.stringify(run.main.state)).not.toContain(secret);
      expect(run.main.summary).not.toContain(secret);
    }
    expect(run.main.masks).toContain('hunter2-password');
  });
});
