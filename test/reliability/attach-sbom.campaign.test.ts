import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  loadPublicKey,
  parseDigestReference,
  signatureTag,
  verifyLegacySignatures,
  withDigest,
  type RegistryClient,
} from '@bydigest/core';
import { pushTestImage, testClient } from '../harness/push.js';
import { startRegistry, type RunningRegistry } from '../harness/registry.js';
import { errorLines, REPO_ROOT, runAction } from '../harness/runner.js';
import { keyEnv, makeKey, type TestKey } from '../harness/signing.js';
import {
  campaignTestTimeoutMs,
  failureProblems,
  expectCleanCampaign,
  runCampaign,
  summaryLine,
  type RunContext,
  type RunVerdict,
} from './lib/campaign.js';
import { cosignVerifies, missing, orasDiscover, referrerEntries, unreadable } from './lib/state.js';

// What one run may spend, for its time limit (lib/time-limit.ts). The SBOM into the referrers
// fallback index, its signature into its .sig: two loops.
const BUDGET = { requests: 40, settles: 2 };

// attach-sbom attaches a fresh small SPDX document (signed, except every fifth run) to a lane's
// image, up to six per image. distribution 2.8 has no referrers API, so every run appends to
// the sha256-<hex> fallback index. Success: listed, readable, signed; every earlier entry kept.
// Failure: every earlier entry kept, nothing listed that is not this run's readable SBOM.

const SPDX = JSON.parse(
  readFileSync(join(REPO_ROOT, 'packages/core/test/fixtures/sbom/valid.spdx.json'), 'utf8'),
) as Record<string, unknown>;
const PER_IMAGE = 6;
let reg: RunningRegistry;
let client: RegistryClient;
let key: TestKey;
let work: string;
beforeAll(async () => {
  reg = await startRegistry({ mode: 'none' });
  client = testClient(reg);
  key = await makeKey('sbom-pw');
  work = mkdtempSync(join(tmpdir(), 'rel-sbom-'));
});
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await client?.close();
  await reg?.stop();
});

const lanes = new Map<number, { ref: string; digest: string; attached: number }>();
async function laneImage(lane: number) {
  let cur = lanes.get(lane);
  if (!cur || cur.attached >= PER_IMAGE) {
    const img = await pushTestImage(reg, `sbom/l${lane}`, [`g${Date.now()}`], { layerSizes: [128] });
    cur = { ref: img.ref, digest: img.digest, attached: 0 };
    lanes.set(lane, cur);
  }
  return cur;
}

