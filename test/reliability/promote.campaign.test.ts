import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  loadPublicKey,
  parseDigestReference,
  parseRepository,
  verifyLegacySignatures,
  withDigest,
  type RegistryClient,
} from '@bydigest/core';
import { pushTestImage, testClient } from '../harness/push.js';
import { startRegistry, type RunningRegistry } from '../harness/registry.js';
import { errorLines, runAction } from '../harness/runner.js';
import { makeKey, type TestKey } from '../harness/signing.js';
import {
  campaignTestTimeoutMs,
  failureProblems,
  expectCleanCampaign,
  runCampaign,
  summaryLine,
  type RunContext,
  type RunVerdict,
} from './lib/campaign.js';
import { attachInProcess, signInProcess, writeSpdx } from './lib/setup.js';
import {
  cosignVerifies,
  craneValidate,
  missing,
  orasDiscover,
  referrerEntries,
  sigState,
  tagDigest,
  unreadable,
} from './lib/state.js';

// What one run may spend, for its time limit (lib/time-limit.ts). Two targets, one in another
// repository with the source's .sig, its SBOM referrer and that referrer's .sig copied beside it:
// up to four read-modify-write loops. Fault-free runs measured 35 (plain) and 37 (gated) requests.
const BUDGET = { requests: 48, settles: 4 };

// promote-preserve-digest promotes one of three signed source images (each with a signed SBOM
// referrer) to `stable` in its own repository and to `stable` and a fresh tag in another
// repository, copying signatures and referrers. Sources alternate, so `stable` always moves.
// Every other run requires a valid signature first. Success: every target is the source digest,
// readable, with every source signature and referrer at the target. Failure: no target points
// anywhere but where it pointed before or at the source; the target's .sig and referrers index
// lose nothing.

const POOL = 3;
let reg: RunningRegistry;
let client: RegistryClient;
let key: TestKey;
let work: string;
const sources = new Map<number, { ref: string; digest: string }[]>();
beforeAll(async () => {
  reg = await startRegistry({ mode: 'none' });
  client = testClient(reg);
  key = await makeKey('promote-pw');
  work = mkdtempSync(join(tmpdir(), 'rel-promote-'));
});
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await client?.close();
  await reg?.stop();
});

async function setupLane(lane: number): Promise<void> {
  const pool: { ref: string; digest: string }[] = [];
  for (let k = 0; k < POOL; k++) {
    const img = await pushTestImage(reg, `pro/src-l${lane}`, [`c${k}`], { layerSizes: [128, 512] });
    const ref = parseDigestReference(img.ref);
    await signInProcess(client, ref, key);
    await attachInProcess(client, ref, writeSpdx(work, `promote-${lane}-${k}`), key);
    pool.push({ ref: img.ref, digest: img.digest });
  }
  sources.set(lane, pool);
}

