import { api, type Octokit, type RepoContext } from './github.js';
import type { ImageReport } from './images.js';
import { commitState, type Verdict } from './outcome.js';
import { statusContext, statusDescription } from './status-text.js';

/** One commit status per image, context `bydigest/<image>`, linking to the run. */
export async function publishStatuses(
  octokit: Octokit,
  ctx: RepoContext,
  images: readonly ImageReport[],
  verdict: Verdict,
  runUrl: string | undefined,
): Promise<string[]> {
  const state = commitState(verdict.outcome);
  const contexts: string[] = [];
  for (const image of images.length > 0 ? images : [undefined]) {
    const context = statusContext(image);
    await api('status', 'create commit status', `${ctx.owner}/${ctx.repo}@${ctx.sha}`, () =>
      octokit.rest.repos.createCommitStatus({
        owner: ctx.owner,
        repo: ctx.repo,
        sha: ctx.sha,
        state,
        context,
        description: statusDescription(image, verdict),
        ...(runUrl ? { target_url: runUrl } : {}),
      }),
    );
    contexts.push(context);
  }
  return contexts;
}
