// Static check of every expression of a workflow: GitHub's expression parser (syntax, context and
// function names), then each context reference against what the workflow declares: `needs.<job>`
// among the job's needs and `.outputs.<name>` among that job's outputs (or the called workflow's),
// `steps.<id>` an earlier step of the job and `.outputs.<name>` an output of its action (a run:
// step's script must write `name=` or `name<<`), `inputs`/`secrets` of a workflow_call, `jobs` in
// workflow_call outputs, `matrix` keys, `job.services` names, the `github` and `runner` keys, and
// the `with:` keys of local actions and called workflows.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ContextAccess,
  FunctionCall,
  Grouping,
  IndexAccess,
  Literal,
  Logical,
  Unary,
  Binary,
  type Expr,
} from '@actions/expressions/ast';
import { parse as parseYaml } from 'yaml';
import { EXPRESSION, parseExpression } from './expressions.js';

export interface Finding {
  where: string;
  message: string;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});

const GITHUB_KEYS = new Set([
  'action',
  'action_path',
  'action_ref',
  'action_repository',
  'action_status',
  'actor',
  'actor_id',
  'api_url',
  'base_ref',
  'env',
  'event',
  'event_name',
  'event_path',
  'graphql_url',
  'head_ref',
  'job',
  'path',
  'ref',
  'ref_name',
  'ref_protected',
  'ref_type',
  'repository',
  'repository_id',
  'repository_owner',
  'repository_owner_id',
  'repositoryurl',
  'retention_days',
  'run_id',
  'run_number',
  'run_attempt',
  'secret_source',
  'server_url',
  'sha',
  'token',
  'triggering_actor',
  'workflow',
  'workflow_ref',
  'workflow_sha',
  'workspace',
]);
const RUNNER_KEYS = new Set(['name', 'os', 'arch', 'temp', 'tool_cache', 'debug', 'environment']);
const STRATEGY_KEYS = new Set(['fail-fast', 'job-index', 'job-total', 'max-parallel']);

/** Where an expression sits: which step ids it may name, which job it belongs to. */
interface Scope {
  where: string;
  job?: string;
  /** Step ids visible here; undefined: the steps context is not available. */
  steps?: Obj[];
}

