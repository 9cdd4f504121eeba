// 200 workflow files with 2,000 `uses:` (ten pinned steps each, a tenth of them by tag), as
// check-pins' performance target states it.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const WORKFLOWS = 200;
export const USES_PER_WORKFLOW = 10;

export function checkPinsFixture(): string {
  const root = mkdtempSync(join(tmpdir(), 'check-pins-bench-'));
  const dir = join(root, '.github', 'workflows');
  mkdirSync(dir, { recursive: true });
  for (let w = 0; w < WORKFLOWS; w++) {
    const steps = Array.from({ length: USES_PER_WORKFLOW }, (_, i) =>
      i === 0
        ? '      - uses: actions/setup-node@v6\n'
        : `      - name: step ${i}\n        uses: actions/checkout@df4cb1c069e1874edd31b4311f1884172cec0e10 # v6.0.3\n        with:\n          persist-credentials: false\n`,
    ).join('');
    writeFileSync(
      join(dir, `w${w}.yml`),
      `name: w${w}\non: push\npermissions: {}\njobs:\n  build:\n    runs-on: ubuntu-24.04\n    permissions:\n      contents: read\n    steps:\n${steps}`,
    );
  }
  return root;
}
