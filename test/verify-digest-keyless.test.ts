import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pushTestImage } from './harness/push.js';
import { startRegistry, type RunningRegistry } from './harness/registry.js';
import { errorLines, runAction, type ActionRun } from './harness/runner.js';
import { makeKey, sign, signWithSigstore, skopeoPull, writeHostPolicy, type TestKey } from './harness/signing.js';
import { startSigstore, WORKFLOW_IDENTITY, type SigstoreStack } from './harness/sigstore.js';

let reg: RunningRegistry;
let stack: SigstoreStack;
let key: TestKey;
/** An image signed with signer: both (a key layer and a keyless layer). */
let both: { ref: string };
beforeAll(async () => {
  [reg, stack, key] = await Promise.all([startRegistry({ mode: 'token' }), startSigstore(), makeKey()]);
  const img = await pushTestImage(reg, 'vk/both', ['x']);
  const signed = await signWithSigstore(reg, stack, img.ref, { signer: 'both' }, { key });
  expect(errorLines(signed.main)).toEqual([]);
  both = img;
});
afterAll(async () => {
  await Promise.all([reg?.stop(), stack?.stop()]);
});

function verify(inputs: Record<string, string>): Promise<ActionRun> {
  return runAction('verify-digest', { inputs, env: { REGISTRY_AUTH_FILE: reg.authFile } });
}

const keyless = (overrides: Record<string, string> = {}) => ({
  'certificate-identity': stack.identity,
  'certificate-oidc-issuer': stack.issuer,
  'trusted-root': stack.files.trustedRoot,
  ...overrides,
});

