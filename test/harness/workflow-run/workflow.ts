// A workflow file run job by job: GitHub's parser (@actions/workflow-parser) validates it and gives
// the jobs, their `needs` and `if:`; the values its model leaves out (`with:`, `env:`, `run:`,
// outputs, services, matrix) are read from the same YAML. Jobs run one at a time in `needs` order;
// a job whose `if:` is false, or whose needs did not all succeed under the default `success()`,
// is skipped, and so are the jobs that need it, as on GitHub.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parse as parseYaml } from 'yaml';
import { condition, interpolate, interpolateDeep, type Contexts } from './expressions.js';
import { githubContext, type WorkflowIdentity } from './github.js';
import { runJob, type JobResult, type RawJob, type RunContext } from './job.js';
import { matrixLegs } from './matrix.js';

export interface CallInput {
  inputs: Record<string, unknown>;
  secrets: Record<string, string>;
}

export interface WorkflowResult {
  conclusion: 'success' | 'failure';
  jobs: Record<string, JobResult>;
  /** A called workflow's `on.workflow_call.outputs`, rendered. */
  outputs: Record<string, string>;
}

interface RawWorkflow {
  name?: string;
  on?:
    | {
        workflow_call?: {
          inputs?: Record<string, { default?: unknown; required?: boolean; type?: string }>;
          secrets?: Record<string, { required?: boolean }>;
          outputs?: Record<string, { value: string }>;
        };
      }
    | string
    | string[];
  env?: Record<string, unknown>;
  permissions?: Record<string, string> | string;
  jobs: Record<
    string,
    RawJob & {
      uses?: string;
      with?: Record<string, unknown>;
      secrets?: Record<string, string> | 'inherit';
      strategy?: { matrix?: unknown };
    }
  >;
}

export async function parseChecked(file: string, content: string) {
  const parsed = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (parsed.value === undefined || errors.length > 0)
    throw new Error(`${file}: ${errors.join('; ') || 'does not parse'}`);
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  if (template.errors?.length) throw new Error(`${file}: ${template.errors.map((e) => e.Message).join('; ')}`);
  return template;
}

/**
 * Runs `file` (absolute, inside run.source) as the event `caller.event`; `call` carries the inputs
 * and secrets of a `workflow_call`.
 */
export async function runWorkflowFile(
  run: RunContext,
  file: string,
  caller: WorkflowIdentity | undefined,
  call: CallInput | undefined,
  secrets: Record<string, string>,
  ceiling?: RawJob['permissions'],
): Promise<WorkflowResult> {
  const content = readFileSync(file, 'utf8');
  const path = relative(run.source, file);
  const template = await parseChecked(path, content);
  const raw = parseYaml(content) as RawWorkflow;
  const self: WorkflowIdentity = caller ?? { path, name: raw.name ?? path, event: 'push' };
  const inputs = call ? callInputs(path, raw, call) : {};
  const results: Record<string, JobResult> = {};
  const pending = [...template.jobs];
  while (pending.length > 0) {
    const next = pending.findIndex((j) => (j.needs ?? []).every((n) => results[n.value] !== undefined));
    if (next < 0) throw new Error(`${path}: jobs ${pending.map((j) => j.id.value).join(', ')} wait on each other`);
    const job = pending.splice(next, 1)[0]!;
    const id = job.id.value;
    const needs = Object.fromEntries(
      (job.needs ?? []).map((n) => [n.value, { result: results[n.value]!.result, outputs: results[n.value]!.outputs }]),
    );
    const upstream = ancestors(template.jobs, id).map((a) => results[a]!.result);
    const status = upstream.includes('failure')
      ? 'failure'
      : upstream.every((r) => r === 'success')
        ? 'success'
        : 'skipped';
    const contexts: Contexts = {
      github: githubContext(run.gh, self, id),
      needs,
      inputs,
      secrets,
      vars: {},
      strategy: {},
      matrix: {},
    };
    if (!condition(job.if?.expression ?? 'success()', contexts, status)) {
      run.log.push(`[${id}] skipped (if: ${job.if?.expression ?? 'success()'})`);
      results[id] = { label: id, result: 'skipped', outputs: {}, steps: [] };
      continue;
    }
    const rawJob = raw.jobs[id]!;
    const legs = matrixLegs(interpolateDeep(rawJob.strategy?.matrix, contexts));
    let combined: JobResult | undefined;
    for (const matrix of legs) {
      const label = Object.keys(matrix).length ? `${id} (${Object.values(matrix).map(String).join(', ')})` : id;
      const legContexts = { ...contexts, matrix, strategy: { 'fail-fast': true, 'job-total': legs.length } };
      const r =
        rawJob.uses !== undefined
          ? await callWorkflow(run, label, rawJob, legContexts, secrets, self, rawJob.permissions ?? raw.permissions)
          : await runJob(run, {
              label,
              id,
              raw: rawJob,
              contexts: legContexts,
              workflowEnv: raw.env ?? {},
              workflowPermissions: raw.permissions,
              workflowPath: path,
              ...(ceiling === undefined ? {} : { ceiling }),
            });
      results[label] = r;
      // One result for `needs`: failure if any leg failed; the outputs of the last leg, as GitHub's "last one wins".
      combined = {
        label: id,
        result: combined?.result === 'failure' ? 'failure' : r.result,
        outputs: { ...combined?.outputs, ...r.outputs },
        steps: r.steps,
      };
    }
    results[id] = combined!;
  }
  const ids = template.jobs.map((j) => j.id.value);
  const conclusion = ids.some((i) => results[i]!.result === 'failure') ? 'failure' : 'success';
  const outputs: Record<string, string> = {};
  if (call && typeof raw.on === 'object' && !Array.isArray(raw.on)) {
    const jobs = Object.fromEntries(ids.map((i) => [i, { result: results[i]!.result, outputs: results[i]!.outputs }]));
    for (const [k, o] of Object.entries(raw.on.workflow_call?.outputs ?? {}))
      outputs[k] = interpolate(o.value, { github: githubContext(run.gh, self, ''), jobs, inputs, vars: {} });
  }
  return { conclusion, jobs: results, outputs };
}

