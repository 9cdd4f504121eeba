// audit-tags' run() in-process against an in-memory registry: the glue (inputs → auditTags →
// report file, summary, fail-on) and the tag-level checks (expect-same, staleness). Interop with
// cosign and skopeo, pagination and faults are test/audit-tags.test.ts.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BydigestError, KeySigner, signImage, signingKeyFromKeyObject, type AuditReport } from '@bydigest/core';
import { MemoryRegistry, seedImage } from '../../../test/fakes/memory-registry.js';
import type { AuditInputs } from '../src/inputs.js';
import { run, type AuditResult } from '../src/run.js';

const REPO = { registry: 'registry.test', repository: 'owner/os' };
const newKey = () => signingKeyFromKeyObject(generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey);
const key = newKey();

const inputs = (over: Partial<AuditInputs> = {}): AuditInputs => ({
  repositories: [REPO],
  publicKeys: [key.publicKey],
  require: { signature: true, sbom: false },
  failOn: 'any',
  expectSame: [],
  registry: { retries: 0, insecure: false },
  ...over,
});

const day = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');

describe('audit-tags run() as a unit', () => {
  const saved = { ...process.env };
  const summary = join(mkdtempSync(join(tmpdir(), 'audit-unit-')), 'summary.md');
  let registry: MemoryRegistry;
  let signed: ReturnType<typeof seedImage>;
  beforeEach(async () => {
    writeFileSync(summary, '');
    process.env.GITHUB_STEP_SUMMARY = summary;
    process.env.RUNNER_TEMP = mkdtempSync(join(tmpdir(), 'audit-runner-'));
    registry = new MemoryRegistry();
    signed = seedImage(registry, { ...REPO, tag: 'stable' });
    // The same image under its dated tag, as pipelines push both.
    registry.seedManifest({ ...REPO, tag: `stable-${day(-2)}` }, await registry.getManifest(signed));
    await signImage(registry, {
      image: signed,
      identities: [`${REPO.registry}/${REPO.repository}`],
      signer: new KeySigner(key),
    });
    seedImage(registry, { ...REPO, tag: 'stray' }, 'other layer');
    registry.writes.length = 0;
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  const failure = async (over: Partial<AuditInputs>): Promise<{ err: BydigestError; result: AuditResult }> => {
    const err = (await run(inputs(over), registry).catch((e: unknown) => e)) as BydigestError & { result: AuditResult };
    expect(err).toBeInstanceOf(BydigestError);
    return { err, result: err.result };
  };

  it('fails naming the unsigned tag, writes the report and the summary, closes the client, writes nothing to the registry', async () => {
    const { err, result } = await failure({});
    expect(err.code).toBe('POLICY');
    expect(err.message).toContain('1 tag(s) fail the audit:\n- registry.test/owner/os:stray fail: unsigned');
    const report = JSON.parse(readFileSync(result.reportPath, 'utf8')) as AuditReport;
    expect(report.tags.map((t) => [t.tag, t.status])).toEqual([
      ['stable', 'pass'],
      [`stable-${day(-2)}`, 'pass'],
      ['stray', 'fail'],
    ]);
    expect(report.orphans).toEqual([]);
    expect(result.stats).toMatchObject({ repositories: 1, tags: 3, digests: 2, attachmentTags: 1 });
    expect(registry.closed).toBe(true);
    expect(registry.writes).toEqual([]);
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain('audit-tags: 1 failed, 0 unknown, 2 passed');
    expect(text).toContain('sign the digest');
  });

  it('fail-on none reports without failing; a list fails only on what it names', async () => {
    const result = await run(inputs({ failOn: 'none' }), registry);
    expect(result.failing).toEqual([]);
    expect(result.report.tags.filter((t) => t.status === 'fail')).toHaveLength(1);
    await expect(run(inputs({ failOn: ['stale', 'no-sbom'] }), registry)).resolves.toMatchObject({ failing: [] });
    await expect(run(inputs({ failOn: ['unsigned'] }), registry)).rejects.toThrow('fail the audit');
  });

  it('expect-same: tags on different digests fail not-same, a tag the repository lacks too', async () => {
    const { result } = await failure({
      expectSame: ['stable', 'stray', 'latest'],
      require: { signature: false, sbom: false },
    });
    const problems = Object.fromEntries(
      result.report.tags.filter((t) => t.status !== 'pass').map((t) => [t.tag, t.problems.map((p) => p.code)]),
    );
    expect(problems).toEqual({ stable: ['not-same'], stray: ['not-same'], latest: ['not-same'] });
    expect(result.report.tags.find((t) => t.tag === 'latest')?.problems[0]?.message).toContain('does not have');
  });

  it('staleness: age from the dated tag on the same digest; no date at all is stale too (age unknown)', async () => {
    const fresh = await run(inputs({ stale: { pattern: /^stable$/, maxAgeDays: 7 }, failOn: 'none' }), registry);
    expect(fresh.report.tags.find((t) => t.tag === 'stable')?.status).toBe('pass');
    const { result } = await failure({
      stale: { pattern: /^(stable|stray)$/, maxAgeDays: 1 },
      require: { signature: false, sbom: false },
    });
    const stale = Object.fromEntries(
      result.report.tags.filter((t) => t.status !== 'pass').map((t) => [t.tag, t.problems.map((p) => p.message)]),
    );
    expect(stale.stable?.[0]).toMatch(/is 2 days old \(.*from its dated tag\); at most 1 allowed/);
    expect(stale.stray?.[0]).toContain('age is unknown');
  });

  it('an orphaned .sig: its subject no longer tagged', async () => {
    // Pushed elsewhere, stored here by digest only: nothing in REPO tags it.
    const elsewhere = seedImage(registry, { ...REPO, repository: 'owner/elsewhere' }, 'gone layer');
    const gone = { ...REPO, digest: registry.seedManifest(REPO, await registry.getManifest(elsewhere)) };
    await signImage(registry, {
      image: gone,
      identities: [`${REPO.registry}/${REPO.repository}`],
      signer: new KeySigner(key),
    });
    const result = await run(inputs({ failOn: 'none' }), registry);
    expect(result.report.orphans).toEqual([
      { image: 'registry.test/owner/os', tag: `sha256-${gone.digest.slice(7)}.sig`, subject: gone.digest },
    ]);
  });
});
