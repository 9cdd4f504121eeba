// The entry point: runs a workflow file of a repository (its working tree, as the tests see it)
// with every stand-in up, and stops them all afterwards.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startRegistry, type RunningRegistry } from '../registry.js';
import { REPO_ROOT } from '../runner.js';
import { startGitHub } from './github.js';
import { keepStorage, type RunContext } from './job.js';
import { runWorkflowFile, type WorkflowResult } from './workflow.js';

export interface RunWorkflowOptions {
  /** The repository (its working tree) actions/checkout stands for; default this one. */
  source?: string;
  /** Repository-relative, e.g. `.github/workflows/dogfood.yml`. */
  workflow: string;
  /** `owner/name` the github context names. */
  repository?: string;
  secrets?: Record<string, string>;
  /** Keep each service's storage under `storageDir` (as `<job>-<service>`) before it stops. */
  keepServiceStorage?: boolean;
  /** Files every checkout gets, as if committed (a fork's cosign.pub). */
  extraFiles?: Record<string, string>;
  /**
   * A registry for the whole run on 127.0.0.1:PORT, standing in for the fork's ghcr.io (its
   * storage is kept as `<storageDir>/run-registry`).
   */
  registryPort?: number;
}

export interface WorkflowRun extends WorkflowResult {
  /** The log of every step, masked, one `[job] …` line (or block) per entry. */
  log: string;
  storageDir: string;
  /** Removes the run's directory (workspaces, artifacts, kept storage). */
  cleanup(): void;
}

export async function runWorkflow(opts: RunWorkflowOptions): Promise<WorkflowRun> {
  const source = opts.source ?? REPO_ROOT;
  const dir = mkdtempSync(join(tmpdir(), 'bydigest-wfrun-'));
  const storageDir = join(dir, 'storage');
  for (const d of ['artifacts', 'containers', 'storage']) mkdirSync(join(dir, d));
  const gh = await startGitHub(source, opts.repository ?? 'bydigest/bydigest');
  const secrets = { GITHUB_TOKEN: gh.token, ...opts.secrets };
  const run: RunContext = {
    dir,
    source,
    artifacts: join(dir, 'artifacts'),
    containers: join(dir, 'containers'),
    gh,
    extraFiles: opts.extraFiles ?? {},
    masks: new Set([gh.token, ...Object.values(opts.secrets ?? {})]),
    log: [],
    ...(opts.keepServiceStorage ? { onServiceStop: keepStorage(storageDir) } : {}),
  };
  let registry: RunningRegistry | undefined;
  try {
    if (opts.registryPort !== undefined) registry = await startRegistry({ port: opts.registryPort });
    const result = await runWorkflowFile(run, resolve(source, opts.workflow), undefined, undefined, secrets);
    return {
      ...result,
      log: run.log.join('\n'),
      storageDir,
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${(e as Error).message}\n--- log ---\n${run.log.join('\n')}`, { cause: e });
  } finally {
    if (registry) {
      if (existsSync(storageDir)) cpSync(registry.dataDir, join(storageDir, 'run-registry'), { recursive: true });
      await registry.stop();
    }
    await gh.stop();
  }
}
