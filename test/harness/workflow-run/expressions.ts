// `${{ }}` and `if:` evaluated by GitHub's own expression engine (@actions/expressions, the
// package the Actions language service uses), over plain JSON contexts.
import { data, Evaluator, Lexer, Parser, type Expr } from '@actions/expressions';
import type { FunctionDefinition, FunctionInfo } from '@actions/expressions/funcs/info';
import { truthy } from '@actions/expressions/result';

export const CONTEXTS = [
  'github',
  'env',
  'vars',
  'job',
  'jobs',
  'steps',
  'runner',
  'secrets',
  'strategy',
  'matrix',
  'needs',
  'inputs',
];

/**
 * What the status functions answer: a step's job so far, or a job's `needs` (`skipped`: a need was
 * skipped, so neither success() nor failure() holds).
 */
export type Status = 'success' | 'failure' | 'cancelled' | 'skipped';

const STATUS_FUNCS = ['success', 'failure', 'always', 'cancelled'];
const EXTRA_FUNCS: FunctionInfo[] = [...STATUS_FUNCS, 'hashFiles'].map((name) => ({
  name,
  minArgs: 0,
  maxArgs: name === 'hashFiles' ? 255 : 0,
}));

export type Contexts = Record<string, unknown>;

/** Throws GitHub's parser error (unknown context, unknown function, syntax) naming the expression. */
export function parseExpression(expr: string): Expr {
  try {
    return new Parser(new Lexer(expr).lex().tokens, CONTEXTS, EXTRA_FUNCS).parse();
  } catch (e) {
    throw new Error(`expression \`${expr}\`: ${(e as Error).message}`, { cause: e });
  }
}

const toData = (value: unknown): data.Dictionary =>
  JSON.parse(JSON.stringify(value ?? {}), data.reviver) as data.Dictionary;

function functions(status: Status): Map<string, FunctionDefinition> {
  const fn = (name: string, answer: () => boolean): [string, FunctionDefinition] => [
    name,
    { name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(answer()) },
  ];
  return new Map([
    fn('success', () => status === 'success'),
    fn('failure', () => status === 'failure'),
    fn('always', () => true),
    fn('cancelled', () => status === 'cancelled'),
    [
      'hashfiles',
      {
        name: 'hashFiles',
        minArgs: 1,
        maxArgs: 255,
        call: () => {
          throw new Error('hashFiles() has no stand-in in this harness');
        },
      },
    ],
  ]);
}

export function evaluate(expr: string, ctx: Contexts, status: Status = 'success'): data.ExpressionData {
  return new Evaluator(parseExpression(expr), toData(ctx), functions(status)).evaluate();
}

/**
 * `if:` as the runner reads it: a bare expression or one `${{ }}`, `success() &&` unless a status function is named.
 */
export function condition(raw: string | boolean | undefined, ctx: Contexts, status: Status): boolean {
  if (raw === undefined || raw === '') return status === 'success';
  let expr = String(raw).trim();
  const whole = WHOLE.exec(expr);
  if (whole) expr = (whole[1] as string).trim();
  if (!/\b(success|failure|always|cancelled)\s*\(/i.test(expr)) expr = `success() && (${expr})`;
  return truthy(evaluate(expr, ctx, status));
}

export const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;
/** A value that is one expression and nothing else (`${{ a }}:${{ b }}` is not). */
const WHOLE = /^\$\{\{((?:(?!\}\})[\s\S])*)\}\}$/;

/** A string with `${{ }}` parts rendered (null → '', objects → their JSON, as `format` would refuse). */
export function interpolate(value: unknown, ctx: Contexts, status: Status = 'success'): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') return String(value);
  return value.replace(EXPRESSION, (_, expr: string) => toText(evaluate(expr.trim(), ctx, status)));
}

/** Every string in a YAML value (a `with:`, `env:`, `outputs:` map, a matrix) rendered. */
export function interpolateDeep(value: unknown, ctx: Contexts, status: Status = 'success'): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value.trim());
    // A whole-value expression keeps its type (a matrix from fromJSON, a boolean input).
    if (whole) return toPlain(evaluate((whole[1] as string).trim(), ctx, status));
    return interpolate(value, ctx, status);
  }
  if (Array.isArray(value)) return value.map((v) => interpolateDeep(v, ctx, status));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolateDeep(v, ctx, status)]));
  return value;
}

/** A rendered value as an input or env string: null is '', objects their JSON. */
export function asInput(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export function toText(d: data.ExpressionData): string {
  if (d.kind === data.Kind.Null) return '';
  if (d.kind === data.Kind.Array || d.kind === data.Kind.Dictionary) return JSON.stringify(toPlain(d));
  return d.coerceString();
}

export function toPlain(d: data.ExpressionData): unknown {
  switch (d.kind) {
    case data.Kind.Null:
      return null;
    case data.Kind.Boolean:
    case data.Kind.Number:
    case data.Kind.String:
      return (d as data.BooleanData | data.NumberData | data.StringData).value;
    case data.Kind.Array:
      return (d as data.Array).values().map(toPlain);
    default:
      return Object.fromEntries((d as data.Dictionary).pairs().map((p) => [p.key, toPlain(p.value)]));
  }
}
