import { context, getOctokit } from '@actions/github';
import { runAction, runContext, runContextMissing, setCheckedOutput, type RunContext } from '@bydigest/action-kit';
import type { MissingRepoContext, RepoContext } from './github.js';
import { readInputs } from './inputs.js';
import type { RunInfo } from './report.js';
import * as action from './run.js';

/** The whole step (what GitHub's local-action calls): inputs, the notifications, the outputs. */
export async function run(): Promise<void> {
  await runAction(async () => {
    const inputs = readInputs();
    const runner = runContext();
    const result = await action.run(inputs, {
      run: runInfo(runner),
      repo: repoContext(runner),
      ...([...inputs.publish].some((t) => t !== 'summary') ? { octokit: getOctokit(inputs.githubToken) } : {}),
    });
    setCheckedOutput('outcome', result.outcome, /^[a-z]+$/);
    // Never an empty output: a runner without a summary file and nothing else to publish says so.
    setCheckedOutput('published', result.published.join(' ') || 'none', /^[a-z ]+$/);
  });
}

/** Statuses on a pull request go on its head commit: GITHUB_SHA is the merge commit, which nobody sees. */
const commit = (runner: RunContext): string | undefined =>
  (context.payload.pull_request?.head?.sha as string | undefined) ?? runner.sha;

function runInfo(runner: RunContext): RunInfo {
  const sha = commit(runner);
  return {
    ...(runner.repository ? { repository: runner.repository } : {}),
    ...(runner.runUrl ? { runUrl: runner.runUrl } : {}),
    ...(sha ? { sha } : {}),
    workflow: runner.workflow ?? 'workflow',
  };
}

function repoContext(runner: RunContext): RepoContext | MissingRepoContext {
  const sha = commit(runner);
  if (!runner.owner || !runner.repo || !sha) {
    return {
      missing: [runner.repository ? '' : runContextMissing('repository'), sha ? '' : runContextMissing('sha')]
        .filter(Boolean)
        .join(' and '),
    };
  }
  const pr = context.payload.pull_request;
  const release = context.payload.release as { id?: number } | undefined;
  const ref = context.ref ?? '';
  const tag = ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : undefined;
  return {
    owner: runner.owner,
    repo: runner.repo,
    sha,
    ...(pr ? { pullNumber: pr.number } : {}),
    ...(typeof release?.id === 'number' ? { releaseId: release.id } : {}),
    ...(tag ? { tag } : {}),
  };
}
