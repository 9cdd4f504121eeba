/**
 * sign-digest `format: bundle | both` against a real registry (distribution 2.8: no referrers API,
 * so the `sha256-<hex>` fallback index), judged by cosign 3.1 and 2.5, oras 1.3 and crane; and
 * verifyBundleSignatures against bundles cosign 3.1 wrote itself. All offline and key-based:
 * cosign 3.1 verifies a bundle without a Rekor entry only with --insecure-ignore-tlog=true
 * (otherwise it fetches the public-good TUF root, or with --trusted-root demands a log entry).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appendToFallbackIndex,
  bundleReferrerManifest,
  loadPublicKey,
  parseDigestReference,
  referrerDescriptor,
  subjectDescriptor,
  verifyBundleSignatures,
  withDigest,
  type BundleVerification,
  type ImageManifest,
} from '@bydigest/core';
import { runPeer, runPeerOk } from './harness/peers.js';
import { pushTestImage, testClient } from './harness/push.js';
import { startRegistry, type AuthMode, type RunningRegistry } from './harness/registry.js';
import { errorLines } from './harness/runner.js';
import { cosignVerify, makeKey, sign, type TestKey } from './harness/signing.js';

const BUNDLE_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const DIGEST = /^sha256:[a-f0-9]{64}$/;

interface Discovered {
  digest: string;
  artifactType?: string;
  annotations?: Record<string, string>;
}

async function discover(reg: RunningRegistry, ref: string): Promise<Discovered[]> {
  const out = await runPeerOk('oras-1.3', ['discover', '--plain-http', '--format', 'json', ref], {
    env: reg.clientEnv,
    context: reg.logs,
  });
  return (JSON.parse(out.stdout) as { referrers?: Discovered[] }).referrers ?? [];
}

async function tags(reg: RunningRegistry, repo: string): Promise<string[]> {
  const out = await runPeerOk('crane', ['ls', '--insecure', `${reg.host}/${repo}`], { env: reg.clientEnv });
  return out.stdout.trim().split('\n');
}

async function verifyBundles(reg: RunningRegistry, ref: string, keys: TestKey[]): Promise<BundleVerification> {
  const client = testClient(reg);
  try {
    return await verifyBundleSignatures(
      client,
      parseDigestReference(ref),
      keys.map((k) => loadPublicKey(k.publicKeyPem)),
    );
  } finally {
    await client.close();
  }
}

/** The JSON claims cosign verify prints on stdout. */
function claims(stdout: string): Array<{
  critical: { image: { 'docker-manifest-digest': string }; type: string };
  optional: Record<string, unknown> | null;
}> {
  const line = stdout.split('\n').find((l) => l.startsWith('['));
  if (!line) throw new Error(`cosign printed no claims:\n${stdout}`);
  return JSON.parse(line) as never;
}

async function expectCosignVerifies(
  version: '2.5' | '3.1',
  reg: RunningRegistry,
  key: TestKey,
  ref: string,
  digest: string,
) {
  const r = await cosignVerify(version, reg, key.pubFile, ref);
  expect({ version, code: r.code, err: r.code === 0 ? '' : r.stderr }).toEqual({ version, code: 0, err: '' });
  const c = claims(r.stdout);
  expect(c.map((x) => x.critical.image['docker-manifest-digest'])).toEqual(c.map(() => digest));
  return c;
}

/** `cosign sign --key` as cosign 3.1 does it by default (bundle only), offline. */
async function cosignSign(reg: RunningRegistry, key: TestKey, ref: string, extra: string[] = []): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cosign-key-'));
  const keyFile = join(dir, 'cosign.key');
  writeFileSync(keyFile, key.privateKeyPem, { mode: 0o600 });
  await runPeerOk(
    'cosign-3.1',
    [
      'sign',
      '--key',
      keyFile,
      '--use-signing-config=false',
      '--tlog-upload=false',
      '--allow-http-registry',
      '-y',
      ...extra,
      ref,
    ],
    {
      env: { ...reg.clientEnv, COSIGN_PASSWORD: key.password },
      context: reg.logs,
    },
  );
}

