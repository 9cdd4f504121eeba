// A `run:` step as the runner runs it: the rendered script in a file under RUNNER_TEMP, bash with
// the runner's flags, and the file commands (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH,
// GITHUB_STEP_SUMMARY) read back afterwards.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFileCommands } from '../runner.js';

export interface ShellResult {
  code: number;
  output: string;
  outputs: Record<string, string>;
  exported: Record<string, string>;
  pathAdded: string[];
  summary: string;
  masks: string[];
}

let counter = 0;

export async function runShell(
  script: string,
  o: { shell: string | undefined; env: Record<string, string>; cwd: string; temp: string; timeoutMs: number },
): Promise<ShellResult> {
  const n = ++counter;
  const file = join(o.temp, `step-${n}.sh`);
  writeFileSync(file, script);
  const files = {
    GITHUB_OUTPUT: join(o.temp, `run-output-${n}`),
    GITHUB_ENV: join(o.temp, `run-env-${n}`),
    GITHUB_PATH: join(o.temp, `run-path-${n}`),
    GITHUB_STEP_SUMMARY: join(o.temp, `run-summary-${n}`),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  // GitHub's defaults: `bash -e {0}` when no shell is named, the stricter line for `shell: bash`.
  const args =
    o.shell === 'bash'
      ? ['--noprofile', '--norc', '-eo', 'pipefail', file]
      : o.shell === undefined
        ? ['-e', file]
        : undefined;
  if (args === undefined) throw new Error(`shell: ${o.shell} has no stand-in (bash only)`);
  const child = spawn('bash', args, {
    cwd: o.cwd,
    env: { ...o.env, ...files },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number>((resolve) => {
    const timer = setTimeout(() => {
      output += `\n[harness: step timed out after ${o.timeoutMs} ms]\n`;
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, o.timeoutMs);
    child.on('close', (c, signal) => {
      clearTimeout(timer);
      resolve(c ?? (signal ? 128 : 1));
    });
  });
  return {
    code,
    output,
    outputs: parseFileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    exported: parseFileCommands(readFileSync(files.GITHUB_ENV, 'utf8')),
    pathAdded: readFileSync(files.GITHUB_PATH, 'utf8')
      .split('\n')
      .filter((l) => l !== ''),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    masks: [...output.matchAll(/^::add-mask::(.*)$/gm)].map((m) => m[1] as string),
  };
}
