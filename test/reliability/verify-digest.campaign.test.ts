import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  buildSigManifest,
  MediaType,
  parseDigestReference,
  parseSigManifest,
  sha256Digest,
  sigConfigBytes,
  SIGNATURE_ANNOTATION,
  signatureTag,
  withTag,
  type RegistryClient,
} from '@bydigest/core';
import { pushTestImage, testClient } from '../harness/push.js';
import { startRegistry, type RunningRegistry } from '../harness/registry.js';
import { errorLines, runAction } from '../harness/runner.js';
import { makeKey, type TestKey } from '../harness/signing.js';
import {
  campaignTestTimeoutMs,
  failureProblems,
  runCampaign,
  summaryLine,
  type RunContext,
  type RunVerdict,
} from './lib/campaign.js';
import { signInProcess } from './lib/setup.js';
import { cosignVerifies } from './lib/state.js';

// What one run may spend, for its time limit (lib/time-limit.ts). Reads only.
const BUDGET = { requests: 40, settles: 0 };

// verify-digest judges six fixed cases through a faulty proxy: a good signature, none, another
// key's, a good signature for another digest planted in the .sig, a tampered signature, and a
// good one next to another key's. A run may fail for the network, but "verified" must only ever
// be said of the two cases that are validly signed, and verify-digest never writes.

type Case = 'good' | 'unsigned' | 'wrong-key' | 'other-digest' | 'tampered' | 'good-and-wrong-key';
const CASES: Case[] = ['good', 'unsigned', 'wrong-key', 'other-digest', 'tampered', 'good-and-wrong-key'];
const SIGNED: Set<Case> = new Set(['good', 'good-and-wrong-key']);

let reg: RunningRegistry;
let client: RegistryClient;
let trusted: TestKey;
let other: TestKey;
const digests = new Map<Case, string>();
const tally: Record<string, number> = {};

async function copySig(from: string, to: string): Promise<void> {
  const repo = parseDigestReference(`${reg.host}/ver/r@${from}`);
  const m = await client.getManifest(withTag(repo, signatureTag(from)));
  await client.putManifest(withTag(repo, signatureTag(to)), m);
}

beforeAll(async () => {
  reg = await startRegistry({ mode: 'none' });
  client = testClient(reg);
  [trusted, other] = await Promise.all([makeKey('v-pw'), makeKey('')]);
  for (const c of CASES) {
    const img = await pushTestImage(reg, 'ver/r', [c], { layerSizes: [64] });
    digests.set(c, img.digest);
    const ref = parseDigestReference(img.ref);
    if (c === 'good' || c === 'good-and-wrong-key' || c === 'tampered') await signInProcess(client, ref, trusted);
    if (c === 'wrong-key' || c === 'good-and-wrong-key') await signInProcess(client, ref, other);
  }
  await copySig(digests.get('good') as string, digests.get('other-digest') as string);
  // Tampered: the trusted key's layer with its signature swapped for one over other bytes.
  const tampered = digests.get('tampered') as string;
  const donor = digests.get('wrong-key') as string;
  const repo = parseDigestReference(`${reg.host}/ver/r@${tampered}`);
  const mine = parseSigManifest((await client.getManifest(withTag(repo, signatureTag(tampered)))).bytes).layers[0]!;
  const theirs = parseSigManifest((await client.getManifest(withTag(repo, signatureTag(donor)))).bytes).layers[0]!;
  const layer = {
    mediaType: mine.mediaType,
    size: mine.size,
    digest: mine.digest,
    annotations: { ...mine.annotations, [SIGNATURE_ANNOTATION]: theirs.annotations[SIGNATURE_ANNOTATION] as string },
  };
  const config = sigConfigBytes([layer]);
  await client.uploadBlob(repo, { digest: sha256Digest(config), size: config.length, open: () => config });
  await client.putManifest(withTag(repo, signatureTag(tampered)), {
    bytes: buildSigManifest([layer]).manifestBytes,
    mediaType: MediaType.OciManifest,
  });
});
afterAll(async () => {
  await client?.close();
  await reg?.stop();
});

async function one(ctx: RunContext): Promise<RunVerdict> {
  const c = CASES[ctx.i % CASES.length] as Case;
  const digest = digests.get(c) as string;
  const run = await runAction('verify-digest', {
    inputs: {
      'image-ref': `${ctx.host}/ver/r@${digest}`,
      'public-key': trusted.publicKeyPem,
      retries: String(ctx.retries),
    },
    env: ctx.env,
    timeoutMs: ctx.timeLimitMs,
  });
  const ok = run.main.code === 0;
  const errors = errorLines(run.main);
  const violations: string[] = [];
  const peers: string[] = [];
  const expected = SIGNED.has(c);
  let outcome: string;
  if (ok) {
    outcome = expected ? 'correct-verified' : 'FALSE-VERIFIED';
    if (!expected) violations.push(`case ${c}: verified, but it carries no valid signature for the key`);
    if (run.main.outputs.verified !== 'true') violations.push(`verified output ${run.main.outputs.verified}`);
    if (run.main.outputs.signatures !== '1')
      violations.push(`signatures output ${run.main.outputs.signatures} (expected 1)`);
  } else {
    violations.push(...failureProblems(run.main, errors));
    const network = /cannot reach|HTTP (408|429|5\d\d)|truncated|timeout/i.test(errors.join(' '));
    outcome = expected ? 'failed-on-faults' : network ? 'rejected-on-faults' : 'correct-rejection';
    if (run.main.outputs.verified !== undefined)
      violations.push(`failed, yet verified output ${run.main.outputs.verified}`);
  }
  tally[`${c}: ${outcome}`] = (tally[`${c}: ${outcome}`] ?? 0) + 1;
  // A rejection is this action's normal answer for four cases: cosign judges the sample and every
  // run the faults decided.
  if (ctx.peerSample || outcome.endsWith('on-faults')) {
    const version = ctx.i % 20 < 10 ? '2.5' : '3.1';
    const judge = await cosignVerifies(version, reg, trusted.pubFile, `${reg.host}/ver/r@${digest}`);
    peers.push(`cosign-${version}`);
    if (judge.ok !== expected)
      violations.push(
        `cosign ${version} says ${judge.ok ? 'verified' : 'not verified'} for case ${c}, which is ${expected ? '' : 'not '}validly signed`,
      );
  }
  return {
    ok,
    violations,
    shape: c,
    peers,
    notes: [outcome],
    ...(ok ? {} : { error: errors[0] ?? run.main.stderr.slice(0, 200) }),
  };
}

describe('reliability: verify-digest under registry faults', () => {
  it(
    'never says verified for an image without a valid signature; fails cleanly otherwise; never writes',
    async () => {
      const { report, records } = await runCampaign({
        action: 'verify-digest',
        budget: BUDGET,
        target: reg.url,
        one,
        extra: () => ({ verdicts: tally }),
      });
      console.log(summaryLine(report));
      expect(report.violationSamples).toEqual([]);
      expect(records.reduce((a, r) => a + r.writes, 0)).toBe(0);
      expect(report.runs).toBe(report.runsPlanned);
      expect(report.faultsInjected).toBeGreaterThan(report.runs / 4);
      // Each signed case was verified at least once, each unsigned one rejected for its own reason.
      for (const c of CASES) expect(Object.keys(tally).some((k) => k.startsWith(`${c}: correct-`))).toBe(true);
    },
    campaignTestTimeoutMs(BUDGET),
  );
});
