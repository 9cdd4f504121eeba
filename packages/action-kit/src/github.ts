// The workflow run, as the runner's environment describes it. A local run, act or another CI
// leaves some of these variables unset; each field is then undefined, so a caller renders a
// fallback or names the variable it cannot do without (runContextMissing), never reads undefined.

/** What the runner says about the run; undefined where its variable is unset or empty. */
export interface RunContext {
  /** owner/name (GITHUB_REPOSITORY) */
  repository?: string;
  owner?: string;
  repo?: string;
  /** The commit the run is for (GITHUB_SHA). */
  sha?: string;
  /** GITHUB_RUN_ID */
  runId?: string;
  /** The workflow's name (GITHUB_WORKFLOW). */
  workflow?: string;
  /** e.g. owner/name/.github/workflows/release.yml@refs/heads/main (GITHUB_WORKFLOW_REF) */
  workflowRef?: string;
  /** A link to the run's page: needs the repository and the run id. */
  runUrl?: string;
}

/** The variable each field comes from, for messages. */
export const RUN_CONTEXT_VARIABLES = {
  repository: 'GITHUB_REPOSITORY',
  sha: 'GITHUB_SHA',
  runId: 'GITHUB_RUN_ID',
  workflow: 'GITHUB_WORKFLOW',
  workflowRef: 'GITHUB_WORKFLOW_REF',
} as const;

export function runContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const value = (name: string) => env[name]?.trim() || undefined;
  const out: RunContext = {};
  const repository = value(RUN_CONTEXT_VARIABLES.repository);
  const [owner, repo, extra] = repository?.split('/') ?? [];
  // As @actions/github splits it; a value that is not owner/name is as good as none.
  if (repository && owner && repo && extra === undefined) Object.assign(out, { repository, owner, repo });
  const sha = value(RUN_CONTEXT_VARIABLES.sha);
  if (sha) out.sha = sha;
  const runId = value(RUN_CONTEXT_VARIABLES.runId);
  if (runId && /^\d+$/.test(runId)) out.runId = runId;
  const workflow = value(RUN_CONTEXT_VARIABLES.workflow);
  if (workflow) out.workflow = workflow;
  const workflowRef = value(RUN_CONTEXT_VARIABLES.workflowRef);
  if (workflowRef) out.workflowRef = workflowRef;
  if (out.repository && out.runId)
    out.runUrl = `${value('GITHUB_SERVER_URL') ?? 'https://github.com'}/${out.repository}/actions/runs/${out.runId}`;
  return out;
}

/** Why a field is absent, naming its variable: "GITHUB_SHA is not set". */
export function runContextMissing(
  field: keyof typeof RUN_CONTEXT_VARIABLES,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const name = RUN_CONTEXT_VARIABLES[field];
  const given = env[name]?.trim();
  return given
    ? `${name} is ${JSON.stringify(given)}, not ${field === 'repository' ? 'owner/name' : field === 'runId' ? 'a run number' : 'usable'}`
    : `${name} is not set`;
}

/** The run this step belongs to, complete enough to annotate a signature with. */
export interface GithubRun {
  /** owner/name */
  repository: string;
  sha: string;
  /** e.g. owner/name/.github/workflows/release.yml@refs/heads/main */
  workflowRef: string;
  runId: string;
  /** A link to the run's page. */
  runUrl: string;
}

/**
 * The run this step belongs to, or undefined outside a workflow (no GITHUB_REPOSITORY, GITHUB_SHA or GITHUB_RUN_ID).
 */
export async function githubRun(): Promise<GithubRun | undefined> {
  const run = runContext();
  if (!run.repository || !run.sha || !run.runId || !run.runUrl) return undefined;
  return {
    repository: run.repository,
    sha: run.sha,
    // Not on @actions/github's context object: the runner exports it for reusable-workflow-aware identities.
    workflowRef: run.workflowRef ?? `${run.repository}/${run.workflow ?? ''}`,
    runId: run.runId,
    runUrl: run.runUrl,
  };
}
