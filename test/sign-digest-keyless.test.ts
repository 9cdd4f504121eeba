import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  BUNDLE_ANNOTATION,
  CERTIFICATE_ANNOTATION,
  CHAIN_ANNOTATION,
  isKeylessBundle,
  keylessTrustFromJson,
  loadPublicKey,
  parseDigestReference,
  parseSigManifest,
  readImageBundles,
  readSigstoreAttachments,
  SIGNATURE_ANNOTATION,
  verifyAttachments,
  verifyKeylessAttachments,
} from '@bydigest/core';
import { pushTestImage, testClient } from './harness/push.js';
import { startRegistry, type RunningRegistry } from './harness/registry.js';
import { errorLines, runAction, type ActionRun } from './harness/runner.js';
import {
  cosignVerify,
  cosignVerifyKeyless,
  makeKey,
  signWithSigstore,
  skopeoPull,
  writeHostPolicy,
  type TestKey,
} from './harness/signing.js';
import { startSigstore, type SigstoreStack } from './harness/sigstore.js';

let reg: RunningRegistry;
let stack: SigstoreStack;
beforeAll(async () => {
  [reg, stack] = await Promise.all([startRegistry({ mode: 'token' }), startSigstore()]);
});
afterAll(async () => {
  await Promise.all([reg?.stop(), stack?.stop()]);
});

function signKeyless(
  imageRef: string,
  inputs: Record<string, string>,
  opts: { key?: TestKey; oidc?: boolean; sigstore?: SigstoreStack } = {},
): Promise<ActionRun> {
  return signWithSigstore(reg, opts.sigstore ?? stack, imageRef, inputs, opts);
}

async function sigLayers(ref: string) {
  const client = testClient(reg);
  try {
    const r = parseDigestReference(ref);
    const m = await client.getManifestIfExists({
      ...r,
      digest: undefined,
      tag: `sha256-${r.digest.slice(7)}.sig`,
    } as never);
    return m ? parseSigManifest(m.bytes).layers : [];
  } finally {
    await client.close();
  }
}

describe('sign-digest signer: keyless', () => {
  it('writes a .sig layer cosign 2.5 and 3.1 verify by identity and issuer, and reject for another', async () => {
    const img = await pushTestImage(reg, 'keyless/one', ['x']);
    const run = await signKeyless(img.ref, { signer: 'keyless' });
    expect(errorLines(run.main)).toEqual([]);
    expect(run.main.outputs['certificate-identity']).toBe(stack.identity);
    expect(run.main.outputs['certificate-oidc-issuer']).toBe(stack.issuer);
    expect(run.main.outputs['rekor-log-index']).toMatch(/^\d+$/);
    expect(run.main.outputs['public-key']).toBeUndefined();
    expect(stack.requests.get('/api/v2/signingCert')).toBeGreaterThanOrEqual(1);
    // The runner's request token and the OIDC token are secrets: masked, never printed.
    expect(run.main.masks).toContain(stack.idToken);
    const printed = [
      run.main.stdout.replace(/^::add-mask::.*$/gm, ''),
      run.main.stderr,
      run.main.summary,
      JSON.stringify(run.main.outputs),
      JSON.stringify(run.main.state),
    ].join('\n');
    for (const secret of [stack.idToken, stack.oidcEnv.ACTIONS_ID_TOKEN_REQUEST_TOKEN!])
      expect(printed).not.toContain(secret);

    const layers = await sigLayers(img.ref);
    expect(layers).toHaveLength(1);
    const a = layers[0]!.annotations!;
    expect(Object.keys(a).sort()).toEqual(
      [BUNDLE_ANNOTATION, CERTIFICATE_ANNOTATION, CHAIN_ANNOTATION, SIGNATURE_ANNOTATION].sort(),
    );
    expect(a[CERTIFICATE_ANNOTATION]).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n$/);
    expect(a[CHAIN_ANNOTATION]).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const set = JSON.parse(a[BUNDLE_ANNOTATION]!);
    expect(Object.keys(set)).toEqual(['SignedEntryTimestamp', 'Payload']);
    expect(Object.keys(set.Payload)).toEqual(['body', 'integratedTime', 'logIndex', 'logID']);
    expect(set.Payload.logIndex).toBe(Number(run.main.outputs['rekor-log-index']));
    const body = JSON.parse(Buffer.from(set.Payload.body, 'base64').toString());
    expect({ kind: body.kind, apiVersion: body.apiVersion }).toEqual({ kind: 'hashedrekord', apiVersion: '0.0.1' });
    expect(body.spec.data.hash.value).toBe(layers[0]!.digest.slice(7));

    for (const v of ['2.5', '3.1'] as const) {
      const ok = await cosignVerifyKeyless(v, reg, stack, img.ref, { identity: stack.identity, issuer: stack.issuer });
      expect({ v, code: ok.code, err: ok.code === 0 ? '' : ok.stderr }).toEqual({ v, code: 0, err: '' });
      expect(ok.stdout).toContain(img.digest);
      const otherIdentity = await cosignVerifyKeyless(v, reg, stack, img.ref, {
        identity: `${stack.identity}x`,
        issuer: stack.issuer,
      });
      expect({ v, rejected: otherIdentity.code !== 0, err: otherIdentity.stderr }).toEqual({
        v,
        rejected: true,
        err: expect.stringMatching(/none of the expected identities matched|expected identity not found/i),
      });
      const otherIssuer = await cosignVerifyKeyless(v, reg, stack, img.ref, {
        identity: stack.identity,
        issuer: 'https://accounts.example.com',
      });
      expect({ v, rejected: otherIssuer.code !== 0, err: otherIssuer.stderr }).toEqual({
        v,
        rejected: true,
        err: expect.stringMatching(/none of the expected identities matched|expected identity not found/i),
      });
    }
  });
});

