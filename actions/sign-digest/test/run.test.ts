// sign-digest's run() in-process against an in-memory registry: the glue around core's signImage and
// signImageBundle. Interop (cosign and skopeo read what it writes): test/sign-digest*.test.ts.
import { beforeEach, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { PendingKey, signingKeyFromKeyObject, verifyImage } from '@bydigest/core';
import { InputError, keyInputSigners } from '@bydigest/action-kit';
import { SigningKeys } from '@bydigest/action-kit/early-key';
import { MemoryRegistry, seedImage } from '../../../test/fakes/memory-registry.js';
import type { SignInputs } from '../src/inputs.js';
import { run } from '../src/run.js';

const REPO = { registry: 'registry.test', repository: 'owner/os' };

describe('sign-digest run() as a unit', () => {
  const key = signingKeyFromKeyObject(generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey);
  const signers = () => ({
    keys: keyInputSigners(
      new SigningKeys([
        { spec: 'env://COSIGN_PRIVATE_KEY', passwordEnv: 'COSIGN_PASSWORD', pending: PendingKey.of(key) },
      ]),
    ),
  });
  let registry: MemoryRegistry;
  let image: ReturnType<typeof seedImage>;
  const inputs = (over: Partial<SignInputs>): SignInputs => ({
    image,
    format: 'legacy',
    identities: [`${REPO.registry}/${REPO.repository}`],
    recursive: true,
    annotations: {},
    annotateGithub: false,
    registry: { retries: 0, insecure: false },
    signer: 'key',
    fulcioUrl: 'https://fulcio.invalid',
    rekorUrl: 'https://rekor.invalid',
    keylessFallback: 'none',
    ...over,
  });
  beforeEach(() => {
    delete process.env.GITHUB_STEP_SUMMARY;
    registry = new MemoryRegistry();
    image = seedImage(registry, { ...REPO, tag: 'stable' });
  });

  it('format legacy: writes the .sig the key verifies, naming the identity, and reports the public key', async () => {
    const result = await run(inputs({ annotations: { release: '41' } }), signers(), registry);
    expect(result.signed?.[0]?.signatureRef).toBe(
      `${REPO.registry}/${REPO.repository}:sha256-${image.digest.slice(7)}.sig`,
    );
    expect(result.bundled).toBeUndefined();
    expect(result.publicKeyPem).toBe(key.publicKeyPem);
    expect(registry.closed).toBe(true);
    const verdict = await verifyImage(registry, { image, format: 'legacy', publicKeys: [key.publicKey] });
    expect(verdict.passed).toBe(true);
    const payload = verdict.targets[0]?.key?.legacy?.valid[0]?.payload;
    expect(payload?.dockerReference).toBe(`${REPO.registry}/${REPO.repository}`);
    expect(payload?.optional).toEqual({ release: '41' });
  });

  it('format both: a .sig and a sigstore bundle, each verified by the key', async () => {
    const result = await run(inputs({ format: 'both' }), signers(), registry);
    expect(result.signed).toHaveLength(1);
    expect(result.bundled).toHaveLength(1);
    const bundleOnly = await verifyImage(registry, { image, format: 'bundle', publicKeys: [key.publicKey] });
    expect(bundleOnly.passed).toBe(true);
    expect(bundleOnly.targets[0]?.key?.bundle?.[0]?.referrerDigest).toBe(result.bundled?.[0]?.bundleDigest);
  });

  it('a second run finds the signature already there and writes no second layer', async () => {
    await run(inputs({}), signers(), registry);
    const again = await run(inputs({}), signers(), registry);
    expect(again.signed?.[0]?.alreadySigned).toBe(true);
    const verdict = await verifyImage(registry, { image, format: 'legacy', publicKeys: [key.publicKey] });
    expect(verdict.targets[0]?.key?.legacy?.verdicts).toHaveLength(1);
  });

  it('annotate-github outside a workflow is an input error before anything is written', async () => {
    delete process.env.GITHUB_REPOSITORY;
    const err = await run(inputs({ annotateGithub: true }), signers(), registry).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).input).toBe('annotate-github');
    expect(registry.writes).toEqual([]);
  });
});
