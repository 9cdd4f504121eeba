import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPublicKey, parseDigestReference, verifyLegacySignatures } from '@bydigest/core';
import { runPeer } from './harness/peers.js';
import { pushTestImage, testClient } from './harness/push.js';
import { REPO_ROOT } from './harness/runner.js';
import { startRegistry, type RunningRegistry } from './harness/registry.js';
import { makeKey, sign, type TestKey } from './harness/signing.js';
import { errorLines } from './harness/runner.js';

// Registries have no compare-and-swap on tags, so concurrent signers race on the .sig
// manifest. sign-digest must keep every signature; cosign 2.5 is run the same way for contrast.
const TRIALS = Number(process.env.BYDIGEST_SIGN_TRIALS ?? 20);
const WRITERS = 10;

let reg: RunningRegistry;
let keys: TestKey[];
beforeAll(async () => {
  reg = await startRegistry({ mode: 'none' });
  keys = await Promise.all(Array.from({ length: WRITERS }, () => makeKey('')));
});
afterAll(async () => {
  await reg?.stop();
});

async function signersPresent(ref: string): Promise<number> {
  const client = testClient(reg);
  try {
    const v = await verifyLegacySignatures(
      client,
      parseDigestReference(ref),
      keys.map((k) => loadPublicKey(k.publicKeyPem)),
    );
    return new Set(v.valid.map((x) => x.keyIndex)).size;
  } finally {
    await client.close();
  }
}

describe('concurrent signers on one digest', () => {
  it(`sign-digest: ${WRITERS} runs with ${WRITERS} keys keep all ${WRITERS} signatures, in each of ${TRIALS} trials`, async () => {
    const outcomes: number[] = [];
    const started = Date.now();
    for (let trial = 0; trial < TRIALS; trial++) {
      const img = await pushTestImage(reg, `race/bydigest`, [`t${trial}`]);
      const runs = await Promise.all(keys.map((k) => sign(reg, img.ref, k)));
      expect(runs.flatMap((r) => (r.main.code === 0 ? [] : [errorLines(r.main).join(' ') || r.main.stderr]))).toEqual(
        [],
      );
      outcomes.push(await signersPresent(img.ref));
    }
    record('sign-digest', outcomes, Date.now() - started);
    expect(outcomes).toEqual(outcomes.map(() => WRITERS));
  }, 600_000);

  it(`cosign 2.5: the same race (reported, not asserted)`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cosign-race-'));
    const keyFiles = keys.map((k, i) => {
      const f = join(dir, `k${i}.key`);
      writeFileSync(f, k.privateKeyPem, { mode: 0o600 });
      return f;
    });
    const outcomes: number[] = [];
    const started = Date.now();
    const trials = Math.min(TRIALS, 5);
    let failedRuns = 0;
    for (let trial = 0; trial < trials; trial++) {
      const img = await pushTestImage(reg, `race/cosign`, [`t${trial}`]);
      const runs = await Promise.all(
        keyFiles.map((f) =>
          runPeer('cosign-2.5', ['sign', '--key', f, '--tlog-upload=false', '--allow-http-registry', '-y', img.ref], {
            env: { ...reg.clientEnv, COSIGN_PASSWORD: '' },
            timeoutMs: 120_000,
          }),
        ),
      );
      // cosign itself sometimes fails in this race (distribution's blob-link race answers its
      // manifest PUT with DIGEST_INVALID); a failed run is a lost signature too.
      failedRuns += runs.filter((r) => r.code !== 0).length;
      outcomes.push(await signersPresent(img.ref));
    }
    record('cosign-2.5', outcomes, Date.now() - started, failedRuns);
    expect(outcomes.every((n) => n >= 1 && n <= WRITERS)).toBe(true);
  }, 600_000);
});

/** Figures for docs/reliability.md: signatures present per trial, and what was lost. */
function record(tool: string, outcomes: number[], ms: number, failedRuns = 0): void {
  const lost = outcomes.reduce((a, n) => a + (WRITERS - n), 0);
  const line = {
    tool,
    writers: WRITERS,
    trials: outcomes.length,
    present: outcomes,
    lost,
    lossRate: lost / (WRITERS * outcomes.length),
    failedRuns,
    ms,
  };
  console.log(JSON.stringify(line));
  mkdirSync(join(REPO_ROOT, '.cache'), { recursive: true });
  writeFileSync(join(REPO_ROOT, '.cache', `race-${tool}.json`), JSON.stringify(line));
}
