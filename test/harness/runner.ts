import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface ActionYaml {
  name: string;
  inputs?: Record<string, { description?: string; required?: boolean; default?: string }>;
  outputs?: Record<string, { description?: string }>;
  runs: { using: string; main: string; post?: string; 'post-if'?: string };
}

export interface StepResult {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  /** Values registered with ::add-mask:: during the step. */
  masks: string[];
  /** What the step wrote to GITHUB_ENV and GITHUB_PATH (the workflow harness carries them on). */
  exported: Record<string, string>;
  pathAdded: string[];
  pid: number;
  durationMs: number;
}

export interface ActionRun {
  main: StepResult;
  post?: StepResult;
  runnerTemp: string;
  /**
   * Runs `runs.post` now, with main's STATE_* (for `post: false` runs): the runner runs post
   * steps at the end of the job, after the steps that follow, as the demo does for wipe-secrets.
   */
  postLater?: (opts?: RunOptions) => Promise<StepResult>;
}

export interface RunOptions {
  inputs?: Record<string, string>;
  /** Extra environment; secrets go here, as a workflow's `env:` would pass them. */
  env?: Record<string, string>;
  runnerTemp?: string;
  /** Run `runs.post` after main as the runner would (default true when the action has one). */
  post?: boolean;
  timeoutMs?: number;
  /** The repository whose actions/<name> runs (default: this one); the workflow harness passes its checkout. */
  root?: string;
  /** The working directory (the runner's is GITHUB_WORKSPACE). */
  cwd?: string;
  /** Called with the child's pid right after spawn (for /proc inspection). */
  onSpawn?: (pid: number, phase: 'main' | 'post') => void;
}

export function readActionYaml(name: string, root = REPO_ROOT): ActionYaml {
  return parseYaml(readFileSync(join(root, 'actions', name, 'action.yml'), 'utf8')) as ActionYaml;
}

/**
 * Runs `dist/<name>/index.js` the way the GitHub runner does: INPUT_* (with action.yml
 * defaults), GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files, RUNNER_TEMP, under
 * this Node (the tests run on Node 24, the runner's), then `runs.post` with STATE_*.
 */
export async function runAction(name: string, opts: RunOptions = {}): Promise<ActionRun> {
  const meta = readActionYaml(name, opts.root);
  if (meta.runs.using !== 'node24')
    throw new Error(`${name}/action.yml: runs.using is ${meta.runs.using}, expected node24`);
  const actionDir = join(opts.root ?? REPO_ROOT, 'actions', name);
  const runnerTemp = opts.runnerTemp ?? mkdtempSync(join(tmpdir(), 'bydigest-runner-'));
  const inputEnv: Record<string, string> = {};
  for (const [key, spec] of Object.entries(meta.inputs ?? {})) {
    const given = opts.inputs?.[key];
    const value = given ?? expandDefault(spec.default ?? '', opts.env ?? {});
    inputEnv[`INPUT_${key.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  for (const key of Object.keys(opts.inputs ?? {})) {
    if (!(key in (meta.inputs ?? {}))) throw new Error(`${name}: input '${key}' is not declared in action.yml`);
  }
  const baseEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    GITHUB_WORKSPACE: runnerTemp,
    GITHUB_ACTOR: 'bydigest-test',
    GITHUB_REPOSITORY: 'bydigest/test',
    ...opts.env,
  };
  const main = await runStep(join(actionDir, meta.runs.main), { ...baseEnv, ...inputEnv }, runnerTemp, 'main', opts);
  const result: ActionRun = { main, runnerTemp };
  const wantPost = opts.post ?? meta.runs.post !== undefined;
  if (wantPost && meta.runs.post) {
    const postIf = meta.runs['post-if'] ?? 'success()';
    if (postIf.includes('always()') || main.code === 0) {
      result.post = await runStep(
        join(actionDir, meta.runs.post),
        { ...baseEnv, ...inputEnv, ...stateEnv(main) },
        runnerTemp,
        'post',
        opts,
      );
    }
  }
  result.postLater = (later: RunOptions = {}) => {
    if (!meta.runs.post) throw new Error(`${name} has no post step`);
    const env = { ...baseEnv, ...later.env, ...inputEnv, ...stateEnv(main) };
    return runStep(join(actionDir, meta.runs.post), env, runnerTemp, 'post', { ...opts, ...later });
  };
  return result;
}

function stateEnv(main: StepResult): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(main.state)) env[`STATE_${k}`] = v;
  return env;
}

function expandDefault(value: string, env: Record<string, string>): string {
  return value
    .replace(/\$\{\{\s*github\.token\s*\}\}/g, env.GITHUB_TOKEN ?? '')
    .replace(/\$\{\{\s*runner\.temp\s*\}\}/g, env.RUNNER_TEMP ?? '');
}

let stepCounter = 0;

async function runStep(
  script: string,
  env: Record<string, string>,
  runnerTemp: string,
  phase: 'main' | 'post',
  opts: RunOptions,
): Promise<StepResult> {
  if (!existsSync(script)) throw new Error(`${script} does not exist: run pnpm bundle`);
  const n = ++stepCounter;
  const files = {
    GITHUB_OUTPUT: join(runnerTemp, `output-${n}`),
    GITHUB_STATE: join(runnerTemp, `state-${n}`),
    GITHUB_STEP_SUMMARY: join(runnerTemp, `summary-${n}`),
    GITHUB_ENV: join(runnerTemp, `env-${n}`),
    GITHUB_PATH: join(runnerTemp, `path-${n}`),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const started = Date.now();
  const child = spawn(process.execPath, [script], {
    env: { ...env, ...files },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(opts.cwd ? { cwd: opts.cwd } : {}),
  });
  opts.onSpawn?.(child.pid ?? -1, phase);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const code = await new Promise<number>((res) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (c, signal) => {
      clearTimeout(timer);
      res(c ?? (signal ? 128 : 1));
    });
  });
  const masks = [...stdout.matchAll(/^::add-mask::(.*)$/gm)].map((m) => m[1] as string);
  return {
    code,
    stdout,
    stderr,
    outputs: parseFileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    state: parseFileCommands(readFileSync(files.GITHUB_STATE, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    masks,
    exported: parseFileCommands(readFileSync(files.GITHUB_ENV, 'utf8')),
    pathAdded: readFileSync(files.GITHUB_PATH, 'utf8')
      .split('\n')
      .filter((l) => l !== ''),
    pid: child.pid ?? -1,
    durationMs: Date.now() - started,
  };
}

/** `name<<DELIM\nvalue\nDELIM` (what the actions write, as @actions/core does) and plain `name=value` lines. */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, key, delim] = heredoc as unknown as [string, string, string];
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i] as string);
      out[key] = value.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

/** The `::error::` lines of a step, decoded, for assertions on failure messages. */
export function errorLines(step: StepResult): string[] {
  return [...step.stdout.matchAll(/^::error(?: [^:]*)?::(.*)$/gm)].map((m) => decodeCommand(m[1] as string));
}

function decodeCommand(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