describe.each<AuthMode>(['none', 'token'])('sign-digest format: bundle (%s)', (mode) => {
  let reg: RunningRegistry;
  beforeAll(async () => {
    reg = await startRegistry({ mode });
  });
  afterAll(async () => {
    await reg?.stop();
  });

  it('writes only a bundle referrer, which cosign 3.1 verifies and oras lists', async () => {
    const key = await makeKey('pw');
    const repo = `bundle/${mode}`;
    const img = await pushTestImage(reg, repo, ['v1']);
    const run = await sign(reg, img.ref, key, { format: 'bundle' });
    expect(errorLines(run.main)).toEqual([]);
    expect(run.main.code).toBe(0);
    const bundleDigest = run.main.outputs['bundle-digest'] as string;
    expect(bundleDigest).toMatch(DIGEST);
    expect(run.main.outputs['public-key']).toBe(key.publicKeyPem);
    expect(run.main.outputs['signature-ref']).toBeUndefined();
    expect(run.main.summary).toContain(bundleDigest);

    // No .sig: the referrers fallback index is the only new tag.
    expect((await tags(reg, repo)).sort()).toEqual([`sha256-${img.digest.slice(7)}`, 'v1']);
    const listed = await discover(reg, img.ref);
    expect(listed).toEqual([
      expect.objectContaining({
        digest: bundleDigest,
        artifactType: BUNDLE_TYPE,
        annotations: expect.objectContaining({
          'dev.sigstore.bundle.content': 'dsse-envelope',
          'dev.sigstore.bundle.predicateType': 'https://sigstore.dev/cosign/sign/v1',
        }),
      }),
    ]);
    const manifest = JSON.parse(
      (
        await runPeerOk('crane', ['manifest', '--insecure', `${reg.host}/${repo}@${bundleDigest}`], {
          env: reg.clientEnv,
        })
      ).stdout,
    ) as ImageManifest;
    expect(manifest).toMatchObject({
      artifactType: BUNDLE_TYPE,
      subject: { digest: img.digest },
      layers: [{ mediaType: BUNDLE_TYPE }],
    });

    const c = await expectCosignVerifies('3.1', reg, key, img.ref, img.digest);
    expect(c[0]?.critical.type).toBe('https://sigstore.dev/cosign/sign/v1');
    // cosign 2.5 reads only the .sig: a bundle-only image is unsigned to it (as to podman/skopeo/bootc).
    const old = await cosignVerify('2.5', reg, key.pubFile, img.ref);
    expect(old.code).not.toBe(0);
    expect(old.stderr).toContain('no signatures found');

    const v = await verifyBundles(reg, img.ref, [key]);
    expect(v).toMatchObject({ found: 1, via: 'tag', valid: [{ referrerDigest: bundleDigest, keyIndex: 0 }] });

    // A re-run finds its own bundle and writes nothing.
    const again = await sign(reg, img.ref, key, { format: 'bundle' });
    expect(again.main.code).toBe(0);
    expect(again.main.outputs['bundle-digest']).toBe(bundleDigest);
    expect(again.main.stdout).toContain('bundle already attached to');
    expect((await discover(reg, img.ref)).map((d) => d.digest)).toEqual([bundleDigest]);
  });
});

