/**
 * The fuzzing section of docs/reliability.md: each parser's promise, and its last campaign
 * (packages/core/test/fuzz/campaign.json).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Recorded {
  seconds: number;
  executions: number;
  crashes: string[];
  coverage: { blocks: number; of: number; files: number };
  date: string;
  load: number;
  cpus: number;
}

export async function fuzzSection(root: string): Promise<string[]> {
  const { TARGETS } = await import('../../../packages/core/test/fuzz/targets/index.js');
  const file = join(root, 'packages', 'core', 'test', 'fuzz', 'campaign.json');
  const recorded = (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}) as Record<string, Recorded>;
  const L: string[] = [];
  L.push('## Hostile image content (fuzzing)');
  L.push('');
  L.push(
    'Every parser of what an image contains has a fuzz target in `packages/core/test/fuzz/targets/` and keeps one contract',
  );
  L.push(
    '(`contract.ts`): it returns or throws a `BydigestError` with a code — never another exception, never an engine error',
  );
  L.push(
    '(TypeError, RangeError) inside one, never an unhandled rejection — and for an input of at most 1 MiB it ends within 1 s and',
  );
  L.push(
    "grows the heap by at most 64 MiB. Loops over on-disk structures are bounded by the input's size. `pnpm test:unit` replays",
  );
  L.push(
    'every seed, fixture and saved crash (`corpus/<target>/crash-*`) and at least 10,550 generated and mutated inputs under fixed',
  );
  L.push('seeds (three suites, `fuzz-*.test.ts`);');
  L.push(
    '`pnpm fuzz [--seconds N] [--only a,b]` runs the long campaign, one target at a time, and saves what breaks the contract as a',
  );
  L.push(
    'regression file. It uses fast-check (structure-aware generators, and libFuzzer-style byte mutations of the seeds), not a',
  );
  L.push(
    'coverage-guided engine: `@jazzer.js/core` 4.0.0 installs from the npm registry alone, but its prebuilt addon needs glibc 2.38',
  );
  L.push(
    "(Debian bookworm, this project's machines, has 2.36), and 2.1.0 downloads its addon or builds it from sources fetched at",
  );
  L.push(
    'install time. Coverage is measured (V8 block coverage of the source files each target names), not used to steer.',
  );
  L.push('');
  L.push('| Target | Parser | Promise on hostile input |');
  L.push('| --- | --- | --- |');
  for (const t of TARGETS) L.push(`| ${t.name} | ${t.parser} | ${t.promise.replace(/\|/g, '\\|')} |`);
  L.push('');
  L.push('### Last campaign per target');
  L.push('');
  L.push(
    "Blocks: V8 block ranges executed in the target's own source files (its Parser column), of all their ranges; a function",
  );
  L.push(
    'never called counts as one range. Campaigns ran `nice`d on a 2-core machine shared with other work (the load column).',
  );
  L.push('');
  L.push('| Target | When (UTC) | Seconds | Executions | Crashes | Blocks covered | Files reached | Load (cores) |');
  L.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const t of TARGETS) {
    const r = recorded[t.name];
    if (!r) {
      L.push(`| ${t.name} | not run | | | | | | |`);
      continue;
    }
    L.push(
      `| ${t.name} | ${r.date.replace('T', ' ')} | ${r.seconds} | ${r.executions.toLocaleString('en')} | ${r.crashes.length} | ${r.coverage.blocks}/${r.coverage.of} (${((100 * r.coverage.blocks) / Math.max(1, r.coverage.of)).toFixed(0)} %) | ${r.coverage.files} | ${r.load} (${r.cpus}) |`,
    );
  }
  L.push('');
  const hostile = join(root, '.cache', 'reliability', 'hostile-images.json');
  if (existsSync(hostile)) {
    const h = JSON.parse(readFileSync(hostile, 'utf8')) as {
      date: string;
      cases: { case: string; action: string; code: number; ms: number; peakRssMb: number; error?: string }[];
    };
    L.push(
      `### Whole hostile images through the actions (\`test/hostile-images.test.ts\`, ${h.date.slice(0, 16).replace('T', ' ')} UTC)`,
    );
    L.push('');
    L.push(
      "Each case pushes an image to the real registry and runs the action's bundle as the runner does; its bounds are 60 s and",
    );
    L.push(
      '150 MB of peak RSS, and its TMPDIR and HOME must stay empty. A layer of 1,000,000 entries is `test/layer-walk-scale.test.ts`.',
    );
    L.push('');
    L.push('| Case | Action | Exit | Time | Peak RSS | Outcome |');
    L.push('| --- | --- | ---: | ---: | ---: | --- |');
    for (const c of h.cases)
      L.push(
        `| ${c.case} | ${c.action} | ${c.code} | ${(c.ms / 1000).toFixed(1)} s | ${c.peakRssMb} MB | ${c.error ? c.error.split('\n')[0]?.replace(/\|/g, '\\|') : 'the right result'} |`,
      );
    L.push('');
  }
  return L;
}
