import { get, getOrMissing, GitHubError, type GitHubApi } from './api.js';
import type { RateLimitPolicy } from './rate-limit.js';

/**
 * Whether a commit belongs to the repository itself or only to its fork network. GitHub serves
 * any commit of any fork under every repository of the network (`/repos/o/r/commits/<sha>`
 * answers for a commit pushed to a fork), so a SHA that resolves is not yet one of this
 * repository's: it must be an ancestor of (or equal to) one of its own branches or tags.
 */
export interface Reachability {
  reachable: boolean;
  /** The ref it was found from: `branch main`, `tag v1.2`. */
  via?: string;
  /** Every ref compared or matched, in order. */
  checked: string[];
  /** False when the bound on requests stopped the search before every branch and tag was tried. */
  complete: boolean;
  /** Requests made (the bound is 3 + maxCompares). */
  requests: number;
}

export interface ReachabilityOptions {
  /** Known already (from `GET /repos/o/r`): saves a request. */
  defaultBranch?: string;
  /** Compare requests after the default branch's; the tag and branch lists are one page (100) each. Default 10. */
  maxCompares?: number;
  rateLimit?: RateLimitPolicy;
}

interface NamedCommit {
  name: string;
  commit: { sha: string };
}

interface Comparison {
  status: 'diverged' | 'ahead' | 'behind' | 'identical';
}

/**
 * Compares `<ref>...<sha>` (GET /repos/{o}/{r}/compare/{base}...{head}): `identical` or `behind`
 * means the commit is in the ref's history. The default branch first (where nearly every
 * legitimate pin lives), then a SHA match against the tips of the first 100 tags and branches
 * (free), then compares against those tags and branches, tags first, at most `maxCompares` of
 * them. A search stopped by the bound reports `complete: false`; callers treat it as unreachable
 * and say the search was bounded.
 */
export async function isReachableFromRepository(
  api: GitHubApi,
  owner: string,
  repo: string,
  sha: string,
  opts: ReachabilityOptions = {},
): Promise<Reachability> {
  const slug = `${owner}/${repo}`;
  const call = { reference: `${slug}@${sha}`, ...(opts.rateLimit ? { rateLimit: opts.rateLimit } : {}) };
  const notFound = () =>
    new GitHubError(`repository ${slug} was not found, or the token cannot read it`, {
      ...call,
      operation: 'get repository',
      status: 404,
      about: 'repository',
    });
  let requests = 0;
  const checked: string[] = [];

  let defaultBranch = opts.defaultBranch;
  if (defaultBranch === undefined) {
    requests++;
    defaultBranch = (
      await get<{ default_branch: string }>(
        api,
        'GET /repos/{owner}/{repo}',
        { owner, repo },
        { ...call, operation: 'get repository', notFound },
      )
    ).default_branch;
  }
  const compare = async (label: string, base: string): Promise<boolean> => {
    requests++;
    checked.push(label);
    const c = await getOrMissing<Comparison>(
      api,
      'GET /repos/{owner}/{repo}/compare/{basehead}',
      { owner, repo, basehead: `${base}...${sha}` },
      { ...call, operation: `compare ${label}` },
    );
    // 404: the commit is not in the network at all (or the ref vanished meanwhile).
    return c !== undefined && (c.status === 'identical' || c.status === 'behind');
  };
  if (await compare(`branch ${defaultBranch}`, defaultBranch))
    return { reachable: true, via: `branch ${defaultBranch}`, checked, complete: true, requests };

  const list = async (what: 'tags' | 'branches'): Promise<{ refs: NamedCommit[]; more: boolean }> => {
    requests++;
    const refs =
      (await getOrMissing<NamedCommit[]>(
        api,
        `GET /repos/{owner}/{repo}/${what}`,
        { owner, repo, per_page: 100 },
        { ...call, operation: `list ${what}` },
      )) ?? [];
    return { refs, more: refs.length === 100 };
  };
  const tags = await list('tags');
  const branches = await list('branches');
  const candidates = [
    ...tags.refs.map((t) => ({ label: `tag ${t.name}`, tip: t.commit.sha })),
    ...branches.refs
      .filter((b) => b.name !== defaultBranch)
      .map((b) => ({ label: `branch ${b.name}`, tip: b.commit.sha })),
  ];
  const tip = candidates.find((c) => c.tip.toLowerCase() === sha.toLowerCase());
  if (tip) return { reachable: true, via: tip.label, checked: [...checked, tip.label], complete: true, requests };

  const budget = opts.maxCompares ?? 10;
  for (const c of candidates.slice(0, budget)) {
    if (await compare(c.label, c.tip)) return { reachable: true, via: c.label, checked, complete: true, requests };
  }
  return { reachable: false, checked, complete: candidates.length <= budget && !tags.more && !branches.more, requests };
}
