// attach-sbom's run() in-process against an in-memory registry (no referrers API: the tag fallback).
// The referrers API, oras and cosign reading what it writes: test/attach-sbom.test.ts.
import { beforeEach, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { KeySigner, listReferrers, signingKeyFromKeyObject, verifyImage, withDigest } from '@bydigest/core';
import { MemoryRegistry, seedImage } from '../../../test/fakes/memory-registry.js';
import type { AttachInputs } from '../src/inputs.js';
import { run } from '../src/run.js';

const REPO = { registry: 'registry.test', repository: 'owner/os' };
const SBOM = fileURLToPath(new URL('../../../packages/core/test/fixtures/sbom/bom.spdx.json', import.meta.url));

describe('attach-sbom run() as a unit', () => {
  let registry: MemoryRegistry;
  let image: ReturnType<typeof seedImage>;
  const inputs = (over: Partial<AttachInputs>): AttachInputs => ({
    image,
    sbom: SBOM,
    referrers: 'auto',
    annotations: {},
    sign: false,
    registry: { retries: 0, insecure: false },
    ...over,
  });
  beforeEach(() => {
    delete process.env.GITHUB_STEP_SUMMARY;
    registry = new MemoryRegistry();
    image = seedImage(registry, { ...REPO, tag: 'stable' });
  });

  it('attaches the SBOM as a referrer of the digest, listed in the fallback index', async () => {
    const attached = await run(inputs({}), undefined, registry);
    expect(attached.info.format).toMatch(/spdx/i);
    expect(attached.via).toBe('tag');
    expect(attached.signatureRef).toBeUndefined();
    const referrers = await listReferrers(registry, image, image.digest);
    expect(referrers.descriptors.map((m) => m.digest)).toContain(attached.manifestDigest);
    expect(registry.closed).toBe(true);
  });

  it('with a signer, signs the SBOM manifest: the key verifies its .sig', async () => {
    const key = signingKeyFromKeyObject(generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey);
    const attached = await run(inputs({ sign: true }), new KeySigner(key), registry);
    expect(attached.signatureRef).toContain(`sha256-${attached.manifestDigest.slice(7)}.sig`);
    const verdict = await verifyImage(registry, {
      image: withDigest(image, attached.manifestDigest),
      format: 'legacy',
      publicKeys: [key.publicKey],
    });
    expect(verdict.passed).toBe(true);
  });
});
