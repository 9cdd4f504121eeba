// pnpm bench                  full run (about 5 min): writes .cache/bench/results.json and docs/benchmarks.md
// pnpm bench -- --quick       small sizes, 3 runs (under a minute): .cache/bench/results-quick.json and
//                             .cache/bench/benchmarks-quick.md; docs/benchmarks.md is left alone. A smoke
//                             check: with small images start-up dominates, so its ratios say little.
// pnpm bench -- --only=sign,verify [--runs=N]   a subset (never overwrites docs/benchmarks.md)
// pnpm bench -- --report-only re-renders docs/benchmarks.md from the last full results.json
// scripts/bench/timeline.ts prints per-request timings of one action, to see where the time goes.
//
// Compares the bydigest actions (dist bundles, started as the GitHub runner starts them) with
// the peer CLIs a pipeline uses today, on one real registry (Debian docker-registry on
// loopback): wall-time ratios (median of >= 5 interleaved runs), peak RSS, HTTP requests per
// operation. Writes .cache/bench/results.json and regenerates docs/benchmarks.md.
// A benchmark prints figures; it is not a test and does not fail on a missed target.
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadSigningKey } from '@bydigest/core/keys';
import { startFaultProxy } from '../test/harness/fault-proxy.js';
import { peer } from '../test/harness/peers.js';
import { startRegistry } from '../test/harness/registry.js';
import { REPO_ROOT } from '../test/harness/runner.js';
import { BENCHMARKS } from './bench/cases.js';
import { keyFixture } from './bench/fixtures.js';
import { machine } from './bench/machine.js';
import { skopeoJail } from './bench/peers.js';
import { runMeasured } from './bench/proc.js';
import { benchTable, historyEntry, markdown, summaryTable, type HistoryEntry, type Results } from './bench/report.js';
import { stats, type Stats } from './bench/stats.js';
import type { BenchResult, Ctx } from './bench/types.js';

const argv = process.argv.slice(2).filter((a) => a !== '--');
const flag = (name: string) => argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
const quick = flag('quick') !== undefined;
const only = flag('only')?.split('=')[1]?.split(',').filter(Boolean);
const runsFlag = flag('runs')?.split('=')[1];
const runs = Number(runsFlag ?? (quick ? 3 : 5));
// Runs of a second or less: more of them for the same noise, at little cost.
const lightRuns = runsFlag !== undefined || quick ? runs : 7;
const writeDocs = flag('no-docs') === undefined && (!quick || flag('docs') !== undefined);
for (const a of argv) {
  if (!/^--(quick|only=.*|runs=\d+|no-docs|docs|report-only|help)$/.test(a))
    throw new Error(`unknown argument ${a}; see the header of scripts/bench.ts`);
}
if (flag('help')) {
  console.log(
    'pnpm bench [-- --quick] [--only=push,tags,promote,sign,sign-remote,verify,attach,sbom,sbom-bottom,trust,rotation,audit-tags] [--runs=N] [--no-docs | --docs] [--report-only]',
  );
  process.exit(0);
}
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
const selected = only ?? Object.keys(BENCHMARKS);
for (const name of selected)
  if (!(name in BENCHMARKS)) throw new Error(`unknown benchmark ${name}; known: ${Object.keys(BENCHMARKS).join(', ')}`);

const command = ['pnpm bench', ...(argv.length ? ['--', ...argv] : [])].join(' ');
const cacheDir = join(REPO_ROOT, '.cache', 'bench');
/** Hand-written findings, included verbatim in docs/benchmarks.md (the figures are generated). */
const ANALYSIS = join(REPO_ROOT, 'scripts', 'bench', 'analysis.md');
/** One line per full run: the target values, to show the run-to-run spread. */
const HISTORY = join(cacheDir, 'history.jsonl');
const readHistory = (): HistoryEntry[] =>
  existsSync(HISTORY)
    ? readFileSync(HISTORY, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as HistoryEntry)
    : [];
