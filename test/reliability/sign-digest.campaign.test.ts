import { afterAll, beforeAll, describe, it } from '@jest/globals';
import {
  loadPublicKey,
  parseDigestReference,
  signatureTag,
  verifyLegacySignatures,
  type RegistryClient,
} from '@bydigest/core';
import { pushTestImage, testClient } from '../harness/push.js';
import { startRegistry, type RunningRegistry } from '../harness/registry.js';
import { errorLines, runAction } from '../harness/runner.js';
import { keyEnv, makeKey, type TestKey } from '../harness/signing.js';
import {
  campaignTestTimeoutMs,
  failureProblems,
  expectCleanCampaign,
  runCampaign,
  summaryLine,
  unit,
  type RunContext,
  type RunVerdict,
} from './lib/campaign.js';
import { cosignVerifies, missing, sigState } from './lib/state.js';

// What one run may spend, for its time limit (lib/time-limit.ts). Signing appends one layer to the
// .sig: one read-modify-write loop.
const BUDGET = { requests: 40, settles: 1 };

// sign-digest appends to the .sig of a lane's image, one key after another (every seventh run
// re-signs with a key that already signed: the idempotent path; every third run signs with two
// keys in one step, as a key rotation's overlap does). Success: every requested key's signature
// verifies (never a partial set reported as success) and every earlier layer is kept. Failure:
// every earlier layer is kept and nothing but our own layers was added. Every layer in the .sig
// must verify (no layer without its payload blob).

const KEYS = 8;
let reg: RunningRegistry;
let client: RegistryClient;
let keys: TestKey[];
beforeAll(async () => {
  reg = await startRegistry({ mode: 'none' });
  client = testClient(reg);
  // Two passwords: the empty one and a real one (scrypt N=32768 either way).
  keys = await Promise.all(Array.from({ length: KEYS }, (_, k) => makeKey(k % 2 ? `pw-${k}` : '')));
});
afterAll(async () => {
  await client?.close();
  await reg?.stop();
});

/** Per lane: the image being signed and the keys that signed it so far. */
const lanes = new Map<number, { ref: string; digest: string; signedBy: number[] }>();

async function laneImage(lane: number): Promise<{ ref: string; digest: string; signedBy: number[] }> {
  let cur = lanes.get(lane);
  if (!cur || cur.signedBy.length >= KEYS) {
    const img = await pushTestImage(reg, `sig/l${lane}`, [`g${Date.now()}`], { layerSizes: [128] });
    cur = { ref: img.ref, digest: img.digest, signedBy: [] };
    lanes.set(lane, cur);
  }
  return cur;
}

