// check-rotation's run() in-process against an in-memory registry: releases whose layers carry real
// trust files (policy.json, registries.d, the key files), signed in the registry; the gate's verdict
// per candidate, the recovery directories, the summary; and readInputs' refusals, each naming its
// input. skopeo as the host that pulls, and the bundle as the runner runs it: test/check-rotation.test.ts.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BydigestError,
  KeySigner,
  parseLiveWindow,
  signImage,
  signingKeyFromKeyObject,
  type ImageReference,
  type SigningKey,
} from '@bydigest/core';
import { InputError } from '@bydigest/action-kit';
import { imageOfTars, tarOf } from '../../../test/harness/layers.js';
import { MemoryRegistry } from '../../../test/fakes/memory-registry.js';
import { readInputs, type RotationInputs } from '../src/inputs.js';
import { run } from '../src/run.js';

const OS = { registry: 'registry.test', repository: 'owner/os' };
const NVIDIA = { registry: 'registry.test', repository: 'owner/os-nvidia' };
const PKI = 'etc/pki/containers';
const newKey = () => signingKeyFromKeyObject(generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey);
const a = newKey();
const b = newKey();

/** The files a release installs: policy.json trusting `keys` for its repository, registries.d, the keys. */
async function trustLayer(repo: ImageReference, keys: SigningKey[]): Promise<Buffer> {
  const scope = `${repo.registry}/${repo.repository}`;
  const paths = keys.map((k) => `/${PKI}/${k === a ? 'current' : 'next'}.pub`);
  const policy = {
    default: [{ type: 'reject' }],
    transports: {
      docker: {
        [scope]: [
          {
            type: 'sigstoreSigned',
            ...(paths.length === 1 ? { keyPath: paths[0] } : { keyPaths: paths }),
            signedIdentity: { type: 'matchRepository' },
          },
        ],
      },
    },
  };
  return tarOf([
    { name: 'etc/containers/policy.json', content: JSON.stringify(policy) },
    {
      name: 'etc/containers/registries.d/os.yaml',
      content: `docker:\n  ${scope}:\n    use-sigstore-attachments: true\n`,
    },
    ...keys.map((k, i) => ({ name: paths[i]!.slice(1), content: k.publicKeyPem })),
    // skopeo 1.18 loads keyPaths: the keyPaths strategy reads it from the package database.
    {
      name: 'var/lib/dpkg/status',
      content: 'Package: skopeo\nStatus: install ok installed\nVersion: 1.18.1+ds1-1\nArchitecture: amd64\n\n',
    },
  ]);
}

