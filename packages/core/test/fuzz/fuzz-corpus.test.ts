/**
 * The fast tier of the fuzz targets (issue 25): each replays its seeds, the fixtures and every
 * saved crash, then fast-check's generated and mutated inputs under fixed seeds, so a run is
 * the same every time. `pnpm fuzz` runs the same targets for minutes with fresh seeds.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { check, describeViolation, type FuzzTarget } from './contract.js';
import { corpusOf } from './corpus.js';
import { mutated } from './mutate.js';
import { TARGETS } from './targets/index.js';

/** Inputs per target beyond its corpus: generated and mutated halves. Heavier targets get fewer. */
const RUNS: Record<string, number> = {
  tar: 1200,
  'layer-gzip': 700,
  'layer-zstd': 700,
  'merged-view': 500,
  'rpm-header': 1200,
  'rpm-bdb': 600,
  'rpm-ndb': 300,
  'rpm-sqlite': 300,
  'dpkg-status': 800,
  'apk-installed': 800,
  'os-release': 800,
  'policy-json': 800,
  'registries-d': 500,
  keys: 800,
};

async function property(target: FuzzTarget, arb: fc.Arbitrary<Buffer>, numRuns: number, seed: number): Promise<number> {
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(arb, async (input) => {
      runs++;
      const v = await check(target, input);
      if (v) throw new Error(describeViolation(target, input, v));
    }),
    { numRuns, seed, endOnFailure: false },
  );
  return runs;
}

let total = 0;

describe.each(TARGETS.map((t) => [t.name, t] as const))('fuzz target %s', (_name, target) => {
  it('keeps the contract on its seeds and saved crashes', async () => {
    const inputs = [...target.seeds().map((bytes, i) => ({ name: `seed ${i}`, bytes })), ...corpusOf(target)];
    for (const { name, bytes } of inputs) {
      const v = await check(target, bytes);
      expect(v && `${name}: ${describeViolation(target, bytes, v)}`).toBeUndefined();
    }
    total += inputs.length;
  });

  it('keeps the contract on generated and mutated inputs (fixed seeds)', async () => {
    const n = RUNS[target.name] ?? 500;
    const seeds = [...target.seeds(), ...corpusOf(target).map((c) => c.bytes)].filter((s) => s.length <= 1 << 20);
    const gen = target.generate?.();
    total += gen ? await property(target, gen, Math.ceil(n / 2), 25) : 0;
    total += await property(target, mutated(seeds.length ? seeds : [Buffer.alloc(0)]), gen ? Math.floor(n / 2) : n, 2025);
  });
});

describe('the fuzz corpus', () => {
  it('is at least 10,000 inputs in all', () => {
    expect(total).toBeGreaterThanOrEqual(10_000);
  });
});
