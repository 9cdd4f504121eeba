// check-host-trust's run() in-process: a dir: rootfs with its trust files, signatures read from an
// in-memory registry. Images by digest, layouts and skopeo as the oracle: test/check-host-trust.test.ts.
import { beforeEach, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BydigestError, KeySigner, signImage, signingKeyFromKeyObject } from '@bydigest/core';
import { MemoryRegistry, seedImage } from '../../../test/fakes/memory-registry.js';
import type { CheckInputs } from '../src/inputs.js';
import { run } from '../src/run.js';

const REPO = { registry: 'registry.test', repository: 'owner/os' };
const NAME = `${REPO.registry}/${REPO.repository}`;
const newKey = () => signingKeyFromKeyObject(generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey);

/** A rootfs whose policy trusts `trustedPem` for NAME, with use-sigstore-attachments on (or off). */
function rootfs(trustedPem: string, attachments = true): string {
  const root = mkdtempSync(join(tmpdir(), 'host-trust-unit-'));
  mkdirSync(join(root, 'etc/containers/registries.d'), { recursive: true });
  mkdirSync(join(root, 'etc/pki/containers'), { recursive: true });
  const requirement = {
    type: 'sigstoreSigned',
    keyPath: '/etc/pki/containers/os.pub',
    signedIdentity: { type: 'matchRepository' },
  };
  writeFileSync(
    join(root, 'etc/containers/policy.json'),
    JSON.stringify({ default: [{ type: 'reject' }], transports: { docker: { [NAME]: [requirement] } } }),
  );
  writeFileSync(
    join(root, 'etc/containers/registries.d/os.yaml'),
    `docker:\n  ${NAME}:\n    use-sigstore-attachments: ${attachments}\n`,
  );
  writeFileSync(join(root, 'etc/pki/containers/os.pub'), trustedPem);
  return root;
}

describe('check-host-trust run() as a unit', () => {
  const key = newKey();
  let registry: MemoryRegistry;
  let image: ReturnType<typeof seedImage>;
  const inputs = (source: string, over: Partial<CheckInputs> = {}): CheckInputs => ({
    source: `dir:${source}`,
    pullRef: { ...REPO, tag: 'stable' },
    imageDigest: image.digest,
    platform: 'linux/amd64',
    registry: { retries: 0, insecure: false },
    ...over,
  });
  beforeEach(async () => {
    delete process.env.GITHUB_STEP_SUMMARY;
    registry = new MemoryRegistry();
    image = seedImage(registry, { ...REPO, tag: 'stable' });
    await signImage(registry, { image, identities: [NAME], signer: new KeySigner(key) });
  });

  it('passes an image whose policy trusts the signing key: every check but the one-key warning passes', async () => {
    const report = await run(inputs(rootfs(key.publicKeyPem), { publicKeys: [key.publicKey] }), registry);
    expect(report.passed).toBe(true);
    expect(Object.fromEntries(report.checks.map((c) => [c.id, c.status]))).toEqual({
      'policy-loads': 'pass',
      'key-files': 'pass',
      signatures: 'pass',
      'scope-and-attachments': 'pass',
      'signing-key': 'warn',
      'fulcio-identity': 'pass',
    });
    expect(registry.closed).toBe(true);
  });

  it('fails an image that trusts another key: the signatures and signing-key checks say so', async () => {
    const err = await run(inputs(rootfs(newKey().publicKeyPem), { publicKeys: [key.publicKey] }), registry).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(BydigestError);
    expect((err as Error).message).toContain('cryptographic signature verification failed');
    expect((err as Error).message).toContain('is not among the keys');
  });

  it('fails an image whose registries.d turns attachments off', async () => {
    const err = await run(inputs(rootfs(key.publicKeyPem, false)), registry).catch((e: unknown) => e);
    expect((err as Error).message).toContain('sets use-sigstore-attachments: false');
  });
});
