import { expect } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFaultProxy, type Fault, type FaultProxy } from '../../harness/fault-proxy.js';
import { REPO_ROOT, type StepResult } from '../../harness/runner.js';
import {
  DEFAULT_REQUESTS_PER_RUN,
  HTTP_TIMEOUT_MS,
  RETRY_AFTER_SECONDS,
  runTimeLimitMs,
  type RunBudget,
} from './time-limit.js';

export { HTTP_TIMEOUT_MS } from './time-limit.js';

/**
 * The reliability campaign: an action run many times through the runner emulation, behind a
 * fault-injecting proxy in front of a real registry, with the registry's state checked after
 * every run. Runs go in `lanes` parallel lanes (each lane has its own proxy and its own images,
 * so a lane's before/after snapshots are exact); within a lane runs are sequential, so the
 * proxy's counters around a run are that run's requests.
 */

/** BYDIGEST_STRESS=1 multiplies the run counts by 5; BYDIGEST_STRESS=N (N ≥ 2) by N. */
export const STRESS_FACTOR = (() => {
  const v = Number(process.env.BYDIGEST_STRESS ?? 0);
  if (!Number.isFinite(v) || v <= 0) return 1;
  return v === 1 ? 5 : Math.floor(v);
})();

export const RUNS = Math.max(1, Number(process.env.BYDIGEST_RELIABILITY_RUNS ?? 200)) * STRESS_FACTOR;
export const FAULT_RATE = Number(process.env.BYDIGEST_FAULT_RATE ?? 0.2);
export const LANES = Math.max(1, Number(process.env.BYDIGEST_RELIABILITY_LANES ?? 16));
/** Peers (cosign, oras, crane) judge every Nth run and every failed one. */
export const PEER_EVERY = 10;
/** Wall-clock cap of one campaign: a lane starts no run after it. */
export const CAMPAIGN_DEADLINE_MS = Number(
  process.env.BYDIGEST_RELIABILITY_DEADLINE_MS ?? Math.max(300_000, RUNS * 3000),
);
/** Fault-free runs before the campaign, for each shape's request count. */
export const BASELINE_RUNS = 10;
/**
 * jest timeout for a campaign test: setup, the baseline rounds (one run limit each), the
 * deadline, then the runs still in flight at the deadline (one more run limit). Run limits come
 * from the action's retry budget (time-limit.ts).
 */
export function campaignTestTimeoutMs(budget: Partial<RunBudget> = {}): number {
  const baselineRounds = Math.ceil(BASELINE_RUNS / LANES);
  return 180_000 + (baselineRounds + 1) * runTimeLimitMs(3, runBudget(budget)) + CAMPAIGN_DEADLINE_MS;
}

function runBudget(b: Partial<RunBudget>): RunBudget {
  return { requests: b.requests ?? DEFAULT_REQUESTS_PER_RUN, settles: b.settles ?? 0 };
}

export interface RunContext {
  /** Run number (0-based), unique within the campaign; baseline runs have their own range. */
  i: number;
  /** A name for this run's tags and files: r<i>, or b<i> for baseline runs. */
  name: string;
  lane: number;
  baseline: boolean;
  /** host:port of this lane's proxy: put it in every reference the action gets. */
  host: string;
  proxy: FaultProxy;
  /** The `retries` input for this run: 3 (the default) on most, 1 on every fourth run. */
  retries: number;
  /** Whether this run is in the peer sample (a failed run is judged by peers regardless). */
  peerSample: boolean;
  /** Environment every action run gets (BYDIGEST_HTTP_TIMEOUT_MS). */
  env: Record<string, string>;
  /** The harness's kill timer for this run (runAction's timeoutMs), from the retry budget. */
  timeLimitMs: number;
}

export interface RunVerdict {
  ok: boolean;
  /** Invariants broken by this run; must stay empty. */
  violations: string[];
  /** Runs of one shape make the same requests when nothing fails (for the retry estimate). */
  shape: string;
  /** Peers consulted for this run. */
  peers?: string[];
  /** Action-specific tallies (e.g. "already-signed"), summed into the report. */
  notes?: string[];
  /** First error line of a failed run, for the report's sample of failure messages. */
  error?: string;
  /** Faults injected by `one` itself (not the proxy), e.g. a kill. */
  injected?: string[];
}

export interface RunRecord extends RunVerdict {
  i: number;
  lane: number;
  retriesInput: number;
  requests: number;
  writes: number;
  faults: (Fault | string)[];
  ms: number;
}