describe('sign-digest format: both, indexes, and bundles from others', () => {
  let reg: RunningRegistry;
  beforeAll(async () => {
    reg = await startRegistry({ mode: 'none' });
  });
  afterAll(async () => {
    await reg?.stop();
  });

  it('both: cosign 2.5 verifies the .sig, cosign 3.1 the bundle and (with --new-bundle-format=false) the .sig; annotations reach both', async () => {
    const key = await makeKey('');
    const img = await pushTestImage(reg, 'both/app', ['latest']);
    const run = await sign(reg, img.ref, key, { format: 'both', annotations: 'run=42' });
    expect(errorLines(run.main)).toEqual([]);
    expect(run.main.outputs['signature-ref']).toBe(`${reg.host}/both/app:sha256-${img.digest.slice(7)}.sig`);
    expect(run.main.outputs['signature-digest']).toMatch(DIGEST);
    const bundleDigest = run.main.outputs['bundle-digest'] as string;
    expect(bundleDigest).toMatch(DIGEST);
    expect(run.main.summary).toContain(bundleDigest);
    expect(run.main.summary).toContain('.sig');

    const legacy = await expectCosignVerifies('2.5', reg, key, img.ref, img.digest);
    expect(legacy[0]?.optional).toEqual({ run: '42' });
    const bundle = await expectCosignVerifies('3.1', reg, key, img.ref, img.digest);
    expect(bundle[0]?.optional).toEqual({ run: '42' });
    const legacy3 = await runPeer(
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
    expect({ code: legacy3.code, err: legacy3.code === 0 ? '' : legacy3.stderr }).toEqual({ code: 0, err: '' });
    expect((await discover(reg, img.ref)).map((d) => [d.digest, d.artifactType])).toEqual([
      [bundleDigest, BUNDLE_TYPE],
    ]);
  });

  it('an index: the index and each platform manifest get a bundle', async () => {
    const key = await makeKey('k');
    const img = await pushTestImage(reg, 'both/multi', ['latest'], { platforms: ['amd64', 'arm64'] });
    const run = await sign(reg, img.ref, key, { format: 'bundle' });
    expect(errorLines(run.main)).toEqual([]);
    for (const d of [img.digest, ...img.children.map((c) => c.digest)]) {
      const ref = `${reg.host}/both/multi@${d}`;
      await expectCosignVerifies('3.1', reg, key, ref, d);
      expect((await verifyBundles(reg, ref, [key])).valid).toHaveLength(1);
    }
    expect((await discover(reg, img.ref)).map((d) => d.digest)).toEqual([run.main.outputs['bundle-digest']]);
  });

  it('concurrent signers: every bundle survives in the fallback index', async () => {
    const keys = await Promise.all(['k1', 'k2', 'k3'].map((p) => makeKey(p)));
    const img = await pushTestImage(reg, 'both/race', ['v1']);
    const runs = await Promise.all(keys.map((k) => sign(reg, img.ref, k, { format: 'bundle' })));
    for (const r of runs) expect(errorLines(r.main)).toEqual([]);
    const written = runs.map((r) => r.main.outputs['bundle-digest']).sort();
    expect((await discover(reg, img.ref)).map((d) => d.digest).sort()).toEqual(written);
    const v = await verifyBundles(reg, img.ref, keys);
    expect(v.valid.map((x) => x.keyIndex).sort()).toEqual([0, 1, 2]);
    for (const k of keys) await expectCosignVerifies('3.1', reg, k, img.ref, img.digest);
  });

  it("verifyBundleSignatures accepts cosign 3.1's own bundles (its fallback entries carry the empty artifactType), next to ours", async () => {
    const key = await makeKey('c0sign');
    const img = await pushTestImage(reg, 'theirs/app', ['v1']);
    await cosignSign(reg, key, img.ref);
    const cosignEntries = await discover(reg, img.ref);
    // go-containerregistry's fallback writer puts the config media type where artifactType belongs.
    expect(cosignEntries).toEqual([expect.objectContaining({ artifactType: 'application/vnd.oci.empty.v1+json' })]);
    expect(await verifyBundles(reg, img.ref, [key])).toMatchObject({
      found: 1,
      valid: [{ referrerDigest: cosignEntries[0]?.digest, keyIndex: 0 }],
    });

    // Our append keeps cosign's entry; both verify, for us and for cosign.
    const other = await makeKey('other');
    const run = await sign(reg, img.ref, other, { format: 'bundle' });
    expect(errorLines(run.main)).toEqual([]);
    expect((await discover(reg, img.ref)).map((d) => d.digest)).toEqual([
      cosignEntries[0]?.digest,
      run.main.outputs['bundle-digest'],
    ]);
    const both = await verifyBundles(reg, img.ref, [other, key]);
    expect(both.found).toBe(2);
    expect(both.valid.map((v) => v.keyIndex).sort()).toEqual([0, 1]);
    await expectCosignVerifies('3.1', reg, key, img.ref, img.digest);
    await expectCosignVerifies('3.1', reg, other, img.ref, img.digest);
  });

  it('rejects a bundle under the wrong key, and one made for another digest, as cosign 3.1 does', async () => {
    const key = await makeKey('a');
    const stranger = await makeKey('b');
    const a = await pushTestImage(reg, 'reject/app', ['a']);
    const b = await pushTestImage(reg, 'reject/app', ['b']);
    const run = await sign(reg, a.ref, key, { format: 'bundle' });
    expect(errorLines(run.main)).toEqual([]);

    const wrongKey = await verifyBundles(reg, a.ref, [stranger]);
    expect(wrongKey.found).toBe(1);
    expect(wrongKey.valid).toEqual([]);
    expect(wrongKey.verdicts[0]?.reason).toMatch(/^DSSE signature: cryptographic signature verification failed/);
    expect((await cosignVerify('3.1', reg, stranger.pubFile, a.ref)).code).not.toBe(0);

    // Replay: a's bundle blob attached to b, through a referrer manifest whose subject is b.
    const client = testClient(reg);
    try {
      const imageB = parseDigestReference(b.ref);
      const ours = await client.getManifest(withDigest(imageB, run.main.outputs['bundle-digest'] as string));
      const layer = (JSON.parse(ours.bytes.toString()) as ImageManifest).layers[0]!;
      const replay = bundleReferrerManifest({
        subject: await subjectDescriptor(client, imageB, b.digest),
        bundle: layer,
        created: new Date(),
      });
      await client.putManifest(withDigest(imageB, replay.digest), replay);
      await appendToFallbackIndex(client, imageB, b.digest, referrerDescriptor(replay));
      const v = await verifyBundleSignatures(client, imageB, [loadPublicKey(key.publicKeyPem)]);
      expect(v).toMatchObject({
        found: 1,
        valid: [],
        verdicts: [{ referrerDigest: replay.digest, reason: `the statement is for ${a.digest}, not ${b.digest}` }],
      });
      expect(v.verdicts[0]?.keyIndex).toBeUndefined();
    } finally {
      await client.close();
    }
    const cosignB = await cosignVerify('3.1', reg, key.pubFile, b.ref);
    expect(cosignB.code).not.toBe(0);
    expect(cosignB.stderr).toContain('provided artifact digest does not match any digest in statement');
  });
});

describe('verify-digest reads bundles', () => {
  let reg: RunningRegistry;
  beforeAll(async () => {
    reg = await startRegistry({ mode: 'none' });
  });
  afterAll(async () => {
    await reg?.stop();
  });

  it('format bundle and any accept a bundle-only signature; legacy does not see it; another key is refused', async () => {
    const { runAction } = await import('./harness/runner.js');
    const key = await makeKey('pw');
    const other = await makeKey();
    const img = await pushTestImage(reg, 'vbundle/img', ['x']);
    expect(errorLines((await sign(reg, img.ref, key, { format: 'bundle' })).main)).toEqual([]);
    const verify = (format: string, pub: string) =>
      runAction('verify-digest', {
        inputs: { 'image-ref': img.ref, 'public-key': pub, format },
        env: { REGISTRY_AUTH_FILE: reg.authFile },
      });
    for (const format of ['bundle', 'any']) {
      const ok = await verify(format, key.publicKeyPem);
      expect({ format, errors: errorLines(ok.main) }).toEqual({ format, errors: [] });
      expect(ok.main.outputs).toEqual(expect.objectContaining({ verified: 'true', signatures: '1' }));
      expect(ok.main.summary).toContain('bundle');
    }
    const legacy = await verify('legacy', key.publicKeyPem);
    expect(legacy.main.code).toBe(1);
    expect(errorLines(legacy.main).join('\n')).toMatch(/no signature/i);
    const wrong = await verify('bundle', other.publicKeyPem);
    expect(wrong.main.code).toBe(1);
    expect(errorLines(wrong.main).join('\n')).toMatch(/bundle/);
  });
});
