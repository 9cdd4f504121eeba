// tsx scripts/bench/check-pins.ts: check-pins over 200 workflows with 2,000 `uses:`, without the
// network (discovery, GitHub's workflow parser, the rules), in process. Prints the first run
// (the parser's schema loaded) and the median of five more. Target: <= 2 s.
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { checkPins, installerTable } from '@bydigest/core/pins';
import { checkPinsFixture, USES_PER_WORKFLOW, WORKFLOWS } from './check-pins-fixture.js';

const root = checkPinsFixture();
try {
  const options = { installers: installerTable([]), allowFloating: [], ignore: [] };
  const times: number[] = [];
  let findings = 0;
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    const o = await checkPins({ root, paths: ['.github/workflows'], options, mode: 'check' });
    times.push(performance.now() - t0);
    findings = o.findings.length;
  }
  const warm = times.slice(1).sort((a, b) => a - b)[2]!;
  console.log(
    `check-pins: ${WORKFLOWS} workflows, ${WORKFLOWS * USES_PER_WORKFLOW} uses, ${findings} findings: first run ${(times[0]! / 1000).toFixed(2)} s, median of 5 ${(warm / 1000).toFixed(2)} s (target <= 2 s)`,
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