function ancestors(jobs: Array<{ id: { value: string }; needs?: Array<{ value: string }> }>, id: string): string[] {
  const byId = new Map(jobs.map((j) => [j.id.value, (j.needs ?? []).map((n) => n.value)]));
  const seen = new Set<string>();
  const visit = (j: string): void => {
    for (const n of byId.get(j) ?? []) {
      if (seen.has(n)) continue;
      seen.add(n);
      visit(n);
    }
  };
  visit(id);
  return [...seen];
}

/** `uses: ./.github/workflows/x.yml`: resolved in the caller's checkout, as GitHub does for a local path. */
async function callWorkflow(
  run: RunContext,
  id: string,
  job: RawWorkflow['jobs'][string],
  contexts: Contexts,
  secrets: Record<string, string>,
  caller: WorkflowIdentity,
  permissions: RawJob['permissions'],
): Promise<JobResult> {
  const uses = String(job.uses);
  if (!uses.startsWith('./')) throw new Error(`jobs.${id}: the harness calls local reusable workflows only (${uses})`);
  const given = interpolateDeep(job.with ?? {}, contexts) as Record<string, unknown>;
  const passed =
    job.secrets === 'inherit'
      ? secrets
      : Object.fromEntries(Object.entries(job.secrets ?? {}).map(([k, v]) => [k, interpolate(v, contexts)]));
  run.log.push(`[${id}] calls ${uses}`);
  for (const v of Object.values(passed)) if (v !== '') run.masks.add(v);
  const r = await runWorkflowFile(
    run,
    resolve(run.source, uses),
    caller,
    { inputs: given, secrets: passed },
    passed,
    permissions,
  );
  for (const [k, v] of Object.entries(r.jobs)) run.log.push(`[${id}] ${k}: ${v.result}`);
  return { label: id, result: r.conclusion, outputs: r.outputs, steps: [], called: r.jobs };
}

/** The `inputs` context of a call: declared inputs only, defaults filled, types as declared. */
function callInputs(path: string, raw: RawWorkflow, call: CallInput): Record<string, unknown> {
  const on = typeof raw.on === 'object' && !Array.isArray(raw.on) ? raw.on.workflow_call : undefined;
  if (!on) throw new Error(`${path} is called but has no on.workflow_call`);
  const declared = on.inputs ?? {};
  for (const k of Object.keys(call.inputs))
    if (!(k in declared)) throw new Error(`${path}: input '${k}' is not defined in on.workflow_call.inputs`);
  for (const k of Object.keys(call.secrets))
    if (!(k in (on.secrets ?? {})))
      throw new Error(`${path}: secret '${k}' is not defined in on.workflow_call.secrets`);
  for (const [k, s] of Object.entries(on.secrets ?? {}))
    if (s.required && !call.secrets[k]) throw new Error(`${path}: required secret '${k}' not passed`);
  const out: Record<string, unknown> = {};
  for (const [k, spec] of Object.entries(declared)) {
    const given = call.inputs[k];
    const v = given === null || given === undefined ? spec.default : given;
    if (v === undefined && spec.required) throw new Error(`${path}: required input '${k}' not passed`);
    out[k] =
      spec.type === 'boolean'
        ? v === true || v === 'true'
        : spec.type === 'number' && v !== undefined
          ? Number(v)
          : (v ?? (spec.type === 'boolean' ? false : ''));
  }
  return out;
}
