// Runs an action from its TypeScript sources with GitHub's own local runner, @github/local-action,
// as a new user trying the repository would: `local-action run <action dir> src/main.ts <.env>`
// (and `--post`), with the toolkit stubbed by the tool and outputs read from its report.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, type RunResult } from './run.js';
import { REPO_ROOT } from './runner.js';

export interface LocalActionRun extends RunResult {
  outputs: Record<string, string>;
}

const quote = (v: string) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

/** `env` holds INPUT_* and the step's environment; it is written as the tool's .env file. */
export async function localAction(
  name: string,
  env: Record<string, string>,
  opts: { post?: boolean; timeoutMs?: number } = {},
): Promise<LocalActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'local-action-'));
  const envFile = join(dir, '.env');
  // ESM actions under pnpm: the tool must stub the toolkit where pnpm keeps it, not the symlink.
  const all = { NODE_PACKAGE_MANAGER: 'pnpm', RUNNER_TEMP: dir, ...env };
  writeFileSync(
    envFile,
    Object.entries(all)
      .map(([k, v]) => `${k}=${quote(v)}`)
      .join('\n') + '\n',
  );
  const args = ['run', '.', 'src/main.ts', envFile, ...(opts.post ? ['--post', 'src/post.ts'] : [])];
  const bin = join(REPO_ROOT, 'node_modules', '.bin', 'local-action');
  const result = await run(bin, args, {
    cwd: join(REPO_ROOT, 'actions', name),
    env: {
      PATH: `${join(REPO_ROOT, 'node_modules', '.bin')}:${process.env.PATH ?? '/usr/bin:/bin'}`,
      HOME: process.env.HOME ?? '/root',
    },
    timeoutMs: opts.timeoutMs ?? 120_000,
  });
  return { ...result, outputs: outputsTable(result.stdout) };
}

/** The tool's "Action Outputs" table: `│ 0 │ 'name' │ 'value' │` rows (console.table). */
function outputsTable(stdout: string): Record<string, string> {
  const section = stdout.split('Action Outputs')[1] ?? '';
  const out: Record<string, string> = {};
  for (const m of section.matchAll(/│\s*\d+\s*│\s*'([^']+)'\s*│\s*'(.*?)'\s*│/g)) out[m[1]!] = m[2]!;
  return out;
}