describe('verify-digest: keyless signatures in the .sig', () => {
  it('accepts the identity and issuer, alone, by regexp, and beside the public key', async () => {
    const alone = await verify({ 'image-ref': both.ref, ...keyless() });
    expect(errorLines(alone.main)).toEqual([]);
    expect(alone.main.outputs).toMatchObject({ verified: 'true', signatures: '1' });
    expect(alone.main.summary).toMatch(/valid \(Rekor log index \d+\)/);

    const byRegexp = await verify({
      'image-ref': both.ref,
      ...keyless({ 'certificate-identity': '', 'certificate-identity-regexp': '^https://github\\.com/bydigest/demo/' }),
    });
    expect(errorLines(byRegexp.main)).toEqual([]);

    const withKey = await verify({ 'image-ref': both.ref, 'public-key': key.publicKeyPem, ...keyless() });
    expect(errorLines(withKey.main)).toEqual([]);
    expect(withKey.main.stdout).toMatch(
      /1 valid signature\(s\) for the public key; 1 valid keyless signature\(s\) for the certificate identity/,
    );
  });

  it.each([
    [
      'another identity',
      { 'certificate-identity': `${WORKFLOW_IDENTITY}x` },
      /none of the expected identities|certificate identity error|SAN/i,
    ],
    ['another issuer', { 'certificate-oidc-issuer': 'https://accounts.example.com' }, /issuer/],
  ])('refuses %s, naming what the certificate carries', async (_name, overrides, reason) => {
    const run = await verify({ 'image-ref': both.ref, ...keyless(overrides) });
    expect(run.main.code).toBe(1);
    const text = errorLines(run.main).join('\n');
    expect(text).toMatch(/no valid keyless signature for .* with identity/);
    expect(text).toContain(`certificate for "${stack.identity}" (issuer "${stack.issuer}")`);
    expect(text).toMatch(reason);
  });

  it('certificate-source-repository: the caller of a reusable workflow, from the certificate (OWNER/REPO or its URL), in the .sig and in a bundle; another repository is refused', async () => {
    for (const source of ['bydigest/demo', 'https://github.com/bydigest/demo']) {
      const ok = await verify({ 'image-ref': both.ref, ...keyless({ 'certificate-source-repository': source }) });
      expect(errorLines(ok.main)).toEqual([]);
      expect(ok.main.outputs.verified).toBe('true');
    }
    const fork = await verify({
      'image-ref': both.ref,
      ...keyless({ 'certificate-source-repository': 'someone/fork' }),
    });
    expect(fork.main.code).toBe(1);
    expect(errorLines(fork.main).join('\n')).toContain(
      "the certificate's source repository is https://github.com/bydigest/demo, not https://github.com/someone/fork",
    );
    // The sigstore bundle referrer (cosign 3's format) is judged the same way.
    const img = await pushTestImage(reg, 'vk/bundle', ['x']);
    expect(
      errorLines((await signWithSigstore(reg, stack, img.ref, { signer: 'keyless', format: 'bundle' })).main),
    ).toEqual([]);
    const bundled = await verify({
      'image-ref': img.ref,
      format: 'bundle',
      ...keyless({ 'certificate-source-repository': 'bydigest/demo' }),
    });
    expect(errorLines(bundled.main)).toEqual([]);
    const otherBundle = await verify({
      'image-ref': img.ref,
      format: 'bundle',
      ...keyless({ 'certificate-source-repository': 'someone/fork' }),
    });
    expect(errorLines(otherBundle.main).join('\n')).toContain(
      "the certificate's source repository is https://github.com/bydigest/demo, not https://github.com/someone/fork",
    );
    const alone = await verify({ 'image-ref': both.ref, 'certificate-source-repository': 'bydigest/demo' });
    expect(errorLines(alone.main).join('\n')).toMatch(
      /input 'certificate-source-repository': is given without certificate-identity/,
    );
  });

  it('refuses a certificate from a Fulcio the trusted root does not list', async () => {
    const other = await startSigstore();
    try {
      const run = await verify({ 'image-ref': both.ref, ...keyless({ 'trusted-root': other.files.trustedRoot }) });
      expect(run.main.code).toBe(1);
      expect(errorLines(run.main).join('\n')).toMatch(/certificate.*(chain|issuer|trust)/i);
    } finally {
      await other.stop();
    }
  });

  it('an image signed with the key alone has no keyless signature: says so and how to add one', async () => {
    const img = await pushTestImage(reg, 'vk/key-only', ['x']);
    expect((await sign(reg, img.ref, key)).main.code).toBe(0);
    const run = await verify({ 'image-ref': img.ref, ...keyless() });
    expect(run.main.code).toBe(1);
    expect(errorLines(run.main).join('\n')).toMatch(
      /holds no keyless signature \(no layer with a certificate\): sign with sign-digest signer: keyless or both/,
    );
  });

  it.each([
    [
      'an issuer without identity',
      { 'certificate-oidc-issuer': 'https://token.actions.githubusercontent.com' },
      /input 'certificate-oidc-issuer': is given without certificate-identity/,
    ],
    [
      'an identity without issuer',
      { 'certificate-identity': 'x' },
      /input 'certificate-oidc-issuer': is required with certificate-identity/,
    ],
    [
      'identity and regexp',
      { 'certificate-identity': 'x', 'certificate-identity-regexp': 'x', 'certificate-oidc-issuer': 'y' },
      /input 'certificate-identity-regexp': is given with certificate-identity/,
    ],
    [
      'a trusted root that is not one',
      { 'certificate-identity': 'x', 'certificate-oidc-issuer': 'y', 'trusted-root': '/etc/hostname' },
      /input 'trusted-root': .*not a Sigstore trusted_root\.json/,
    ],
  ])('bad input: %s', async (_name, inputs, message) => {
    const run = await verify({ 'image-ref': both.ref, ...inputs });
    expect(run.main.code).toBe(1);
    expect(errorLines(run.main)[0]).toMatch(message);
  });
});

