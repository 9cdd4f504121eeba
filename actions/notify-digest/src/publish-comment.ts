import { api, type Octokit, type RepoContext } from './github.js';
import { commentMarker, renderComment } from './comment-body.js';
import type { Report } from './report.js';

export type CommentResult =
  { action: 'created' | 'updated'; id: number; url: string; removed: number } | { action: 'none'; reason: string };

/**
 * One sticky comment per pull request and workflow: found again by its marker and edited in
 * place, so re-runs and later pushes never stack comments. Two runs at once can each find none
 * and create one; so after creating, the comments are listed again and only the oldest of ours
 * is kept (with this run's body). A push (not a pull_request event) comments on the open pull
 * request whose head is this commit, if there is one.
 */
export async function publishComment(octokit: Octokit, ctx: RepoContext, report: Report): Promise<CommentResult> {
  const number = ctx.pullNumber ?? (await pullForCommit(octokit, ctx));
  if (number === undefined)
    return { action: 'none', reason: `no open pull request has ${ctx.sha.slice(0, 7)} as its head` };
  const thread = {
    octokit,
    ctx,
    number,
    ref: `${ctx.owner}/${ctx.repo}#${number}`,
    marker: commentMarker(report.run.workflow),
  };
  const body = renderComment(report);
  const existing = await ourComments(thread);
  if (existing.length > 0) {
    const kept = await update(thread, existing[0]!.id, body);
    return { action: 'updated', ...kept, removed: await remove(thread, existing.slice(1)) };
  }
  const created = await api('comment', 'create comment', thread.ref, () =>
    octokit.rest.issues.createComment({ owner: ctx.owner, repo: ctx.repo, issue_number: number, body }),
  );
  const after = await ourComments(thread);
  const oldest = after[0];
  if (!oldest || oldest.id === created.data.id) {
    return {
      action: 'created',
      id: created.data.id,
      url: created.data.html_url,
      removed: await remove(thread, after.slice(1)),
    };
  }
  // Another run created one first: it stays, with this run's body, and ours goes.
  const kept = await update(thread, oldest.id, body);
  return { action: 'updated', ...kept, removed: await remove(thread, after.slice(1)) };
}

interface Thread {
  octokit: Octokit;
  ctx: RepoContext;
  number: number;
  ref: string;
  marker: string;
}

/** Our comments on the thread, oldest first. */
async function ourComments(t: Thread): Promise<Array<{ id: number }>> {
  const comments = await api('comment', 'list pull request comments', t.ref, () =>
    t.octokit.paginate(t.octokit.rest.issues.listComments, {
      owner: t.ctx.owner,
      repo: t.ctx.repo,
      issue_number: t.number,
      per_page: 100,
    }),
  );
  return comments.filter((c) => c.body?.includes(t.marker)).sort((a, b) => a.id - b.id);
}

async function update(t: Thread, id: number, body: string): Promise<{ id: number; url: string }> {
  const res = await api('comment', 'update comment', `${t.ref} comment ${id}`, () =>
    t.octokit.rest.issues.updateComment({ owner: t.ctx.owner, repo: t.ctx.repo, comment_id: id, body }),
  );
  return { id: res.data.id, url: res.data.html_url };
}

/** Deletes duplicates; one another run deleted first (404) is gone all the same. */
async function remove(t: Thread, extra: ReadonlyArray<{ id: number }>): Promise<number> {
  for (const c of extra) {
    try {
      await t.octokit.rest.issues.deleteComment({ owner: t.ctx.owner, repo: t.ctx.repo, comment_id: c.id });
    } catch (e) {
      if ((e as { status?: number }).status === 404) continue;
      await api('comment', 'delete duplicate comment', `${t.ref} comment ${c.id}`, () => Promise.reject(e));
    }
  }
  return extra.length;
}

async function pullForCommit(octokit: Octokit, ctx: RepoContext): Promise<number | undefined> {
  const pulls = await api('comment', 'list pull requests for commit', `${ctx.owner}/${ctx.repo}@${ctx.sha}`, () =>
    octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner: ctx.owner, repo: ctx.repo, commit_sha: ctx.sha }),
  );
  return pulls.data.find((p) => p.state === 'open' && p.head.sha === ctx.sha)?.number;
}
