import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  loadPublicKey,
  parseDigestReference,
  parseReference,
  promoteByDigest,
  RegistryClient,
  signatureTag,
  verifyLegacySignatures,
  withDigest,
  withTag,
  type RequestEvent,
} from '@bydigest/core';
import { runPeerOk } from './harness/peers.js';
import { pushTestImage, testClient } from './harness/push.js';
import { startRegistry, type RunningRegistry } from './harness/registry.js';
import { errorLines, runAction } from './harness/runner.js';
import { cosignVerify, keyEnv, makeKey, sign, skopeoPull, writeHostPolicy, type TestKey } from './harness/signing.js';

function promote(reg: RunningRegistry, inputs: Record<string, string>, env: Record<string, string> = {}) {
  return runAction('promote-preserve-digest', { inputs, env: { REGISTRY_AUTH_FILE: reg.authFile, ...env } });
}

async function digestOf(reg: RunningRegistry, ref: string): Promise<string> {
  const insecure = reg.tls ? [] : ['--insecure'];
  return (
    await runPeerOk('crane', ['digest', ...insecure, ref], { env: reg.clientEnv, context: reg.logs })
  ).stdout.trim();
}

describe('promote-preserve-digest in one repository', () => {
  let reg: RunningRegistry;
  beforeAll(async () => {
    reg = await startRegistry({ mode: 'basic' });
  });
  afterAll(async () => {
    await reg?.stop();
  });

  it('promotes a signed image to three tags; cosign and skopeo verify each tag', async () => {
    const key = await makeKey('pw');
    const img = await pushTestImage(reg, 'rel/os', ['candidate']);
    expect((await sign(reg, img.ref, key)).main.code).toBe(0);
    const run = await promote(reg, {
      source: img.ref,
      tags: 'stable, stable.20261126\n20261126',
      'require-signature': key.publicKeyPem,
    });
    expect(errorLines(run.main)).toEqual([]);
    expect(run.main.outputs.digest).toBe(img.digest);
    expect((run.main.outputs.promoted ?? '').split('\n')).toEqual([
      `${reg.host}/rel/os:stable`,
      `${reg.host}/rel/os:stable.20261126`,
      `${reg.host}/rel/os:20261126`,
    ]);
    expect(run.main.summary).toContain(img.digest);
    const host = writeHostPolicy(`${reg.host}/rel/os`, {
      type: 'sigstoreSigned',
      keyPath: key.pubFile,
      signedIdentity: { type: 'matchRepository' },
    });
    for (const tag of ['stable', 'stable.20261126', '20261126']) {
      const ref = `${reg.host}/rel/os:${tag}`;
      expect(await digestOf(reg, ref)).toBe(img.digest);
      for (const v of ['2.5', '3.1'] as const) {
        const r = await cosignVerify(v, reg, key.pubFile, ref);
        expect({ v, tag, err: r.code === 0 ? '' : r.stderr }).toEqual({ v, tag, err: '' });
      }
      const pulled = await skopeoPull(reg, ref, host);
      expect({ tag, err: pulled.code === 0 ? '' : pulled.stderr }).toEqual({ tag, err: '' });
    }
  });

  it('refuses, writing no tag, when the digest is unsigned or signed by another key', async () => {
    const key = await makeKey();
    const other = await makeKey();
    const unsigned = await pushTestImage(reg, 'rel/gate', ['candidate']);
    const r1 = await promote(reg, { source: unsigned.ref, tags: 'stable', 'require-signature': key.pubFile });
    expect(r1.main.code).toBe(1);
    expect(errorLines(r1.main)[0]).toMatch(
      /input 'require-signature': .*no valid signature.*nothing was promoted.*no signature at/,
    );
    const signedByOther = await pushTestImage(reg, 'rel/gate', ['candidate2']);
    expect((await sign(reg, signedByOther.ref, other)).main.code).toBe(0);
    const r2 = await promote(reg, { source: signedByOther.ref, tags: 'stable', 'require-signature': key.pubFile });
    expect(r2.main.code).toBe(1);
    expect(errorLines(r2.main)[0]).toMatch(/cryptographic signature verification failed/);
    const tags = (
      await runPeerOk('crane', ['ls', '--insecure', `${reg.host}/rel/gate`], { env: reg.clientEnv })
    ).stdout.split('\n');
    expect(tags).not.toContain('stable');
  });

  it('refuses a tag as source, saying why', async () => {
    const run = await promote(reg, { source: `${reg.host}/rel/os:candidate`, tags: 'stable' });
    expect(run.main.code).toBe(1);
    expect(errorLines(run.main)[0]).toMatch(/input 'source': .*digest is required/);
  });

  it('makes one manifest GET, then one PUT and one HEAD per tag (same repository)', async () => {
    const img = await pushTestImage(reg, 'rel/count', ['candidate']);
    const events: RequestEvent[] = [];
    const client = new RegistryClient({
      credentials: { username: reg.username!, password: reg.password! },
      onRequest: (e) => events.push(e),
    });
    try {
      const targets = ['a', 'b', 'c'].map((tag) => ({ ...parseReference(`${reg.host}/rel/count`), tag }));
      await promoteByDigest(client, parseDigestReference(img.ref), targets);
    } finally {
      await client.close();
    }
    // Loopback registries are tried over TLS first (one failed handshake, no HTTP answer), and
    // the first request learns the Basic challenge (one 401), as every client must.
    const http = events.filter((e) => e.status !== undefined);
    const ok = http.filter((e) => e.status !== 401);
    expect(ok.map((e) => e.operation).sort()).toEqual([
      'GET manifest',
      'HEAD manifest',
      'HEAD manifest',
      'HEAD manifest',
      'PUT manifest',
      'PUT manifest',
      'PUT manifest',
    ]);
    expect(http.filter((e) => e.status === 401)).toHaveLength(1);
  });
});

