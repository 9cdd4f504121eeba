/**
 * Writes every `run:` block of .github/workflows/*.yml to OUT_DIR/<workflow>.<job>.<n>.sh, so
 * shellcheck can read them (scripts/lint.sh shell): a script nobody can lint is a script nobody
 * checks. `${{ … }}` expressions become a placeholder word, as the runner substitutes them
 * before bash sees the script; the runner's own `bash -e {0}` is the shebang.
 *
 *   pnpm exec tsx scripts/extract-run-scripts.ts OUT_DIR
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

type Step = { run?: string; shell?: string };
type Workflow = { jobs?: Record<string, { steps?: Step[] }> };

const out = process.argv[2];
if (!out) {
  process.stderr.write('usage: extract-run-scripts.ts OUT_DIR\n');
  process.exit(2);
}
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const dir = '.github/workflows';
let count = 0;
for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
  const wf = parse(readFileSync(join(dir, file), 'utf8')) as Workflow;
  for (const [job, spec] of Object.entries(wf.jobs ?? {})) {
    (spec.steps ?? []).forEach((step, i) => {
      if (typeof step.run !== 'string' || (step.shell && !/^(bash|sh)\b/.test(step.shell))) return;
      const body = step.run.replace(/\$\{\{[\s\S]*?\}\}/g, 'GHA_EXPRESSION');
      // GitHub runs `run:` with `bash --noprofile --norc -eo pipefail {0}`.
      writeFileSync(
        join(out, `${file.replace(/\.ya?ml$/, '')}.${job}.${i + 1}.sh`),
        `#!/usr/bin/env bash\nset -eo pipefail\n${body}`,
      );
      count++;
    });
  }
}
process.stdout.write(`${count} run: blocks written to ${out}\n`);
