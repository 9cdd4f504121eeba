import { api, type Octokit, type RepoContext } from './github.js';
import { withReleaseSection } from './release-section.js';
import type { Report } from './report.js';

export type ReleaseResult = { updated: true; id: number; url: string } | { updated: false; reason: string };

/**
 * Appends the verify section to the run's release: the release event's own, else the one for
 * the pushed tag. A run with neither has no release to write to, which is not an error.
 */
export async function publishRelease(octokit: Octokit, ctx: RepoContext, report: Report): Promise<ReleaseResult> {
  const repo = `${ctx.owner}/${ctx.repo}`;
  let release: { id: number; body?: string | null };
  if (ctx.releaseId !== undefined) {
    const id = ctx.releaseId;
    release = (
      await api('release', 'get release', `${repo} release ${id}`, () =>
        octokit.rest.repos.getRelease({ owner: ctx.owner, repo: ctx.repo, release_id: id }),
      )
    ).data;
  } else if (ctx.tag !== undefined) {
    const tag = ctx.tag;
    try {
      release = (await octokit.rest.repos.getReleaseByTag({ owner: ctx.owner, repo: ctx.repo, tag })).data;
    } catch (e) {
      if ((e as { status?: number }).status === 404)
        return { updated: false, reason: `no release exists for tag ${tag} yet` };
      return api('release', 'get release by tag', `${repo} tag ${tag}`, () => Promise.reject(e));
    }
  } else {
    return { updated: false, reason: 'this run is neither a release event nor a tag push' };
  }
  const id = release.id;
  const updated = await api('release', 'update release', `${repo} release ${id}`, () =>
    octokit.rest.repos.updateRelease({
      owner: ctx.owner,
      repo: ctx.repo,
      release_id: id,
      body: withReleaseSection(release.body ?? '', report),
    }),
  );
  return { updated: true, id, url: updated.data.html_url };
}