export function checkWorkflowExpressions(file: string, content: string, repoRoot: string): Finding[] {
  const wf = obj(parseYaml(content));
  const jobs = obj(wf.jobs);
  const on = obj(wf.on);
  const call = obj(on.workflow_call);
  const inputs = new Set([...Object.keys(obj(call.inputs)), ...Object.keys(obj(obj(on.workflow_dispatch).inputs))]);
  const secrets =
    Object.keys(call).length > 0 ? new Set([...Object.keys(obj(call.secrets)), 'GITHUB_TOKEN']) : undefined;
  const findings: Finding[] = [];
  const fail = (where: string, message: string): void => void findings.push({ where: `${file}: ${where}`, message });

  const outputsOf = (jobId: string): string[] | undefined => {
    const job = obj(jobs[jobId]);
    if (typeof job.uses === 'string') {
      const called = calledWorkflow(repoRoot, job.uses);
      return called ? Object.keys(obj(obj(obj(called.on).workflow_call).outputs)) : undefined;
    }
    return Object.keys(obj(job.outputs));
  };

  const checkRef = (path: string[], scope: Scope): void => {
    const [ctx, a, b, c] = path.map((p, i) => (i === 0 ? p.toLowerCase() : p));
    const job = scope.job === undefined ? {} : obj(jobs[scope.job]);
    const needs = ([] as string[]).concat((job.needs as string | string[] | undefined) ?? []);
    switch (ctx) {
      case 'needs':
        if (a === undefined) return;
        if (!needs.includes(a))
          return fail(
            scope.where,
            `needs.${a}: job '${scope.job}' does not need '${a}' (needs: ${needs.join(', ') || 'none'})`,
          );
        if (b === 'outputs' && c !== undefined && !(outputsOf(a) ?? [c]).includes(c))
          return fail(
            scope.where,
            `needs.${a}.outputs.${c}: job '${a}' has no output '${c}' (it has: ${outputsOf(a)?.join(', ')})`,
          );
        if (b !== undefined && b !== 'outputs' && b !== 'result')
          return fail(scope.where, `needs.${a}.${b}: a need has outputs and result only`);
        return;
      case 'jobs':
        if (a === undefined) return;
        if (!(a in jobs)) return fail(scope.where, `jobs.${a}: no such job`);
        if (b === 'outputs' && c !== undefined && !(outputsOf(a) ?? [c]).includes(c))
          return fail(scope.where, `jobs.${a}.outputs.${c}: job '${a}' has no output '${c}'`);
        return;
      case 'steps': {
        if (scope.steps === undefined) return fail(scope.where, 'the steps context is not available here');
        if (a === undefined) return;
        const step = scope.steps.find((s) => s.id === a);
        if (!step)
          return fail(scope.where, `steps.${a}: no step with id '${a}' before this point in job '${scope.job}'`);
        if (b === 'outputs' && c !== undefined) {
          if (hasOutput(repoRoot, step, c) === false)
            return fail(
              scope.where,
              `steps.${a}.outputs.${c}: step '${a}' (${String(step.uses ?? 'run')}) has no output '${c}'`,
            );
        } else if (b !== undefined && !['outputs', 'outcome', 'conclusion'].includes(b))
          return fail(scope.where, `steps.${a}.${b}: a step has outputs, outcome and conclusion only`);
        return;
      }
      case 'inputs':
        if (a !== undefined && !inputs.has(a))
          return fail(scope.where, `inputs.${a}: not a declared input (${[...inputs].join(', ') || 'none'})`);
        return;
      case 'secrets':
        if (a !== undefined && secrets !== undefined && !secrets.has(a))
          return fail(scope.where, `secrets.${a}: not a declared on.workflow_call secret`);
        return;
      case 'matrix': {
        const keys = matrixKeys(job);
        if (a !== undefined && keys !== undefined && !keys.includes(a))
          return fail(scope.where, `matrix.${a}: not a key of job '${scope.job}''s matrix (${keys.join(', ')})`);
        return;
      }
      case 'github':
        if (a !== undefined && !GITHUB_KEYS.has(a))
          return fail(scope.where, `github.${a}: not a github context property`);
        return;
      case 'runner':
        if (a !== undefined && !RUNNER_KEYS.has(a))
          return fail(scope.where, `runner.${a}: not a runner context property`);
        return;
      case 'strategy':
        if (a !== undefined && !STRATEGY_KEYS.has(a))
          return fail(scope.where, `strategy.${a}: not a strategy context property`);
        return;
      case 'job':
        if (a === 'services' && b !== undefined && !(b in obj(job.services)))
          return fail(scope.where, `job.services.${b}: job '${scope.job}' has no service '${b}'`);
        if (
          a !== undefined &&
          ![
            'status',
            'services',
            'container',
            'check_run_id',
            'workflow_ref',
            'workflow_sha',
            'workflow_repository',
            'workflow_file_path',
          ].includes(a)
        )
          return fail(scope.where, `job.${a}: not a job context property`);
        return;
      default:
        return;
    }
  };

  const checkExpr = (expr: string, scope: Scope): void => {
    let ast: Expr;
    try {
      ast = parseExpression(expr.trim());
    } catch (e) {
      return fail(scope.where, (e as Error).message);
    }
    for (const path of references(ast)) checkRef(path, scope);
  };
  const walk = (value: unknown, scope: Scope, bareIf = false): void => {
    if (typeof value === 'string') {
      if (bareIf && !/^\s*\$\{\{[\s\S]*\}\}\s*$/.test(value)) return checkExpr(value, scope);
      for (const m of value.matchAll(EXPRESSION)) checkExpr(m[1] as string, scope);
      if (value.replace(EXPRESSION, '').includes('${{')) fail(scope.where, 'a `${{` without its `}}`');
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, { ...scope, where: `${scope.where}[${i}]` }));
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, { ...scope, where: `${scope.where}.${k}` }, k === 'if');
  };

  walk(wf.env, { where: 'env' });
  walk(wf.concurrency, { where: 'concurrency' });
  for (const [name, o] of Object.entries(obj(call.outputs)))
    walk(obj(o).value, { where: `on.workflow_call.outputs.${name}` });
  for (const [id, j] of Object.entries(jobs)) {
    const job = obj(j);
    const steps = (Array.isArray(job.steps) ? job.steps : []).map(obj);
    for (const [k, v] of Object.entries(job)) {
      if (k === 'steps') continue;
      walk(v, { where: `jobs.${id}.${k}`, job: id, ...(k === 'outputs' ? { steps } : {}) }, k === 'if');
    }
    if (typeof job.uses === 'string') checkCall(repoRoot, job, `jobs.${id}`, fail);
    steps.forEach((step, i) => {
      const where = `jobs.${id}.steps[${i}]${step.id ? ` (${String(step.id)})` : ''}`;
      walk(step, { where, job: id, steps: steps.slice(0, i) });
      checkActionInputs(repoRoot, step, where, fail);
    });
  }
  return findings;
}