describe('sign-digest keyless bundles (format both)', () => {
  it('a keyless bundle referrer beside the keyless .sig layer: cosign 3.1 verifies the bundle by identity, verify-digest checks both', async () => {
    const img = await pushTestImage(reg, 'keyless/bundle', ['x']);
    const run = await signKeyless(img.ref, { signer: 'keyless', format: 'both' });
    expect(errorLines(run.main)).toEqual([]);
    expect(run.main.outputs['bundle-digest']).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(await sigLayers(img.ref)).toHaveLength(1);

    // cosign 3 reads bundles first; an image with the keyless bundle alone (no .sig) shows it is the bundle it
    // verifies.
    const bundleOnly = await pushTestImage(reg, 'keyless/bundle-only', ['x']);
    expect(errorLines((await signKeyless(bundleOnly.ref, { signer: 'keyless', format: 'bundle' })).main)).toEqual([]);
    expect(await sigLayers(bundleOnly.ref)).toEqual([]);
    const ok = await cosignVerifyKeyless('3.1', reg, stack, bundleOnly.ref, {
      identity: stack.identity,
      issuer: stack.issuer,
    });
    expect(ok.code === 0 ? '' : ok.stderr).toBe('');
    const wrong = await cosignVerifyKeyless('3.1', reg, stack, bundleOnly.ref, {
      identity: `${stack.identity}x`,
      issuer: stack.issuer,
    });
    expect(wrong.code).not.toBe(0);

    for (const format of ['bundle', 'legacy'] as const) {
      const verified = await runAction('verify-digest', {
        inputs: {
          'image-ref': img.ref,
          format,
          'certificate-identity': stack.identity,
          'certificate-oidc-issuer': stack.issuer,
          'trusted-root': stack.files.trustedRoot,
        },
        env: { REGISTRY_AUTH_FILE: reg.authFile },
      });
      expect({ format, errors: errorLines(verified.main) }).toEqual({ format, errors: [] });
      expect(verified.main.outputs.signatures).toBe('1');
    }
  });
});

