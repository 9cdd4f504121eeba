import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRepository, type RegistryClient } from '@bydigest/core';
import { buildImage, buildIndex, writeOciLayout, type BuiltManifest } from '../harness/image.js';
import { testClient } from '../harness/push.js';
import { startRegistry, type RunningRegistry } from '../harness/registry.js';
import { errorLines, runAction } from '../harness/runner.js';
import {
  campaignTestTimeoutMs,
  failureProblems,
  expectCleanCampaign,
  runCampaign,
  summaryLine,
  type RunContext,
  type RunVerdict,
} from './lib/campaign.js';
import { craneDigest, craneValidate, tagDigest, unreadable } from './lib/state.js';

// What one run may spend, for its time limit (lib/time-limit.ts). A two-platform index: per blob a
// HEAD and an upload (POST, PUT), three manifests, three tags and the read-backs that check them.
const BUDGET = { requests: 64, settles: 0 };

// capture-digest pushes a fresh tiny image (every fifth run a two-platform index) from an OCI
// layout under three new tags. Success: every tag resolves to the layout's digest and every
// blob reads back. Failure: a tag that exists points at that digest with all its blobs.

let reg: RunningRegistry;
let client: RegistryClient;
beforeAll(async () => {
  reg = await startRegistry({ mode: 'none' });
  client = testClient(reg);
});
afterAll(async () => {
  await client?.close();
  await reg?.stop();
});

async function one(ctx: RunContext): Promise<RunVerdict> {
  const shape = ctx.i % 5 === 4 ? 'index' : 'image';
  const label = `${ctx.lane}-${ctx.name}-${Date.now()}`;
  const children =
    shape === 'index'
      ? ['amd64', 'arm64'].map((architecture) =>
          buildImage({ layerSizes: [256, 1024], architecture, label: `${label}-${architecture}` }),
        )
      : [];
  const img: BuiltManifest = shape === 'index' ? buildIndex(children) : buildImage({ layerSizes: [256, 1024], label });
  const dir = writeOciLayout(mkdtempSync(join(tmpdir(), 'rel-cap-')), img, { children });
  const repoPath = `cap/l${ctx.lane}`;
  const tags = ['a', 'b', 'c'].map((t) => `${ctx.name}-${t}`);
  const violations: string[] = [];
  const peers: string[] = [];
  try {
    const run = await runAction('capture-digest', {
      inputs: {
        image: `${ctx.host}/${repoPath}`,
        tags: tags.join(', '),
        source: `oci:${dir}`,
        retries: String(ctx.retries),
      },
      env: ctx.env,
      timeoutMs: ctx.timeLimitMs,
    });
    const direct = parseRepository(`${reg.host}/${repoPath}`);
    const resolved = await Promise.all(tags.map((t) => tagDigest(client, direct, t)));
    const ok = run.main.code === 0;
    const errors = errorLines(run.main);
    if (ok) {
      if (run.main.outputs.digest !== img.digest)
        violations.push(`output digest ${run.main.outputs.digest} != layout ${img.digest}`);
      if (run.main.outputs['image-ref'] !== `${ctx.host}/${repoPath}@${img.digest}`)
        violations.push(`output image-ref ${run.main.outputs['image-ref']}`);
      if (run.main.outputs.tags !== tags.join('\n'))
        violations.push(`output tags ${JSON.stringify(run.main.outputs.tags)}`);
      resolved.forEach(
        (d, k) => d !== img.digest && violations.push(`success, but tag ${tags[k]} resolves to ${d ?? 'nothing'}`),
      );
      violations.push(...(await unreadable(client, direct, img.digest)));
    } else {
      violations.push(...failureProblems(run.main, errors));
      for (const [k, d] of resolved.entries()) {
        if (d === undefined) continue;
        if (d !== img.digest) violations.push(`failed run left tag ${tags[k]} at ${d}, not the layout digest`);
        else
          violations.push(
            ...(await unreadable(client, direct, d)).map(
              (p) => `failed run left tag ${tags[k]} at a manifest with ${p}`,
            ),
          );
      }
    }
    if (ctx.peerSample || !ok) {
      for (const [k, d] of resolved.entries()) {
        if (d === undefined) continue;
        const ref = `${reg.host}/${repoPath}:${tags[k]}`;
        const cd = await craneDigest(reg, ref);
        if (cd !== img.digest) violations.push(`crane digest ${ref} = ${cd}`);
        const v = await craneValidate(reg, ref);
        if (!v.ok) violations.push(v.detail);
        peers.push('crane');
        break; // one tag per run: they share the manifest
      }
    }
    const notes = ok
      ? []
      : [resolved.some((d) => d !== undefined) ? 'failed-with-some-tags-written' : 'failed-before-any-tag'];
    return {
      ok,
      violations,
      shape,
      peers,
      notes,
      ...(ok ? {} : { error: errors[0] ?? run.main.stderr.slice(0, 200) }),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('reliability: capture-digest under registry faults', () => {
  it(
    'every run ends with all tags at the layout digest, or fails cleanly with no tag at a broken manifest',
    async () => {
      const { report } = await runCampaign({ action: 'capture-digest', budget: BUDGET, target: reg.url, one });
      console.log(summaryLine(report));
      expectCleanCampaign(report);
    },
    campaignTestTimeoutMs(BUDGET),
  );
});
