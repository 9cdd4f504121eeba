// capture-digest's run() in-process against an in-memory registry (resolve-only: no source to push).
// Pushing layouts and archives to the real registry: test/capture-digest.test.ts.
import { beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BydigestError } from '@bydigest/core';
import { MemoryRegistry, seedImage } from '../../../test/fakes/memory-registry.js';
import type { CaptureInputs } from '../src/inputs.js';
import { run } from '../src/run.js';

const REPO = { registry: 'registry.test', repository: 'owner/os' };

describe('capture-digest run() as a unit', () => {
  let registry: MemoryRegistry;
  const inputs = (over: Partial<CaptureInputs>): CaptureInputs => ({
    repo: REPO,
    tags: ['latest'],
    concurrency: 2,
    expectLabels: {},
    registry: { retries: 0, insecure: false },
    ...over,
  });
  beforeEach(() => {
    delete process.env.GITHUB_STEP_SUMMARY;
    registry = new MemoryRegistry();
  });

  it('resolves every tag to the one digest, writes the digest file, and writes nothing to the registry', async () => {
    const image = seedImage(registry, { ...REPO, tag: 'latest' });
    registry.seedManifest({ ...REPO, tag: '41' }, await registry.getManifest(image));
    const digestfile = join(mkdtempSync(join(tmpdir(), 'capture-unit-')), 'digest');
    const captured = await run(inputs({ tags: ['latest', '41'], digestfile }), registry);
    expect(captured.digest).toBe(image.digest);
    expect(captured.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(captured.resolved.map((r) => r.digest)).toEqual([image.digest, image.digest]);
    expect(readFileSync(digestfile, 'utf8')).toBe(image.digest);
    expect(registry.writes).toEqual([]);
    expect(registry.closed).toBe(true);
  });

  it('fails when the tags resolve to different digests, naming each', async () => {
    seedImage(registry, { ...REPO, tag: 'latest' });
    seedImage(registry, { ...REPO, tag: '41' }, 'another layer');
    const err = await run(inputs({ tags: ['latest', '41'] }), registry).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BydigestError);
    expect((err as BydigestError).code).toBe('TAG_MISMATCH');
    expect((err as Error).message).toContain(':41');
  });
});
