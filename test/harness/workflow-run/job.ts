// One job, as a hosted runner runs it: services up, steps in order (a failed step turns the job's
// status to failure: later steps run only under failure()/always()), post steps of the actions
// that ran in reverse order, outputs rendered from the steps, services down.
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { condition, interpolate, type Contexts, type Status } from './expressions.js';
import { githubEnv, oidcEnv, type GitHubStandIn } from './github.js';
import { servicesContext, startServices, stopServices } from './services.js';
import { runStepScript, runUses, type PostStep } from './uses.js';

const SHIMS = join(dirname(fileURLToPath(import.meta.url)), 'bin');
const STEP_TIMEOUT_MS = 5 * 60_000;

/** Shared by every job of a run, and by the workflows it calls. */
export interface RunContext {
  dir: string;
  /** The repository actions/checkout stands for. */
  source: string;
  artifacts: string;
  containers: string;
  gh: GitHubStandIn;
  /** Files every checkout of the repository gets (a fork's committed cosign.pub). */
  extraFiles: Record<string, string>;
  masks: Set<string>;
  log: string[];
  /** Called with each service's storage before it stops (the tests read the registry afterwards). */
  onServiceStop?: (job: string, service: string, dataDir: string) => void;
}

export interface RawStep {
  id?: string;
  name?: string;
  if?: string | boolean;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  'continue-on-error'?: boolean;
  'working-directory'?: string;
  'timeout-minutes'?: number;
}

export interface RawJob {
  'runs-on'?: unknown;
  permissions?: Record<string, string> | string;
  env?: Record<string, unknown>;
  services?: Record<string, { image?: string; ports?: Array<string | number> }>;
  outputs?: Record<string, string>;
  steps?: RawStep[];
  'timeout-minutes'?: number;
}

export interface JobSpec {
  /** The job id, with the matrix values for a matrix leg (`build (amd64)`). */
  label: string;
  id: string;
  raw: RawJob;
  /** Contexts fixed for the whole job: github, needs, inputs, secrets, vars, strategy, matrix. */
  contexts: Contexts;
  /** The workflow-level `env:` and `permissions:` (raw). */
  workflowEnv: Record<string, unknown>;
  workflowPermissions: Record<string, string> | string | undefined;
  /** The file the job is defined in, repository-relative (the OIDC job_workflow_ref). */
  workflowPath: string;
  /** The calling job's permissions: a called workflow's jobs get no more (undefined: top level). */
  ceiling?: RawJob['permissions'];
}

export interface StepRecord {
  name: string;
  id: string;
  outcome: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
}

export interface JobResult {
  label: string;
  result: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
  steps: StepRecord[];
  /** A job that calls a reusable workflow: that workflow's jobs. */
  called?: Record<string, JobResult>;
}

const idTokenWrite = (p: RawJob['permissions'] | undefined): boolean =>
  p === 'write-all' || (typeof p === 'object' && p['id-token'] === 'write');

