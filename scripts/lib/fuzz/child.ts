/** One target's campaign, in its own process (scripts/fuzz.ts watches it for hangs). */
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';

const CORE_SRC = fileURLToPath(new URL('../../../packages/core/src/', import.meta.url));

/** Slices of this long alternate between generated and mutated inputs, each with a fresh seed. */
const SLICE_MS = 20_000;
const MAX_CRASHES = 10;

export async function runChild(name: string, seconds: number, currentFile: string, resultFile: string): Promise<void> {
  // Block coverage counts only in functions compiled after it starts: the parsers load after.
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
  const { check, describeViolation } = await import('../../../packages/core/test/fuzz/contract.js');
  const { corpusOf, saveCrash } = await import('../../../packages/core/test/fuzz/corpus.js');
  const { mutated } = await import('../../../packages/core/test/fuzz/mutate.js');
  const { TARGETS } = await import('../../../packages/core/test/fuzz/targets/index.js');
  const target = TARGETS.find((t) => t.name === name);
  if (!target) throw new Error(`no fuzz target ${name}`);

  const seeds = [...target.seeds(), ...corpusOf(target).map((c) => c.bytes)].filter((s) => s.length <= 1 << 20);
  const gen = target.generate?.();
  const crashes: string[] = [];
  let executions = 0;
  const started = Date.now();
  for (let slice = 0; Date.now() - started < seconds * 1000 && crashes.length < MAX_CRASHES; slice++) {
    const arb = gen && slice % 2 === 0 ? gen : mutated(seeds);
    const left = seconds * 1000 - (Date.now() - started);
    const details = await fc.check(
      fc.asyncProperty(arb, async (input) => {
        executions++;
        writeFileSync(currentFile, input);
        const v = await check(target, input);
        if (v) throw new Error(describeViolation(target, input, v).slice(0, 2000));
      }),
      {
        numRuns: Number.MAX_SAFE_INTEGER,
        interruptAfterTimeLimit: Math.min(SLICE_MS, left),
        markInterruptAsFailure: false,
        seed: (Date.now() ^ (slice * 7919)) | 0,
      },
    );
    if (details.failed && details.counterexample) {
      const input = details.counterexample[0] as Buffer;
      const path = saveCrash(target, input);
      crashes.push(`${path}: ${(details.errorInstance as Error | undefined)?.message.split('\n')[0] ?? 'failed'}`);
      console.log(`${name}: crash saved to ${path}`);
    }
  }
  const { result } = await session.post('Profiler.takePreciseCoverage');
  session.disconnect();
  let blocks = 0;
  let of = 0;
  const files: string[] = [];
  const own = parserFiles(target.parser);
  for (const script of result) {
    if (!script.url.startsWith('file://')) continue;
    const file = fileURLToPath(script.url);
    if (!own.includes(file.slice(CORE_SRC.length))) continue;
    files.push(file.slice(CORE_SRC.length));
    // Each function's first range is the function itself, then its blocks (count 0: never run); a
    // function never called shows as its one range.
    for (const f of script.functions) {
      for (const r of f.ranges) {
        of++;
        if (r.count > 0) blocks++;
      }
    }
  }
  writeFileSync(
    resultFile,
    JSON.stringify({
      target: name,
      parser: target.parser,
      seconds: Math.round((Date.now() - started) / 1000),
      executions,
      crashes,
      coverage: { blocks, of, files: files.sort() },
    }),
  );
}

/** The source files a target's `parser` names ('layers/find-in-image.ts, merged-view.ts' → both under layers/). */
export function parserFiles(parser: string): string[] {
  let dir = '';
  return [...parser.matchAll(/[\w./-]+\.ts/g)].map((m) => {
    const name = m[0];
    if (name.includes('/')) dir = name.slice(0, name.lastIndexOf('/') + 1);
    return name.includes('/') ? name : `${dir}${name}`;
  });
}
