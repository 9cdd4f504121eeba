// Process measurement for the benchmarks: wall time from spawn to exit, and peak RSS (VmHWM)
// read from /proc/<pid>/status while the process runs. process.resourceUsage().maxRSS of a child
// would include the parent's memory at fork time on Linux, so it is not used.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { runAction, type RunOptions as ActionRunOptions, type StepResult } from '../../test/harness/runner.js';

export interface Measured {
  ms: number;
  /** Peak resident set size in bytes (VmHWM), 0 when it could not be read. */
  peakRss: number;
}

export interface ProcResult extends Measured {
  code: number | null;
  stdout: string;
  stderr: string;
}

const POLL_MS = 5;

/** Polls VmHWM of pid until stopped; returns the highest value seen (bytes). */
export function watchRss(pid: number): () => number {
  let peak = 0;
  const read = (): void => {
    try {
      const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) peak = Math.max(peak, Number(m[1]) * 1024);
    } catch {
      // Gone (or a zombie without an mm): keep the last value.
    }
  };
  read();
  const timer = setInterval(read, POLL_MS);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

export interface SpawnOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs?: number;
}

/** Runs a program (no shell), timing it and sampling its peak RSS. */
export function runMeasured(cmd: string, args: readonly string[], opts: SpawnOptions = {}): Promise<ProcResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { env: opts.env ?? process.env, cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid === undefined) {
      child.once('error', reject);
      return;
    }
    const stopRss = watchRss(child.pid);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 300_000);
    child.once('error', (e) => {
      clearTimeout(timer);
      stopRss();
      reject(e);
    });
    child.once('close', (code) => {
      const ms = performance.now() - started;
      clearTimeout(timer);
      resolve({
        code,
        ms,
        peakRss: stopRss(),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

/** runMeasured that throws (with the program's output) unless it exited 0. */
export async function runMeasuredOk(
  cmd: string,
  args: readonly string[],
  opts: SpawnOptions = {},
): Promise<ProcResult> {
  const r = await runMeasured(cmd, args, opts);
  if (r.code !== 0)
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.code}\n${r.stderr.slice(-4000)}${r.stdout.slice(-2000)}`);
  return r;
}

export interface ActionMeasured extends Measured {
  step: StepResult;
}

/**
 * One of our actions, started as the GitHub runner starts it (test/harness/runner.ts: node
 * dist/<name>/index.js with INPUT_*, GITHUB_OUTPUT, …); the main step's time and peak RSS.
 */
export async function measureAction(name: string, opts: Omit<ActionRunOptions, 'onSpawn'>): Promise<ActionMeasured> {
  let stopRss: (() => number) | undefined;
  const run = await runAction(name, {
    ...opts,
    post: false,
    onSpawn: (pid, phase) => {
      if (phase === 'main' && pid > 0) stopRss = watchRss(pid);
    },
  });
  const peakRss = stopRss?.() ?? 0;
  const step = run.main;
  if (step.code !== 0) {
    throw new Error(`${name} failed (exit ${step.code}):\n${step.stdout.slice(-4000)}\n${step.stderr.slice(-2000)}`);
  }
  return { ms: step.durationMs, peakRss, step };
}

/** Wall time of a sequence of steps (for peer pipelines of several commands). */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}