export async function runJob(run: RunContext, spec: JobSpec): Promise<JobResult> {
  const jobDir = mkdtempSync(join(run.dir, `job-${spec.id}-`));
  const workspace = join(jobDir, 'work');
  const temp = join(jobDir, 'temp');
  const toolDir = join(jobDir, 'tools');
  for (const d of [workspace, temp, toolDir]) mkdirSync(d);
  const log = (line: string): void => void run.log.push(mask(run, `[${spec.label}] ${line}`));
  const timeoutMs = Math.min(STEP_TIMEOUT_MS, (spec.raw['timeout-minutes'] ?? 360) * 60_000);

  const services = await startServices(spec.raw.services, run.containers);
  const paths: string[] = [];
  const exported: Record<string, string> = {};
  const steps: Record<string, { outcome: string; conclusion: string; outputs: Record<string, string> }> = {};
  const records: StepRecord[] = [];
  const posts: PostStep[] = [];
  let status: Status = 'success';
  const permissions = spec.raw.permissions ?? spec.workflowPermissions;
  const oidc =
    idTokenWrite(permissions) && (spec.ceiling === undefined || idTokenWrite(spec.ceiling))
      ? oidcEnv(run.gh, spec.workflowPath, spec.contexts.github as Record<string, unknown>)
      : {};

  const base = (): Contexts => ({
    ...spec.contexts,
    job: { status, services: servicesContext(services) },
    steps,
    runner: runnerContext(temp, workspace),
  });
  const jobEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(spec.workflowEnv)) jobEnv[k] = interpolate(v, { ...base(), env: jobEnv });
  for (const [k, v] of Object.entries(spec.raw.env ?? {})) jobEnv[k] = interpolate(v, { ...base(), env: jobEnv });
  const processEnv = (env: Record<string, string>): Record<string, string> => ({
    PATH: [...paths.slice().reverse(), SHIMS, process.env.PATH ?? '/usr/bin:/bin'].join(':'),
    HOME: process.env.HOME ?? '/root',
    LANG: 'C.UTF-8',
    ...githubEnv(spec.contexts.github as Record<string, unknown>),
    RUNNER_TEMP: temp,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TOOL_CACHE: toolDir,
    GITHUB_WORKSPACE: workspace,
    WFRUN_CONTAINERS: run.containers,
    ...oidc,
    ...env,
  });

  try {
    for (const [i, step] of (spec.raw.steps ?? []).entries()) {
      const id = step.id ?? `__step${i + 1}`;
      const name = step.name ?? (step.uses ? `Run ${step.uses}` : `Run ${String(step.run).split('\n')[0]}`);
      const ctxNoStepEnv: Contexts = { ...base(), env: { ...jobEnv, ...exported } };
      if (!condition(step.if, ctxNoStepEnv, status)) {
        steps[id] = { outcome: 'skipped', conclusion: 'skipped', outputs: {} };
        records.push({ name, id, outcome: 'skipped', outputs: {} });
        log(`skip: ${name}`);
        continue;
      }
      const stepEnv: Record<string, string> = { ...jobEnv, ...exported };
      for (const [k, v] of Object.entries(step.env ?? {}))
        stepEnv[k] = interpolate(v, { ...ctxNoStepEnv, env: stepEnv });
      const ctx: Contexts = { ...ctxNoStepEnv, env: stepEnv };
      log(`run: ${name}`);
      let ok = false;
      let outputs: Record<string, string> = {};
      try {
        const r =
          step.run !== undefined
            ? await runStepScript(step, ctx, processEnv(stepEnv), workspace, temp, timeoutMs)
            : await runUses(run, step, ctx, processEnv(stepEnv), {
                workspace,
                temp,
                toolDir,
                paths,
                timeoutMs,
                posts,
                name,
              });
        for (const m of r.masks) if (m !== '') run.masks.add(m);
        log(r.output);
        Object.assign(exported, r.exported);
        paths.push(...r.pathAdded);
        outputs = r.outputs;
        ok = r.code === 0;
        if (!ok) log(`step failed: ${name} (exit ${r.code})`);
      } catch (e) {
        log(`step failed: ${name}: ${(e as Error).message}`);
      }
      const outcome = ok ? 'success' : 'failure';
      const conclusion = ok || step['continue-on-error'] === true ? 'success' : 'failure';
      steps[id] = { outcome, conclusion, outputs };
      records.push({ name, id, outcome, outputs });
      if (conclusion === 'failure') status = 'failure';
    }
    for (const post of posts.reverse()) {
      if (!condition(post.postIf, { ...base(), env: { ...jobEnv, ...exported } }, status)) continue;
      log(`post: ${post.name}`);
      const r = await post.run();
      log(r.stdout + r.stderr);
      if (r.code !== 0) {
        log(`post step failed: ${post.name} (exit ${r.code})`);
        status = 'failure';
      }
    }
  } finally {
    for (const s of services) run.onServiceStop?.(spec.label, s.name, s.registry.dataDir);
    await stopServices(services);
  }
  const outputs: Record<string, string> = {};
  const final: Contexts = { ...base(), env: jobEnv };
  for (const [k, v] of Object.entries(spec.raw.outputs ?? {})) outputs[k] = interpolate(v, final, status);
  log(`job ${status === 'success' ? 'succeeded' : 'failed'}`);
  return { label: spec.label, result: status === 'success' ? 'success' : 'failure', outputs, steps: records };
}

function runnerContext(temp: string, workspace: string): Record<string, string> {
  return { os: 'Linux', arch: 'X64', name: 'bydigest-harness', temp, tool_cache: join(temp, '..', 'tools'), workspace };
}

export function mask(run: RunContext, text: string): string {
  let out = text;
  for (const m of run.masks) if (m.length >= 4) out = out.split(m).join('***');
  return out;
}

export function keepStorage(dest: string): (job: string, service: string, dataDir: string) => void {
  return (job, service, dataDir) => cpSync(dataDir, join(dest, `${job}-${service}`), { recursive: true });
}