export interface CampaignOptions {
  action: string;
  /** The registry behind the proxies (reg.url). */
  target: string;
  runs?: number;
  lanes?: number;
  faultRate?: number;
  seed?: number;
  faults?: Fault[];
  /** Fault-free runs first, to learn each shape's request count. Default 10 (0 = no proxy). */
  baselineRuns?: number;
  /** Per-lane setup (images, keys) before any run. */
  setupLane?: (lane: number, host: string) => Promise<void>;
  one: (ctx: RunContext) => Promise<RunVerdict>;
  /** Extra figures for the report. */
  extra?: () => Record<string, unknown>;
  /** How the fault is injected, for the report (default: the proxy). */
  faultModel?: string;
  /** No registry and no proxy (wipe-secrets: its fault is a kill, injected by `one`). */
  noProxy?: boolean;
  /**
   * What one run may legitimately spend (time-limit.ts): its requests (default 40; the baseline
   * must stay within it, or the campaign fails) and its read-modify-write settles (default 0).
   */
  budget?: Partial<RunBudget>;
}

export interface CampaignReport {
  action: string;
  date: string;
  command: string;
  node: string;
  /** The commit the campaign ran on, and whether the tree had uncommitted changes. */
  tree: string;
  stressFactor: number;
  runs: number;
  runsPlanned: number;
  lanes: number;
  faultRate: number;
  faultModel: string;
  seed: number;
  httpTimeoutMs: number;
  /** The per-run kill timer by `retries` input, and the budget it came from. */
  runTimeLimitMs: Record<string, number>;
  budget: RunBudget;
  faultsInjected: number;
  faultsByKind: Record<string, number>;
  successes: number;
  failures: number;
  successRate: number;
  byRetriesInput: Record<string, { runs: number; successes: number; successRate: number }>;
  violations: number;
  violationSamples: { i: number; lane: number; violations: string[] }[];
  retries: { median: number; p90: number; max: number; mean: number; method: string };
  faultsPerRun: { median: number; max: number };
  baselineRequests: Record<string, number>;
  peerChecks: number;
  peersUsed: Record<string, number>;
  notes: Record<string, number>;
  failureSamples: string[];
  runMs: { median: number; p90: number; max: number };
  wallMs: number;
  /** CPU spent during the runs: this process (checks, proxies) and reaped children (actions, peers). */
  cpuMs: { testProcess: number; children: number };
  extra: Record<string, unknown>;
}

/** CPU ms of this process and of its reaped children (actions, peers, the registry), from /proc. */
function cpuMs(): { self: number; children: number } {
  const f = readFileSync('/proc/self/stat', 'utf8');
  const v = f
    .slice(f.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  // fields 14-17 (utime stime cutime cstime), counted from 1 with pid; after ") " they start at index 11
  const tick = 10;
  return { self: ((v[11] ?? 0) + (v[12] ?? 0)) * tick, children: ((v[13] ?? 0) + (v[14] ?? 0)) * tick };
}

export function median(xs: number[]): number {
  return quantile(xs, 0.5);
}

export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
}

function tally(items: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of items) out[k] = (out[k] ?? 0) + 1;
  return out;
}