async function one(ctx: RunContext): Promise<RunVerdict> {
  const img = await laneImage(ctx.lane);
  const sign = ctx.i % 5 !== 2;
  const file = join(work, `${ctx.lane}-${ctx.name}.spdx.json`);
  writeFileSync(
    file,
    JSON.stringify({
      ...SPDX,
      name: `rel-${ctx.lane}-${ctx.name}`,
      documentNamespace: `https://example.com/spdx/rel-${ctx.lane}-${ctx.name}-${Date.now()}`,
    }),
  );
  const fileDigest = `sha256:${createHash('sha256').update(readFileSync(file)).digest('hex')}`;
  const repo = parseDigestReference(img.ref);
  const before = (await referrerEntries(client, repo, img.digest)).map((d) => d.digest);
  const run = await runAction('attach-sbom', {
    inputs: {
      'image-ref': img.ref.replace(reg.host, ctx.host),
      sbom: file,
      sign: String(sign),
      retries: String(ctx.retries),
    },
    env: { ...keyEnv(key), ...ctx.env },
    timeoutMs: ctx.timeLimitMs,
  });
  const ok = run.main.code === 0;
  const errors = errorLines(run.main);
  const violations: string[] = [];
  const notes: string[] = [];
  const peers: string[] = [];
  const entries = await referrerEntries(client, repo, img.digest);
  const after = entries.map((d) => d.digest);
  const lost = missing(before, after);
  if (lost.length > 0)
    violations.push(`${ok ? 'success' : 'failure'} dropped ${lost.length} earlier referrer(s) from the index`);
  const added = missing(after, before);
  if (added.length > 1) violations.push(`${added.length} entries appeared (one run adds one)`);
  for (const d of after)
    violations.push(...(await unreadable(client, repo, d)).map((p) => `listed referrer unreadable: ${p}`));
  // A new entry must be this run's SBOM: subject = the image, one layer = the file.
  for (const d of added) {
    const m = JSON.parse((await client.getManifest(withDigest(repo, d))).bytes.toString()) as {
      subject?: { digest: string };
      layers?: { digest: string }[];
      artifactType?: string;
    };
    if (
      m.subject?.digest !== img.digest ||
      m.layers?.[0]?.digest !== fileDigest ||
      m.artifactType !== 'application/vnd.spdx+json'
    ) {
      violations.push(
        `listed entry ${d} is not this run's SBOM (${JSON.stringify({ subject: m.subject?.digest, layer: m.layers?.[0]?.digest, artifactType: m.artifactType })})`,
      );
    }
  }
  const sbomDigest = ok ? run.main.outputs['sbom-digest'] : added[0];
  let signedOk = false;
  if (sbomDigest && sign) {
    const v = await verifyLegacySignatures(client, withDigest(repo, sbomDigest), [loadPublicKey(key.publicKeyPem)]);
    signedOk = v.valid.length > 0;
    const broken = v.verdicts.filter((x) => x.keyIndex === undefined);
    if (broken.length > 0)
      violations.push(`the SBOM's .sig holds layers that do not verify: ${broken.map((b) => b.reason).join('; ')}`);
  }
  if (ok) {
    if (!sbomDigest || !after.includes(sbomDigest))
      violations.push(`success, but sbom-digest ${sbomDigest} is not listed`);
    if (run.main.outputs['sbom-ref'] !== `${ctx.host}/${repo.repository}@${sbomDigest}`)
      violations.push(`sbom-ref output ${run.main.outputs['sbom-ref']}`);
    if (sign) {
      if (!signedOk) violations.push('success, but the SBOM manifest carries no valid signature');
      if (run.main.outputs['signature-ref'] !== `${ctx.host}/${repo.repository}:${signatureTag(sbomDigest as string)}`)
        violations.push(`signature-ref output ${run.main.outputs['signature-ref']}`);
    } else if (run.main.outputs['signature-ref'] !== undefined)
      violations.push('sign: false, yet a signature-ref output');
    img.attached++;
  } else {
    violations.push(...failureProblems(run.main, errors));
    if (added.length === 0) notes.push('failed-before-listing');
    else {
      img.attached++;
      if (sign && !signedOk) violations.push('failure left the SBOM listed without its signature');
      notes.push('failed-after-listing');
    }
  }
  if (ctx.peerSample || !ok) {
    const version = ctx.i % 20 < 10 ? '1.2' : '1.3';
    const o = await orasDiscover(version, reg, img.ref);
    peers.push(`oras-${version}`);
    if (!o.ok) violations.push(o.detail);
    else if (missing(after, o.digests).length > 0 || missing(o.digests, after).length > 0)
      violations.push(`oras ${version} lists ${o.digests.length} referrers, the index ${after.length}`);
    if (ok && sign) {
      const c = await cosignVerifies('2.5', reg, key.pubFile, `${reg.host}/${repo.repository}@${sbomDigest}`);
      peers.push('cosign-2.5');
      if (!c.ok) violations.push(c.detail);
    }
  }
  rmSync(file, { force: true });
  return {
    ok,
    violations,
    shape: sign ? 'signed' : 'unsigned',
    peers,
    notes,
    ...(ok ? {} : { error: errors[0] ?? run.main.stderr.slice(0, 200) }),
  };
}

describe('reliability: attach-sbom under registry faults', () => {
  it(
    'every run keeps every earlier referrer; success means listed, readable and signed, with oras and cosign on a sample',
    async () => {
      const { report } = await runCampaign({ action: 'attach-sbom', budget: BUDGET, target: reg.url, one });
      console.log(summaryLine(report));
      expectCleanCampaign(report);
    },
    campaignTestTimeoutMs(BUDGET),
  );
});