describe('sign-digest signer: both', () => {
  it('a key layer and a keyless layer: skopeo keyPath, cosign --key and cosign identity all accept; a re-run adds no key layer', async () => {
    const key = await makeKey('pw');
    const img = await pushTestImage(reg, 'keyless/both', ['stable']);
    const run = await signKeyless(img.ref, { signer: 'both' }, { key });
    expect(errorLines(run.main)).toEqual([]);
    expect(run.main.outputs['public-key']).toBe(key.publicKeyPem);
    expect(run.main.outputs['certificate-identity']).toBe(stack.identity);

    const layers = await sigLayers(img.ref);
    expect(layers).toHaveLength(2);
    const keyless = (l: (typeof layers)[number]) => l.annotations?.[CERTIFICATE_ANNOTATION] !== undefined;
    expect(layers.filter(keyless)).toHaveLength(1);
    // Both sign the same payload: hosts and cosign tell the layers apart by what verifies them.
    expect(layers[0]!.digest).toBe(layers[1]!.digest);

    const host = writeHostPolicy(`${reg.host}/keyless/both`, {
      type: 'sigstoreSigned',
      keyPath: key.pubFile,
      signedIdentity: { type: 'matchRepository' },
    });
    const pulled = await skopeoPull(reg, `${reg.host}/keyless/both:stable`, host);
    expect(pulled.code === 0 ? '' : pulled.stderr).toBe('');
    for (const v of ['2.5', '3.1'] as const) {
      const byKey = await cosignVerify(v, reg, key.pubFile, img.ref);
      expect({ v, err: byKey.code === 0 ? '' : byKey.stderr }).toEqual({ v, err: '' });
      const byIdentity = await cosignVerifyKeyless(v, reg, stack, img.ref, {
        identity: stack.identity,
        issuer: stack.issuer,
      });
      expect({ v, err: byIdentity.code === 0 ? '' : byIdentity.stderr }).toEqual({ v, err: '' });
    }

    // A re-run (a retried job) keeps the key layer single; keyless makes a new certificate, so a new layer.
    const again = await signKeyless(img.ref, { signer: 'both' }, { key });
    expect(errorLines(again.main)).toEqual([]);
    const after = await sigLayers(img.ref);
    expect({ total: after.length, key: after.filter((l) => !keyless(l)).length }).toEqual({ total: 3, key: 1 });
  });
});

describe('sign-digest signer: both, format: both', () => {
  it("two layers and two bundles (the key's and the keyless one); a re-run reuses the key bundle", async () => {
    const key = await makeKey();
    const img = await pushTestImage(reg, 'keyless/both-both', ['x']);
    const run = await signKeyless(img.ref, { signer: 'both', format: 'both' }, { key });
    expect(errorLines(run.main)).toEqual([]);
    expect(await sigLayers(img.ref)).toHaveLength(2);
    const bundles = async () => {
      const client = testClient(reg);
      try {
        return (await readImageBundles(client, parseDigestReference(img.ref)))
          .map((b) => (isKeylessBundle(b.bundleBytes!) ? 'keyless' : 'key'))
          .sort();
      } finally {
        await client.close();
      }
    };
    expect(await bundles()).toEqual(['key', 'keyless']);
    for (const v of ['3.1'] as const) {
      expect((await cosignVerify(v, reg, key.pubFile, img.ref)).code).toBe(0);
      expect(
        (await cosignVerifyKeyless(v, reg, stack, img.ref, { identity: stack.identity, issuer: stack.issuer })).code,
      ).toBe(0);
    }
    const again = await signKeyless(img.ref, { signer: 'both', format: 'both' }, { key });
    expect(errorLines(again.main)).toEqual([]);
    expect(again.main.stdout).toMatch(/bundle already attached to/);
    expect(await bundles()).toEqual(['key', 'keyless', 'keyless']);
  });
});

