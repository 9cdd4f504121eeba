import { getOctokit } from '@actions/github';
import { InputError, runAction, setCheckedOutput } from '@bydigest/action-kit';
import { GitHubError } from '@bydigest/core';
import { readInputs } from './inputs.js';
import * as action from './run.js';

const SHA = /^[0-9a-f]{40}$/;

/** The whole step (what GitHub's local-action calls): inputs, the resolution, the outputs. */
export async function run(): Promise<void> {
  await runAction(async () => {
    const inputs = readInputs();
    // Read now, not when @actions/github was first imported (GitHub Enterprise, local runners).
    const baseUrl = process.env.GITHUB_API_URL;
    const octokit = getOctokit(inputs.githubToken, baseUrl ? { baseUrl } : {});
    const r = await action
      .run(inputs, { request: (route, params) => octokit.request(route, params) })
      .catch(namingInput);
    setCheckedOutput('sha', r.sha, SHA);
    setCheckedOutput('build-arg', r.buildArg, new RegExp(`^${inputs.buildArgName}=[0-9a-f]{40}$`));
    setCheckedOutput('label', r.label, (v) => v === `${inputs.labelKey}=${r.sha}`);
    setCheckedOutput('ref', r.ref, /^(refs\/(heads|tags)\/\S+|[0-9a-f]{40})$/);
  });
}

/** An API error about the repository, the ref or the token is that input's. */
function namingInput(e: unknown): never {
  if (e instanceof GitHubError && e.about) {
    throw new InputError(
      e.about === 'token' ? 'github-token' : e.about,
      `${e.message}${e.status ? ` (HTTP ${e.status})` : ''}`,
      e.hint,
    );
  }
  throw e;
}
