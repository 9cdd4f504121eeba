// The two kinds of step: a `run:` script (shell.ts), and a `uses:`: a local node24 action through
// runner.ts's runAction (its post step queued for the end of the job), or a stand-in for a
// third-party action (standins.ts).
import { join } from 'node:path';
import { readActionYaml, runAction, type StepResult } from '../runner.js';
import { asInput, interpolate, interpolateDeep, type Contexts } from './expressions.js';
import { sigstoreDefaults } from './github.js';
import type { RawStep, RunContext } from './job.js';
import { runShell } from './shell.js';
import { standInFor } from './standins.js';

export interface PostStep {
  name: string;
  postIf: string;
  run: () => Promise<StepResult>;
}

export interface StepOutcome {
  code: number;
  output: string;
  outputs: Record<string, string>;
  exported: Record<string, string>;
  pathAdded: string[];
  masks: string[];
}

export async function runStepScript(
  step: RawStep,
  ctx: Contexts,
  env: Record<string, string>,
  workspace: string,
  temp: string,
  timeoutMs: number,
): Promise<StepOutcome> {
  const script = interpolate(step.run, ctx);
  const cwd = step['working-directory'] ? join(workspace, interpolate(step['working-directory'], ctx)) : workspace;
  return runShell(script, { shell: step.shell, env, cwd, temp, timeoutMs: stepTimeout(step, timeoutMs) });
}

const stepTimeout = (step: RawStep, jobMs: number): number =>
  Math.min(jobMs, (step['timeout-minutes'] ?? 360) * 60_000);

export interface UsesPlace {
  workspace: string;
  temp: string;
  toolDir: string;
  paths: string[];
  timeoutMs: number;
  posts: PostStep[];
  name: string;
}

export async function runUses(
  run: RunContext,
  step: RawStep,
  ctx: Contexts,
  env: Record<string, string>,
  p: UsesPlace,
): Promise<StepOutcome> {
  const uses = String(step.uses);
  const given = interpolateDeep(step.with ?? {}, ctx) as Record<string, unknown>;
  // ./actions/<name>, or ./<checkout path>/actions/<name> (publish.yml's .bydigest checkout).
  const local = /^\.\/(?:([\w.-]+(?:\/[\w.-]+)*)\/)?actions\/([a-z0-9-]+)\/?$/.exec(uses);
  if (local) {
    const name = local[2] as string;
    const root = join(p.workspace, local[1] ?? '');
    const meta = readActionYaml(name, root);
    const declared = Object.keys(meta.inputs ?? {});
    const inputs: Record<string, string> = {};
    for (const k of declared)
      inputs[k] = given[k] !== undefined ? asInput(given[k]) : interpolate(meta.inputs?.[k]?.default ?? '', ctx);
    Object.assign(inputs, sigstoreDefaults(run.gh, declared, given));
    for (const k of Object.keys(given))
      if (!declared.includes(k)) throw new Error(`${uses}: input '${k}' is not declared in its action.yml`);
    const r = await runAction(name, {
      root,
      cwd: p.workspace,
      inputs,
      env,
      runnerTemp: p.temp,
      post: false,
      timeoutMs: stepTimeout(step, p.timeoutMs),
    });
    if (meta.runs.post && r.postLater) {
      const later = r.postLater;
      p.posts.push({
        name: p.name,
        postIf: meta.runs['post-if'] ?? 'always()',
        run: () => later({ env, timeoutMs: p.timeoutMs }),
      });
    }
    return {
      code: r.main.code,
      output: r.main.stdout + r.main.stderr,
      outputs: r.main.outputs,
      exported: r.main.exported,
      pathAdded: r.main.pathAdded,
      masks: r.main.masks,
    };
  }
  if (uses.startsWith('./'))
    throw new Error(`${uses}: the harness runs local actions under [path/]actions/<name> only`);
  const standIn = standInFor(uses);
  if (!standIn) throw new Error(`${uses}: no local stand-in for this action`);
  const added: string[] = [];
  const withStrings = Object.fromEntries(Object.entries(given).map(([k, v]) => [k, asInput(v)]));
  const outputs = standIn(withStrings, {
    workspace: p.workspace,
    source: run.source,
    repository: run.gh.repository,
    sha: run.gh.sha,
    extraFiles: run.extraFiles,
    artifacts: run.artifacts,
    modulesDir: join(run.dir, 'modules'),
    toolDir: p.toolDir,
    addPath: (d) => added.push(d),
  });
  return {
    code: 0,
    output: `${uses.split('@')[0]} (stand-in) done`,
    outputs,
    exported: {},
    pathAdded: added,
    masks: [],
  };
}