/** Runs the campaign, writes .cache/reliability/<action>.json and returns the report. */
export async function runCampaign(opts: CampaignOptions): Promise<{ report: CampaignReport; records: RunRecord[] }> {
  const runs = opts.runs ?? RUNS;
  const lanes = Math.min(opts.lanes ?? LANES, runs);
  const faultRate = opts.faultRate ?? FAULT_RATE;
  const seed = opts.seed ?? Number(process.env.BYDIGEST_RELIABILITY_SEED ?? 20261126);
  const useProxy = !opts.noProxy;
  const budget = runBudget(opts.budget ?? {});
  const proxies: FaultProxy[] = [];
  try {
    for (let lane = 0; lane < lanes; lane++) {
      if (!useProxy) break;
      proxies.push(
        await startFaultProxy({
          target: opts.target,
          faultRate: 0,
          seed: seed + lane * 7919,
          stallMs: HTTP_TIMEOUT_MS * 2,
          retryAfterSeconds: RETRY_AFTER_SECONDS,
          ...(opts.faults ? { faults: opts.faults } : {}),
        }),
      );
    }
    const hostOf = (lane: number) => proxies[lane]?.host ?? '';
    await Promise.all(Array.from({ length: lanes }, (_, lane) => opts.setupLane?.(lane, hostOf(lane))));

    const env = { BYDIGEST_HTTP_TIMEOUT_MS: String(HTTP_TIMEOUT_MS) };
    const execute = async (lane: number, i: number, baseline: boolean): Promise<RunRecord> => {
      const proxy = proxies[lane] as FaultProxy;
      const retries = !baseline && i % 4 === 3 ? 1 : 3;
      const before = { total: proxy?.total() ?? 0, writes: proxy?.writes() ?? 0, faults: proxy?.faults().length ?? 0 };
      const t0 = Date.now();
      let verdict: RunVerdict;
      try {
        verdict = await opts.one({
          i,
          name: baseline ? `b${i}` : `r${i}`,
          lane,
          baseline,
          host: hostOf(lane),
          proxy,
          retries,
          peerSample: baseline || i % PEER_EVERY === 0,
          env,
          timeLimitMs: runTimeLimitMs(retries, budget),
        });
      } catch (e) {
        verdict = {
          ok: false,
          violations: [`harness error: ${(e as Error).stack ?? String(e)}`],
          shape: 'harness-error',
        };
      }
      return {
        ...verdict,
        i,
        lane,
        retriesInput: retries,
        requests: (proxy?.total() ?? 0) - before.total,
        writes: (proxy?.writes() ?? 0) - before.writes,
        faults: [...(proxy?.faults() ?? []).slice(before.faults).map((f) => f.fault), ...(verdict.injected ?? [])],
        ms: Date.now() - t0,
      };
    };

    // Baseline: fault-free runs of every shape, for the request count a run needs.
    const baselineRecords: RunRecord[] = [];
    const baselineRuns = useProxy ? (opts.baselineRuns ?? BASELINE_RUNS) : 0;
    let nextBaseline = 0;
    await Promise.all(
      Array.from({ length: lanes }, async (_, lane) => {
        for (let b = nextBaseline++; b < baselineRuns; b = nextBaseline++)
          baselineRecords.push(await execute(lane, b, true));
      }),
    );
    const baselineRequests: Record<string, number> = {};
    for (const shape of new Set(baselineRecords.map((r) => r.shape))) {
      // Fault-free, so a failed baseline run (a rejection that is the right verdict) counts too.
      baselineRequests[shape] = median(baselineRecords.filter((r) => r.shape === shape).map((r) => r.requests));
    }
    // The run limit assumes no fault-free run makes more requests than the budget says.
    const heaviest = Math.max(0, ...baselineRecords.map((r) => r.requests));
    if (heaviest > budget.requests) {
      throw new Error(
        `${opts.action}: a fault-free run made ${heaviest} requests, more than the campaign's budget of ${budget.requests}: raise budget.requests so the run time limit covers it`,
      );
    }

    for (const p of proxies) p.setFaultRate(faultRate);
    const t0 = Date.now();
    const cpu0 = cpuMs();
    const deadline = t0 + CAMPAIGN_DEADLINE_MS;
    const records: RunRecord[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: lanes }, async (_, lane) => {
        for (let i = next++; i < runs && Date.now() < deadline; i = next++) records.push(await execute(lane, i, false));
      }),
    );
    const wallMs = Date.now() - t0;
    const cpu1 = cpuMs();
    for (const p of proxies) p.setFaultRate(0);

    const fallbackBaseline = median(Object.values(baselineRequests));
    const retriesOf = (r: RunRecord) => Math.max(0, r.requests - (baselineRequests[r.shape] ?? fallbackBaseline));
    const retries = records.map(retriesOf);
    const all = [...baselineRecords, ...records];
    const violators = all.filter((r) => r.violations.length > 0);
    const successes = records.filter((r) => r.ok).length;
    const byRetriesInput: CampaignReport['byRetriesInput'] = {};
    for (const n of new Set(records.map((r) => r.retriesInput))) {
      const rs = records.filter((r) => r.retriesInput === n);
      const ok = rs.filter((r) => r.ok).length;
      byRetriesInput[String(n)] = { runs: rs.length, successes: ok, successRate: rs.length ? ok / rs.length : 0 };
    }
    const report: CampaignReport = {
      action: opts.action,
      date: new Date().toISOString(),
      command:
        process.env.BYDIGEST_RELIABILITY_COMMAND ??
        (process.env.BYDIGEST_STRESS
          ? `BYDIGEST_STRESS=${process.env.BYDIGEST_STRESS} pnpm test -- test/reliability`
          : 'pnpm test -- test/reliability'),
      node: process.version,
      tree: treeState(),
      stressFactor: STRESS_FACTOR,
      runs: records.length,
      runsPlanned: runs,
      lanes,
      faultRate,
      faultModel:
        opts.faultModel ??
        'proxy: 429 (with and without Retry-After), 500/502/503, reset before/after the request body, stall, truncated body',
      seed,
      httpTimeoutMs: HTTP_TIMEOUT_MS,
      runTimeLimitMs: Object.fromEntries([3, 1].map((n) => [`retries ${n}`, runTimeLimitMs(n, budget)])),
      budget,
      faultsInjected: records.reduce((a, r) => a + r.faults.length, 0),
      faultsByKind: tally(records.flatMap((r) => r.faults)),
      successes,
      failures: records.length - successes,
      successRate: records.length ? successes / records.length : 0,
      byRetriesInput,
      violations: violators.reduce((a, r) => a + r.violations.length, 0),
      violationSamples: violators
        .slice(0, 20)
        .map((r) => ({ i: r.i, lane: r.lane, violations: r.violations.map((v) => v.slice(0, 2000)) })),
      retries: {
        median: median(retries),
        p90: quantile(retries, 0.9),
        max: Math.max(0, ...retries),
        mean: retries.length ? Number((retries.reduce((a, b) => a + b, 0) / retries.length).toFixed(2)) : 0,
        method: 'requests seen by the proxy minus the median of fault-free runs of the same shape',
      },
      faultsPerRun: {
        median: median(records.map((r) => r.faults.length)),
        max: Math.max(0, ...records.map((r) => r.faults.length)),
      },
      baselineRequests,
      peerChecks: records.filter((r) => (r.peers ?? []).length > 0).length,
      peersUsed: tally(records.flatMap((r) => r.peers ?? [])),
      notes: tally(records.flatMap((r) => r.notes ?? [])),
      failureSamples: [
        ...new Set(
          records
            .filter((r) => !r.ok && r.error)
            .map((r) =>
              (r.error as string)
                .replace(/127\.0\.0\.1:\d+/g, 'HOST')
                .replace(/sha256[:-][a-f0-9]{64}/g, 'sha256:…')
                .slice(0, 240),
            ),
        ),
      ].slice(0, 12),
      runMs: {
        median: median(records.map((r) => r.ms)),
        p90: quantile(
          records.map((r) => r.ms),
          0.9,
        ),
        max: Math.max(0, ...records.map((r) => r.ms)),
      },
      wallMs,
      cpuMs: { testProcess: cpu1.self - cpu0.self, children: cpu1.children - cpu0.children },
      extra: opts.extra?.() ?? {},
    };
    writeReport(opts.action, report);
    return { report, records: all };
  } finally {
    for (const p of proxies) await p.stop();
  }
}

