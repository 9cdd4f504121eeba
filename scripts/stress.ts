// pnpm stress [--factor N] [--ci]
// Runs the reliability folder (fault campaigns, races, bad-input catalog, secret hygiene) plus the
// concurrent-signers race, with BYDIGEST_STRESS=N multiplying run counts and trials (default 5;
// --ci runs the CI form, factor 1), records jest's per-file times in .cache/reliability/, then
// regenerates docs/reliability.md from what the tests wrote.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const ci = args.includes('--ci');
const at = args.indexOf('--factor');
const factor = ci ? 1 : Math.max(2, Number(at >= 0 ? args[at + 1] : 5) || 5);
const form = ci ? 'ci' : `stress-x${factor}`;
mkdirSync(join(root, '.cache', 'reliability'), { recursive: true });

const env: NodeJS.ProcessEnv = {
  ...process.env,
  BYDIGEST_RELIABILITY_COMMAND: ci ? 'pnpm stress --ci' : `pnpm stress --factor ${factor}`,
};
if (!ci) {
  env.BYDIGEST_STRESS = String(factor);
  env.BYDIGEST_SIGN_TRIALS = String(20 * factor);
}
/** CPU ms of reaped children (jest and everything under it), from /proc/self/stat. */
const childCpuMs = () => {
  const f = readFileSync('/proc/self/stat', 'utf8');
  const v = f
    .slice(f.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  return { user: (v[13] ?? 0) * 10, sys: (v[14] ?? 0) * 10 };
};
const t0 = Date.now();
const load0 = loadavg();
const jest = spawnSync(
  process.execPath,
  [
    '--experimental-vm-modules',
    '--no-warnings=ExperimentalWarning',
    join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
    'test/reliability',
    ...(ci ? [] : ['test/sign-concurrency.test.ts']),
    '--json',
    `--outputFile=${join(root, '.cache', 'reliability', `jest-${form}.json`)}`,
  ],
  { cwd: root, env, stdio: 'inherit' },
);
const cpu = childCpuMs();
// The machine may be shared: the load average says how much, for whoever reads the timings.
writeFileSync(
  join(root, '.cache', 'reliability', `run-${form}.json`),
  JSON.stringify({
    form,
    factor,
    date: new Date(t0).toISOString(),
    wallMs: Date.now() - t0,
    cpuUserMs: cpu.user,
    cpuSysMs: cpu.sys,
    loadavgBefore: load0,
    loadavgAfter: loadavg(),
    exit: jest.status,
  }),
);
const report = spawnSync(
  process.execPath,
  [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'reliability-report.ts')],
  { cwd: root, stdio: 'inherit' },
);
process.exit(jest.status !== 0 ? (jest.status ?? 1) : (report.status ?? 0));
