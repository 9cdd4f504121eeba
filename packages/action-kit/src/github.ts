// The workflow run, as @actions/github's context reads it from the runner's environment. Loaded
// on demand: the package brings Octokit, which no action needs before its first registry request.

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

/** The run this step belongs to, or undefined outside a workflow (no GITHUB_REPOSITORY). */
export async function githubRun(): Promise<GithubRun | undefined> {
  const { context } = await import('@actions/github');
  if (!process.env.GITHUB_REPOSITORY || !context.sha) return undefined;
  const repository = `${context.repo.owner}/${context.repo.repo}`;
  return {
    repository,
    sha: context.sha,
    // Not on the context object: the runner exports it for reusable-workflow-aware identities.
    workflowRef: process.env.GITHUB_WORKFLOW_REF ?? `${repository}/${context.workflow}`,
    runId: String(context.runId),
    runUrl: `${context.serverUrl}/${repository}/actions/runs/${context.runId}`,
  };
}
