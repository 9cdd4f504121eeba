import {
  isBasicExpression,
  isLiteral,
  isMapping,
  isSequence,
  isString,
  NoOperationTraceWriter,
  parseWorkflow,
} from '@actions/workflow-parser';
import type { MappingToken } from '@actions/workflow-parser/templates/tokens/mapping-token';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';
import type { JobModel, Located, PermissionsModel, PipelineModel, StepModel } from './model.js';
import type { SourceText } from './source-text.js';
import type { Span } from './types.js';

export class NotReadable extends Error {}

/**
 * Reads a workflow with GitHub's own parser (the one the Actions service's language server uses),
 * so what counts as a job, a step or a `uses:` is what GitHub reads, with its positions.
 */
export function readWorkflow(name: string, source: SourceText): PipelineModel {
  const parsed = parseWorkflow({ name, content: source.text }, new NoOperationTraceWriter());
  const root = parsed.value;
  const errors = parsed.context.errors.getErrors();
  if (root === undefined || !isMapping(root)) {
    throw new NotReadable(errors[0] ? firstLine(errors[0].message) : 'is not a YAML mapping, so not a workflow');
  }
  const jobs = find(root, 'jobs');
  if (jobs === undefined || !isMapping(jobs)) {
    const why = errors.find((e) => /yaml|syntax|indent|unexpected/i.test(e.message)) ?? errors[0];
    throw new NotReadable(why ? firstLine(why.message) : 'has no jobs: mapping, so it is not a workflow');
  }
  const permissions = readPermissions(find(root, 'permissions'));
  return {
    kind: 'workflow',
    ...(permissions ? { permissions } : {}),
    jobs: [...jobs].map((kv) => readJob(String(literal(kv.key)), kv.key, kv.value, source)),
  };
}

function readJob(id: string, key: TemplateToken, job: TemplateToken, source: SourceText): JobModel {
  const model: JobModel = { id, at: span(key), images: [], steps: [] };
  if (!isMapping(job)) return model;
  const permissions = readPermissions(find(job, 'permissions'));
  if (permissions) model.permissions = permissions;
  const uses = located(find(job, 'uses'), source);
  if (uses) model.uses = uses;
  const container = find(job, 'container');
  pushImage(model.images, container, source);
  const services = find(job, 'services');
  if (services && isMapping(services)) for (const s of services) pushImage(model.images, s.value, source);
  const steps = find(job, 'steps');
  if (steps && isSequence(steps)) {
    for (const step of steps) if (isMapping(step)) model.steps.push(readStep(step, source));
  }
  return model;
}

function readStep(step: MappingToken, source: SourceText): StepModel {
  const model: StepModel = { with: new Map() };
  const uses = located(find(step, 'uses'), source);
  if (uses) model.uses = uses;
  const run = located(find(step, 'run'), source);
  if (run) model.run = run;
  const inputs = find(step, 'with');
  if (inputs && isMapping(inputs)) {
    for (const kv of inputs) {
      const v = located(kv.value, source);
      if (v) model.with.set(String(literal(kv.key)), v);
    }
  }
  return model;
}

function pushImage(into: Located[], node: TemplateToken | undefined, source: SourceText): void {
  const image = node && isMapping(node) ? find(node, 'image') : node;
  const l = located(image, source);
  if (l && l.value !== '') into.push(l);
}

function readPermissions(node: TemplateToken | undefined): PermissionsModel | undefined {
  if (node === undefined) return undefined;
  if (isMapping(node)) {
    const writes = [...node].filter((kv) => String(literal(kv.value)) === 'write').map((kv) => String(literal(kv.key)));
    return { at: span(node), writes };
  }
  return { at: span(node), scalar: String(literal(node)), writes: [] };
}

function find(m: MappingToken, key: string): TemplateToken | undefined {
  for (const kv of m) if (isString(kv.key) && kv.key.value === key) return kv.value;
  return undefined;
}

function literal(t: TemplateToken): string | number | boolean | null {
  if (isBasicExpression(t)) return `\${{ ${t.expression} }}`;
  if (isLiteral(t)) return (t as unknown as { value: string | number | boolean | null }).value;
  return '';
}

function span(t: TemplateToken): Span {
  const r = t.range;
  return r
    ? { start: { ...r.start }, end: { ...r.end } }
    : { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
}

function located(t: TemplateToken | undefined, source: SourceText): Located | undefined {
  if (t === undefined || !(isLiteral(t) || isBasicExpression(t))) return undefined;
  const value = literal(t);
  const s = span(t);
  return {
    value: value === null ? '' : String(value),
    span: s,
    after: source.line(s.end.line).slice(s.end.column - 1),
    expression: isBasicExpression(t),
  };
}

/** YAML errors carry a source excerpt on the lines after the first; a log line needs only the first. */
const firstLine = (message: string): string => message.split('\n')[0]!.trim();
