import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  loadPublicKey,
  parseDigestReference,
  parseSigManifest,
  signatureTag,
  verifyLegacySignatures,
  withTag,
  type RegistryClient,
} from '@bydigest/core';
import { pushTestImage, testClient } from '../harness/push.js';
import { startRegistry, type RunningRegistry } from '../harness/registry.js';
import { errorLines, REPO_ROOT, runAction } from '../harness/runner.js';
import { makeKey, sign, type TestKey } from '../harness/signing.js';
import { STRESS_FACTOR } from './lib/campaign.js';
import { signInProcess } from './lib/setup.js';

// A promotion to another repository (copy-signatures) racing five sign-digest runs appending to
// the source's .sig. Afterwards: every signature is at the source (the promotion only reads
// there); the target's .sig is a consistent snapshot (every layer verifies, its payload blob is
// there, all are source signatures, and the one present before the race is among them). How
// many of the racing signatures it carries depends on when the promotion read the source: the
// figures are recorded. A second promotion after the race brings the target up to date.

const TRIALS = 20 * STRESS_FACTOR;
const SIGNERS = 5;
let reg: RunningRegistry;
let client: RegistryClient;
let keys: TestKey[];
beforeAll(async () => {
  reg = await startRegistry({ mode: 'none' });
  client = testClient(reg);
  keys = await Promise.all(Array.from({ length: SIGNERS + 1 }, () => makeKey('')));
});
afterAll(async () => {
  await client?.close();
  await reg?.stop();
});

async function signers(repo: string, digest: string): Promise<{ valid: number[]; broken: string[]; layers: string[] }> {
  const ref = parseDigestReference(`${reg.host}/${repo}@${digest}`);
  const v = await verifyLegacySignatures(
    client,
    ref,
    keys.map((k) => loadPublicKey(k.publicKeyPem)),
  );
  const m = await client.getManifestIfExists(withTag(ref, signatureTag(digest)));
  return {
    valid: [...new Set(v.valid.map((x) => x.keyIndex as number))].sort((a, b) => a - b),
    broken: v.verdicts.filter((x) => x.keyIndex === undefined).map((x) => x.reason ?? '?'),
    layers: m ? parseSigManifest(m.bytes).layers.map((l) => l.digest) : [],
  };
}

describe('promotion racing signature appends', () => {
  it(`promote with copy-signatures while ${SIGNERS} sign-digest runs append, ${TRIALS} trials`, async () => {
    const rows: {
      trial: number;
      delayMs: number;
      sourceSigners: number;
      targetSigners: number;
      promoteEndedBeforeLastSign: boolean;
      afterRepromote: number;
    }[] = [];
    const problems: string[] = [];
    const started = Date.now();
    for (let trial = 0; trial < TRIALS; trial++) {
      const img = await pushTestImage(reg, 'prace/src', [`t${trial}`], { layerSizes: [64] });
      await signInProcess(client, parseDigestReference(img.ref), keys[0] as TestKey);
      // The promotion starts at a different moment of the signers' work in each trial.
      const delayMs = (trial * 37) % 400;
      const signEnds: number[] = [];
      const signing = keys.slice(1).map(async (k) => {
        const r = await sign(reg, img.ref, k);
        signEnds.push(Date.now());
        return r;
      });
      const promoting = (async () => {
        await new Promise((r) => setTimeout(r, delayMs));
        const r = await runAction('promote-preserve-digest', {
          inputs: { source: img.ref, tags: `${reg.host}/prace/dst:t${trial}`, 'allow-foreign-identity': 'true' },
          env: { REGISTRY_AUTH_FILE: reg.authFile },
        });
        return { r, ended: Date.now() };
      })();
      const signs = await Promise.all(signing);
      const { r: promo, ended } = await promoting;
      for (const s of signs)
        if (s.main.code !== 0) problems.push(`trial ${trial}: sign-digest failed: ${errorLines(s.main).join(' ')}`);
      if (promo.main.code !== 0) problems.push(`trial ${trial}: promote failed: ${errorLines(promo.main).join(' ')}`);
      const src = await signers('prace/src', img.digest);
      const dst = await signers('prace/dst', img.digest);
      if (src.valid.length !== SIGNERS + 1)
        problems.push(`trial ${trial}: the source has ${src.valid.length} of ${SIGNERS + 1} signatures`);
      if (dst.broken.length > 0)
        problems.push(`trial ${trial}: target .sig layers that do not verify: ${dst.broken.join('; ')}`);
      if (!dst.valid.includes(0))
        problems.push(`trial ${trial}: the target lacks the signature that was there before the race`);
      if (dst.layers.some((l) => !src.layers.includes(l)))
        problems.push(`trial ${trial}: the target holds a layer the source does not`);
      // A second promotion, after the race, carries what the first one could not yet see.
      const again = await runAction('promote-preserve-digest', {
        inputs: { source: img.ref, tags: `${reg.host}/prace/dst:t${trial}`, 'allow-foreign-identity': 'true' },
        env: { REGISTRY_AUTH_FILE: reg.authFile },
      });
      if (again.main.code !== 0)
        problems.push(`trial ${trial}: re-promotion failed: ${errorLines(again.main).join(' ')}`);
      const after = await signers('prace/dst', img.digest);
      if (after.valid.length !== SIGNERS + 1)
        problems.push(`trial ${trial}: after re-promotion the target has ${after.valid.length} of ${SIGNERS + 1}`);
      rows.push({
        trial,
        delayMs,
        sourceSigners: src.valid.length,
        targetSigners: dst.valid.length,
        promoteEndedBeforeLastSign: ended < Math.max(...signEnds),
        afterRepromote: after.valid.length,
      });
    }
    const carried = rows.map((r) => r.targetSigners - 1);
    const line = {
      tool: 'promote-vs-sign',
      signers: SIGNERS,
      trials: rows.length,
      sourceLost: rows.reduce((a, r) => a + (SIGNERS + 1 - r.sourceSigners), 0),
      racingSignaturesCarriedByFirstPromotion: carried,
      promotionsEndingBeforeLastSign: rows.filter((r) => r.promoteEndedBeforeLastSign).length,
      targetCompleteAfterRepromote: rows.filter((r) => r.afterRepromote === SIGNERS + 1).length,
      rows,
      ms: Date.now() - started,
    };
    console.log(JSON.stringify({ ...line, rows: undefined }));
    mkdirSync(join(REPO_ROOT, '.cache'), { recursive: true });
    writeFileSync(join(REPO_ROOT, '.cache', 'race-promote-vs-sign.json'), JSON.stringify(line));
    expect(problems).toEqual([]);
  }, 900_000);
});