const fixtures = join(cacheDir, 'fixtures');
mkdirSync(fixtures, { recursive: true });
if (flag('report-only')) {
  // Regenerates docs/benchmarks.md from the last full run (e.g. after editing analysis.md).
  const last = JSON.parse(readFileSync(join(cacheDir, 'results.json'), 'utf8')) as Results;
  if (existsSync(ANALYSIS)) last.analysis = readFileSync(ANALYSIS, 'utf8');
  else delete last.analysis;
  last.history = readHistory().filter((h) => h.date <= last.date);
  writeFileSync(join(REPO_ROOT, 'docs', 'benchmarks.md'), markdown(last) + '\n');
  console.log(`wrote docs/benchmarks.md from ${join(cacheDir, 'results.json')} (${last.date})`);
  process.exit(0);
}
const log = (line: string) => console.log(line);
const started = performance.now();

const bundlesAtStart = bundleHashes();
const reg = await startRegistry({ mode: 'none' });
const proxy = await startFaultProxy({ target: reg.url, faultRate: 0 });
const results: BenchResult[] = [];
let anatomy: Record<string, Stats> | undefined;
try {
  const peerEnv = { ...process.env, ...reg.clientEnv };
  const ctx: Ctx = {
    reg,
    proxy,
    fixtures,
    quick,
    runs,
    lightRuns,
    key: await keyFixture(fixtures),
    skopeo: await skopeoJail(peerEnv),
    peerEnv,
    log,
  };
  log(
    `bydigest bench: registry ${reg.url}, ${runs} runs of the push, ${lightRuns} of the others${quick ? ' (quick)' : ''}, benchmarks: ${selected.join(', ')}`,
  );
  for (const name of selected) {
    log(`\n== ${name}`);
    const t0 = performance.now();
    const loadBefore = loadavg()[0]!;
    const r = await BENCHMARKS[name]!(ctx);
    r.load = [loadBefore, loadavg()[0]!];
    results.push(r);
    log(r.skipped ? `  skipped: ${r.skipped}` : benchTable(r));
    for (const t of r.targets)
      log(
        `  ${t.met ? 'MET ' : 'MISS'} ${t.what}: ${t.unit === 'x' ? t.value.toFixed(2) + 'x' : t.value} (target ${t.op} ${t.limit})`,
      );
    log(
      `  (${((performance.now() - t0) / 1000).toFixed(0)} s, load average ${r.load[0].toFixed(1)} -> ${r.load[1].toFixed(1)})`,
    );
  }
  log('\n== fixed costs');
  anatomy = await fixedCosts(ctx);
  for (const [k, s] of Object.entries(anatomy)) log(`  ${k}: ${s.median.toFixed(1)} ms`);
} finally {
  await proxy.stop();
  await reg.stop();
}

/** A short hash of each dist/<action>/ (all its files), to notice bundles rebuilt during the run. */
function bundleHashes(): Record<string, string> {
  const out: Record<string, string> = {};
  const dist = join(REPO_ROOT, 'dist');
  for (const action of readdirSync(dist, { withFileTypes: true }).filter(
    (d) => d.isDirectory() && !d.name.startsWith('.'),
  )) {
    const h = createHash('sha256');
    const files = readdirSync(join(dist, action.name), { withFileTypes: true, recursive: true })
      .filter((f) => f.isFile())
      .map((f) => join(f.parentPath, f.name))
      .sort();
    for (const f of files) h.update(f).update(readFileSync(f));
    out[action.name] = h.digest('hex').slice(0, 12);
  }
  return out;
}

