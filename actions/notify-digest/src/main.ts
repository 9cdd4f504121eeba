import { setOutput } from '@actions/core';
import { context, getOctokit } from '@actions/github';
import { runAction } from '@bydigest/action-kit';
import type { RepoContext } from './github.js';
import { readInputs } from './inputs.js';
import type { RunInfo } from './report.js';
import { run } from './run.js';

await runAction(async () => {
  const inputs = readInputs();
  const result = await run(inputs, {
    run: runInfo(),
    repo: repoContext(),
    ...([...inputs.publish].some((t) => t !== 'summary') ? { octokit: getOctokit(inputs.githubToken) } : {}),
  });
  setOutput('outcome', result.outcome);
  // Never an empty output: a runner without a summary file and nothing else to publish says so.
  setOutput('published', result.published.join(' ') || 'none');
});

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
