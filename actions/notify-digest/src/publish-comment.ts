import { api, type Octokit, type RepoContext } from './github.js';
import { commentMarker, renderComment } from './comment-body.js';
import type { Report } from './report.js';

export type CommentResult = { action: 'created' | 'updated'; id: number; url: string } | { action: 'none'; reason: string };

/**
 * One sticky comment per pull request and workflow: found again by its marker and edited in
 * place, so re-runs and later pushes never stack comments. A push (not a pull_request event)
 * comments on the open pull request whose head is this commit, if there is one.
 */
export async function publishComment(octokit: Octokit, ctx: RepoContext, report: Report): Promise<CommentResult> {
  const repo = `${ctx.owner}/${ctx.repo}`;
  const number = ctx.pullNumber ?? (await pullForCommit(octokit, ctx));
  if (number === undefined) return { action: 'none', reason: `no open pull request has ${ctx.sha.slice(0, 7)} as its head` };
  const ref = `${repo}#${number}`;
  const marker = commentMarker(report.run.workflow);
  const comments = await api('comment', 'list pull request comments', ref, () =>
    octokit.paginate(octokit.rest.issues.listComments, { owner: ctx.owner, repo: ctx.repo, issue_number: number, per_page: 100 }),
  );
  const body = renderComment(report);
  const ours = comments.find((c) => c.body?.includes(marker));
  if (ours) {
    const res = await api('comment', 'update comment', `${ref} comment ${ours.id}`, () =>
      octokit.rest.issues.updateComment({ owner: ctx.owner, repo: ctx.repo, comment_id: ours.id, body }),
    );
    return { action: 'updated', id: res.data.id, url: res.data.html_url };
  }
  const res = await api('comment', 'create comment', ref, () => octokit.rest.issues.createComment({ owner: ctx.owner, repo: ctx.repo, issue_number: number, body }));
  return { action: 'created', id: res.data.id, url: res.data.html_url };
}

async function pullForCommit(octokit: Octokit, ctx: RepoContext): Promise<number | undefined> {
  const pulls = await api('comment', 'list pull requests for commit', `${ctx.owner}/${ctx.repo}@${ctx.sha}`, () =>
    octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner: ctx.owner, repo: ctx.repo, commit_sha: ctx.sha }),
  );
  return pulls.data.find((p) => p.state === 'open' && p.head.sha === ctx.sha)?.number;
}