async function one(ctx: RunContext): Promise<RunVerdict> {
  const src = (sources.get(ctx.lane) as { ref: string; digest: string }[])[ctx.i % POOL] as {
    ref: string;
    digest: string;
  };
  const gate = ctx.i % 2 === 0;
  const srcRepo = parseRepository(`${reg.host}/pro/src-l${ctx.lane}`);
  const dstRepo = parseRepository(`${reg.host}/pro/dst-l${ctx.lane}`);
  const targets = [
    { repo: srcRepo, tag: 'stable' },
    { repo: dstRepo, tag: 'stable' },
    { repo: dstRepo, tag: ctx.name },
  ];
  const beforeTags = await Promise.all(targets.map((t) => tagDigest(client, t.repo, t.tag)));
  const srcSig = await sigState(client, srcRepo, src.digest);
  const srcRefs = (await referrerEntries(client, srcRepo, src.digest)).map((d) => d.digest);
  const beforeSig = await sigState(client, dstRepo, src.digest);
  const beforeRefs = (await referrerEntries(client, dstRepo, src.digest)).map((d) => d.digest);
  const run = await runAction('promote-preserve-digest', {
    inputs: {
      source: src.ref.replace(reg.host, ctx.host),
      tags: `stable\n${ctx.host}/pro/dst-l${ctx.lane}:stable, ${ctx.host}/pro/dst-l${ctx.lane}:${ctx.name}`,
      'require-signature': gate ? key.publicKeyPem : '',
      // The campaign checks the copy itself: the source's .sig, carried unchanged.
      'allow-foreign-identity': 'true',
      retries: String(ctx.retries),
    },
    env: ctx.env,
    timeoutMs: ctx.timeLimitMs,
  });
  const ok = run.main.code === 0;
  const errors = errorLines(run.main);
  const violations: string[] = [];
  const notes: string[] = [];
  const peers: string[] = [];
  const afterTags = await Promise.all(targets.map((t) => tagDigest(client, t.repo, t.tag)));
  const afterSig = await sigState(client, dstRepo, src.digest);
  const afterRefs = (await referrerEntries(client, dstRepo, src.digest)).map((d) => d.digest);
  const name = (k: number) => `${targets[k]!.repo.repository}:${targets[k]!.tag}`;

  // Both outcomes: no target anywhere but before/source; each target readable; nothing lost at the target.
  for (const [k, d] of afterTags.entries()) {
    if (d !== undefined && d !== src.digest && d !== beforeTags[k])
      violations.push(`${name(k)} moved to ${d}, neither the source nor where it was`);
    if (d !== undefined && d !== beforeTags[k])
      violations.push(...(await unreadable(client, targets[k]!.repo, d)).map((p) => `${name(k)}: ${p}`));
  }
  // A tag in the other repository that moved to the digest must find the signatures there: a host
  // with a sigstoreSigned policy pulling it would otherwise refuse the update.
  for (const k of [1, 2]) {
    if (
      afterTags[k] === src.digest &&
      beforeTags[k] !== src.digest &&
      missing(srcSig.layers, afterSig.layers).length > 0
    ) {
      violations.push(`${name(k)} moved to the source digest before its signatures were at the target`);
    }
  }
  const lostSig = missing(beforeSig.layers, afterSig.layers);
  if (lostSig.length > 0) violations.push(`the target .sig lost ${lostSig.length} layer(s) it had`);
  const foreign = missing(afterSig.layers, [...beforeSig.layers, ...srcSig.layers]);
  if (foreign.length > 0) violations.push(`the target .sig gained ${foreign.length} layer(s) the source does not have`);
  if (afterSig.manifestDigest) {
    const v = await verifyLegacySignatures(client, withDigest(dstRepo, src.digest), [loadPublicKey(key.publicKeyPem)]);
    const broken = v.verdicts.filter((x) => x.keyIndex === undefined);
    if (broken.length > 0)
      violations.push(`the target .sig holds layers that do not verify: ${broken.map((b) => b.reason).join('; ')}`);
  }
  const lostRefs = missing(beforeRefs, afterRefs);
  if (lostRefs.length > 0) violations.push(`the target referrers index lost ${lostRefs.length} entr(ies)`);
  for (const d of missing(afterRefs, beforeRefs))
    violations.push(...(await unreadable(client, dstRepo, d)).map((p) => `target referrer: ${p}`));

  if (ok) {
    afterTags.forEach(
      (d, k) => d !== src.digest && violations.push(`success, but ${name(k)} resolves to ${d ?? 'nothing'}`),
    );
    if (run.main.outputs.digest !== src.digest) violations.push(`digest output ${run.main.outputs.digest}`);
    const promoted = (run.main.outputs.promoted ?? '').split('\n');
    const expected = [
      `${ctx.host}/pro/src-l${ctx.lane}:stable`,
      `${ctx.host}/pro/dst-l${ctx.lane}:stable`,
      `${ctx.host}/pro/dst-l${ctx.lane}:${ctx.name}`,
    ];
    if (JSON.stringify(promoted) !== JSON.stringify(expected))
      violations.push(`promoted output ${JSON.stringify(promoted)}`);
    if (missing(srcSig.layers, afterSig.layers).length > 0)
      violations.push('success, but a source signature is missing at the target');
    if (missing(srcRefs, afterRefs).length > 0)
      violations.push('success, but a source referrer is missing at the target');
    for (const d of srcRefs) {
      const s = await sigState(client, dstRepo, d);
      const want = await sigState(client, srcRepo, d);
      if (missing(want.layers, s.layers).length > 0)
        violations.push(`success, but referrer ${d.slice(0, 19)}'s signature is missing at the target`);
    }
  } else {
    violations.push(...failureProblems(run.main, errors));
    const moved = afterTags.filter((d, k) => d !== beforeTags[k]).length;
    notes.push(moved === 0 ? 'failed-nothing-moved' : 'failed-some-targets-moved');
  }
  if (ctx.peerSample || !ok) {
    const dstStable = `${reg.host}/pro/dst-l${ctx.lane}:stable`;
    if (afterTags[1] !== undefined) {
      const c = await craneValidate(reg, dstStable);
      peers.push('crane');
      if (!c.ok) violations.push(c.detail);
    }
    if (afterTags[1] === src.digest && afterSig.manifestDigest) {
      const version = ctx.i % 20 < 10 ? '2.5' : '3.1';
      const c = await cosignVerifies(version, reg, key.pubFile, dstStable);
      peers.push(`cosign-${version}`);
      if (!c.ok) violations.push(c.detail);
    }
    if (afterRefs.length > 0) {
      const o = await orasDiscover('1.3', reg, `${reg.host}/pro/dst-l${ctx.lane}@${src.digest}`);
      peers.push('oras-1.3');
      if (!o.ok) violations.push(o.detail);
      else if (missing(afterRefs, o.digests).length > 0)
        violations.push(`oras lists ${o.digests.length} referrers at the target, the index ${afterRefs.length}`);
    }
  }
  return {
    ok,
    violations,
    shape: gate ? 'gated' : 'plain',
    peers,
    notes,
    ...(ok ? {} : { error: errors[0] ?? run.main.stderr.slice(0, 200) }),
  };
}

describe('reliability: promote-preserve-digest under registry faults', () => {
  it(
    'every target ends at the source digest or where it was; signatures and referrers at the target only grow',
    async () => {
      const { report } = await runCampaign({
        action: 'promote-preserve-digest',
        budget: BUDGET,
        target: reg.url,
        one,
        setupLane,
      });
      console.log(summaryLine(report));
      expectCleanCampaign(report);
    },
    campaignTestTimeoutMs(BUDGET),
  );
});