describe("a host's fulcio policy: only e-mail identities can ever match", () => {
  const EMAIL = 'release@bydigest.example';
  let own: SigstoreStack;
  let byEmail: { ref: string };
  let byWorkflow: { ref: string };
  beforeAll(async () => {
    own = await startSigstore({ ownCa: true, identity: EMAIL });
    byEmail = await pushTestImage(reg, 'vk/fulcio-email', ['stable']);
    byWorkflow = await pushTestImage(reg, 'vk/fulcio-workflow', ['stable']);
    const signedEmail = await signWithSigstore(reg, own, byEmail.ref, { signer: 'keyless' });
    expect(errorLines(signedEmail.main)).toEqual([]);
    expect(signedEmail.main.outputs['certificate-identity']).toBe(EMAIL);
    own.identity = WORKFLOW_IDENTITY;
    const signedWorkflow = await signWithSigstore(reg, own, byWorkflow.ref, { signer: 'keyless' });
    expect(errorLines(signedWorkflow.main)).toEqual([]);
    expect(signedWorkflow.main.outputs['certificate-identity']).toBe(WORKFLOW_IDENTITY);
  });
  afterAll(async () => {
    await own?.stop();
  });

  const fulcioPolicy = (repo: string, subjectEmail: string) =>
    writeHostPolicy(`${reg.host}/${repo}`, {
      type: 'sigstoreSigned',
      fulcio: { caPath: own.files.fulcioRoot, oidcIssuer: own.issuer, subjectEmail },
      rekorPublicKeyPath: own.files.rekorPub,
      signedIdentity: { type: 'matchRepository' },
    });

  function verifyAsHost(
    ref: string,
    host: { policy: string; registriesD: string },
    pullRef: string,
  ): Promise<ActionRun> {
    return verify({ 'image-ref': ref, policy: host.policy, 'registries-d': host.registriesD, 'pull-ref': pullRef });
  }

  it('skopeo 1.18 and verify-digest accept the e-mail identity', async () => {
    const host = fulcioPolicy('vk/fulcio-email', EMAIL);
    const pulled = await skopeoPull(reg, `${reg.host}/vk/fulcio-email:stable`, host);
    expect(pulled.code === 0 ? '' : pulled.stderr).toBe('');
    const run = await verifyAsHost(byEmail.ref, host, `${reg.host}/vk/fulcio-email:stable`);
    expect(errorLines(run.main)).toEqual([]);
    expect(run.main.outputs.signatures).toBe('1');
    // The same policy with another address refuses it, in both.
    const other = fulcioPolicy('vk/fulcio-email', 'someone@bydigest.example');
    expect((await skopeoPull(reg, `${reg.host}/vk/fulcio-email:stable`, other)).code).not.toBe(0);
    expect((await verifyAsHost(byEmail.ref, other, `${reg.host}/vk/fulcio-email:stable`)).main.code).toBe(1);
  });

  it('regression: a workflow-identity signature is refused by skopeo 1.18 whatever subjectEmail says; verify-digest explains and names the fix', async () => {
    for (const subjectEmail of [WORKFLOW_IDENTITY, 'noreply@github.com']) {
      const host = fulcioPolicy('vk/fulcio-workflow', subjectEmail);
      const pulled = await skopeoPull(reg, `${reg.host}/vk/fulcio-workflow:stable`, host);
      expect({ subjectEmail, refused: pulled.code !== 0 }).toEqual({ subjectEmail, refused: true });
      expect(pulled.stderr).toMatch(/email/i);

      const run = await verifyAsHost(byWorkflow.ref, host, `${reg.host}/vk/fulcio-workflow:stable`);
      expect(run.main.code).toBe(1);
      const text = errorLines(run.main).join('\n');
      expect(text).toMatch(/Required email .* not found \(got \[\]\); the certificate's identity is the URI/);
      expect(text).toMatch(
        subjectEmail === 'noreply@github.com'
          ? /"noreply@github\.com" never appears in a certificate/
          : /is not an e-mail address: containers\/image matches it against the certificate's e-mail SANs only/,
      );
      expect(text).toMatch(/Fix: sign with sign-digest signer: both .* keyPaths/);
    }
  });
});