/** Start-up and key-derivation costs that every run of a tool pays, measured alike. */
async function fixedCosts(ctx: Ctx): Promise<Record<string, Stats>> {
  const n = Math.max(ctx.runs, 5);
  const bare = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
  const probes: [string, string, string[], NodeJS.ProcessEnv?][] = [
    ['node -e 0 (Node 24 start-up)', process.execPath, ['-e', '0'], bare],
  ];
  // Each bundle loaded and run up to its first input check (no inputs: it fails before any I/O).
  for (const action of ['capture-digest', 'promote-preserve-digest', 'sign-digest', 'verify-digest', 'attach-sbom']) {
    const bundle = join(REPO_ROOT, 'dist', action, 'index.js');
    if (existsSync(bundle))
      probes.push([`${action} bundle: start-up to its failed input check`, process.execPath, [bundle], bare]);
  }
  probes.push(
    ['cosign 2.5 version', peer('cosign-2.5'), ['version']],
    [
      'cosign 2.5 public-key --key cosign.key (start-up + scrypt N=65536 in Go)',
      peer('cosign-2.5'),
      ['public-key', '--key', ctx.key.keyFile],
      { ...process.env, COSIGN_PASSWORD: ctx.key.password },
    ],
    ['skopeo --version', peer('skopeo'), ['--version']],
    ['crane version', peer('crane'), ['version']],
    ['oras 1.3 version', peer('oras-1.3'), ['version']],
  );
  const skopeoJob = ctx.skopeo.job()(['--version']);
  probes.push([
    `skopeo --version in its benchmark wrapper (${skopeoJob.cmd})`,
    skopeoJob.cmd,
    skopeoJob.args,
    skopeoJob.env,
  ]);
  const out: Record<string, number[]> = {};
  for (let i = 0; i < n; i++) {
    for (const [name, cmd, args, env] of probes) {
      const r = await runMeasured(cmd, args, { env: env ?? process.env });
      (out[name] ??= []).push(r.ms);
    }
    const t0 = performance.now();
    await loadSigningKey(ctx.key.keyFile, 'BENCH_PASSWORD', { BENCH_PASSWORD: ctx.key.password });
    (out['decrypt cosign.key in-process (scrypt N=65536 + unseal), Node 24'] ??= []).push(performance.now() - t0);
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, stats(v)]));
}

const bundlesAtEnd = bundleHashes();
const rebuilt = Object.keys(bundlesAtEnd).filter((k) => bundlesAtStart[k] !== bundlesAtEnd[k]);
if (rebuilt.length > 0)
  log(`\nWARNING: dist/ changed during the run (${rebuilt.join(', ')}): some figures are from different builds`);
const output: Results = {
  date: new Date().toISOString(),
  command,
  quick,
  runs,
  lightRuns,
  machine: machine(),
  method: [
    `Each tool runs once untimed (warm-up), then ${runs === lightRuns ? runs : `${runs} (the 1 GiB push) or ${lightRuns} (the others)`} timed runs interleaved (A B, A B, …) so background load from concurrent jobs on the machine hits every tool alike; figures are medians, ratios are median(ours) / median(peer) (the median of per-round ratios is listed too).`,
    'Our side is the action bundle started as the GitHub runner starts it: `node dist/<action>/index.js` with INPUT_*, GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY and RUNNER_TEMP (test/harness/runner.ts), Node 24. Wall time is spawn to exit of that process; the peers are timed the same way, a pipeline of several peer commands from the first spawn to the last exit.',
    'Peak RSS is VmHWM from /proc/<pid>/status, polled every 5 ms while the process runs (not `resourceUsage().maxRSS`, which on Linux includes the parent at fork time). For a peer pipeline it is the largest of its commands.',
    'HTTP requests are counted in one extra run of each tool through a counting proxy on loopback (test/harness/fault-proxy.ts, no faults), by operation; the timed runs talk to the registry directly.',
    'Fixtures (OCI layouts of random tar+gzip layers, the key, the SBOM) are written once under .cache/bench/fixtures and reused.',
  ],
  bundles: bundlesAtStart,
  ...(rebuilt.length > 0 ? { rebuiltDuringRun: rebuilt } : {}),
  benchmarks: results,
  ...(anatomy ? { anatomy } : {}),
  ...(existsSync(ANALYSIS) ? { analysis: readFileSync(ANALYSIS, 'utf8') } : {}),
  durationSec: (performance.now() - started) / 1000,
};

mkdirSync(cacheDir, { recursive: true });
const jsonPath = join(cacheDir, quick ? 'results-quick.json' : 'results.json');
writeFileSync(jsonPath, JSON.stringify(output, null, 2) + '\n');
log(`\n${summaryTable(output)}\n\nwrote ${jsonPath}`);
if (writeDocs && only === undefined) {
  if (!quick) appendFileSync(HISTORY, JSON.stringify(historyEntry(output)) + '\n');
  output.history = readHistory();
  writeFileSync(join(REPO_ROOT, 'docs', 'benchmarks.md'), markdown(output) + '\n');
  log('wrote docs/benchmarks.md');
} else {
  // A partial or quick run does not replace the published figures.
  const preview = join(cacheDir, quick ? 'benchmarks-quick.md' : 'benchmarks-partial.md');
  writeFileSync(preview, markdown(output) + '\n');
  log(`wrote ${preview} (docs/benchmarks.md is only regenerated by a full run of every benchmark)`);
}