describe('check-rotation run() as a unit', () => {
  const saved = { ...process.env };
  // @actions/core keeps the first summary path it sees: one file, emptied before each test.
  const summary = join(mkdtempSync(join(tmpdir(), 'rotation-unit-')), 'summary.md');
  let registry: MemoryRegistry;

  /** A release pushed under `tags`, trusting `trusts`, signed with `signers`; its digest reference. */
  async function release(repo: ImageReference, tags: string[], trusts: SigningKey[], signers: SigningKey[]) {
    const image = imageOfTars([{ tar: await trustLayer(repo, trusts) }]);
    for (const blob of [image.config, ...image.layers]) registry.seedBlob(repo, blob.bytes);
    for (const tag of tags) registry.seedManifest({ ...repo, tag }, { bytes: image.bytes, mediaType: image.mediaType });
    const ref = { ...repo, digest: image.digest };
    await signImage(registry, {
      image: ref,
      identities: [`${repo.registry}/${repo.repository}`],
      signer: signers.map((k) => new KeySigner(k)),
    });
    return ref;
  }

  const inputs = (candidates: RotationInputs['candidates'], over: Partial<RotationInputs> = {}): RotationInputs => ({
    candidates,
    channels: ['stable'],
    currentKeys: [a.publicKey],
    nextKeys: [b.publicKey],
    phase: 'overlap',
    strategy: 'keyPaths',
    window: parseLiveWindow('45d'),
    asOf: new Date('2026-02-01T00:00:00Z'),
    platform: 'linux/amd64',
    registry: { retries: 0, insecure: false },
    ...over,
  });

  beforeEach(async () => {
    writeFileSync(summary, '');
    process.env.GITHUB_STEP_SUMMARY = summary;
    registry = new MemoryRegistry();
    // R0, what hosts run today: trusts the current key only, signed with it, :stable points at it.
    await release(OS, ['stable', 'stable-20260101'], [a], [a]);
    registry.writes.length = 0;
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it('an overlap release (trusts both, signed with both) is safe while R0 is live; nothing is written', async () => {
    const r1 = await release(OS, ['stable-20260201'], [a, b], [a, b]);
    registry.writes.length = 0;
    const [result, ...more] = await run(inputs([r1]), registry);
    expect(more).toEqual([]);
    const report = result!.report;
    expect(report.safe).toBe(true);
    expect(report.blocking).toEqual([]);
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ['candidate-trusts', 'pass'],
      ['candidate-signed', 'pass'],
      ['candidate-loaders', 'pass'],
    ]);
    const r0 = report.releases.find((r) => r.release.tags.includes('stable'));
    expect(r0).toMatchObject({ trusts: 'current', accepts: true, status: 'pass' });
    expect(r0!.release.tags.sort()).toEqual(['stable', 'stable-20260101']);
    expect(result!.recoveryDir).toBeUndefined();
    expect(registry.closed).toBe(true);
    expect(registry.writes).toEqual([]);
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain('check-rotation: overlap is safe');
    expect(text).toContain('stable, stable-20260101');
  });

  it('a switch signed with the next key alone while R0 is live blocks, naming the tags of R0 and the fix', async () => {
    const r2 = await release(OS, ['stable-20260301'], [a, b], [b]);
    const [result] = await run(inputs([r2], { phase: 'switch', asOf: new Date('2026-02-10T00:00:00Z') }), registry);
    const report = result!.report;
    expect(report.safe).toBe(false);
    expect([...report.blocking].sort()).toEqual(['stable', 'stable-20260101']);
    const r0 = report.releases.find((r) => r.status === 'fail')!;
    expect(r0.accepts).toBe(false);
    expect(r0.message).toMatch(/^trusts only the current key and the candidate is signed with the next key only/);
    expect(r0.fix).toMatch(/keep signing with both keys \(phase overlap\)/);
    expect(registry.closed).toBe(true);
    expect(readFileSync(summary, 'utf8')).toContain('check-rotation: switch is NOT safe');
  });

  it('several variants: each gated in its own repository, recovery written per repository, the blocking one named', async () => {
    await release(NVIDIA, ['stable', 'stable-20260101'], [a], [a]);
    const os = await release(OS, ['stable-20260201'], [a, b], [a, b]);
    // The nvidia candidate is signed with the next key only: its R0 hosts would be stranded.
    const nvidia = await release(NVIDIA, ['stable-20260201'], [a, b], [b]);
    const recovery = mkdtempSync(join(tmpdir(), 'rotation-recovery-'));
    const results = await run(inputs([os, nvidia], { recoveryDir: recovery }), registry);
    expect(results.map((r) => [r.report.candidate.repository, r.report.safe])).toEqual([
      ['owner/os', true],
      ['owner/os-nvidia', false],
    ]);
    expect(results[1]!.report.blocking.sort()).toEqual(['stable', 'stable-20260101']);
    expect(results.map((r) => r.recoveryDir)).toEqual([join(recovery, 'owner_os'), join(recovery, 'owner_os-nvidia')]);
    // Each directory holds its own candidate's trust files.
    const policy = JSON.parse(readFileSync(join(recovery, 'owner_os-nvidia/etc/containers/policy.json'), 'utf8'));
    expect(Object.keys(policy.transports.docker)).toEqual(['registry.test/owner/os-nvidia']);
    expect(existsSync(join(recovery, 'owner_os/recover.sh'))).toBe(true);
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain(`registry.test/owner/os-nvidia@${nvidia.digest}`);
    expect(text).toMatch(
      /owner\/os-nvidia@sha256:[0-9a-f]{64}<\/code><\/td><td>❌ fail<\/td><td>stable, stable-20260101/,
    );
    rmSync(recovery, { recursive: true, force: true });
  });

  it('a channel the repository lacks is an INVALID_ARGUMENT naming the repository and the tag (the channels input)', async () => {
    const r1 = await release(OS, ['stable-20260201'], [a, b], [a, b]);
    const err = await run(inputs([r1], { channels: ['beta'] }), registry).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BydigestError);
    expect((err as BydigestError).code).toBe('INVALID_ARGUMENT');
    expect((err as Error).message).toBe('registry.test/owner/os has no tag "beta"');
    expect(registry.closed).toBe(true);
  });
});

describe('check-rotation readInputs', () => {
  const saved = { ...process.env };
  const digest = `sha256:${'a'.repeat(64)}`;
  const set = (inputs: Record<string, string>) => {
    for (const [k, v] of Object.entries({
      candidate: `registry.test/owner/os@${digest}`,
      channels: 'stable',
      phase: 'overlap',
      'current-key': a.publicKeyPem,
      'next-key': b.publicKeyPem,
      ...inputs,
    }))
      process.env[`INPUT_${k.toUpperCase()}`] = v;
  };
  async function refusal(inputs: Record<string, string>): Promise<InputError> {
    set(inputs);
    const err = await readInputs().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  afterEach(() => {
    process.env = { ...saved };
  });
  afterAll(() => {
    process.env = saved;
  });

  it('reads good inputs: the candidate, the channels, both keys, the defaults', async () => {
    set({});
    const read = await readInputs();
    expect(read.candidates).toEqual([{ registry: 'registry.test', repository: 'owner/os', digest }]);
    expect(read).toMatchObject({
      channels: ['stable'],
      phase: 'overlap',
      strategy: 'keyPaths',
      platform: 'linux/amd64',
    });
    expect([read.currentKeys.length, read.nextKeys.length]).toEqual([1, 1]);
  });

  it.each([
    ['candidate', { candidate: 'registry.test/owner/os:stable' }, /^input 'candidate': /],
    [
      'candidate',
      { candidate: `registry.test/owner/os@${digest}\nregistry.test/owner/os@sha256:${'b'.repeat(64)}` },
      /lines 1 and 2 are both in registry\.test\/owner\/os/,
    ],
    ['next-key', { 'next-key': a.publicKeyPem }, /key 1 \(sha256:[0-9a-f]{16}\) is also in current-key/],
    ['as-of', { 'as-of': 'last tuesday' }, /"last tuesday" is not an ISO date/],
    ['phase', { phase: 'rollback' }, /^input 'phase': /],
    ['channels', { channels: '' }, /is required but empty/],
  ])('refuses a bad %s, naming it', async (input, values, message) => {
    const err = await refusal(values);
    expect(err.input).toBe(input);
    expect(err.message).toMatch(message);
    expect(err.message.startsWith(`input '${input}': `)).toBe(true);
  });
});