describe('sign-digest keyless: failures write nothing', () => {
  async function expectNothingWritten(ref: string) {
    expect(await sigLayers(ref)).toEqual([]);
  }

  it('no OIDC token (a fork pull request, no id-token: write): names the fix; keyless-fallback: key signs with the key alone', async () => {
    const key = await makeKey();
    const img = await pushTestImage(reg, 'keyless/no-token', ['x']);
    const run = await signKeyless(img.ref, { signer: 'both' }, { key, oidc: false });
    expect(run.main.code).toBe(1);
    expect(errorLines(run.main)[0]).toMatch(
      /input 'signer': is both but no OIDC token can be requested \(ACTIONS_ID_TOKEN_REQUEST_URL is not set\).*id-token: write.*fork/,
    );
    expect(run.main.stdout).toMatch(/keyless-fallback: key/);
    await expectNothingWritten(img.ref);

    const fallback = await signKeyless(img.ref, { signer: 'both', 'keyless-fallback': 'key' }, { key, oidc: false });
    expect(errorLines(fallback.main)).toEqual([]);
    expect(fallback.main.stdout).toMatch(/::warning::signer: both: no OIDC token .*signing with the key alone/);
    const layers = await sigLayers(img.ref);
    expect(layers.map((l) => l.annotations?.[CERTIFICATE_ANNOTATION])).toEqual([undefined]);
    expect(fallback.main.outputs['certificate-identity']).toBeUndefined();
  });

  it('a token endpoint that fails: a KEYLESS error about the OIDC token', async () => {
    const img = await pushTestImage(reg, 'keyless/token-500', ['x']);
    stack.faults.token = 500;
    try {
      const run = await signKeyless(img.ref, { signer: 'keyless' });
      expect(run.main.code).toBe(1);
      expect(errorLines(run.main)[0]).toMatch(/no OIDC token for keyless signing: .*\(get the OIDC token\)/);
    } finally {
      delete stack.faults.token;
    }
    await expectNothingWritten(img.ref);
  });

  it.each([
    [
      'Fulcio 503',
      { fulcio: 503 },
      /keyless signing failed at Fulcio: .*\(request a signing certificate, http:\/\/127\.0\.0\.1:\d+\/api\/v2\/signingCert, HTTP 503\)/,
    ],
    ['Fulcio 400', { fulcio: 400 }, /keyless signing failed at Fulcio: .*HTTP 400\)/],
    [
      'Rekor 503',
      { rekor: 503 },
      /keyless signing failed at Rekor: .*\(log the signature, http:\/\/127\.0\.0\.1:\d+\/api\/v1\/log\/entries, HTTP 503\)/,
    ],
    ['Rekor 409 without Location', { rekor: 409 }, /keyless signing failed at Rekor: .*HTTP 409\)/],
  ] as const)('%s with signer both: a clear error, not even the key layer written', async (_name, faults, message) => {
    const key = await makeKey();
    const img = await pushTestImage(reg, `keyless/fault-${_name.replace(/\W+/g, '-').toLowerCase()}`, ['x']);
    Object.assign(stack.faults, faults);
    try {
      const run = await signKeyless(img.ref, { signer: 'both' }, { key });
      expect(run.main.code).toBe(1);
      expect(errorLines(run.main)[0]).toMatch(message);
      expect(run.main.stdout).toMatch(/hint: /);
    } finally {
      delete stack.faults.fulcio;
      delete stack.faults.rekor;
    }
    await expectNothingWritten(img.ref);
  });

  it('a certificate that has already expired: refused before anything is written', async () => {
    const stale = await startSigstore({ caClock: new Date(Date.now() - 3600_000) });
    try {
      const img = await pushTestImage(reg, 'keyless/expired', ['x']);
      const run = await signKeyless(img.ref, { signer: 'keyless' }, { sigstore: stale });
      expect(run.main.code).toBe(1);
      expect(errorLines(run.main)[0]).toMatch(/Fulcio issued a certificate that is not valid now/);
      await expectNothingWritten(img.ref);
    } finally {
      await stale.stop();
    }
  });
});

describe('sign-digest signer: both under concurrency', () => {
  const WRITERS = 10;
  const TRIALS = Number(process.env.BYDIGEST_KEYLESS_TRIALS ?? 2);

  it(`${WRITERS} runs with signer both and ${WRITERS} keys on one digest keep every key and every keyless signature (${TRIALS} trials)`, async () => {
    const keys = await Promise.all(Array.from({ length: WRITERS }, () => makeKey()));
    const trust = keylessTrustFromJson(readFileSync(stack.files.trustedRoot, 'utf8'), stack.files.trustedRoot);
    const outcomes: { keys: number; keyless: number }[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const img = await pushTestImage(reg, 'keyless/race', [`t${trial}`]);
      const runs = await Promise.all(keys.map((key) => signKeyless(img.ref, { signer: 'both' }, { key })));
      expect(runs.flatMap((r) => (r.main.code === 0 ? [] : [errorLines(r.main).join(' ') || r.main.stderr]))).toEqual(
        [],
      );
      const client = testClient(reg);
      try {
        const fetched = await readSigstoreAttachments(client, parseDigestReference(img.ref));
        const byKey = verifyAttachments(
          fetched,
          img.digest,
          keys.map((k) => loadPublicKey(k.publicKeyPem)),
        );
        const keyless = verifyKeylessAttachments(fetched, img.digest, trust, {
          identity: stack.identity,
          issuer: stack.issuer,
        });
        outcomes.push({ keys: new Set(byKey.valid.map((v) => v.keyIndex)).size, keyless: keyless.valid.length });
      } finally {
        await client.close();
      }
    }
    expect(outcomes).toEqual(outcomes.map(() => ({ keys: WRITERS, keyless: WRITERS })));
  }, 300_000);
});
