// promote-preserve-digest's run() in-process against an in-memory registry: the glue around core's
// promoteImage (refusals as input errors, nothing written; signing in the target). Interop: test/promote.test.ts.
import { beforeEach, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { KeySigner, signImage, signingKeyFromKeyObject, verifyImage, withTag } from '@bydigest/core';
import { InputError } from '@bydigest/action-kit';
import { MemoryRegistry, seedImage } from '../../../test/fakes/memory-registry.js';
import type { PromoteInputs } from '../src/inputs.js';
import { run } from '../src/run.js';

const SOURCE = { registry: 'registry.test', repository: 'owner/os-candidate' };
const RELEASE = { registry: 'registry.test', repository: 'owner/os' };
const newKey = () => signingKeyFromKeyObject(generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey);

describe('promote-preserve-digest run() as a unit', () => {
  const key = newKey();
  let registry: MemoryRegistry;
  let source: ReturnType<typeof seedImage>;
  const inputs = (over: Partial<PromoteInputs>): PromoteInputs => ({
    source,
    targets: [withTag(SOURCE, 'stable')],
    copySignatures: true,
    allowForeignIdentity: false,
    concurrency: 2,
    registry: { retries: 0, insecure: false },
    ...over,
  });
  beforeEach(async () => {
    delete process.env.GITHUB_STEP_SUMMARY;
    registry = new MemoryRegistry();
    source = seedImage(registry, { ...SOURCE, tag: 'candidate' });
    await signImage(registry, {
      image: source,
      identities: [`${SOURCE.registry}/${SOURCE.repository}`],
      signer: new KeySigner(key),
    });
    registry.writes.length = 0;
  });

  it('moves a tag in the source repository to the exact digest, after checking the required signature', async () => {
    const promoted = await run(inputs({ requiredKey: key.publicKey }), undefined, registry);
    expect(promoted.digest).toBe(source.digest);
    expect(promoted.written).toEqual([`${SOURCE.registry}/${SOURCE.repository}:stable`]);
    expect(registry.tagsOf(SOURCE).get('stable')).toBe(source.digest);
    expect(registry.closed).toBe(true);
  });

  it('refuses a source the required key did not sign: input require-signature, nothing written', async () => {
    const err = await run(inputs({ requiredKeys: [newKey().publicKey] }), undefined, registry).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).input).toBe('require-signature');
    expect((err as Error).message).toContain('carries no valid signature for the required key; nothing was promoted');
    expect(registry.writes).toEqual([]);
    expect(registry.closed).toBe(true);
  });

  it('refuses to carry signatures naming the source into another repository: input tags, nothing written', async () => {
    const err = await run(inputs({ targets: [withTag(RELEASE, 'stable')] }), undefined, registry).catch(
      (e: unknown) => e,
    );
    expect((err as InputError).input).toBe('tags');
    expect((err as Error).message).toContain(
      `${RELEASE.registry}/${RELEASE.repository} is another repository than ${SOURCE.registry}/${SOURCE.repository}`,
    );
    expect(registry.writes).toEqual([]);
  });

  it('with a signer, signs in the other repository before the tag moves; the key verifies it there', async () => {
    const promoted = await run(inputs({ targets: [withTag(RELEASE, 'stable')] }), [new KeySigner(key)], registry);
    expect(promoted.signedIn).toEqual([RELEASE]);
    expect(registry.tagsOf(RELEASE).get('stable')).toBe(source.digest);
    const sigWrite = registry.writes.findIndex((w) => w.endsWith('.sig') && w.includes(RELEASE.repository));
    const tagWrite = registry.writes.indexOf(`PUT ${RELEASE.registry}/${RELEASE.repository}:stable`);
    expect(sigWrite).toBeGreaterThanOrEqual(0);
    expect(sigWrite).toBeLessThan(tagWrite);
    const verdict = await verifyImage(registry, {
      image: { ...RELEASE, digest: source.digest },
      format: 'legacy',
      publicKeys: [key.publicKey],
    });
    expect(verdict.passed).toBe(true);
    expect(verdict.targets[0]?.key?.legacy?.valid[0]?.payload?.dockerReference).toBe(
      `${RELEASE.registry}/${RELEASE.repository}`,
    );
  });
});
