// check-pins' target: 200 workflow files with 2,000 `uses:` in <= 2 s without the network.
// In the full suite only (a timing on a shared machine); `tsx scripts/bench/check-pins.ts` prints the figure.
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
    const o = await checkPins({ root, paths: ['.github/workflows'], options, mode: 'check' });
    return { ms: performance.now() - t0, o };
  };
  await run(); // the parser's schema, loaded once per process
  const { ms, o } = await run();
  expect(o.filesChecked).toBe(WORKFLOWS);
  expect(o.findings.filter((f) => f.rule === 'unpinned-uses')).toHaveLength(WORKFLOWS);
  expect(o.findings).toHaveLength(WORKFLOWS);
  expect(ms).toBeLessThanOrEqual(2000);
});