describe('promote-preserve-digest across repositories', () => {
  let reg: RunningRegistry;
  beforeAll(async () => {
    // Like a registry that keeps projects apart: a token never grants pull on a second
    // repository alongside push on another, so cross-repository mounts are refused (202).
    reg = await startRegistry({
      mode: 'token',
      tokenGrant: (_account, access, requested) => {
        const pushing = requested.filter(
          (s) => s.endsWith(':push') || s.includes(':pull,push') || s.includes(':push,pull'),
        );
        const pushRepos = pushing.map((s) => s.split(':')[1]);
        return pushRepos.length > 0 && !pushRepos.includes(access.name) ? [] : access.actions;
      },
    });
  });
  afterAll(async () => {
    await reg?.stop();
  });

  it('copies a two-platform index with its children intact', async () => {
    const img = await pushTestImage(reg, 'src/multi', ['candidate'], { platforms: ['amd64', 'arm64'] });
    const run = await promote(reg, { source: img.ref, tags: `${reg.host}/dst/multi:stable` });
    expect(errorLines(run.main)).toEqual([]);
    expect(await digestOf(reg, `${reg.host}/dst/multi:stable`)).toBe(img.digest);
    for (const child of img.children)
      expect(await digestOf(reg, `${reg.host}/dst/multi@${child.digest}`)).toBe(child.digest);
  });

  const matchRepository = (key: TestKey) => ({
    type: 'sigstoreSigned',
    keyPath: key.pubFile,
    signedIdentity: { type: 'matchRepository' },
  });

  /** What is at the target for the digest: the tag, the manifest by digest, the .sig. */
  async function atTarget(repo: string, digest: string, tag: string) {
    const client = testClient(reg);
    try {
      const r = parseReference(repo);
      return {
        tag: (await client.headManifest(withTag(r, tag)))?.digest,
        manifest: (await client.headManifest(withDigest(r, digest)))?.digest,
        sig: (await client.headManifest(withTag(r, signatureTag(digest))))?.digest,
      };
    } finally {
      await client.close();
    }
  }

  it('with key: signs the target with its own identity, so cosign and a matchRepository host accept it; blobs stream when the mount is refused', async () => {
    const key = await makeKey('promote-hunter2');
    const img = await pushTestImage(reg, 'src/signed', ['candidate'], {
      layerSizes: [70_000, 3_000],
      platforms: ['amd64', 'arm64'],
    });
    expect((await sign(reg, img.ref, key)).main.code).toBe(0);
    const target = `${reg.host}/dst/signed`;
    const run = await promote(
      reg,
      {
        source: img.ref,
        tags: `${target}:stable`,
        'require-signature': key.publicKeyPem,
        key: 'env://COSIGN_PRIVATE_KEY',
      },
      keyEnv(key),
    );
    expect(errorLines(run.main)).toEqual([]);
    expect(run.main.stdout).toMatch(/blobs: 0 mounted, [1-9]\d* streamed/);
    expect(run.main.stdout).toContain(`signed ${target}@${img.digest} (3 manifest(s)) for identity ${target}`);
    // The key and its password reach no log line (but masks), output, state or summary.
    const logs = (run.main.stdout + run.main.stderr).replace(/^::add-mask::.*$/gm, '');
    for (const secret of [key.password, ...key.privateKeyPem.split('\n').filter((l) => l && !l.startsWith('-----'))]) {
      expect(
        [logs, JSON.stringify(run.main.outputs), JSON.stringify(run.main.state), run.main.summary].some((t) =>
          t.includes(secret),
        ),
      ).toBe(false);
    }
    expect(run.main.masks).toContain(key.password);
    for (const v of ['2.5', '3.1'] as const) {
      const r = await cosignVerify(v, reg, key.pubFile, `${target}:stable`);
      expect({ v, err: r.code === 0 ? '' : r.stderr }).toEqual({ v, err: '' });
    }
    const pulled = await skopeoPull(reg, `${target}:stable`, writeHostPolicy(target, matchRepository(key)));
    expect(pulled.code === 0 ? '' : pulled.stderr).toBe('');
    // The target's .sig holds its own signature only: none names the source repository.
    const client = testClient(reg);
    try {
      const v = await verifyLegacySignatures(client, parseDigestReference(`${target}@${img.digest}`), [
        loadPublicKey(key.publicKeyPem),
      ]);
      expect(v.verdicts.map((x) => x.payload?.dockerReference)).toEqual([target]);
    } finally {
      await client.close();
    }
    // Promoting again (same key) adds nothing.
    const again = await promote(
      reg,
      { source: img.ref, tags: `${target}:stable`, key: 'env://COSIGN_PRIVATE_KEY' },
      keyEnv(key),
    );
    expect(errorLines(again.main)).toEqual([]);
    expect(again.main.stdout).toContain(`already signed ${target}@${img.digest}`);
  });

  it('without key: refuses before writing anything, naming the cause and the fixes; a bad key refuses too', async () => {
    const key = await makeKey('pw');
    const img = await pushTestImage(reg, 'src/refused', ['candidate']);
    expect((await sign(reg, img.ref, key)).main.code).toBe(0);
    const source = `${reg.host}/src/refused`;
    const target = `${reg.host}/dst/refused`;
    for (const inputs of [{ 'require-signature': key.publicKeyPem }, {}] as Record<string, string>[]) {
      const run = await promote(reg, { source: img.ref, tags: `${target}:stable`, ...inputs });
      expect(run.main.code).toBe(1);
      const message = errorLines(run.main).join('\n');
      expect(message).toContain(`input 'tags': ${target} is another repository than ${source}`);
      expect(message).toContain(`Signature for identity "${source}" is not accepted`);
      expect(message).toMatch(/give the key input .*allow-foreign-identity: true.*copy-signatures: false/s);
      expect(run.main.outputs).toEqual({});
    }
    const wrongPassword = await promote(
      reg,
      { source: img.ref, tags: `${target}:stable`, key: 'env://COSIGN_PRIVATE_KEY' },
      { ...keyEnv(key), COSIGN_PASSWORD: 'wrong' },
    );
    expect(wrongPassword.main.code).toBe(1);
    expect(errorLines(wrongPassword.main)[0]).toMatch(/input 'password-env': .*wrong password/);
    expect(await atTarget(target, img.digest, 'stable')).toEqual({
      tag: undefined,
      manifest: undefined,
      sig: undefined,
    });
  });

  it('allow-foreign-identity copies the signature unchanged: an exactRepository host accepts it, a matchRepository host refuses it', async () => {
    const key = await makeKey('pw');
    const img = await pushTestImage(reg, 'src/foreign', ['candidate'], { layerSizes: [70_000, 3_000] });
    expect((await sign(reg, img.ref, key)).main.code).toBe(0);
    const source = `${reg.host}/src/foreign`;
    const target = `${reg.host}/dst/foreign`;
    const run = await promote(reg, {
      source: img.ref,
      tags: `${target}:stable`,
      'require-signature': key.publicKeyPem,
      'allow-foreign-identity': 'true',
    });
    expect(errorLines(run.main)).toEqual([]);
    expect(run.main.stdout).toMatch(/copied 1 signature\/referrer manifest/);
    for (const v of ['2.5', '3.1'] as const) {
      const r = await cosignVerify(v, reg, key.pubFile, `${target}:stable`);
      expect({ v, err: r.code === 0 ? '' : r.stderr }).toEqual({ v, err: '' });
    }
    const refused = await skopeoPull(reg, `${target}:stable`, writeHostPolicy(target, matchRepository(key)));
    expect(refused.code).not.toBe(0);
    expect(refused.stderr.replace(/\\"/g, '"')).toContain(`Signature for identity "${source}" is not accepted`);
    const exact = {
      type: 'sigstoreSigned',
      keyPath: key.pubFile,
      signedIdentity: { type: 'exactRepository', dockerRepository: source },
    };
    const pulled = await skopeoPull(reg, `${target}:stable`, writeHostPolicy(target, exact));
    expect(pulled.code === 0 ? '' : pulled.stderr).toBe('');
  });
});