async function one(ctx: RunContext): Promise<RunVerdict> {
  const img = await laneImage(ctx.lane);
  const resign = img.signedBy.length > 0 && ctx.i % 7 === 6;
  const keyIndex = resign
    ? (img.signedBy[Math.floor(unit(ctx.i) * img.signedBy.length)] as number)
    : ([...Array(KEYS).keys()].find((k) => !img.signedBy.includes(k)) as number);
  const key = keys[keyIndex] as TestKey;
  // Rotation's overlap: a second, unsigned key in the same step (one password variable each).
  const secondIndex =
    !resign && ctx.i % 3 === 1
      ? [...Array(KEYS).keys()].find((k) => k !== keyIndex && !img.signedBy.includes(k))
      : undefined;
  const requested = secondIndex === undefined ? [keyIndex] : [keyIndex, secondIndex];
  const second = secondIndex === undefined ? undefined : (keys[secondIndex] as TestKey);
  const repo = parseDigestReference(img.ref);
  const before = await sigState(client, repo, img.digest);
  const run = await runAction('sign-digest', {
    inputs: {
      'image-ref': img.ref.replace(reg.host, ctx.host),
      retries: String(ctx.retries),
      ...(second
        ? {
            key: 'env://COSIGN_PRIVATE_KEY\nenv://COSIGN_PRIVATE_KEY_NEXT',
            'password-env': 'COSIGN_PASSWORD\nCOSIGN_PASSWORD_NEXT',
          }
        : {}),
    },
    env: {
      ...keyEnv(key),
      ...(second ? { COSIGN_PRIVATE_KEY_NEXT: second.privateKeyPem, COSIGN_PASSWORD_NEXT: second.password } : {}),
      ...ctx.env,
    },
    timeoutMs: ctx.timeLimitMs,
  });
  const ok = run.main.code === 0;
  const errors = errorLines(run.main);
  const violations: string[] = [];
  const notes: string[] = [];
  const peers: string[] = [];
  const after = await sigState(client, repo, img.digest);
  const lost = missing(before.layers, after.layers);
  if (lost.length > 0)
    violations.push(`${ok ? 'success' : 'failure'} dropped ${lost.length} earlier layer(s) of the .sig`);
  const added = missing(after.layers, before.layers);
  if (added.length > requested.length)
    violations.push(`${added.length} layers appeared (this run adds at most ${requested.length})`);
  const pubs = keys.map((k) => loadPublicKey(k.publicKeyPem));
  const v = await verifyLegacySignatures(client, repo, pubs);
  const broken = v.verdicts.filter((x) => x.keyIndex === undefined);
  if (broken.length > 0)
    violations.push(
      `.sig holds ${broken.length} layer(s) that do not verify: ${broken.map((b) => b.reason).join('; ')}`,
    );
  const signers = new Set(v.valid.map((x) => x.keyIndex));
  if (ok) {
    for (const k of requested)
      if (!signers.has(k))
        violations.push(
          `success, but no valid signature by key ${k}${requested.length > 1 ? ` (of the ${requested.length} requested)` : ''}`,
        );
    const sigRef = `${ctx.host}/${repo.repository}:${signatureTag(img.digest)}`;
    if (run.main.outputs['signature-ref'] !== sigRef)
      violations.push(`signature-ref output ${run.main.outputs['signature-ref']}`);
    if (run.main.outputs['signature-digest'] !== after.manifestDigest)
      violations.push(
        `signature-digest output ${run.main.outputs['signature-digest']} is not the .sig now (${after.manifestDigest})`,
      );
    if (run.main.outputs['public-key'] !== key.publicKeyPem + (second?.publicKeyPem ?? ''))
      violations.push('public-key output is not the keys');
    if (resign) notes.push(added.length === 0 ? 'resign-skipped' : 'resign-added-layer');
    if (second) notes.push('two-keys');
    for (const k of requested) if (!img.signedBy.includes(k)) img.signedBy.push(k);
  } else {
    violations.push(...failureProblems(run.main, errors));
    const appended = requested.filter((k) => signers.has(k) && !img.signedBy.includes(k));
    notes.push(appended.length > 0 ? 'failed-after-append' : 'failed-before-append');
    img.signedBy.push(...appended);
  }
  if (ctx.peerSample || !ok) {
    // cosign judges: our signature when we claim it, and an earlier one after a failure.
    const judge = ok ? keyIndex : img.signedBy.find((k) => k !== keyIndex || signers.has(k));
    if (judge !== undefined) {
      const version = ctx.i % 20 < 10 ? '2.5' : '3.1';
      const c = await cosignVerifies(version, reg, (keys[judge] as TestKey).pubFile, img.ref);
      peers.push(`cosign-${version}`);
      if (!c.ok)
        violations.push(`cosign verify with key ${judge} after a ${ok ? 'successful' : 'failed'} run: ${c.detail}`);
    }
  }
  return {
    ok,
    violations,
    shape: before.manifestDigest ? 'append' : 'first',
    peers,
    notes,
    ...(ok ? {} : { error: errors[0] ?? run.main.stderr.slice(0, 200) }),
  };
}

describe('reliability: sign-digest under registry faults', () => {
  it(
    'every run keeps every earlier signature; success means ours verifies, with cosign on a sample',
    async () => {
      const { report } = await runCampaign({ action: 'sign-digest', budget: BUDGET, target: reg.url, one });
      console.log(summaryLine(report));
      expectCleanCampaign(report);
    },
    campaignTestTimeoutMs(BUDGET),
  );
});
