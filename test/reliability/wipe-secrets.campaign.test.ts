import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../harness/runner.js';
import {
  campaignTestTimeoutMs,
  median,
  runCampaign,
  summaryLine,
  unit,
  type RunContext,
  type RunVerdict,
} from './lib/campaign.js';

// What one run may spend, for its time limit (lib/time-limit.ts). No registry: only start-up and
// the file work count.
const BUDGET = { requests: 0, settles: 0 };

// wipe-secrets has no registry: its fault is the runner's worst case, the main step killed
// (SIGKILL, as on cancellation or an OOM) at a random moment from process start to its end.
// The runner still runs the post step (post-if: always()) with whatever state main had saved.
// After post: no staged file exists and no byte of any secret is left anywhere under
// RUNNER_TEMP. Every fifth run is not killed (the normal path).

/** A secret whose every 48-byte line is unique, so any leftover fragment is findable. */
function secret(lines: number): { value: string; markers: string[] } {
  const body = Array.from({ length: lines }, () => randomBytes(36).toString('base64'));
  return { value: `-----BEGIN TEST SECRET-----\n${body.join('\n')}\n-----END TEST SECRET-----\n`, markers: body };
}

/** Is `pid` a live child of this process (never signal anything else)? */
function isOurChild(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[0] !== 'Z' && Number(fields[1]) === process.pid;
  } catch {
    return false;
  }
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = lstatSync(p);
    if (st.isDirectory()) walk(p, out);
    out.push(p);
  }
  return out;
}

/** Durations of main steps that were not killed: the kill window follows them (they grow under load). */
const undisturbed: number[] = [];
const killWindow = () => Math.round(median(undisturbed.slice(-15)));
const killedAt: number[] = [];

async function one(ctx: RunContext): Promise<RunVerdict> {
  const runnerTemp = realpathSync(mkdtempSync(join(tmpdir(), 'rel-wipe-')));
  const secrets = { SIGNING_KEY: secret(40), MOK_KEY: secret(1500), REGISTRY_TOKEN: secret(1) };
  const kill = !ctx.baseline && ctx.i % 5 !== 0;
  const delay = Math.floor(unit(ctx.i, 7) * killWindow());
  let killed = false;
  const violations: string[] = [];
  const notes: string[] = [];
  try {
    const run = await runAction('wipe-secrets', {
      inputs: { files: 'signing.key=SIGNING_KEY\nMOK.key=MOK_KEY\ntoken=REGISTRY_TOKEN' },
      env: Object.fromEntries(Object.entries(secrets).map(([k, v]) => [k, v.value])),
      runnerTemp,
      timeoutMs: ctx.timeLimitMs,
      onSpawn: (pid, phase) => {
        if (phase !== 'main' || !kill) return;
        setTimeout(() => {
          if (isOurChild(pid)) {
            process.kill(pid, 'SIGKILL');
            killed = true;
          }
        }, delay);
      },
    });
    if (killed) killedAt.push(delay);
    if (!kill) undisturbed.push(run.main.durationMs);
    const ok = run.main.code === 0;
    if (!kill && !ok) violations.push(`main failed without a fault: ${run.main.stdout.slice(0, 300)}`);
    if (!run.post) violations.push('the post step did not run');
    else if (run.post.code !== 0)
      violations.push(
        `post failed (exit ${run.post.code}): ${run.post.stdout
          .split('\n')
          .filter((l) => l.startsWith('::error'))
          .join(' ')}`,
      );
    // Nothing the main step recorded may remain.
    const recorded = [
      run.main.state.dir,
      ...(JSON.parse(run.main.state.files || '[]') as { path: string }[]).map((f) => f.path),
    ].filter((p): p is string => !!p);
    for (const p of recorded) {
      try {
        lstatSync(p);
        violations.push(`${p} still exists after post`);
      } catch {
        // gone, as it should be
      }
    }
    // No byte of a secret anywhere under RUNNER_TEMP (staged files, outputs, state, summaries).
    const markers = Object.values(secrets).flatMap((s) => s.markers);
    for (const p of walk(runnerTemp)) {
      const st = lstatSync(p);
      if (st.isDirectory()) {
        if (p.includes('wipe-secrets-')) {
          if (readdirSync(p).length > 0) violations.push(`staging directory ${p} left with contents`);
          else notes.push('empty-staging-dir-left (killed between mkdtemp and saving its path)');
        }
        continue;
      }
      const text = readFileSync(p, 'latin1');
      const found = markers.filter((m) => text.includes(m));
      if (found.length > 0) violations.push(`${found.length} secret line(s) left in ${p.slice(runnerTemp.length)}`);
    }
    // And none in what the runner shows (masks aside).
    for (const step of [run.main, ...(run.post ? [run.post] : [])]) {
      const visible = `${step.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n')}\n${step.stderr}`;
      if (markers.some((m) => visible.includes(m))) violations.push('a secret line appears in the log');
    }
    const stage = !killed
      ? 'not-killed'
      : run.main.state.files
        ? 'killed-after-planning'
        : run.main.state.dir
          ? 'killed-after-dir'
          : 'killed-before-staging';
    notes.push(stage);
    return {
      ok: run.post?.code === 0 && violations.length === 0,
      violations,
      shape: kill ? 'killed' : 'normal',
      notes,
      injected: killed ? ['SIGKILL'] : [],
    };
  } finally {
    rmSync(runnerTemp, { recursive: true, force: true });
  }
}

describe('reliability: wipe-secrets main killed at random times', () => {
  it(
    'post always wipes every staged file and leaves no secret byte under RUNNER_TEMP',
    async () => {
      // The kill window starts at how long an undisturbed main step takes, plus a fifth.
      for (let b = 0; b < 3; b++) {
        const t = realpathSync(mkdtempSync(join(tmpdir(), 'rel-wipe-')));
        const run = await runAction('wipe-secrets', {
          inputs: { files: 'k=K' },
          env: { K: secret(1500).value },
          runnerTemp: t,
          post: false,
        });
        await run.postLater?.();
        rmSync(t, { recursive: true, force: true });
        undisturbed.push(run.main.durationMs);
      }
      const { report } = await runCampaign({
        action: 'wipe-secrets',
        budget: BUDGET,
        target: '',
        noProxy: true,
        // Fewer lanes than the registry campaigns: the kill timing follows main's duration,
        // which many concurrent processes on two cores make erratic.
        lanes: 8,
        one,
        faultRate: 0.8,
        faultModel:
          'SIGKILL of the main step at a uniform time between spawn and the median duration of recent undisturbed main steps, on 4 of 5 runs',
        extra: () => ({ killWindowMs: killWindow(), kills: killedAt.length, killDelayMedianMs: median(killedAt) }),
      });
      console.log(summaryLine(report));
      expect(report.violationSamples).toEqual([]);
      expect(report.runs).toBe(report.runsPlanned);
      // A kill lands unless main finished first (its duration varies under load).
      expect(killedAt.length).toBeGreaterThan(report.runs * 0.4);
    },
    campaignTestTimeoutMs(BUDGET),
  );
});
