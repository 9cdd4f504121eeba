import { context, getOctokit } from '@actions/github';
import { runAction, setCheckedOutput } from '@bydigest/action-kit';
import type { RepoContext } from './github.js';
import { readInputs } from './inputs.js';
import type { RunInfo } from './report.js';
import * as action from './run.js';

/** The whole step (what GitHub's local-action calls): inputs, the notifications, the outputs. */
export async function run(): Promise<void> {
  await runAction(async () => {
    const inputs = readInputs();
    const result = await action.run(inputs, {
      run: runInfo(),
      repo: repoContext(),
      ...([...inputs.publish].some((t) => t !== 'summary') ? { octokit: getOctokit(inputs.githubToken) } : {}),
    });
    setCheckedOutput('outcome', result.outcome, /^[a-z]+$/);
    // Never an empty output: a runner without a summary file and nothing else to publish says so.
    setCheckedOutput('published', result.published.join(' ') || 'none', /^[a-z ]+$/);
  });
}

function runInfo(): RunInfo {
  const { owner, repo } = context.repo;
  return {
    repository: `${owner}/${repo}`,
    runUrl: `${context.serverUrl}/${owner}/${repo}/actions/runs/${context.runId}`,
    sha: context.payload.pull_request?.head?.sha ?? context.sha,
    workflow: context.workflow || 'workflow',
  };
}

function repoContext(): RepoContext {
  const { owner, repo } = context.repo;
  const pr = context.payload.pull_request;
  const release = context.payload.release as { id?: number } | undefined;
  const ref = context.ref ?? '';
  const tag = ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : undefined;
  return {
    owner,
    repo,
    // Statuses on a pull request go on its head commit: GITHUB_SHA is the merge commit, which nobody sees.
    sha: (pr?.head?.sha as string | undefined) ?? context.sha,
    ...(pr ? { pullNumber: pr.number } : {}),
    ...(typeof release?.id === 'number' ? { releaseId: release.id } : {}),
    ...(tag ? { tag } : {}),
  };
}