/** Every context path the expression reads, as far as its indexes are literal (`a.b['c']` → a, b, c). */
export function references(e: Expr): string[][] {
  const out: string[][] = [];
  const chain = (n: Expr): string[] | undefined => {
    if (n instanceof ContextAccess) return [n.name.lexeme];
    if (n instanceof IndexAccess) {
      const base = chain(n.expr);
      if (base === undefined) return undefined;
      if (n.index instanceof Literal && typeof (n.index.literal as { value?: unknown }).value === 'string')
        return [...base, String((n.index.literal as { value: string }).value)];
      out.push(base);
      visit(n.index);
      return undefined;
    }
    visit(n);
    return undefined;
  };
  const visit = (n: Expr): void => {
    if (n instanceof ContextAccess || n instanceof IndexAccess) {
      const p = chain(n);
      if (p) out.push(p);
    } else if (n instanceof FunctionCall) n.args.forEach(visit);
    else if (n instanceof Logical) n.args.forEach(visit);
    else if (n instanceof Binary) [n.left, n.right].forEach(visit);
    else if (n instanceof Unary) visit(n.expr);
    else if (n instanceof Grouping) visit(n.group);
  };
  visit(e);
  return out;
}

function calledWorkflow(repoRoot: string, uses: string): Obj | undefined {
  if (!uses.startsWith('./')) return undefined;
  const file = join(repoRoot, uses);
  return existsSync(file) ? obj(parseYaml(readFileSync(file, 'utf8'))) : undefined;
}

function localAction(repoRoot: string, uses: unknown): Obj | undefined {
  // ./actions/<name>, or under a checkout of this repository (publish.yml's ./.bydigest/actions/<name>).
  const m = typeof uses === 'string' ? /^\.\/(?:[\w.-]+\/)*(actions\/[a-z0-9-]+)\/?$/.exec(uses) : null;
  const file = m ? join(repoRoot, m[1] as string, 'action.yml') : undefined;
  return file && existsSync(file) ? obj(parseYaml(readFileSync(file, 'utf8'))) : undefined;
}

/** Whether the step can have output `name`: its action declares it, or its script writes `name=` or `name<<`. */
function hasOutput(repoRoot: string, step: Obj, name: string): boolean | undefined {
  const action = localAction(repoRoot, step.uses);
  if (action) return name in obj(action.outputs);
  if (typeof step.run === 'string') return step.run.includes(`${name}=`) || step.run.includes(`${name}<<`);
  return undefined;
}

function checkActionInputs(repoRoot: string, step: Obj, where: string, fail: (w: string, m: string) => void): void {
  const action = localAction(repoRoot, step.uses);
  if (!action) return;
  const declared = obj(action.inputs);
  for (const k of Object.keys(obj(step.with)))
    if (!(k in declared)) fail(`${where}.with.${k}`, `${String(step.uses)} has no input '${k}'`);
}

function checkCall(repoRoot: string, job: Obj, where: string, fail: (w: string, m: string) => void): void {
  const called = calledWorkflow(repoRoot, String(job.uses));
  if (!called) return fail(where, `uses: ${String(job.uses)}: no such workflow in this repository`);
  const wc = obj(obj(called.on).workflow_call);
  const inputs = obj(wc.inputs);
  for (const k of Object.keys(obj(job.with)))
    if (!(k in inputs)) fail(`${where}.with.${k}`, `${String(job.uses)} has no input '${k}'`);
  for (const [k, spec] of Object.entries(inputs))
    if (obj(spec).required === true && !(k in obj(job.with)))
      fail(`${where}.with`, `${String(job.uses)} requires input '${k}'`);
  if (job.secrets === 'inherit') return;
  const secrets = obj(wc.secrets);
  for (const k of Object.keys(obj(job.secrets)))
    if (!(k in secrets)) fail(`${where}.secrets.${k}`, `${String(job.uses)} has no secret '${k}'`);
}

function matrixKeys(job: Obj): string[] | undefined {
  const matrix = obj(job.strategy).matrix;
  if (typeof matrix !== 'object' || matrix === null) return undefined;
  const { include, exclude: _exclude, ...axes } = matrix as Obj;
  if (typeof include === 'string') return undefined;
  return [...Object.keys(axes), ...(Array.isArray(include) ? include.flatMap((i) => Object.keys(obj(i))) : [])];
}