function treeState(): string {
  try {
    const git = (args: string[]) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    return `${git(['rev-parse', '--short', 'HEAD'])}${git(['status', '--porcelain', '--', 'packages', 'actions', 'dist']) ? ' with uncommitted changes' : ''}`;
  } catch {
    return 'unknown';
  }
}

export function writeReport(name: string, report: unknown): void {
  const dir = join(REPO_ROOT, '.cache', 'reliability');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
}

/** A one-line summary for the test log. */
/**
 * What every fault campaign must show: no run broke an invariant, every planned run ran, and the
 * faults were frequent enough to matter (more than `minFaultsPerRun` per run on average).
 */
export function expectCleanCampaign(report: CampaignReport, minFaultsPerRun = 0.5): void {
  expect(report.violationSamples).toEqual([]);
  expect(report.runs).toBe(report.runsPlanned);
  expect(report.faultsInjected).toBeGreaterThan(report.runs * minFaultsPerRun);
}

export function summaryLine(r: CampaignReport): string {
  return `${r.action}: ${r.runs} runs at ${Math.round(r.faultRate * 100)}% faults, ${r.faultsInjected} faults injected, ${r.successes} ok (${(r.successRate * 100).toFixed(1)}%), ${r.violations} violations, retries median ${r.retries.median} max ${r.retries.max}, ${(r.wallMs / 1000).toFixed(1)} s`;
}

/**
 * A failed step must fail cleanly: exit code 1 (not killed by the harness's timeout), at
 * least one ::error:: line saying something, no internal error and no stack trace in the log.
 */
export function failureProblems(step: StepResult, errors: string[]): string[] {
  const out: string[] = [];
  if (step.code !== 1) out.push(`failed with exit code ${step.code} (expected 1; 128 = killed by the harness timeout)`);
  if (errors.length === 0 || errors.every((e) => e.trim() === ''))
    out.push(`failed without an ::error:: message; stderr: ${step.stderr.slice(0, 300)}`);
  if (errors.some((e) => /internal error/i.test(e))) out.push(`internal error: ${errors.join(' | ').slice(0, 300)}`);
  const visible = `${step.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::debug::'))
    .join('\n')}\n${step.stderr}`;
  if (/\n\s+at .+:\d+:\d+\)?/.test(visible)) out.push(`stack trace in the log: ${visible.slice(0, 400)}`);
  return out;
}

/** Pseudo-random in [0,1) from an integer: reproducible choices per run number. */
export function unit(i: number, salt = 0): number {
  let t = (i * 2654435761 + salt * 40503) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
