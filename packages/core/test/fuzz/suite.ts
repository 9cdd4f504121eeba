/**
 * The fast tier of the fuzz targets (issue 25), as jest suites: each target replays its seeds
 * and every saved input of its corpus (crashes found once, kept after the fix), then fast-check's
 * generated and mutated inputs under fixed seeds, so a run is the same every time. `pnpm fuzz`
 * runs the same targets for minutes with fresh seeds. Three files (layers, package databases,
 * trust files) so jest's two workers share them.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, describeViolation, MAX_INPUT, type FuzzTarget } from './contract.js';
import { corpusOf } from './corpus.js';
import { mutated } from './mutate.js';

async function property(target: FuzzTarget, arb: fc.Arbitrary<Buffer>, numRuns: number, seed: number): Promise<number> {
  let runs = 0;
  const details = await fc.check(
    fc.asyncProperty(arb, async (input) => {
      runs++;
      const v = await check(target, input);
      if (v) throw new Error(describeViolation(target, input, v).slice(0, 1500));
    }),
    { numRuns, seed },
  );
  if (details.failed) {
    // The input itself would flood the log: it goes where `pnpm fuzz` would put it, for a look.
    const dir = join(process.cwd(), '.cache', 'fuzz', 'failed');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${target.name}-seed-${seed}`);
    writeFileSync(file, (details.counterexample?.[0] as Buffer | undefined) ?? Buffer.alloc(0));
    throw new Error(
      `${(details.errorInstance as Error | undefined)?.message ?? 'failed'}\n(input saved to ${file}; copy it to packages/core/test/fuzz/corpus/${target.name}/crash-NAME once fixed)`,
    );
  }
  return runs;
}

/** `runs`: generated and mutated inputs per target, beyond its corpus; `minimum`: inputs the file must reach in all. */
export function fuzzSuite(targets: FuzzTarget[], runs: Record<string, number>, minimum: number): void {
  let total = 0;
  describe.each(targets.map((t) => [t.name, t] as const))('fuzz target %s', (_name, target) => {
    it('keeps the contract on its seeds and saved corpus', async () => {
      const inputs = [...target.seeds().map((bytes, i) => ({ name: `seed ${i}`, bytes })), ...corpusOf(target)];
      for (const { name, bytes } of inputs) {
        const v = await check(target, bytes);
        expect(v && `${name}: ${describeViolation(target, bytes, v).slice(0, 1500)}`).toBeUndefined();
      }
      total += inputs.length;
    });

    it('keeps the contract on generated and mutated inputs (fixed seeds)', async () => {
      const n = runs[target.name] ?? 200;
      const seeds = [...target.seeds(), ...corpusOf(target).map((c) => c.bytes)].filter((s) => s.length <= MAX_INPUT);
      const gen = target.generate?.();
      if (gen) total += await property(target, gen, Math.ceil(n / 2), 25);
      total += await property(target, mutated(seeds), gen ? Math.floor(n / 2) : n, 2025);
    });
  });

  it(`replays at least ${minimum} inputs`, () => {
    expect(total).toBeGreaterThanOrEqual(minimum);
  });
}
