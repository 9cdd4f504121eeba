// verify-digest's run() in-process against an in-memory registry: the glue (inputs → verifyImage →
// summary, error) and the verdicts it reports. Interop with cosign and skopeo is test/verify-digest.test.ts.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BydigestError,
  KeySigner,
  parsePolicy,
  parseRegistriesFile,
  emptyRegistriesConfig,
  signImage,
  signingKeyFromKeyObject,
  type RegistriesConfig,
} from '@bydigest/core';
import { MemoryRegistry, seedImage } from '../../../test/fakes/memory-registry.js';
import type { VerifyOptions } from '../src/inputs.js';
import { run } from '../src/run.js';

const REPO = { registry: 'registry.test', repository: 'owner/os' };
const newKey = () => signingKeyFromKeyObject(generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey);
const registryInputs = { retries: 0, insecure: false };

function policyFor(publicKeyPem: string, signedIdentity = 'matchRepository') {
  const requirement = {
    type: 'sigstoreSigned',
    keyData: Buffer.from(publicKeyPem).toString('base64'),
    signedIdentity: { type: signedIdentity },
  };
  return parsePolicy(
    Buffer.from(
      JSON.stringify({
        default: [{ type: 'reject' }],
        transports: { docker: { [`${REPO.registry}/${REPO.repository}`]: [requirement] } },
      }),
    ),
    'policy.json',
  );
}

function host(policyPem: string, registries: RegistriesConfig, tag?: string): VerifyOptions['host'] {
  return {
    path: 'policy.json',
    policy: policyFor(policyPem),
    registriesDir: 'registries.d',
    registries: { config: registries, exists: true, files: [] },
    pullRef: tag ? { ...REPO, tag } : { ...REPO },
    pullRefGiven: tag !== undefined,
  };
}

const attachmentsOn = () =>
  parseRegistriesFile(
    `docker:\n  ${REPO.registry}/${REPO.repository}:\n    use-sigstore-attachments: true\n`,
    'registries.d/os.yaml',
  );

describe('verify-digest run() as a unit', () => {
  const saved = { ...process.env };
  // @actions/core keeps the first summary path it sees: one file, emptied before each test.
  const summary = join(mkdtempSync(join(tmpdir(), 'verify-unit-')), 'summary.md');
  let registry: MemoryRegistry;
  let image: ReturnType<typeof seedImage>;
  const key = newKey();
  beforeEach(async () => {
    writeFileSync(summary, '');
    process.env.GITHUB_STEP_SUMMARY = summary;
    registry = new MemoryRegistry();
    image = seedImage(registry, { ...REPO, tag: 'stable' });
    await signImage(registry, {
      image,
      identities: [`${REPO.registry}/${REPO.repository}`],
      signer: new KeySigner(key),
    });
    registry.writes.length = 0;
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it('passes with the signing key, counts the signature, closes the client and writes the summary', async () => {
    const verdict = await run(
      { image, format: 'legacy', publicKeys: [key.publicKey], registry: registryInputs },
      registry,
    );
    expect(verdict.passed).toBe(true);
    expect(verdict.signatures).toBe(1);
    expect(verdict.targets[0]?.problems).toEqual([]);
    expect(registry.closed).toBe(true);
    expect(registry.writes).toEqual([]);
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain('✅ verified');
    expect(text).toContain('✅ valid');
  });

  it('passes when any one of several public keys verifies (key rotation)', async () => {
    const verdict = await run(
      { image, format: 'legacy', publicKeys: [newKey().publicKey, key.publicKey], registry: registryInputs },
      registry,
    );
    expect(verdict.targets[0]?.key?.legacy?.valid[0]?.keyIndex).toBe(1);
  });

  it('refuses another key: a SIGNATURE error naming the digest and the reason, problem NO_VALID_SIGNATURE', async () => {
    const other = newKey();
    const err = await run(
      { image, format: 'legacy', publicKeys: [other.publicKey], registry: registryInputs },
      registry,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BydigestError);
    expect((err as BydigestError).code).toBe('SIGNATURE');
    expect((err as BydigestError).message).toContain(
      `no valid signature for ${REPO.registry}/${REPO.repository}@${image.digest} with the public key`,
    );
    expect((err as BydigestError).message).toMatch(
      /holds 1 signature\(s\), none valid:\n.*cryptographic signature verification failed/,
    );
    expect(registry.closed).toBe(true);
    expect(readFileSync(summary, 'utf8')).toContain('❌ refused');
  });

  it('refuses an unsigned digest with no .sig: problem NO_SIGNATURE', async () => {
    const unsigned = seedImage(registry, { ...REPO, tag: 'other' }, 'other layer');
    const err = await run(
      { image: unsigned, format: 'legacy', publicKeys: [key.publicKey], registry: registryInputs },
      registry,
    ).catch((e: unknown) => e);
    expect((err as Error).message).toContain('legacy: no signature at');
  });

  it('as a host: the policy accepts the signature when registries.d reads the .sig', async () => {
    const verdict = await run(
      { image, format: 'legacy', host: host(key.publicKeyPem, attachmentsOn(), 'stable'), registry: registryInputs },
      registry,
    );
    expect(verdict.passed).toBe(true);
    expect(verdict.signatures).toBe(1);
    expect(verdict.pullRefNow).toEqual({ digest: image.digest });
  });

  it('as a host without use-sigstore-attachments: containers/image words, reason code NO_SIGNATURE, and the registries.d hint', async () => {
    const err = await run(
      { image, format: 'legacy', host: host(key.publicKeyPem, emptyRegistriesConfig()), registry: registryInputs },
      registry,
    ).catch((e: unknown) => e);
    expect((err as BydigestError).code).toBe('POLICY');
    const message = (err as Error).message;
    expect(message).toContain(': A signature was required, but no signature exists');
    expect(message).toContain('hint: ');
    expect(message).toContain('registries.d does not set use-sigstore-attachments: true');
  });

  it('as a host whose policy trusts another key: BAD_SIGNATURE gives the key hint', async () => {
    const err = await run(
      { image, format: 'legacy', host: host(newKey().publicKeyPem, attachmentsOn()), registry: registryInputs },
      registry,
    ).catch((e: unknown) => e);
    const message = (err as Error).message;
    expect(message).toContain('cryptographic signature verification failed');
    expect(message).toContain("hint: a signature was made with a key other than the policy's");
  });
});
